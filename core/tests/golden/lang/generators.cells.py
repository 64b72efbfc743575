# %%
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
list(count_up(5))
# %%
g = count_up(3)
g
# %%
next(g), next(g), next(g)
# %%
next(g)
# %%
def naturals():
    n = 0
    while True:
        yield n
        n += 1
nat = naturals()
[next(nat) for _ in range(5)]
# %%
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
take(4, naturals())
# %%
def squares(it):
    for x in it:
        yield x * x
take(5, squares(naturals()))
# %%
def lazy_print():
    print('start')
    yield 1
    print('middle')
    yield 2
    print('end')
lp = lazy_print()
print('created')
next(lp)
# %%
next(lp)
# %%
next(lp, 'exhausted')
# %%
def with_return():
    yield 1
    return 'done'
wr = with_return()
next(wr)
next(wr)
# %%
def delegate():
    yield 'a'
    result = yield from with_return()
    yield result
list(delegate())
# %%
def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib_gen()
[next(f) for _ in range(12)]
# %%
sum(x for x in count_up(101)), max(count_up(10)), sorted(count_up(4), reverse=True)
# %%
def raising_gen():
    yield 1
    raise ValueError('inside generator')
rg = raising_gen()
list(rg)
# %%
def gen_send():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
s = gen_send()
next(s), s.send(5), s.send(10)
# %%
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print('generator cleanup')
for v in gen_finally():
    print(v)
# %%
gf = gen_finally()
next(gf)
gf.close()
# %%
def nested_yield():
    for i in range(3):
        for j in range(2):
            yield i, j
list(nested_yield())
# %%
dict(zip('abc', count_up(3))), tuple(count_up(2)), set(count_up(3)), 'x' in count_up(3), 2 in count_up(5)
# %%
def gen_expr_lazy():
    return (1 / x for x in [1, 0])
ge = gen_expr_lazy()
next(ge)
# %%
next(ge)
# %%
gexp = (x for x in range(3))
next(gexp), list(gexp)
# %%
type(count_up(1)).__name__, iter(g) is g
# %%
def gen_with_args(*args, sep='-'):
    for a in args:
        yield str(a) + sep
list(gen_with_args(1, 2, sep='+'))
# %%
def enumerate_like(it, start=0):
    n = start
    for x in it:
        yield n, x
        n += 1
list(enumerate_like('ab', 1))
# %%
def closure_gen():
    factor = 3
    def g():
        for i in range(3):
            yield i * factor
    return g()
list(closure_gen())
# %%
def infinite_with_interrupt_check():
    while True:
        yield
gen = infinite_with_interrupt_check()
for _ in range(1000):
    next(gen)
'ok'
# %%
def gen_throw():
    try:
        yield 1
    except KeyError:
        yield 'caught'
gt = gen_throw()
next(gt), gt.throw(KeyError('k'))
# %%
def deep_gen(n):
    if n:
        yield from deep_gen(n - 1)
    yield n
list(deep_gen(5))
