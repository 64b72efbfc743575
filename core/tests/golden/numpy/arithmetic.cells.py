# %%
import numpy as np
a = np.arange(5)
b = np.array([2.0, 0.5, 1.0, 4.0, 8.0])
a + 1
# %%
a - 1, 1 - a
# %%
a * 2, 2 * a
# %%
a / 2
# %%
2 / (a + 1)
# %%
a // 2, -a // 2
# %%
a % 3, -a % 3
# %%
a ** 2
# %%
2 ** a
# %%
a ** 0.5
# %%
a + b
# %%
a * b
# %%
with np.errstate(divide='ignore'):
    r = b / a
r
# %%
a // b, a % b
# %%
-a, +a, ~a
# %%
-b
# %%
a & 3, a | 8, a ^ 1
# %%
a << 2, a >> 1
# %%
1 << a
# %%
a == 2
# %%
a != 2, a < 2, a <= 2, a > 2, a >= 2
# %%
a == b
# %%
a < b
# %%
np.arange(3) + np.arange(3).reshape(3, 1)
# %%
np.ones((2, 3)) * np.array([1, 2, 3])
# %%
np.ones((2, 1)) - np.arange(4)
# %%
np.array([True, False]) & np.array([True, True])
# %%
np.array([True, False]) | False
# %%
~np.array([True, False])
# %%
np.array([True, False]) + np.array([True, True])
# %%
np.array([1, 2]) + [10, 20]
# %%
[10, 20] - np.array([1, 2])
# %%
(1, 2) * np.array([3, 4])
# %%
np.array([1 + 1j, 2]) * 1j
# %%
np.array([1, 2]) + 0.5j
# %%
np.array([3.0, -3.0]) % 2
# %%
np.array([7, -7]) // np.array([2, 2])
# %%
with np.errstate(divide='ignore', invalid='ignore'):
    r = np.array([1.0, -1.0, 0.0]) / 0
r
# %%
with np.errstate(divide='ignore'):
    r = np.array([1, 0]) // 0, np.array([5, 6]) % 0
r
# %%
np.geterr()
# %%
np.array([2, 3], dtype=np.int8) ** 2
# %%
np.array([2]) ** -1
# %%
np.array([2.0]) ** -1
# %%
np.array([100], dtype=np.int8) + np.array([100], dtype=np.int8)
# %%
x = np.arange(4).reshape(2, 2)
x @ x
# %%
np.sqrt(np.arange(5))
# %%
np.exp(np.array([0, 1, 2]))
# %%
np.log(np.array([1, np.e, 10]))
# %%
np.log10(np.array([1, 10, 1000]))
# %%
np.sin(np.array([0, np.pi / 2])), np.cos(0), np.tan(np.array([0.0]))
# %%
np.abs(np.array([-1, 2, -3])), np.absolute(np.array([-1.5]))
# %%
np.floor(np.array([1.5, -1.5])), np.ceil(np.array([1.5, -1.5]))
# %%
np.round(np.array([1.25, 2.5, 3.5])), np.round(np.array([1.2345]), 2)
# %%
np.sqrt(2), np.sqrt(np.float32(2))
# %%
with np.errstate(invalid='ignore'):
    r = np.sqrt(-1.0), np.sqrt(np.array([-4.0, 4.0]))
r
# %%
with np.errstate(divide='ignore'):
    r = np.log(0), np.log10(np.array([0.0, 100.0]))
r
# %%
abs(np.array([-2, 3]))
# %%
np.abs(np.array([3 + 4j]))
# %%
np.sqrt(np.array([4], dtype=np.int8))
# %%
np.exp(np.array([0, 2], dtype=np.float64)), np.sqrt(np.array([2], dtype=np.float32))
# %%
np.add(a, 1), np.multiply(a, 2)
# %%
np.subtract(5, a), np.divide(a, 4)
# %%
np.maximum(a, 2), np.minimum(a, 2)
# %%
np.power(a, 3)
# %%
np.negative(a)
# %%
np.floor_divide(a, 3), np.mod(a, 3)
# %%
np.sqrt(np.array([1 + 0j, -1]))
