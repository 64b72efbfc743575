# %%
import h5py
import numpy as np
h5py.version.version, h5py.version.hdf5_version, h5py.version.numpy_version
# %%
h5py.version.version_tuple
# %%
h5py.version.hdf5_version_tuple
# %%
cfg = h5py.get_config()
cfg.track_order, cfg.complex_names, cfg.bool_names
# %%
f = h5py.File('more.h5', 'w')
d = f.create_dataset('d', data=np.arange(6).reshape(2, 3))
print(f)
print(d)
str(f['d'])
# %%
d == d, d == f['d'], d is f['d']
# %%
hash(d) == hash(f['d'])
# %%
[row for row in d]
# %%
for row in d:
    print(row)
# %%
s = f.create_dataset('s', data=5)
len(s)
# %%
list(s)
# %%
s.len()
# %%
d.size, s.size, s.shape, s.ndim
# %%
f.create_dataset('n', dtype='i4').size
# %%
isinstance(d, h5py.Dataset), isinstance(f, h5py.Group), isinstance(f['d'], h5py.Group)
# %%
type(d), type(f), type(f.attrs), type(h5py.SoftLink('/x'))
# %%
h5py.Dataset, h5py.Group, h5py.File, h5py.AttributeManager
# %%
f.get('d', getclass=True) is h5py.Dataset
# %%
d.astype('f8')
# %%
len(d.astype('f8')), d.astype('f8').dtype
# %%
d.astype('i8') is d
# %%
c = f.create_dataset('c', data=np.array([(1, 2.0)], dtype=[('x', 'i2'), ('y', 'f4')]))
c.fields('x')
# %%
c.fields('x').dtype, c.fields(['x', 'y']).dtype
# %%
c.fields(['y'])[0]
# %%
f['strs'] = ['ab', 'c']
f['strs'].asstr()
# %%
f['strs'].asstr().dtype, len(f['strs'].asstr())
# %%
f['strs'].asstr('ascii')[1]
# %%
d.asstr()
# %%
d.fields('x')
# %%
d.regionref[0, 1:]
# %%
d[d.regionref[:, 1]]
# %%
f.create_dataset('chunked', (1000,), dtype='i1', chunks=True).chunks
# %%
f.create_dataset('big', (1000, 1000), dtype='f8', chunks=True).chunks
# %%
f.create_dataset('mx', (10,), dtype='f8', maxshape=(None,)).chunks
# %%
f.create_dataset('shuf', (10,), dtype='f8', shuffle=True).shuffle
# %%
f.create_dataset('fl', (10,), dtype='f8', fletcher32=True).fletcher32
# %%
f.create_dataset('gz9', (10,), dtype='f8', compression=9).compression_opts
# %%
f.create_dataset('gzbad', (10,), dtype='f8', compression='gzip', compression_opts=10)
# %%
f.create_dataset('ch_bad', (10,), dtype='f8', chunks=(20,))
# %%
f.create_dataset('ch_rank', (10,), dtype='f8', chunks=(2, 2))
# %%
f.create_dataset('ch_unl', (10,), dtype='f8', chunks=False, maxshape=(None,))
# %%
f.attrs['x'] = 1
'x' in f.attrs, f.attrs.get('x')
# %%
'x' in f.attrs.keys(), list(f.attrs.values()), f.attrs.items()
# %%
f.attrs.values()
# %%
g = f.create_group('g')
g['sub/leaf'] = 1
list(g.keys()), g['sub/leaf'][()], g['sub']['leaf'].name
# %%
g.get('sub/leaf').parent
# %%
f['/g/sub'] == g['sub']
# %%
f.close()
with h5py.File('more.h5', 'r') as r:
    print(r.mode, len(r), r['d'][1, 1])
