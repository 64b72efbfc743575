import h5py
import numpy as np
# %%
fid = h5py.h5f.create(b'life.h5')
gid = h5py.h5g.create(fid, b'g')
dsid = h5py.h5d.create(fid, b'd', h5py.h5t.STD_I8LE, h5py.h5s.create_simple((2,)))
tid = dsid.get_type()
sid = dsid.get_space()
fid.close()
fid.valid, gid.valid, dsid.valid, tid.valid, sid.valid
# %%
gid
# %%
h5py.h5g.create(gid, b'x')
# %%
dsid.get_storage_size()
# %%
fid.get_filesize()
# %%
fid.close()
fid.valid
# %%
fid = h5py.h5f.open(b'life.h5')
g1 = h5py.h5g.open(fid, b'g')
g2 = h5py.h5g.open(fid, b'g')
g1.close()
g1.valid, g2.valid, list(fid)
# %%
g2.id != 0, g1.id
# %%
h5py.h5f.get_obj_count(fid, h5py.h5f.OBJ_ALL)
# %%
f = h5py.File(fid)
f['g'], f.id.valid
# %%
f.close()
fid.valid, g2.valid
# %%
f = h5py.File('life.h5', 'a')
d = f.create_dataset('n', data=np.arange(3))
i = d.id
del d
i.valid, i.shape
# %%
f.close()
i.valid
