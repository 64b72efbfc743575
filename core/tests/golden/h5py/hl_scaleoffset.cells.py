# %%
import h5py
import numpy as np
f = h5py.File('so.h5', 'w')
i = f.create_dataset('i', data=np.arange(100, dtype='i4'), scaleoffset=True)
i.scaleoffset, i.chunks, i[-3:]
# %%
x = f.create_dataset('x', data=np.linspace(0, 1, 11), scaleoffset=2)
x.scaleoffset, x[:4]
# %%
f.create_dataset('bad1', data=np.arange(3.0), scaleoffset=True)
# %%
f.create_dataset('bad2', data=np.arange(3), scaleoffset=-1)
# %%
f.create_dataset('bad3', data=np.array([b'a']), scaleoffset=1)
# %%
f.create_dataset('bad4', data=np.arange(3), scaleoffset=1, fletcher32=True)
# %%
f.create_dataset('bad5', data=5, scaleoffset=1)
# %%
f.create_dataset('plain', data=[1]).scaleoffset
# %%
s = f.create_dataset('s', data=np.arange(50, dtype='u2'), scaleoffset=4, compression='gzip', shuffle=True)
s.scaleoffset, s.compression, s.shuffle, s[10:13]
