import h5py
import numpy as np
# %%
t = h5py.h5t.STD_I32LE.copy()
t.set_sign(h5py.h5t.SGN_NONE)
t.get_sign(), t.dtype
# %%
t.set_precision(16)
t.set_offset(8)
t.get_precision(), t.get_offset()
# %%
t.set_offset(30)
# %%
a = h5py.h5s.create_simple((4, 4))
b = h5py.h5s.create_simple((2,))
b.extent_copy(a)
b.shape
# %%
a.select_hyperslab((0, 0), (2, 2))
b.select_copy(a)
b.get_select_npoints(), b.get_select_bounds()
# %%
c = h5py.h5s.create_simple((2, 2))
a.select_shape_same(c), b.select_shape_same(a)
# %%
c.set_extent_none()
c.get_simple_extent_type() == h5py.h5s.NULL, c.get_simple_extent_npoints()
# %%
a.extent_copy(5)
# %%
fa = h5py.h5p.create(h5py.h5p.FILE_ACCESS)
fa.get_meta_block_size(), fa.get_sieve_buf_size()
# %%
fa.set_meta_block_size(4096)
fa.set_sieve_buf_size(2**20)
fa.get_meta_block_size(), fa.get_sieve_buf_size()
# %%
h5py.h5z.get_filter_info(h5py.h5z.FILTER_DEFLATE), h5py.h5z.FILTER_CONFIG_ENCODE_ENABLED, h5py.h5z.FILTER_CONFIG_DECODE_ENABLED
# %%
h5py.h5z.get_filter_info(999)
# %%
g = h5py.h5p.create(h5py.h5p.GROUP_CREATE)
g.get_attr_phase_change()
# %%
g.set_attr_phase_change(4, 2)
g.get_attr_phase_change()
# %%
g.set_attr_phase_change(2, 4)
# %%
s = h5py.h5s.create_simple((10, 10))
s.is_regular_hyperslab()
# %%
s.select_hyperslab((1, 2), (2, 3), (3, 2), (1, 1))
s.is_regular_hyperslab(), s.get_regular_hyperslab()
# %%
s.select_hyperslab((0, 0), (1, 1), op=h5py.h5s.SELECT_OR)
s.is_regular_hyperslab()
