# %%
x = """abc
def
# %%
'''never closed
# %%
x = 1
s = '''abc
# %%
foo(1,
  2,
# %%
if True:
    x = (
# %%
def f():
# %%
for x in y:
# %%
x = 1 +
# %%
print("a"
# %%
if x:
    pass
else
# %%
class A:
    def f(self):
# %%
x = (1,
# comment
# %%
@decorator
# %%
f(x for x in
# %%
x = \
# %%
while True:
    if x:
# %%
try:
    pass
except:
# %%
with open('f') as fh:
# %%
lambda x:
# %%
def f(x,
# %%
"""doc"""
x = (
# %%
  x = 1
 y = 2
# %%
for i in range(3):
    print(i)
  print(i)
# %%
x = = 1
if y:
    a
  b
# %%
if x:
    y = 1
  # comment
    z = 2
# %%
x = (1,
  2
 3)
if a:
    b
  c
# %%
d = {'a': 1,
     'b': 2,
# %%
if True:
    pass
elif
# %%
x = [i for i in
# %%
s = 'abc
# %%
import
# %%
from os import (path,
# %%
x = 1
y = 2
z = (3 +
# %%
def f():
    '''doc
# %%
if True:
	x = 1
        y = 2
# %%
x = f'{1 +'
# %%
print('hi')
  print('indented')
# %%
def g():
    return 1
  y = 2
z = (
