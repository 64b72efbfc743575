# %%
import h5py
import numpy as np
f = h5py.File('sel.h5', 'w')
d = f.create_dataset('d', data=np.arange(24).reshape(4, 6))
d[1]
# %%
d[1, 2]
# %%
d[-1]
# %%
d[:, 1]
# %%
d[1:3, ::2]
# %%
d[..., 0]
# %%
d[0, ...]
# %%
d[::3, 1::4]
# %%
d[[0, 2]]
# %%
d[:, [1, 3, 5]]
# %%
d[[2, 0]]
# %%
d[[1, 1]]
# %%
d[d[:] > 20]
# %%
mask = np.zeros((4, 6), dtype=bool); mask[0, 0] = True; mask[3, 5] = True
d[mask]
# %%
d[np.array([True, False, True, False])]
# %%
d[10]
# %%
d[-5]
# %%
d[0, 6]
# %%
d[::-1]
# %%
d[::0]
# %%
d[1, 2, 3]
# %%
d[..., ...]
# %%
d['x']
# %%
d[1.5]
# %%
d[2:1]
# %%
d[10:20]
# %%
d[np.int64(2)]
# %%
d[[[0, 1]]]
# %%
d[[0, 1], [0, 1]]
# %%
d[0] = 100
d[0]
# %%
d[1:3, 0] = [7, 8]
d[:, 0]
# %%
d[:, 1] = 0
d[:, 1]
# %%
d[[0, 3], 2] = -1
d[:, 2]
# %%
d[0, :] = np.arange(5)
# %%
d[...] = 1
d[:].sum()
# %%
s = f.create_dataset('s', data=42)
s[()], s[...]
# %%
s[0]
# %%
s[()] = 7
s[()]
# %%
c = f.create_dataset('c', data=np.array([(1, 2.5), (3, 4.5)], dtype=[('a', 'i4'), ('b', 'f8')]))
c
# %%
c['a']
# %%
c[0]
# %%
c['b', 1]
# %%
c.fields('a')[:]
# %%
c.fields(['b'])[:]
# %%
c['zz']
# %%
c.dtype.names, c[:]
# %%
d.len()
