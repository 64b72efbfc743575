# %%
import h5py
import numpy as np
f = h5py.File('types.h5', 'w')
f['t'] = np.dtype('<i2')
t = f['t']
t
# %%
t.name, t.file == f, t.parent
# %%
t.attrs['doc'] = 'a type'
t.attrs['doc'], len(t.attrs)
# %%
t.committed() if hasattr(t, 'committed') else 'no'
# %%
t.id
# %%
t == f['t'], t != f['t']
# %%
f['cplx'] = np.dtype('c16')
f['cplx'].dtype
# %%
f['str_t'] = h5py.string_dtype()
f['str_t'].dtype
# %%
f['fixed_t'] = np.dtype('S7')
f['fixed_t'].dtype
# %%
f['enum_t'] = h5py.enum_dtype({'A': 1, 'B': 2}, basetype='u1')
h5py.check_enum_dtype(f['enum_t'].dtype)
# %%
f['vlen_t'] = h5py.vlen_dtype(np.dtype('f4'))
f['vlen_t'].dtype, h5py.check_vlen_dtype(f['vlen_t'].dtype)
# %%
f['arr_t'] = np.dtype(('i4', (2, 3)))
# %%
f['nested'] = np.dtype([('p', [('x', 'f4'), ('y', 'f4')]), ('n', 'i8')])
f['nested'].dtype
# %%
f.create_dataset('nd', (2,), dtype=f['nested'])[:]
# %%
f['t'][0]
# %%
len(f['t'])
# %%
list(f['t'])
# %%
f.get('t', getclass=True)
# %%
isinstance(t, h5py.Datatype), isinstance(t, h5py.Dataset), isinstance(t, h5py.Group)
# %%
h5py.Datatype(t.id)
# %%
h5py.Datatype(f.id)
# %%
f.attrs.create('typed', data=[1, 2], dtype=t)
f.attrs['typed'], f.attrs['typed'].dtype
# %%
f.close()
t
# %%
f = h5py.File('types.h5', 'r')
[(k, f.get(k, getclass=True).__name__) for k in f]
