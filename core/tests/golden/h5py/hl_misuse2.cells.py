# %%
import h5py
import numpy as np
f = h5py.File('m2.h5', 'w')
f.attrs['big'] = np.zeros(100000)
# %%
f.attrs['obj'] = np.array([1, 'a'], dtype=object)
# %%
f['o'] = np.array([1, 'a'], dtype=object)
# %%
f.create_group(b'\xff\xfe')
list(f)
# %%
f.move('nope/a', 'b')
# %%
f.create_group('a')
f.move('a', 'x/y/a')
list(f['x/y'])
# %%
f.copy('x', 'x')
# %%
f.copy('x', f['x/y'], name='copied')
f['x/y/copied']
# %%
f.copy(f['x'], f['x/y/a'].attrs)
# %%
f['d'] = np.arange(5)
f.copy('d', 'd2', shallow=True)
f['d2'][:]
# %%
f.copy('d', 'd3', without_attrs=True)
sorted(f)
# %%
f['d'][0:5:0]
# %%
f['d'][10:3]
# %%
f['d'][5]
# %%
f['d'][-6]
# %%
f['d'][[3, 1]]
# %%
f['d'][[1, 10]]
# %%
f['d'][np.array([0.5])]
# %%
f['d'][(0, 1)]
# %%
f['d'].astype('S3')[:]
# %%
f['d'].asstr()
# %%
f['d'].iter_chunks()
# %%
f['d'].resize(3)
# %%
f['d'].read_direct(np.zeros(3, dtype='i8'))
# %%
f['d'].read_direct([0, 0])
# %%
f['d'].write_direct(np.zeros(6))
# %%
f.attrs.modify(5, 1)
# %%
f.attrs.create('k', data=[1, 2], shape=(3,))
# %%
f.attrs.create('k', data=[1, 2], dtype='nonsense')
# %%
f.attrs.get_id(b'nope')
# %%
del f.attrs[b'nope']
# %%
h5py.File('m2.h5', 'r')
# %%
f.close()
f2 = h5py.File('m2.h5', 'r')
f2.attrs['x'] = 1
# %%
f2['d'].resize((8,))
# %%
f2.move('d', 'e')
# %%
f2.copy('d', 'e')
# %%
f2['d'].attrs.modify('a', 1)
# %%
f2.close()
f2.close()
f2
