import h5py
import numpy as np
# %%
h5py.h5.get_libversion()[0] >= 1, len(h5py.h5.get_libversion())
# %%
h5py.h5.INDEX_NAME, h5py.h5.INDEX_CRT_ORDER, h5py.h5.ITER_INC, h5py.h5.ITER_DEC, h5py.h5.ITER_NATIVE
# %%
fid = h5py.h5f.create(b'mix.h5')
f = h5py.File(fid)
f
# %%
f.id is fid, f.filename, f.mode
# %%
gid = h5py.h5g.create(fid, b'grp')
g = h5py.Group(gid)
g, g.name
# %%
tid = h5py.h5t.py_create(np.dtype('<i4'))
sid = h5py.h5s.create_simple((4,))
dsid = h5py.h5d.create(gid, b'ints', tid, sid)
dsid.write(h5py.h5s.ALL, h5py.h5s.ALL, np.arange(4, dtype='<i4'))
d = h5py.Dataset(dsid)
d, d[:]
# %%
d.id is dsid, f['grp/ints'].id == dsid
# %%
print(dsid)
# %%
repr(dsid)
# %%
str(gid)
# %%
[dsid]
# %%
{'id': fid}
# %%
x = f['grp'].id
x.links.exists(b'ints'), x.get_num_objs(), list(x)
# %%
[n for n in dir(dsid) if not n.startswith('_')]
# %%
[n for n in dir(fid) if not n.startswith('_')][:12]
# %%
[n for n in dir(f.id.links) if not n.startswith('_')]
# %%
'get_storage_size' in dir(h5py.h5d.DatasetID), hasattr(dsid, 'read'), hasattr(dsid, 'links')
# %%
[n for n in dir(h5py.h5z) if n.startswith('FILTER')]
# %%
type(h5py.h5f), h5py.h5f.__name__
# %%
h5py.h5d.DatasetID.__name__, h5py.h5d.DatasetID.__module__, h5py.h5d.DatasetID.__qualname__
# %%
type(h5py.h5d.DatasetID)
# %%
h5py.h5d.DatasetID()
# %%
again = h5py.h5g.GroupID(gid.id)
again == gid, type(again).__name__, list(again)
# %%
h5py.h5d.DatasetID('x')
# %%
type(dsid.get_storage_size), type(h5py.h5d.DatasetID.get_storage_size)
# %%
dsid.get_storage_size.__self__ is dsid, dsid.get_storage_size.__name__
# %%
dsid.get_storage_size == dsid.get_storage_size
# %%
fid.links
# %%
type(fid.links).__name__, type(fid.links).__module__
# %%
h5py.h5l.LinkProxy
# %%
hash(dsid) == hash(f['grp/ints'].id)
# %%
d2 = f.create_dataset('made', data=np.arange(6.0))
d2.id.get_storage_size(), d2.id.shape, d2.id.rank
# %%
d2.id.get_type().get_class() == h5py.h5t.FLOAT, d2.id.get_type().get_size()
# %%
sp = d2.id.get_space()
sp.select_hyperslab((1,), (2,))
out = np.zeros(2)
d2.id.read(h5py.h5s.create_simple((2,)), sp, out)
out
# %%
f.id.get_obj_count() > 0
# %%
h5py.h5f.get_obj_ids(fid, h5py.h5f.OBJ_FILE)
# %%
f.close()
fid.valid, gid.valid, dsid.valid
# %%
f
# %%
dsid
