# %%
import h5py
import numpy as np
f = h5py.File('fw.h5', 'w')
dt = np.dtype([('a', 'i4'), ('b', 'f8'), ('c', 'u1')])
d = f.create_dataset('d', data=np.zeros(3, dtype=dt))
d['a'] = [1, 2, 3]
d[1:, 'c'] = 7
d[:]
# %%
d['a', 'b'] = np.array([(9, 0.5), (8, 1.5), (7, 2.5)], dtype=[('a', 'i4'), ('b', 'f8')])
d[:]
# %%
d['zz'] = 1
# %%
d['a', 'zz', 'yy'] = 1
# %%
d[0, 'b'] = 'x'
# %%
d[['a']]
