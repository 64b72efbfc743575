import h5py
import numpy as np
# %%
h5py.h5t.STD_I32LE
# %%
type(h5py.h5t.STD_I32LE).__mro__
# %%
t = h5py.h5t.STD_I32LE
t.get_class() == h5py.h5t.INTEGER, t.get_size(), t.get_order() == h5py.h5t.ORDER_LE, t.get_sign() == h5py.h5t.SGN_2
# %%
h5py.h5t.STD_U16BE.get_sign(), h5py.h5t.STD_U16BE.get_order(), h5py.h5t.STD_U16BE.get_size()
# %%
h5py.h5t.INTEGER, h5py.h5t.FLOAT, h5py.h5t.STRING, h5py.h5t.COMPOUND, h5py.h5t.ENUM, h5py.h5t.VLEN, h5py.h5t.ARRAY, h5py.h5t.OPAQUE, h5py.h5t.REFERENCE, h5py.h5t.BITFIELD
# %%
h5py.h5t.ORDER_LE, h5py.h5t.ORDER_BE, h5py.h5t.ORDER_NONE, h5py.h5t.SGN_NONE, h5py.h5t.SGN_2
# %%
[type(x).__name__ for x in (h5py.h5t.IEEE_F32LE, h5py.h5t.IEEE_F64BE, h5py.h5t.NATIVE_INT8, h5py.h5t.NATIVE_DOUBLE, h5py.h5t.C_S1, h5py.h5t.STD_B8LE, h5py.h5t.STD_REF_OBJ)]
# %%
h5py.h5t.IEEE_F64LE.get_size(), h5py.h5t.IEEE_F64LE.get_precision(), h5py.h5t.IEEE_F32BE.get_order()
# %%
h5py.h5t.NATIVE_INT64.get_size(), h5py.h5t.NATIVE_UINT8.get_sign(), h5py.h5t.NATIVE_FLOAT.get_size()
# %%
h5py.h5t.STD_I32LE.dtype, h5py.h5t.STD_U8LE.dtype, h5py.h5t.STD_I16BE.dtype
# %%
h5py.h5t.STD_I32LE == h5py.h5t.NATIVE_INT32, h5py.h5t.STD_I32LE == h5py.h5t.STD_I32BE, h5py.h5t.STD_I32LE.equal(h5py.h5t.NATIVE_INT32)
# %%
h5py.h5t.STD_I32LE == 5
# %%
c = h5py.h5t.STD_I32LE.copy()
c, c == h5py.h5t.STD_I32LE
# %%
c.set_order(h5py.h5t.ORDER_BE)
c.get_order(), c.dtype
# %%
c.set_size(2)
c.get_size(), c.dtype
# %%
c.committed()
# %%
h5py.h5t.STD_I32LE.set_size(8)
# %%
s = h5py.h5t.C_S1.copy()
s.get_size(), s.get_cset() == h5py.h5t.CSET_ASCII, s.get_strpad() == h5py.h5t.STR_NULLTERM, s.is_variable_str()
# %%
s.set_size(10)
s.set_strpad(h5py.h5t.STR_NULLPAD)
s.set_cset(h5py.h5t.CSET_UTF8)
s.get_size(), s.get_strpad(), s.get_cset(), s.dtype
# %%
h5py.h5t.STR_NULLTERM, h5py.h5t.STR_NULLPAD, h5py.h5t.STR_SPACEPAD, h5py.h5t.CSET_ASCII, h5py.h5t.CSET_UTF8
# %%
h5py.h5t.VARIABLE
# %%
p = h5py.h5t.py_create(np.dtype('<i8'))
p, p.get_size(), p.dtype
# %%
h5py.h5t.py_create('i2').dtype, h5py.h5t.py_create(np.int16).get_size()
# %%
h5py.h5t.py_create(np.dtype('S5')).get_size(), type(h5py.h5t.py_create(np.dtype('S5'))).__name__
# %%
h5py.h5t.py_create(np.dtype('S5')).dtype
# %%
cmp = h5py.h5t.py_create(np.dtype([('a', '<i4'), ('b', '<i2')]))
type(cmp).__name__, cmp.get_nmembers(), cmp.get_size()
# %%
cmp.get_member_name(0), cmp.get_member_name(1), cmp.get_member_offset(1), cmp.get_member_class(1) == h5py.h5t.INTEGER
# %%
cmp.get_member_type(0).get_size(), cmp.get_member_index(b'b')
# %%
cmp.get_member_name(5)
# %%
cmp.dtype
# %%
ct = h5py.h5t.create(h5py.h5t.COMPOUND, 8)
ct.insert(b'x', 0, h5py.h5t.STD_I32LE)
ct.insert(b'y', 4, h5py.h5t.STD_U32LE)
ct.get_nmembers(), ct.dtype
# %%
h5py.h5t.create(h5py.h5t.INTEGER, 4)
# %%
e = h5py.h5t.enum_create(h5py.h5t.STD_I8LE)
e.enum_insert(b'RED', 0)
e.enum_insert(b'GREEN', 1)
type(e).__name__, e.get_nmembers(), e.get_member_name(1), e.get_member_value(1)
# %%
e.get_super().get_size(), e.get_super() == h5py.h5t.STD_I8LE
# %%
a = h5py.h5t.array_create(h5py.h5t.STD_I16LE, (2, 3))
type(a).__name__, a.get_array_ndims(), a.get_array_dims(), a.get_size()
# %%
h5py.h5t.array_create(h5py.h5t.STD_I16LE, [2, 3])
# %%
v = h5py.h5t.vlen_create(h5py.h5t.STD_I32LE)
type(v).__name__, v.get_class() == h5py.h5t.VLEN
# %%
f = h5py.File('t.h5', 'w')
named = h5py.h5t.STD_I64BE.copy()
named.commit(f.id, b'mytype')
named.committed(), h5py.h5i.get_name(named)
# %%
opened = h5py.h5t.open(f.id, b'mytype')
opened.get_size(), opened.committed(), opened == h5py.h5t.STD_I64BE
# %%
h5py.h5t.open(f.id, b'nothing')
# %%
h5py.h5t.STD_I32LE.get_cset()
# %%
h5py.h5t.C_S1.get_sign()
# %%
h5py.h5t.TypeID.get_size
# %%
h5py.h5t.STD_I32LE.get_size
# %%
f.close()
