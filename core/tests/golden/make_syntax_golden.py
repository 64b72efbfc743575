#!/usr/bin/env python3
"""Records CPython 3.11's verdict on every snippet of syntax_cases.txt.

Run with the python3 that IPython would use (3.11):
    python3 core/tests/golden/make_syntax_golden.py

Each snippet is compiled as IPython compiles a plain-Python cell: with a final
newline added (IPython's transform_cell does that). For valid snippets the JSON
holds `ast.dump(ast.parse(src))`; for invalid ones the exception's class, msg,
lineno, offset, end_lineno, end_offset and text (None when CPython gives none).
"""
import ast
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read_cases(path):
    cases = []
    name = None
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith("=== "):
                if name is not None:
                    cases.append((name, "\n".join(lines)))
                name = line[4:].strip()
                lines = []
            elif name is not None:
                lines.append(line)
    if name is not None:
        # The file ends with a newline: drop the empty piece after it.
        if lines and lines[-1] == "":
            lines.pop()
        cases.append((name, "\n".join(lines)))
    # Every block's text excludes the newline before the next header.
    return cases


def verdict(src):
    code = src if src.endswith("\n") else src + "\n"
    try:
        # IPython compiles with top-level await allowed.
        compile(code, "<cell>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    except (SyntaxError, RecursionError, MemoryError) as e:
        if isinstance(e, SyntaxError):
            return {
                "ok": False,
                "class": type(e).__name__,
                "msg": e.msg,
                "lineno": e.lineno,
                "offset": e.offset,
                "end_lineno": e.end_lineno,
                "end_offset": e.end_offset,
                "text": e.text,
            }
        return {"ok": False, "class": type(e).__name__, "msg": str(e)}
    tree = ast.parse(code)
    rec = {"ok": True, "dump": ast.dump(tree)}
    # Positions too, except inside f-strings (3.11 gives their parts odd ones).
    if not any(isinstance(n, ast.JoinedStr) for n in ast.walk(tree)):
        rec["dump_pos"] = ast.dump(tree, include_attributes=True)
    return rec


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("make_syntax_golden.py must run on Python 3.11 (the oracle's version)")
    cases = read_cases(os.path.join(HERE, "syntax_cases.txt"))
    names = [n for n, _ in cases]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        sys.exit(f"duplicate case names: {sorted(dupes)}")
    out = []
    for name, src in cases:
        rec = {"name": name, "src": src}
        rec.update(verdict(src))
        out.append(rec)
    with open(os.path.join(HERE, "syntax_cases.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    ok = sum(1 for r in out if r["ok"])
    print(f"{len(out)} cases: {ok} valid, {len(out) - ok} errors")


if __name__ == "__main__":
    main()
