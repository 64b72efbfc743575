# %%
import h5py
import numpy as np
f = h5py.File('views.h5', 'w', track_order=True)
for n in ['b', 'a', 'c']:
    f[n] = np.arange(3)
f.attrs['z'] = 1
f.attrs['y'] = 2
f.visit(print)
# %%
list(reversed(f))
# %%
k = f.keys()
len(k), 'a' in k, 'q' in k, list(k)
# %%
v = f.values()
len(v), f['a'] in v
# %%
i = f.items()
len(i), ('a', f['a']) in i, list(i)[0]
# %%
for key in f.attrs:
    print(key, f.attrs[key])
# %%
f.attrs.keys(), len(f.attrs.keys()), 'z' in f.attrs.keys()
# %%
print(f.keys())
print(f.attrs.keys())
# %%
str(f.values())
# %%
k == {'a', 'b', 'c'}, k == ['b', 'a', 'c']
# %%
sorted(k), set(k) - {'a'}
# %%
iter(f)
# %%
it = iter(f)
next(it), next(it), next(it)
# %%
next(it)
