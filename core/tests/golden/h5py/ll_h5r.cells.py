import h5py
import numpy as np
# %%
f = h5py.File('r.h5', 'w')
f['d'] = np.arange(10)
g = f.create_group('g')
r = h5py.h5r.create(f.id, b'g', h5py.h5r.OBJECT)
r, type(r)
# %%
h5py.h5r.OBJECT, h5py.h5r.DATASET_REGION
# %%
h5py.h5r.dereference(r, f.id)
# %%
h5py.h5r.get_name(r, f.id), h5py.h5r.get_obj_type(r, f.id) == h5py.h5o.TYPE_GROUP
# %%
r2 = h5py.h5r.create(g.id, b'../d', h5py.h5r.OBJECT)
h5py.h5r.get_name(r2, f.id), h5py.h5r.get_obj_type(r2, f.id) == h5py.h5o.TYPE_DATASET
# %%
f[r] == g, f[r2].name, r == g.ref
# %%
sp = f['d'].id.get_space()
sp.select_hyperslab((2,), (3,))
rr = h5py.h5r.create(f.id, b'd', h5py.h5r.DATASET_REGION, sp)
rr, type(rr)
# %%
region = h5py.h5r.get_region(rr, f.id)
region, region.get_select_npoints(), region.get_select_bounds()
# %%
f['d'][rr]
# %%
h5py.h5r.dereference(rr, f.id)
# %%
h5py.h5r.get_region(r, f.id)
# %%
h5py.h5r.get_name(h5py.h5r.Reference(), f.id)
# %%
h5py.h5r.dereference(h5py.h5r.Reference(), f.id)
# %%
h5py.h5r.create(f.id, b'missing', h5py.h5r.OBJECT)
# %%
h5py.h5r.create(f.id, b'd', 5)
# %%
h5py.h5r.dereference(b'ref', f.id)
# %%
isinstance(r, h5py.h5r.Reference), isinstance(rr, h5py.h5r.Reference), isinstance(r, h5py.h5r.RegionReference), h5py.Reference is h5py.h5r.Reference
# %%
bool(r), bool(h5py.h5r.Reference()), r.typecode, rr.typecode
# %%
f.close()
