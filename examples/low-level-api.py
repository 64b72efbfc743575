# The low-level API tutorial (../shared/seed/low-level-api-tutorial.txt) as cells in
# percent format: run it with `h5lab run`, replay it with `h5lab replay`, or open it in
# Jupyter with jupytext. examples/low-level-api.ipynb is the same with prose and outputs.
import h5py
import numpy as np
# %%
f = h5py.File('dataset.h5', 'w')
f['/data'] = np.arange(100, dtype=np.int8)
f['/data'][:]
# %%
dset = f['data']
dset
# %%
dset.id
# %%
dset.id.get_storage_size()
# %%
f.close()
# %%
f2 = h5py.File('link.h5', 'w')
# %%
g = f2.create_group('links')
# %%
group_id = g.id
group_id
# %%
h5py.h5g.open(f2.id, b'links')
# %%
group_id.links.create_external(b'data', b'dataset.h5', b'/data')
# %%
g, list(g)
# %%
f2['/links/data']
# %%
f2['/links/data'][:]
# %%
!rm dataset.h5
# %%
f2['/links/data']
# %%
f2.close()
# %%
!h5dump link.h5
# %%
f = h5py.File('dataset.h5', 'w'); f['/data'] = np.arange(100, dtype=np.int8); f.close()
!h5dump dataset.h5
