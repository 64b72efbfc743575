import h5py
import numpy as np
# %%
e = h5py.h5t.enum_create(h5py.h5t.STD_I16LE)
e.enum_insert(b'A', -3)
e.enum_insert(b'B', 7)
e.enum_nameof(7), e.enum_valueof(b'A'), e.enum_valueof(b'B')
# %%
e.enum_nameof(5)
# %%
e.enum_valueof(b'Z')
# %%
e.dtype
# %%
o = h5py.h5t.create(h5py.h5t.OPAQUE, 4)
o.set_tag(b'mytag')
o.get_tag(), o.get_size(), type(o).__name__
# %%
c = h5py.h5t.create(h5py.h5t.COMPOUND, 16)
c.insert(b'a', 0, h5py.h5t.STD_I8LE)
c.insert(b'b', 8, h5py.h5t.STD_I32LE)
c.get_size(), c.get_member_offset(1), c.dtype
# %%
c.pack()
c.get_size(), c.get_member_offset(1), c.dtype
# %%
t = h5py.h5t.STD_I32LE.copy()
t.lock()
t.set_size(2)
# %%
type(t.get_create_plist()).__name__, h5py.h5t.STD_I32LE.lock()
# %%
u = h5py.h5t.enum_create(h5py.h5t.STD_U8LE)
u.enum_insert(b'HIGH', 200)
u.enum_valueof(b'HIGH'), u.enum_nameof(200)
# %%
f32 = h5py.h5t.IEEE_F32LE.copy()
f32.get_norm(), f32.get_inpad(), f32.get_pad(), h5py.h5t.NORM_IMPLIED, h5py.h5t.NORM_MSBSET, h5py.h5t.PAD_ZERO, h5py.h5t.PAD_ONE, h5py.h5t.PAD_BACKGROUND
# %%
f32.set_pad(h5py.h5t.PAD_ONE, h5py.h5t.PAD_ZERO)
f32.set_norm(h5py.h5t.NORM_MSBSET)
f32.set_inpad(h5py.h5t.PAD_ONE)
f32.get_pad(), f32.get_norm(), f32.get_inpad()
# %%
f32.set_ebias(100)
f32.set_fields(31, 23, 8, 0, 23)
f32.get_ebias(), f32.get_fields()
# %%
f32.set_fields(40, 23, 8, 0, 23)
# %%
h5py.h5t.STD_I8LE.copy().get_pad()
# %%
h5py.h5t.IEEE_F64LE.set_ebias(5)
