import h5py
import numpy as np
f = h5py.File('io_fastpaths.h5', 'w')
# %%
# Every numeric dtype, both byte orders: written and read back whole.
for dt in ['?', 'i1', 'u1', '<i2', '>i2', '<u2', '>u4', '<i8', '>i8', '<f2', '>f2', '<f4', '>f4', '<f8', '>f8']:
    a = (np.arange(6) - 2).astype(dt)
    f['n_' + dt] = a
    b = f['n_' + dt][:]
    print(dt, f['n_' + dt].dtype, b.dtype, b, b.tobytes() == a.tobytes())
# %%
for dt in ['<c8', '>c8', '<c16', '>c16']:
    a = np.array([1 + 2j, -0.5j, 3.25, np.inf - 1j], dtype=dt)
    f['c_' + dt] = a
    b = f['c_' + dt][:]
    print(dt, b.dtype, b, b.tobytes() == a.tobytes())
# %%
f['u8max'] = np.array([0, 2**64 - 1, 2**63], dtype='u8')
f['u8max'][:], f['u8max'][1]
# %%
f['half'] = np.array([np.nan, np.inf, -np.inf, 65504, 1e-7], dtype='>f2')
f['half'][:]
# %%
f['flags'] = np.array([True, False, True, True])
f['flags'][:], f['flags'][::2], f['flags'][1], f['flags'].dtype
# %%
# Non-contiguous arrays written: strided, reversed, transposed, broadcast.
m = np.arange(24, dtype='>i4').reshape(4, 6)
f['strided'] = m[::2, ::3]
f['reversed'] = m[:, ::-1]
f['transposed'] = m.T
f['strided'][:], f['reversed'][:], f['transposed'][:]
# %%
d = f.create_dataset('grid', data=np.zeros((5, 6), dtype='f8'))
d[1:5:2, ::2] = m[:2, :3] * 1.5
d[0] = 7
d[4, 1:] = np.arange(10.0)[::-2]
d[:]
# %%
# Strided and partial selections read.
d[::2], d[1:4, ::4], d[..., 5], d[2], d[3, 4], d[1:1]
# %%
g = f.create_dataset('gz', data=np.arange(1000, dtype='<i8').reshape(10, 100), compression='gzip', chunks=(3, 7))
g[::3, 90::4], g[9, -3:], g[:].sum()
# %%
# Structured and string data take the general path.
rec = np.array([(1, 2.5, b'ab'), (-3, -0.25, b'xyz')], dtype=[('a', '<i4'), ('b', '>f8'), ('c', 'S3')])
f['rec'] = rec
f['rec'][:], f['rec'][1], f['rec'].dtype
# %%
f['strs'] = np.array([b'one', b'three', b''])
f['strs'][:], f['strs'][::2]
# %%
fv = f.create_dataset('filled', shape=(3, 2), dtype='>i2', fillvalue=-7)
fv[:], fv[1:, 1]
# %%
# Requests larger than memory fail with NumPy's MemoryError, not an abort.
huge = f.create_dataset('huge', shape=(10**12,), dtype='f8')
huge[:]
# %%
huge[::2]
# %%
f.create_dataset('huge2', shape=(10**6, 10**6), dtype='i4')[...]
# %%
huge[10:20]
# %%
# Transfers over 16 MiB go in blocks of rows (Ctrl-C is seen between blocks).
big = (np.arange(2500 * 1000) * 1.5 - 7j).astype('>c16').reshape(2500, 1000)
f['big'] = big
part = f['big'][1::2, 10:]
f['big'].dtype, (f['big'][:] == big).all(), (part == big[1::2, 10:]).all(), part.shape
# %%
f['big'][1::2, 10:] = part * 2
back = f['big'][:]
(back[1::2, 10:] == big[1::2, 10:] * 2).all(), (back[::2] == big[::2]).all(), (back[:, :10] == big[:, :10]).all()
# %%
z = f.create_dataset('bigz', shape=(1300, 1000), dtype='<c16', compression='gzip', chunks=(9, 100))
z[...] = big[:1300]
z[3:1299] = big[1:1297]
zb = z[:]
(zb[:3] == big[:3]).all(), (zb[3:1299] == big[1:1297]).all(), (zb[1299] == big[1299]).all(), z[1298, 999]
# %%
# Empty selections and empty views written and read.
e = np.zeros((3, 0), dtype='>i2')
f['empty_view'] = e[2]
f['empty_view'][:], f['empty_view'].shape, f['grid'][5:], f['grid'][1:1, ::2].shape
# %%
f.close()
