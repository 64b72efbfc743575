# %%
def f():
    return 1
   x = 2
# %%
d = {'a': 1, 'b': 2
# %%
def h(a, a):
    pass
# %%
def outer():
    nonlocal q
# %%
'''never closed
# %%
x = (1, 2
# %%
[1, 2, 3
# %%
{1: 2,
 3: 4
# %%
foo(
# %%
if x:
    pass
  else:
    pass
# %%
try:
    pass
# %%
try:
    pass
except:
    pass
except ValueError:
    pass
