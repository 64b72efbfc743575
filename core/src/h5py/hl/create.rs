//! Making datasets as h5py's `make_new_dset` and `filters.fill_dcpl` do: the array
//! from the data (`array_for_new_object`), shape and dtype checks, chunk guessing,
//! filters, fill value, then `H5Dcreate` and the first write. Also `require_dataset`
//! and committing a dtype (`group[name] = np.dtype(...)`).

use std::rc::Rc;

use super::{encode_name, HlKind, HlObject};
use crate::eval::Interp;
use crate::h5py::ids::{IdKind, ObjectId};
use crate::h5py::pyargs::Signature;
use crate::h5py::types::hdf5_type_of;
use crate::hdf5::plist::{PlistClass, PropertyList};
use crate::hdf5::{Dataset, Dataspace, Datatype, Handle};
use crate::numpy::{DType, Kind, Metadata, NdArray};
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::Value;

/// What a new dataset is made from: `create_dataset`'s arguments.
#[derive(Default)]
pub struct DatasetSpec {
    /// `shape=` (None: from the data).
    pub shape: Option<Value>,
    /// `dtype=`.
    pub dtype: Option<Value>,
    /// `data=`.
    pub data: Option<Value>,
    /// The remaining keywords (`chunks`, `compression`, ...).
    pub options: Vec<(Rc<str>, Value)>,
}

impl DatasetSpec {
    /// A dataset made from data alone (`group[name] = data`).
    pub fn from_data(data: Value) -> DatasetSpec {
        DatasetSpec { data: Some(data), ..DatasetSpec::default() }
    }
}

const OPTIONS: &[&str] = &[
    "chunks",
    "compression",
    "shuffle",
    "fletcher32",
    "maxshape",
    "compression_opts",
    "fillvalue",
    "scaleoffset",
    "track_times",
    "external",
    "track_order",
    "dcpl",
    "dapl",
    "efile_prefix",
    "virtual_prefix",
    "allow_unknown_filter",
    "rdcc_nslots",
    "rdcc_nbytes",
    "rdcc_w0",
    "fill_time",
];

/// Keyword options by name, after checking every name is one `make_new_dset` takes.
struct Options(Vec<(Rc<str>, Value)>);

impl Options {
    fn new(options: Vec<(Rc<str>, Value)>) -> PyResult<Options> {
        for (key, _) in &options {
            if !OPTIONS.contains(&&**key) {
                return Err(Exc::type_error(format!("make_new_dset() got an unexpected keyword argument '{key}'")));
            }
        }
        Ok(Options(options))
    }

    /// An option's value; an explicit None counts as absent.
    fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| &**k == name).map(|(_, v)| v).filter(|v| !matches!(v, Value::None))
    }

    fn truthy(&self, vm: &mut Interp, name: &str) -> PyResult<bool> {
        match self.get(name) {
            Some(v) => vm.truthy(v),
            None => Ok(false),
        }
    }
}

/// `Group.create_dataset(name, shape=None, dtype=None, data=None, **kwds)`.
pub fn create_dataset(vm: &mut Interp, obj: &HlObject, args: Args) -> PyResult<Value> {
    let sig = Signature {
        name: "Group.create_dataset",
        params: &["name", "shape", "dtype", "data"],
        required: 1,
        method: true,
        var_keywords: true,
    };
    let b = sig.bind(args)?;
    let spec = DatasetSpec { shape: b.get(1).cloned(), dtype: b.get(2).cloned(), data: b.get(3).cloned(), options: b.extra.clone() };
    let mut parent = obj.handle();
    let name = match b.get(0) {
        Some(n) if vm.truthy(n)? => {
            let (mut name, _) = encode_name(n)?;
            let trimmed = name.iter().position(|&c| c != b'/').unwrap_or(name.len());
            if name[trimmed..].contains(&b'/') {
                let cut = name.iter().rposition(|&c| c == b'/').unwrap_or(0);
                let parent_path = Value::bytes(name[..cut].to_vec());
                let group = vm.call_method(&HlObject::value(obj.kind, obj.id.clone()), "require_group", Args::positional(vec![parent_path]))?;
                if let Some(g) = group.downcast::<HlObject>() {
                    parent = g.handle();
                }
                name = name[cut + 1..].to_vec();
            }
            Some(name)
        }
        _ => None,
    };
    let ds = new_dataset(vm, &parent, name.as_deref(), spec)?;
    Ok(HlObject::value(HlKind::Dataset, ObjectId::value(IdKind::Dataset, ds.handle().clone())))
}

