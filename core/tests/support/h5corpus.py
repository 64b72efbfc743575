# Writes the h5dump/h5ls parity corpus into the current directory with h5py: one file
# per feature (types of every class, spaces, layouts, filters, links, references,
# netCDF-4-style dimension scales, ...). Run by core/tests/h5dump_parity.rs and
# core/tests/h5ls_parity.rs with the pinned test environment's Python.
import h5py
import numpy as np

h5t, h5s, h5d, h5p = h5py.h5t, h5py.h5s, h5py.h5d, h5py.h5p


def vl(*arrays, dtype='i4'):
    """An object array of sequences (numpy would stack equal-length ones)."""
    out = np.empty(len(arrays), dtype=object)
    for i, a in enumerate(arrays):
        out[i] = np.asarray(a, dtype=dtype)
    return out


def lowlevel(f, name, tid, data, shape=None):
    """A dataset of an explicit HDF5 type (types h5py's high level cannot make)."""
    arr = np.asarray(data)
    space = h5s.create_simple(shape or arr.shape)
    dset = h5d.create(f.id, name.encode(), tid, space)
    dset.write(h5s.ALL, h5s.ALL, arr, mtype=tid)


# The tutorial's files.
with h5py.File('dataset.h5', 'w') as f:
    f['/data'] = np.arange(100, dtype=np.int8)
with h5py.File('link.h5', 'w') as f:
    g = f.create_group('links')
    g.id.links.create_external(b'data', b'dataset.h5', b'/data')
with h5py.File('link_dangling.h5', 'w') as f:
    g = f.create_group('links')
    g.id.links.create_external(b'data', b'missing.h5', b'/data')

with h5py.File('ints.h5', 'w') as f:
    for t in ['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', '>i1', '>i2', '>i4', '>i8', '>u2', '>u4', '>u8']:
        info = np.iinfo(t)
        vals = np.array([info.min, -1 if info.min < 0 else 0, 0, 1, 7, info.max], dtype=t)
        f[t.replace('>', 'be')] = vals
    f['bool'] = np.array([True, False, True])
    f['matrix'] = np.arange(-50, 50, dtype='i4').reshape(10, 10)
    f['cube'] = np.arange(60, dtype='i2').reshape(3, 4, 5)
    f['wide'] = (np.arange(200, dtype='i8') * 1234567).reshape(2, 100)

with h5py.File('floats.h5', 'w') as f:
    f['f4'] = np.array([0.1, 1.5, -2.25, 3.4028235e38, 1e-45, 0.0], dtype='f4')
    f['f8'] = np.array([0.1, 1e20, -1e-5, 1 / 3, 123456789.0, 0.0, -0.0, 2.5e-310, 1e300, 100000.0, 999999.5])
    f['special'] = np.array([np.nan, np.inf, -np.inf, -np.nan])
    f['bef4'] = np.linspace(0, 1, 7).astype('>f4')
    f['bef8'] = np.linspace(-3, 3, 9).astype('>f8')
    f['grid'] = np.linspace(0, 100, 48).reshape(6, 8)
    f.attrs['pi'] = np.pi
    f.attrs['e32'] = np.float32(np.e)

with h5py.File('float16.h5', 'w') as f:
    f['f2'] = np.array([0, 0.5, -1.25, 65504, 6e-8, np.inf], dtype='f2')
    f['bef2'] = np.array([1, 2, 3], dtype='>f2')

with h5py.File('longdouble.h5', 'w') as f:
    f['f16'] = np.array([1.5, -2.0, 1e100], dtype=np.longdouble)

with h5py.File('strings_fixed.h5', 'w') as f:
    f['s1'] = np.array([b'a', b'b', b''], dtype='S1')
    f['s10'] = np.array([b'hello', b'world!!', b'x' * 10], dtype='S10')
    f['escapes'] = np.array([b'q"uote', b'back\\slash', b'tab\tnl\n', b'\x01\x7f\xff'], dtype='S12')
    f['scalar'] = np.bytes_(b'scalar string')
    f['long'] = np.array([b'abcdefghij' * 12] * 3, dtype='S120')
    f['s2d'] = np.array([[b'ab', b'cd'], [b'ef', b'gh']], dtype='S2')
    f.attrs['fixed_attr'] = np.bytes_(b'attr')

