# %%
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5); a.insert(0, 0); a.extend([7, 8]); a
# %%
a.pop(), a.pop(0), a.index(4), a.count(1), len(a), a
# %%
a.remove(1); a.reverse(); a
# %%
a.sort(); a, sorted(a, reverse=True), sorted(['bb', 'a', 'ccc'], key=len)
# %%
a.remove(42)
# %%
a.index(42)
# %%
[].pop()
# %%
b = a
b.append(100)
a is b, a == b, a[-1], a[:] is a, list(a) == a
# %%
a[2:4] = ['x', 'y', 'z']; a
# %%
del a[0]; del a[::2]; a
# %%
a[100]
# %%
a['x']
# %%
nested = [[1, 2], [3, [4, 5]]]
nested[1][1][0], nested[-1][-1][-1], [x for row in [[1, 2], [3]] for x in row]
# %%
t = (1, 'two', 3.0, None, True)
t, t[1], t[1:3], len(t), t.count(1), t.index(None), (1,), (), tuple([1, 2])
# %%
t[0] = 5
# %%
x, y, *rest = range(5)
x, y, rest
# %%
a, b = 1, 2, 3
# %%
a, b, c = [1, 2]
# %%
a, b = 5
# %%
(a, b), c = [1, 2], 3
a, b, c
# %%
d = {'b': 2, 'a': 1}
d['c'] = 3
d, d['a'], d.get('z'), d.get('z', 0), len(d), 'a' in d, list(d), list(d.keys()), list(d.values())
# %%
d.items()
# %%
d.keys(), d.values()
# %%
d['zz']
# %%
d.pop('a'), d.pop('q', None), d.setdefault('e', 5), d.setdefault('b', 99), d
# %%
d.update({'f': 6}, g=7); d.update([('h', 8)]); d
# %%
del d['b']; d.popitem(), d
# %%
del d['nope']
# %%
dict(a=1, b=2), dict([(1, 'x'), (2, 'y')]), dict.fromkeys('ab', 0), {**{'a': 1}, 'b': 2}, {1: 'a'} | {2: 'b'}
# %%
{[1]: 2}
# %%
{(1, 2): 'tuple key', 1.5: 'float', None: 'none', True: 'bool', 0: 'zero'}
# %%
s = {3, 1, 2}
s.add(4); s.discard(10); s
# %%
s | {5}, s & {1, 2, 9}, s - {1}, s ^ {1, 10}, {1, 2} <= s, s.issuperset({1}), s.isdisjoint({7})
# %%
s.remove(99)
# %%
set(), {1}, frozenset([1, 2]), set([3, 3, 1]), len({1, 1.0, True})
# %%
set().pop()
# %%
list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -1)), range(10), range(1, 5), range(0, 10, 2)
# %%
r = range(0, 20, 3)
r[2], r[-1], len(r), 9 in r, r.index(9), r[1:3], list(reversed(r))
# %%
list(enumerate('abc', 1)), list(zip([1, 2, 3], 'ab')), dict(zip('ab', range(2)))
# %%
list(map(str, [1, 2])), list(filter(None, [0, 1, '', 'a'])), list(map(lambda x, y: x + y, [1, 2], [3, 4]))
# %%
any([0, 0, 1]), all([1, []]), any([]), all([])
# %%
list(range(40))
# %%
{i: str(i) * i for i in range(12)}
# %%
[[i] * 8 for i in range(4)]
# %%
[list(range(10)), list(range(20)), 'a' * 30]
# %%
{'key%d' % i: list(range(i)) for i in range(6)}
# %%
(list(range(30)),)
# %%
[[1, 2, [3, 4, [5, 6]]]] * 3
# %%
l = [1, 2]
l.append(l)
l
# %%
d2 = {}
d2['self'] = d2
d2
# %%
[1, 2] + [3], [1, 2] * 2, [0] * 3 + [1], [1, 2] + (3,)
# %%
list.append
# %%
[].append
# %%
len(5)
# %%
sorted([3, 'a'])
# %%
max([])
# %%
min(3)
# %%
[1, 2, 3].copy(), [3, 2].clear(), [5, 1, 4][::-2], list(reversed([1, 2, 3]))
# %%
sorted([(2, 'b'), (1, 'z'), (2, 'a')]), sorted({'b': 1, 'a': 2}.items(), key=lambda kv: kv[1])
# %%
matrix = [[1, 2, 3], [4, 5, 6]]
[list(col) for col in zip(*matrix)], sum(matrix, []), [sum(r) for r in matrix]
# %%
import sys
sys.getsizeof  # not shown
# %%
d3 = {'x': {'y': {'z': [1, 2, {'w': 'deep'}]}}}
d3['x']['y']['z'][2]['w']
# %%
d3['x']['q']
# %%
iter([1, 2]), next(iter([1, 2])), next(iter([]), 'default')
# %%
next(iter([]))
# %%
it = iter(range(3))
list(it), list(it)
