import h5py
import numpy as np
# %%
f = h5py.File('l.h5', 'w')
f['a/x'] = np.arange(3)
f.create_group('b')
links = f.id.links
links.move(b'a/x', f['b'].id, b'y')
list(f['a']), list(f['b'])
# %%
links.move(b'b/y', f.id, b'top')
sorted(f.keys())
# %%
links.move(b'nothing', f.id, b'z')
# %%
links.move(b'top', f.id, b'a')
# %%
links.move('top', f.id, b'z')
# %%
links.move(b'top', b'/', b'z')
# %%
links.create_hard(b'h', f.id, b'top')
links.get_info(b'h').type == h5py.h5l.TYPE_HARD, links.get_info(b'h').u == links.get_info(b'top').u
# %%
links.create_soft(b'dangling', b'/nowhere')
links.exists(b'dangling'), b'dangling' in f.id, links.get_val(b'dangling')
# %%
h5py.h5o.exists_by_name(f.id, b'dangling')
# %%
links.create_external(b'ext', b'l2.h5', b'/x')
links.get_val(b'ext'), links.get_info(b'ext').u > 0
# %%
info = links.get_info(b'top')
[n for n in dir(info) if not n.startswith('_')]
# %%
info.nothing
# %%
links.exists(b'a/b/c')
# %%
links.exists(b'dangling/x')
# %%
links.get_info(b'top', lapl=None).type
# %%
links.iterate(lambda n: None, idx_type=h5py.h5.INDEX_NAME, order=h5py.h5.ITER_DEC)
# %%
out = []
links.iterate(out.append, order=h5py.h5.ITER_DEC)
out
# %%
out = []
links.iterate(lambda n, i: out.append((n, i.type)), info=True)
out
# %%
out = []
links.visit(out.append, obj_name=b'a')
out
# %%
links.create_soft(b'a/new/s', b'/top')
# %%
f.close()
