# %%
import numpy as np
i8 = np.array([1, 2], dtype=np.int8)
u8 = np.array([1, 2], dtype=np.uint8)
f4 = np.array([1, 2], dtype=np.float32)
(i8 + 1).dtype, (i8 + 1.0).dtype, (i8 + 1j).dtype
# %%
(i8 + u8).dtype, (u8 + f4).dtype, (i8 + f4).dtype
# %%
(f4 + 1.5).dtype, (f4 + np.float64(1.5)).dtype
# %%
(i8 + np.int64(1)).dtype
# %%
i8 + 300
# %%
u8 - 1
# %%
u8 + np.array(-1)
# %%
with np.errstate(over='ignore'):
    r = np.uint8(200) + 100
r
# %%
with np.errstate(over='ignore'):
    r = np.int8(100) + np.int8(100)
r
# %%
np.array([1, 2], dtype=np.int16) * 1.5
# %%
(np.array([1, 2], dtype=np.uint64) + np.array([1], dtype=np.int64)).dtype
# %%
(np.array([True]) + 1).dtype, (np.array([True]) + 1.0).dtype
# %%
np.result_type(np.int8, np.uint8)
# %%
np.result_type(np.int8, 1.0)
# %%
np.result_type('i4', 'f4')
# %%
np.result_type(np.array([1], dtype=np.int16), 3)
# %%
np.result_type(np.float32, np.complex64)
# %%
np.promote_types('i1', 'u1'), np.promote_types('f2', 'i2')
# %%
np.promote_types(np.int64, np.uint64)
# %%
np.promote_types('S3', 'S5'), np.promote_types('U2', 'S4')
# %%
np.promote_types(np.bool_, np.int8)
# %%
np.can_cast(np.int8, np.int16), np.can_cast(np.int16, np.int8)
# %%
np.can_cast(np.int64, np.float64), np.can_cast(np.float64, np.int64)
# %%
np.can_cast('f8', 'f4', casting='same_kind'), np.can_cast('f8', 'i4', casting='same_kind')
# %%
np.can_cast('i8', 'i1', casting='unsafe'), np.can_cast('i4', 'i4', casting='no')
# %%
(np.float32(1) + 1).dtype, (np.float32(1) * 2.5).dtype
# %%
type(np.float64(1) + 1), type(np.int32(1) + 1), type(np.int32(1) + 1.0)
# %%
np.float16(1) + np.float32(1)
# %%
np.array([1, 2]) / np.array([2, 4], dtype=np.int8)
# %%
(np.array([1], dtype=np.int32) // 2).dtype
# %%
np.array([1, 2], dtype=np.int32) ** 2.0
# %%
np.int64(2) ** 62, np.int64(2) ** 64
# %%
np.array(['a']) + np.array(['b'])
# %%
i8 += 1.5
# %%
f4 += 1
f4
# %%
u8 += 255
u8
# %%
(np.array([1.0]) + np.array([1], dtype=np.complex64)).dtype
# %%
(np.array([1.0], dtype=np.float32) + np.array([1], dtype=np.int64)).dtype
# %%
(np.array([1], dtype=np.uint32) + np.array([1], dtype=np.int32)).dtype
