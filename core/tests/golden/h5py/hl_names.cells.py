# %%
import h5py
import numpy as np
f = h5py.File('nb.h5', 'w')
g = f.create_group(b'\xff\xfe')
g
# %%
g.name
# %%
f[b'\xff\xfe']['d\xe9'.encode('latin-1')] = [1]
d = f[b'\xff\xfe/d\xe9']
# %%
d = f[b'\xff\xfe']['d\xe9'.encode('latin-1')]
d, d.name
# %%
list(f[b'\xff\xfe'])
# %%
f['ok/é'] = 1
f['ok/é'], f['ok/é'].name, f['ok']
