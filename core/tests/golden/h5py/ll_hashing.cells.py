import h5py
import numpy as np
# %%
f = h5py.File('h.h5', 'w')
f['d'] = np.arange(3)
a = h5py.h5a.create(f['d'].id, b'a', h5py.h5t.STD_I8LE, h5py.h5s.create(h5py.h5s.SCALAR))
type(hash(f.id)), type(hash(f['d'].id)), type(hash(a)), type(hash(h5py.h5t.STD_I32LE)), type(hash(h5py.h5p.DATASET_CREATE))
# %%
hash(h5py.h5p.create(h5py.h5p.DATASET_CREATE))
# %%
{h5py.h5p.create(h5py.h5p.LINK_CREATE): 1}
# %%
{f['d'].id, f['d'].id, h5py.h5d.open(f.id, b'd')} == {f['d'].id}
# %%
d = {f['d'].id: 'dataset', f.id: 'file'}
d[h5py.h5d.open(f.id, b'd')], len(d)
# %%
a == h5py.h5a.open(f['d'].id, b'a'), hash(a) == hash(h5py.h5a.open(f['d'].id, b'a'))
# %%
t = h5py.h5t.STD_I64LE.copy()
t.commit(f.id, b'named')
type(hash(t))
# %%
f.close()
