# %%
import h5py
import numpy as np
f = h5py.File('props.h5', 'w')
d = f.create_dataset('d', data=np.arange(100, dtype='i4'), shuffle=True, compression='gzip', fletcher32=True)
d.filter_ids, d.filter_names
# %%
z = f.create_dataset('z', data=np.arange(100, dtype='i4'), compression='lzf', scaleoffset=0)
z.filter_ids, z.filter_names
# %%
p = f.create_dataset('p', data=[1, 2])
p.filter_ids, p.filter_names
# %%
d.flush(), d.refresh()
# %%
d[5], z[-1]
