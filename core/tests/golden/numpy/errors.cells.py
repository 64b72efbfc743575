# %%
import numpy as np
a = np.arange(10)
a[10]
# %%
a[-11]
# %%
np.zeros((2, 3))[0, 5]
# %%
np.zeros((2, 3))[0, 0, 0]
# %%
np.arange(6).reshape(4)
# %%
np.arange(6).reshape(4, -1)
# %%
np.arange(6).reshape(-1, -1)
# %%
np.ones(3) + np.ones(4)
# %%
np.ones((2, 3)) * np.ones((3, 2))
# %%
a[np.array([True, False])]
# %%
a['x']
# %%
a[1.5]
# %%
a[::0]
# %%
a.sum(axis=1)
# %%
np.zeros((2, 2)).mean(axis=-3)
# %%
np.sum(a, axis=(0, 0))
# %%
a + 'x'
# %%
np.array(['a']) * 2
# %%
np.array(['a']) + 1
# %%
x = np.arange(3)
x += 1.5
# %%
np.arange(3) & 1.5
# %%
~np.array([1.5])
# %%
len(np.array(5))
# %%
bool(np.array([1, 2]))
# %%
int(np.array([1, 2]))
# %%
np.array([1, 2]).item()
# %%
np.array([[1, 2], [3]])
# %%
np.zeros(-1)
# %%
np.zeros((2, -3))
# %%
np.zeros(2.5)
# %%
np.ones(3, dtype='nope')
# %%
np.concatenate([np.zeros((2, 2)), np.zeros((2, 3))])
# %%
np.concatenate([np.zeros(2), np.zeros((2, 2))])
# %%
np.stack([np.zeros(2), np.zeros(3)])
# %%
np.arange(0, 10, 0)
# %%
np.linspace(0, 1, -1)
# %%
np.eye(-1)
# %%
np.frombuffer(b'abc', dtype=np.int16)
# %%
a[[10]]
# %%
a[0] = 'abc'
# %%
a[:3] = [1, 2]
# %%
np.zeros((2, 2))[[0, 1], [0, 1, 0]]
# %%
np.arange(4).transpose(1)
# %%
np.arange(4).swapaxes(0, 2)
# %%
np.int8(1) + 'a'
# %%
np.array([1, 2]).astype('zz')
# %%
np.zeros(10**12)
# %%
np.not_a_function
# %%
np.arange(4).not_a_method
# %%
np.where([True], [1, 2], [3, 4, 5])
# %%
np.array([1, 2])[np.array([1.0])]
# %%
np.random.default_rng(0).integers(5, 1)
# %%
np.arange(3).reshape(3, 1).shape = (4,)
# %%
def f(x):
    return x[5]
f(np.arange(3))
# %%
np.array([1, 2]) < 'a'
# %%
np.argmax(np.array([]))
# %%
np.array([], dtype=int).min()
