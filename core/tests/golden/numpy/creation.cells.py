# %%
import numpy as np
np.__version__
# %%
np.array([1, 2, 3])
# %%
np.array([1.5, 2, 3])
# %%
np.array([[1, 2], [3, 4]])
# %%
np.array([1, 2, 3], dtype=np.int8)
# %%
np.array([1, 2, 3], dtype='f4')
# %%
np.array([True, False])
# %%
np.array([1+2j, 3])
# %%
np.array(['a', 'bcd'])
# %%
np.array([b'x', b'yz'])
# %%
np.array(5)
# %%
np.array(5.5), np.array(5).ndim
# %%
np.array([])
# %%
np.array([[1, 2], [3, 4]], dtype=float)
# %%
np.array([1, None, 'x'])
# %%
np.array((1, 2, 3))
# %%
a = np.array([1, 2, 3])
b = np.asarray(a)
b is a
# %%
np.asarray([1, 2], dtype=np.float32)
# %%
np.array(a) is a, np.shares_memory(np.array(a), a), np.shares_memory(np.asarray(a), a)
# %%
np.arange(5)
# %%
np.arange(2, 10)
# %%
np.arange(2, 10, 3)
# %%
np.arange(0.0, 1.0, 0.1)
# %%
np.arange(10, 0, -2)
# %%
np.arange(5, dtype=np.uint8)
# %%
np.arange(0.5, 3)
# %%
np.arange(0)
# %%
np.linspace(0, 1, 5)
# %%
np.linspace(0, 10)
# %%
np.linspace(0, 1, 5, endpoint=False)
# %%
np.linspace(1, 2, 4, dtype=np.float32)
# %%
np.linspace(0, 1, 1)
# %%
np.zeros(3)
# %%
np.zeros((2, 3))
# %%
np.zeros((2, 3), dtype=int)
# %%
np.ones(4, dtype=np.int16)
# %%
np.ones((2, 2), 'c16')
# %%
np.empty(0)
# %%
np.full(3, 7)
# %%
np.full((2, 2), 1.5)
# %%
np.full(3, 7, dtype=np.float32)
# %%
np.full((2, 3), np.nan)
# %%
x = np.arange(6).reshape(2, 3)
np.zeros_like(x)
# %%
np.ones_like(x, dtype=float)
# %%
np.full_like(x, 9)
# %%
np.full_like(x, 2.7)
# %%
np.empty_like(x).shape
# %%
np.eye(3)
# %%
np.eye(2, 3, dtype=int)
# %%
np.eye(3, k=1)
# %%
np.identity(2)
# %%
np.frombuffer(b'\x01\x02\x03\x04', dtype=np.uint8)
# %%
np.frombuffer(b'\x01\x00\x02\x00', dtype='<i2')
# %%
np.concatenate([np.arange(3), np.arange(2)])
# %%
np.concatenate([np.ones((2, 2)), np.zeros((1, 2))])
# %%
np.concatenate([np.ones((2, 2)), np.zeros((2, 1))], axis=1)
# %%
np.concatenate([np.arange(2), [1.5]])
# %%
np.stack([np.arange(3), np.arange(3)])
# %%
np.stack([np.arange(3), np.arange(3)], axis=1)
# %%
np.vstack([np.arange(3), np.arange(3, 6)])
# %%
np.hstack([np.arange(3), np.arange(3, 6)])
# %%
np.hstack([np.ones((2, 1)), np.zeros((2, 2))])
# %%
np.array([[1, 2, 3]], ndmin=1).shape
# %%
np.array(range(5))
# %%
np.array([np.int8(1), np.int8(2)])
# %%
np.array([1, 2.5], dtype=int)
# %%
np.array([[1], [2]]).tolist()
# %%
np.ndarray((2,), dtype=np.int8).shape
# %%
np.asarray(3.0)
# %%
np.array([0.1, 0.25, 1e-5])
# %%
np.array([1e20, 1])
