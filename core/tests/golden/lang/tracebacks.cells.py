# %%
def helper(value):
    # a comment line
    result = value * 2
    return result['key']
# %%
def middle(v):
    return helper(v)
# %%
middle(3)
# %%
def uses_other_cell():
    data = [1, 2, 3]
    return middle(data)
uses_other_cell()
# %%
def b():
    try:
        raise ValueError('deep')
    finally:
        print('cleanup')
b()
# %%
def fin_multi():
    try:
        1 / 0
    finally:
        x = 1
        y = 2
fin_multi()
# %%
def exc_nomatch():
    try:
        1 / 0
    except KeyError:
        pass
    except TypeError:
        pass
exc_nomatch()
# %%
def bare_reraise():
    try:
        {}['missing']
    except KeyError:
        print('logging')
        raise
bare_reraise()
# %%
def reraise_named():
    try:
        int('x')
    except ValueError as e:
        y = 1
        raise e
reraise_named()
# %%
try:
    1 / 0
finally:
    z = 1
# %%
try:
    1 / 0
except KeyError:
    pass
# %%
result = (1 +
          2 +
          undefined_in_multiline)
# %%
value = helper(
    5
)
# %%
items = [
    1,
    2,
    1 / 0,
]
# %%
def long_function():
    a = 1
    b = 2
    c = 3
    d = 4
    e = 5
    f = 6
    g = 7
    raise RuntimeError('in the middle')
    h = 8
    i = 9
    j = 10
    k = 11
long_function()
# %%
x = 1
y = 2
z = 3
w = 4
v = 5
raise ValueError('line 6 of the cell')
u = 7
t = 8
s = 9
r = 10
# %%
def raiser():
    raise KeyError('original')
def converter():
    try:
        raiser()
    except KeyError as exc:
        raise ValueError('converted') from exc
def top():
    return converter()
top()
# %%
def handler_fails():
    try:
        raiser()
    except KeyError:
        undefined_in_handler
handler_fails()
# %%
def finally_fails():
    try:
        raiser()
    finally:
        1 / 0
finally_fails()
# %%
try:
    raise ValueError('inner')
except ValueError as e1:
    try:
        raise TypeError('middle')
    except TypeError:
        raise KeyError('outer')
# %%
try:
    raise ValueError('a')
except ValueError as err:
    raise err from None
# %%
def gen_error():
    return [1 / (x - 2) for x in range(5)]
gen_error()
# %%
sorted([3, 1, 2], key=lambda v: v.missing)
# %%
list(map(lambda s: s + 1, ['a']))
# %%
def with_error():
    with open('missing_file_for_with.txt') as fh:
        return fh.read()
with_error()
# %%
def outer_cell():
    def inner_fn():
        raise ValueError('from inner')
    return inner_fn()
outer_cell()
# %%
def recursive_countdown(n):
    if n == 0:
        raise ValueError('liftoff')
    recursive_countdown(n - 1)
recursive_countdown(5)
# %%
def loop_then_fail():
    total = 0
    for i in range(3):
        total += i
    return total / 0
loop_then_fail()
# %%
def caught_and_new():
    try:
        [].pop()
    except IndexError:
        pass
    raise RuntimeError('after handling')
caught_and_new()
# %%
def multiline_call():
    return helper(
        [1,
         2]
    )
multiline_call()
# %%
if True:
    for i in range(2):
        if i == 1:
            undefined_deep_in_blocks
# %%
d = {'a': 1}
d['b'] += 1
# %%
lst = [1, 2]
lst[5] = 0
# %%
del lst[10]
# %%
x = 5
x()
# %%
'%s %s' % ('only one',)
# %%
try:
    raise Exception('with', 'args')
except Exception as e:
    print(e, e.args, repr(e))
    raise
# %%
def annotated_fail(x: int) -> int:
    return x + 'str'
annotated_fail(1)
# %%
assert isinstance(5, str), 'expected a string'
# %%
lambda_err = lambda: undefined_in_lambda
lambda_err()
# %%
def deco(f):
    def wrapper(*a):
        return f(*a)
    return wrapper
@deco
def decorated(x):
    return 1 / x
decorated(0)
