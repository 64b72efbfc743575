import h5py
import numpy as np
# %%
f = h5py.File('m.h5', 'w')
f['d'] = np.arange(4)
dsid = f['d'].id
h5py.h5d.open(f.id, b'd', 5)
# %%
h5py.h5d.open(f.id, b'd', dapl=h5py.h5p.create(h5py.h5p.DATASET_CREATE))
# %%
h5py.h5d.open(f.id, b'd', dapl=h5py.h5p.create(h5py.h5p.DATASET_ACCESS))
# %%
h5py.h5g.open(f.id, b'd')
# %%
h5py.h5d.open(f.id, b'/')
# %%
h5py.h5d.open(f.id, b'd', None, None)
# %%
h5py.h5d.open(loc=f.id, name=b'd', bogus=1)
# %%
h5py.h5d.open(f.id, name=b'd', loc=f.id)
# %%
h5py.h5f.create(b'm.h5', h5py.h5f.ACC_TRUNC, fcpl=h5py.h5p.create(h5py.h5p.FILE_ACCESS))
# %%
h5py.h5f.open(b'm.h5', 2**40)
# %%
h5py.h5f.open(b'm.h5', -1)
# %%
h5py.h5s.create_simple((2**70,))
# %%
h5py.h5s.create_simple((-3,))
# %%
h5py.h5s.create_simple((1.5,)).shape
# %%
h5py.h5g.create(f.id, b'')
# %%
h5py.h5g.create(f.id, b'a\x00b')
# %%
h5py.h5g.create(f.id, b'd')
# %%
dsid.get_chunk_info(0)
# %%
dsid.get_num_chunks()
# %%
dsid.read_direct_chunk((0,))
# %%
dsid.links
# %%
f.id.get_storage_size()
# %%
h5py.h5d.DatasetID.get_storage_size(f.id)
# %%
h5py.h5d.DatasetID.get_storage_size()
# %%
h5py.h5f.FileID.get_intent(f.id) == h5py.h5f.ACC_RDWR
# %%
h5py.h5t.STD_I32LE.get_sign()
# %%
h5py.h5t.IEEE_F32LE.get_sign()
# %%
h5py.h5t.py_create(5)
# %%
h5py.h5t.py_create('nonsense')
# %%
h5py.h5a.exists(f.id, b'x', obj_name=b'nowhere')
# %%
h5py.h5s.create_simple((3,)).select_hyperslab((5,), (1,))
# %%
sp = h5py.h5s.create_simple((3,))
sp.select_hyperslab((2,), (2,))
sp.select_valid(), sp.get_select_npoints()
# %%
arr = np.zeros(2, dtype='i8')
dsid.read(sp, h5py.h5s.ALL, arr)
# %%
ro = h5py.File('m.h5', 'r')
f.close()
ro.id.get_intent() == h5py.h5f.ACC_RDONLY
# %%
h5py.h5g.create(ro.id, b'new')
# %%
h5py.h5a.create(ro.id, b'a', h5py.h5t.STD_I8LE, h5py.h5s.create(h5py.h5s.SCALAR))
# %%
ro['d'].id.write(h5py.h5s.ALL, h5py.h5s.ALL, np.zeros(4, dtype='i8'))
# %%
ro.id.links.create_soft(b's', b'/d')
# %%
ro.close()
dsid.get_storage_size()
# %%
dsid.shape
# %%
dsid.valid, dsid.id
# %%
h5py.h5g.open(ro.id, b'd')
# %%
h5py.h5f.get_name(ro.id)
# %%
h5py.h5d.DatasetID
# %%
h5py.h5d.open
# %%
repr(h5py.h5d.open)
# %%
h5py.h5d.open.__name__, h5py.h5d.open.__qualname__, h5py.h5d.open.__module__
# %%
h5py.h5d.DatasetID.get_storage_size.__qualname__
# %%
h5py.h5d.DatasetID.shape
# %%
h5py.h5d.DatasetID.__mro__, h5py.h5f.FileID.__mro__, h5py.h5t.TypeFloatID.__mro__
# %%
isinstance(h5py.h5t.STD_I32LE, h5py.h5t.TypeID), issubclass(h5py.h5f.FileID, h5py.h5g.GroupID)
# %%
h5py.h5d.open.__doc__.splitlines()[0]
# %%
print(h5py.h5d.DatasetID.get_storage_size.__doc__)
