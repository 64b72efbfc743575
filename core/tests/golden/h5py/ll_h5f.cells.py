import h5py
import numpy as np
# %%
fid = h5py.h5f.create(b'lowf.h5')
fid
# %%
type(fid), type(fid).__mro__
# %%
h5py.h5f.ACC_RDONLY, h5py.h5f.ACC_RDWR, h5py.h5f.ACC_TRUNC, h5py.h5f.ACC_EXCL
# %%
h5py.h5f.OBJ_FILE, h5py.h5f.OBJ_DATASET, h5py.h5f.OBJ_GROUP, h5py.h5f.OBJ_ALL, h5py.h5f.OBJ_LOCAL
# %%
fid.get_intent() == h5py.h5f.ACC_RDWR
# %%
fid.name
# %%
h5py.h5f.get_name(fid)
# %%
fid.valid, bool(fid)
# %%
sid = h5py.h5f.create(b'size.h5')
sid.get_filesize(), sid.get_freespace()
# %%
sid.close()
# %%
h5py.h5f.get_obj_count(fid, h5py.h5f.OBJ_ALL)
# %%
h5py.h5f.get_obj_count(fid, h5py.h5f.OBJ_FILE)
# %%
gid = h5py.h5g.create(fid, b'grp')
h5py.h5f.get_obj_count(fid, h5py.h5f.OBJ_GROUP)
# %%
h5py.h5f.flush(fid)
# %%
h5py.h5f.get_name(gid)
# %%
fid.get_create_plist()
# %%
type(fid.get_access_plist())
# %%
gid.close()
fid.close()
fid.valid, bool(fid)
# %%
fid
# %%
h5py.h5f.is_hdf5(b'lowf.h5')
# %%
fid2 = h5py.h5f.open(b'lowf.h5', h5py.h5f.ACC_RDONLY)
fid2.get_intent() == h5py.h5f.ACC_RDONLY
# %%
len(fid2), b'grp' in fid2, list(fid2)
# %%
fid2.get_num_objs(), fid2.get_objname_by_idx(0)
# %%
h5py.h5g.create(fid2, b'nope')
# %%
fid2.close()
# %%
h5py.h5f.open(b'missing.h5')
# %%
h5py.h5f.create(b'lowf.h5', h5py.h5f.ACC_EXCL)
# %%
h5py.h5f.open('lowf.h5')
# %%
h5py.h5f.open()
# %%
h5py.h5f.open(b'lowf.h5', h5py.h5f.ACC_RDONLY, None, 5)
# %%
h5py.h5f.open(b'lowf.h5', flags='r')
# %%
h5py.h5f.open(b'lowf.h5', fapl=3)
# %%
f = h5py.File('hl.h5', 'w')
f.id.get_intent() == h5py.h5f.ACC_RDWR, f.id.name
# %%
h5py.h5f.FileID.get_filesize
# %%
f.id.get_filesize
# %%
f.id.nonexistent
# %%
f.close()
f.id.valid