/// h5py's `guess_dtype` through `find_item_type`: str items make a variable-length
/// UTF-8 string dtype, bytes items a variable-length ASCII one.
fn guess_dtype(vm: &mut Interp, data: &Value) -> PyResult<Option<DType>> {
    fn item_type(vm: &mut Interp, data: &Value, depth: usize) -> PyResult<Option<&'static str>> {
        match data {
            Value::Str(_) => Ok(Some("str")),
            Value::Bytes(_) => Ok(Some("bytes")),
            Value::List(_) | Value::Tuple(_) if depth < 64 => {
                let items = vm.collect(data)?;
                let mut found: Option<Option<&'static str>> = None;
                for item in &items {
                    let t = item_type(vm, item, depth + 1)?;
                    match found {
                        None => found = Some(t),
                        Some(prev) if prev == t => {}
                        Some(_) => return Ok(None),
                    }
                }
                Ok(found.flatten())
            }
            _ => Ok(None),
        }
    }
    if let Some(r) = data.downcast::<super::refs::Reference>() {
        let meta = if r.kind == crate::hdf5::datatype::ReferenceKind::Region { Metadata::RegionRef } else { Metadata::ObjectRef };
        return Ok(Some(DType::object().with_metadata(Some(meta))));
    }
    if crate::numpy_py::as_array(data).is_some() {
        return Ok(None);
    }
    Ok(match item_type(vm, data, 0)? {
        Some("str") => Some(DType::object().with_metadata(Some(Metadata::VlenStr))),
        Some("bytes") => Some(DType::object().with_metadata(Some(Metadata::VlenBytes))),
        _ => None,
    })
}

/// `base.array_for_new_object(data, specified_dtype)`.
pub fn array_for_new_object(vm: &mut Interp, data: &Value, dtype: Option<&DType>) -> PyResult<NdArray> {
    let is_array = crate::numpy_py::as_array(data).is_some();
    let as_dtype = match dtype {
        Some(d) if d.kind() == &Kind::Float16 || !is_array => Some(d.clone()),
        _ => guess_dtype(vm, data)?,
    };
    let array = crate::numpy_py::to_array(vm, data, as_dtype.as_ref())?;
    Ok(match as_dtype {
        Some(d) if d.metadata().is_some() && array.dtype().kind() == d.kind() => array.with_dtype(d),
        _ => array,
    })
}

fn shape_of(vm: &mut Interp, value: &Value) -> PyResult<Vec<u64>> {
    let items = match value {
        Value::Int(_) => vec![value.clone()],
        other => vm.collect(other)?,
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(hsize(vm, item, i)?);
    }
    Ok(out)
}

/// One extent as `h5s.create_simple` converts it to `hsize_t`, with its errors.
fn hsize(vm: &mut Interp, item: &Value, position: usize) -> PyResult<u64> {
    match vm.to_index(item) {
        Ok(Value::Int(n)) if n < 0 => Err(Exc::overflow("can't convert negative value to hsize_t")),
        Ok(Value::Int(n)) => Ok(n as u64),
        _ => {
            let error = Exc::type_error(format!("Can't convert element {position} ({}) to hsize_t", vm.str(item)?));
            error.set_context(&Exc::type_error("an integer is required"));
            Err(error)
        }
    }
}

/// Optional per-axis sizes where None means unlimited (`maxshape=(None, 10)`).
fn maxshape_of(vm: &mut Interp, value: &Value) -> PyResult<Vec<Option<u64>>> {
    if let Value::Int(n) = value {
        return Ok(vec![Some(*n as u64)]);
    }
    let items = vm.collect(value).map_err(|_| Exc::type_error("'maxshape' argument must be None or a sequence object"))?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(match item {
            Value::None => None,
            other => Some(vm.index_value(other, "an integer is required")? as u64),
        });
    }
    Ok(out)
}

