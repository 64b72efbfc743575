# %%
x = = 1
# %%
print('a'))
# %%
s = 'unterminated
# %%
if True
    pass
# %%
1 = x
# %%
  indented = 1
# %%
if True:
pass
# %%
for x in range(3):
	if x:
        pass
# %%
x = 1
return x
# %%
a = 1
b = 2 +
# %%
del 1
# %%
import
# %%
x = 1 if True
# %%
print "hello"
# %%
else:
    pass
# %%
f(x for x in range(3), 1)
# %%
def g(a=1, b):
    pass
# %%
f(a=1, a=2)
# %%
f(**{}, *[])
# %%
f(a=1, 2)
# %%
x += 1 = 2
# %%
(a, b) += 1
# %%
[x for x in range(3)] = 1
# %%
None = 1
# %%
True = 0
# %%
def f(): yield = 1
# %%
lambda x: (yield)
# %%
break
# %%
continue
# %%
def uses_global_after():
    x = 1
    global x
# %%
x = 1 +* 2
# %%
"abc" "def
# %%
0777
# %%
1_000_
# %%
1.e
# %%
0b102
# %%
class
# %%
a b
# %%
a.1
# %%
x = yield 5
# %%
return 1
# %%
def f(*):
    pass
# %%
def f(**kw, a):
    pass
# %%
f"{}"
# %%
f"{x!z}"
# %%
f"{x"
# %%
"\N{unknown name}"
# %%
b'é'
# %%
x = 1; ; y = 2
# %%
if x = 1:
    pass
# %%
while True print(1)
# %%
for in range(3):
    pass
# %%
with open('x') as:
    pass
# %%
assert(x, 'msg') = 1
# %%
del f()
# %%
print(1 2)
# %%
[1 2]
# %%
{'a' 1}
# %%
x = $5
# %%
x = 1 ? 2 : 3
# %%
def f()
    pass
# %%
x ===== 1
# %%
a, *b, *c = range(5)
# %%
*a = range(3)
# %%
print(*)
# %%
(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
# %%
x = 1
print(x)
	y = 2
