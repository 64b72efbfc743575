import h5py
import numpy as np
# %%
f = h5py.File('a.h5', 'w')
g = f.create_group('g')
gid = g.id
def put(loc, name, arr, **kw):
    a = h5py.h5a.create(loc, name, h5py.h5t.py_create(arr.dtype), h5py.h5s.create_simple(arr.shape), **kw)
    a.write(arr)
    return a
def names_of(loc):
    out = []
    h5py.h5a.iterate(loc, out.append)
    return out
put(gid, b'x', np.array([1], dtype='i8'))
put(gid, b'y', np.arange(3, dtype='i2'))
h5py.h5a.get_num_attrs(gid)
# %%
h5py.h5a.exists(gid, b'x'), h5py.h5a.exists(gid, b'nope')
# %%
aid = h5py.h5a.open(gid, b'y')
aid
# %%
type(aid).__mro__
# %%
aid.name, aid.get_name(), aid.shape
# %%
aid.get_storage_size()
# %%
aid.get_space().shape, aid.get_type().get_size()
# %%
out = np.zeros(3, dtype='i2')
aid.read(out)
out
# %%
out = np.zeros(3, dtype='i8')
aid.read(out)
out
# %%
aid.write(np.array([7, 8, 9], dtype='i2'))
check = np.zeros(3, dtype='i2')
h5py.h5a.open(gid, b'y').read(check)
check
# %%
aid.read([1, 2, 3])
# %%
aid2 = h5py.h5a.open(gid, index=0)
aid2.name
# %%
h5py.h5a.open(gid)
# %%
h5py.h5a.open(gid, b'x', 1)
# %%
h5py.h5a.open(gid, b'missing')
# %%
h5py.h5a.open(gid, 'x')
# %%
sp = h5py.h5s.create_simple((2, 2))
new = h5py.h5a.create(gid, b'z', h5py.h5t.STD_I32LE, sp)
new.write(np.array([[1, 2], [3, 4]], dtype='i4'))
check = np.zeros((2, 2), dtype='i4')
h5py.h5a.open(gid, b'z').read(check)
check
# %%
h5py.h5a.create(gid, b'z', h5py.h5t.STD_I32LE, sp)
# %%
h5py.h5a.create(gid, b'w', np.dtype('i4'), sp)
# %%
h5py.h5a.get_num_attrs(gid), names_of(gid)
# %%
names = []
h5py.h5a.iterate(gid, names.append)
names
# %%
h5py.h5a.iterate(gid, lambda n: n if n == b'y' else None)
# %%
pairs = []
h5py.h5a.iterate(gid, lambda n, info: pairs.append((n, info.data_size)), info=True)
pairs
# %%
names = []
h5py.h5a.iterate(gid, names.append, 1)
names
# %%
info = h5py.h5a.get_info(gid, b'y')
info.data_size, info.corder_valid, info.cset
# %%
h5py.h5a.get_info(aid).data_size
# %%
h5py.h5a.rename(gid, b'z', b'zz')
names_of(gid)
# %%
h5py.h5a.rename(gid, b'nope', b'other')
# %%
h5py.h5a.delete(gid, b'zz')
names_of(gid)
# %%
h5py.h5a.delete(gid, index=0)
names_of(gid)
# %%
h5py.h5a.delete(gid, b'nope')
# %%
f['d'] = np.arange(4)
h5py.h5a.create(f.id, b'on_d', h5py.h5t.STD_I8LE, h5py.h5s.create(h5py.h5s.SCALAR), obj_name=b'd')
h5py.h5a.exists(f.id, b'on_d', obj_name=b'd'), names_of(h5py.h5o.open(f.id, b'd'))
# %%
h5py.h5a.AttrID.read
# %%
aid.read
# %%
aid.close()
aid.valid
# %%
f.close()
