#!/usr/bin/env bash
# Benchmark (not a test): h5lab against h5py on this machine, release build.
#   bench/h5py/run.sh [CASE...]        (default: every case)
# Cases (bench/h5py/cases.py): write_1e8 (`f['x'] = np.arange(10**8, dtype='f8')`),
# read_1e8 (`f['x'][:]`), write_gzip_1e7 / read_gzip_1e7 (10**7 float64,
# compression='gzip', chunks guessed), create_10k (`f['d%d' % i] = small` 10 000
# times). Each case runs in a fresh process per engine, three times; the table shows
# the best time measured inside the process (start-up, imports and making the source
# array excluded: see cases.py) and the peak RSS of the whole process (/usr/bin/time -v,
# so it includes the interpreter and the source array), and peak RSS / data size.
# Environment: PYTHON (default .tools/test-venv/bin/python, provisioned if missing), H5LAB (default: built
# here with cargo), BENCH_DIR (scratch files; default a temporary folder), TRIES.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [[ -z "${PYTHON:-}" ]]; then
    "$root/scripts/provision" test-venv
    PYTHON=$root/.tools/test-venv/bin/python
fi
python=$PYTHON
tries=${TRIES:-3}
if [[ -z "${H5LAB:-}" ]]; then
    (cd "$root" && cargo build --release -q -p h5lab)
    H5LAB=${CARGO_TARGET_DIR:-$root/target}/release/h5lab
fi
scratch=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$scratch"
trap 'if [[ -z "${BENCH_DIR:-}" ]]; then rm -rf "$scratch"; fi' EXIT
cases=("$@")
[[ ${#cases[@]} -eq 0 ]] && cases=(write_1e8 read_1e8 write_gzip_1e7 read_gzip_1e7 create_10k)

# Data bytes per case (for the RSS ratio).
data_bytes() {
    case $1 in
        *_1e8) echo 800000000 ;;
        *_gzip_1e7) echo 80000000 ;;
        create_10k) echo 800000 ;;
    esac
}

# run ENGINE CASE FILE -> "seconds peak_kib" of one process.
run_once() {
    local engine=$1 case=$2 file=$3 script=$scratch/case.py out=$scratch/out err=$scratch/err
    { echo "CASE = '$case'"; echo "PATH = '$file'"; cat "$root/bench/h5py/cases.py"; } > "$script"
    if [[ $engine == h5py ]]; then
        /usr/bin/time -v "$python" "$script" > "$out" 2> "$err" || { cat "$out" "$err" >&2; return 1; }
    else
        /usr/bin/time -v "$H5LAB" run "$script" > "$out" 2> "$err" || { cat "$out" "$err" >&2; return 1; }
    fi
    local secs kib
    secs=$(awk '$1 == "TIME" { print $2 }' "$out")
    kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$err")
    echo "$secs $kib"
}

# best ENGINE CASE -> "best_seconds max_peak_kib" over the tries.
best() {
    local engine=$1 case=$2 file=$scratch/$1-$2.h5 best_s="" max_k=0 s k
    if [[ $case == read_* ]]; then
        # The file to read is written by h5py, once, outside the timing.
        [[ -f $scratch/src-$case.h5 ]] || run_once h5py "write_${case#read_}" "$scratch/src-$case.h5" > /dev/null
        file=$scratch/src-$case.h5
    fi
    for _ in $(seq "$tries"); do
        read -r s k < <(run_once "$engine" "$case" "$file")
        best_s=$(awk -v a="$s" -v b="$best_s" 'BEGIN { print (b == "" || a < b) ? a : b }')
        (( k > max_k )) && max_k=$k
    done
    rm -f "$scratch/$1-$2.h5"
    echo "$best_s $max_k"
}

printf '%-15s %10s %10s %7s %12s %12s %9s %9s\n' case h5py_s h5lab_s ratio h5py_rss_MB h5lab_rss_MB h5py/data h5lab/data
for case in "${cases[@]}"; do
    read -r ps pk < <(best h5py "$case")
    read -r ls lk < <(best h5lab "$case")
    awk -v c="$case" -v ps="$ps" -v ls="$ls" -v pk="$pk" -v lk="$lk" -v d="$(data_bytes "$case")" 'BEGIN {
        pr = pk * 1024 / d; lr = lk * 1024 / d
        if (d < 10000000) { prs = "-"; lrs = "-" } else { prs = sprintf("%.2f", pr); lrs = sprintf("%.2f", lr) }
        printf "%-15s %10.3f %10.3f %7.2f %12.0f %12.0f %9s %9s\n", c, ps, ls, ls / ps, pk / 1024, lk / 1024, prs, lrs
    }'
done
