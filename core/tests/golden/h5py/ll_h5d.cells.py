import h5py
import numpy as np
# %%
f = h5py.File('d.h5', 'w')
f['data'] = np.arange(12, dtype='i4').reshape(3, 4)
dsid = h5py.h5d.open(f.id, b'data')
dsid
# %%
type(dsid).__mro__
# %%
dsid.shape, dsid.rank, dsid.dtype
# %%
dsid.get_storage_size()
# %%
type(dsid.get_offset())
# %%
space = dsid.get_space()
space, space.shape
# %%
tid = dsid.get_type()
tid, tid.get_size(), tid.get_class() == h5py.h5t.INTEGER
# %%
dcpl = dsid.get_create_plist()
dcpl, dcpl.get_layout() == h5py.h5d.CONTIGUOUS
# %%
dsid.get_access_plist()
# %%
h5py.h5d.COMPACT, h5py.h5d.CONTIGUOUS, h5py.h5d.CHUNKED, h5py.h5d.VIRTUAL
# %%
arr = np.zeros((3, 4), dtype='i4')
dsid.read(h5py.h5s.ALL, h5py.h5s.ALL, arr)
arr
# %%
arr = np.zeros((3, 4), dtype='f8')
dsid.read(h5py.h5s.ALL, h5py.h5s.ALL, arr)
arr
# %%
dsid.write(h5py.h5s.ALL, h5py.h5s.ALL, np.full((3, 4), 7, dtype='i4'))
f['data'][:]
# %%
fspace = dsid.get_space()
fspace.select_hyperslab((1, 1), (2, 2))
mspace = h5py.h5s.create_simple((2, 2))
out = np.zeros((2, 2), dtype='i4')
dsid.read(mspace, fspace, out)
out
# %%
dsid.write(mspace, fspace, np.array([[1, 2], [3, 4]], dtype='i4'))
f['data'][:]
# %%
dsid.read(h5py.h5s.ALL, h5py.h5s.ALL, [1, 2, 3])
# %%
dsid.read(None, h5py.h5s.ALL, arr)
# %%
tid = h5py.h5t.py_create(np.dtype('f4'))
space = h5py.h5s.create_simple((10,), (h5py.h5s.UNLIMITED,))
dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
dcpl.set_chunk((4,))
dcpl.set_deflate(4)
ds2 = h5py.h5d.create(f.id, b'chunked', tid, space, dcpl)
ds2, ds2.shape, ds2.rank
# %%
ds2.get_create_plist().get_chunk(), ds2.get_create_plist().get_layout() == h5py.h5d.CHUNKED
# %%
ds2.get_num_chunks()
# %%
ds2.write(h5py.h5s.ALL, h5py.h5s.ALL, np.arange(10, dtype='f4'))
ds2.get_num_chunks()
# %%
info = ds2.get_chunk_info(0)
info.chunk_offset, info.filter_mask, info.size > 0
# %%
type(info).__name__, info[0], len(info)
# %%
ds2.get_chunk_info(1).chunk_offset, ds2.get_chunk_info(2).chunk_offset
# %%
ds2.set_extent((20,))
ds2.shape, f['chunked'].shape
# %%
ds2.set_extent((5,))
f['chunked'][:]
# %%
ds2.set_extent(5)
# %%
ds2.set_extent((5, 5))
# %%
dsid.set_extent((4, 4))
# %%
ds2.get_offset() is None
# %%
dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
dcpl.set_chunk((2,))
ds3 = h5py.h5d.create(f.id, b'raw', h5py.h5t.STD_I16LE, h5py.h5s.create_simple((6,)), dcpl)
ds3.write_direct_chunk((2,), np.array([5, 6], dtype='<i2').tobytes())
f['raw'][:]
# %%
ds3.read_direct_chunk((2,))
# %%
ds3.read_direct_chunk((0,))
# %%
h5py.h5d.create(f.id, b'raw', h5py.h5t.STD_I16LE, h5py.h5s.create_simple((6,)))
# %%
h5py.h5d.create(f.id, b'bad', np.dtype('i4'), h5py.h5s.create_simple((6,)))
# %%
anon = h5py.h5d.create(f.id, None, h5py.h5t.IEEE_F64LE, h5py.h5s.create_simple((2,)))
h5py.h5i.get_name(anon)
# %%
h5py.h5o.link(anon, f.id, b'linked')
h5py.h5i.get_name(anon), f['linked']
# %%
h5py.h5d.open(f.id, b'missing')
# %%
h5py.h5d.open(f.id, 'data')
# %%
h5py.Dataset(dsid)
# %%
f['data'].id == dsid, f['data'].id is dsid
# %%
h5py.h5d.DatasetID.get_storage_size
# %%
dsid.get_storage_size
# %%
dsid.get_storage_size(1)
# %%
dsid.close()
dsid.valid
# %%
dsid.get_storage_size()
# %%
f.close()
