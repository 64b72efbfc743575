# %%
import h5py
import numpy as np
import os
os.mkdir('adir')
os.path.isdir('adir')
# %%
h5py.File('adir', 'w')
# %%
f = h5py.File('open.h5', 'w')
h5py.File('open.h5', 'w')
# %%
g = h5py.File('open.h5', 'r')
g.mode
# %%
h5py.File('open.h5', 'a').mode
# %%
f.close()
g.close()
os.chmod('open.h5', 0o444)
h5py.File('open.h5', 'r').mode
# %%
h5py.File('nodir/x.h5', 'w')
# %%
h5py.File('', 'r')
# %%
h5py.File('open.h5', 'r', userblock_size=512)
# %%
h5py.File('ub3.h5', 'w', userblock_size=1000)
# %%
h5py.File('ub4.h5', 'w', userblock_size='x')
