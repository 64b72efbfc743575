# %%
import h5py
import numpy as np
f = h5py.File('p3.h5', 'w')
d = f.create_dataset('d', data=np.arange(6).reshape(2, 3))
np.array(d)
# %%
np.asarray(d, dtype='f4')
# %%
np.sum(d), np.mean(d)
# %%
d.__array__()
# %%
d.__array__(copy=False)
# %%
s = f.create_dataset('s', data=4.5)
np.array(s)
