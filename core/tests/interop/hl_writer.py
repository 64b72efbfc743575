import h5py
import numpy as np
f = h5py.File('hl.h5', 'w')
ints = f.create_group('ints')
for code in ['i1', 'u1', '<i2', '>u2', '<i4', '>i8', 'u8']:
    ints[code] = np.arange(5, dtype=code)
fl = f.create_group('floats')
fl['f2'] = np.array([0.5, -1.5], dtype='f2')
fl['f4'] = np.array([0.1, 2.5], dtype='<f4')
fl['f8be'] = np.array([np.pi, -0.0], dtype='>f8')
fl['c8'] = np.array([1 + 2j, -3j], dtype='c8')
fl['c16'] = np.array([0.5 - 1j], dtype='c16')
f['bools'] = np.array([True, False, True])
s = f.create_group('strings')
s['fixed'] = np.array([b'ab', b'xyz'], dtype='S4')
s['vlen_str'] = ['alpha', 'béta', '']
s['vlen_bytes'] = np.array([b'raw', b'by'], dtype=h5py.string_dtype('ascii'))
s['fixed_utf8'] = np.array(['é'.encode('utf-8')], dtype=h5py.string_dtype('utf-8', 4))
s['scalar_str'] = 'one string'
vl = f.create_dataset('vlen_ints', (3,), dtype=h5py.vlen_dtype(np.dtype('i4')))
vl[0] = [1, 2, 3]
vl[1] = []
vl[2] = [7]
color = h5py.enum_dtype({'RED': 0, 'GREEN': 1, 'BLUE': 42}, basetype='i2')
f.create_dataset('enum', data=np.array([0, 42, 1], dtype='i2'), dtype=color)
rec = np.dtype([('id', '<i4'), ('pos', '<f8', (2,)), ('tag', 'S3')])
f['compound'] = np.array([(1, (0.5, 1.5), b'a'), (2, (2.5, 3.5), b'bc')], dtype=rec)
f['named_f8'] = np.dtype('>f8')
f['named_rec'] = np.dtype([('a', 'u1'), ('b', '<f4')])
f.create_dataset('uses_named', data=[1.0, 2.0], dtype=f['named_f8'])
f['scalar'] = 3.25
f.create_dataset('empty', dtype='i4')
f.create_dataset('zero_len', (0, 3), dtype='u2')
f.create_dataset('gz', data=np.arange(100, dtype='i4').reshape(10, 10), chunks=(5, 5), compression='gzip', compression_opts=7, shuffle=True, fletcher32=True)
f.create_dataset('gz_default', data=np.arange(50.0), compression='gzip')
f.create_dataset('lzf', data=np.arange(3000, dtype='i4') % 17, chunks=(700,), compression='lzf', shuffle=True)
f.create_dataset('scaled', data=np.linspace(0, 10, 40), scaleoffset=3)
f.create_dataset('scaled_int', data=np.arange(500, dtype='i8') * 3, scaleoffset=True, compression='gzip')
f.create_dataset('lzf_raw', data=(np.arange(64, dtype='u2') * 7919) % 65521, compression='lzf')
r = f.create_dataset('resizable', (4,), maxshape=(None,), dtype='i8', fillvalue=-1)
r[:2] = [10, 20]
r.resize((6,))
f.create_dataset('fill', (3,), dtype='f4', fillvalue=1.5)
refs = f.create_dataset('refs', (3,), dtype=h5py.ref_dtype)
refs[0] = f['ints'].ref
refs[1] = f['gz'].ref
vrefs = f.create_dataset('vlen_refs', (2,), dtype=h5py.vlen_dtype(h5py.ref_dtype))
vrefs[0] = np.array([f['ints'].ref, f['floats'].ref], dtype=h5py.ref_dtype)
regions = f.create_dataset('regions', (1,), dtype=h5py.regionref_dtype)
regions[0] = f['gz'].regionref[2:4, 5:]
links = f.create_group('links')
links['soft'] = h5py.SoftLink('/floats/f4')
links['dangling'] = h5py.SoftLink('/nowhere')
links['hard'] = f['bools']
with h5py.File('target.h5', 'w') as t:
    t['x'] = np.arange(3)
links['external'] = h5py.ExternalLink('target.h5', '/x')
tracked = f.create_group('tracked', track_order=True)
for n in ['zeta', 'alpha', 'mid']:
    tracked.create_group(n)
    tracked.attrs[n] = len(n)
a = f['ints'].attrs
a['int'] = 7
a['float'] = 2.5
a['str'] = 'text'
a['bytes'] = b'bin'
a['array'] = np.arange(4, dtype='u2')
a['strs'] = ['a', 'bc']
a['bool'] = np.bool_(True)
a['empty'] = h5py.Empty('f8')
a['ref'] = f['gz'].ref
a.create('shaped', data=np.arange(6), shape=(2, 3), dtype='i1')
a.create('committed', data=4.0, dtype=f['named_f8'])
f['gz'].attrs['units'] = 'm/s'
f['gz'].attrs['scale'] = np.float32(0.5)
f.attrs['title'] = 'interop'
sx = f.create_dataset('scale_x', data=np.arange(3) * 0.5)
sx.make_scale('x')
grid = f.create_dataset('grid', data=np.zeros((2, 3)))
grid.dims[1].attach_scale(sx)
grid.dims[0].label = 'row'
f.close()
print('written')
