#!/usr/bin/env python3
"""Records what IPython 9 reports for cells that mix IPython syntax, cleanups and
errors: the cell goes through TransformerManager.transform_cell (as run_cell
does) and then compile(..., PyCF_ALLOW_TOP_LEVEL_AWAIT).

Run with the oracle venv:
    /root/.cache/h5lab-oracle/venv/bin/python core/tests/golden/make_ipython_syntax_golden.py
Writes ipython_cells.json in the format of syntax_cases.json (without AST dumps).
"""
import ast
import json
import os

from IPython.core.inputtransformer2 import TransformerManager

cells = [
 "\n\n  x = 1\n  y = (", "  if x:\n      pass\n  else", ">>> 1 +", "In [3]: x = (1,\n   ...: 2 3",
 "!ls\n1 2", "%time x\nx = ", "x = !ls\ny = 1 2", "x?\n1 +",
 "def f():\n    x = !ls\n    return x\nf(", "%%timeit\n1 2 3", "print(f'{x!z}')", "a = 1\n\n\n\nb = (",
 "for i in range(3):\n    print(i)\nprint(i", "x = [1, 2\ny = 3", "import numpy as np\nnp.array([1, 2, 3)",
 "f = h5py.File('x.h5')\nf['a'] = 1\nf.close(", "d = {'a': 1 'b': 2}", "x = 5\nif x > 3\n    print(x)",
 "def f(x)\n    return x", "print 'hello'", "x = 1\n    y = 2", "s = 'abc", "s = \"\"\"abc\n", "1 = x",
 "x == 1 = 2", "lambda x: x = 1", "x = (yield)", "return", "class A:\n    def f(self):\n    pass",
 "for x in range(3):\nprint(x)", "with open('f') as f\n    pass", "try:\n    x\nexcept Exception as e\n    pass",
 "while True print(1)", "x = 1 +* 2", "x = [i for i in]", "x = {1: 2, 3: }", "f(**)", "f(*)",
 "x = 0777", "x = 1_000_", "x = 0b102", "x = 1.2.3", "x = 'a' 'b' b'c'", "del 1", "del x + 1",
 "x++", "x--", "++x", "x = not", "if x is 1: pass", "assert(x, 'msg')", "a, b, *c, *d = range(10)",
 "print(x for x in y, z)", "f(a=1, a=2)", "x.y = 1 = 2", "[x, y] = [1, 2]", "(x, y) = 1, 2",
 "def f(a, b=1, c):\n    pass", "def f(*, a):\n    pass", "nonlocal x", "global x\nx = 1",
 "x = %pwd", "x = !echo $HOME", "!echo {x + 1}", "%cd ..", "?np.array", "np.array??", "%%bash\necho 1",
]


def main():
    tm = TransformerManager()
    out = []
    for i, cell in enumerate(cells):
        rec = {"name": f"ipython_{i}", "src": cell}
        code = tm.transform_cell(cell)
        try:
            compile(code, "<cell>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
            rec["ok"] = True
        except SyntaxError as e:
            rec.update({"ok": False, "class": type(e).__name__, "msg": e.msg, "lineno": e.lineno,
                        "offset": e.offset, "end_lineno": e.end_lineno, "end_offset": e.end_offset,
                        "text": e.text})
        out.append(rec)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "ipython_cells.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(out)} cells recorded")


if __name__ == "__main__":
    main()
