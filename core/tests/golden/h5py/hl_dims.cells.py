# %%
import h5py
import numpy as np
f = h5py.File('dims.h5', 'w')
data = f.create_dataset('data', data=np.arange(12.0).reshape(3, 4))
x = f.create_dataset('x', data=np.arange(4))
y = f.create_dataset('y', data=np.arange(3) * 10)
y2 = f.create_dataset('y2', data=np.arange(3) * 100)
data.is_scale, x.is_scale

# %%
dims = data.dims
len(dims), type(dims).__name__, repr(dims).startswith('<Dimensions of HDF5 object at ')

# %%
x.make_scale('x coordinate')
y.make_scale()
y2.make_scale('y2')
x.is_scale, y.is_scale, x.attrs['CLASS'], x.attrs['NAME']

# %%
dict(y.attrs)

# %%
data.dims[1].attach_scale(x)
data.dims[0].attach_scale(y)
data.dims[0].attach_scale(y2)
len(data.dims[0]), len(data.dims[1])

# %%
data.dims[0].label, data.dims[1].label

# %%
data.dims[0].label = 'rows'
data.dims[1].label = 'columns'
data.dims[0].label, data.dims[1].label

# %%
repr(data.dims[0]).split(' at ')[0]

# %%
data.dims[0].keys(), data.dims[1].keys()

# %%
data.dims[0].values()

# %%
data.dims[0].items()

# %%
list(data.dims[0]), [d.label for d in data.dims]

# %%
data.dims[0][0].name, data.dims[0][1].name, data.dims[0][-1].name, data.dims[1]['x coordinate'].name

# %%
data.dims[0]['y2'][...]

# %%
data.dims[0]['nope']

# %%
data.dims[0][5]

# %%
data.dims[2]

# %%
data.dims[0].detach_scale(y)
len(data.dims[0]), data.dims[0].keys()

# %%
data.dims[0].detach_scale(y)

# %%
data.dims[1].attach_scale(data)

# %%
dict(data.attrs).keys()

# %%
data.dims[0] == data.dims[0], data.dims[0] == data.dims[1]

# %%
y.make_scale('yy')
y.attrs['NAME'], data.dims[0].keys()

# %%
for dim in data.dims:
    print(dim.label, list(dim), len(dim))

# %%
z = f.create_dataset('z', data=np.arange(5))
[len(d) for d in z.dims], z.dims[0].keys(), z.dims[0].items(), z.dims[0].label

# %%
z.dims[0][0]

# %%
f.close()
g = h5py.File('dims.h5', 'r')
d = g['data']
d.dims[0].label, d.dims[1].keys(), d.dims[1][0].name, d.dims[1][0][...], g['x'].is_scale

# %%
d.dims[0].label = 'nope'

# %%
g.close()
repr(d.dims)

# %%
d.dims[0]
