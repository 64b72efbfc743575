"""Writes core/tests/golden/numpy_random.json: for several seeds, a sequence of
`default_rng(seed)` calls (random, integers, normal; with and without size) and
NumPy 2.4's repr of each result, to check h5lab draws the same numbers.
Run: python core/tests/numpy_gen/gen_random.py [OUT.json]
"""
import json
import sys

import numpy as np

CALLS = [
    ["random", None], ["random", [5]], ["integers", 0, 10, None, False], ["integers", 10, None, [2, 3], False],
    ["integers", -5, 5, [7], True], ["integers", 0, 2**40, [3], False], ["integers", -2**63, 2**63, [2], False],
    ["integers", 0, 2**32 - 1, [3], True], ["normal", 0.0, 1.0, None], ["normal", 1.0, 2.0, [4]],
    ["normal", 0.0, 1.0, [2000]], ["random", [2, 3]], ["integers", 7, 7, None, True], ["integers", 5, 5, None, False],
    ["integers", 0, None, None, False], ["normal", 0.0, -1.0, None], ["integers", 3, 2**64, None, False],
    ["integers", 0, 1000, [50], False], ["random", None],
]


def call(rng, c):
    if c[0] == "random":
        return rng.random(c[1])
    if c[0] == "integers":
        _, low, high, size, endpoint = c
        return rng.integers(low, high, size=size, endpoint=endpoint)
    return rng.normal(c[1], c[2], size=c[3])


LEGACY = [
    ["random", None], ["random", [3]], ["randint", 10, None, None], ["randn", None], ["randn", [2, 2]],
    ["randint", 5, 100, [3]], ["normal", 1.0, 2.0, None], ["uniform", 1.0, 2.0, [2]], ["random", [2, 3]],
    ["randint", -2**40, 2**40, None], ["randint", 0, None, None], ["randint", 7, 8, [2]], ["normal", 0.0, -1.0, None],
    ["randn", [5]], ["randint", 0, 2**32, [4]], ["randint", -5, 5, [20]], ["random", None],
]


def legacy_call(c):
    r = np.random
    if c[0] == "random":
        return r.random(c[1])
    if c[0] == "randn":
        return r.standard_normal(c[1])
    if c[0] == "randint":
        return r.randint(c[1], c[2], size=c[3])
    if c[0] == "normal":
        return r.normal(c[1], c[2], size=c[3])
    return r.uniform(c[1], c[2], size=c[3])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "core/tests/golden/numpy_random.json"
    seeds = [0, 1, 42, 12345, 2**32 + 7, 2**70 + 5, 987654321987654321]
    runs = []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        results = []
        for c in CALLS:
            try:
                rec = {"repr": repr(call(rng, c))}
            except Exception as e:  # noqa: BLE001
                rec = {"error": [type(e).__name__, str(e)]}
            # Integer bounds as strings (JSON readers may not keep 64-bit ints).
            rec["call"] = [str(x) if c[0] == "integers" and isinstance(x, int) and not isinstance(x, bool) and i in (1, 2) else x
                           for i, x in enumerate(c)]
            results.append(rec)
        runs.append({"seed": str(seed), "results": results})
    legacy = []
    for seed in [0, 1, 42, 12345, 2**32 - 1]:
        np.random.seed(seed)
        results = []
        for c in LEGACY:
            try:
                rec = {"repr": repr(legacy_call(c))}
            except Exception as e:  # noqa: BLE001
                rec = {"error": [type(e).__name__, str(e)]}
            rec["call"] = [str(x) if c[0] == "randint" and isinstance(x, int) and i in (1, 2) else x for i, x in enumerate(c)]
            results.append(rec)
        legacy.append({"seed": str(seed), "results": results})
    with open(out, "w") as f:
        json.dump({"numpy": np.__version__, "runs": runs, "legacy": legacy}, f, indent=0)
        f.write("\n")


if __name__ == "__main__":
    main()
