# %%
1 + 2 * 3 - 4
# %%
7 / 2, 7 // 2, 7 % 2, -7 / 2, -7 // 2, -7 % 2
# %%
7 // -2, 7 % -2, -7 // -2, -7 % -2
# %%
divmod(17, 5), divmod(-17, 5), divmod(17.5, -5)
# %%
2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 2 ** 0.5
# %%
2 ** 200
# %%
-(2 ** 64) // 3, (2 ** 64) % 7, -(10 ** 30) % 7
# %%
10 ** 30 // 10 ** 29, 10 ** 30 / 10 ** 29
# %%
123456789 * 987654321 * 111111111
# %%
1 << 70, (1 << 70) >> 68, -1 >> 5, 5 & 3, 5 | 3, 5 ^ 3, ~5
# %%
0.1 + 0.2
# %%
1e16, 1e-5, 1.5e300 * 1e10, -1e400, 1e22, 1e-7, 123456789012345678.0
# %%
0.1 * 3, 1 / 3, 2 / 3, 10 / 4, 1e15 + 0.3
# %%
float('nan'), float('inf'), -float('inf'), float('nan') == float('nan')
# %%
round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234.5678, -2), round(7, -1)
# %%
int(3.9), int(-3.9), int('42'), int('  -17 '), int('ff', 16), int('0b101', 0), int('1_000')
# %%
float('3.25'), float(' 1e3 '), float(7), float('-0')
# %%
int('abc')
# %%
float('x1')
# %%
1 / 0
# %%
5 % 0
# %%
1.0 / 0
# %%
divmod(1, 0)
# %%
0 ** -1
# %%
2.0 ** 10000
# %%
(1+2j) * (3-4j), (1+2j) / (1-1j), abs(3+4j), (2j) ** 2
# %%
complex(1, 2), complex('3+4j'), 1j.real, (1+2j).imag, (1+2j).conjugate()
# %%
-0.0, 0.0 == -0.0, 1 == 1.0, 1 == True, hash(1) == hash(1.0)
# %%
3 < 4 < 5, 3 < 4 > 5, 1 < 2.5, 'a' < 'b', (1, 2) < (1, 3), [1, 2] == [1, 2]
# %%
True + True, True * 3, False - 1, True / 2
# %%
abs(-5), abs(-2.5), max(3, 7, 1), min([4, 2, 8]), sum([1, 2, 3]), sum([0.1] * 10)
# %%
pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(2.0, 3)
# %%
hex(255), oct(8), bin(10), hex(-255), bin(-3)
# %%
(255).bit_length(), (10).to_bytes(2, 'big'), int.from_bytes(b'\x01\x00', 'little')
# %%
(3.5).is_integer(), (2.0).as_integer_ratio(), (0.75).as_integer_ratio(), 7 .real
# %%
1 + '1'
# %%
'a' * 3, 3 * [0], [1] * 0, 'ab' + 'cd'
# %%
'a' - 'b'
# %%
-'a'
# %%
[] < 3
# %%
x = 5
x += 3; x *= 2; x -= 1; x //= 4; x **= 3; x %= 7
x
# %%
y = 2.5
y /= 0.5
y
# %%
import math
math.pi, math.e, math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.inf
# %%
math.sqrt(-1)
# %%
math.log(100, 10), math.log10(1000), math.log2(8), math.exp(1), math.factorial(20)
# %%
math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3), math.isnan(float('nan')), math.hypot(3, 4)
# %%
math.factorial(-1)
# %%
math.log(0)
# %%
100000000000000000000.0, 1e21, 0.00001, 0.0001, 1.0e-4, 12345.678e10
# %%
float(10**20), float(2**63), 2**63 / 3
# %%
int(1e20), int(float('inf'))
# %%
int(float('nan'))
# %%
isinstance(3, int), isinstance(True, int), isinstance(3.0, (int, float)), type(3) is int, type(3.0)
# %%
bool(0), bool(0.0), bool(''), bool([]), bool(None), bool('0'), bool([0])
