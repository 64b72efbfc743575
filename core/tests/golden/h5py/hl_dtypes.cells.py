# %%
import h5py
import numpy as np
h5py.string_dtype()
# %%
h5py.string_dtype('ascii')
# %%
h5py.string_dtype(length=10)
# %%
h5py.string_dtype('ascii', 5)
# %%
h5py.string_dtype('latin-1')
# %%
h5py.vlen_dtype(np.int32)
# %%
h5py.vlen_dtype('f8')
# %%
e = h5py.enum_dtype({'RED': 0, 'GREEN': 1}, basetype='i1')
e3 = h5py.enum_dtype({'b': 2, 'c': 0, 'a': 1})
e
# %%
h5py.check_dtype(enum=e)
# %%
h5py.check_dtype(vlen=h5py.string_dtype())
# %%
h5py.check_dtype(vlen=h5py.string_dtype('ascii'))
# %%
h5py.check_dtype(vlen=np.dtype('f8'))
# %%
h5py.check_dtype(vlen=h5py.vlen_dtype(np.dtype('i4')))
# %%
h5py.check_dtype(ref=h5py.ref_dtype)
# %%
h5py.check_dtype(ref=h5py.regionref_dtype)
# %%
h5py.check_string_dtype(h5py.string_dtype())
# %%
h5py.check_string_dtype(h5py.string_dtype('ascii', 4))
# %%
h5py.check_string_dtype(np.dtype('f4'))
# %%
h5py.check_vlen_dtype(h5py.vlen_dtype(np.dtype('i2')))
# %%
h5py.check_enum_dtype(e)
# %%
h5py.ref_dtype, h5py.regionref_dtype
# %%
f = h5py.File('dt.h5', 'w')
f['vs'] = np.array(['abc', 'de'], dtype=h5py.string_dtype())
f['vs'], f['vs'].dtype
# %%
f['vs'][:]
# %%
f['vs'][0]
# %%
f['vs'].asstr()[:]
# %%
f['fs'] = np.array([b'ab', b'c'], dtype='S3')
f['fs'], f['fs'][:]
# %%
f.create_dataset('en', data=np.array([0, 1, 1], dtype='i1'), dtype=e)
f['en'].dtype
# %%
h5py.check_enum_dtype(f['en'].dtype)
# %%
f['en'][:]
# %%
vl = f.create_dataset('vl', (2,), dtype=h5py.vlen_dtype(np.dtype('i4')))
vl[0] = [1, 2, 3]
vl[1] = [4]
vl[:]
# %%
vl[0]
# %%
f['f2'] = np.arange(3, dtype='f2')
f['f2'].dtype, f['f2'][:]
# %%
f['be'] = np.arange(3, dtype='>i4')
f['be'].dtype, f['be'][:]
# %%
f['u'] = np.arange(3, dtype='u8')
f['u'].dtype
# %%
f['f8'] = np.arange(3.0)
f['f8'].dtype, f['f8'][:].dtype
# %%
f['cmp'] = np.zeros(2, dtype=[('x', 'i2'), ('y', 'f4')])
f['cmp'].dtype
# %%
f['dtype_named'] = np.dtype('f4')
f['dtype_named']
# %%
t = f['dtype_named']
t.dtype, t.name
# %%
type(t), isinstance(t, h5py.Datatype)
# %%
f.create_dataset('usesnamed', (3,), dtype=t).dtype
# %%
f['cmpt'] = np.dtype([('a', 'i4'), ('b', 'S2')])
f['cmpt'].dtype
# %%
f['ud'] = np.array(['x'], dtype='U1')
# %%
f.create_dataset('o', (2,), dtype=object)
# %%
f['refs'] = np.array([f.ref, f['vs'].ref], dtype=h5py.ref_dtype)
f['refs'].dtype
# %%
f['refs'][0]
# %%
f[f['refs'][1]]
# %%
f.close()
t
# %%
f2 = h5py.File('dt2.h5', 'w')
f2.create_dataset('e3', (2,), dtype=e3)
h5py.check_enum_dtype(f2['e3'].dtype)
