import numpy as np
# %%
# Whole-array reductions over every numeric dtype (contiguous, strided, reversed, 2-d).
for dt in ['?', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f4', 'f8', '>i4', '>f8']:
    a = (np.arange(12) * 37 % 23 - 5).astype(dt)
    m = a.reshape(3, 4)
    print(dt, a.sum(), a.prod(), a.min(), a.max(), a.argmin(), a.argmax(), a.any(), a.all(), a.mean())
    print('  ', a[::3].sum(), a[::-2].max(), m.sum(), m.T.sum(), m[:, 1:3].sum(), m.sum(axis=(0, 1)), m.sum(keepdims=True))
# %%
# Integer sums wrap as NumPy's int64/uint64 accumulators do; bool sums count.
big = np.array([2**62, 2**62, 2**62], dtype='i8')
ub = np.array([2**63, 2**63, 5], dtype='u8')
big.sum(), big.prod(), ub.sum(), np.array([True, True, False]).sum(), np.array([True, False]).prod()
# %%
i8 = np.array([100, 100, 100], dtype='i1')
i8.sum(), i8.prod(), i8.mean(), i8.max(), type(i8.sum()), type(i8.max())
# %%
# NaN propagates through min/max; argmin/argmax stop at the first NaN.
f = np.array([3.0, np.nan, -1.0, np.nan, 7.0])
f.min(), f.max(), f.argmin(), f.argmax(), f.sum(), f.mean(), f[2:].min(), f[::2].max(), f[::2].argmin()
# %%
np.array([-0.0, 0.0]).min(), np.array([0.0, -0.0]).max(), np.array([0.0, -0.0]).min(), np.array([-0.0, 0.0]).max(), np.array([-0.0, -0.0]).sum(), np.array([np.inf, 1.0]).sum()
# %%
# float32 accumulates in float32 (pairwise), mean too.
g = (np.arange(1000, dtype='f4') / 7).astype('f4')
g.sum(), g.mean(), g[::3].sum(), (g * 1e6).sum(), type(g.sum()), type(g.mean())
# %%
# Pairwise summation boundaries: results depend on NumPy's blocking.
for n in [7, 8, 9, 127, 128, 129, 1000, 8191, 8193, 20000]:
    h = np.arange(n) * 0.1 + 1 / 3
    print(n, h.sum(), h.mean(), np.arange(n).mean(), h[::-1].sum())
# %%
# Empty arrays take the general path and its errors.
e = np.array([], dtype='f8')
e.sum(), e.prod(), e.any(), e.all()
# %%
e.max()
# %%
np.array([], dtype='i4').argmin()
# %%
# Binary loops: array with scalar, scalar with array, array with array (same and other
# dtypes), comparisons, int wrapping, float specials.
a = np.arange(-4, 6, dtype='i8')
a * 2, 2 * a, a + a, a - a[::-1], a * 0.5, a > 1, 3 >= a, a == a, a // 3, a % 3, -a
# %%
np.array([2**62, -2**62]) * 4, np.array([120, -120], dtype='i1') + np.int8(10), np.array([250], dtype='u1') + 10
# %%
x = np.array([1.0, -0.0, np.nan, np.inf, -np.inf])
x * 2, x + x, x < 1, x == x, x != x, np.maximum(x, 0.5), np.minimum(0.5, x)
# %%
np.array([1, 0, 7]) // np.array([3, 2, 2]), np.array([5, -5]) % np.array([2, 3]), np.array([-7, 7]) // -2
# %%
np.array([True, False]) + np.array([True, True]), np.array([True, False]) * 3, np.array([1.5, 2.5], dtype='f2') * 2
# %%
c = np.array([1 + 2j, -1j, 0j])
c * 2, c + c, c * (1 - 1j), c == 1 + 2j
# %%
# Operands of other shapes/layouts broadcast on the general path.
m = np.arange(6).reshape(2, 3)
m * np.array([1, 10, 100]), m.T + 1, m[:, ::2] * 2, m + m.T.T, m * m[:1]
# %%
# arange straight into its buffer, and at the edges of int64.
np.arange(5), np.arange(2, 11, 3), np.arange(10, 0, -3), np.arange(0.5, 3), np.arange(1, 2, 0.25), np.arange(2**63 - 3, 2**63 - 1)
# %%
np.arange(-2**63, -2**63 + 4, 2), np.arange(0, 1, 0.1), np.arange(0, 1, 0.1)[-1], np.arange(3, dtype='f4'), np.arange(3.0, dtype='i8')
# %%
# astype between numeric dtypes (C casts): contiguous and strided sources.
v = np.array([-1.5, 0.5, 2.7, 100.0, -128.9, 1e3])
v.astype('i1'), v.astype('u1'), v.astype('i8'), v.astype('f4'), v[::2].astype('i4'), v.astype('?'), np.array([-1, 256, 70000]).astype('u2')
# %%
np.array([np.nan, np.inf]).astype('f2'), np.arange(5)[::-1].astype('f8'), np.array([1 + 2j]).real.astype('f4')
# %%
# Unary float functions keep float32/float64 and map in place of a copy.
np.sqrt(np.array([4.0, 2.0, 0.25])), np.sqrt(np.array([4, 2], dtype='f4')), np.exp(np.arange(3.0)), np.floor(np.arange(3) * 0.7)
# %%
# Empty views whose offset lies past their (empty) buffer.
m = np.zeros((3, 0))
m[2].copy(), m[2].tobytes(), m[2].astype('f4'), m[2] + 1, m[2].sum(), m[1:].T.copy(), m[2].tolist(), np.zeros((2, 0), dtype='i4')[1].any()
# %%
# Large operands needing a cast to the loop dtype (chunks of 8192, from 32768 elements).
n = 7 * 14293
i = np.arange(n)
h = i * 0.5
print(h.dtype, h[:3], h[-3:], h.sum(), (h == i.astype('f8') * 0.5).all(), (0.5 * i == h).all())
w = np.arange(n, dtype='i4') + np.linspace(0, 1, n)
print(w.dtype, w[8190:8194], w[-2:], w.sum())
s = np.arange(n, dtype='f4') / 3 + np.float64(1.5)
print(s.dtype, s[-3:], s.sum())
# %%
b = np.arange(n, dtype='>i4').reshape(7, -1) * 0.25
c = (np.arange(n) % 3 == 0) + np.arange(n)
d = np.arange(n, dtype='u1') + np.arange(n, dtype='i2')
e = np.arange(n, dtype='i2') > 2.5
print(b.dtype, b.shape, b[6, -2:], c.dtype, c[:4], c.sum(), d.dtype, d[250:260], d.sum(), e.dtype, e[:4], e.sum())
# %%
# Broadcast (non-contiguous) operands keep the general path.
t = np.arange(n).reshape(7, -1)
(t.T * 0.5).shape, (t[:, ::2] * 0.5).sum(), (t * np.arange(14293, dtype='f4')).dtype, (t > np.arange(7.0)[:, None]).sum()
# %%
np.arange(5, dtype='f8'), np.arange(-3, 9, 4, dtype=float), np.arange(2**53 - 2, 2**53 + 3, dtype='f8'), np.arange(10**18, 10**18 + 2, dtype='f8')
