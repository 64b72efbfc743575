# %%
import h5py
import numpy as np
f = h5py.File('filters.h5', 'w')
z = f.create_dataset('z', data=np.arange(4000, dtype='i4') % 13, compression='lzf')
z
# %%
z.compression, z.compression_opts, z.chunks, z.shuffle
# %%
z.id.get_storage_size() < z.nbytes
# %%
z[::500]
# %%
z[10:20] = -1
z[8:22]
# %%
f.create_dataset('zz', (10,), dtype='f4', compression='lzf', compression_opts=3)
# %%
s = f.create_dataset('s', data=np.arange(100.0), compression='lzf', shuffle=True, fletcher32=True, chunks=(30,))
s.compression, s.shuffle, s.fletcher32, s.chunks, s[-3:]
# %%
f.close()
f = h5py.File('filters.h5', 'r')
f['z'][-5:], f['s'].compression
