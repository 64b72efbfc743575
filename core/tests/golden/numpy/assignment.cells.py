# %%
import numpy as np
a = np.zeros(6, dtype=int)
a[0] = 5
a
# %%
a[-1] = 9
a
# %%
a[1:3] = 7
a
# %%
a[::2] = [1, 2, 3]
a
# %%
a[a > 2] = 0
a
# %%
a[[1, 4]] = [-1, -4]
a
# %%
a[:] = 3.9
a
# %%
a[...] = np.arange(6)
a
# %%
m = np.zeros((3, 4))
m[1] = 1
m
# %%
m[:, 2] = [5, 6, 7]
m
# %%
m[0, :] = np.arange(4)
m
# %%
m[1:, 1:] = [[9], [8]]
m
# %%
m[m == 0] = -1
m
# %%
m[:] = 0
m[[0, 2], [1, 3]] = 4
m
# %%
f = np.ones(3, dtype=np.float32)
f[1] = 0.1
f
# %%
i8 = np.zeros(3, dtype=np.int8)
i8[0] = 127
i8
# %%
i8[1] = 300
# %%
i8[2] = -129
# %%
u = np.zeros(2, dtype=np.uint8)
u[0] = -1
# %%
s = np.array(['aa', 'bb'])
s[0] = 'xyz'
s
# %%
o = np.array([1, 'a', None], dtype=object)
o[2] = [1, 2]
o
# %%
c = np.zeros(2, dtype=complex)
c[0] = 1 + 2j
c
# %%
b = np.zeros(3, dtype=bool)
b[1] = 5
b
# %%
x = np.arange(10)
v = x[2:8:2]
v[:] = 0
x
# %%
x[x % 3 == 0] += 100
x
# %%
y = np.arange(4)
y += 1
y
# %%
y *= 2
y
# %%
y -= np.array([1, 1, 1, 1])
y
# %%
z = np.arange(4)
z += 1.5
# %%
z = np.arange(4.0)
z /= 2
z
# %%
z **= 2
z
# %%
z //= 1
z
# %%
k = np.arange(5)
k[1:4] = k[0:3]
k
# %%
n = np.arange(6).reshape(2, 3)
n[0] = n[1]
n
# %%
n[:, 0] = 10
n
# %%
n[1, [True, False, True]] = -5
n
# %%
q = np.zeros(3)
q[0] = np.nan
q[1] = np.inf
q
# %%
w = np.zeros((2, 2))
w[0, 0] = '1.5'
w
# %%
r = np.zeros(2, dtype=[('x', 'i4'), ('y', 'f8')])
r['x'] = [1, 2]
r[1] = (7, 2.5)
r
# %%
t = np.arange(3)
t[[0, 0, 0]] = [1, 2, 3]
t
# %%
p = np.arange(3)
p[np.array(1)] = 50
p
