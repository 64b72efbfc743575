# %%
import h5py
import numpy as np
with h5py.File('tour.h5', 'w') as f:
    f.attrs['created_by'] = 'h5lab'
    f.attrs['version'] = 2
    grp = f.create_group('measurements')
    grp.attrs['units'] = 'K'
    for i in range(3):
        ds = grp.create_dataset(f'run{i}', data=np.linspace(0, 1, 5) * (i + 1))
        ds.attrs['index'] = i
    f['images'] = np.arange(24, dtype='u1').reshape(2, 3, 4)
print('done')
# %%
f = h5py.File('tour.h5', 'r')
dict(f.attrs)
# %%
{k: v for k, v in f['measurements'].attrs.items()}
# %%
f.keys(), f['measurements'].keys()
# %%
for name, obj in f['measurements'].items():
    print(name, obj.shape, obj.dtype, obj.attrs['index'], obj[-1])
# %%
list(f.values())
# %%
def walker(name, obj):
    kind = 'group' if isinstance(obj, h5py.Group) else 'dataset'
    print(f'{name:30s} {kind}')
f.visititems(walker)
# %%
img = f['images']
img.shape, img.dtype, img.size, img.nbytes
# %%
img[0]
# %%
img[1, :, ::2]
# %%
img[:].sum(), img[...].mean(), np.max(img[:])
# %%
img[0, 1].tolist()
# %%
total = 0
for run in f['measurements'].values():
    total += run[:].sum()
total
# %%
sorted(f['measurements'], key=lambda n: -f['measurements'][n][-1])
# %%
[f['measurements'][n].attrs['index'] for n in f['measurements']]
# %%
f['measurements/run2'][1:4]
# %%
print(f['measurements/run1'][:])
# %%
f.filename, f['images'].file.filename
# %%
f.close()
f
