# %%
import numpy as np
rng = np.random.default_rng(42)
rng.random()
# %%
rng.random(3)
# %%
rng.random((2, 2))
# %%
rng.integers(10)
# %%
rng.integers(0, 10, size=5)
# %%
rng.integers(5, 10, size=(2, 3))
# %%
rng.integers(0, 2, 5, endpoint=True)
# %%
rng.normal()
# %%
rng.normal(10, 2, size=3)
# %%
rng.normal(size=(2, 2))
# %%
rng.standard_normal(3)
# %%
rng.uniform(1, 2, 3)
# %%
g = np.random.default_rng(0)
g.integers(0, 100, 10)
# %%
np.random.default_rng(123).random(4)
# %%
type(rng).__name__
# %%
np.random.seed(0)
np.random.random()
# %%
np.random.random(3)
# %%
np.random.rand(2)
# %%
np.random.rand(2, 2)
# %%
np.random.randn(3)
# %%
np.random.randint(10)
# %%
np.random.randint(0, 10, size=5)
# %%
np.random.randint(5, size=(2, 2))
# %%
np.random.normal(0, 1, 3)
# %%
np.random.normal()
# %%
np.random.uniform(0, 10, 4)
# %%
np.random.uniform()
# %%
np.random.seed(1)
a = np.random.rand(5)
np.random.seed(1)
b = np.random.rand(5)
np.array_equal(a, b)
# %%
np.random.seed(42)
np.random.randint(0, 100, 5)
# %%
np.random.default_rng(7).integers(0, 10, 3, dtype=np.int64)
# %%
np.random.default_rng(7).random(2, dtype=np.float32)
# %%
np.random.default_rng(-1)
# %%
rng
# %%
np.random.default_rng(5).integers(0, 10, size=0)
