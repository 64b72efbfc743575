#!/usr/bin/env python3
"""Benchmark h5lab-kernel against ipykernel with a real jupyter_client (not a test).

Prints, for each kernel: start → first kernel_info_reply (and → the end of
wait_for_ready, which adds 0.2 s of iopub silence), round trip of a trivial
execute, 1000 pipelined executes, idle RSS; then ipykernel/h5lab ratios.

    .tools/test-venv/bin/python kernel/bench/kernel.py [--binary PATH] [--rounds N]

PATH defaults to target/release/h5lab-kernel (or $CARGO_TARGET_DIR/release/...): build
it with `cargo build --release -p h5lab-kernel`. Both kernelspecs are installed into a
temporary prefix; nothing outside it is written.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from queue import Empty

import psutil
from jupyter_client.manager import KernelManager

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def default_binary():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "release", "h5lab-kernel")


def install(binary, prefix):
    subprocess.run([binary, "install", "--prefix", prefix], check=True, capture_output=True)
    subprocess.run(
        [sys.executable, "-m", "ipykernel", "install", "--prefix", prefix, "--name", "bench-ipykernel"],
        check=True,
        capture_output=True,
    )


def wait_idle(kc, msg_id, timeout=30):
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (
            msg["parent_header"].get("msg_id") == msg_id
            and msg["msg_type"] == "status"
            and msg["content"]["execution_state"] == "idle"
        ):
            return


def start(name):
    """A started kernel and its client; the seconds from launch to the first
    kernel_info_reply, and to the end of jupyter_client's wait_for_ready (which always
    waits a further 0.2 s for iopub to fall silent)."""
    t = time.perf_counter()
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    while True:
        msg_id = kc.kernel_info()
        try:
            reply = kc.get_shell_msg(timeout=1)
        except Empty:
            continue
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    first_reply = time.perf_counter() - t
    kc.wait_for_ready(timeout=60)
    return km, kc, first_reply, time.perf_counter() - t


def measure(name, rounds):
    startups, readies = [], []
    for _ in range(rounds):
        km, kc, spent, ready = start(name)
        startups.append(spent)
        readies.append(ready)
        kc.stop_channels()
        km.shutdown_kernel()
    km, kc, _, _ = start(name)
    try:
        code = "1"
        for _ in range(20):  # warm up
            msg_id = kc.execute(code, stop_on_error=False)
            kc.get_shell_msg(timeout=30)
            wait_idle(kc, msg_id)
        trips = []
        for _ in range(200):
            t = time.perf_counter()
            msg_id = kc.execute(code, stop_on_error=False)
            kc.get_shell_msg(timeout=30)
            wait_idle(kc, msg_id)
            trips.append(time.perf_counter() - t)
        t = time.perf_counter()
        ids = [kc.execute(code, stop_on_error=False) for _ in range(1000)]
        for _ in ids:
            kc.get_shell_msg(timeout=60)
        wait_idle(kc, ids[-1])
        pipelined = time.perf_counter() - t
        # Idle with h5py and NumPy imported, as a session exploring files is.
        msg_id = kc.execute("import h5py, numpy", stop_on_error=False)
        kc.get_shell_msg(timeout=60)
        wait_idle(kc, msg_id)
        time.sleep(1.0)
        pid = km.provisioner.process.pid
        rss = psutil.Process(pid).memory_info().rss
    finally:
        kc.stop_channels()
        km.shutdown_kernel()
    return {
        "start → kernel_info_reply (median, ms)": statistics.median(startups) * 1e3,
        "start → wait_for_ready done (median, ms)": statistics.median(readies) * 1e3,
        "execute round trip (median, ms)": statistics.median(trips) * 1e3,
        "1000 pipelined executes (s)": pipelined,
        "idle RSS, h5py+numpy imported (MiB)": rss / 2**20,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=default_binary())
    parser.add_argument("--rounds", type=int, default=5, help="kernel starts to time")
    args = parser.parse_args()
    if not os.path.isfile(args.binary):
        sys.exit(f"no kernel binary at {args.binary}: cargo build --release -p h5lab-kernel")
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "prefix")
        install(os.path.abspath(args.binary), prefix)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
        os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(tmp, "runtime")
        os.environ["JUPYTER_PLATFORM_DIRS"] = "1"
        os.chdir(tmp)
        results = {"h5lab": measure("h5lab", args.rounds), "ipykernel": measure("bench-ipykernel", args.rounds)}
    width = max(len(k) for k in results["h5lab"])
    print(f"{'':{width}}  {'h5lab':>10}  {'ipykernel':>10}  {'ipykernel/h5lab':>15}")
    for key in results["h5lab"]:
        a, b = results["h5lab"][key], results["ipykernel"][key]
        print(f"{key:{width}}  {a:10.2f}  {b:10.2f}  {b / a:15.1f}")
    print("\nEach execute is `1` (an execute_result); the round trip is execute_request to the idle")
    print("status on iopub; ipykernel is the test environment's (7.4, IPython 9.18).")


if __name__ == "__main__":
    main()
