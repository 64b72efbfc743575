//! h5dump `-n` (the file's contents, one object or link per line, `h5trav_print`) and
//! `-B` (the superblock, `dump_fcpl`).

use crate::hdf5::link::{self, IndexType, IterOrder, LinkKind, LinkValue};
use crate::hdf5::object::{self, ObjectType};
use crate::hdf5::{attribute, File, Handle};

use super::layout::Out;

fn kind_word(kind: ObjectType) -> &'static str {
    match kind {
        ObjectType::Group => "group",
        ObjectType::Dataset => "dataset",
        ObjectType::NamedDatatype => "datatype",
        _ => "unknown",
    }
}

fn line(out: &mut Out, word: &str, rest: &[u8]) {
    out.put(format!(" {word:<10} ").as_bytes());
    out.put(rest);
    out.put(b"\n");
}

fn attributes(out: &mut Out, obj: &Handle, path: &str) {
    if let Ok(names) = attribute::list(obj, IndexType::Name, IterOrder::Increasing) {
        for (name, _) in names {
            let sep = if path.ends_with('/') { "" } else { "/" };
            let mut full = format!("{path}{sep}").into_bytes();
            full.extend_from_slice(&name);
            line(out, "attribute", &full);
        }
    }
}

/// `FILE_CONTENTS { ... }`; returns the exit status.
pub fn dump_contents(out: &mut Out, root: &Handle, with_attributes: bool) -> i32 {
    out.put(b"FILE_CONTENTS {\n");
    line(out, "group", b"/");
    if with_attributes {
        attributes(out, root, "/");
    }
    let mut seen: Vec<([u8; 16], String)> = Vec::new();
    if let Ok(info) = object::info(root) {
        seen.push((info.token, "/".into()));
    }
    let links = match link::visit(root, IndexType::Name, IterOrder::Increasing) {
        Ok(l) => l,
        Err(_) => {
            out.put(b" }\n");
            return 1;
        }
    };
    for (rel, info) in links {
        let path = format!("/{}", String::from_utf8_lossy(&rel));
        match info.kind {
            LinkKind::Hard => {
                let kind = object::info_by_name(root, &rel, None).map(|i| i.kind).unwrap_or(ObjectType::Unknown);
                if let Some((_, first)) = seen.iter().find(|(t, _)| *t == info.token) {
                    line(out, kind_word(kind), format!("{path} -> {first}").as_bytes());
                } else {
                    seen.push((info.token, path.clone()));
                    line(out, kind_word(kind), path.as_bytes());
                    if with_attributes {
                        if let Ok(obj) = object::open(root, &rel, None) {
                            attributes(out, &obj, &path);
                        }
                    }
                }
            }
            LinkKind::Soft => {
                let mut text = format!("{path} -> ").into_bytes();
                if let Ok(LinkValue::Soft(target)) = link::value(root, &rel, None) {
                    text.extend_from_slice(&target);
                }
                line(out, "link", &text);
            }
            LinkKind::External => {
                let mut text = format!("{path} -> ").into_bytes();
                if let Ok(LinkValue::External { file, path: target }) = link::value(root, &rel, None) {
                    text.extend_from_slice(&file);
                    text.push(b' ');
                    text.extend_from_slice(&target);
                }
                line(out, "ext link", &text);
            }
            LinkKind::UserDefined(_) => line(out, "udlink", path.as_bytes()),
        }
    }
    out.put(b" }\n");
    0
}

/// `SUPER_BLOCK { ... }` (printed after `HDF5 "name" {`).
pub fn dump_superblock(out: &mut Out, file: &File) {
    let Ok(sb) = crate::hdf5::file::superblock(file) else { return };
    let strategy = match sb.fs_strategy {
        0 => "H5F_FSPACE_STRATEGY_FSM_AGGR",
        1 => "H5F_FSPACE_STRATEGY_PAGE",
        2 => "H5F_FSPACE_STRATEGY_AGGR",
        3 => "H5F_FSPACE_STRATEGY_NONE",
        _ => "Unknown strategy",
    };
    let text = format!(
        "\nSUPER_BLOCK {{\n   SUPERBLOCK_VERSION {}\n   FREELIST_VERSION {}\n   SYMBOLTABLE_VERSION 0\n   \
         OBJECTHEADER_VERSION {}\n   OFFSET_SIZE {}\n   LENGTH_SIZE {}\n   BTREE_RANK {}\n   BTREE_LEAF {}\n   \
         ISTORE_K {}\n   FILE_SPACE_STRATEGY {}\n   FREE_SPACE_PERSIST {}\n   FREE_SPACE_SECTION_THRESHOLD {}\n   \
         FILE_SPACE_PAGE_SIZE {}\n   USER_BLOCK {{\n      USERBLOCK_SIZE {}\n   }}\n}}",
        sb.super_version,
        sb.freelist_version,
        sb.sohm_version,
        sb.offset_size,
        sb.length_size,
        sb.sym_internal_k,
        sb.sym_leaf_k,
        sb.istore_k,
        strategy,
        if sb.fs_persist { "TRUE" } else { "FALSE" },
        sb.fs_threshold,
        sb.page_size,
        sb.userblock,
    );
    out.put(text.as_bytes());
}