with h5py.File('strings_vlen.h5', 'w') as f:
    f['utf8'] = np.array(['hello', 'wörld', '', '日本'], dtype=h5py.string_dtype())
    f['ascii'] = np.array([b'x', b'yy', b'zzz'], dtype=h5py.string_dtype('ascii'))
    f['scalar'] = 'text'
    f['quote'] = np.array(['say "hi"', 'a\\b', 'line1\nline2'], dtype=h5py.string_dtype())
    f.attrs['title'] = 'my file'
    f.attrs['names'] = ['alpha', 'beta', 'gamma']
    f.attrs['utf8_name_é'] = 'value'

with h5py.File('strings_pad.h5', 'w') as f:
    for pad, name in [(h5t.STR_NULLTERM, 'nullterm'), (h5t.STR_NULLPAD, 'nullpad'), (h5t.STR_SPACEPAD, 'spacepad')]:
        tid = h5t.C_S1.copy()
        tid.set_size(6)
        tid.set_strpad(pad)
        lowlevel(f, name, tid, np.array([b'ab', b'abcdef', b'a c'], dtype='S6'))
    tid = h5t.FORTRAN_S1.copy()
    tid.set_size(4)
    lowlevel(f, 'fortran', tid, np.array([b'abcd', b'xy'], dtype='S4'))

with h5py.File('compound.h5', 'w') as f:
    f['simple'] = np.array([(1, 2.5, b'ab'), (3, 4.5, b'cd')], dtype=[('a', 'i4'), ('b', 'f8'), ('s', 'S2')])
    inner = np.dtype([('x', 'i2'), ('y', 'f4')])
    outer = np.dtype([('id', 'u1'), ('pos', inner), ('vals', 'i4', (3,)), ('name', h5py.string_dtype())])
    data = np.zeros(3, dtype=outer)
    data['id'] = [1, 2, 3]
    data['pos']['x'] = [10, 20, 30]
    data['pos']['y'] = [0.5, 1.5, 2.5]
    data['vals'] = np.arange(9).reshape(3, 3)
    data['name'] = ['one', 'two', 'three']
    f['nested'] = data
    f['c8'] = np.array([1 + 2j, 3.5 - 1j], dtype='c8')
    f['c16'] = np.array([[1 + 2j, 3.5 - 1j], [0j, -1j]], dtype='c16')
    f.attrs['cattr'] = np.array([(7, 8.0)], dtype=[('p', 'i8'), ('q', 'f4')])
    f['scalar'] = np.array((5, 6.25), dtype=[('a', 'i4'), ('b', 'f8')])

with h5py.File('enum.h5', 'w') as f:
    f['rgb'] = np.array([0, 1, 2, 1, 5], dtype=h5py.enum_dtype({'RED': 0, 'GREEN': 1, 'BLUE': 2}, basetype='u1'))
    f['signed'] = np.array([-1, 0, 1], dtype=h5py.enum_dtype({'NEG': -1, 'ZERO': 0, 'POS': 1}, basetype='i4'))
    f['big'] = np.array([0, 1000], dtype=h5py.enum_dtype({'LOW': 0, 'HIGH': 1000, 'VERY_LONG_ENUM_NAME': 7}, basetype='u2'))
    f.attrs['flag'] = np.array(1, dtype=h5py.enum_dtype({'OFF': 0, 'ON': 1}, basetype='i1'))

with h5py.File('array.h5', 'w') as f:
    a = np.zeros(4, dtype=('i4', (3,)))
    a[:] = np.arange(12).reshape(4, 3)
    lowlevel(f, 'arr1d', h5t.array_create(h5t.STD_I32LE, (3,)), a, shape=(4,))
    b = np.arange(24, dtype='f8').reshape(2, 3, 4) / 4
    lowlevel(f, 'arr2d', h5t.array_create(h5t.IEEE_F64LE, (3, 4)), b, shape=(2,))
    c = np.arange(36, dtype='u1').reshape(3, 2, 6)
    lowlevel(f, 'arr_in_2d', h5t.array_create(h5t.STD_U8LE, (6,)), c, shape=(3, 2))
    f.attrs.create('arr_attr', np.arange(6, dtype='i2').reshape(2, 3), dtype=np.dtype(('i2', (3,))))

with h5py.File('vlen.h5', 'w') as f:
    f.create_dataset('ints', data=vl(np.arange(3), np.arange(1), [], np.arange(10)), dtype=h5py.vlen_dtype('i4'))
    f.create_dataset('floats', data=vl(np.linspace(0, 1, 3), [2.5], dtype='f8'), dtype=h5py.vlen_dtype('f8'))
    f.create_dataset('u8', data=vl(np.arange(40), np.arange(40), dtype='u1'), dtype=h5py.vlen_dtype('u1'))
    f.attrs.create('vattr', vl(np.arange(2), np.arange(3), dtype='i2'), dtype=h5py.vlen_dtype('i2'))

