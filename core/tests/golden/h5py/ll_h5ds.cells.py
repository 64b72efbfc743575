# %%
import h5py
import numpy as np
from h5py import h5ds
f = h5py.File('ll_h5ds.h5', 'w')
data = f.create_dataset('data', data=np.zeros((2, 3)))
x = f.create_dataset('x', data=np.arange(3))
t = f.create_dataset('t', data=np.arange(2))
h5ds.__name__, h5py.h5ds is h5ds

# %%
h5ds.is_scale(x.id), h5ds.set_scale(x.id, b'x axis'), h5ds.is_scale(x.id), h5ds.set_scale(t.id)

# %%
h5ds.get_scale_name(x.id), h5ds.get_scale_name(t.id)

# %%
h5ds.attach_scale(data.id, x.id, 1)
h5ds.attach_scale(data.id, t.id, 0)
h5ds.is_attached(data.id, x.id, 1), h5ds.is_attached(data.id, x.id, 0), h5ds.get_num_scales(data.id, 1), h5ds.get_num_scales(data.id, 0)

# %%
h5ds.set_label(data.id, 0, b'time')
h5ds.get_label(data.id, 0), h5ds.get_label(data.id, 1)

# %%
found = []
h5ds.iterate(data.id, 1, found.append), [type(i).__name__ for i in found], [h5py.h5i.get_name(i) for i in found]

# %%
h5ds.iterate(data.id, 1, lambda sid: h5ds.get_scale_name(sid))

# %%
h5ds.attach_scale(data.id, t.id, 1)
h5ds.iterate(data.id, 1, lambda sid: h5py.h5i.get_name(sid), 1)

# %%
h5ds.iterate(data.id, 1, found.append, -1)

# %%
h5ds.set_label(data.id, 0, 'str label')

# %%
h5ds.set_scale(x.id, 'name')

# %%
h5ds.is_scale(f.id)

# %%
h5ds.get_num_scales(data.id, 5)

# %%
h5ds.get_label(data.id, -1)

# %%
h5ds.detach_scale(data.id, t.id, 1)
h5ds.get_num_scales(data.id, 1), h5ds.is_attached(data.id, t.id, 1)

# %%
h5ds.detach_scale(data.id, t.id, 1)

# %%
h5ds.set_scale(x.id, b'renamed'); h5ds.get_scale_name(x.id)

# %%
h5ds.set_label?
