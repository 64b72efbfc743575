"""Record CPython 3.11's plain tracebacks for the render tests.

usage: python3.11 record_plain.py

Each script below is written to /tmp/h5lab-plain/NAME.py and run with this Python; its
stderr is what render_plain_traceback must print. The exception's data (frames with
their lines, code names, first lines and the failing instruction's columns, the chain,
SyntaxError details) is taken from running the same code in-process, as h5lab's
interpreter will supply it. Writes plain.golden.json.
"""
import json, os, subprocess, sys

DIR = "/tmp/h5lab-plain"
HERE = os.path.dirname(os.path.abspath(__file__))

SCRIPTS = {
    "binop": "x = 1\ny = x / 0\n",
    "subscript": "d = {'a': 1}\nprint(d['missing'])\n",
    "call_in_function": "def f(x):\n    return int(x)\n\ndef g():\n    return f('abc') + 1\n\ng()\n",
    "whole_line": "1/0\n",
    "attribute": "value = None\nvalue.strip()\n",
    "name": "print(undefined_name)\n",
    "parenthesized": "a = (1) + (\n    2)\nb = (a) - (a) // (a - a)\n",
    "chain_cause": "try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('bad key') from e\n",
    "chain_context": "def cleanup():\n    raise OSError('cleanup failed')\n\ntry:\n    [][0]\nexcept IndexError:\n    cleanup()\n",
    "keyboard_interrupt": "raise KeyboardInterrupt\n",
    "empty_message": "raise ValueError('')\n",
    "recursion": "def r(n):\n    if n == 0:\n        raise RuntimeError('bottom')\n    return r(n - 1)\n\nr(6)\n",
    "multiline_call": "result = int(\n    '12x',\n    base=10,\n)\n",
    "unicode": "naïve = {'日本': 1}\nnaïve['中文'] + naïve['日本']\n",
    "lambda_and_comprehension": "f = lambda v: 10 / v\nout = [f(v) for v in [1, 0]]\n",
    "indented_subscript": "def get(items):\n    if items:\n        return items[ 5 ]\n\nget([1])\n",
    "double_parentheses": "a = 0\nb = ((1)) / (a)\n",
    "trailing_blanks": "a = 0\nb = 1 / a    \n",
    "whole_line_trailing_blanks": "def g():\n    raise ValueError\ng()   \n",
    "multiline_wide": "x = '日本' + int(\n'a')\n",
    "multiline_wide_blanks": "x = '日本' + int(  \n'a')\n",
    "tab_inside": "a = 0\nb = 1\t/ a\n",
    "subscript_blanks": "d = {}\nd [ 'k' ]\n",
    "wide_before": "d = {}\nx = '日本'; d['k']\n",
    "syntax_invalid": "x = 1\ny = x + = 2\n",
    "syntax_tab": "def f():\n\treturn = 1\n",
    "syntax_unicode": "x = \"é\"; del f(\"éé\")\n",
    "syntax_range": "f(a for a in b, c)\n",
    "syntax_unexpected_indent": "  x = 1\n",
    "syntax_never_closed": "x = (1,\n",
    "syntax_unindent": "if True:\n  x = 1\n y = 2\n",
}

def char_col(line, byte_col):
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", "replace"))

def frames_of(tb, path, lines):
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == path:
            pos = list(code.co_positions())[tb.tb_lasti // 2]
            lineno, end_lineno, col, end_col = pos
            entry = {"line": tb.tb_lineno, "qualname": code.co_qualname,
                     "first_line": code.co_firstlineno, "module": code.co_name == "<module>"}
            if col is not None and end_col is not None and lineno is not None:
                entry["columns"] = [end_lineno, char_col(lines[lineno - 1], col),
                                    char_col(lines[end_lineno - 1], end_col)]
            frames.append(entry)
        tb = tb.tb_next
    return frames

def report_of(exc, path, lines):
    out = {"ename": type(exc).__name__, "evalue": str(exc),
           "frames": frames_of(exc.__traceback__, path, lines)}
    if isinstance(exc, SyntaxError):
        out["syntax"] = {"filename": exc.filename, "lineno": exc.lineno, "offset": exc.offset or 0,
                         "end_offset": exc.end_offset if exc.end_offset and exc.end_offset > 0 else 0,
                         "text": exc.text or ""}
    if exc.__cause__ is not None:
        out["earlier"] = {"kind": "cause", "report": report_of(exc.__cause__, path, lines)}
    elif exc.__context__ is not None and not exc.__suppress_context__:
        out["earlier"] = {"kind": "context", "report": report_of(exc.__context__, path, lines)}
    return out

def main():
    os.makedirs(DIR, exist_ok=True)
    cases = []
    for name, source in SCRIPTS.items():
        path = os.path.join(DIR, name + ".py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        run = subprocess.run([sys.executable, path], capture_output=True, text=True, cwd=DIR)
        try:
            exec(compile(source, path, "exec"), {"__name__": "__main__"})
            raise AssertionError(f"{name} did not fail")
        except BaseException as exc:  # noqa: the point is to catch everything
            report = report_of(exc, path, source.splitlines())
        cases.append({"name": name, "path": path, "source": source, "stderr": run.stderr,
                      "report": report})
    with open(os.path.join(HERE, "plain.golden.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1, ensure_ascii=False)
        f.write("\n")

if __name__ == "__main__":
    main()
