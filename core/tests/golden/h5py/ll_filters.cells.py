import h5py
import numpy as np
# %%
p = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
p.set_chunk((4,))
p.set_filter(h5py.h5z.FILTER_DEFLATE, h5py.h5z.FLAG_OPTIONAL, (3,))
p.get_filter(0), p.get_filter_by_id(h5py.h5z.FILTER_DEFLATE)
# %%
p.get_filter_by_id(h5py.h5z.FILTER_SHUFFLE)
# %%
p.set_filter(h5py.h5z.FILTER_SHUFFLE)
p.get_filter(1), p.get_nfilters()
# %%
p.set_filter(h5py.h5z.FILTER_DEFLATE, 0, 'x')
# %%
p.set_filter(h5py.h5z.FILTER_FLETCHER32, h5py.h5z.FLAG_MANDATORY, None)
p.get_nfilters(), p.get_filter(2)[3]
# %%
h5py.h5z.FLAG_OPTIONAL, h5py.h5z.FLAG_MANDATORY, h5py.h5z.FILTER_NONE, h5py.h5z.FILTER_ALL, h5py.h5z.FILTER_MAX
# %%
p.remove_filter(h5py.h5z.FILTER_DEFLATE)
[p.get_filter(i)[3] for i in range(p.get_nfilters())]
# %%
p.remove_filter(h5py.h5z.FILTER_ALL)
p.get_nfilters()
# %%
p.remove_filter(h5py.h5z.FILTER_DEFLATE)
# %%
f = h5py.File('flt.h5', 'w')
p = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
p.set_chunk((50,))
p.set_filter(h5py.h5z.FILTER_DEFLATE, h5py.h5z.FLAG_OPTIONAL, (9,))
ds = h5py.h5d.create(f.id, b'z', h5py.h5t.STD_I32LE, h5py.h5s.create_simple((200,)), p)
ds.write(h5py.h5s.ALL, h5py.h5s.ALL, np.zeros(200, dtype='i4'))
f['z'].compression, f['z'].compression_opts, ds.get_storage_size() < 800
# %%
ds.get_create_plist().get_filter_by_id(h5py.h5z.FILTER_DEFLATE)
# %%
ds.read_direct_chunk((0,))[0], len(ds.read_direct_chunk((0,))[1]) < 200
# %%
fa = h5py.h5p.create(h5py.h5p.FILE_ACCESS)
fa.get_cache()
# %%
fa.set_cache(0, 521, 2**20, 0.5)
fa.get_cache()
# %%
la = h5py.h5p.create(h5py.h5p.LINK_ACCESS)
before = la.get_nlinks()
la.set_nlinks(3)
before, la.get_nlinks()
# %%
h5py.h5p.create(h5py.h5p.FILE_CREATE).get_sizes()
# %%
f['s1'] = np.arange(2)
f.id.links.create_soft(b's2', b'/s1')
f.id.links.create_soft(b's3', b'/s2')
la = h5py.h5p.create(h5py.h5p.LINK_ACCESS)
la.set_nlinks(1)
h5py.h5o.open(f.id, b's2', la)
# %%
h5py.h5o.open(f.id, b's3', la)
# %%
f.close()
