"""Records h5py's low-level API from the oracle's h5py 3.16 (compiled Cython modules):
per module its docstring, functions (parameters as IPython renders them, docstrings),
integer constants and object constants; per class its module, bases, docstring,
methods and properties. Each function and method also gets the prototype of the HDF5
C function it wraps, read from the bundled HDF5's public headers.

    /root/.cache/h5lab-oracle/venv/bin/python scripts/gen_h5py_lowlevel_api.py \
        ~/.cargo/registry/src/*/hdf5-metno-src-0.10.1/ext/hdf5/src \
        > core/src/h5py/lowlevel/api.json

Which C function an h5py function wraps: H5<M><name> when the headers declare it (M is
the module's letter: h5d.DatasetID.get_offset -> H5Dget_offset), else the entry of
C_NAMES below (from h5py's .pyx sources), else none.
"""
import glob, importlib, inspect, json, os, re, sys

import h5py

MODULES = ["h5", "h5a", "h5d", "h5ds", "h5f", "h5g", "h5i", "h5l", "h5o", "h5p", "h5r", "h5s", "h5t", "h5z", "_objects"]

# Functions whose C name is not H5<M><name> (h5py's .pyx calls these).
C_NAMES = {
    "h5a.create": "H5Acreate2",
    "h5a.open": "H5Aopen_by_name",
    "h5a.exists": "H5Aexists_by_name",
    "h5a.rename": "H5Arename_by_name",
    "h5a.delete": "H5Adelete_by_name",
    "h5a.get_num_attrs": "H5Oget_info3",
    "h5a.get_info": "H5Aget_info_by_name",
    "h5a.iterate": "H5Aiterate2",
    "h5a.AttrID.read": "H5Aread",
    "h5a.AttrID.write": "H5Awrite",
    "h5d.open": "H5Dopen2",
    "h5d.create": "H5Dcreate2",
    "h5d.DatasetID.read": "H5Dread",
    "h5d.DatasetID.write": "H5Dwrite",
    "h5d.DatasetID.extend": "H5Dset_extent",
    "h5d.DatasetID.read_direct_chunk": "H5Dread_chunk2",
    "h5d.DatasetID.write_direct_chunk": "H5Dwrite_chunk",
    "h5d.DatasetID.chunk_iter": "H5Dchunk_iter",
    "h5f.flush": "H5Fflush",
    "h5f.FileID.close": "H5Fclose",
    "h5f.FileID.get_filesize": "H5Fget_filesize",
    "h5f.FileID.get_create_plist": "H5Fget_create_plist",
    "h5f.FileID.get_access_plist": "H5Fget_access_plist",
    "h5f.FileID.get_freespace": "H5Fget_freespace",
    "h5f.FileID.get_intent": "H5Fget_intent",
    "h5f.FileID.get_vfd_handle": "H5Fget_vfd_handle",
    "h5f.FileID.reopen": "H5Freopen",
    "h5f.is_hdf5": "H5Fis_accessible",
    "h5g.open": "H5Gopen2",
    "h5g.create": "H5Gcreate2",
    "h5g.iterate": "H5Literate2",
    "h5g.get_objinfo": "H5Gget_objinfo",
    "h5g.GroupID.link": "H5Glink2",
    "h5g.GroupID.unlink": "H5Gunlink",
    "h5g.GroupID.move": "H5Gmove2",
    "h5g.GroupID.get_num_objs": "H5Gget_num_objs",
    "h5g.GroupID.get_objname_by_idx": "H5Gget_objname_by_idx",
    "h5g.GroupID.get_objtype_by_idx": "H5Gget_objtype_by_idx",
    "h5g.GroupID.get_linkval": "H5Gget_linkval",
    "h5g.GroupID.set_comment": "H5Oset_comment",
    "h5g.GroupID.get_comment": "H5Oget_comment",
    "h5g.GroupID.get_create_plist": "H5Gget_create_plist",
    "h5i.get_type": "H5Iget_type",
    "h5i.get_name": "H5Iget_name",
    "h5i.get_file_id": "H5Iget_file_id",
    "h5i.get_ref": "H5Iget_ref",
    "h5i.inc_ref": "H5Iinc_ref",
    "h5i.dec_ref": "H5Idec_ref",
    "h5l.LinkProxy.create_hard": "H5Lcreate_hard",
    "h5l.LinkProxy.create_soft": "H5Lcreate_soft",
    "h5l.LinkProxy.create_external": "H5Lcreate_external",
    "h5l.LinkProxy.get_val": "H5Lget_val",
    "h5l.LinkProxy.move": "H5Lmove",
    "h5l.LinkProxy.exists": "H5Lexists",
    "h5l.LinkProxy.get_info": "H5Lget_info2",
    "h5l.LinkProxy.visit": "H5Lvisit2",
    "h5l.LinkProxy.iterate": "H5Literate2",
    "h5o.open": "H5Oopen",
    "h5o.link": "H5Olink",
    "h5o.copy": "H5Ocopy",
    "h5o.get_info": "H5Oget_info_by_name3",
    "h5o.exists_by_name": "H5Oexists_by_name",
    "h5o.set_comment": "H5Oset_comment_by_name",
    "h5o.get_comment": "H5Oget_comment_by_name",
    "h5o.visit": "H5Ovisit3",
    "h5p.create": "H5Pcreate",
    "h5p.PropID.equal": "H5Pequal",
    "h5p.PropInstanceID.copy": "H5Pcopy",
    "h5p.PropInstanceID.get_class": "H5Pget_class",
    "h5p.PropDCID.get_filter": "H5Pget_filter2",
    "h5p.PropDCID.get_filter_by_id": "H5Pget_filter_by_id2",
    "h5p.PropDCID.fill_value_defined": "H5Pfill_value_defined",
    "h5p.PropFAID.set_fapl_core": "H5Pset_fapl_core",
    "h5p.PropFAID.get_fapl_core": "H5Pget_fapl_core",
    "h5p.PropFAID.get_driver": "H5Pget_driver",
    "h5p.PropFCID.get_version": "H5Pget_version",
    "h5r.create": "H5Rcreate",
    "h5r.dereference": "H5Rdereference2",
    "h5r.get_region": "H5Rget_region",
    "h5r.get_obj_type": "H5Rget_obj_type2",
    "h5r.get_name": "H5Rget_name",
    "h5s.create": "H5Screate",
    "h5s.create_simple": "H5Screate_simple",
    "h5s.decode": "H5Sdecode",
    "h5s.SpaceID.copy": "H5Scopy",
    "h5s.SpaceID.encode": "H5Sencode2",
    "h5s.SpaceID.is_simple": "H5Sis_simple",
    "h5s.SpaceID.offset_simple": "H5Soffset_simple",
    "h5s.SpaceID.extent_copy": "H5Sextent_copy",
    "h5s.SpaceID.set_extent_simple": "H5Sset_extent_simple",
    "h5s.SpaceID.set_extent_none": "H5Sset_extent_none",
    "h5s.SpaceID.combine_select": "H5Scombine_select",
    "h5s.SpaceID.modify_select": "H5Smodify_select",
    "h5s.SpaceID.get_regular_hyperslab": "H5Sget_regular_hyperslab",
    "h5s.SpaceID.is_regular_hyperslab": "H5Sis_regular_hyperslab",
    "h5t.create": "H5Tcreate",
    "h5t.open": "H5Topen2",
    "h5t.array_create": "H5Tarray_create2",
    "h5t.enum_create": "H5Tenum_create",
    "h5t.vlen_create": "H5Tvlen_create",
    "h5t.decode": "H5Tdecode2",
    "h5t.find": "H5Tfind",
    "h5t.convert": "H5Tconvert",
    "h5t.TypeID.commit": "H5Tcommit2",
    "h5t.TypeID.committed": "H5Tcommitted",
    "h5t.TypeID.copy": "H5Tcopy",
    "h5t.TypeID.equal": "H5Tequal",
    "h5t.TypeID.lock": "H5Tlock",
    "h5t.TypeID.get_class": "H5Tget_class",
    "h5t.TypeID.set_size": "H5Tset_size",
    "h5t.TypeID.get_size": "H5Tget_size",
    "h5t.TypeID.get_super": "H5Tget_super",
    "h5t.TypeID.detect_class": "H5Tdetect_class",
    "h5t.TypeID.encode": "H5Tencode",
    "h5t.TypeID.get_create_plist": "H5Tget_create_plist",
    "h5t.TypeArrayID.get_array_ndims": "H5Tget_array_ndims",
    "h5t.TypeArrayID.get_array_dims": "H5Tget_array_dims2",
    "h5t.TypeCompositeID.get_nmembers": "H5Tget_nmembers",
    "h5t.TypeCompositeID.get_member_name": "H5Tget_member_name",
    "h5t.TypeCompositeID.get_member_index": "H5Tget_member_index",
    "h5t.TypeCompoundID.insert": "H5Tinsert",
    "h5t.TypeCompoundID.pack": "H5Tpack",
    "h5t.TypeEnumID.enum_insert": "H5Tenum_insert",
    "h5t.TypeEnumID.enum_nameof": "H5Tenum_nameof",
    "h5t.TypeEnumID.enum_valueof": "H5Tenum_valueof",
    "h5t.TypeStringID.is_variable_str": "H5Tis_variable_str",
    "h5z.filter_avail": "H5Zfilter_avail",
    "h5z.get_filter_info": "H5Zget_filter_info",
    "h5z.register_filter": "H5Zregister",
    "h5z.unregister_filter": "H5Zunregister",
    "h5ds.iterate": "H5DSiterate_scales",
    "h5.get_libversion": "H5get_libversion",
    "_objects.ObjectID.close": "H5Idec_ref",
}
# Functions that wrap no C function of their own (pure Python helpers, properties).
NO_C = {
    "h5t.py_create", "h5t.special_dtype", "h5t.check_dtype", "h5t.vlen_dtype", "h5t.string_dtype",
    "h5t.enum_dtype", "h5t.opaque_dtype", "h5t.check_vlen_dtype", "h5t.check_string_dtype",
    "h5t.check_enum_dtype", "h5t.check_opaque_dtype", "h5t.check_ref_dtype", "h5t.check_complex_dtype",
    "h5t.complex_compat_dtype", "h5t.typewrap", "h5t.get_config", "h5.get_config", "h5i.wrap_identifier",
}


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
    try:
        return params(inspect.signature(obj))
    except Exception:
        return None


