# %%
import sys, os, os.path, math, time
sys.version_info[:2], sys.maxsize, sys.byteorder, sys.platform
# %%
type(sys.argv), sys.getrecursionlimit(), type(sys.path), 'os' in sys.modules
# %%
os.sep, os.path.sep, os.cursep if hasattr(os, 'cursep') else os.curdir, os.pardir, os.linesep, os.name
# %%
os.path.join('a', 'b', 'c.h5'), os.path.join('/abs', 'x'), os.path.join('a/', 'b')
# %%
os.path.split('/a/b/c.txt'), os.path.splitext('data.tar.gz'), os.path.basename('/x/y.h5'), os.path.dirname('/x/y.h5')
# %%
os.path.exists('.'), os.path.isdir('.'), os.path.isfile('.'), os.path.isabs('/a'), os.path.isabs('a')
# %%
os.path.normpath('a//b/../c/./d'), os.path.abspath('/a/b/../c'), os.path.expanduser('~') == os.environ.get('HOME')
# %%
os.getcwd() == os.path.abspath('.'), os.listdir('.')
# %%
os.makedirs('sub/dir', exist_ok=True)
with open('sub/dir/f.txt', 'w') as fh:
    fh.write('x')
sorted(os.listdir('sub')), os.path.getsize('sub/dir/f.txt'), os.path.isfile('sub/dir/f.txt')
# %%
os.mkdir('sub')
# %%
os.rename('sub/dir/f.txt', 'sub/g.txt'); os.remove('sub/g.txt'); os.rmdir('sub/dir'); os.rmdir('sub'); os.listdir('.')
# %%
os.environ['H5LAB_TEST_VAR'] = 'value'
os.environ['H5LAB_TEST_VAR'], os.environ.get('NOPE_NOT_SET'), os.getenv('NOPE_NOT_SET', 'dflt')
# %%
os.environ['NOPE_NOT_SET']
# %%
t0 = time.time()
time.sleep(0.01)
elapsed = time.time() - t0
0.005 < elapsed < 5, type(time.perf_counter()), type(time.monotonic())
# %%
math.floor(3.7), math.trunc(-3.7), math.fabs(-2), math.copysign(1, -0.0), math.fmod(7, -3), math.modf(2.5)
# %%
math.sin(0), math.cos(math.pi), math.atan2(1, 1), math.degrees(math.pi), math.radians(180), math.tau
# %%
math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.isqrt(17), math.isfinite(1e308), math.isinf(-math.inf)
# %%
math.nan, math.e ** 2, math.pow(2, 0.5), math.exp(710)
# %%
abs(-3), all([]), any([0]), ascii('ü'), bin(5), bool(1), chr(65), divmod(9, 4), hex(16), oct(9), ord('A')
# %%
list(enumerate(['a', 'b'])), list(filter(lambda v: v > 1, [1, 2, 3])), float('1.5'), format(0.1, '.3f')
# %%
getattr('abc', 'upper')(), getattr([], 'nope', 'fallback'), hasattr('', 'join'), hasattr(1, 'join')
# %%
getattr(1, 'nope')
# %%
isinstance('s', str), isinstance(1, (str, list)), issubclass(bool, int), len('four'), list('ab'), max(1, 2), min('bca')
# %%
repr(None), repr(1.0), reversed([1, 2]).__class__.__name__, round(3.14159, 2), sorted([3, 1, 2]), str(b'x'), sum(range(4), 10)
# %%
tuple([1]), type('x'), type(None), type(type), type([].append), type(len), zip()
# %%
vars_demo = 42
'vars_demo' in globals(), globals()['vars_demo']
# %%
def show_locals(a, b=2):
    c = a + b
    return locals()
show_locals(1)
# %%
dir([])[:3], 'append' in dir([]), len(dir(math)) > 10
# %%
id(1) == id(1), hash('a') == hash('a'), hash(1), hash(1.5), hash((1, 2)) == hash((1, 2)), hash(-1)
# %%
int, float, str, list, dict, tuple, set, bool, type, object, range, len, print
# %%
print(int, len, print, None, ...)
# %%
Ellipsis, ..., NotImplemented
# %%
slice(1, 5), slice(None), [0, 1, 2, 3, 4][slice(1, None, 2)]
# %%
eval('1 + 2'), eval('x * 2', {'x': 21})
# %%
exec('q = 5')
q
# %%
isinstance(print, type(len)), print.__name__, len.__doc__.splitlines()[0]
# %%
object()
# %%
o = object()
o.x = 1
# %%
iter(range(3)), enumerate([]), zip([1], [2]), map(str, []), reversed([1]), filter(None, [])
# %%
it = iter([1, 2, 3])
next(it), next(it), list(it)
# %%
min([3, 1, 2], key=lambda v: -v), max('apple', 'pie', key=len), sorted('bca', reverse=True)
# %%
round(2.5), round(0.125, 2), round(-1.5), round(1e20), round(12345, -3), round(5.5)
# %%
round(float('inf'))
# %%
int('9' * 50), len(str(2 ** 1000)), str(10 ** 20)
# %%
bytes(3), bytes('abc', 'ascii'), b'abc'.hex(), bytes.fromhex('4142')
# %%
list(b'AB'), b'a' + b'b', b'ab' * 2, b'b' in b'abc', b'hello'.find(b'l'), b'x'.decode('ascii')
# %%
'{:>6}'.format(b'ab'.decode()), str(b'ab', 'utf-8'), len(b'\x00\x01')
# %%
frozenset({1, 2}) | {3}, set('aab') == {'a', 'b'}, sorted({3: 'c', 1: 'a'})
# %%
import math as m, os.path as osp
m.sqrt(16), osp.join('x', 'y')
# %%
from math import sqrt, pi as PI
sqrt(9), PI
# %%
from os.path import *
join('a', 'b'), exists('.')
# %%
import sys as system
system is sys, sys.modules['math'] is math
# %%
import time
type(time.time()), type(time.localtime()).__name__, time.strftime('%Y', time.gmtime(0))
# %%
sys.stdout.write('written\n')
# %%
sys.stderr.write('err\n');
# %%
sys.exit
# %%
print(sys.version_info >= (3, 8), sys.version_info.major, sys.version.split()[0])
