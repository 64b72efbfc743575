#!/usr/bin/env python3
"""Start-up time of `h5lab -c 'pass'` against Python with h5py and NumPy imported and
against IPython (a benchmark, not a test).

    .tools/test-venv/bin/python repl/bench/startup.py [--binary PATH] [--runs N]

PATH defaults to target/release/h5lab (or $CARGO_TARGET_DIR/release/h5lab): build it
with `cargo build --release -p h5lab`. The Python commands use this interpreter, which
must have h5py, numpy and IPython (the test venv does). Prints the median wall time of
each command over N runs and how many times faster h5lab is (the aim: 20x or more).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def default_binary():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "release", "h5lab")


def median_time(command, runs, cwd, env):
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)  # warm caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=default_binary())
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"no binary at {args.binary}: cargo build --release -p h5lab")
    ipython = shutil.which("ipython", path=os.path.dirname(sys.executable)) or shutil.which("ipython")
    commands = [
        ("h5lab -c 'pass'", [args.binary, "-c", "pass"]),
        ("python3 -c 'import h5py, numpy'", [sys.executable, "-c", "import h5py, numpy"]),
    ]
    if ipython:
        commands.append(("ipython -c pass", [ipython, "--no-banner", "-c", "pass"]))
    else:
        print("(no ipython next to this Python: pip install ipython to compare with it)")
    with tempfile.TemporaryDirectory() as cwd:
        env = dict(os.environ, HOME=cwd, IPYTHONDIR=os.path.join(cwd, "ipython"), NO_COLOR="1")
        results = [(name, median_time(cmd, args.runs, cwd, env)) for name, cmd in commands]
    h5lab_time = results[0][1]
    print(f"median of {args.runs} runs each")
    for name, t in results:
        ratio = "" if name.startswith("h5lab") else f"  ({t / h5lab_time:5.1f}x h5lab's)"
        print(f"  {name:36} {t * 1000:8.1f} ms{ratio}")


if __name__ == "__main__":
    main()
