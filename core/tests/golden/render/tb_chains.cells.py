# %%
try:
    1 / 0
except ZeroDivisionError:
    raise
# %%
try:
    {}['k']
except KeyError as e:
    raise ValueError('bad key') from e
# %%
try:
    x = [1][5]
except IndexError:
    y = undefined_name
# %%
try:
    1 / 0
except ZeroDivisionError:
    raise ValueError('suppressed') from None
# %%
def parse(text):
    return int(text)

def load(text):
    try:
        return parse(text)
    except ValueError as err:
        raise RuntimeError(f'cannot load {text!r}') from err

load('abc')
# %%
try:
    try:
        1 / 0
    except ZeroDivisionError as a:
        raise KeyError('inner') from a
except KeyError as b:
    raise RuntimeError('outer') from b
# %%
raise ValueError('later') from KeyError('never raised')
# %%
a = 1
b = 2
c = 3
try:
    d = 4
    e = 5
    {}['missing']
    f = 6
    g = 7
    h = 8
except KeyError:
    i = 9
    j = 10
    raise TypeError('while handling')
# %%
def risky():
    return 1 / 0

try:
    risky()
except ZeroDivisionError:
    pass
finally:
    raise RuntimeError('in finally')
# %%
def cleanup():
    raise OSError('cleanup failed')

try:
    [][0]
except IndexError:
    cleanup()
# %%
try:
    raise KeyboardInterrupt
except KeyboardInterrupt:
    raise SystemError('after interrupt')
# %%
err = ValueError('made earlier')
try:
    1 / 0
except ZeroDivisionError as exc:
    raise err from exc