with h5py.File('opaque.h5', 'w') as f:
    f['v2'] = np.array([b'\x01\x02', b'\x03\x04'], dtype='V2')
    f['v1'] = np.array([b'\xff', b'\x00'], dtype='V1')
    tid = h5t.create(h5t.OPAQUE, 4)
    tid.set_tag(b'my tag')
    lowlevel(f, 'tagged', tid, np.array([b'abcd', b'wxyz'], dtype='V4'))
    for name, t in [('b8', h5t.STD_B8LE), ('b16', h5t.STD_B16LE), ('b32be', h5t.STD_B32BE), ('b64', h5t.STD_B64LE)]:
        size = t.get_size()
        lowlevel(f, name, t, np.arange(3 * size, dtype='u1').view('V%d' % size))

with h5py.File('refs.h5', 'w') as f:
    g = f.create_group('g')
    d = f.create_dataset('d', data=np.arange(6).reshape(2, 3))
    f['t'] = np.dtype('i2')
    t = f['t']
    f['objrefs'] = np.array([g.ref, d.ref, t.ref, h5py.Reference()], dtype=h5py.ref_dtype)
    f.attrs['aref'] = d.ref
    f.attrs.create('arefs', np.array([g.ref, d.ref], dtype=h5py.ref_dtype))
    comp = np.array([(1, d.ref)], dtype=[('n', 'i4'), ('r', h5py.ref_dtype)])
    f['refcomp'] = comp

with h5py.File('regionrefs.h5', 'w') as f:
    d = f.create_dataset('d', data=np.arange(20).reshape(4, 5))
    f['regions'] = np.array([d.regionref[0:2, 1:3], d.regionref[3, :]], dtype=h5py.regionref_dtype)

with h5py.File('dimscales.h5', 'w') as f:
    f['x'] = np.linspace(0, 1, 5)
    f['y'] = np.arange(3)
    f['x'].make_scale('x')
    f['y'].make_scale('y')
    f['temp'] = np.arange(15, dtype='f4').reshape(3, 5)
    f['temp'].dims[0].attach_scale(f['y'])
    f['temp'].dims[1].attach_scale(f['x'])
    f['temp'].dims[0].label = 'lat'
    f['temp'].dims[1].label = 'lon'
    f['pressure'] = np.ones((3, 5), dtype='i2')
    f['pressure'].dims[0].attach_scale(f['y'])
    f['pressure'].dims[1].attach_scale(f['x'])

# netCDF-4 style: dimension scales with _Netcdf4Dimid, pure dimensions, global attributes.
with h5py.File('netcdf4.h5', 'w', track_order=True) as f:
    f.attrs['_NCProperties'] = np.bytes_(b'version=2,netcdf=4.9.2,hdf5=1.14.3')
    f.attrs['Conventions'] = np.bytes_(b'CF-1.8')
    f.attrs['history'] = 'created by h5lab tests'
    time = f.create_dataset('time', data=np.arange(4, dtype='f8'), maxshape=(None,), chunks=(512,))
    time.make_scale('time')
    time.attrs['_Netcdf4Dimid'] = np.int32(0)
    time.attrs['units'] = np.bytes_(b'days since 2000-01-01')
    lat = f.create_dataset('lat', data=np.linspace(-45, 45, 3).astype('f4'))
    lat.make_scale('lat')
    lat.attrs['_Netcdf4Dimid'] = np.int32(1)
    nv = f.create_dataset('nv', shape=(2,), dtype='f4')
    nv.make_scale('This is a netCDF dimension but not a netCDF variable.         2')
    nv.attrs['_Netcdf4Dimid'] = np.int32(2)
    tas = f.create_dataset('tas', data=np.arange(12, dtype='f4').reshape(4, 3), fillvalue=np.float32(9.96921e36),
                           compression='gzip', compression_opts=4, shuffle=True, chunks=(2, 3))
    tas.dims[0].attach_scale(time)
    tas.dims[1].attach_scale(lat)
    tas.attrs['_FillValue'] = np.float32(9.96921e36)
    tas.attrs['long_name'] = np.bytes_(b'air temperature')
    bnds = f.create_dataset('lat_bnds', data=np.zeros((3, 2), dtype='f4'))
    bnds.dims[0].attach_scale(lat)
    bnds.dims[1].attach_scale(nv)

