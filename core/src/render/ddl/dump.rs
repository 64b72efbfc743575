//! Walking a file in h5dump's order (`h5dump_ddl.c`): a group's attributes (by name),
//! then its links (by name) — groups recursed into, datasets with type, space, data and
//! attributes, committed types, soft, external and user-defined links — and the
//! handlers for `-a`, `-d`, `-g`, `-l`, `-t`, `-N`.

use std::cell::Cell;

use crate::hdf5::datatype::Datatype;
use crate::hdf5::link::{self, IndexType, IterOrder, LinkKind, LinkValue};
use crate::hdf5::object::{self, ObjectType};
use crate::hdf5::plist::crt_order;
use crate::hdf5::{attribute, Attribute, Dataset, File, Group, Handle, Library, Result};

use super::data::{dump_data, DataOptions, Source};
use super::layout::{render_element, render_line, simple_prefix, Ctx, Format, Out};
use super::props::dump_dcpl;
use super::tables::Tables;
use super::types::{dump_datatype, print_datatype};
use super::Options;

/// One column step (`COL`).
pub const COL: usize = 3;

/// State of one file's dump.
pub struct Dumper<'a, 'o> {
    /// The library token.
    pub lib: &'a Library,
    /// The options.
    pub opts: &'a Options,
    /// Where the text goes.
    pub out: &'a mut Out<'o>,
    /// The base format (columns, float format, escapes applied).
    pub fmt: Format,
    /// Current indentation in columns (`dump_indent`).
    pub indent: usize,
    /// Object tables of the file being walked (the original file first).
    pub tables: Vec<(u64, Tables)>,
    /// Which of `tables` is current.
    pub current: usize,
    /// Path of the group being walked (`prefix`).
    pub prefix: String,
    /// Whether an external link was followed (`hit_elink`).
    pub hit_elink: bool,
    /// Exit status so far.
    pub status: Cell<i32>,
    /// Messages for standard error.
    pub errors: Vec<String>,
    /// Dataset access properties: external storage resolved against the working directory.
    pub dapl: Option<crate::hdf5::PropertyList>,
}

impl Dumper<'_, '_> {
    fn tables(&self) -> &Tables {
        &self.tables[self.current].1
    }

    /// Reports an error as h5dump does (`h5dump error: ...`) and fails the exit status.
    pub fn error(&mut self, message: String) {
        self.errors.push(format!("h5dump error: {message}"));
        self.status.set(1);
    }

    fn ctx(&self) -> Ctx {
        Ctx::at_indent(self.indent)
    }

    fn data_options(&self) -> DataOptions {
        DataOptions { display_index: self.opts.display_ai, display_char: self.opts.display_char }
    }

    fn link_order(&self, flags: u32) -> (IndexType, IterOrder) {
        let index = if self.opts.sort_by_creation && flags & crt_order::TRACKED != 0 {
            IndexType::CreationOrder
        } else {
            IndexType::Name
        };
        (index, if self.opts.sort_descending { IterOrder::Decreasing } else { IterOrder::Increasing })
    }

    /// Attributes of an object, each as `ATTRIBUTE "name" { ... }` (`attr_iteration`).
    pub fn attributes(&mut self, obj: &Handle, attr_order_flags: u32) -> Result<()> {
        if !self.opts.include_attrs {
            return Ok(());
        }
        let (index, order) = self.link_order(attr_order_flags);
        let names = attribute::list(obj, index, order)?;
        for (name, _) in names {
            let mut ctx = self.ctx();
            let attr = Attribute::open(obj, &name);
            self.dump_attribute(&mut ctx, &String::from_utf8_lossy(&name), attr.ok());
        }
        Ok(())
    }

