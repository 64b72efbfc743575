# %%
import numpy as np
a = np.arange(12).reshape(3, 4)
f = np.array([[1.5, 2.5], [3.0, -1.0]])
a.sum(), a.sum(axis=0), a.sum(axis=1)
# %%
a.sum(axis=-1), a.sum(axis=(0, 1))
# %%
a.sum(axis=0, keepdims=True)
# %%
a.sum(keepdims=True)
# %%
a.mean(), a.mean(axis=0)
# %%
f.mean(axis=1)
# %%
a.min(), a.max(), a.min(axis=1), a.max(axis=0)
# %%
a.argmin(), a.argmax(), a.argmax(axis=1), a.argmin(axis=0)
# %%
a.std(), a.var()
# %%
a.std(ddof=1), a.var(axis=0, ddof=1)
# %%
f.std(axis=0)
# %%
a.prod(), np.arange(1, 6).prod()
# %%
a.prod(axis=1)
# %%
a.any(), a.all(), (a > 5).any(axis=0), (a >= 0).all(axis=1)
# %%
np.sum(a), np.sum(a, axis=0), np.sum([1, 2, 3])
# %%
np.mean([1, 2, 3, 4]), np.mean(f)
# %%
np.min(a), np.max(a, axis=1), np.argmin(f)
# %%
np.std([1, 2, 3, 4]), np.var([1, 2, 3, 4], ddof=1)
# %%
np.prod([1, 2, 3, 4]), np.prod([])
# %%
np.any([0, 0, 1]), np.all([1, 1, 0])
# %%
np.cumsum([1, 2, 3]), np.cumsum(a, axis=0)
# %%
np.cumprod([1, 2, 3, 4])
# %%
np.array([1, np.nan, 3]).sum(), np.array([1, np.nan, 3]).max()
# %%
np.nansum(np.array([1, np.nan, 3])), np.nanmax(np.array([1, np.nan, 3]))
# %%
np.array([], dtype=float).sum(), np.array([], dtype=int).prod()
# %%
np.array([1.0, 2.0]).mean(), np.array([[1.0, 2.0]]).mean(axis=1)
# %%
np.array([]).max()
# %%
np.array([True, False, True]).sum()
# %%
np.array([1, 2], dtype=np.int8).sum().dtype, np.array([1, 2], dtype=np.uint8).sum().dtype
# %%
np.array([1, 2], dtype=np.float32).sum().dtype, np.array([1, 2], dtype=np.float32).mean()
# %%
np.array([1, 2], dtype=np.int32).mean().dtype
# %%
np.array([0.1] * 10).sum()
# %%
np.arange(1000000, dtype=float).sum()
# %%
np.linspace(0, 1, 1001).mean()
# %%
np.array([1 + 1j, 2 - 1j]).sum(), np.array([1 + 1j, 2 - 1j]).mean()
# %%
a.max(axis=(0, 1)), a.min(keepdims=True)
# %%
np.sort(np.array([3, 1, 2]))
# %%
np.sort(np.array([[3, 1], [0, 2]]), axis=0), np.sort(np.array([[3, 1], [0, 2]]), axis=None)
# %%
np.sort(np.array([2.0, np.nan, 1.0]))
# %%
np.argsort(np.array([3, 1, 2]))
# %%
np.unique(np.array([3, 1, 2, 3, 1]))
# %%
np.unique([[1, 1], [2, 0]])
# %%
np.unique(np.array(['b', 'a', 'b']))
# %%
np.where(a > 5, a, -1)
# %%
np.where(a > 5, 1.0, 0)
# %%
np.where(np.array([True, False]), 'yes', 'no')
# %%
np.where(a % 5 == 0)
# %%
np.allclose([1, 2], [1, 2.0000001]), np.allclose([1, 2], [1, 2.1])
# %%
np.isclose([1, 2, np.nan], [1, 2.5, np.nan]), np.isclose([np.nan], [np.nan], equal_nan=True)
# %%
np.array_equal([1, 2], [1, 2]), np.array_equal([1, 2], [1, 3]), np.array_equal([1, 2], [1, 2, 3])
# %%
np.isnan(np.array([1, np.nan])), np.isfinite(np.array([1, np.inf, np.nan])), np.isinf(np.array([-np.inf, 0]))
# %%
np.isnan(np.nan), np.isinf(1.0)
# %%
np.count_nonzero(np.array([0, 1, 2, 0]))
# %%
np.median(np.array([3, 1, 2, 4]))
# %%
np.average(np.array([1, 2, 3, 4]))
# %%
np.max([[1, 5], [7, 2]], axis=0, keepdims=True)
# %%
np.sum(a, 1)
# %%
a.mean(axis=1, keepdims=True)
