# %%
import h5py
import numpy as np
f = h5py.File('attrs2.h5', 'w')
d = f.create_dataset('d', data=[1, 2, 3], track_order=True)
for k in ['z', 'b', 'a']:
    d.attrs[k] = k
list(d.attrs), d.attrs.keys()
# %%
d.attrs.items()
# %%
d.attrs.values()
# %%
f.attrs['fixed'] = np.array([b'a', b'bcd'])
f.attrs['fixed'], f.attrs['fixed'].dtype
# %%
f.attrs['ustr'] = np.array(['ab', 'c'])
f.attrs['ustr']
# %%
f.attrs['u1'] = np.str_('hi')
f.attrs['u1'], type(f.attrs['u1'])
# %%
f.attrs['nested'] = [[1, 2], [3, 4]]
f.attrs['nested']
# %%
f.attrs['ragged'] = [[1, 2], [3]]
# %%
f.attrs['mixed'] = [1, 'a']
# %%
f.attrs['tuple'] = (1.5, 2.5)
f.attrs['tuple']
# %%
f.attrs['emptylist'] = []
f.attrs['emptylist'], f.attrs['emptylist'].dtype
# %%
f.attrs['rec'] = np.array((1, 2.0), dtype=[('a', 'i4'), ('b', 'f4')])
f.attrs['rec'], type(f.attrs['rec'])
# %%
f.attrs['vl'] = np.array([np.array([1, 2]), np.array([3])], dtype=h5py.vlen_dtype(np.dtype('i8')))
f.attrs['vl']
# %%
f.attrs['en'] = np.array([1, 2], dtype=h5py.enum_dtype({'A': 1, 'B': 2}, basetype='i1'))
f.attrs['en'], h5py.check_enum_dtype(f.attrs.get_id('en').dtype)
# %%
f.attrs['big_int'] = 2**40
f.attrs['big_int'], f.attrs['big_int'].dtype
# %%
f.attrs['too_big'] = 2**70
# %%
f.attrs['neg'] = -2**63
f.attrs['neg']
# %%
f.attrs['f16'] = np.float16(1.5)
f.attrs['f16']
# %%
f.attrs['c'] = np.complex64(1 - 1j)
f.attrs['c']
# %%
f.attrs['b0'] = np.bool_(False)
f.attrs['b0'], type(f.attrs['b0'])
# %%
f.attrs['s0'] = ''
f.attrs['s0']
# %%
f.attrs['b_empty'] = b''
f.attrs['b_empty']
# %%
f.attrs['uni'] = 'ünïcødé ✓'
f.attrs['uni']
# %%
f.attrs['ünï'] = 1
list(f.attrs)[-1]
# %%
f.attrs.modify('uni', 5)
f.attrs['uni']
# %%
f.attrs.modify('c', 2 + 3j)
f.attrs['c']
# %%
len(f.attrs), 'ünï' in f.attrs