    /// `ATTRIBUTE "name" { DATATYPE ... DATASPACE ... DATA ... }`.
    pub fn dump_attribute(&mut self, ctx: &mut Ctx, name: &str, attr: Option<Attribute>) {
        let fmt = self.fmt.clone();
        render_line(self.out, &fmt, ctx, format!("ATTRIBUTE \"{name}\" {{").as_bytes());
        match attr {
            None => self.error(format!("unable to open attribute \"{name}\"\n")),
            Some(attr) => {
                ctx.indent_level += 1;
                let result = (|| -> Result<()> {
                    let tables = &self.tables[self.current].1;
                    let (ty, space) = (attr.datatype()?, attr.space()?);
                    dump_datatype(self.out, &fmt, ctx, &ty, Some(tables))?;
                    dump_dataspace(self.out, &fmt, ctx, &space)?;
                    if self.opts.display_data || self.opts.display_attr_data {
                        let known = Some((&ty, &space));
                        dump_data(self.out, self.lib, &fmt, ctx, Source::Attribute(&attr), self.data_options(), Some(tables), known)?;
                    }
                    Ok(())
                })();
                if result.is_err() {
                    self.status.set(1);
                }
                ctx.indent_level -= 1;
            }
        }
        render_line(self.out, &fmt, ctx, b"}");
    }

    /// `GROUP "name" { ... }` with everything below it (`dump_group`).
    pub fn dump_group(&mut self, group: &Group, name: &str) -> Result<()> {
        // Creation-order flags matter only for `-q creation_order`.
        let gcpl = if self.opts.sort_by_creation { group.create_plist().ok() } else { None };
        let (attr_flags, link_flags) = match &gcpl {
            Some(p) => (p.attr_creation_order().unwrap_or(0), p.link_creation_order().unwrap_or(0)),
            None => (0, 0),
        };
        let fmt = self.fmt.clone();
        let mut ctx = self.ctx();
        render_line(self.out, &fmt, &mut ctx, format!("GROUP \"{name}\" {{").as_bytes());
        ctx.indent_level += 1;
        self.indent += COL;
        dump_comment(self.out, &fmt, &mut ctx, group.handle());
        let info = object::info(group.handle())?;
        let found = self.tables().group(&info.token).map(|e| (e.displayed.get(), e.name.clone()));
        match found {
            None => self.error("internal error (file h5dump_ddl.c)\n".into()),
            Some((true, first)) => {
                render_line(self.out, &fmt, &mut ctx, format!("HARDLINK \"{first}\"").as_bytes());
            }
            Some((false, _)) => {
                if let Some(e) = self.tables().group(&info.token) {
                    e.displayed.set(true);
                }
                self.attributes(group.handle(), attr_flags)?;
                self.links(group, link_flags)?;
            }
        }
        self.indent -= COL;
        ctx.indent_level -= 1;
        render_line(self.out, &fmt, &mut ctx, b"}");
        Ok(())
    }

    fn links(&mut self, group: &Group, flags: u32) -> Result<()> {
        let (index, order) = self.link_order(flags);
        let links = link::list(group.handle(), index, order)?;
        for (name, info) in links {
            let name = String::from_utf8_lossy(&name).into_owned();
            self.dump_link(group, &name, &info)?;
        }
        Ok(())
    }

