#!/usr/bin/env python3
"""Records IPython's answers to check_complete for the cells below.

Run with a Python that has IPython 9 (the oracle's venv):
    /root/.cache/h5lab-oracle/venv/bin/python core/tests/golden/make_complete_golden.py
Writes is_complete.json: [{"src", "status", "indent"}], indent as the string
ipykernel would send (spaces), or null.
"""
import json
import os

from IPython.core.inputtransformer2 import TransformerManager

CASES = [
    "", "  ", "\n", "# c", "x = 1", "x = 1\n", "x = 1\n\n", "x = 1  # comment",
    "x = (1,", "x = (1,\n", "x = [1,\n     2", "x = {\n", "print(", "f(\n", "f(a,\n  b",
    "if x:", "if x:\n", "if x:\n\n", "if x:\n# c\n", "if x:\n# c", "if x:  # c",
    "for i in range(3):\n    print(i)", "for i in range(3):\n    print(i)\n",
    "for i in range(3):\n    print(i)\n\n", "for i in range(3):\n    if i:\n        print(i)",
    "for i in range(3):\n    if i:", "while True:\n    x += 1\n    if x:\n",
    "def f():\n  return 1", "def f():\n  return 1\n", "def f(x,\n      y):",
    "class A:\n  x = 1\n  def f(self):\n    pass\n", "class A:\n    pass",
    "if x:\n  pass\nelse:", "if x:\n  pass\nelse:\n  pass", "if x:\n    y = 1\n    ",
    "try:\n  pass", "try:\n  pass\n", "try:\n    pass\nexcept:\n    pass\n", "@dec\n", "@dec",
    "with open(f) as g:\n  g.read()\n", "with open(f) as g:",
    "'''abc", "x = '''\nabc", "x = \"\"\"abc\n", "'abc", "x = 'abc", "x = f\"{a\"",
    "1 +", "1 = 2", "x =", "x = )", ")", "(]", "x = 1\n)", "print 'a'", "return 1", "break",
    "yield 1", "x is 1", "await x", "lambda:", "lambda: 1", "f(x for x in y, 1)",
    "x = (1,\n2 3", "a = 1\\", "a = 1\\\n", "x = 1 + \\\n  2", "\tif x:", "if x:\n\tpass",
    "  x = 1\n  y = 2", "  if x:", "  if x:\n      y", "x = 1; y = 2;", "x = 1;",
    "!ls", "!ls -la\n", "x = !ls", "%time x", "%time x\n", "x = %time 1", "x?", "x??", "?x",
    "%%timeit\nx", "%%timeit\nx\n\n", "%%bash", "%%bash\n", "%%writefile f.txt\nabc\n",
    ">>> x = 1", ">>> if x:\n...     y = 1", "In [1]: x = 1", "In [1]: if x:\n   ...:     y",
    "if True:\n    x = (1,\n", "async def f():\n  await x", "def f():\n    '''doc",
    "x = [\n    1,\n    2,\n]", "x = [\n    1,\n    2,\n]\n", "if x:\n    y = [\n", "for x in y: pass",
    "for x in y: pass\n", "if x:\n    pass\n  ", "def f():\n    return (\n        1)",
    "x = 1\nif y:", "x = 1\nif y:\n    z = 2", "x = 1\nif y:\n    z = 2\n", "del x", "import os",
    "from os import (path,\n", "x: int", "x: int =", "a, b = 1, 2", "[x for x in", "{k: v for",
    "print('hello')", "print('hello'", "h5py.File('f.h5', 'r')", "f.close()\n", "x.\n", "x.",
    "if x:\n    y\nelif z:", "if x:\n    y\nelif z:\n    w", "if x:\n    y\nelif z:\n    w\n",
    "while x:\n    pass\nelse:\n    pass\n", "not", "x if y", "x if y else", "raise", "raise X from",
    "x = 1 +\\\n", "# only\n# comments\n", "\n\n\nx = 1", "x = 1\n\n\n", "x = \"abc\\\n",
]


def main():
    tm = TransformerManager()
    out = []
    for src in CASES:
        status, indent = tm.check_complete(src)
        out.append({"src": src, "status": status, "indent": None if indent is None else " " * indent})
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "is_complete.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(out)} cells recorded")


if __name__ == "__main__":
    main()
