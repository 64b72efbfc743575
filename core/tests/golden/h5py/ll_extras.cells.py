import h5py
import numpy as np
# %%
s = h5py.h5s.create_simple((4, 5))
s.select_hyperslab((0, 0), (2, 1), block=(1, 2))
s.get_select_hyper_blocklist()
# %%
s.select_elements([(0, 1), (2, 3)])
s.get_select_elem_pointlist(), s.get_select_type() == h5py.h5s.SEL_POINTS
# %%
s.select_elements(np.array([[1, 1]]), h5py.h5s.SELECT_APPEND)
s.get_select_elem_npoints(), s.get_select_npoints()
# %%
s.select_elements([1, 2, 3])
# %%
s.select_elements([(9, 9)])
s.select_valid()
# %%
s.select_none()
s.get_select_elem_pointlist()
# %%
s.is_simple(), h5py.h5s.create(h5py.h5s.NULL).is_simple(), h5py.h5s.create(h5py.h5s.SCALAR).is_simple()
# %%
h5py.h5t.IEEE_F64LE.get_fields(), h5py.h5t.IEEE_F64LE.get_ebias(), h5py.h5t.IEEE_F32BE.get_fields(), h5py.h5t.IEEE_F16LE.get_ebias()
# %%
h5py.h5t.STD_I32LE.detect_class(h5py.h5t.INTEGER), h5py.h5t.STD_I32LE.detect_class(h5py.h5t.FLOAT)
# %%
h5py.h5t.STD_I32LE.get_fields()
# %%
cmp = h5py.h5t.py_create(np.dtype([('a', 'f4'), ('b', 'S3')]))
cmp.detect_class(h5py.h5t.STRING), cmp.detect_class(h5py.h5t.FLOAT), cmp.detect_class(h5py.h5t.INTEGER)
# %%
f = h5py.File('x.h5', 'w')
dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
dcpl.set_chunk((2, 2))
ds = h5py.h5d.create(f.id, b'c', h5py.h5t.STD_I32LE, h5py.h5s.create_simple((4, 4)), dcpl)
ds.get_space_status(), h5py.h5d.SPACE_STATUS_NOT_ALLOCATED, h5py.h5d.SPACE_STATUS_PART_ALLOCATED, h5py.h5d.SPACE_STATUS_ALLOCATED
# %%
sp = ds.get_space()
sp.select_hyperslab((0, 0), (2, 2))
ds.write(h5py.h5s.create_simple((2, 2)), sp, np.ones((2, 2), dtype='i4'))
ds.get_space_status(), ds.get_num_chunks()
# %%
info = ds.get_chunk_info_by_coord((0, 0))
info.chunk_offset, info.filter_mask, info.size
# %%
ds.get_chunk_info_by_coord((2, 2)).byte_offset, ds.get_chunk_info_by_coord((2, 2)).size
# %%
ds.get_chunk_info_by_coord((0,))
# %%
seen = []
ds.chunk_iter(lambda i: seen.append((i.chunk_offset, i.size)))
seen
# %%
ds.flush()
ds.refresh()
ds.get_num_chunks()
# %%
ds.write(h5py.h5s.ALL, h5py.h5s.ALL, np.arange(16, dtype='i4').reshape(4, 4))
ds.get_space_status(), ds.get_num_chunks()
# %%
[c.chunk_offset for c in (ds.get_chunk_info(i) for i in range(ds.get_num_chunks()))]
# %%
h5py.h5d.FILL_TIME_ALLOC, h5py.h5d.FILL_TIME_NEVER, h5py.h5d.FILL_TIME_IFSET, h5py.h5d.ALLOC_TIME_DEFAULT, h5py.h5d.ALLOC_TIME_EARLY, h5py.h5d.ALLOC_TIME_LATE, h5py.h5d.ALLOC_TIME_INCR
# %%
h5py.h5d.FILL_VALUE_UNDEFINED, h5py.h5d.FILL_VALUE_DEFAULT, h5py.h5d.FILL_VALUE_USER_DEFINED
# %%
f.close()
