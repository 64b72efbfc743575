# Error texts of HDF5 failures, as h5py 3.16 (HDF5 2.0) raises them. Each cell makes
# one failure happen through h5py's low-level API, mirroring a core::hdf5 call.
import h5py, numpy as np
f = h5py.File('dataset.h5', 'w')
f['/data'] = np.arange(100, dtype=np.int8)
f.close()
f2 = h5py.File('link.h5', 'w')
g = f2.create_group('links')
g.id.links.create_external(b'data', b'dataset.h5', b'/data')
f2.close()
# %%
# missing_file_readonly
h5py.h5f.open(b'missing.h5', h5py.h5f.ACC_RDONLY)
# %%
# missing_file_readwrite
h5py.h5f.open(b'missing.h5', h5py.h5f.ACC_RDWR)
# %%
# create_exclusive_existing
h5py.h5f.create(b'dataset.h5', h5py.h5f.ACC_EXCL)
# %%
# not_hdf5
open('bad.h5', 'w').write('hello, not HDF5')
h5py.h5f.open(b'bad.h5', h5py.h5f.ACC_RDONLY)
# %%
# missing_object
fid = h5py.h5f.open(b'dataset.h5', h5py.h5f.ACC_RDWR)
h5py.h5o.open(fid, b'nope')
# %%
# missing_intermediate_group
h5py.h5o.open(fid, b'a/b/c')
# %%
# group_exists
h5py.h5g.create(fid, b'data')
# %%
# dataset_exists
h5py.h5d.create(fid, b'data', h5py.h5t.STD_I8LE, h5py.h5s.create_simple((3,)))
# %%
# missing_attribute
dsid = h5py.h5d.open(fid, b'data')
h5py.h5a.open(dsid, b'units')
# %%
# attribute_exists
h5py.h5a.create(dsid, b'units', h5py.h5t.STD_I8LE, h5py.h5s.create(h5py.h5s.SCALAR))
h5py.h5a.create(dsid, b'units', h5py.h5t.STD_I8LE, h5py.h5s.create(h5py.h5s.SCALAR))
# %%
# delete_missing_link
fid.unlink(b'nope')
# %%
# read_only_create_group
fid.close(); dsid.close()
rid = h5py.h5f.open(b'dataset.h5', h5py.h5f.ACC_RDONLY)
h5py.h5g.create(rid, b'newgroup')
# %%
# extend_contiguous
ds = h5py.h5d.open(rid, b'data')
ds.set_extent((200,))
# %%
# dangling_external_link
import os
os.remove('dataset.h5')
lid = h5py.h5f.open(b'link.h5', h5py.h5f.ACC_RDONLY)
h5py.h5o.open(lid, b'/links/data')
# %%
# group_open_on_dataset_path
tid = h5py.h5f.create(b'types.h5', h5py.h5f.ACC_TRUNC)
h5py.h5d.create(tid, b'x', h5py.h5t.STD_I8LE, h5py.h5s.create_simple((3,)))
h5py.h5g.open(tid, b'x')
# %%
# dataset_open_on_group_path
h5py.h5g.create(tid, b'grp')
h5py.h5d.open(tid, b'grp')
# %%
# soft_link_dangling
tid.links.create_soft(b'dangling', b'/does/not/exist')
h5py.h5o.open(tid, b'dangling')
# %%
# rename_to_existing
h5py.h5g.create(tid, b'grp2')
tid.links.move(b'grp', tid, b'grp2')
