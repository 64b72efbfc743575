# %%
import numpy as np
np.dtype('int8')
# %%
np.dtype('i4'), np.dtype('<f8'), np.dtype('>i2')
# %%
np.dtype(np.float32), np.dtype(float), np.dtype(int), np.dtype(bool), np.dtype(complex)
# %%
np.dtype(str), np.dtype(bytes), np.dtype(object)
# %%
np.dtype('S10'), np.dtype('U5'), np.dtype('S')
# %%
np.dtype('float64'), np.dtype('double'), np.dtype('uint16'), np.dtype('c8')
# %%
np.dtype('?'), np.dtype('b'), np.dtype('B'), np.dtype('h'), np.dtype('l'), np.dtype('d')
# %%
np.dtype([('x', 'i4'), ('y', 'f8')])
# %%
np.dtype([('a', 'u1', (2,)), ('b', '<f4')])
# %%
np.dtype('i4,f8')
# %%
np.dtype({'names': ['a', 'b'], 'formats': ['i1', 'f4']})
# %%
np.dtype(('i4', (2, 3)))
# %%
np.dtype('V8'), np.dtype('O')
# %%
np.dtype(np.dtype('i2'))
# %%
d = np.dtype('>i4')
d.name, d.str, d.char, d.kind, d.itemsize, d.byteorder, d.type
# %%
d = np.dtype('f8')
d.name, d.str, d.char, d.kind, d.itemsize, d.byteorder, d.type, d.ndim, d.shape
# %%
np.dtype('U5').itemsize, np.dtype('U5').name, np.dtype('S5').name, np.dtype('S5').str
# %%
s = np.dtype([('x', 'i4'), ('y', 'f8')])
s.names, s.fields, s.itemsize
# %%
s['x'], s.descr
# %%
np.dtype('i4') == np.int32, np.dtype('i4') == 'i4', np.dtype('f8') == float, np.dtype('i4') == np.dtype('i8')
# %%
np.dtype('i4') != 'f4'
# %%
print(np.dtype('i4'), np.dtype('>f8'), np.dtype([('x', 'i4')]))
# %%
str(np.dtype('U3')), repr(np.dtype('S2'))
# %%
np.dtype('i8').type is np.int64, np.dtype('f4').type(2.5)
# %%
np.dtype('?').name, np.dtype('c16').name, np.dtype('f2').name
# %%
np.dtype('i4').isnative, np.dtype('>i4').isnative
# %%
np.dtype('>i4').newbyteorder().str, np.dtype('i4').newbyteorder('>'), np.dtype('>i4').newbyteorder('S').isnative
# %%
np.dtype('i4').alignment, np.dtype('f8').base, np.dtype(('i4', (2,))).subdtype
# %%
np.dtype('int')
# %%
np.dtype('foo')
# %%
np.dtype('i3')
# %%
np.dtype(5)
# %%
np.array([1, 2], dtype='>i2')
# %%
np.array([1, 2], dtype='>i2').dtype.byteorder
# %%
np.zeros(2, dtype='U3').dtype, np.zeros(2, dtype='S3')
# %%
np.dtype(np.int8).type
# %%
np.int8 == np.dtype('i1'), np.dtype('i1') == np.int8
# %%
[np.dtype('i1'), np.dtype('f4')]
# %%
np.dtype('f4').type, np.dtype('U').itemsize
# %%
np.dtype('i8').hasobject, np.dtype('O').hasobject
# %%
np.issubdtype(np.int8, np.integer), np.issubdtype('f4', np.floating), np.issubdtype(np.float64, np.integer)
# %%
np.iinfo(np.int8)
# %%
np.iinfo(np.int16).max, np.iinfo('u1').min, np.finfo(np.float32).eps
# %%
np.finfo(np.float64)
