# %%
import h5py
import numpy as np
f = h5py.File('m3.h5', 'w')
d = f.create_dataset('d', data=[1, 2])
f.attrs['x'] = d
# %%
f['root_link'] = f
list(f['root_link'])
# %%
f['z'] = {'a': 1}
# %%
f['n'] = None
# %%
f['s'] = {1, 2}
# %%
f['big'] = 2**80
# %%
f['u'] = np.array('x')
# %%
f['l'] = [[1, 2], [3]]
# %%
d[0] = None
# %%
d[0] = 'x'
# %%
d['x'] = 1
# %%
del d[0]
# %%
d.attrs['a'] = d.ref
f[d.attrs['a']] == d
