# %%
x = 6 * 7
x
# %%
print("hello,", "HDF5")
print(f"x is {x}, x/4 is {x / 4}")
# %%
words = ["group", "dataset", "attribute"]
{w: len(w) for w in words}
# %%
for i, w in enumerate(words):
    print(i, w.upper())
# %%
def area(width, height=2):
    """The area of a rectangle."""
    return width * height

area(3), area(3, height=5)
# %%
sizes = {"small": 1, "large": 1000}
sizes["medium"]
# %%
list(range(40))
# %%
import numpy as np
a = np.arange(12).reshape(3, 4)
a
# %%
a.sum(axis=0), a.dtype
# %%
import sys
print("to stderr", file=sys.stderr)
# %%
!echo shell says hi
# %%
display(a.shape)
len?
# %%
1 / 0
# %%
x;
