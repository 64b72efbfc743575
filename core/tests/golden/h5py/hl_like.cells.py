# %%
import h5py
import numpy as np
f = h5py.File('like.h5', 'w')
src = f.create_dataset('src', (20, 4), dtype='f4', chunks=(5, 4), compression='gzip', compression_opts=2, shuffle=True, fillvalue=-1.0, maxshape=(None, 4))
new = f.create_dataset_like('copy', src)
new
# %%
new.chunks, new.compression, new.compression_opts, new.shuffle, new.fillvalue, new.maxshape
# %%
new[0]
# %%
plain = f.create_dataset('plain', data=np.arange(6).reshape(2, 3))
p2 = f.create_dataset_like('p2', plain)
p2, p2.chunks, p2.maxshape, p2[:]
# %%
f.create_dataset_like('p3', plain, shape=(4, 3), dtype='i2')
# %%
f.create_dataset_like('p4', plain, compression='gzip').chunks
# %%
f.create_dataset_like('p2', plain)
# %%
f['g'].create_dataset_like('x', plain) if 'g' in f else f.create_group('g').create_dataset_like('x', plain).name
# %%
(None, 4) == (20, 4), [None] != [1], (1, [2, None]) == (1, [2, None])
