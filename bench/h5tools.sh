#!/usr/bin/env bash
# Benchmark (not a test): h5lab's built-in h5dump against HDF5's own (Debian's), same
# bytes required, on a 10^6- and a 10^7-element dataset and a file of 10 000 small
# objects. Prints the best of H5TOOLS_BENCH_RUNS (3) runs in seconds and the speed-up ratio.
#   bench/h5tools.sh            (needs .tools/test-venv and HDF5's h5dump on PATH)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${H5LAB_TEST_PYTHON:-$root/.tools/test-venv/bin/python}
target=${CARGO_TARGET_DIR:-$root/target}
command -v h5dump >/dev/null || { echo "bench: HDF5's h5dump is not installed (scripts/provision hdf5-tools)" >&2; exit 1; }
cargo build --release -p h5lab-core --example h5tool >&2
tool=$target/release/examples/h5tool
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$python" - <<'PY'
import h5py, numpy as np
with h5py.File('e6.h5', 'w') as f:
    f['data'] = np.arange(10**6, dtype='i4')
with h5py.File('e7.h5', 'w') as f:
    f['data'] = np.linspace(0, 1, 10**7)
with h5py.File('objects.h5', 'w') as f:
    for i in range(100):
        g = f.create_group(f'g{i:03d}')
        for j in range(99):
            g[f'd{j:02d}'] = np.arange(j % 5 + 1, dtype='i2')
PY
# Best of $runs wall-clock runs for each tool (the machine is shared; one run is noisy).
runs=${H5TOOLS_BENCH_RUNS:-3}
best() {  # best <out> <cmd...>: prints the fastest of $runs runs in seconds
  local out=$1 b="" t0 t1; shift
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N); "$@" > "$out"; t1=$(date +%s.%N)
    b=$(awk -v a="$t0" -v z="$t1" -v b="$b" 'BEGIN { d = z - a; print (b == "" || d < b) ? d : b }')
  done
  echo "$b"
}
printf '%-14s %10s %10s %8s %s\n' case "h5dump(s)" "h5lab(s)" ratio bytes
for file in e6.h5 e7.h5 objects.h5; do
  r=$(best ref.out h5dump "$file")
  o=$(best ours.out "$tool" h5dump "$file")
  same=$(cmp -s ref.out ours.out && echo same || echo DIFFERENT)
  awk -v f="$file" -v r="$r" -v o="$o" -v s="$same" \
    'BEGIN { printf "%-14s %10.2f %10.2f %7.1fx %s\n", f, r, o, r / o, s }'
done
