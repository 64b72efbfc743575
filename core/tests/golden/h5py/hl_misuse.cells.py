# %%
import h5py
import numpy as np
f = h5py.File('m.h5', 'w')
d = f.create_dataset('d', data=np.arange(5))
g = f.create_group('g')
f.close()
d
# %%
g
# %%
f
# %%
d[0] = 1
# %%
g['x']
# %%
g.create_group('y')
# %%
f['d']
# %%
f.create_group('z')
# %%
'd' in f
# %%
d.attrs
# %%
g.name
# %%
f.close()
# %%
f = h5py.File('m.h5', 'r')
f.create_group('new')
# %%
f['new'] = 1
# %%
f['d'][0] = 9
# %%
del f['d']
# %%
f['d'].attrs['a'] = 1
# %%
f.close()
f = h5py.File('m.h5', 'a')
f['d'] = 2
# %%
f.create_dataset('d', (3,), dtype='f4')
# %%
f.create_group('d')
# %%
f.create_dataset('bad', (3,), dtype='nonsense')
# %%
f.create_dataset('bad', shape='x', dtype='f4')
# %%
f.create_dataset('bad')
# %%
f.create_dataset('bad', (2, 2), data=np.arange(3))
# %%
f.create_dataset('bad', (-1,), dtype='f4')
# %%
f.create_dataset('bad', (3,), chunks=(5,), maxshape=(3,))
# %%
f.create_dataset('bad', (3,), dtype='f4', chunks=True, compression_opts=99, compression='gzip')
# %%
f.create_dataset(1, (3,))
# %%
f[None]
# %%
f['d'][:] = 'text'
# %%
f['d'][:] = np.arange(7)
# %%
f.get(5)
# %%
f.move('d', 'd')
# %%
f.require_group(5)
# %%
h5py.File(5)
# %%
h5py.File('m.h5', mode='r', driver='nonsense')
# %%
f.attrs[5] = 1
# %%
f['g'].attrs.modify('x', [1, 2]); f['g'].attrs.modify('x', [[1]])
# %%
f['g'].visit(5)
# %%
f['d'].resize((10,))
# %%
f['d'].astype('nonsense')
# %%
f['d'].fields('a')
# %%
h5py.SoftLink()
# %%
h5py.string_dtype('utf-16')
# %%
h5py.check_dtype(foo=1)
