#!/usr/bin/env bash
# Benchmark (not a test): h5lab's evaluator vs CPython 3.11 on small loops, release
# build. Prints seconds (best of three) and the ratio h5lab/CPython.
#   bench/interp/run.sh [python3]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cargo run --release -q -p h5lab-core --example bench_interp -- "${1:-python3}"
