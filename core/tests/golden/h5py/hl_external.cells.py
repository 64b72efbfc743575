# %%
import h5py
import numpy as np
import os
f = h5py.File('ext.h5', 'w')
d = f.create_dataset('d', data=np.arange(10, dtype='i4'), external='raw.bin')
d.external, d.chunks, d[:]
# %%
os.path.getsize('raw.bin')
# %%
e = f.create_dataset('e', (6,), dtype='u1', external=[('a.bin', 0, 3), ('b.bin', 4, 3)])
e[:] = np.arange(6)
e.external, e[:]
# %%
os.path.getsize('a.bin'), os.path.getsize('b.bin')
# %%
f.create_dataset('x1', (4,), dtype='u1', external=['a.bin'])
# %%
f.create_dataset('x2', (4,), dtype='u1', external=[('a.bin', 0)])
# %%
f.create_dataset('x3', (4,), dtype='u1', external=[('a.bin', 0, 1, 2)])
# %%
f.create_dataset('x4', (8,), dtype='u1', external=[('small.bin', 0, 2)])
# %%
m = f.create_dataset('m', (4,), dtype='u1', maxshape=(None,), external='m.bin')
m.chunks, m.maxshape
# %%
f.close()
h5py.File('ext.h5', 'r')['e'][:]
