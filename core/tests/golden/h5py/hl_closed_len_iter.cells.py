# %%
import h5py
f = h5py.File('a.h5', 'w')
g = f.create_group('g')
f.close()
f
# %%
list(f)
# %%
len(f)
# %%
g
# %%
'g' in f
# %%
f['g']
# %%
bool(f), bool(g)
