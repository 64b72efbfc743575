# %%
import numpy as np
import warnings
np.array([1.0, 0.0]) / 0
# %%
for i in range(3):
    np.log(0)
# %%
x = np.sqrt(-1.0); print(x)
# %%
np.array([1]) // 0
# %%
np.log(0)
# %%
np.log(0)
# %%
x = 1
np.log(0)
# %%
for i in range(2):
    np.log(np.array([0.0, -1.0]))
    np.log(np.array([0.0]))
# %%
np.float64(1)/0
# %%
np.float64(0)/0
# %%
np.array([1e308]) * 10
# %%
np.float64(1e308) * 10
# %%
np.array([1e-308]) * 1e-100
# %%
np.array([1, 2]) % 0
# %%
np.int64(1) // 0
# %%
np.array([1.0]) // 0
# %%
np.array([1.0]) % 0
# %%
with np.errstate(divide='ignore'):
    print(np.log(0))
    print(np.sqrt(-1.0))
# %%
old = np.seterr(all='ignore'); print(old); print(np.log(0)); np.seterr(**old)
# %%
with np.errstate(invalid='raise'):
    np.sqrt(-1.0)
# %%
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    np.log(0)
np.log(0)
# %%
warnings.filterwarnings('ignore')
np.log(0)
# %%
warnings.resetwarnings()
np.log(0)
# %%
np.exp(1000)
# %%
np.array([np.inf]) - np.inf
# %%
np.array([1, 2], dtype=np.int8) * 100
# %%
np.power(np.array([0.0]), -1)
# %%
np.array([0.0]) ** -1
# %%
np.float64(1e308) + 1e308
# %%
1.0 / np.array([0.0])
# %%
np.divide(1, 0)
# %%
np.true_divide(np.array([0]), 0)
# %%
np.nanmean(np.array([np.nan]))
# %%
def f(x):
    return np.log(x)
# %%
f(0)
# %%
np.array([np.nan, 1e300]).astype(np.int64)
# %%
np.array([1e300]).astype(np.float32)
# %%
np.int64(2**62) * 4
# %%
np.nanmax(np.array([np.nan]))
# %%
a = np.array([1.0, 2.0])
a /= 0
a
# %%
warnings.simplefilter('error')
np.log(0)
# %%
warnings.resetwarnings()
warnings.simplefilter('always')
for i in range(2):
    np.log(0)
# %%
warnings.resetwarnings()
warnings.simplefilter('once')
for i in range(2):
    np.log(0)
np.log(0)
# %%
np.log(0)
# %%
warnings.resetwarnings()
with warnings.catch_warnings(action='ignore'):
    np.log(0)
# %%
warnings.filterwarnings('ignore', message='divide by')
np.log(0)
np.sqrt(-1.0)
# %%
warnings.resetwarnings()
warnings.filterwarnings('ignore', category=RuntimeWarning)
np.log(0)
warnings.resetwarnings()
# %%
warnings.filterwarnings('ignore', category=UserWarning)
np.log(0)
warnings.resetwarnings()
# %%
np.seterr(divide='raise')
# %%
np.array([1.0]) / 0
# %%
np.seterr(divide='warn'); np.geterr()
# %%
-np.array([np.inf]) + np.inf
# %%
np.float32(1e38) * np.float32(10)
# %%
np.sqrt(np.array([-1.0, 4.0]))
# %%
np.array([0, 1]) / 0
# %%
np.array([1, 2]) // np.array([1, 0])
# %%
np.float64(1e308) ** 2
# %%
np.abs(np.array([np.nan]))
# %%
np.array([np.nan]) * 2
# %%
np.array([1e-300]) * 1e-300
# %%
with np.errstate(under='warn'):
    np.array([1e-300]) * 1e-300
# %%
with np.errstate(all='ignore'):
    np.log(0); np.array([1]) // 0
# %%
with np.errstate(over='raise'):
    np.exp(np.array([1000.0]))
# %%
np.array([np.nan, 1.0]).astype(np.int32)
# %%
np.array([np.inf]).astype(np.int8)
# %%
np.array([300.0]).astype(np.int8)
# %%
np.array([-1.0]).astype(np.uint64)
# %%
np.array([-1.0]).astype(np.uint8)
# %%
np.array([1e10]).astype(np.uint32)
# %%
np.array([np.nan]).astype(bool)
# %%
np.int8(100) + np.int8(100)
# %%
np.int64(-2**63) // -1
# %%
-np.int64(-2**63)
# %%
np.uint8(0) - np.uint8(1)
# %%
np.int32(2**30) * 4
# %%
np.array([1, 2]) % np.array([0, 1])
# %%
np.array([True]) // False
# %%
np.float64(2.0) ** 5000
# %%
np.exp(np.float32(100))
# %%
def g(x):
    y = x + 1
    return np.array([y]) / 0
for i in range(3):
    g(i)
# %%
g(1)
# %%
for i in range(3):
    g(i)
# %%
np.array([1.0, 0.0]) / 0
# %%
with np.errstate(all='ignore'):
    g(1)
with np.errstate(divide='ignore'):
    pass
g(2)
# %%
np.divide(np.array([1.0]), 0) + np.log(np.array([0.0]))
# %%
np.nanmean(np.array([[np.nan, 1.0], [np.nan, np.nan]]), axis=1)
# %%
np.nanmin(np.array([np.nan, np.nan]))
# %%
warnings.warn("careful")
# %%
for i in range(3):
    warnings.warn("again", RuntimeWarning)
# %%
def h():
    warnings.warn("from h", category=DeprecationWarning)
h()
# %%
def k():
    warnings.warn("from k", UserWarning)
k()
# %%
warnings.warn("bad", 5)
# %%
warnings.warn("x", FutureWarning)
# %%
np.array([np.inf]) // 2
# %%
np.array([np.nan]) // 2
# %%
np.array([1.0]) // np.inf
# %%
np.array([np.inf]) // np.inf
# %%
np.array([np.inf]) % 2
# %%
np.array([np.nan, 1.0]) // np.array([0.0, 0.0])
# %%
np.float64(np.inf) // 2
# %%
a = np.full(1000, np.nan); a[::3] = 1.0
r = [(a < 1).sum(), (a > 0).sum(), (a <= 1).sum(), (a >= 1).sum(), (a == a).sum(), (a != 1).sum()]
r
# %%
np.maximum(a, 0).sum(), np.minimum(a, 0)[:3]
# %%
(a * 2)[:3], (a + 1)[:3], np.sqrt(a)[:3], np.log(a)[:3], np.exp(a)[:3], np.isnan(a).sum(), np.isfinite(a).sum()
# %%
a.astype(np.float32)[:3], np.floor(a)[:3], np.abs(a)[:3], -a[:3], a // 2, a % 2
# %%
b = np.arange(1000.0) - 500
(b < 0).sum(), np.sqrt(np.abs(b)).sum(), (b // 3).sum(), (b % 3).sum(), (b ** 2).sum(), (b / 7).sum()
# %%
np.float64(np.nan) < 1, np.float64(np.nan) == np.nan, np.nan < np.float64(1)
# %%
c = np.array([np.inf, -np.inf, np.nan])
c < 1, c == np.inf, np.maximum(c, 1)
# %%
np.sin(np.array([np.inf]))
# %%
x = np.array([1.5, np.nan, np.inf]); x.round(), np.round(x), x.astype(bool)
# %%
warnings.simplefilter('error')
warnings.warn("now an error")
