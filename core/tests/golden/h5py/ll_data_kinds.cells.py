import h5py
import numpy as np
# %%
f = h5py.File('k.h5', 'w')
dt = np.dtype([('a', '<i4'), ('b', '<f8')])
f['c'] = np.array([(1, 1.5), (2, 2.5)], dtype=dt)
ds = f['c'].id
out = np.zeros(2, dtype=dt)
ds.read(h5py.h5s.ALL, h5py.h5s.ALL, out)
out
# %%
ds.write(h5py.h5s.ALL, h5py.h5s.ALL, np.array([(7, 0.25), (8, 0.5)], dtype=dt))
f['c'][:]
# %%
type(ds.get_type()).__name__, ds.get_type().get_nmembers(), ds.dtype
# %%
f['s'] = np.array([b'ab', b'cde'], dtype='S3')
out = np.zeros(2, dtype='S3')
f['s'].id.read(h5py.h5s.ALL, h5py.h5s.ALL, out)
out, f['s'].id.dtype
# %%
out = np.zeros(2, dtype='S5')
f['s'].id.read(h5py.h5s.ALL, h5py.h5s.ALL, out)
out
# %%
f['b'] = np.array([True, False, True])
out = np.zeros(3, dtype=bool)
f['b'].id.read(h5py.h5s.ALL, h5py.h5s.ALL, out)
out, type(f['b'].id.get_type()).__name__
# %%
f['e'] = np.array([1, 2], dtype=h5py.enum_dtype({'A': 1, 'B': 2}, basetype='i1'))
out = np.zeros(2, dtype='i1')
f['e'].id.read(h5py.h5s.ALL, h5py.h5s.ALL, out)
out, type(f['e'].id.get_type()).__name__
# %%
f['m'] = np.arange(6, dtype='u2').reshape(2, 3)
out = np.zeros((2, 3), dtype='u2')
sp = f['m'].id.get_space()
sp.select_hyperslab((0, 1), (2, 2))
ms = h5py.h5s.create_simple((2, 3))
ms.select_hyperslab((0, 0), (2, 2))
f['m'].id.read(ms, sp, out)
out
# %%
f['m'].id.write(ms, sp, np.full((2, 3), 9, dtype='u2'))
f['m'][:]
# %%
f['z'] = np.complex64(1 + 2j) * np.ones(2, dtype='c8')
out = np.zeros(2, dtype='c8')
f['z'].id.read(h5py.h5s.ALL, h5py.h5s.ALL, out)
out
# %%
a = h5py.h5a.create(f.id, b'sattr', h5py.h5t.py_create(np.dtype('S4')), h5py.h5s.create(h5py.h5s.SCALAR))
a.write(np.array(b'abcd', dtype='S4'))
out = np.zeros((), dtype='S4')
a.read(out)
out, a.shape, a.dtype
# %%
a = h5py.h5a.create(f.id, b'cattr', h5py.h5t.py_create(dt), h5py.h5s.create_simple((1,)))
a.write(np.array([(3, 3.5)], dtype=dt))
out = np.zeros(1, dtype=dt)
a.read(out)
out
# %%
f.attrs['s'] = 'héllo'
a = h5py.h5a.open(f.id, b's')
out = np.empty((), dtype=h5py.string_dtype())
a.read(out)
out, a.dtype
# %%
out = np.empty((), dtype=object)
a.read(out)
out
# %%
f['vs'] = np.array(['a', 'bc'], dtype=h5py.string_dtype())
o = np.empty(2, dtype=h5py.string_dtype())
f['vs'].id.read(h5py.h5s.ALL, h5py.h5s.ALL, o)
o, f['vs'].id.dtype
# %%
f['vs'].id.write(h5py.h5s.ALL, h5py.h5s.ALL, np.array(['x', 'yz'], dtype=h5py.string_dtype()))
f['vs'][:]
# %%
a.write(np.array('new', dtype=h5py.string_dtype()))
f.attrs['s']
# %%
f.close()
