//! Every low-level function and identifier method called with arguments of every
//! wrong kind raises a Python exception — never a panic, a crash or a hang.

mod support;

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use h5lab_core::session::{ExecuteOptions, Session, SessionOptions};
use support::QuietSink as Quiet;

const SETUP: &str = "
import h5py
import numpy as np
f = h5py.File('fz.h5', 'w')
f['d'] = np.arange(4)
f.create_group('g')
argsets = [(), (None,), (b'x',), (1,), (-1,), (f.id,), (b'd', b'e'), (f.id, b'd'), (np.zeros(3),), ((1,),), (2**70,), ('d',)]
calls = 0
def hammer(fn):
    global calls
    for a in argsets:
        calls += 1
        try:
            fn(*a)
        except Exception:
            pass
";

const MODULES: &str = "
for mod in [h5py.h5, h5py.h5a, h5py.h5d, h5py.h5f, h5py.h5g, h5py.h5i, h5py.h5l, h5py.h5o, h5py.h5p, h5py.h5r, h5py.h5s, h5py.h5t, h5py.h5z]:
    for name in dir(mod):
        fn = getattr(mod, name)
        if not name.startswith('_') and callable(fn) and not isinstance(fn, type):
            hammer(fn)
";

const METHODS: &str = "
objs = [f.id, f['d'].id, f['g'].id, h5py.h5t.STD_I32LE.copy(), h5py.h5t.C_S1.copy(), h5py.h5s.create_simple((3,)),
        h5py.h5p.create(h5py.h5p.DATASET_CREATE), h5py.h5p.create(h5py.h5p.FILE_ACCESS), h5py.h5p.create(h5py.h5p.LINK_CREATE), f.id.links]
for o in objs:
    for name in dir(o):
        if name.startswith('_') or name in ('close', 'reopen'):
            continue
        try:
            m = getattr(o, name)
        except Exception:
            continue
        if callable(m):
            hammer(m)
calls
";

#[test]
fn wrong_arguments_to_the_whole_low_level_api_raise_and_never_crash() {
    support::in_temp_dir(|lib, dir| {
        let options = SessionOptions { cwd: dir.to_path_buf(), interrupt: Arc::new(AtomicBool::new(false)), color: false };
        let mut session = Session::new(lib, options);
        for code in [SETUP, MODULES, METHODS] {
            let outcome = session.execute(code, ExecuteOptions::default(), &mut Quiet);
            assert!(outcome.error.is_none(), "cell failed: {:?}\n{code}", outcome.error);
        }
        let calls = session.execute("calls", ExecuteOptions::default(), &mut Quiet);
        let text = calls.result.and_then(|b| b.get("text/plain").cloned()).unwrap_or_default();
        assert!(text.parse::<usize>().is_ok_and(|n| n > 2000), "too few calls made: {text}");
    });
}
