# %%
def add(a, b=10):
    """Add two things."""
    return a + b
add(1), add(1, 2), add(b=3, a=4), add.__name__, add.__doc__, add.__defaults__
# %%
add
# %%
print(add)
# %%
def varargs(*args, **kwargs):
    return args, kwargs
varargs(), varargs(1, 2, x=3), varargs(*[1, 2], **{'k': 'v'})
# %%
def kwonly(a, *, b, c=3):
    return a, b, c
kwonly(1, b=2), kwonly(1, c=5, b=0)
# %%
def posonly(a, b, /, c):
    return a + b + c
posonly(1, 2, 3), posonly(1, 2, c=3)
# %%
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment
c1 = make_counter()
c1(), c1(), c1()
# %%
c2 = make_counter()
c2(), c1()
# %%
total = 0
def add_to_total(n):
    global total
    total += n
add_to_total(5); add_to_total(7)
total
# %%
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
[f(10) for f in make_adders()]
# %%
def make_adders_late():
    return [lambda x: x + i for i in range(3)]
[f(10) for f in make_adders_late()]
# %%
square = lambda x: x * x
square(7), (lambda: 'no args')(), (lambda *a, **k: (a, k))(1, z=2)
# %%
square
# %%
def decorator(func):
    def wrapper(*args, **kwargs):
        print('calling', func.__name__)
        result = func(*args, **kwargs)
        print('result', result)
        return result
    return wrapper
@decorator
def multiply(a, b):
    return a * b
multiply(6, 7)
# %%
multiply
# %%
def repeat(n):
    def deco(func):
        def wrapper(*a):
            return [func(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
hello('bob')
# %%
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
fact(30)
# %%
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
[fib(i) for i in range(15)], fib(100)
# %%
def hanoi(n, src='A', dst='C', via='B'):
    if n == 0:
        return []
    return hanoi(n - 1, src, via, dst) + [(src, dst)] + hanoi(n - 1, via, dst, src)
len(hanoi(10)), hanoi(2)
# %%
def no_return():
    pass
print(no_return())
no_return()
# %%
def early(x):
    if x > 0:
        return 'positive'
    elif x < 0:
        return 'negative'
    return 'zero'
[early(v) for v in (-1, 0, 1)]
# %%
def default_mutable(item, bucket=[]):
    bucket.append(item)
    return bucket
default_mutable(1), default_mutable(2)
# %%
def outer_fn():
    x = 'outer'
    def middle():
        def inner():
            return x
        return inner()
    return middle()
outer_fn()
# %%
def apply(f, *args):
    return f(*args)
apply(max, 3, 9, 2), apply(lambda: 'x'), apply(len, 'abc')
# %%
def gen_doc():
    'single quoted doc'
gen_doc.__doc__
# %%
add.attr = 5
add.attr
# %%
callable(add), callable(5), callable(len), callable(lambda: 0)
# %%
def annotated(x: int, y: str = 'a') -> str:
    return y * x
annotated(3)
# %%
def counter_gen():
    calls = []
    def record(v):
        calls.append(v)
        return len(calls)
    return record, calls
rec, calls = counter_gen()
rec('a'); rec('b')
calls
# %%
def swap(pair):
    a, b = pair
    return b, a
swap((1, 2)), swap('xy')
# %%
def unpack_args(first, *rest, last='L'):
    return first, rest, last
unpack_args(1), unpack_args(1, 2, 3), unpack_args(*'abc', last=None)
# %%
f = lambda n: 'even' if n % 2 == 0 else 'odd'
list(map(f, range(4)))
# %%
def compose(*fs):
    def composed(x):
        for fn in reversed(fs):
            x = fn(x)
        return x
    return composed
compose(str, abs, lambda v: v - 10)(3)
# %%
sorted(['Banana', 'apple', 'cherry'], key=str.lower)
# %%
max(['a', 'bbb', 'cc'], key=len), min([(1, 'b'), (1, 'a')]), max([], default='empty')
# %%
def recursive_sum(items):
    total = 0
    for item in items:
        if isinstance(item, list):
            total += recursive_sum(item)
        else:
            total += item
    return total
recursive_sum([1, [2, [3, [4]]], 5])
# %%
def deep(n):
    if n == 0:
        raise ValueError('bottom reached')
    return deep(n - 1)
deep(3)
# %%
def kw(**options):
    return sorted(options.items())
kw(b=2, a=1)
# %%
add(1, 2, 3)
# %%
add(c=1)
# %%
varargs(1, x=1, **{'x': 2})
# %%
def closure_list():
    fns = []
    for i in range(3):
        def f():
            return i
        fns.append(f)
    return [fn() for fn in fns]
closure_list()
# %%
x = 'global x'
def read_global():
    return x
def shadow_local():
    x = 'local x'
    return x
read_global(), shadow_local(), x
# %%
def set_nonlocal_twice():
    value = 1
    def change():
        nonlocal value
        value *= 10
    change(); change()
    return value
set_nonlocal_twice()
# %%
type(add), type(lambda: 0), type(print), type(len), add.__qualname__
# %%
def make_multiplier(n):
    def multiply_by(x):
        return x * n
    return multiply_by
make_multiplier(3)
# %%
make_multiplier(3)(5), make_multiplier('ab')(2)
# %%
def star_kw_mix(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
star_kw_mix(1, c=3), star_kw_mix(1, 2, 3, 4, c=5, e=6)
# %%
print(*[1, 2, 3], sep=', ', end='!\n')
print('a', 'b', sep='')
print()
print('no newline', end='')
# %%
import sys
print('to stderr', file=sys.stderr)
print('to stdout')
