"""Writes core/tests/golden/numpy_repr.json: generated arrays (dtype, shape, raw
bytes as hex, print options) with NumPy's repr and str of each.

Deterministic (seeded). Run with the oracle's or the test venv's Python (NumPy 2.4):
    python core/tests/numpy_gen/gen_repr.py [OUT.json] [--count N] [--seed S]
The Rust test `numpy_repr` rebuilds every array and compares byte for byte; it also
runs this script live (to a temporary file) when a test Python is available.
"""
import json
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")

NUMERIC = ["?", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"]
TEXT = ["S1", "S3", "S8", "U1", "U4", "U10"]
ENDIAN = [">i2", ">i4", ">f4", ">f8", ">c16", ">u8", "<U3"]
OPTION_SETS = [
    {},
    {"precision": 3},
    {"precision": 4, "suppress": True},
    {"floatmode": "fixed"},
    {"floatmode": "unique"},
    {"floatmode": "maxprec_equal"},
    {"sign": "+"},
    {"sign": " "},
    {"linewidth": 40},
    {"threshold": 20, "edgeitems": 2},
    {"linewidth": 120, "precision": 2},
    {"edgeitems": 1, "threshold": 5},
]


def shapes(rng):
    kind = rng.integers(0, 10)
    nd = int(rng.integers(0, 5))
    if kind == 0:
        return tuple(int(x) for x in rng.integers(0, 3, size=nd))  # zero-size axes likely
    if kind == 1:
        return tuple(1 for _ in range(nd))
    if kind == 2:
        return (int(rng.integers(1, 40)),)
    if kind == 3:
        return tuple(int(x) for x in rng.integers(1, 8, size=max(nd, 2)))
    return tuple(int(x) for x in rng.integers(1, 5, size=nd))


SPECIAL = [0.0, -0.0, np.nan, np.inf, -np.inf, 1e300, -1e-300, 5e-324, 1e16, 1e8, 1e-4, 9.999e-5, 0.1, 1 / 3, 2 / 3, 123456.789, 1e22, 65504.0, 1e-8]


def floats(rng, n):
    mode = rng.integers(0, 9)
    if mode == 0:
        return rng.standard_normal(n)
    if mode == 1:
        return rng.integers(-1000, 1000, n).astype(float)
    if mode == 2:
        return rng.integers(-50, 50, n) / 10
    if mode == 3:
        return rng.standard_normal(n) * 10.0 ** rng.integers(-12, 12, n)
    if mode == 4:
        return np.array([SPECIAL[i] for i in rng.integers(0, len(SPECIAL), n)], dtype=float)
    if mode == 5:
        v = rng.standard_normal(n)
        v[rng.random(n) < 0.3] = np.nan
        v[rng.random(n) < 0.2] = -np.inf
        return v
    if mode == 6:
        return rng.random(n) * 1000
    if mode == 7:
        return rng.integers(0, 2**63, n).view(np.float64)  # arbitrary bit patterns
    return rng.integers(0, 1000, n) / 8


def values(rng, dtype, n):
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.random(n) < 0.5
    if dt.kind in "iu":
        info = np.iinfo(dt)
        mode = rng.integers(0, 4)
        if mode == 0:
            return rng.integers(0, 10, n).astype(dt)
        if mode == 1:
            return rng.integers(max(info.min, -1000), min(info.max, 1000), n, endpoint=True).astype(dt)
        return rng.integers(info.min, info.max, n, endpoint=True, dtype=dt.newbyteorder("="))
    if dt.kind == "f":
        if rng.random() < 0.15:
            bits = rng.integers(0, 2 ** (8 * dt.itemsize), n, dtype=np.uint64)
            return bits.astype("u%d" % dt.itemsize).view(dt.newbyteorder("="))
        return floats(rng, n).astype(dt)
    if dt.kind == "c":
        return (floats(rng, n) + 1j * floats(rng, n)).astype(dt)
    if dt.kind in "SU":
        alphabet = "abcXYZ 'é\"\\\n019" if dt.kind == "U" else "abcXYZ '\"\\\n019"
        size = dt.itemsize if dt.kind == "S" else dt.itemsize // 4
        out = []
        for _ in range(n):
            k = int(rng.integers(0, size + 1))
            s = "".join(alphabet[i] for i in rng.integers(0, len(alphabet), k))
            out.append(s.encode("latin-1") if dt.kind == "S" else s)
        return np.array(out, dtype=dt)
    raise ValueError(dtype)


STRUCTS = [
    [("a", "<i4", []), ("b", "<f8", [])],
    [("x", "|u1", []), ("y", "<f4", [2]), ("name", "|S5", [])],
    [("flag", "|b1", []), ("z", "<c16", [])],
    [("v", "<i2", [2, 2])],
    [("s", "<U3", []), ("t", "<i8", [])],
    [("m", "|b1", [3]), ("c", "<c8", [])],
    [("big", ">f8", []), ("small", ">i2", [2])],
]


def struct_dtype(spec):
    return np.dtype([(n, t, tuple(s)) if s else (n, t) for n, t, s in spec])


def make_case(rng, i):
    r = rng.random()
    opts = OPTION_SETS[int(rng.integers(0, len(OPTION_SETS)))] if rng.random() < 0.25 else {}
    struct = None
    dtype = None
    if r < 0.6:
        dtype = NUMERIC[int(rng.integers(0, len(NUMERIC)))]
    elif r < 0.8:
        dtype = TEXT[int(rng.integers(0, len(TEXT)))]
    elif r < 0.9:
        dtype = ENDIAN[int(rng.integers(0, len(ENDIAN)))]
    else:
        struct = STRUCTS[int(rng.integers(0, len(STRUCTS)))]
    shape = shapes(rng)
    if i % 50 == 0:
        # Around the summarisation boundary.
        n = int(rng.choice([999, 1000, 1001, 1002, 2000]))
        shape = [(n,), (n // 10 if n % 10 == 0 else n, 1), (2, n // 2) if n % 2 == 0 else (n,), (10, 10, n // 100) if n % 100 == 0 else (n, 1, 1)][int(rng.integers(0, 4))]
        if dtype in (None, "c8", "c16"):
            dtype = "f4"
            struct = None
    size = int(np.prod(shape))
    if struct:
        dt = struct_dtype(struct)
        a = np.zeros(size, dtype=dt)
        for name, t, s in struct:
            base = np.dtype(t)
            count = size * int(np.prod(s)) if s else size
            a[name] = values(rng, base, count).reshape((size,) + tuple(s))
        a = a.reshape(shape)
    else:
        dt = np.dtype(dtype)
        a = np.asarray(values(rng, dt, size)).astype(dt).reshape(shape)
    with np.printoptions(**opts):
        rep, st = repr(a), str(a)
    case = {
        "shape": list(a.shape),
        "hex": a.tobytes().hex(),
        "repr": rep,
        "str": st,
    }
    if struct:
        case["fields"] = struct
    else:
        case["dtype"] = a.dtype.str
    if opts:
        case["opts"] = opts
    return case


def obj_value(rng):
    k = int(rng.integers(0, 9))
    if k == 0:
        return int(rng.integers(-10**6, 10**6))
    if k == 1:
        return int(rng.integers(0, 2**62)) * 2**40
    if k == 2:
        return float(rng.standard_normal() * 10.0 ** int(rng.integers(-6, 20)))
    if k == 3:
        return "".join("abc 'é"[i] for i in rng.integers(0, 6, int(rng.integers(0, 5))))
    if k == 4:
        return bytes(int(x) for x in rng.integers(32, 127, int(rng.integers(0, 4))))
    if k == 5:
        return None
    if k == 6:
        return [int(x) for x in rng.integers(0, 9, int(rng.integers(0, 3)))]
    if k == 7:
        return bool(rng.random() < 0.5)
    return complex(float(rng.integers(-3, 3)), 0.5)


def encode(v):
    if v is None:
        return {"none": None}
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        return {"float": repr(v)}
    if isinstance(v, complex):
        return {"complex": [repr(v.real), repr(v.imag)]}
    if isinstance(v, str):
        return {"str": v}
    if isinstance(v, bytes):
        return {"bytes": v.hex()}
    if isinstance(v, np.ndarray):
        return {"array": {"dtype": v.dtype.str, "shape": list(v.shape), "hex": v.tobytes().hex()}}
    return {"list": [encode(x) for x in v]}


def object_case(rng):
    shape = shapes(rng)
    size = int(np.prod(shape))
    vals = [obj_value(rng) for _ in range(size)]
    a = np.empty(size, dtype=object)
    for i, v in enumerate(vals):
        a[i] = v
    a = a.reshape(shape)
    return {"shape": list(a.shape), "objects": [encode(v) for v in vals], "repr": repr(a), "str": str(a)}


def vlen_cases(rng):
    """Object arrays of arrays, as h5py returns variable-length data."""
    out = []
    for _ in range(30):
        n = int(rng.integers(1, 6))
        items = []
        for _ in range(n):
            dt = ["i4", "f8", "u1", "f4", "i8"][int(rng.integers(0, 5))]
            shape = (int(rng.integers(0, 8)),) if rng.random() < 0.8 else (2, int(rng.integers(1, 4)))
            items.append((rng.standard_normal(shape) * 100).astype(dt))
        a = np.empty(n, dtype=object)
        for i, v in enumerate(items):
            a[i] = v
        out.append({"shape": [n], "objects": [encode(v) for v in items], "repr": repr(a), "str": str(a)})
    return out


def special_cases():
    out = []
    for a in [np.arange(100, dtype=np.int8), np.arange(30, dtype=np.float32) / 7, np.arange(2000).reshape(2, 1000),
              np.linspace(0, 1, 1001), np.zeros((0, 3)), np.zeros((3, 0), dtype="U3"), np.array([], dtype="S2"),
              np.array(1e-300), np.array(-0.0), np.array([np.nan, -np.inf, np.inf]), np.array([1e16, 1.0]),
              np.array([1.0, 1e-5]), np.array([0.1, 0.25], dtype=np.float16), np.full(8, 123456789.0),
              np.array([complex(np.nan, np.inf), complex(-np.inf, 0)]), np.array([[1e10, -1e-10], [0, 1]], dtype=np.complex64),
              np.zeros(3, dtype="V4"), np.array(b"ab", dtype="V2"), np.ones((2, 2, 2, 2, 2), dtype=bool), np.arange(1001) * 1e-3,
              np.arange(24, dtype=">u2").reshape(2, 3, 4), np.array("é"), np.array(b"x"), np.array(True), np.array(2**63, dtype=np.uint64)]:
        case = {"shape": list(a.shape), "hex": a.tobytes().hex(), "dtype": a.dtype.str, "repr": repr(a), "str": str(a)}
        out.append(case)
    return out


def main():
    args = sys.argv[1:]
    count, seed, out = 2400, 20240601, "core/tests/golden/numpy_repr.json"
    while args:
        a = args.pop(0)
        if a == "--count":
            count = int(args.pop(0))
        elif a == "--seed":
            seed = int(args.pop(0))
        else:
            out = a
    rng = np.random.default_rng(seed)
    cases = [make_case(rng, i) for i in range(count)]
    cases += [object_case(rng) for _ in range(count // 20)]
    cases += special_cases()
    cases += vlen_cases(rng)
    with open(out, "w") as f:
        json.dump({"numpy": np.__version__, "cases": cases}, f, indent=0, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
