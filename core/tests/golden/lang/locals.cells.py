# %%
x = 1
'x' in locals(), locals()['x']
# %%
def f(a, b=2):
    c = a + b
    return locals()
f(1)
# %%
def g():
    y = 5
    def inner():
        return y
    return locals()
sorted(g())
# %%
def h(*args, **kw):
    return locals()
h(1, 2, k=3)
# %%
def m():
    z = 1
    del z
    return locals()
m()
# %%
def n(q):
    r = [q * i for i in range(3)]
    return sorted(locals().items())
n(2)
# %%
def gen():
    w = 1
    yield locals()
    w = 2
    yield locals()
list(gen())