with h5py.File('groups.h5', 'w') as f:
    for i in range(3):
        for j in range(3):
            f.create_group(f'g{i}/sub{j}')
            f[f'g{i}/sub{j}/v'] = np.arange(i + j + 1)
    f['g0'].attrs['level'] = 0
    f['deep/a/b/c/d/e'] = 1.5

with h5py.File('hardlinks.h5', 'w') as f:
    f['a/data'] = np.arange(4)
    f['b/again'] = f['a/data']
    f['z_alias'] = f['a/data']
    f['c'] = f['a']
    f['a/self'] = f['a']

with h5py.File('softlinks.h5', 'w') as f:
    f['target'] = np.arange(3)
    f['soft'] = h5py.SoftLink('/target')
    f['dangling'] = h5py.SoftLink('/nowhere')
    f['g/rel'] = h5py.SoftLink('../target')
    f['ext'] = h5py.ExternalLink('dataset.h5', '/data')
    f['ext_missing'] = h5py.ExternalLink('missing.h5', '/x')
    f['ext_group'] = h5py.ExternalLink('groups.h5', '/g1')

with h5py.File('named_types.h5', 'w') as f:
    f['int_t'] = np.dtype('<i4')
    f['comp_t'] = np.dtype([('a', 'i2'), ('b', 'f4')])
    f['enum_t'] = h5py.enum_dtype({'A': 0, 'B': 1}, basetype='i1')
    f['str_t'] = h5py.string_dtype()
    f.create_dataset('uses_int', data=np.arange(3, dtype='i4'), dtype=f['int_t'])
    f.create_dataset('uses_comp', data=np.array([(1, 2.0)], dtype=f['comp_t'].dtype), dtype=f['comp_t'])
    f['int_t'].attrs['note'] = 'committed'
    f['alias_t'] = f['int_t']
    f.attrs.create('typed_attr', np.arange(2, dtype='i4'), dtype=f['int_t'])

with h5py.File('filters.h5', 'w') as f:
    data = np.arange(1000, dtype='i4').reshape(10, 100)
    f.create_dataset('gzip', data=data, compression='gzip', compression_opts=6)
    f.create_dataset('shuffle_gzip', data=data, compression='gzip', shuffle=True)
    f.create_dataset('fletcher', data=data, fletcher32=True, chunks=(5, 50))
    f.create_dataset('scaleoffset', data=data, scaleoffset=0)
    f.create_dataset('all', data=data.astype('f8'), compression='gzip', shuffle=True, fletcher32=True)
    f.create_dataset('chunked', data=data, chunks=(3, 7), maxshape=(None, None))

with h5py.File('fill.h5', 'w') as f:
    f.create_dataset('unwritten', shape=(5,), dtype='i4')
    f.create_dataset('fill7', shape=(2, 3), dtype='i2', fillvalue=7)
    f.create_dataset('fillf', shape=(4,), dtype='f8', fillvalue=-1.5, chunks=(2,))
    f.create_dataset('fillcomp', shape=(2,), dtype=[('a', 'i4'), ('b', 'f4')], fillvalue=np.array((1, 2.5), dtype=[('a', 'i4'), ('b', 'f4')]))
    dcpl = h5p.create(h5p.DATASET_CREATE)
    dcpl.set_alloc_time(h5d.ALLOC_TIME_EARLY)
    dcpl.set_fill_time(h5d.FILL_TIME_ALLOC)
    h5d.create(f.id, b'early', h5t.STD_I32LE, h5s.create_simple((4,)), dcpl=dcpl)
    dcpl = h5p.create(h5p.DATASET_CREATE)
    dcpl.set_fill_time(h5d.FILL_TIME_NEVER)
    never = h5d.create(f.id, b'never', h5t.STD_I32LE, h5s.create_simple((4,)), dcpl=dcpl)
    never.write(h5s.ALL, h5s.ALL, np.arange(4, dtype='i4'))

with h5py.File('compact.h5', 'w') as f:
    dcpl = h5p.create(h5p.DATASET_CREATE)
    dcpl.set_layout(h5d.COMPACT)
    dset = h5d.create(f.id, b'compact', h5t.STD_I16LE, h5s.create_simple((6,)), dcpl=dcpl)
    dset.write(h5s.ALL, h5s.ALL, np.arange(6, dtype='i2'))

with h5py.File('external.h5', 'w') as f:
    f.create_dataset('ext', shape=(4,), dtype='i4', external=[('external.raw', 0, 16)])
    f['ext'][:] = np.arange(4)

