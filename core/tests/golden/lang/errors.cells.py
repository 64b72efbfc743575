# %%
undefined_name
# %%
print(undefined_name + 1)
# %%
def outer():
    return inner_missing()
outer()
# %%
def level3(x):
    return x['missing']

def level2(x):
    y = x
    return level3(y)

def level1():
    data = {'present': 1}
    return level2(data)
# %%
level1()
# %%
def uses_earlier():
    return level1()
uses_earlier()
# %%
int('x') + 1
# %%
[1, 2, 3][10]
# %%
(1, 2)[5]
# %%
'abc'[5]
# %%
{'a': 1}['b']
# %%
{1: 2}[(1, 2)]
# %%
None.attr
# %%
(5).nope
# %%
x = [1]
x.push(2)
# %%
1 / 0
# %%
def divide(a, b):
    return a / b
def compute():
    total = 0
    for i in range(3):
        total += divide(10, i - 2)
    return total
compute()
# %%
assert 1 == 2
# %%
assert 1 == 2, 'one is not two'
# %%
assert False, ['msg', 1]
# %%
import nonexistent_module
# %%
import os.nosuch
# %%
def counter():
    count = count + 1
    return count
counter()
# %%
def reads_later():
    print(v)
    v = 3
reads_later()
# %%
try:
    1 / 0
except ZeroDivisionError:
    raise ValueError('during handling')
# %%
try:
    1 / 0
except ZeroDivisionError as e:
    raise ValueError('explicit cause') from e
# %%
try:
    {}['k']
except KeyError:
    raise RuntimeError('suppressed') from None
# %%
def fails_inside():
    try:
        return [][0]
    except IndexError as err:
        raise TypeError('converted') from err
def caller():
    return fails_inside()
caller()
# %%
def a():
    raise ValueError('deep')
def b():
    try:
        a()
    finally:
        print('cleanup in b')
b()
# %%
raise ValueError
# %%
raise ValueError()
# %%
raise KeyError('k')
# %%
raise KeyError('k', 'two')
# %%
raise Exception('a', 1, None)
# %%
raise TypeError
# %%
raise 5
# %%
raise NotImplementedError('later')
# %%
e = ValueError('stored')
e, repr(e), str(e), e.args, type(e), type(e).__name__, isinstance(e, Exception)
# %%
KeyError('x'), str(KeyError('x')), str(KeyError()), OSError(2, 'No such file'), str(OSError(2, 'No such file'))
# %%
raise e
# %%
def recurse(n):
    return recurse(n + 1) + 1
recurse(0)
# %%
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
mutual_a(1)
# %%
open('no_such_file.txt')
# %%
import os
os.listdir('no_such_dir')
# %%
int(None)
# %%
len()
# %%
abs('x')
# %%
print(1, sep=5)
# %%
sum(['a', 'b'])
# %%
def kw_only(*, key):
    return key
kw_only(1)
# %%
kw_only()
# %%
kw_only(key=1, other=2)
# %%
def two(a, b):
    return a + b
two(1)
# %%
two(1, 2, 3)
# %%
two(1, a=2)
# %%
def three(a, b, c):
    pass
three()
# %%
def pos_only(a, /, b):
    return a, b
pos_only(a=1, b=2)
# %%
'a' + None
# %%
[1] + (2,)
# %%
{} + {}
# %%
nothing = None
nothing()
# %%
s = 'str'
s()
# %%
five = 5
five[0]
# %%
for i in 5:
    pass
# %%
len(x for x in [])
# %%
hash([])
# %%
iter(None)
# %%
list(1)
# %%
int([])
# %%
float({})
# %%
import math
math.floor('x')
# %%
x = 10
def shadow():
    x += 1
shadow()
# %%
def nested_fn():
    def inner():
        return undefined_thing
    return inner()
nested_fn()
# %%
lambda_fn = lambda x: x / 0
lambda_fn(1)
# %%
[1 / i for i in range(-1, 2)]
# %%
try:
    raise ValueError('inner')
except ValueError as e1:
    try:
        raise TypeError('middle')
    except TypeError:
        raise KeyError('outer')
# %%
ZeroDivisionError.__mro__
# %%
issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError)
# %%
raise KeyboardInterrupt
# %%
raise StopIteration
# %%
raise ModuleNotFoundError("No module named 'x'")
