# One benchmark case of bench/h5py/run.sh, in the dialect both h5py (CPython) and
# h5lab run. run.sh prepends `CASE = '...'` and `PATH = '...'` and runs this file
# once per engine and try. Only the operation itself is timed (time.perf_counter
# around it): interpreter start-up, imports and making the source array are not;
# closing the file after a write is (it is when the data reaches the file).
# Prints one line `TIME <seconds>`; run.sh reads peak RSS from /usr/bin/time -v.
import time
import numpy as np
import h5py

N_BIG = 10**8
N_GZIP = 10**7
N_SMALL = 10000

if CASE == 'write_1e8':
    a = np.arange(N_BIG, dtype='f8')
    f = h5py.File(PATH, 'w')
    t0 = time.perf_counter()
    f['x'] = a
    f.close()
    t1 = time.perf_counter()
elif CASE == 'read_1e8':
    f = h5py.File(PATH, 'r')
    t0 = time.perf_counter()
    b = f['x'][:]
    t1 = time.perf_counter()
    assert b.shape == (N_BIG,)
    assert b[-1] == N_BIG - 1
    f.close()
elif CASE == 'write_gzip_1e7':
    a = np.arange(N_GZIP, dtype='f8')
    f = h5py.File(PATH, 'w')
    t0 = time.perf_counter()
    f.create_dataset('x', data=a, compression='gzip')
    f.close()
    t1 = time.perf_counter()
elif CASE == 'read_gzip_1e7':
    f = h5py.File(PATH, 'r')
    t0 = time.perf_counter()
    b = f['x'][:]
    t1 = time.perf_counter()
    assert b[-1] == N_GZIP - 1
    f.close()
elif CASE == 'create_10k':
    small = np.arange(10)
    f = h5py.File(PATH, 'w')
    t0 = time.perf_counter()
    for i in range(N_SMALL):
        f['d%d' % i] = small
    f.close()
    t1 = time.perf_counter()
else:
    raise ValueError('unknown case ' + CASE)
print('TIME %.6f' % (t1 - t0))