with h5py.File('empty.h5', 'w') as f:
    pass

with h5py.File('nullspace.h5', 'w') as f:
    f['empty'] = h5py.Empty('f4')
    f.attrs['empty_attr'] = h5py.Empty('i4')
    f['zero'] = np.zeros((0,), dtype='i4')
    f['zero2d'] = np.zeros((3, 0), dtype='f8')
    f.create_dataset('zero_unlim', shape=(0, 4), maxshape=(None, 4), dtype='i2')

with h5py.File('scalars.h5', 'w') as f:
    f['i'] = np.int16(-5)
    f['u'] = np.uint64(2 ** 64 - 1)
    f['f'] = np.float32(0.1)
    f['d'] = 2.0 ** 0.5
    f['s'] = 'unicode scalar'
    f['b'] = np.bytes_(b'bytes scalar')
    f['bool'] = np.bool_(True)

with h5py.File('attrs.h5', 'w') as f:
    g = f.create_group('g')
    for i in range(12):
        g.attrs[f'a{i:02d}'] = np.arange(i + 1)
    d = f.create_dataset('d', data=[1, 2, 3])
    d.attrs['matrix'] = np.arange(12.0).reshape(3, 4)
    d.attrs['str'] = 'hello'
    d.attrs['bytes'] = np.bytes_(b'raw')
    d.attrs['slash\\name'] = 1
    f.attrs['root_attr'] = np.arange(100)

with h5py.File('order.h5', 'w', track_order=True) as f:
    for name in ['zeta', 'alpha', 'mid']:
        f[name] = np.arange(2)
    g = f.create_group('tracked', track_order=True)
    g.attrs['z'] = 1
    g.attrs['a'] = 2

with h5py.File('utf8_names.h5', 'w') as f:
    f['grüße/daten'] = np.arange(3)
    f['日本語'] = 1
    f.attrs['ñ'] = 'ü'

with h5py.File('wrap.h5', 'w') as f:
    f['neg'] = -np.arange(1, 200, dtype='i8') * 987654321
    f['mixed'] = np.array([1e-300, -1.5e10, 3.0, 123456.789, -0.000123] * 20)
    f['names'] = np.array(['a' * n for n in range(1, 40)], dtype=h5py.string_dtype())
    f['tall'] = np.arange(60, dtype='u2').reshape(20, 3)
    f['row'] = np.arange(500, dtype='i2').reshape(1, 500)

with h5py.File('unlimited.h5', 'w') as f:
    f.create_dataset('grow', data=np.arange(10), maxshape=(None,), chunks=(4,))
    f.create_dataset('grow2', data=np.ones((2, 3)), maxshape=(None, None))
    f.create_dataset('limited', data=np.ones((2, 3)), maxshape=(5, 10))

with h5py.File('bigish.h5', 'w') as f:
    f['i4'] = np.arange(20000, dtype='i4')
    f['f8'] = np.linspace(0, 1, 5000)
    f['d3'] = np.arange(2 * 30 * 40, dtype='u1').reshape(2, 30, 40)

with h5py.File('mixed.h5', 'w') as f:
    f['a/b/c'] = np.arange(4, dtype='i1')
    f['a'].attrs['note'] = np.bytes_(b'n')
    f['t'] = np.dtype('f4')
    f['x'] = h5py.SoftLink('/a/b')
    f['y'] = h5py.ExternalLink('scalars.h5', '/i')
    f['z'] = f['a/b/c']
    f['bools'] = np.array([[True, False], [False, True]])

with h5py.File('libver_latest.h5', 'w', libver='latest') as f:
    f['data'] = np.arange(5)
    f.create_group('g').attrs['k'] = 'v'

# Not HDF5 files.
with open('text.txt', 'w') as f:
    f.write('this is not an HDF5 file\n')
with open('truncated.h5', 'wb') as f:
    f.write(open('floats.h5', 'rb').read()[:600])
with open('zeros.h5', 'wb') as f:
    f.write(b'\0' * 4096)
raw = bytearray(open('ints.h5', 'rb').read())
for i in range(1200, min(len(raw), 3000), 7):
    raw[i] ^= 0x5A
with open('corrupt.h5', 'wb') as f:
    f.write(bytes(raw))
sig = bytearray(open('dataset.h5', 'rb').read())
sig[8:40] = b'\xff' * 32
with open('badsuper.h5', 'wb') as f:
    f.write(bytes(sig))
