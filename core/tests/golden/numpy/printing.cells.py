# %%
import numpy as np
a = np.arange(12).reshape(3, 4)
print(a)
# %%
str(a), repr(np.arange(3))
# %%
print(np.array([1.5, 2.25, -3.0]))
# %%
print(np.array([[1.0, 2.0], [3.0, 4.0]]))
# %%
print(np.array(['a', 'bc']))
# %%
print(np.array([True, False]), np.array(3.5), np.array([], dtype=int))
# %%
np.arange(2000)
# %%
print(np.arange(2000))
# %%
np.arange(2000).reshape(40, 50)
# %%
np.arange(30.0)
# %%
np.linspace(0, 1, 30)
# %%
np.array([1e-10, 1, 1e10])
# %%
np.array([0.1, 1234567.0])
# %%
np.array([1.0, 2.0]) / 3
# %%
np.array([np.nan, np.inf, -np.inf, 0.0])
# %%
np.array([1, 2], dtype=np.float32) / 3
# %%
np.array([1, 2], dtype=np.int8), np.array([1, 2], dtype=np.uint64), np.array([1.0], dtype=np.float16)
# %%
np.array([1 + 2j, 3.5 - 1j])
# %%
np.zeros((2, 0)), np.zeros((0, 3), dtype=np.int8)
# %%
np.zeros((2, 2, 2))
# %%
[np.arange(3), np.arange(2)]
# %%
(np.arange(3), 'x')
# %%
{'a': np.zeros(2)}
# %%
[np.arange(30), 1]
# %%
np.get_printoptions()['precision'], np.get_printoptions()['threshold'], np.get_printoptions()['linewidth']
# %%
np.set_printoptions(precision=3)
np.array([1 / 3, 2 / 3])
# %%
np.float64(1 / 3)
# %%
np.set_printoptions(precision=8)
np.set_printoptions(threshold=5)
np.arange(10)
# %%
np.set_printoptions(threshold=1000)
np.set_printoptions(edgeitems=1)
np.arange(2000)
# %%
np.set_printoptions(edgeitems=3)
np.set_printoptions(suppress=True)
np.array([1e-10, 1.5])
# %%
np.set_printoptions(suppress=False)
np.set_printoptions(linewidth=20)
np.arange(15)
# %%
np.set_printoptions(linewidth=75)
with np.printoptions(precision=2):
    print(np.array([3.14159]))
np.array([3.14159])
# %%
np.set_printoptions(sign='+')
np.array([1.0, -1.0])
# %%
np.set_printoptions(sign='-')
np.set_printoptions(floatmode='fixed', precision=3)
np.array([1.0, 2.5])
# %%
np.set_printoptions(floatmode='maxprec', precision=8)
np.array([1.0, 2.5])
# %%
np.array2string(np.array([1, 2, 3]), separator=', ')
# %%
np.array_repr(np.array([1.5])), np.array_str(np.array([1.5]))
# %%
np.set_printoptions(legacy='1.25')
np.float64(0.5)
# %%
[np.float64(0.5), np.int8(3)], np.get_printoptions()['legacy']
# %%
np.set_printoptions(legacy=False)
np.float64(0.5)
# %%
np.array([[1, 22], [333, 4]])
# %%
np.array([-1, 10, -100])
# %%
np.array(['a', None, 3], dtype=object)
# %%
np.array([[1.5, np.nan], [np.inf, 2]])
# %%
x = np.arange(6.0).reshape(2, 3)
print(x)
x
