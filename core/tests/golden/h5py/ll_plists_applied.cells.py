import h5py
import numpy as np
# %%
fapl = h5py.h5p.create(h5py.h5p.FILE_ACCESS)
fapl.set_fapl_core(backing_store=False)
mem = h5py.h5f.create(b'memory.h5', h5py.h5f.ACC_TRUNC, None, fapl)
h5py.h5g.create(mem, b'inmem')
list(mem), mem.get_access_plist().get_fapl_core()
# %%
mem.close()
import os
os.path.exists('memory.h5')
# %%
fcpl = h5py.h5p.create(h5py.h5p.FILE_CREATE)
fcpl.set_userblock(512)
fcpl.set_link_creation_order(h5py.h5p.CRT_ORDER_TRACKED | h5py.h5p.CRT_ORDER_INDEXED)
fid = h5py.h5f.create(b'ub.h5', h5py.h5f.ACC_TRUNC, fcpl)
fid.get_create_plist().get_userblock(), fid.get_create_plist().get_link_creation_order()
# %%
for name in (b'zeta', b'alpha', b'mid'):
    h5py.h5g.create(fid, name)
out = []
fid.links.iterate(out.append, idx_type=h5py.h5.INDEX_CRT_ORDER)
out
# %%
out = []
fid.links.iterate(out.append, idx_type=h5py.h5.INDEX_CRT_ORDER, order=h5py.h5.ITER_DEC)
out
# %%
fid.links.get_info(b'alpha').corder_valid, fid.links.get_info(b'alpha').corder, fid.links.get_info(b'mid').corder
# %%
fid2 = fid.reopen()
fid2 == fid, fid2.get_intent() == fid.get_intent(), type(fid2).__name__
# %%
fid2.close()
fid.close()
fid = h5py.h5f.open(b'ub.h5', h5py.h5f.ACC_RDONLY)
fid.get_create_plist().get_userblock(), list(fid)
# %%
fid.close()
fapl = h5py.h5p.create(h5py.h5p.FILE_ACCESS)
fapl.set_libver_bounds(h5py.h5f.LIBVER_LATEST, h5py.h5f.LIBVER_LATEST)
fid = h5py.h5f.create(b'latest.h5', h5py.h5f.ACC_TRUNC, None, fapl)
fid.get_access_plist().get_libver_bounds() == (h5py.h5f.LIBVER_LATEST, h5py.h5f.LIBVER_LATEST)
# %%
type(fid.get_vfd_handle())
# %%
gcpl = h5py.h5p.create(h5py.h5p.GROUP_CREATE)
gcpl.set_link_creation_order(h5py.h5p.CRT_ORDER_TRACKED)
gid = h5py.h5g.create(fid, b'ordered', None, gcpl)
gid.get_create_plist().get_link_creation_order()
# %%
dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
dcpl.set_chunk((4,))
dcpl.set_fill_value(np.array(-1, dtype='i4'))
dcpl.set_alloc_time(h5py.h5d.ALLOC_TIME_EARLY)
ds = h5py.h5d.create(fid, b'filled', h5py.h5t.STD_I32LE, h5py.h5s.create_simple((6,)), dcpl)
arr = np.zeros(6, dtype='i4')
ds.read(h5py.h5s.ALL, h5py.h5s.ALL, arr)
arr, ds.get_space_status() == h5py.h5d.SPACE_STATUS_ALLOCATED
# %%
out = np.zeros((), dtype='i4')
ds.get_create_plist().get_fill_value(out)
out, ds.get_create_plist().get_chunk(), ds.get_create_plist().get_alloc_time() == h5py.h5d.ALLOC_TIME_EARLY
# %%
dcpl2 = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
dcpl2.set_chunk((3,))
dcpl2.set_shuffle()
dcpl2.set_deflate(9)
ds2 = h5py.h5d.create(fid, b'zipped', h5py.h5t.STD_I64LE, h5py.h5s.create_simple((300,)), dcpl2)
ds2.write(h5py.h5s.ALL, h5py.h5s.ALL, np.zeros(300, dtype='i8'))
p = ds2.get_create_plist()
p.get_nfilters(), p.get_filter(0)[0] == h5py.h5z.FILTER_SHUFFLE, p.get_filter(1)[3]
# %%
ds2.get_storage_size() < 2400, ds2.get_num_chunks()
# %%
dapl = h5py.h5p.create(h5py.h5p.DATASET_ACCESS)
dapl.set_chunk_cache(101, 2**16, 0.5)
ds3 = h5py.h5d.open(fid, b'zipped', dapl)
ds3.get_access_plist().get_chunk_cache()
# %%
fid.close()
# %%
fc = h5py.h5p.create(h5py.h5p.FILE_CREATE)
fc.get_file_space_strategy(), fc.get_file_space_page_size()
# %%
fc.set_file_space_strategy(h5py.h5f.FSPACE_STRATEGY_PAGE, True, 10)
fc.set_file_space_page_size(8192)
fc.get_file_space_strategy(), fc.get_file_space_page_size()
# %%
h5py.h5f.FSPACE_STRATEGY_FSM_AGGR, h5py.h5f.FSPACE_STRATEGY_PAGE, h5py.h5f.FSPACE_STRATEGY_AGGR, h5py.h5f.FSPACE_STRATEGY_NONE
# %%
fc.set_file_space_page_size(100)
# %%
fid = h5py.h5f.create(b'paged.h5', h5py.h5f.ACC_TRUNC, fc)
fid.get_create_plist().get_file_space_strategy(), fid.get_create_plist().get_file_space_page_size()
# %%
fid.close()
