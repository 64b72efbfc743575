# %%
for i in range(3):
    print(i, end=' ')
else:
    print('done')
# %%
for i in range(10):
    if i == 3:
        break
    if i % 2:
        continue
    print(i)
else:
    print('not reached')
# %%
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print('n =', n)
else:
    print('while else')
# %%
while True:
    n -= 1
    if n < 0:
        break
n
# %%
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
# %%
for k, v in {'x': 1, 'y': 2}.items():
    print(f'{k} -> {v}')
# %%
[x * 2 for x in range(5) if x % 2 == 0], [(x, y) for x in range(3) for y in range(x)]
# %%
{x % 3 for x in range(10)}, {k: v for k, v in zip('abc', range(3)) if v}
# %%
gen = (x * x for x in range(4))
gen
# %%
list(gen), list(gen)
# %%
sum(x for x in range(101)), max(len(w) for w in ['a', 'abc', 'ab']), tuple(c.upper() for c in 'hi')
# %%
[[y for y in range(x)] for x in range(4)]
# %%
[i for i in range(3)]
i
# %%
x = 'outer'
[x for x in range(2)], x
# %%
[y for y in range(3)]
y
# %%
[n for n in [1, 2, 0, 4] if 10 / n]
# %%
if []:
    print('empty truthy')
elif {}:
    print('dict')
elif 0.0 or None or '':
    print('falsy')
else:
    print('else branch')
# %%
a = 5
'big' if a > 3 else 'small', 'yes' if not a else 'no', a > 3 and 'and-val', a < 3 or 'or-val', None and 1, 0 or []
# %%
try:
    print('body')
except ValueError:
    print('handler')
else:
    print('else')
finally:
    print('finally')
# %%
try:
    int('x')
except (TypeError, ValueError) as exc:
    print('caught', type(exc).__name__, exc)
finally:
    print('finally runs')
# %%
def f():
    try:
        return 'from try'
    finally:
        print('finally before return')
f()
# %%
def g():
    try:
        return 1
    finally:
        return 2
g()
# %%
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print('finally', i)
    return i
h()
# %%
try:
    try:
        raise KeyError('inner')
    except KeyError as e:
        print('inner caught', repr(e))
        raise
except LookupError as outer:
    print('outer caught', repr(outer))
# %%
try:
    [][1]
except Exception as e:
    err = e
err, type(err), err.args
# %%
e
# %%
try:
    raise ValueError('v')
except:
    print('bare except')
# %%
try:
    pass
finally:
    print('only finally')
# %%
try:
    1 / 0
except ZeroDivisionError as z:
    print(z)
except Exception:
    print('not this')
# %%
errors = []
for value in ['1', 'x', None, '3']:
    try:
        errors.append(int(value))
    except ValueError as e:
        errors.append(str(e))
    except TypeError as e:
        errors.append(type(e).__name__)
errors
# %%
class_name = None
try:
    raise IndexError
except IndexError as e:
    class_name = e.__class__.__name__
class_name
# %%
import os
with open('test.txt', 'w') as fh:
    fh.write('line one\nline two\n')
with open('test.txt') as fh:
    content = fh.read()
content
# %%
with open('test.txt') as fh:
    lines = fh.readlines()
lines, fh.closed
# %%
with open('test.txt') as fh:
    for line in fh:
        print(line.rstrip())
# %%
with open('test.txt', 'a') as fh:
    print('appended', file=fh)
open('test.txt').read().splitlines()
# %%
with open('test.txt') as a, open('test.txt') as b:
    print(a.readline() == b.readline())
# %%
with 5:
    pass
# %%
os.remove('test.txt')
os.path.exists('test.txt')
# %%
i = 0
while i < 3:
    i += 1
    try:
        if i == 2:
            raise ValueError(i)
    except ValueError as err:
        print('caught', err)
    else:
        print('ok', i)
# %%
(y := 10), y * 2
# %%
[z for v in range(5) if (z := v * 2) > 4], z
# %%
values = [3, 1, 2]
for idx in range(len(values)):
    values[idx] **= 2
values
# %%
for _ in []:
    print('never')
else:
    print('empty loop else')
# %%
for x in range(3):
    pass
x
# %%
del x
x
# %%
a, b = b, a = 1, 2
a, b
# %%
pairs = [(1, 'one'), (2, 'two')]
for number, word in pairs:
    print(number, word)
# %%
matrix = [[1, 2], [3, 4]]
for row in matrix:
    for v in row:
        if v == 3:
            break
    else:
        continue
    print('broke at', v)
    break
# %%
try:
    raise ValueError('first')
except ValueError:
    try:
        raise TypeError('second')
    except TypeError as t:
        print('handled', t)
print('after')
# %%
def check(v):
    assert v > 0, f'bad value {v}'
    return v
[check(1), check(2)]
# %%
check(-1)
