"""Record the render golden files with the oracle (IPython 9.18 kernel).

usage: ORACLE_PYTHON record.py [NAME ...]

For each NAME.cells.py here, runs the cells through the oracle
(/work/shared/oracle/run_cells.py) and writes NAME.golden.json: per cell its source and
its error outputs with the traceback strings exactly as the kernel sent them (ANSI
escapes kept). Also writes highlight.golden.json: source lines and what IPython's
PyColorize.Parser (the traceback highlighter, theme "neutral") makes of them.
"""
import json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RUN_CELLS = "/work/shared/oracle/run_cells.py"

def record(name):
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, name)
        subprocess.run([sys.executable, RUN_CELLS, os.path.join(HERE, name + ".cells.py"), prefix],
                       check=True)
        nb = json.load(open(prefix + ".ipynb"))
    cells = []
    for cell in nb["cells"]:
        errors = [{"ename": o["ename"], "evalue": o["evalue"], "traceback": o["traceback"]}
                  for o in cell["outputs"] if o["output_type"] == "error"]
        cells.append({"source": "".join(cell["source"]) if isinstance(cell["source"], list)
                      else cell["source"], "errors": errors})
    with open(os.path.join(HERE, name + ".golden.json"), "w", encoding="utf-8") as f:
        json.dump(cells, f, indent=1, ensure_ascii=False)
        f.write("\n")

EXTRA_LINES = [
    "x = 1 # hi\n", 'f"{a}" is None\n', "\tif a:\n", 'x = """abc\n', "foo(a,\n", "a $ b\n",
    "'abc\n", "x = 1 + \\\n", "s = '''a\nb'''", "    \n", "y = 2   \n", "rb'\\x00' + BR\"x\"\n",
    "0x_1 + 1__0 + 0123 + 1e + 1.e5j + 0b2\n", "a...b ... .5 . 5\n", "x @= y; z := 3\n",
    "print(f'{x!r}', end='')  # comment\n", "match x:\n", "case [a, b]:\n", "_ = type\n",
    "async def f(): await g()\n", "lambda: (yield)\n", "x = '''one''' '''two'''\n",
    "u'x' U\"y\" fR'{z}' Rb'w'\n", "a = b if c else d\n", "not x in y and z is not w or v\n",
    "é = 'ü' + naïve\n", "   # only a comment   \n", "x = 1;\n", "x = (1,\n", ")\n", "]]\n",
    "x = 1 \\\n", "'unterminated \\\n", "\f x = 1\n", "x\t=\t1\t# tab\tcomment\n",
    "if True:\n    pass\n  else:\n", "def f(\n    a,\n    b):\n    return a\n",
    "s = 'a\\\nb'\n", "print('✓', \"日本\")\n", "x = 1\r\n", "return\n", "None True False\n",
    "1if x else 2\n", "x = [i for i in range(10) if i % 2]\n", "assert x, 'msg'\n",
]

def record_highlight():
    from IPython.utils.PyColorize import Parser
    parser = Parser(theme_name="neutral")
    cases = []
    for line in EXTRA_LINES:
        try:
            formatted, error = parser.format2(line, "str")
        except Exception as e:  # IndentationError escapes format2: IPython's formatting fails
            formatted, error = None, True
        cases.append({"source": line, "highlighted": formatted if not error else line})
    with open(os.path.join(HERE, "highlight.golden.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1, ensure_ascii=False)
        f.write("\n")

if __name__ == "__main__":
    names = sys.argv[1:] or sorted(n[:-len(".cells.py")] for n in os.listdir(HERE) if n.endswith(".cells.py"))
    for name in names:
        record(name)
    record_highlight()
