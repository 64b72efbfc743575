import h5py
import numpy as np
# %%
h5py.string_dtype is h5py.h5t.string_dtype, h5py.check_dtype is h5py.h5t.check_dtype, h5py.vlen_dtype is h5py.h5t.vlen_dtype
# %%
h5py.h5t.string_dtype()
# %%
h5py.h5t.string_dtype('ascii', 10)
# %%
h5py.h5t.check_string_dtype(h5py.h5t.string_dtype())
# %%
h5py.h5t.check_string_dtype(np.dtype('i4'))
# %%
h5py.h5t.vlen_dtype(np.int32)
# %%
e = h5py.h5t.enum_dtype({'RED': 0, 'GREEN': 1}, basetype='i1')
e, h5py.h5t.check_enum_dtype(e)
# %%
h5py.h5t.check_dtype(vlen=h5py.h5t.string_dtype())
# %%
h5py.h5t.ref_dtype, h5py.h5t.regionref_dtype
# %%
h5py.h5t.check_ref_dtype(h5py.h5t.ref_dtype)
# %%
h5py.h5.get_config is h5py.get_config, h5py.h5.get_config().track_order
# %%
t = h5py.h5t.py_create(h5py.h5t.string_dtype(), logical=True)
type(t).__name__, t.is_variable_str(), t.get_cset() == h5py.h5t.CSET_UTF8
# %%
t = h5py.h5t.py_create(h5py.h5t.enum_dtype({'A': 1, 'B': 2}, basetype='u1'), logical=True)
type(t).__name__, t.get_nmembers(), t.get_member_name(0), t.get_member_value(1)
# %%
t = h5py.h5t.py_create(h5py.h5t.vlen_dtype(np.float32), logical=True)
type(t).__name__, t.get_super().get_size()
# %%
t = h5py.h5t.py_create(h5py.h5t.ref_dtype)
type(t).__name__, t.get_size()
# %%
[(type(t).__name__, t.get_size()) for t in (h5py.h5t.py_create(d) for d in (h5py.string_dtype(), h5py.enum_dtype({'A': 1}, basetype='u1'), np.dtype('O'), h5py.vlen_dtype('i4'), np.dtype(bool)))]
# %%
h5py.h5t.py_create(np.dtype('O')).get_tag()
# %%
h5py.h5t.py_create(np.dtype('bool')).get_class() == h5py.h5t.ENUM, h5py.h5t.py_create(np.dtype('c8')).get_class() == h5py.h5t.COMPOUND
