# %%
import h5py
import numpy as np
f = h5py.File('extra.h5', 'w')
c = f.create_dataset('c', data=np.zeros(3, dtype=[('a', 'i4'), ('b', 'f8')]))
c['a'] = [1, 2, 3]
c[:]
# %%
c[0, 'b'] = 9.5
c['b']
# %%
c['a', 1:]
# %%
f['e'] = h5py.Empty('f4')
f['e'], f['e'].shape, f['e'][()]
# %%
f['e'][0]
# %%
d = f.create_dataset('d', data=np.arange(10.0))
d.is_virtual, d.is_scale, d.external, d.scaleoffset
# %%
d.file == f, d.parent == f, d.name
# %%
d[np.int32(3)], d[np.uint8(2):np.int64(5)]
# %%
d[[True, False] * 5]
# %%
d[np.array([1, 5, 7])]
# %%
d[np.array([[1, 2]])]
# %%
d[[]]
# %%
d[()]
# %%
d[..., None]
# %%
d[5] = np.float32(1.25)
d[5]
# %%
d[:3] = 7
d[:4]
# %%
d[[0, 2]] = [1, 2, 3]
# %%
d[d[:] > 5] = 0
d[:]
# %%
i = f.create_dataset('i', data=np.arange(4, dtype='u1'))
i[0] = 300
# %%
i[0] = -1
# %%
i[:]
# %%
i[1] = 2.7
i[:]
# %%
b = f.create_dataset('b', (2,), dtype='S5')
b[0] = 'héllo'
# %%
b[0] = b'hi'
b[:]
# %%
v = f.create_dataset('v', (2,), dtype=h5py.string_dtype())
v[0] = 'x'
v[1] = b'y'
v[:]
# %%
v[0] = 5
# %%
f.create_group('g').create_dataset('inner', data=[1]).name
# %%
f.create_dataset('a/b/c', data=1).name
# %%
f['a/b/c'].parent.parent
# %%
f.require_group('a/b')
# %%
f.require_group('a/b/c')
# %%
f.require_dataset('a', (1,), 'i4')
# %%
f.create_dataset('f2', data=np.arange(3), dtype='f2')[:]
# %%
f.create_dataset('cast', data=[1.7, 2.2], dtype='i4')[:]
# %%
f.create_dataset('shape_int', 5, dtype='i2').shape
# %%
f.create_dataset('shape_mismatch', (3,), data=[1, 2])
# %%
f.create_dataset('max_small', (5,), dtype='i2', maxshape=(3,))
# %%
f.create_dataset('max_rank', (5,), dtype='i2', maxshape=(3, 3))
# %%
f.create_dataset('tt', (2,), dtype='i2', track_times=True)
# %%
f.create_dataset('fv_bad', (2,), dtype='i2', fillvalue='x')
# %%
d.virtual_sources()
