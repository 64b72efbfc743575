# %%
42
# %%
_
# %%
'second'
# %%
_, __
# %%
Out[1], Out[3]
# %%
_1, _3
# %%
x = 5
x
# %%
x;
# %%
_
# %%
x = 10
# %%
_
# %%
None
# %%
print('printed')
# %%
1
2
3
# %%
if True:
    'inside if'
# %%
for i in range(2):
    i
# %%
'a'; 'b'
# %%
'a'; 'b';
# %%
x = 3; x
# %%
[1, 2]  # a comment
# %%
(1,
 2)
# %%
list(range(100))
# %%
{'alpha': list(range(10)), 'beta': list(range(20)), 'gamma': 'g' * 50, 'delta': {'nested': list(range(15))}}
# %%
[('a' * 20, 'b' * 20, 'c' * 20), ('d' * 20, 'e' * 20)]
# %%
['x' * 100]
# %%
('tuple', 'of', 'many', 'strings', 'that', 'is', 'quite', 'long', 'indeed', 'yes', 'really', 'it', 'is')
# %%
[[1, 2, 3], [4, 5, 6], [7, 8, 9]] * 4
# %%
{i: {j: i * j for j in range(4)} for i in range(5)}
# %%
{'short': 1}
# %%
set(range(30))
# %%
frozenset(range(30))
# %%
[{}, [], (), set(), '', frozenset()]
# %%
{'k': ()}, (1,), ((1,),), [(1,)]
# %%
'a\nb'
# %%
'x' * 200
# %%
'line one\nline two\n' * 5
# %%
print('line one\nline two\n' * 2)
# %%
"multi\nline"
# %%
range(5)
# %%
[range(3), range(0, 10, 2)]
# %%
dict(zip(range(30), range(30)))
# %%
[1.5, 2.25, 1e-10, 1e100, float('nan')]
# %%
(1+2j), [1j, -1j, 2.5+0j], complex(0, -0.0)
# %%
b'bytes' * 30
# %%
True, False, None
# %%
[None] * 3
# %%
In[1]
# %%
len(In) > 5, type(Out)
# %%
_i
# %%
_ii
# %%
y = _
y
# %%
__
# %%
Out[7]
# %%
Out[999]
# %%
___
# %%
[list(range(12))] * 2
# %%
{'a': 'x' * 40, 'b': 'y' * 40}
# %%
[[['deep'] * 5] * 3] * 2
# %%
[('key', {'inner': [1, 2, 3]}), ('other', {'inner': list(range(25))})]