def prototypes(header_dir):
    """Every `H5_DLL <ret> <name>(<args>);` of the public headers (and `H5HL_DLL` of the
    high-level library's H5DS header, beside them in ../hl/src), by name."""
    out = {}
    paths = glob.glob(os.path.join(header_dir, "H5*public.h")) + glob.glob(os.path.join(header_dir, "H5FD*.h"))
    paths += glob.glob(os.path.join(header_dir, "..", "hl", "src", "H5DSpublic.h"))
    for path in sorted(paths):
        text = open(path, encoding="utf-8", errors="replace").read()
        for m in re.finditer(r"H5(?:HL)?_DLL\s+([^;{}#]*?\b(H5\w+)\s*\(([^;{}]*?)\))\s*;", text, re.S):
            decl, name = m.group(1), m.group(2)
            decl = re.sub(r"/\*.*?\*/", "", decl, flags=re.S)
            decl = re.sub(r"\s+", " ", decl).strip()
            decl = decl.replace("( ", "(").replace(" )", ")").replace(" ,", ",")
            out.setdefault(name, decl)
    return out


def c_of(key, name, letter, protos):
    if key in NO_C:
        return None
    cname = C_NAMES.get(key) or f"H5{letter}{name}"
    return protos.get(cname)


def function_entry(obj, key, name, letter, protos):
    return {"params": sig_of(obj), "doc": obj.__doc__, "c": c_of(key, name, letter, protos)}


