# %%
x = = 1
# %%
print('a'))
# %%
s = 'unterminated
# %%
x = 1
y = (1,
     2
# %%
if True
    pass
# %%
1 = x
# %%
def f():
    return 1
   x = 2
# %%
  indented = 1
# %%
if True:
pass
# %%
    y = 5
    z = = 6
# %%
for x in range(3):
	if x:
        pass
# %%
x = 1
return x
# %%
f"{a b}"
# %%
a = 1
b = 2 +
# %%
x = [1, 2
y = 3
# %%
def g(:
    pass
# %%
d = {'a': 1, 'b': 2
# %%
x = "café" +* 2
# %%
del 1
# %%
import
# %%
x = 1 if True
# %%
def f():
    x = = 1
# %%
def g():
	value = = 2
# %%
async def h():
    pass
[i async for i in h()]
# %%
x = (1 +
     2 +
     * 3)
# %%
print "hello"
# %%
else:
    pass
