"""Asks a real IPython kernel (the oracle) for completions, inspections and `obj?`
pages, and records its answers for h5lab's golden test (core/tests/complete_inspect.rs).

    /root/.cache/h5lab-oracle/venv/bin/python scripts/oracle_complete_inspect.py \
        core/tests/golden/complete_inspect.spec.json core/tests/golden/complete_inspect.json

The spec holds the setup cell, the files and directories to create in the kernel's
fresh working directory, and the queries:
  "complete": [[code, cursor or null], ...]
  "inspect":  [[code, cursor, detail], ...]
  "pages":    [cell, ...]   (each run as a cell: its pager payloads and stdout)
"""
import json, os, sys, tempfile

from jupyter_client.manager import start_new_kernel


def main(spec_path, out_path):
    spec = json.load(open(spec_path))
    workdir = tempfile.mkdtemp(prefix="complete-")
    for name in spec["files"]:
        path = os.path.join(workdir, name)
        if name.endswith("/"):
            os.makedirs(path, exist_ok=True)
        else:
            open(path, "w").close()
    km, kc = start_new_kernel(kernel_name=spec.get("kernel", "h5py-oracle"), cwd=workdir)
    try:
        reply = kc.execute_interactive(spec["setup"], timeout=60, output_hook=lambda m: None)
        assert reply["content"]["status"] == "ok", reply["content"]
        out = {"setup": spec["setup"], "files": spec["files"], "complete": [], "inspect": [], "pages": []}
        for code, cursor in spec["complete"]:
            cursor = len(code) if cursor is None else cursor
            kc.complete(code, cursor)
            r = kc.get_shell_msg(timeout=30)["content"]
            types = [c["type"] for c in r["metadata"].get("_jupyter_types_experimental", [])]
            out["complete"].append({"code": code, "cursor": cursor, "matches": r["matches"],
                                    "cursor_start": r["cursor_start"], "cursor_end": r["cursor_end"],
                                    "types": types})
        for code, cursor, detail in spec["inspect"]:
            kc.inspect(code, cursor, detail)
            r = kc.get_shell_msg(timeout=30)["content"]
            out["inspect"].append({"code": code, "cursor": cursor, "detail": detail, "found": r["found"],
                                   "text": r["data"].get("text/plain")})
        for cell in spec["pages"]:
            stdout = []
            def hook(msg):
                if msg["msg_type"] == "stream":
                    stdout.append(msg["content"]["text"])
            r = kc.execute_interactive(cell, timeout=60, output_hook=hook)["content"]
            pages = [p["data"]["text/plain"] for p in r.get("payload", []) if p.get("source") == "page"]
            out["pages"].append({"code": cell, "status": r["status"], "pages": pages, "stdout": "".join(stdout)})
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    json.dump(out, open(out_path, "w"), indent=1, ensure_ascii=False)
    open(out_path, "a").write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
