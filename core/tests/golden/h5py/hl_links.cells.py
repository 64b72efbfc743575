# %%
import h5py
import numpy as np
f = h5py.File('links.h5', 'w')
f.create_group('grp')
f['grp/data'] = np.arange(3)
f['soft'] = h5py.SoftLink('/grp/data')
f['soft']
# %%
h5py.SoftLink('/grp/data')
# %%
h5py.SoftLink('/grp/data').path
# %%
h5py.ExternalLink('other.h5', '/x')
# %%
h5py.ExternalLink('other.h5', '/x').filename, h5py.ExternalLink('other.h5', '/x').path
# %%
h5py.HardLink()
# %%
f.get('soft', getlink=True)
# %%
f.get('grp', getlink=True)
# %%
f.get('soft', getclass=True, getlink=True)
# %%
f['dangling'] = h5py.SoftLink('/nowhere')
f['dangling']
# %%
'dangling' in f
# %%
f.get('dangling')
# %%
f.get('dangling', getlink=True)
# %%
with h5py.File('other.h5', 'w') as o:
    o['x'] = np.arange(5)
f['ext'] = h5py.ExternalLink('other.h5', '/x')
f['ext']
# %%
f['ext'][:]
# %%
f.get('ext', getlink=True)
# %%
f.get('ext', getclass=True, getlink=True)
# %%
f['ext_bad'] = h5py.ExternalLink('missing.h5', '/x')
f['ext_bad']
# %%
f['hard'] = f['grp']
f['hard'] == f['grp'], f['hard'].name
# %%
f['grp'].name, f['hard/data'].name
# %%
f.create_soft_link if hasattr(f, 'create_soft_link') else 'no create_soft_link'
# %%
links = []
f.visit_links(links.append)
sorted(links)
# %%
def show(name, link):
    print(name, link)
f.visititems_links(show)
# %%
names = []
f.visit(names.append)
names
# %%
del f['soft']
'soft' in f, 'grp/data' in f
# %%
f['soft2'] = h5py.SoftLink('grp')
f['soft2']
# %%
f['rel'] = h5py.SoftLink('grp/data')
f['rel'].name
# %%
f['grp']['up'] = h5py.SoftLink('..')
# %%
f['num'] = h5py.SoftLink(5)
f.get('num', getlink=True)
# %%
f.close()
h5py.File('links.h5', 'r')['ext'][:]
