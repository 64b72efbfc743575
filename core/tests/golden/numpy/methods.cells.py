# %%
import numpy as np
a = np.arange(12).reshape(3, 4)
a
# %%
a.shape, a.dtype, a.ndim, a.size, a.nbytes, a.itemsize
# %%
a.T
# %%
a.reshape(4, 3)
# %%
a.reshape((2, 6))
# %%
a.reshape(-1)
# %%
a.reshape(2, -1)
# %%
a.reshape([6, 2])
# %%
a.ravel()
# %%
a.flatten()
# %%
a.T.ravel()
# %%
a.astype(float)
# %%
a.astype('i1')
# %%
np.array([1.7, -2.7]).astype(int)
# %%
np.array([1, 0, 2]).astype(bool)
# %%
b = a.copy()
b[0, 0] = 100
a[0, 0], b[0, 0]
# %%
a.tolist()
# %%
np.arange(3.0).tolist()
# %%
np.array(7).tolist()
# %%
a.item(5), type(a.item(5))
# %%
np.array([2.5]).item()
# %%
np.array([[3]]).item()
# %%
c = np.zeros(4)
c.fill(3)
c
# %%
a.transpose()
# %%
np.arange(24).reshape(2, 3, 4).transpose(2, 0, 1).shape
# %%
np.arange(24).reshape(2, 3, 4).transpose((1, 0, 2)).shape
# %%
np.arange(6).reshape(2, 3).swapaxes(0, 1)
# %%
np.arange(4, dtype=np.int16).tobytes()
# %%
d = np.arange(6)
d.shape = (2, 3)
d
# %%
d.shape = (3, -1)
d.shape
# %%
len(a), len(np.zeros((5, 2)))
# %%
for row in a:
    print(row)
# %%
for x in np.arange(3):
    print(repr(x))
# %%
list(np.arange(3))
# %%
list(a)
# %%
3 in np.arange(5), 7 in np.arange(5)
# %%
bool(np.array([1])), bool(np.array([0])), bool(np.array(0.0))
# %%
int(np.array([7])), float(np.array([[2.5]])), int(np.array(3.9))
# %%
e = np.array([3, 1, 2])
e.sort()
e
# %%
f = np.array([[3, 1, 2], [9, 7, 8]])
f.sort(axis=0)
f
# %%
np.array([1.234, 5.678]).round(1)
# %%
np.array([1.5, 2.5, -0.5]).round()
# %%
np.array([1234, 5678]).round(-2)
# %%
v = np.arange(6)
w = v.reshape(2, 3)
w[0, 0] = 99
v
# %%
v.view(np.int64)
# %%
np.arange(4, dtype=np.int32).view(np.uint8)
# %%
a.T.shape, a.T.T.shape
# %%
np.arange(5).cumsum()
# %%
np.arange(6).reshape(2, 3).cumsum(axis=1)
# %%
np.arange(1, 5).cumprod()
# %%
np.array([[1, 2], [3, 4]]).trace()
# %%
np.arange(6).reshape(2, 3).squeeze().shape, np.zeros((1, 3, 1)).squeeze().shape
# %%
np.array([3, 1, 2]).argsort()
# %%
np.arange(10)[::2].copy()
# %%
np.arange(3).dtype.name
# %%
np.zeros((2, 3)).strides
# %%
np.arange(6).reshape(2, 3).nonzero()
# %%
np.array([0, 1, 0, 2]).nonzero()
# %%
np.arange(4).clip(1, 2)
# %%
np.array([1+2j, 3-1j]).conj()
# %%
np.array([1+2j]).real, np.array([1+2j]).imag
