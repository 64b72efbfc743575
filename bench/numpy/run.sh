#!/usr/bin/env bash
# Benchmark (not a test): h5lab's NumPy against NumPy on this machine, release build.
#   bench/numpy/run.sh
# Runs bench/numpy/cases.py (np.arange(10**8), a.sum(), a * 2, repr of the 10**8
# array, and a few more bulk operations) under NumPy and under h5lab, each case timed
# inside the process (best of TRIES, default 3), and prints both times and the ratio
# h5lab/NumPy. Aim (issue 4): ratio ≤ 2 for bulk operations, repr under 5 ms.
# Environment: PYTHON (default .tools/test-venv/bin/python, provisioned if missing),
# H5LAB (default: built here with cargo --release), TRIES.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [[ -z "${PYTHON:-}" ]]; then
    "$root/scripts/provision" test-venv
    PYTHON=$root/.tools/test-venv/bin/python
fi
if [[ -z "${H5LAB:-}" ]]; then
    (cd "$root" && cargo build --release -q -p h5lab)
    H5LAB=${CARGO_TARGET_DIR:-$root/target}/release/h5lab
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
{ echo "TRIES = ${TRIES:-3}"; cat "$root/bench/numpy/cases.py"; } > "$scratch/cases.py"
(cd "$scratch" && "$PYTHON" cases.py) > "$scratch/numpy.out"
(cd "$scratch" && "$H5LAB" run cases.py) > "$scratch/h5lab.out" || echo "h5lab stopped early (see above)" >&2
printf '%-18s %12s %12s %8s\n' case 'NumPy (ms)' 'h5lab (ms)' ratio
# Lines look like `CASE <name with spaces> <seconds>`.
awk 'FNR == NR { if ($1 == "CASE") { s = $NF; $1 = ""; $NF = ""; np[$0] = s; order[++n] = $0 } next }
     $1 == "CASE" { s = $NF; $1 = ""; $NF = ""; ours[$0] = s }
     END { for (i = 1; i <= n; i++) { k = order[i]; name = substr(k, 2, length(k) - 2)
             if (k in ours) printf "%-18s %12.2f %12.2f %7.2fx\n", name, np[k] * 1e3, ours[k] * 1e3, ours[k] / np[k]
             else printf "%-18s %12.2f %12s\n", name, np[k] * 1e3, "failed" } }' \
    "$scratch/numpy.out" "$scratch/h5lab.out"
