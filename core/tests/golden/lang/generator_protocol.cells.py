# %%
def gen():
    yield 1
    yield 2
g = gen()
g
# %%
repr(g).startswith('<generator object gen at 0x'), type(g), type(g).__name__
# %%
print(g)
# %%
def outer():
    def inner():
        yield 'x'
    return inner()
outer()
# %%
ge = (c.upper() for c in 'abc')
ge
# %%
def make_genexpr():
    return (i for i in range(2))
make_genexpr()
# %%
g.__name__, g.__qualname__, outer().__qualname__, g.gi_running
# %%
g.__next__(), next(g)
# %%
g.__next__()
# %%
def with_value():
    yield 1
    return [1, 2]
w = with_value()
next(w)
try:
    next(w)
except StopIteration as e:
    print('value:', e.value, 'args:', e.args)
# %%
def returns_none():
    yield 1
    return
r = returns_none()
next(r)
try:
    next(r)
except StopIteration as e:
    print(repr(e), e.value)
# %%
def echo():
    received = []
    while True:
        x = yield len(received)
        if x == 'stop':
            return received
        received.append(x)
e = echo()
print(e.send(None), e.send('a'), e.send('b'))
e.send('stop')
# %%
fresh = echo()
fresh.send(1)
# %%
def counter():
    n = 0
    while True:
        n += 1
        yield n
c = counter()
next(c), next(c), c.close(), next(c, 'closed')
# %%
def catcher():
    while True:
        try:
            yield
        except ValueError as err:
            print('caught', err)
ct = catcher()
next(ct)
ct.throw(ValueError('bad'))
ct.throw(ValueError, 'worse')
ct.throw(TypeError('fatal'))
# %%
next(ct, 'finished')
# %%
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
st = stubborn()
next(st)
st.close()
# %%
def stop_inside():
    yield 1
    raise StopIteration('oops')
list(stop_inside())
# %%
def reentrant():
    yield next(me)
me = reentrant()
next(me)
# %%
def unstarted():
    print('never runs')
    yield 1
u = unstarted()
u.close()
next(u, 'closed before start')
# %%
def finally_on_drop():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup ran')
for v in finally_on_drop():
    print('got', v)
    break
print('after loop')
# %%
def with_cleanup(name):
    try:
        yield name
    finally:
        print('closing', name)
gens = [with_cleanup(n) for n in 'ab']
[next(x) for x in gens]
# %%
del gens
print('deleted')
# %%
def gen_sum(n):
    total = 0
    for i in range(n):
        total += i
        yield total
list(gen_sum(5)), sum(gen_sum(5)), max(gen_sum(4)), min(x for x in gen_sum(4) if x)
# %%
any(x > 3 for x in range(10)), all(x < 3 for x in range(10)), sorted((x % 3 for x in range(7)), reverse=True)
# %%
'-'.join(str(n) for n in range(4)), dict((k, k * 2) for k in 'ab'), set(x % 2 for x in range(5))
# %%
list(enumerate(c for c in 'hi')), list(zip(counter(), 'ab')), list(map(str, gen_sum(3)))
# %%
a, b, *rest = gen_sum(5)
a, b, rest
# %%
def chain(*iterables):
    for it in iterables:
        yield from it
list(chain([1, 2], 'ab', range(2), (x * 10 for x in range(2))))
# %%
def inner_ret():
    x = yield 'first'
    return f'inner got {x}'
def outer_del():
    result = yield from inner_ret()
    print(result)
    yield 'done'
od = outer_del()
next(od), od.send('hello')
# %%
def inner_catch():
    try:
        yield 1
    except KeyError:
        yield 'inner caught'
def outer_pass():
    yield from inner_catch()
op = outer_pass()
next(op), op.throw(KeyError('k'))
# %%
def inner_fin():
    try:
        yield 1
    finally:
        print('inner closed')
def outer_fin():
    try:
        yield from inner_fin()
    finally:
        print('outer closed')
of = outer_fin()
next(of)
of.close()
# %%
def failing(n):
    for i in range(n):
        yield 10 // (n - 1 - i)
list(failing(3))
# %%
def level2():
    yield 1
    raise KeyError('deep')
def level1():
    yield from level2()
for x in level1():
    print(x)
# %%
def uses_global():
    yield counter_value
counter_value = 5
ug = uses_global()
counter_value = 6
next(ug)
# %%
def gen_locals(a):
    b = a * 2
    yield sorted(locals().items())
next(gen_locals(3))
# %%
def lazy_args(x):
    print('body starts')
    yield x
la = lazy_args(print('args evaluated'))
print('before next')
next(la)
# %%
def nested_try():
    for i in range(3):
        try:
            yield i
            if i == 1:
                raise ValueError(i)
        except ValueError as err:
            yield f'handled {err}'
list(nested_try())
# %%
def gen_in_with():
    class_ = None
    with open('gen_file.txt', 'w') as fh:
        yield fh.closed
    yield fh.closed
list(gen_in_with())
# %%
def recursive_tree(depth):
    if depth == 0:
        yield 'leaf'
        return
    for child in range(2):
        yield from recursive_tree(depth - 1)
sum(1 for _ in recursive_tree(6))
# %%
g1 = (x * x for x in range(4))
g2 = (y + 1 for y in g1)
list(g2), list(g1)
# %%
x = 10
gg = (x + i for i in range(3))
x = 20
list(gg)
# %%
gen_bad = (1 for _ in 5)
# %%
iter(g1) is g1, hasattr(g1, 'send'), callable(g1.close)