    fn dump_link(&mut self, group: &Group, name: &str, info: &link::LinkInfo) -> Result<()> {
        let fmt = self.fmt.clone();
        let mut ctx = self.ctx();
        match info.kind {
            LinkKind::Hard => {
                // The tables know every object reachable from this file's root; ask
                // HDF5 only for objects they do not hold.
                let known = self.tables().kind_and_links(&info.token);
                let (kind, ref_count, token) = match known {
                    Some((kind, ref_count)) => (kind, ref_count, info.token),
                    None => match object::info_by_name(group.handle(), name, None) {
                        Ok(oinfo) => (oinfo.kind, oinfo.ref_count, oinfo.token),
                        Err(_) => {
                            self.error(format!("unable to get object information for \"{name}\"\n"));
                            return Ok(());
                        }
                    },
                };
                match kind {
                    ObjectType::Group => match Group::open(group.handle(), name) {
                        Ok(child) => {
                            let old = self.prefix.clone();
                            self.prefix = format!("{}/{}", self.prefix, name);
                            let r = self.dump_group(&child, name);
                            self.prefix = old;
                            r?;
                        }
                        Err(_) => self.error(format!("unable to dump group \"{name}\"\n")),
                    },
                    ObjectType::Dataset => match Dataset::open(group.handle(), name, self.dapl.as_ref()) {
                        Ok(dset) => {
                            if ref_count > 1 || self.hit_elink {
                                let found = self.tables().dataset(&token).map(|e| (e.displayed.get(), e.name.clone()));
                                match found {
                                    Some((true, first)) => {
                                        render_line(self.out, &fmt, &mut ctx, format!("DATASET \"{name}\" {{").as_bytes());
                                        ctx.indent_level += 1;
                                        render_line(self.out, &fmt, &mut ctx, format!("HARDLINK \"{first}\"").as_bytes());
                                        ctx.indent_level -= 1;
                                        render_line(self.out, &fmt, &mut ctx, b"}");
                                        return Ok(());
                                    }
                                    Some((false, _)) => {
                                        if let Some(e) = self.tables().dataset(&token) {
                                            e.displayed.set(true);
                                        }
                                    }
                                    None => {
                                        ctx.indent_level += 1;
                                        render_line(self.out, &fmt, &mut ctx, format!("DATASET \"{name}\" {{").as_bytes());
                                        self.error("internal error (file h5dump_ddl.c)\n".into());
                                        render_line(self.out, &fmt, &mut ctx, b"}");
                                        return Ok(());
                                    }
                                }
                            }
                            self.dump_dataset(&dset, name)?;
                        }
                        Err(_) => self.error(format!("unable to dump dataset \"{name}\"\n")),
                    },
                    ObjectType::NamedDatatype => match Datatype::open(group.handle(), name) {
                        Ok(ty) => self.dump_named_datatype(&ty, name)?,
                        Err(_) => self.error(format!("unable to dump datatype \"{name}\"\n")),
                    },
                    _ => self.error(format!("unknown object \"{name}\"\n")),
                }
            }
            LinkKind::Soft => {
                render_line(self.out, &fmt, &mut ctx, format!("SOFTLINK \"{name}\" {{").as_bytes());
                ctx.indent_level += 1;
                match link::value(group.handle(), name, None) {
                    Ok(LinkValue::Soft(target)) => {
                        let mut line = b"LINKTARGET \"".to_vec();
                        line.extend_from_slice(&target);
                        line.push(b'"');
                        render_line(self.out, &fmt, &mut ctx, &line);
                    }
                    _ => self.error("unable to get link value\n".into()),
                }
                ctx.indent_level -= 1;
                render_line(self.out, &fmt, &mut ctx, b"}");
            }
            LinkKind::External => {
                render_line(self.out, &fmt, &mut ctx, format!("EXTERNAL_LINK \"{name}\" {{").as_bytes());
                match link::value(group.handle(), name, None) {
                    Ok(LinkValue::External { file, path }) => {
                        ctx.indent_level += 1;
                        let mut line = b"TARGETFILE \"".to_vec();
                        line.extend_from_slice(&file);
                        line.push(b'"');
                        render_line(self.out, &fmt, &mut ctx, &line);
                        let mut line = b"TARGETPATH \"".to_vec();
                        line.extend_from_slice(&path);
                        line.push(b'"');
                        render_line(self.out, &fmt, &mut ctx, &line);
                        self.dump_extlink(group, name, &String::from_utf8_lossy(&path))?;
                        ctx.indent_level -= 1;
                    }
                    _ => self.error("unable to get external link value\n".into()),
                }
                render_line(self.out, &fmt, &mut ctx, b"}");
            }
            LinkKind::UserDefined(code) => {
                render_line(self.out, &fmt, &mut ctx, format!("USERDEFINED_LINK \"{name}\" {{").as_bytes());
                ctx.indent_level += 1;
                render_line(self.out, &fmt, &mut ctx, format!("LINKCLASS {code}").as_bytes());
                ctx.indent_level -= 1;
                render_line(self.out, &fmt, &mut ctx, b"}");
            }
        }
        Ok(())
    }

