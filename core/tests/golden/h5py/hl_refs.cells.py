# %%
import h5py
import numpy as np
f = h5py.File('refs.h5', 'w')
g = f.create_group('g')
d = g.create_dataset('d', data=np.arange(10))
r = d.ref
r
# %%
type(r), bool(r)
# %%
f[r]
# %%
g[r]
# %%
f[g.ref]
# %%
f[f.ref]
# %%
h5py.Reference()
# %%
bool(h5py.Reference())
# %%
f[h5py.Reference()]
# %%
rr = d.regionref[2:5]
rr
# %%
d[rr]
# %%
f[rr]
# %%
d.regionref[::2]
# %%
d[d.regionref[::3]]
# %%
isinstance(rr, h5py.RegionReference), isinstance(rr, h5py.Reference)
# %%
ds = f.create_dataset('refs', (3,), dtype=h5py.ref_dtype)
ds[0] = d.ref
ds[1] = g.ref
ds[:]
# %%
ds[2]
# %%
f[ds[0]], f[ds[1]]
# %%
f[ds[2]]
# %%
f.attrs['ref'] = g.ref
f.attrs['ref']
# %%
f[f.attrs['ref']]
# %%
r.typecode, rr.typecode
# %%
del f['g/d']
f[r]
# %%
f.close()
f = h5py.File('refs.h5', 'r')
f[f['refs'][1]]
