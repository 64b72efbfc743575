# %%
import h5py
import numpy as np
f = h5py.File('dims2.h5', 'w')
data = f.create_dataset('data', data=np.zeros((2, 3)))
lat = f.create_dataset('lat', data=np.linspace(-1, 1, 2))
lat.make_scale('latitude')
data.dims[0].attach_scale(lat)
'latitude' in data.dims[0], 'other' in data.dims[0], [k for k in data.dims[0]]

# %%
data.dims[-1]

# %%
data.dims[-1].label

# %%
data.dims['a']

# %%
data.dims[0][b'latitude'].name, data.dims[0][True].name

# %%
data.dims[0].attach_scale(np.arange(3))

# %%
data.dims[0].attach_scale(lat)
len(data.dims[0])

# %%
s = f.create_dataset('s', data=1.0)
len(s.dims), list(s.dims)

# %%
data.dims[1].label = b'bytes label'
data.dims[1].label

# %%
data.dims[1].label = 5

# %%
data.make_scale(5)

# %%
lat.dims[0].attach_scale(lat)

# %%
g = f.create_group('g')
g.dims

# %%
data.dims[0].keys(), lat.is_scale, lat.dims[0].keys()

# %%
{data.dims[0]: 1}[data.dims[0]]

# %%
dim = data.dims[0]
dim.foo = 1
dim.foo, data.dims[0] == dim, data.dims[0] != dim, data.dims[1] == dim

# %%
d3 = f.create_dataset('d3', data=[1])
d3.attrs['CLASS'] = 'DIMENSION_SCALE'
d4 = f.create_dataset('d4', data=[1])
d4.attrs['CLASS'] = np.bytes_(b'DIMENSION_SCALE')
d5 = f.create_dataset('d5', data=[1])
d5.attrs['CLASS'] = 3
d3.is_scale, d4.is_scale, d5.is_scale

# %%
f.close()
lat.is_scale