    /// Follows an external link into its file, quietly when it cannot (`dump_extlink`).
    fn dump_extlink(&mut self, group: &Group, name: &str, target_path: &str) -> Result<()> {
        let Ok(target) = object::open(group.handle(), name, None) else { return Ok(()) };
        let Ok(info) = object::info(&target) else { return Ok(()) };
        let index = match self.tables.iter().position(|(fileno, _)| *fileno == info.fileno) {
            Some(i) => i,
            None => {
                let Ok(file) = crate::hdf5::ident::file_of(&target) else { return Ok(()) };
                let Ok(root) = object::open(&file, "/", None) else { return Ok(()) };
                let order = if self.opts.sort_descending { IterOrder::Decreasing } else { IterOrder::Increasing };
                let Ok(tables) = Tables::build(&root, order) else { return Ok(()) };
                self.tables.push((info.fileno, tables));
                self.tables.len() - 1
            }
        };
        if index == 0 {
            return Ok(());
        }
        let (old_current, old_hit) = (self.current, self.hit_elink);
        self.current = index;
        self.hit_elink = true;
        self.indent += COL;
        let result = match info.kind {
            ObjectType::Group => self.handle_group(group.handle(), name, false, Some(target_path)),
            ObjectType::Dataset => self.handle_dataset(group.handle(), name, false, Some(target_path)),
            ObjectType::NamedDatatype => self.handle_datatype(group.handle(), name, false, Some(target_path)),
            _ => {
                self.status.set(1);
                Ok(())
            }
        };
        self.indent -= COL;
        self.current = old_current;
        self.hit_elink = old_hit;
        result
    }

    /// `DATASET "name" { ... }` (`dump_dataset`).
    pub fn dump_dataset(&mut self, dset: &Dataset, name: &str) -> Result<()> {
        let fmt = self.fmt.clone();
        let mut ctx = self.ctx();
        // The creation properties matter only for `-p` and `-q creation_order`.
        let dcpl = if self.opts.display_dcpl || self.opts.sort_by_creation { dset.create_plist().ok() } else { None };
        let attr_flags = dcpl.as_ref().and_then(|p| p.attr_creation_order().ok()).unwrap_or(0);
        ctx.need_prefix = true;
        simple_prefix(self.out, &fmt, &mut ctx, 0, 0);
        render_element(self.out, &fmt, &mut ctx, format!("DATASET \"{name}\" {{").as_bytes(), 0, 0);
        dump_comment(self.out, &fmt, &mut ctx, dset.handle());
        self.indent += COL;
        ctx.indent_level += 1;
        let ty = dset.datatype()?;
        let tables = &self.tables[self.current].1;
        dump_datatype(self.out, &fmt, &mut ctx, &ty, Some(tables))?;
        let space = dset.space()?;
        dump_dataspace(self.out, &fmt, &mut ctx, &space)?;
        if self.opts.display_dcpl {
            if let Some(dcpl) = &dcpl {
                dump_dcpl(self.out, &fmt, &mut ctx, dcpl, &ty, dset)?;
            }
        }
        if self.opts.display_data {
            self.out.to_data(true);
            let tables = &self.tables[self.current].1;
            let known = Some((&ty, &space));
            let r = dump_data(self.out, self.lib, &fmt, &mut ctx, Source::Dataset(dset), self.data_options(), Some(tables), known);
            self.out.to_data(false);
            if r.is_err() {
                self.error("unable to print data\n".into());
            }
        }
        self.attributes(dset.handle(), attr_flags)?;
        ctx.indent_level -= 1;
        self.indent -= COL;
        ctx.need_prefix = true;
        simple_prefix(self.out, &fmt, &mut ctx, 0, 0);
        render_element(self.out, &fmt, &mut ctx, b"}", 0, 0);
        Ok(())
    }

