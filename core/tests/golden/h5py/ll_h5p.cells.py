import h5py
import numpy as np
# %%
h5py.h5p.DATASET_CREATE
# %%
type(h5py.h5p.DATASET_CREATE).__mro__, h5py.h5p.DEFAULT
# %%
dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
dcpl
# %%
type(dcpl).__mro__
# %%
[type(h5py.h5p.create(c)).__name__ for c in (h5py.h5p.FILE_CREATE, h5py.h5p.FILE_ACCESS, h5py.h5p.DATASET_ACCESS, h5py.h5p.DATASET_XFER, h5py.h5p.GROUP_CREATE, h5py.h5p.LINK_CREATE, h5py.h5p.LINK_ACCESS, h5py.h5p.OBJECT_COPY)]
# %%
dcpl.get_layout() == h5py.h5d.CONTIGUOUS
# %%
dcpl.set_chunk((10, 20))
dcpl.get_chunk(), dcpl.get_layout() == h5py.h5d.CHUNKED
# %%
dcpl.set_chunk([10, 20])
# %%
dcpl.set_chunk((0, 5))
# %%
dcpl.set_deflate(6)
dcpl.set_shuffle()
dcpl.set_fletcher32()
dcpl.get_nfilters()
# %%
dcpl.get_filter(0)
# %%
dcpl.get_filter(1), dcpl.get_filter(2)
# %%
dcpl.all_filters_avail()
# %%
dcpl.remove_filter(h5py.h5z.FILTER_SHUFFLE)
dcpl.get_nfilters()
# %%
dcpl.get_filter(5)
# %%
h5py.h5z.FILTER_DEFLATE, h5py.h5z.FILTER_SHUFFLE, h5py.h5z.FILTER_FLETCHER32, h5py.h5z.filter_avail(h5py.h5z.FILTER_DEFLATE)
# %%
h5py.h5z.filter_avail(h5py.h5z.FILTER_FLETCHER32), h5py.h5z.filter_avail(999)
# %%
dcpl.set_deflate()
dcpl.get_filter(2)
# %%
dcpl.fill_value_defined() == h5py.h5d.FILL_VALUE_DEFAULT
# %%
dcpl.set_fill_value(np.array(42, dtype='i4'))
out = np.zeros((), dtype='i4')
dcpl.get_fill_value(out)
out, dcpl.fill_value_defined() == h5py.h5d.FILL_VALUE_USER_DEFINED
# %%
out = np.zeros((), dtype='f8')
dcpl.get_fill_value(out)
out
# %%
dcpl.set_fill_value(42)
# %%
dcpl.set_alloc_time(h5py.h5d.ALLOC_TIME_EARLY)
dcpl.get_alloc_time() == h5py.h5d.ALLOC_TIME_EARLY
# %%
dcpl.set_fill_time(h5py.h5d.FILL_TIME_NEVER)
dcpl.get_fill_time() == h5py.h5d.FILL_TIME_NEVER
# %%
dcpl.set_layout(h5py.h5d.COMPACT)
dcpl.get_layout()
# %%
fapl = h5py.h5p.create(h5py.h5p.FILE_ACCESS)
fapl.get_libver_bounds()
# %%
fapl.set_libver_bounds(h5py.h5f.LIBVER_V18, h5py.h5f.LIBVER_LATEST)
fapl.get_libver_bounds()
# %%
h5py.h5f.LIBVER_EARLIEST, h5py.h5f.LIBVER_V18, h5py.h5f.LIBVER_V110, h5py.h5f.LIBVER_V112, h5py.h5f.LIBVER_V114, h5py.h5f.LIBVER_LATEST
# %%
fapl.get_fclose_degree()
# %%
fapl.set_fclose_degree(h5py.h5f.CLOSE_STRONG)
fapl.get_fclose_degree() == h5py.h5f.CLOSE_STRONG
# %%
fapl.set_fapl_core(backing_store=False)
fapl.get_fapl_core()
# %%
fapl.set_fapl_sec2()
fapl.set_alignment(1024, 4096)
fapl.get_alignment()
# %%
fid = h5py.h5f.create(b'p.h5', h5py.h5f.ACC_TRUNC, None, fapl)
fid.get_access_plist().get_libver_bounds()
# %%
fid.close()
# %%
fcpl = h5py.h5p.create(h5py.h5p.FILE_CREATE)
fcpl.get_userblock()
# %%
fcpl.set_userblock(512)
fcpl.get_userblock()
# %%
fcpl.set_userblock(100)
# %%
fcpl.set_link_creation_order(h5py.h5p.CRT_ORDER_TRACKED | h5py.h5p.CRT_ORDER_INDEXED)
fcpl.get_link_creation_order()
# %%
gcpl = h5py.h5p.create(h5py.h5p.GROUP_CREATE)
gcpl.get_link_creation_order(), gcpl.get_obj_track_times()
# %%
gcpl.set_obj_track_times(False)
gcpl.set_attr_creation_order(h5py.h5p.CRT_ORDER_TRACKED)
gcpl.get_obj_track_times(), gcpl.get_attr_creation_order()
# %%
lcpl = h5py.h5p.create(h5py.h5p.LINK_CREATE)
lcpl.get_create_intermediate_group(), lcpl.get_char_encoding()
# %%
lcpl.set_create_intermediate_group(True)
lcpl.set_char_encoding(h5py.h5t.CSET_UTF8)
lcpl.get_create_intermediate_group(), lcpl.get_char_encoding()
# %%
f = h5py.File('lc.h5', 'w')
h5py.h5g.create(f.id, b'a/b/c', lcpl)
sorted(f.keys()), 'a/b/c' in f
# %%
h5py.h5g.create(f.id, b'x/y/z')
# %%
h5py.h5g.create(f.id, b'q', dcpl)
# %%
lapl = h5py.h5p.create(h5py.h5p.LINK_ACCESS)
lapl.get_elink_prefix()
# %%
lapl.set_elink_prefix(b'/tmp/')
lapl.get_elink_prefix()
# %%
dapl = h5py.h5p.create(h5py.h5p.DATASET_ACCESS)
dapl.set_chunk_cache(521, 2**20, 0.75)
dapl.get_chunk_cache()
# %%
c = dcpl.copy()
c == dcpl, c.equal(dcpl), c == fapl
# %%
c.get_class() == h5py.h5p.DATASET_CREATE
# %%
h5py.h5p.create(dcpl)
# %%
h5py.h5p.create(5)
# %%
h5py.h5p.PropDCID.set_chunk
# %%
dcpl.close()
dcpl.valid
# %%
f.close()
