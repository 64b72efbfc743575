import h5py
import numpy as np
# %%
f = h5py.File('o.h5', 'w')
f['g/d'] = np.arange(5)
f.create_group('g/sub')
oid = h5py.h5o.open(f.id, b'g/d')
oid
# %%
h5py.h5o.open(f.id, b'g')
# %%
info = h5py.h5o.get_info(oid)
type(info).__name__, info.type == h5py.h5o.TYPE_DATASET, info.rc, info.num_attrs
# %%
h5py.h5o.TYPE_GROUP, h5py.h5o.TYPE_DATASET, h5py.h5o.TYPE_NAMED_DATATYPE
# %%
gi = h5py.h5o.get_info(f.id, b'g')
gi.type == h5py.h5o.TYPE_GROUP, gi.rc
# %%
gi.addr == h5py.h5o.get_info(h5py.h5o.open(f.id, b'g')).addr, gi.fileno == info.fileno
# %%
h5py.h5o.get_info(f.id, b'g', 0)
# %%
h5py.h5o.get_info(f.id, b'missing')
# %%
h5py.h5o.exists_by_name(f.id, b'g/d'), h5py.h5o.exists_by_name(f.id, b'g/x')
# %%
h5py.h5o.exists_by_name(f.id, b'q/x')
# %%
h5py.h5o.link(oid, f.id, b'hardlink')
h5py.h5o.get_info(oid).rc, f['hardlink'][:]
# %%
h5py.h5o.link(oid, f.id, b'hardlink')
# %%
h5py.h5o.copy(f.id, b'g', f.id, b'g_copy')
sorted(f.keys()), list(f['g_copy'])
# %%
h5py.h5o.copy(f.id, b'nothing', f.id, b'x')
# %%
f2 = h5py.File('o2.h5', 'w')
h5py.h5o.copy(f.id, b'g/d', f2.id, b'moved')
f2['moved'][:]
# %%
h5py.h5o.set_comment(oid, b'a comment')
h5py.h5o.set_comment(f.id, b'on g', obj_name=b'g')
# %%
h5py.h5o.get_info(oid).hdr.version, h5py.h5o.get_info(oid).hdr.nchunks, type(h5py.h5o.get_info(oid).hdr).__name__
# %%
ms = h5py.h5o.get_info(oid).meta_size
type(ms).__name__, ms.attr.index_size, ms.obj.heap_size
# %%
h5py.h5o.get_info(oid).hdr.space.total > 0, h5py.h5o.get_info(oid).hdr.mesg.present > 0
# %%
seen = []
h5py.h5o.visit(f.id, seen.append)
seen
# %%
h5py.h5o.visit(f.id, lambda n: n if n.endswith(b'sub') else None)
# %%
pairs = []
h5py.h5o.visit(f.id, lambda n, i: pairs.append((n, i.type)), info=True)
pairs
# %%
h5py.h5o.open(f.id, 'g')
# %%
h5py.h5o.open(f.id, b'nothing')
# %%
h5py.h5i.get_type(f.id) == h5py.h5i.FILE, h5py.h5i.get_type(oid) == h5py.h5i.DATASET, h5py.h5i.get_type(f['g'].id) == h5py.h5i.GROUP
# %%
h5py.h5i.FILE, h5py.h5i.GROUP, h5py.h5i.DATATYPE, h5py.h5i.DATASPACE, h5py.h5i.DATASET, h5py.h5i.ATTR, h5py.h5i.BADID
# %%
h5py.h5i.get_type(oid.get_space()) == h5py.h5i.DATASPACE, h5py.h5i.get_type(oid.get_type()) == h5py.h5i.DATATYPE
# %%
h5py.h5i.get_name(oid), h5py.h5i.get_name(f.id), h5py.h5i.get_name(f['g/sub'].id)
# %%
h5py.h5i.get_name(oid.get_space())
# %%
fid = h5py.h5i.get_file_id(oid)
fid, fid == f.id, h5py.h5f.get_name(fid)
# %%
h5py.h5i.get_type(5)
# %%
h5py.h5i.get_name(None)
# %%
closed = h5py.h5o.open(f.id, b'g')
closed.close()
h5py.h5i.get_type(closed) == h5py.h5i.BADID, h5py.h5i.get_name(closed)
# %%
h5py.h5o.get_info(closed)
# %%
[h5py.h5o.get_info(f.id, index=i, obj_name=b'g').type for i in range(2)]
# %%
h5py.h5o.get_info(f.id, index=0, obj_name=b'g').addr == h5py.h5o.get_info(f.id, b'g/d').addr
# %%
h5py.h5o.get_info(f.id, index=9, obj_name=b'g')
# %%
h5py.h5o.get_info(f.id, b'g', index=0)
# %%
f2.close()
f.close()