    /// `DATATYPE "name" <type>` (`dump_named_datatype`).
    pub fn dump_named_datatype(&mut self, ty: &Datatype, name: &str) -> Result<()> {
        let fmt = self.fmt.clone();
        let mut ctx = self.ctx();
        ctx.need_prefix = true;
        render_element(self.out, &fmt, &mut ctx, format!("DATATYPE \"{name}\" ").as_bytes(), 0, 0);
        let info = object::info(ty.handle())?;
        if info.ref_count > 1 || self.hit_elink {
            let found = self.tables().datatype(&info.token).map(|e| (e.displayed.get(), e.name.clone()));
            match found {
                Some((true, first)) => {
                    render_element(self.out, &fmt, &mut ctx, format!("HARDLINK \"{first}\"").as_bytes(), 0, 0);
                    return Ok(());
                }
                Some((false, _)) => {
                    if let Some(e) = self.tables().datatype(&info.token) {
                        e.displayed.set(true);
                    }
                }
                None => {
                    self.error("internal error (file h5dump_ddl.c)\n".into());
                    return Ok(());
                }
            }
        }
        let mut buf = Vec::new();
        let tables = &self.tables[self.current].1;
        print_datatype(self.out, &fmt, &mut ctx, &mut buf, ty, false, Some(tables))?;
        if ty.class()? != crate::hdf5::datatype::TypeClass::Compound {
            buf.push(b';');
        }
        render_element(self.out, &fmt, &mut ctx, &buf, 0, 0);
        self.indent += COL;
        let flags = 0;
        self.attributes(ty.handle(), flags)?;
        self.indent -= COL;
        Ok(())
    }

    /// `-g PATH` (`handle_groups`).
    pub fn handle_group(&mut self, loc: &Handle, path: &str, report: bool, display: Option<&str>) -> Result<()> {
        let shown = display.unwrap_or(path).to_string();
        match Group::open(loc, path) {
            Err(_) => {
                if report {
                    self.out.put(format!("\nGROUP \"{shown}\" {{\n   ").as_bytes());
                    self.error(format!("unable to open group \"{shown}\"\n"));
                    self.out.put(b"}");
                }
            }
            Ok(group) => {
                self.prefix = path.to_string();
                self.indent += COL;
                let r = self.dump_group(&group, &shown);
                self.indent -= COL;
                r?;
            }
        }
        Ok(())
    }

    /// `-d PATH` (`handle_datasets`).
    pub fn handle_dataset(&mut self, loc: &Handle, path: &str, report: bool, display: Option<&str>) -> Result<()> {
        let shown = display.unwrap_or(path).to_string();
        let Ok(dset) = Dataset::open(loc, path, self.dapl.as_ref()) else {
            if report {
                self.handle_link(loc, path);
            }
            return Ok(());
        };
        let info = object::info(dset.handle())?;
        if info.ref_count > 1 || self.hit_elink {
            let found = self.tables().dataset(&info.token).map(|e| (e.displayed.get(), e.name.clone()));
            match found {
                Some((true, first)) => {
                    let pad = " ".repeat(self.indent);
                    self.out.put(format!("\n{pad}DATASET \"{shown}\" {{\n{pad}   HARDLINK \"{first}\"\n{pad}}}").as_bytes());
                }
                Some((false, _)) => {
                    if let Some(e) = self.tables().dataset(&info.token) {
                        e.displayed.set(true);
                    }
                    self.indent += COL;
                    let r = self.dump_dataset(&dset, &shown);
                    self.indent -= COL;
                    r?;
                }
                None => self.status.set(1),
            }
        } else {
            self.indent += COL;
            let r = self.dump_dataset(&dset, &shown);
            self.indent -= COL;
            r?;
        }
        Ok(())
    }