def main(header_dir):
    protos = prototypes(header_dir)
    out = {"modules": {}, "classes": {}}
    for short in MODULES:
        module = importlib.import_module(f"h5py.{short}")
        letter = "" if short in ("h5", "_objects") else short[2:].upper()
        entry = {"doc": module.__doc__, "file": os.path.basename(module.__file__), "functions": {}, "ints": {},
                 "objects": {}}
        for name in sorted(vars(module)):
            if name.startswith("__"):
                continue
            value = getattr(module, name)
            if inspect.isclass(value):
                if value.__module__ == module.__name__ and not name.endswith("Visitor") and short != "_objects" \
                        or name == "ObjectID":
                    out["classes"][f"{module.__name__}.{name}"] = class_entry(value, short, letter, protos)
                continue
            if type(value).__name__ == "cython_function_or_method":
                if name.startswith("_") or name == "with_phil":
                    continue
                entry["functions"][name] = function_entry(value, f"{short}.{name}", name, letter, protos)
            elif type(value) is int and not name.startswith("_"):
                entry["ints"][name] = value
            elif type(value).__module__.startswith("h5py.") and type(value).__name__.endswith("ID"):
                entry["objects"][name] = f"{type(value).__module__}.{type(value).__name__}"
            elif value is None and not name.startswith("_"):
                entry["objects"][name] = None
        out["modules"][module.__name__] = entry
    json.dump(out, sys.stdout, indent=0, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


def class_entry(cls, short, letter, protos):
    methods, properties = {}, {}
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if type(value).__name__ == "cython_function_or_method":
            methods[name] = function_entry(value, f"{short}.{cls.__name__}.{name}", name, letter, protos)
        elif type(value).__name__ in ("getset_descriptor", "property", "member_descriptor"):
            properties[name] = value.__doc__
    bases = [f"{b.__module__}.{b.__name__}" for b in cls.__bases__]
    return {"bases": bases, "doc": cls.__doc__, "methods": methods, "properties": properties}


if __name__ == "__main__":
    main(sys.argv[1])
