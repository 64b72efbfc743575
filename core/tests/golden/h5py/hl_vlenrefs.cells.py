# %%
import h5py
import numpy as np
f = h5py.File('vr.h5', 'w')
g = f.create_group('g')
dt = h5py.vlen_dtype(h5py.ref_dtype)
d = f.create_dataset('vr', (2,), dtype=dt)
d[0] = np.array([g.ref, f.ref], dtype=h5py.ref_dtype)
d[1] = np.array([], dtype=h5py.ref_dtype)
d[:]
# %%
d[0][1], f[d[0][0]]
# %%
f.attrs.create('avr', data=d[:], dtype=dt)
f.attrs['avr']
