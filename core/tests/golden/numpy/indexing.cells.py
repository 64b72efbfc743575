# %%
import numpy as np
a = np.arange(10)
b = np.arange(24).reshape(2, 3, 4)
a[3]
# %%
a[-1], a[-10]
# %%
a[2:5]
# %%
a[::2]
# %%
a[::-1]
# %%
a[7:2:-2]
# %%
a[-3:]
# %%
a[:0]
# %%
a[100:]
# %%
b[1]
# %%
b[1, 2]
# %%
b[1, 2, 3]
# %%
b[1][2][3]
# %%
b[:, 1]
# %%
b[..., 0]
# %%
b[0, ..., 1]
# %%
b[..., 1:3].shape
# %%
a[None].shape, a[:, None].shape, a[np.newaxis, :, np.newaxis].shape
# %%
b[:, None, 1].shape
# %%
a[a > 5]
# %%
a[(a % 2 == 0) & (a > 2)]
# %%
b[b > 20]
# %%
b[np.array([True, False])]
# %%
a[[1, 3, 5]]
# %%
a[np.array([0, -1])]
# %%
b[[0, 1], [1, 2]]
# %%
b[:, [0, 2]]
# %%
b[[1, 0], :, [3]]
# %%
b[:, [[0], [2]], [1, 3]].shape
# %%
a[np.array([[1, 2], [3, 4]])]
# %%
a[[]]
# %%
a[()].shape, a[()] is a
# %%
np.array(5)[()]
# %%
np.array(5)[...]
# %%
s = a[2:6]
s[0] = 100
a
# %%
np.shares_memory(a, a[::3]), np.shares_memory(a, a[[1, 2]])
# %%
c = b[0]
c[0, 0] = -1
b[0, 0, 0]
# %%
type(a[0]), type(b[0, 0, 0]), type(a[1:2])
# %%
a[np.int64(2)]
# %%
b[1, -1, -1]
# %%
m = np.arange(6).reshape(2, 3)
m[[True, False], 1:]
# %%
m[1, [True, False, True]]
# %%
m[:, ::-1]
# %%
m[::-1, ::-1].T
# %%
m[True]
# %%
np.array([[1, 2], [3, 4]])[np.array([[True, False], [False, True]])]
# %%
x = np.arange(5)
x[[0, 0, 1]]
# %%
np.arange(12).reshape(3, 4)[1:, ::2]
# %%
np.arange(12).reshape(3, 4)[[2, 0]][:, [3]]
# %%
r = np.zeros((2, 3), dtype=[('x', 'i4'), ('y', 'f8')])
r['x']
# %%
r[0]
