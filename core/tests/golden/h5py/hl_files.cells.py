# %%
import h5py
import numpy as np
f = h5py.File('files.h5', 'w')
f
# %%
f.filename, f.mode, f.name
# %%
f.driver, f.libver
# %%
f.swmr_mode
# %%
f.file == f, f.parent
# %%
bool(f)
# %%
f.id
# %%
f.close()
f
# %%
bool(f)
# %%
repr(f)
# %%
f = h5py.File('files.h5', 'r')
f.mode
# %%
f.create_group('g')
# %%
f.close()
with h5py.File('files.h5', 'a') as f:
    f.create_group('a')
    print(list(f))
f
# %%
h5py.File('nope.h5', 'r')
# %%
h5py.File('files.h5', 'w-')
# %%
h5py.File('files.h5', 'x')
# %%
h5py.File('files.h5', 'q')
# %%
f = h5py.File('files.h5', 'r+')
f.mode, list(f.keys())
# %%
f.flush()
f.close()
# %%
h5py.is_hdf5('files.h5'), h5py.is_hdf5('nope.h5')
# %%
open('plain.txt', 'w').write('hello')
h5py.is_hdf5('plain.txt')
# %%
h5py.File('plain.txt', 'r')
# %%
f = h5py.File('core.h5', 'w', driver='core', backing_store=False)
f.driver
# %%
f['x'] = np.arange(4)
f['x'][:]
# %%
f.close()
import os
os.path.exists('core.h5')
# %%
f = h5py.File('track.h5', 'w', track_order=True)
for n in ['b', 'a', 'c']:
    f.create_group(n)
list(f)
# %%
f.close()
f = h5py.File('track.h5', 'r')
list(f)
# %%
f.close()
f = h5py.File('lib.h5', 'w', libver='latest')
f.libver
# %%
f.close()
f = h5py.File('lib.h5', 'w', libver=('earliest', 'v110'))
f.libver
# %%
f.close()
h5py.File('lib.h5', 'w', libver='nonsense')
# %%
f = h5py.File('lib.h5', 'a')
f.attrs
# %%
f.close()
f.filename
# %%
f.mode
# %%
f.name
# %%
f['x']
# %%
h5py.File.__name__
# %%
isinstance(h5py.File('lib.h5', 'r'), h5py.Group)