/// h5py's `guess_chunk`: halve axes in turn until the chunk is near a size that
/// grows with the dataset (8 KiB to 1 MiB).
pub fn guess_chunk(shape: &[u64], typesize: usize) -> PyResult<Vec<u64>> {
    const BASE: f64 = 16.0 * 1024.0;
    const MIN: f64 = 8.0 * 1024.0;
    const MAX: f64 = 1024.0 * 1024.0;
    if shape.is_empty() {
        return Err(Exc::value_error("Chunks not allowed for scalar datasets."));
    }
    let mut chunks: Vec<f64> = shape.iter().map(|&x| if x == 0 { 1024.0 } else { x as f64 }).collect();
    let product = |c: &[f64]| c.iter().product::<f64>();
    let typesize = typesize as f64;
    let dset_size = product(&chunks) * typesize;
    let target = (BASE * 2f64.powf((dset_size / (1024.0 * 1024.0)).log10())).clamp(MIN, MAX);
    let mut idx = 0;
    loop {
        let bytes = product(&chunks) * typesize;
        if (bytes < target || (bytes - target).abs() / target < 0.5) && bytes < MAX {
            break;
        }
        if product(&chunks) == 1.0 {
            break;
        }
        let axis = idx % chunks.len();
        chunks[axis] = (chunks[axis] / 2.0).ceil();
        idx += 1;
    }
    Ok(chunks.into_iter().map(|c| c as u64).collect())
}

