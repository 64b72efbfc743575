"""Records, from a real CPython + IPython (the oracle's venv), what `obj?` needs to know
about the builtins and native modules h5lab exposes: signatures (as IPython renders
their parameters), docstrings, type names, constructor signatures of classes.

    /root/.cache/h5lab-oracle/venv/bin/python scripts/gen_help_docs.py \
        > core/src/inspect/docs.json

The output maps a qualified name to an entry:
  builtins.len          a builtin function        builtins.list         a class
  builtins.list.append  a method bound to a list  os.path.join          a module function
  os.path               a module           numpy.ndarray.sum     a method of an array
Each entry: {"type": type(obj).__name__, "sig": [params] | null, "init_sig": [params]
| null (classes), "doc": docstring | null, "init_doc": str | null, "class": bool}.
"params" is the list IPython's _render_signature joins: str(param) per parameter with
"/" and "*" markers where inspect puts them.
"""
import builtins, inspect, json, sys, importlib

from IPython.core import oinspect

SAMPLES = {
    "str": "a", "bytes": b"a", "list": [], "tuple": (), "dict": {}, "int": 1,
    "float": 1.0, "complex": 1j, "set": set(), "frozenset": frozenset(), "bool": True,
}
MODULES = ["os", "os.path", "sys", "math", "time"]
# NumPy's namespace is large and its docstrings long: the names h5lab's numpy module
# has, and the common ones it is likely to grow.
NUMPY_NAMES = [
    "abs", "all", "allclose", "any", "append", "arange", "argmax", "argmin", "argsort", "around", "array",
    "array_equal", "asarray", "bool", "bool_", "byte", "bytes_", "cdouble", "ceil", "character", "clip",
    "complex128", "complex64", "complexfloating", "concatenate", "copy", "cos", "csingle", "cumprod", "cumsum",
    "diff", "dot", "double", "dtype", "e", "empty", "empty_like", "exp", "expand_dims", "eye", "flexible",
    "flip", "float16", "float32", "float64", "floating", "floor", "full", "full_like", "generic",
    "get_printoptions", "half", "hstack", "inexact", "int16", "int32", "int64", "int8", "int_", "intc",
    "integer", "intp", "isclose", "isfinite", "isinf", "isnan", "linspace", "log", "log10", "log2",
    "longlong", "max", "maximum", "mean", "median", "min", "minimum", "ndarray", "nonzero", "number",
    "object_", "ones", "ones_like", "percentile", "prod", "ravel", "repeat", "reshape", "round",
    "set_printoptions", "short", "signedinteger", "sin", "single", "sort", "sqrt", "squeeze", "stack",
    "std", "str_", "sum", "swapaxes", "take", "tan", "tile", "transpose", "ubyte", "uint", "uint16",
    "uint32", "uint64", "uint8", "uintc", "uintp", "unique", "unsignedinteger", "ushort", "var", "void",
    "vstack", "where", "zeros", "zeros_like",
]
SKIP = set()


def params(sig):
    result, pos_only, kw_only = [], False, True
    for param in sig.parameters.values():
        if param.kind == inspect.Parameter.POSITIONAL_ONLY:
            pos_only = True
        elif pos_only:
            result.append("/")
            pos_only = False
        if param.kind == inspect.Parameter.VAR_POSITIONAL:
            kw_only = False
        elif param.kind == inspect.Parameter.KEYWORD_ONLY and kw_only:
            result.append("*")
            kw_only = False
        result.append(str(param))
    if pos_only:
        result.append("/")
    return result


def sig_of(obj):
    if not callable(obj):
        return None
    try:
        return params(inspect.signature(obj))
    except Exception:
        return None


def entry(obj):
    out = {"type": type(obj).__name__, "doc": oinspect.getdoc(obj), "class": inspect.isclass(obj)}
    if inspect.isclass(obj):
        init_sig = sig_of(obj)
        init_doc = None
        try:
            init = obj.__init__
        except AttributeError:
            init = None
        if init is not None:
            if init_sig is None:
                init_sig = sig_of(init)
            init_doc = oinspect.getdoc(init)
            if init_doc == oinspect._object_init_docstring:
                init_doc = None
        out["init_sig"] = init_sig
        out["init_doc"] = init_doc
        out["sig"] = None
    elif inspect.ismodule(obj):
        out["sig"] = None
    else:
        out["sig"] = sig_of(obj)
    return out


def main():
    table = {}
    for name in dir(builtins):
        if name.startswith("_") or name in SKIP:
            continue
        table[f"builtins.{name}"] = entry(getattr(builtins, name))
    for tname, sample in SAMPLES.items():
        for attr in dir(sample):
            if attr.startswith("_"):
                continue
            value = getattr(sample, attr)
            if callable(value):
                table[f"builtins.{tname}.{attr}"] = entry(value)
    for mname in MODULES:
        module = importlib.import_module(mname)
        table[mname] = entry(module)
        for attr in dir(module):
            if attr.startswith("_"):
                continue
            value = getattr(module, attr)
            if callable(value) and not inspect.isclass(value):
                table[f"{mname}.{attr}"] = entry(value)
    import numpy
    table["numpy"] = entry(numpy)
    for name in NUMPY_NAMES:
        value = getattr(numpy, name, None)
        if value is not None and callable(value):
            table[f"numpy.{name}"] = entry(value)
    sample = numpy.arange(6).reshape(2, 3)
    for attr in dir(numpy.ndarray):
        if attr.startswith("_"):
            continue
        try:
            value = getattr(sample, attr)
        except Exception:
            continue
        if callable(value):
            table[f"numpy.ndarray.{attr}"] = entry(value)
    json.dump(table, sys.stdout, indent=0, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
