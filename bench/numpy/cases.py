# The cases of bench/numpy/run.sh, in the dialect both NumPy (CPython) and h5lab run.
# run.sh prepends `TRIES = n` and runs this file once per engine. Each case is timed
# with time.perf_counter around the operation alone, best of TRIES; one line per case:
# `CASE <name> <best seconds>`.
import time
import numpy as np

N = 10**8


def best(fn):
    t = 1e9
    for _ in range(TRIES):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def report(name, seconds):
    print('CASE %s %.6f' % (name, seconds))


report('np.arange(10**8)', best(lambda: np.arange(N)))
a = np.arange(N)
report('a.sum()', best(lambda: a.sum()))
report('a * 2', best(lambda: a * 2))
report('repr(a)', best(lambda: repr(a)))
report('a + a', best(lambda: a + a))
report('a * 0.5', best(lambda: a * 0.5))
report('a.max()', best(lambda: a.max()))
report('a.mean()', best(lambda: a.mean()))
report('a > 5', best(lambda: a > 5))
report('a[::2].sum()', best(lambda: a[::2].sum()))
report('a.astype(f8)', best(lambda: a.astype('f8')))
del a
f = np.arange(10**7) * 1.0
report('f.sum() 1e7', best(lambda: f.sum()))
report('np.sqrt(f) 1e7', best(lambda: np.sqrt(f)))