    /// `-t PATH` (`handle_datatypes`).
    pub fn handle_datatype(&mut self, loc: &Handle, path: &str, report: bool, display: Option<&str>) -> Result<()> {
        let shown = display.unwrap_or(path).to_string();
        match Datatype::open(loc, path) {
            Ok(ty) => {
                self.indent += COL;
                let r = self.dump_named_datatype(&ty, &shown);
                self.indent -= COL;
                r?;
            }
            Err(_) => {
                if report {
                    self.out.put(format!("\nDATATYPE \"{shown}\" \n   ").as_bytes());
                    self.error(format!("unable to open datatype \"{shown}\"\n"));
                }
            }
        }
        Ok(())
    }

    /// `-l PATH` (`handle_links`).
    pub fn handle_link(&mut self, loc: &Handle, path: &str) {
        let info = match link::info(loc, path, None) {
            Ok(info) => info,
            Err(_) => {
                self.error(format!("unable to get link info from \"{path}\"\n"));
                return;
            }
        };
        match info.kind {
            LinkKind::Hard => self.error(format!("\"{path}\" is a hard link\n")),
            LinkKind::Soft => {
                self.out.put(format!("\nSOFTLINK \"{path}\" {{\n   ").as_bytes());
                match link::value(loc, path, None) {
                    Ok(LinkValue::Soft(target)) => {
                        self.out.put(b"LINKTARGET \"");
                        self.out.put(&target);
                        self.out.put(b"\"\n");
                    }
                    _ => self.error(format!("h5dump error: unable to get link value for \"{path}\"\n")),
                }
                self.out.put(b"}");
            }
            LinkKind::External => {
                self.out.put(format!("\nEXTERNAL_LINK \"{path}\" {{\n").as_bytes());
                match link::value(loc, path, None) {
                    Ok(LinkValue::External { file, path: target }) => {
                        self.out.put(b"   TARGETFILE \"");
                        self.out.put(&file);
                        self.out.put(b"\"\n   TARGETPATH \"");
                        self.out.put(&target);
                        self.out.put(b"\"\n");
                    }
                    _ => self.error(format!("h5dump error: unable to get external link value for \"{path}\"\n")),
                }
                self.out.put(b"}");
            }
            LinkKind::UserDefined(code) => {
                self.out.put(format!("\nUSERDEFINED_LINK \"{path}\" {{\n   LINKCLASS {code}\n}}").as_bytes());
            }
        }
    }

    /// `-a PATH` (`handle_attributes`): the object part up to the last unescaped `/`.
    pub fn handle_attribute(&mut self, file: &File, spec: &str) {
        let bytes = spec.as_bytes();
        let mut j = bytes.len() as isize - 1;
        while j >= 0 {
            let k = j as usize;
            if bytes[k] == b'/' && (k == 0 || bytes[k - 1] != b'\\') {
                break;
            }
            j -= 1;
        }
        let obj_name = if j < 0 { "/".to_string() } else { spec[..=(j as usize)].to_string() };
        let attr_name = spec[((j + 1) as usize)..].replace("\\/", "/");
        self.indent += COL;
        let mut ctx = self.ctx();
        let fmt = self.fmt.clone();
        match object::open(file.handle(), &obj_name, None) {
            Err(_) => {
                render_line(self.out, &fmt, &mut ctx, format!("ATTRIBUTE \"{spec}\" {{").as_bytes());
                self.error(format!("unable to open object \"{obj_name}\"\n"));
                render_line(self.out, &fmt, &mut ctx, b"}");
            }
            Ok(obj) => {
                let attr = Attribute::open(&obj, &attr_name).ok();
                let missing = attr.is_none();
                self.dump_attribute(&mut ctx, &attr_name, attr);
                if missing {
                    self.status.set(1);
                }
            }
        }
        self.indent -= COL;
    }

