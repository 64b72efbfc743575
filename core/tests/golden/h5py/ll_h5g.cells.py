import h5py
import numpy as np
# %%
f = h5py.File('g.h5', 'w')
f['a/b/c'] = np.arange(3)
f.create_group('x')
fid = f.id
gid = h5py.h5g.open(fid, b'a')
gid
# %%
type(gid).__mro__
# %%
gid.get_num_objs(), len(gid), list(gid)
# %%
gid.get_objname_by_idx(0)
# %%
gid.get_objname_by_idx(5)
# %%
gid.get_objtype_by_idx(0), h5py.h5g.GROUP, h5py.h5g.DATASET, h5py.h5g.LINK, h5py.h5g.TYPE
# %%
b'b' in gid, b'zz' in gid, 'b' in gid
# %%
new = h5py.h5g.create(gid, b'new')
new, list(gid)
# %%
h5py.h5g.create(gid, b'new')
# %%
h5py.h5g.open(gid, b'missing')
# %%
h5py.h5g.open(gid, 'b')
# %%
h5py.h5g.open(None, b'b')
# %%
h5py.h5g.open(5, b'b')
# %%
h5py.h5g.open(gid)
# %%
links = gid.links
links
# %%
type(links)
# %%
links.create_soft(b'soft', b'/a/b/c')
links.create_hard(b'hard', fid, b'/x')
links.create_external(b'ext', b'other.h5', b'/data')
sorted(list(gid))
# %%
links.exists(b'soft'), links.exists(b'nothing')
# %%
links.get_val(b'soft')
# %%
links.get_val(b'ext')
# %%
links.get_val(b'hard')
# %%
info = links.get_info(b'soft')
info
# %%
info.type, h5py.h5l.TYPE_SOFT, links.get_info(b'hard').type == h5py.h5l.TYPE_HARD, links.get_info(b'ext').type == h5py.h5l.TYPE_EXTERNAL
# %%
info.cset, info.corder_valid
# %%
links.get_info(b'nothing')
# %%
names = []
links.iterate(names.append)
names
# %%
links.iterate(lambda n: n if n.startswith(b's') else None)
# %%
seen = []
links.visit(seen.append)
seen
# %%
links.create_soft('s2', b'/x')
# %%
links.create_soft(b'soft', b'/x')
# %%
gid.unlink(b'soft')
links.exists(b'soft')
# %%
gid.move(b'new', b'renamed')
list(gid)
# %%
gid.link(b'renamed', b'again', h5py.h5g.LINK_HARD)
gid.link(b'/x', b'symlink', h5py.h5g.LINK_SOFT)
gid.get_linkval(b'symlink')
# %%
gid.get_linkval(b'renamed')
# %%
stat = h5py.h5g.get_objinfo(gid, b'b')
stat.type, stat.nlink
# %%
h5py.h5g.get_objinfo(gid, b'symlink', 0).type, h5py.h5g.get_objinfo(gid, b'symlink').type
# %%
gid.set_comment(b'renamed', b'hello')
gid.get_comment(b'renamed')
# %%
out = []
h5py.h5g.iterate(gid, out.append)
out
# %%
out = []
h5py.h5g.iterate(gid, out.append, 2)
out
# %%
h5py.h5g.GroupID.get_num_objs
# %%
gid.get_num_objs
# %%
gid.get_num_objs(1)
# %%
gid == h5py.h5g.open(fid, b'a'), gid == fid, hash(gid) == hash(h5py.h5g.open(fid, b'a'))
# %%
g = h5py.Group(gid)
g
# %%
gid.close()
gid.valid, gid
# %%
len(gid)
# %%
f.close()
