# %%
import h5py
import numpy as np
f = h5py.File('groups.h5', 'w')
g = f.create_group('alpha')
g
# %%
f.create_group('alpha')
# %%
f.create_group('beta/gamma/delta')
# %%
f['beta']
# %%
f['beta/gamma'].name, f['beta']['gamma'].name
# %%
f.require_group('alpha') == g
# %%
f.require_group('zeta')
# %%
f['x'] = 3
f.require_group('x')
# %%
len(f), list(f), 'alpha' in f, 'nope' in f, 'beta/gamma' in f
# %%
f.keys()
# %%
f.values()
# %%
f.items()
# %%
list(f.items())
# %%
f['nope']
# %%
f[1]
# %%
f.get('nope'), f.get('nope', 42)
# %%
f.get('alpha')
# %%
f.get('alpha', getclass=True), f.get('x', getclass=True)
# %%
f.get('alpha', getlink=True)
# %%
f.get('alpha', getclass=True, getlink=True)
# %%
del f['zeta']
list(f)
# %%
del f['zeta']
# %%
names = []
f.visit(names.append)
names
# %%
def show(name, obj):
    print(name, obj)
f.visititems(show)
# %%
f.visit(lambda n: n if n.startswith('beta') else None)
# %%
f['beta'].parent, f['beta/gamma'].parent.name
# %%
g.file
# %%
g.name
# %%
f.move('alpha', 'omega')
list(f)
# %%
f.move('nope', 'other')
# %%
f.copy('beta', 'beta2')
list(f['beta2'])
# %%
f.copy(f['beta'], f['omega'])
list(f['omega'])
# %%
f.copy('beta', 'omega', name='b3')
list(f['omega'])
# %%
f.copy('beta', 'beta2')
# %%
f['omega'] == g, f['omega'] != f['beta']
# %%
f['/beta/gamma/delta']
# %%
f['beta']['/alpha2'] = 1
f['alpha2'][()]
# %%
f.create_group('')
# %%
f[b'beta']
# %%
f['beta'].create_group('sub', track_order=True)
# %%
len(f['beta']), bool(f['beta'])
# %%
f.close()
g