    /// `-N PATH` (`handle_paths`): every object, link or attribute at that path.
    pub fn handle_path(&mut self, file: &File, wanted: &str) -> Result<()> {
        let root = object::open(file.handle(), "/", None)?;
        let mut seen: Vec<[u8; 16]> = vec![object::info(&root)?.token];
        let mut visits: Vec<(String, Option<ObjectType>, LinkKind)> = vec![("/".to_string(), Some(ObjectType::Group), LinkKind::Hard)];
        for (path, info) in link::visit(&root, IndexType::Name, IterOrder::Increasing)? {
            let path = format!("/{}", String::from_utf8_lossy(&path));
            if info.kind == LinkKind::Hard {
                if seen.contains(&info.token) {
                    continue;
                }
                seen.push(info.token);
                let kind = object::info_by_name(&root, &path, None).ok().map(|i| i.kind);
                visits.push((path, kind, LinkKind::Hard));
            } else {
                visits.push((path, None, info.kind));
            }
        }
        let last = wanted.rfind('/').map_or(wanted, |i| &wanted[i + 1..]).replace("\\/", "/");
        for (path, kind, link_kind) in visits {
            if link_kind == LinkKind::Hard {
                if let Ok(names) = attribute::names_at(&root, &path) {
                    for name in names {
                        if name == last {
                            let spec = if wanted.starts_with('/') {
                                wanted.to_string()
                            } else if path.ends_with('/') {
                                format!("{path}{wanted}")
                            } else {
                                format!("{path}/{wanted}")
                            };
                            self.indent -= COL;
                            self.handle_attribute(file, &spec);
                            self.indent += COL;
                        }
                    }
                }
                if path == wanted {
                    match kind {
                        Some(ObjectType::Group) => self.handle_group(file.handle(), &path, false, None)?,
                        Some(ObjectType::Dataset) => self.handle_dataset(file.handle(), &path, false, None)?,
                        Some(ObjectType::NamedDatatype) => self.handle_datatype(file.handle(), &path, false, None)?,
                        _ => self.error("unknown object type value\n".into()),
                    }
                }
            } else {
                let search = if wanted.starts_with('/') { wanted.to_string() } else { format!("/{wanted}") };
                if path == search {
                    self.handle_link(file.handle(), wanted);
                }
            }
        }
        Ok(())
    }
}

/// `DATASPACE  SCALAR` / `SIMPLE { ( dims ) / ( max ) }` / `NULL`.
pub fn dump_dataspace(out: &mut Out, fmt: &Format, ctx: &mut Ctx, space: &crate::hdf5::Dataspace) -> Result<()> {
    let mut text = b"DATASPACE  ".to_vec();
    text.extend_from_slice(dataspace_text(space)?.as_bytes());
    render_line(out, fmt, ctx, &text);
    Ok(())
}

/// The dataspace part of a `DATASPACE` line (`h5tools_print_dataspace`).
pub fn dataspace_text(space: &crate::hdf5::Dataspace) -> Result<String> {
    use crate::hdf5::dataspace::{SpaceClass, UNLIMITED};
    Ok(match space.class()? {
        SpaceClass::Scalar => "SCALAR".to_string(),
        SpaceClass::Null => "NULL".to_string(),
        SpaceClass::Simple => {
            let (dims, max) = space.extent()?;
            let dims: Vec<String> = dims.iter().map(|d| d.to_string()).collect();
            let max: Vec<String> =
                max.iter().map(|&m| if m == UNLIMITED { "H5S_UNLIMITED".to_string() } else { m.to_string() }).collect();
            format!("SIMPLE {{ ( {} ) / ( {} ) }}", dims.join(", "), max.join(", "))
        }
    })
}

/// `COMMENT "..."` when the object has one.
pub fn dump_comment(out: &mut Out, fmt: &Format, ctx: &mut Ctx, obj: &Handle) {
    if let Ok(comment) = object::comment(obj) {
        if !comment.is_empty() {
            render_line(out, fmt, ctx, format!("COMMENT \"{comment}\"").as_bytes());
        }
    }
}
