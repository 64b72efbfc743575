"""Notebooks and the console run with the h5lab kernel through Jupyter's own tools.

usage: python notebooks.py CLIENT NOTEBOOK.ipynb     (CLIENT: nbclient | nbconvert)
       python notebooks.py papermill
       python notebooks.py console

nbclient / nbconvert: runs a copy of NOTEBOOK in a fresh directory with the kernel the
notebook names (h5lab) — through nbclient's NotebookClient, or through `jupyter
nbconvert --to notebook --execute` — and prints JSON {"expected": ..., "actual": ...}:
per code cell its source and outputs in the oracle's shape (run_cells.py's), from the
outputs recorded in NOTEBOOK (the oracle's) and from the run. The Rust test compares
them as compare.py does.

papermill: runs a notebook with a cell tagged "parameters" through `papermill -k
KERNEL` with parameters of every kind papermill's Python translator writes (int,
float, str with quotes and escapes, bool, None, list, dict), once with h5lab and once
with ipykernel's python3 kernel of the same environment (IPython, h5py, NumPy as
pinned); prints JSON {"expected": python3's, "actual": h5lab's}.

console: feeds a session to `jupyter console --simple-prompt` on stdin, once with
h5lab and once with python3, and prints JSON {"expected": python3's transcript,
"actual": h5lab's}, each from the first `In [1]:` on, ANSI escapes stripped, plus the
exit statuses, stderr, and whether the file the session wrote reads back.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import nbformat

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
KERNEL = os.environ.get("H5LAB_KERNEL_NAME", "h5lab")


def summarize(nb):
    """Per code cell, its source and outputs as run_cells.py records them."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        outs = []
        for o in cell.outputs:
            if o.output_type == "stream":
                if outs and outs[-1]["type"] == "stream" and outs[-1]["name"] == o.name:
                    outs[-1]["text"] += o.text
                else:
                    outs.append({"type": "stream", "name": o.name, "text": o.text})
            elif o.output_type in ("execute_result", "display_data"):
                outs.append({"type": o.output_type, "text/plain": o.data.get("text/plain"), "mimes": sorted(o.data.keys())})
            elif o.output_type == "error":
                outs.append({"type": "error", "ename": o.ename, "evalue": o.evalue,
                             "traceback": [ANSI.sub("", t) for t in o.traceback]})
        cells.append({"source": cell.source, "outputs": outs})
    return cells


def fresh_copy(notebook):
    """A copy of the notebook alone in a new temporary directory."""
    work = tempfile.mkdtemp(prefix="cells-")
    target = os.path.join(work, os.path.basename(notebook))
    shutil.copy(notebook, target)
    return work, target


def run(cmd, **kw):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kw)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    return out


def with_nbclient(notebook):
    from nbclient import NotebookClient

    work, target = fresh_copy(notebook)
    nb = nbformat.read(target, as_version=4)
    expected = summarize(nb)
    NotebookClient(nb, timeout=120, allow_errors=True, resources={"metadata": {"path": work}}).execute()
    nbformat.validate(nb)
    return {"expected": expected, "actual": summarize(nb)}


def with_nbconvert(notebook):
    work, target = fresh_copy(notebook)
    expected = summarize(nbformat.read(target, as_version=4))
    run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
         "--output", "executed.ipynb", target], cwd=work)
    nb = nbformat.read(os.path.join(work, "executed.ipynb"), as_version=4)
    nbformat.validate(nb)
    return {"expected": expected, "actual": summarize(nb)}


PARAMETERS = [
    ("-p", "count", "7"),
    ("-p", "ratio", "0.25"),
    ("-p", "label", "it's \"quoted\" \\ and\ttabbed"),
    ("-p", "flag", "True"),
    ("-y", "nothing: null"),
    ("-y", "items: [1, 2.5, 'three', null, true]"),
    ("-y", "nested: {a: 1, b: [x, y], 'c d': {e: null}}"),
    ("-p", "name", "dataset.h5"),
]


