import h5py
import numpy as np
# %%
sid = h5py.h5s.create_simple((10, 20))
sid
# %%
type(sid).__mro__
# %%
sid.shape, sid.get_simple_extent_dims(), sid.get_simple_extent_ndims(), sid.get_simple_extent_npoints()
# %%
sid.get_simple_extent_type() == h5py.h5s.SIMPLE, h5py.h5s.SCALAR, h5py.h5s.SIMPLE, h5py.h5s.NULL
# %%
sid.get_simple_extent_dims(True)
# %%
h5py.h5s.UNLIMITED
# %%
sid2 = h5py.h5s.create_simple((5,), (h5py.h5s.UNLIMITED,))
sid2.get_simple_extent_dims(maxdims=True)
# %%
sid2.get_simple_extent_dims(maxdims=True)[0] == h5py.h5s.UNLIMITED
# %%
h5py.h5s.create_simple((5,), (10,)).get_simple_extent_dims(True)
# %%
h5py.h5s.create_simple(5)
# %%
h5py.h5s.create_simple([5, 6])
# %%
h5py.h5s.create_simple((5, 'a'))
# %%
h5py.h5s.create_simple((5,), (1, 2))
# %%
h5py.h5s.create_simple((5,), (2,))
# %%
h5py.h5s.create_simple((-1,))
# %%
h5py.h5s.create_simple(())
# %%
scalar = h5py.h5s.create(h5py.h5s.SCALAR)
scalar.get_simple_extent_type() == h5py.h5s.SCALAR, scalar.shape, scalar.get_simple_extent_npoints()
# %%
null = h5py.h5s.create(h5py.h5s.NULL)
null.get_simple_extent_type() == h5py.h5s.NULL, null.get_simple_extent_npoints()
# %%
h5py.h5s.create(7)
# %%
sid.get_select_type() == h5py.h5s.SEL_ALL, sid.get_select_npoints()
# %%
h5py.h5s.SEL_NONE, h5py.h5s.SEL_POINTS, h5py.h5s.SEL_HYPERSLABS, h5py.h5s.SEL_ALL
# %%
sid.select_none()
sid.get_select_type() == h5py.h5s.SEL_NONE, sid.get_select_npoints()
# %%
sid.get_select_bounds()
# %%
sid.select_all()
sid.get_select_bounds()
# %%
sid.select_hyperslab((1, 2), (3, 4))
sid.get_select_type() == h5py.h5s.SEL_HYPERSLABS, sid.get_select_npoints(), sid.get_select_bounds()
# %%
sid.select_hyperslab((0, 0), (2, 2), stride=(5, 10))
sid.get_select_npoints(), sid.get_select_bounds(), sid.get_select_hyper_nblocks()
# %%
sid.select_hyperslab((0, 0), (1, 1), block=(2, 3), op=h5py.h5s.SELECT_OR)
sid.get_select_npoints(), sid.get_select_bounds()
# %%
h5py.h5s.SELECT_SET, h5py.h5s.SELECT_OR, h5py.h5s.SELECT_AND, h5py.h5s.SELECT_XOR, h5py.h5s.SELECT_NOTB, h5py.h5s.SELECT_NOTA
# %%
sid.select_hyperslab((0,), (1,))
# %%
sid.select_hyperslab((0, 0), (1, 1), (0, 1))
# %%
sid.select_hyperslab((9, 19), (2, 2))
sid.select_valid()
# %%
sid.select_hyperslab([0, 0], (1, 1))
# %%
sid.select_hyperslab((0, 'x'), (1, 1))
# %%
c = sid.copy()
c.get_select_npoints() == sid.get_select_npoints(), c == sid
# %%
sid.set_extent_simple((4, 4))
sid.shape, sid.get_select_type() == h5py.h5s.SEL_ALL
# %%
sid.set_extent_simple((4, 4), (8, None))
sid.get_simple_extent_dims(True)
# %%
h5py.h5s.ALL
# %%
type(h5py.h5s.ALL), h5py.h5s.ALL.id, h5py.h5s.ALL.valid
# %%
sid.close()
sid.valid
# %%
sid.get_simple_extent_dims()
# %%
h5py.h5s.SpaceID.select_hyperslab
# %%
h5py.h5s.create_simple((3,)).select_all(1)
