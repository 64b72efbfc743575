# %%
import h5py
import numpy as np
import os
f = h5py.File('core2.h5', 'w', driver='core', backing_store=True)
f['x'] = np.arange(3)
f.close()
os.path.exists('core2.h5'), h5py.File('core2.h5', 'r')['x'][:]
# %%
f = h5py.File('core2.h5', 'r', driver='core')
f.driver, f['x'][1]
# %%
f.close()
f = h5py.File('new_a.h5', 'a')
f.mode, len(f)
# %%
f.close()
f = h5py.File('new_a.h5')
f.mode
# %%
f.close()
f = h5py.File('lock.h5', 'w', locking=False)
f.mode
# %%
f.close()
h5py.File('lock.h5', 'r', locking='maybe')
# %%
f = h5py.File('ub.h5', 'w', userblock_size=512)
f.userblock_size
# %%
f.close()
h5py.File('ub2.h5', 'w', userblock_size=100)
# %%
f = h5py.File('ub.h5', 'r')
f.userblock_size, f.meta_block_size
# %%
f.close()
f1 = h5py.File('two.h5', 'w')
f2 = h5py.File('two.h5', 'r')
# %%
f1.close()
f2 = h5py.File('two.h5', 'r')
f3 = h5py.File('two.h5', 'r')
f2 == f3, f2['/'] == f3['/']
# %%
f2.close()
f3['/']
# %%
f3.close()
with h5py.File('ctx.h5', 'w') as a:
    g = a.create_group('g')
g
# %%
with h5py.File('ctx.h5', 'r') as a:
    raise ValueError('inside')
# %%
a
# %%
h5py.File('ctx.h5', 'r', swmr=True).swmr_mode
# %%
f = h5py.File('ctx.h5', 'w', libver='latest')
f.swmr_mode = True
f.swmr_mode
# %%
f.swmr_mode = False
# %%
f.close()
f = h5py.File('ctx.h5', 'r')
f.swmr_mode = True
# %%
f.close()
f = h5py.File('mbs.h5', 'w', meta_block_size=4096)
f.meta_block_size
# %%
f.close()
h5py.File('mbs2.h5', 'w', meta_block_size=-1)
# %%
f = h5py.File('paged.h5', 'w', fs_strategy='page', fs_persist=True, fs_threshold=10, fs_page_size=8192)
f['x'] = np.arange(10)
f.close()
f = h5py.File('paged.h5', 'r', page_buf_size=16384, min_meta_keep=10, min_raw_keep=20)
f['x'][-1]
# %%
f.close()
h5py.File('bad_fs.h5', 'w', fs_strategy='nope')
# %%
f = h5py.File('agg.h5', 'w', fs_strategy='aggregate')
f.close()
h5py.File('agg.h5', 'r', page_buf_size=16384)