def parameters_notebook(path, kernel):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("count = 1\nratio = 0.5\nlabel = 'default'\nflag = False\nnothing = 0\n"
                                  "items = []\nnested = {}\nname = 'default.h5'", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("for value in (count, ratio, label, flag, nothing, items, nested, name):\n"
                                  "    print(type(value).__name__, repr(value))"),
        nbformat.v4.new_code_cell("import h5py, numpy as np\nwith h5py.File(name, 'w') as f:\n"
                                  "    f['x'] = np.arange(count) * ratio\n    f['label'] = label\n"
                                  "g = h5py.File(name, 'r')\ng['x'][:], g['label'][()]"),
        nbformat.v4.new_code_cell("nested['b'][-1], items[2:], label.split()"),
    ])
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": "python"}
    nbformat.write(nb, path)


def papermill_run(kernel):
    work = tempfile.mkdtemp(prefix="cells-")
    source, output = os.path.join(work, "params.ipynb"), os.path.join(work, "out.ipynb")
    parameters_notebook(source, kernel)
    args = [a for p in PARAMETERS for a in p]
    run([sys.executable, "-m", "papermill", "-k", kernel, "--cwd", work, source, output, *args])
    nb = nbformat.read(output, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1, "papermill injected no parameters cell"
    return summarize(nb)


def with_papermill():
    return {"expected": papermill_run("python3"), "actual": papermill_run(KERNEL)}


# One line per cell: with --simple-prompt the console reads single lines (its docs:
# "Multi-line input not supported").
CONSOLE_SESSION = """\
import h5py, numpy as np, sys
f = h5py.File('console.h5', 'w')
f['d'] = np.arange(12).reshape(3, 4)
f['d'][1:, ::2]
f['d'].shape, f['d'].dtype
for i in range(3): print(i, i * i)
area = lambda w, h=2: w * h
area(3), area(3, h=5)
print('to stderr', file=sys.stderr)
undefined_name + 1
f['g/x'] = [1.5, 2.5]
list(f), f['g/x'][()]
exit
"""


DEBUGPY_NOTE = re.compile(r"\d+\.\d+s - ")


def console_run(kernel):
    work = tempfile.mkdtemp(prefix="cells-")
    proc = subprocess.run([sys.executable, "-m", "jupyter", "console", "--simple-prompt", "--kernel", kernel,
                           "--ZMQTerminalInteractiveShell.kernel_timeout=60"],
                          input=CONSOLE_SESSION, capture_output=True, text=True, timeout=120, cwd=work,
                          env=dict(os.environ, NO_COLOR="1", TERM="dumb", PYDEVD_DISABLE_FILE_VALIDATION="1"))
    stdout = ANSI.sub("", proc.stdout)
    start = stdout.find("In [1]:")
    transcript = stdout[start:] if start >= 0 else stdout
    # ipykernel's own warnings (TCP without encryption; debugpy's "0.00s - Debugger
    # warning" about frozen modules on a fresh venv) are no part of the session.
    stderr = "".join(line for line in ANSI.sub("", proc.stderr).splitlines(True)
                     if not line.startswith("[IPKernelApp]") and not DEBUGPY_NOTE.match(line))
    import h5py

    with h5py.File(os.path.join(work, "console.h5"), "r") as f:
        readable = sorted(f) == ["d", "g"] and f["g/x"][()].tolist() == [1.5, 2.5]
    return {"status": proc.returncode, "transcript": transcript, "stderr": stderr, "file_reads_back": readable}


def with_console():
    return {"expected": console_run("python3"), "actual": console_run(KERNEL)}


def main():
    what = sys.argv[1]
    if what == "nbclient":
        result = with_nbclient(os.path.abspath(sys.argv[2]))
    elif what == "nbconvert":
        result = with_nbconvert(os.path.abspath(sys.argv[2]))
    elif what == "papermill":
        result = with_papermill()
    elif what == "console":
        result = with_console()
    else:
        sys.exit(__doc__)
    json.dump(result, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