/// The dataset creation property list (`filters.fill_dcpl`).
fn fill_dcpl(vm: &mut Interp, shape: Option<&[u64]>, dtype: &DType, opts: &Options, maxshape: Option<&[Option<u64>]>) -> PyResult<PropertyList> {
    let dcpl = PropertyList::create(vm.lib(), PlistClass::DatasetCreate).map_err(Exc::from_hdf5)?;
    let chunks = opts.get("chunks");
    let mut compression = opts.get("compression").cloned();
    let mut compression_opts = opts.get("compression_opts").cloned();
    let shuffle = opts.truthy(vm, "shuffle")?;
    let fletcher32 = opts.truthy(vm, "fletcher32")?;
    // make_new_dset's legacy checks: chunks=False with chunk-only options, and a
    // compression level 0-9 given as `compression`.
    if matches!(chunks, Some(Value::Bool(false))) {
        let compressed = match &compression {
            Some(c) => vm.truthy(c)?,
            None => false,
        };
        let extendable = match opts.get("maxshape") {
            Some(m) => vm.truthy(m)?,
            None => false,
        };
        if compressed || shuffle || fletcher32 || extendable {
            return Err(Exc::value_error("Chunked format required for given storage options"));
        }
    }
    if let Some(Value::Int(level @ 0..=9)) = compression {
        if compression_opts.is_some() {
            return Err(Exc::type_error("Conflict in compression options"));
        }
        compression_opts = Some(Value::Int(level));
        compression = Some(Value::str("gzip"));
    }
    if opts.get("scaleoffset").is_some() {
        return Err(Exc::not_implemented("h5py.Group.create_dataset(scaleoffset=...)"));
    }
    if opts.get("external").is_some() {
        return Err(Exc::not_implemented("h5py.Group.create_dataset(external=...)"));
    }
    let chunks_given = match chunks {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let shape = match shape {
        Some(s) if !s.is_empty() => s,
        other => {
            let what = if other.is_none() { "Empty" } else { "Scalar" };
            if chunks_given || compression.is_some() || compression_opts.is_some() || shuffle || fletcher32 {
                return Err(Exc::type_error(format!("{what} datasets don't support chunk/filter options")));
            }
            if maxshape.is_some_and(|m| !m.is_empty()) {
                return Err(Exc::type_error(format!("{what} datasets cannot be extended")));
            }
            return Ok(dcpl);
        }
    };
    let chunk_shape = match chunks {
        Some(Value::Bool(true)) | None => None,
        Some(v) => {
            let items = vm.collect(v).map_err(|_| Exc::type_error("'chunks' argument must be None or a sequence object"))?;
            if items.len() != shape.len() {
                return Err(Exc::value_error("'chunks' must have same rank as dataset shape"));
            }
            let mut out = Vec::new();
            for item in &items {
                out.push(vm.index_value(item, "an integer is required")? as u64);
            }
            Some(out)
        }
    };
    if maxshape.is_some_and(|m| m.len() != shape.len()) {
        return Err(Exc::value_error("'maxshape' must have same rank as dataset shape"));
    }
    let gzip_level = match &compression {
        None => {
            if compression_opts.is_some() {
                return Err(Exc::type_error("Compression method must be specified"));
            }
            None
        }
        Some(Value::Str(s)) if &**s == "gzip" => match &compression_opts {
            None => Some(4),
            Some(Value::Int(n)) if (0..10).contains(n) => Some(*n as u32),
            Some(other) => {
                return Err(Exc::value_error(format!("GZIP setting must be an integer from 0-9, not {}", vm.repr(other)?)))
            }
        },
        Some(Value::Str(s)) if &**s == "lzf" => {
            if compression_opts.is_some() {
                return Err(Exc::value_error("LZF compression filter accepts no options"));
            }
            None
        }
        Some(Value::Str(s)) if &**s == "szip" => {
            return Err(Exc::value_error(format!("Compression filter \"{s}\" is unavailable")))
        }
        Some(Value::Str(s)) => return Err(Exc::value_error(format!("Compression filter \"{s}\" is unavailable"))),
        Some(other) => return Err(Exc::not_implemented(format!("h5py.Group.create_dataset(compression={})", vm.repr(other)?))),
    };
    let lzf = matches!(&compression, Some(Value::Str(s)) if &**s == "lzf");
    let wants_chunks = matches!(chunks, Some(Value::Bool(true)))
        || (chunks.is_none() && (shuffle || fletcher32 || gzip_level.is_some() || lzf || maxshape.is_some()));
    let chunk_shape = if wants_chunks { Some(guess_chunk(shape, dtype.itemsize())?) } else { chunk_shape };
    if let Some(c) = &chunk_shape {
        let limit: Vec<u64> = match maxshape {
            Some(m) => m.iter().zip(shape).map(|(m, s)| m.unwrap_or(u64::MAX).max(*s)).collect(),
            None => shape.to_vec(),
        };
        if c.iter().zip(&limit).any(|(c, d)| c > d) && chunks.is_some() {
            return Err(Exc::value_error(format!(
                "Chunk shape must not be greater than data shape in any dimension. {} is not compatible with {}",
                tuple_repr(c),
                tuple_repr(shape)
            )));
        }
        dcpl.set_chunk(c).map_err(Exc::from_hdf5)?;
    }
    if let Some(ft) = opts.get("fill_time") {
        let time = match ft {
            Value::Str(s) if &**s == "alloc" => crate::hdf5::plist::FillTime::Alloc,
            Value::Str(s) if &**s == "never" => crate::hdf5::plist::FillTime::Never,
            Value::Str(s) if &**s == "ifset" => crate::hdf5::plist::FillTime::IfSet,
            other => {
                return Err(Exc::value_error(format!(
                    "fill_time must be one of the following choices: 'alloc', 'never' or 'ifset', but it is {}.",
                    vm.str(other)?
                )))
            }
        };
        dcpl.set_fill_time(time).map_err(Exc::from_hdf5)?;
    }
    if shuffle {
        dcpl.set_shuffle().map_err(Exc::from_hdf5)?;
    }
    if lzf {
        // Optional, as h5py sets it: a chunk LZF cannot shrink is stored as it is.
        dcpl.set_filter(crate::hdf5::lzf::FILTER_LZF, 1, &[]).map_err(Exc::from_hdf5)?;
    }
    if let Some(level) = gzip_level {
        dcpl.set_deflate(level).map_err(Exc::from_hdf5)?;
    }
    if fletcher32 {
        dcpl.set_fletcher32().map_err(Exc::from_hdf5)?;
    }
    Ok(dcpl)
}

/// A tuple's repr for messages (`(10,)`, `(2, 3)`).
pub fn tuple_repr(items: &[u64]) -> String {
    match items {
        [one] => format!("({one},)"),
        _ => format!("({})", items.iter().map(u64::to_string).collect::<Vec<_>>().join(", ")),
    }
}

/// `dataset.make_new_dset`: creates a dataset in `parent` (anonymous when `name` is
/// None) and writes the data, if any.
pub fn new_dataset(vm: &mut Interp, parent: &Handle, name: Option<&[u8]>, spec: DatasetSpec) -> PyResult<Dataset> {
    let opts = Options::new(spec.options)?;
    if opts.get("dcpl").is_some() || opts.get("dapl").is_some() {
        return Err(Exc::not_implemented("h5py.Group.create_dataset(dcpl=/dapl=...)"));
    }
    // A committed `h5py.Datatype` gives its dtype, and the dataset uses the committed type.
    let committed = spec.dtype.as_ref().and_then(|d| d.downcast::<HlObject>()).filter(|o| o.kind == HlKind::Datatype);
    let committed_type = committed.map(super::datatype::handle).transpose()?;
    let specified = match (&spec.dtype, committed) {
        (_, Some(t)) => Some(super::datatype::dtype(t)?),
        (Some(d), None) => Some(crate::numpy_py::to_dtype(vm, d)?),
        (None, None) => None,
    };
    let data = match &spec.data {
        Some(d) => Some(array_for_new_object(vm, d, specified.as_ref())?),
        None => None,
    };
    let shape: Option<Vec<u64>> = match (&spec.shape, &data) {
        (None, None) => {
            if specified.is_none() {
                return Err(Exc::type_error("One of data, shape or dtype must be specified"));
            }
            None
        }
        (None, Some(a)) => Some(a.shape().iter().map(|&n| n as u64).collect()),
        (Some(s), data) => {
            let shape = shape_of(vm, s)?;
            if let Some(a) = data {
                if shape.iter().product::<u64>() != a.size() as u64 {
                    return Err(Exc::value_error("Shape tuple is incompatible with data"));
                }
            }
            Some(shape)
        }
    };
    let maxshape = match opts.get("maxshape") {
        Some(m) => Some(maxshape_of(vm, m)?),
        None => None,
    };
    let dtype = match (specified, &data) {
        (Some(d), _) => d,
        (None, Some(a)) => a.dtype().clone(),
        (None, None) => DType::new(Kind::Float32),
    };
    let tid = match committed_type {
        Some(t) => t,
        None => Datatype::from_description(vm.lib(), &hdf5_type_of(&dtype)?).map_err(Exc::from_hdf5)?,
    };
    let dcpl = fill_dcpl(vm, shape.as_deref(), &dtype, &opts, maxshape.as_deref())?;
    if let Some(fill) = opts.get("fillvalue") {
        let fill = crate::numpy_py::to_array(vm, fill, Some(&dtype))?;
        let bytes = super::data::element_bytes(&fill, &dtype)?;
        dcpl.set_fill_value(&tid, &bytes).map_err(Exc::from_hdf5)?;
    }
    let track_times = match opts.get("track_times") {
        None | Some(Value::Bool(false)) => false,
        Some(Value::Bool(true)) => true,
        Some(_) => return Err(Exc::type_error("track_times must be either True or False")),
    };
    dcpl.set_obj_track_times(track_times).map_err(Exc::from_hdf5)?;
    match opts.get("track_order") {
        Some(Value::Bool(true)) => dcpl.set_attr_creation_order(3).map_err(Exc::from_hdf5)?,
        None | Some(Value::Bool(false)) => dcpl.set_attr_creation_order(0).map_err(Exc::from_hdf5)?,
        Some(_) => return Err(Exc::type_error("track_order must be either True or False")),
    }
    let space = match &shape {
        None => Dataspace::null(vm.lib()),
        Some(s) if s.is_empty() => Dataspace::scalar(vm.lib()),
        Some(s) => {
            let max: Option<Vec<u64>> = maxshape.as_ref().map(|m| m.iter().map(|d| d.unwrap_or(u64::MAX)).collect());
            Dataspace::simple(vm.lib(), s, max.as_deref())
        }
    }
    .map_err(Exc::from_hdf5)?;
    let ds = match name {
        None => Dataset::create_anonymous(parent, &tid, &space, Some(&dcpl), None),
        Some(n) => Dataset::create(parent, n, &tid, &space, None, Some(&dcpl), None),
    }
    .map_err(Exc::from_hdf5)?;
    if let (Some(array), Some(_)) = (data, &shape) {
        let array = super::dswrite::for_file_dtype(array, &dtype)?;
        if super::objdata::is_object(&dtype) || super::objdata::is_object(array.dtype()) {
            if array.size() > 0 {
                super::objdata::write_flat(vm, super::objdata::Target::Dataset(&ds, None), &array.ravel(), &dtype)?;
            }
        } else {
            super::data::write_all(vm, &ds, &array)?;
        }
    }
    Ok(ds)
}

/// `Group.require_dataset(name, shape, dtype, exact=False, **kwds)`.
pub fn require_dataset(vm: &mut Interp, obj: &HlObject, args: Args) -> PyResult<Value> {
    let sig = Signature {
        name: "Group.require_dataset",
        params: &["name", "shape", "dtype", "exact"],
        required: 3,
        method: true,
        var_keywords: true,
    };
    let b = sig.bind(args)?;
    let this = HlObject::value(obj.kind, obj.id.clone());
    if !super::group::contains(vm, obj, b.req(0))? {
        let mut keywords = vec![(Rc::from("shape"), b.req(1).clone()), (Rc::from("dtype"), b.req(2).clone())];
        keywords.extend(b.extra.clone());
        return vm.call_method(&this, "create_dataset", Args { positional: vec![b.req(0).clone()], keywords });
    }
    let existing = super::group::getitem(vm, obj, b.req(0))?;
    let Some(dset) = existing.downcast::<HlObject>().filter(|o| o.kind == HlKind::Dataset) else {
        let class = existing.downcast::<HlObject>().map(|o| super::class_of(o.kind).name.clone()).unwrap_or_default();
        return Err(Exc::type_error(format!("Incompatible object ({class}) already exists")));
    };
    let shape = shape_of(vm, b.req(1))?;
    let existing_shape = super::dataset::shape(dset)?;
    if shape != existing_shape {
        let maxshape = b.extra.iter().find(|(k, _)| &**k == "maxshape").map(|(_, v)| v.clone());
        match maxshape {
            None => {
                return Err(Exc::type_error(format!(
                    "Shapes do not match (existing {} vs new {})",
                    tuple_repr(&existing_shape),
                    vm.repr(&shape_value(b.req(1)))?
                )))
            }
            Some(m) => {
                let existing_max = super::dataset::getattr(vm, dset, &existing, "maxshape")?.unwrap_or(Value::None);
                if !vm.eq(&m, &existing_max)? {
                    return Err(Exc::type_error(format!(
                        "Max shapes do not match (existing {} vs new {})",
                        vm.repr(&existing_max)?,
                        vm.repr(&m)?
                    )));
                }
            }
        }
    }
    let dtype = crate::numpy_py::to_dtype(vm, b.req(2))?;
    let existing_dtype = super::dataset::dtype(dset)?;
    let exact = match b.get(3) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    // h5py formats the dtype argument as given (`'f8'`, `<class 'numpy.float64'>`).
    let given = vm.str(b.req(2))?;
    if exact {
        if dtype != existing_dtype {
            return Err(Exc::type_error(format!(
                "Datatypes do not exactly match (existing {} vs new {given})",
                existing_dtype.to_str(),
            )));
        }
    } else if !crate::numpy::promote::can_cast(&dtype, &existing_dtype, crate::numpy::promote::Casting::Safe) {
        return Err(Exc::type_error(format!(
            "Datatypes cannot be safely cast (existing {} vs new {given})",
            existing_dtype.to_str(),
        )));
    }
    Ok(existing)
}

/// `isinstance(shape, int)` becomes a 1-tuple, as in `require_dataset`.
fn shape_value(shape: &Value) -> Value {
    match shape {
        Value::Int(_) => Value::tuple(vec![shape.clone()]),
        other => other.clone(),
    }
}

/// `group[name] = dtype`: commits the HDF5 type of a dtype under `name`.
pub fn commit_type(vm: &mut Interp, loc: &Handle, name: &[u8], dtype: &DType, lcpl: &PropertyList) -> PyResult<()> {
    let tid = Datatype::from_description(vm.lib(), &hdf5_type_of(dtype)?).map_err(Exc::from_hdf5)?;
    tid.commit(loc, name, Some(lcpl)).map_err(Exc::from_hdf5)
}
