# %%
import h5py
import numpy as np
f = h5py.File('ds.h5', 'w')
d = f.create_dataset('d', data=np.arange(12).reshape(3, 4))
d
# %%
d.shape, d.dtype, d.size, d.ndim, d.nbytes
# %%
len(d), d.len()
# %%
d.chunks, d.compression, d.compression_opts, d.shuffle, d.fletcher32, d.maxshape
# %%
d.fillvalue
# %%
d[...]
# %%
d[()]
# %%
e = f.create_dataset('e', (10,), dtype='f4')
e, e[:]
# %%
e.fillvalue
# %%
c = f.create_dataset('c', (100, 100), dtype='i4', chunks=(10, 10), compression='gzip', compression_opts=4, shuffle=True, fletcher32=True)
c.chunks, c.compression, c.compression_opts, c.shuffle, c.fletcher32
# %%
c2 = f.create_dataset('c2', (20,), dtype='i2', compression='gzip')
c2.compression, c2.compression_opts, c2.chunks
# %%
f.create_dataset('bad', (20,), dtype='f4', compression='nope')
# %%
f.create_dataset('fv', (4,), dtype='i4', fillvalue=7)[:]
# %%
f['fv'].fillvalue
# %%
r = f.create_dataset('r', (5,), maxshape=(None,), dtype='i8')
r.maxshape, r.chunks
# %%
r.resize((8,))
r.shape
# %%
r.resize(3, axis=0)
r.shape
# %%
r[:] = [1, 2, 3]
r[:]
# %%
d.resize((5, 5))
# %%
r.resize((2, 2))
# %%
x = f.create_dataset('x', (4, 4), maxshape=(10, None), dtype='f8')
x.resize(6, axis=0); x.shape
# %%
x.resize(20, axis=0)
# %%
x.resize(2, axis=5)
# %%
f.create_dataset('d', data=1)
# %%
f.require_dataset('d', (3, 4), 'i8')
# %%
f.require_dataset('d', (3, 5), 'i8')
# %%
f.require_dataset('d', (3, 4), 'f8')
# %%
f.require_dataset('d', (3, 4), 'i4')
# %%
f.require_dataset('d', (3, 4), 'i4', exact=True)
# %%
f.require_dataset('new', (2,), 'u1')
# %%
f['s'] = 3.5
f['s'], f['s'][()], f['s'].shape
# %%
f['l'] = [1, 2, 3]
f['l']
# %%
f['str'] = 'hello'
f['str'], f['str'][()]
# %%
f['str'].asstr()[()]
# %%
f['strs'] = ['a', 'bc']
f['strs'][:], f['strs'].asstr()[:]
# %%
f['b'] = np.array([True, False])
f['b'], f['b'][:]
# %%
f['cplx'] = np.array([1+2j, 3j])
f['cplx'][:]
# %%
d.astype('f4')[:2]
# %%
d.astype('i2')[0, :2]
# %%
a = np.zeros((3, 4), dtype='i8')
d.read_direct(a)
a
# %%
b = np.zeros(4, dtype='i8')
d.read_direct(b, (1,), (slice(None),))
b
# %%
d.write_direct(np.ones((3, 4), dtype='i8') * 9)
d[:]
# %%
d.write_direct(np.array([5, 6], dtype='i8'), (slice(None, 2),), (0, slice(None, 2)))
d[0]
# %%
list(c.iter_chunks())[:3]
# %%
list(c.iter_chunks((slice(5, 15), slice(0, 10))))
# %%
list(d.iter_chunks())
# %%
[row for row in f['fv']]
# %%
d.id, d.ref
# %%
emp = f.create_dataset('emp', dtype='f4')
emp, emp.shape
# %%
emp[()]
# %%
h5py.Empty('f4')
# %%
f.create_dataset('z', (0,), dtype='i4')[:]
# %%
f.close()
d
# %%
d.shape
