# %%
import h5py
import numpy as np
f = h5py.File('attrs.h5', 'w')
a = f.attrs
a['int'] = 5
a['flt'] = 2.5
a['str'] = 'hello'
a['bytes'] = b'raw'
a['arr'] = np.arange(4)
a['lst'] = [1.0, 2.0]
a['strs'] = ['x', 'yz']
a['b'] = True
# %%
a['int'], type(a['int'])
# %%
a['flt'], type(a['flt'])
# %%
a['str'], type(a['str'])
# %%
a['bytes'], type(a['bytes'])
# %%
a['arr']
# %%
a['lst']
# %%
a['strs']
# %%
a['b']
# %%
len(a), sorted(a)
# %%
a.keys()
# %%
list(a.values())[:2]
# %%
sorted(a.items())[:3]
# %%
'int' in a, 'missing' in a
# %%
a['missing']
# %%
a.get('missing'), a.get('missing', -1), a.get('int')
# %%
del a['int']
'int' in a
# %%
del a['int']
# %%
a['flt'] = 'overwritten'
a['flt']
# %%
a.create('c', data=np.arange(6), shape=(2, 3))
a['c']
# %%
a.create('c2', data=[1, 2], dtype='u1')
a['c2'], a['c2'].dtype
# %%
a.create('c3', shape=(2,), dtype='f4')
a['c3']
# %%
a.create('c4', data=np.arange(6), shape=(4,))
# %%
a.modify('c2', [9, 8])
a['c2']
# %%
a.modify('new', 3)
a['new']
# %%
a.get_id('c2')
# %%
a.get_id('zzz')
# %%
a.create('e', data=h5py.Empty('f8'))
a['e']
# %%
a['scalar_arr'] = np.array(3.0)
a['scalar_arr'], type(a['scalar_arr'])
# %%
a['i8'] = np.int8(-3)
a['i8'], a['i8'].dtype
# %%
a['u8'] = np.uint64(2**63)
a['u8']
# %%
a['cplx'] = 1 + 2j
a['cplx']
# %%
a['vs'] = np.array(['a', 'b'], dtype=h5py.string_dtype())
a['vs']
# %%
a['2d'] = np.ones((2, 2), dtype='i2')
a['2d']
# %%
g = f.create_group('g')
g.attrs['x'] = 1
g.attrs
# %%
d = f.create_dataset('d', data=[1, 2])
d.attrs['units'] = 'm'
d.attrs['units'], list(d.attrs)
# %%
d.attrs.update({'p': 1, 'q': 2})
sorted(d.attrs)
# %%
d.attrs.pop('p'), sorted(d.attrs)
# %%
d.attrs.setdefault('r', 5), d.attrs['r']
# %%
d.attrs.clear()
len(d.attrs)
# %%
t = h5py.File('attrs_track.h5', 'w', track_order=True)
for n in ['z', 'a', 'm']:
    t.attrs[n] = 0
list(t.attrs)
# %%
t.close()
a[1]
# %%
a[b'str']
# %%
a['none'] = None
# %%
a['obj'] = object()
# %%
f.close()
a
# %%
a['str']
# %%
f = h5py.File('attrs.h5', 'r')
f.attrs['new'] = 1
# %%
del f.attrs['str']
