# %%
s1 = 'single'; s2 = "double"; s3 = '''triple'''; s4 = """triple2"""
b1 = b'bytes'; r1 = r'raw\d'; rb = rb'\x00'; u1 = u'uni'
f1 = f"value {s1!r:>10} and {{braces}}"; f2 = F'{s2}'
esc = 'it\'s "quoted"'
n1 = 0x1F; n2 = 0o17; n3 = 0b101; n4 = 1_000_000
n5 = 3.14; n6 = 1e-5; n7 = 2.5E+3; n8 = 3j; n9 = .5; n10 = 10.
1 / 0
# %%
if not (True and False or None is None) and 1 in [1]:
    pass
elif 2 is not 3:
    del s1
else:
    assert s2
with open('x') as fh:
    pass
# %%
def kw():
    global G
    x = lambda: (yield)
    for a in []:
        continue
    while False:
        break
    try:
        import os, sys
        from os import path as p
    except ImportError:
        raise
    finally:
        return [i for i in x] if False else 1 / 0

kw()
# %%
print(len(range(3)), isinstance(1, int), type(2), abs(-1), sorted([]), min(1, 2))
print(Exception, ValueError, KeyError, self, cls, match, case, _)
ValueError.no_attr
# %%
# A full-line comment
x = 1  # trailing comment
    # indented comment
y = x  #no space
z = undefined  # comment with 'quotes' and "more"
# %%
def documented(a):
    """One-line docstring."""
    b = a * 2
    return b / 0

documented(1)
# %%
def multi_doc(a):
    """Summary line.

    It's a longer description: for x in y is not code.
    """
    return a[0]

multi_doc(None)
# %%
x = 1
    
y = 2   
z = x/0
# %%
def tabbed(x):
	if x:
		return 1 / 0
	return x

tabbed(True)
# %%
naïve = "héllo wörld"
π = 3.14159
ключ = {'α': 1}
ключ['β']
# %%
very_long_variable_name_number_one = {'key_' + str(i): [j * i for j in range(10)] for i in range(10)}; other = very_long_variable_name_number_one['key_99']
# %%
ops = 1 + 2 - 3 * 4 / 5 // 6 % 7 ** 8 << 1 >> 1 & 1 | 1 ^ ~1
cmp = 1 < 2 <= 3 > 0 >= 0 == 0 != 1
ops += 1; ops -= 1; ops *= 1; ops @ ops
# %%
text = """first
second line with 'quote'
third"""
x = text.undefined_attr
# %%
x = [1,
     2,
     3]
y = (x
     [5])
# %%
call = dict(a=1,
            b=2)
call['c']
# %%
x = 1 + \
  2
y = "unterminated \
string"
z = 1/0
# %%
q = "a" "b" 'c'
w = q if q else ...
q.nope
# %%
async_value = 1
await_ok = 2
matchx = 3
{}[matchx]
