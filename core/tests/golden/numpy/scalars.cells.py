# %%
import numpy as np
np.int8(5)
# %%
np.int16(-3), np.int32(7), np.int64(9)
# %%
np.uint8(200), np.uint16(1), np.uint32(2), np.uint64(3)
# %%
np.float16(0.1), np.float32(0.1), np.float64(0.1)
# %%
np.complex64(1 + 2j), np.complex128(3)
# %%
np.bool_(True), np.bool_(0)
# %%
np.str_('abc'), np.bytes_(b'xy')
# %%
np.float64(1e300) * 10
# %%
print(np.int8(5), np.float32(0.1), np.float64(2.5), np.bool_(True), np.complex64(1j))
# %%
str(np.float64(0.1)), repr(np.float64(0.1))
# %%
[np.int64(1), np.float32(2.5)]
# %%
{'a': np.int8(1)}
# %%
(np.uint8(3),)
# %%
f'{np.float32(0.1):.3f}', f'{np.int64(42):5d}', f'{np.float64(2.5)}'
# %%
f'{np.int8(7)}', '{:>6}'.format(np.int16(12)), '%d' % np.int32(9), '%.2f' % np.float32(1.5)
# %%
int(np.float64(3.7)), float(np.int8(4)), int(np.uint8(255))
# %%
np.float64(2.5).item(), type(np.float64(2.5).item()), np.int8(3).item(), type(np.int8(3).item())
# %%
np.int8(5).dtype, np.float32(1).dtype, np.complex128(0).dtype
# %%
np.int8(5).itemsize, np.float64(1).ndim, np.float64(1).shape, np.int8(1).size
# %%
np.int8(5) + np.int8(3)
# %%
np.int8(5) + 3, 3 + np.int8(5), np.int8(5) * 2.0
# %%
with np.errstate(over='ignore'):
    r = np.int8(127) + np.int8(1)
r
# %%
np.int32(7) // 2, np.int32(-7) % 3, np.int32(7) / 2
# %%
np.float32(1) / 3
# %%
with np.errstate(divide='ignore'):
    r = np.float64(1) / 0
r
# %%
with np.errstate(divide='ignore'):
    r = np.int64(1) // 0
r
# %%
np.int8(5) == 5, np.int8(5) < 6.5, np.float32(0.5) == 0.5, np.float32(0.1) == 0.1
# %%
np.int64(3) == np.float64(3.0), np.uint8(1) != np.int8(1)
# %%
-np.int8(5), abs(np.int8(-5)), ~np.int8(5), +np.float32(2)
# %%
with np.errstate(over='ignore'):
    r = -np.int8(-128)
r
# %%
np.float64(0.5) ** 2, np.int64(2) ** 3
# %%
isinstance(np.float64(1), float), isinstance(np.int64(1), int), isinstance(np.float32(1), float)
# %%
isinstance(np.int8(1), np.integer), isinstance(np.float32(1), np.floating), isinstance(np.int8(1), np.number)
# %%
issubclass(np.int8, np.signedinteger), issubclass(np.uint8, np.signedinteger), issubclass(np.float64, np.inexact)
# %%
type(np.int8(1)), type(np.float64(1)).__name__
# %%
np.int8
# %%
np.float64, np.bool_, np.complex64, np.str_, np.bytes_, np.object_, np.void
# %%
np.int_, np.intp, np.double, np.single, np.uint
# %%
np.float_
# %%
np.complex_
# %%
np.int8(300)
# %%
np.uint8(-1)
# %%
np.int8('12'), np.float64('1.5'), np.float32('inf')
# %%
np.int8(3.9), np.float32(np.int64(7))
# %%
np.int8(), np.float64(), np.bool_()
# %%
np.float64(np.nan), np.float32(-np.inf), np.float64(-0.0)
# %%
np.float64(123456789.0), np.float64(1e16), np.float32(1e-5), np.float64(1.0)
# %%
np.float16(65504), np.float16(1e-5)
# %%
hash(np.int64(5)) == hash(5), hash(np.float64(0.5)) == hash(0.5)
# %%
{np.int64(1): 'a'}[1]
# %%
bool(np.float64(0.0)), bool(np.int8(2)), not np.bool_(False)
# %%
round(np.float64(2.567), 2), round(np.float32(2.567), 1)
# %%
round(np.float64(2.5)), type(round(np.float64(2.5)))
# %%
np.float64(3.0).is_integer(), np.int64(5).real, np.complex128(1 + 2j).imag
# %%
np.float64(1.5).as_integer_ratio()
# %%
np.array([1, 2])[0] + 0.5
# %%
x = np.float32(3.14159)
x, x.astype(np.float64), x.astype(int)
# %%
sum([np.int64(1), np.int64(2)]), max(np.int8(3), np.int8(9))
# %%
range(np.int64(3)), [0, 1, 2, 3][np.int8(2)]
# %%
np.int64(2) * [1, 2], (1, 2) * np.int8(2)
# %%
np.bool_(True) + np.bool_(True), np.bool_(True) & np.bool_(False)
# %%
np.float64(2) ** 0.5 == np.sqrt(2)
# %%
np.uint64(2**64 - 1), np.int64(-2**63)
# %%
np.int64(2**63)
