# %%
help(len)
# %%
def f(x, y=2):
    """Add things.

    More text."""
    return x + y
help(f)
# %%
def g(a):
    return a
help(g)
# %%
help(abs)
# %%
help(sorted)
# %%
help(print)
# %%
help(isinstance)
# %%
help(max)
# %%
help(iter)
# %%
def h(a, /, b, *args, c=[1, 'x'], d, **kw):
    '''  One line doc.  '''
help(h)
# %%
help(repr)
# %%
help(divmod)
# %%
help(len); help(abs)
# %%
r = help(len)
print(r)
# %%
def k(*, key=None):
    """
    Starts on the second line.
        Indented more.
    """
help(k)
