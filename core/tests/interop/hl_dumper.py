import h5py
import numpy as np
def describe(obj):
    if isinstance(obj, h5py.Dataset):
        head = f'Dataset shape={obj.shape} dtype={obj.dtype!r} chunks={obj.chunks} maxshape={obj.maxshape}'
        print(head)
        print(f'  filters compression={obj.compression} opts={obj.compression_opts} shuffle={obj.shuffle} fletcher32={obj.fletcher32}')
        print(f'  dims={[(d.label, d.keys(), [s.name for s in d.values()]) for d in obj.dims]} is_scale={obj.is_scale}')
        print(f'  fillvalue={obj.fillvalue!r} enum={h5py.check_dtype(enum=obj.dtype)} vlen={h5py.check_dtype(vlen=obj.dtype)!r}')
        data = obj[()]
        print(f'  data={data!r}')
        if h5py.check_dtype(ref=obj.dtype) is h5py.Reference:
            print('  targets=' + repr([obj.file[r].name if r else None for r in data]))
        if h5py.check_dtype(ref=obj.dtype) is h5py.RegionReference:
            print('  regions=' + repr([obj.file[r][r] for r in data]))
    elif isinstance(obj, h5py.Datatype):
        print(f'Datatype dtype={obj.dtype!r}')
    else:
        print(f'Group members={list(obj)}')
    for key in obj.attrs:
        if key == 'REFERENCE_LIST':
            # A scale's back references: compound data with reference fields.
            print(f'  @{key}')
            continue
        value = obj.attrs[key]
        print(f'  @{key} = {value!r} ({type(value).__name__})')
        if isinstance(value, h5py.Reference):
            print(f'    -> {obj.file[value].name}')
def dump(path):
    with h5py.File(path, 'r') as f:
        names = []
        f.visit_links(names.append)
        print('/:', end=' ')
        describe(f)
        for name in names:
            link = f.get(name, getlink=True)
            print(f'{name}: {type(link).__name__}', end=' ')
            if isinstance(link, h5py.SoftLink):
                print(f'-> {link.path}', end=' ')
            if isinstance(link, h5py.ExternalLink):
                print(f'-> {link.filename}:{link.path}', end=' ')
            try:
                target = f[name]
            except KeyError:
                print('(dangling)')
                continue
            describe(target)
dump('hl.h5')
