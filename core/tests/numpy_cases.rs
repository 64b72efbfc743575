//! NumPy behaviour cases: `golden/numpy_cases.json` (written by
//! `numpy_gen/gen_cases.py` with NumPy 2.4) holds small programs as JSON expression
//! trees and what NumPy answered (the result's repr, or the exception class and
//! message). This test evaluates each tree with h5lab's numpy module and compares.

mod support;

use std::collections::HashMap;

use h5lab_core::numpy::{create, fields};
use h5lab_core::numpy::ops::{self, Arg, UnaryOp};
use h5lab_core::numpy::promote::{can_cast, promote_types, result_type, Casting, Operand};
use h5lab_core::numpy::reduce::{self, Reduction};
use h5lab_core::numpy::{
    BinOp, DType, DTypeSpec, IndexItem, NdArray, NpError, NpResult, PyValue, Scalar, ScalarType,
};
use num_bigint::BigInt;
use num_complex::Complex64;
use serde_json::Value as J;

#[derive(Clone, Debug)]
enum Val {
    Py(PyValue),
    DType(DType),
}

impl Val {
    fn repr(&self) -> String {
        match self {
            Val::Py(v) => v.repr(),
            Val::DType(d) => d.repr(),
        }
    }
    fn py(&self) -> NpResult<PyValue> {
        match self {
            Val::Py(v) => Ok(v.clone()),
            Val::DType(_) => Err(NpError::type_error("dtype used as a value")),
        }
    }
    fn array(&self) -> NpResult<NdArray> {
        match self {
            Val::Py(PyValue::Array(a)) => Ok(a.clone()),
            Val::Py(PyValue::Scalar(s)) => Ok(NdArray::from_scalar(s)),
            Val::Py(v) => create::array(v, None),
            Val::DType(_) => Err(NpError::type_error("dtype used as an array")),
        }
    }
    fn dtype(&self) -> NpResult<DType> {
        match self {
            Val::DType(d) => Ok(d.clone()),
            Val::Py(PyValue::Str(s)) => DType::parse(s),
            _ => Err(NpError::type_error("not a dtype")),
        }
    }
    fn int(&self) -> NpResult<i64> {
        match self {
            Val::Py(PyValue::Int(i)) => i.try_into().map_err(|_| NpError::overflow("int too large")),
            Val::Py(PyValue::Bool(b)) => Ok(*b as i64),
            Val::Py(PyValue::Scalar(s)) => Ok(s.as_num().map(|n| n.as_i64()).unwrap_or(0)),
            _ => Err(NpError::type_error("expected an int")),
        }
    }
    fn float(&self) -> NpResult<f64> {
        match self {
            Val::Py(v) => v.as_number().map(|n| n.as_f64()).ok_or_else(|| NpError::type_error("expected a number")),
            _ => Err(NpError::type_error("expected a number")),
        }
    }
    fn is_none(&self) -> bool {
        matches!(self, Val::Py(PyValue::None))
    }
    fn arg(&self) -> NpResult<Arg> {
        Ok(match self {
            Val::Py(PyValue::Array(a)) => Arg::Array(a.clone()),
            Val::Py(PyValue::Scalar(s)) => Arg::Scalar(s.clone()),
            Val::Py(v) => Arg::Py(v.clone()),
            Val::DType(_) => return Err(NpError::type_error("dtype operand")),
        })
    }
    fn shape(&self) -> NpResult<Vec<usize>> {
        match self {
            Val::Py(PyValue::Tuple(items)) | Val::Py(PyValue::List(items)) => {
                let dims: NpResult<Vec<i64>> = items.iter().map(|v| Val::Py(v.clone()).int()).collect();
                create::shape_from(&dims?)
            }
            other => create::shape_from(&[other.int()?]),
        }
    }
    fn axes(&self) -> NpResult<Option<Vec<isize>>> {
        match self {
            Val::Py(PyValue::None) => Ok(None),
            Val::Py(PyValue::Tuple(items)) => {
                let v: NpResult<Vec<isize>> = items.iter().map(|v| Val::Py(v.clone()).int().map(|i| i as isize)).collect();
                Ok(Some(v?))
            }
            other => Ok(Some(vec![other.int()? as isize])),
        }
    }
    fn operand(&self) -> NpResult<Operand> {
        Ok(match self {
            Val::DType(d) => Operand::DType(d.clone()),
            Val::Py(PyValue::Int(_)) => Operand::PyInt,
            Val::Py(PyValue::Float(_)) => Operand::PyFloat,
            Val::Py(PyValue::Complex(_)) => Operand::PyComplex,
            Val::Py(PyValue::Bool(_)) => Operand::PyBool,
            Val::Py(PyValue::Array(a)) => Operand::DType(a.dtype().clone()),
            Val::Py(PyValue::Scalar(s)) => Operand::DType(s.dtype()),
            _ => return Err(NpError::type_error("operand")),
        })
    }
    fn arrays(&self) -> NpResult<Vec<NdArray>> {
        match self {
            Val::Py(PyValue::List(items)) | Val::Py(PyValue::Tuple(items)) => {
                items.iter().map(|v| Val::Py(v.clone()).array()).collect()
            }
            other => Ok(vec![other.array()?]),
        }
    }
}

fn to_spec(v: &Val) -> NpResult<DTypeSpec> {
    Ok(match v {
        Val::DType(d) => DTypeSpec::DType(d.clone()),
        Val::Py(PyValue::Str(s)) => DTypeSpec::Str(s.clone()),
        Val::Py(PyValue::List(items)) => {
            let mut fields = Vec::new();
            for it in items {
                let PyValue::Tuple(t) = it else { return Err(NpError::type_error("field spec")) };
                let name = match &t[0] {
                    PyValue::Str(s) => s.clone(),
                    _ => String::new(),
                };
                let spec = to_spec(&Val::Py(t[1].clone()))?;
                let shape = match t.get(2) {
                    Some(s) => Val::Py(s.clone()).shape()?,
                    None => vec![],
                };
                fields.push((name, spec, shape));
            }
            DTypeSpec::List(fields)
        }
        _ => return Err(NpError::type_error("dtype spec")),
    })
}

struct Env {
    vars: HashMap<String, Val>,
}

fn s(j: &J) -> &str {
    j.as_str().unwrap_or("")
}

fn reduction(name: &str) -> Option<Reduction> {
    Some(match name {
        "sum" => Reduction::Sum,
        "prod" => Reduction::Prod,
        "mean" => Reduction::Mean,
        "std" => Reduction::Std,
        "var" => Reduction::Var,
        "min" => Reduction::Min,
        "max" => Reduction::Max,
        "argmin" => Reduction::ArgMin,
        "argmax" => Reduction::ArgMax,
        "any" => Reduction::Any,
        "all" => Reduction::All,
        _ => return None,
    })
}

fn unary_op(name: &str) -> Option<UnaryOp> {
    Some(match name {
        "sqrt" => UnaryOp::Sqrt,
        "exp" => UnaryOp::Exp,
        "log" => UnaryOp::Log,
        "sin" => UnaryOp::Sin,
        "cos" => UnaryOp::Cos,
        "abs" => UnaryOp::Abs,
        "floor" => UnaryOp::Floor,
        "ceil" => UnaryOp::Ceil,
        "isnan" => UnaryOp::IsNan,
        "isfinite" => UnaryOp::IsFinite,
        _ => return None,
    })
}

fn bin_op(name: &str) -> Option<BinOp> {
    let name = match name {
        "==" | "!=" | "<=" | ">=" => name,
        other => other.strip_suffix('=').unwrap_or(other),
    };
    Some(match name {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "/" => BinOp::TrueDiv,
        "//" => BinOp::FloorDiv,
        "%" => BinOp::Mod,
        "**" => BinOp::Pow,
        "&" => BinOp::BitAnd,
        "|" => BinOp::BitOr,
        "^" => BinOp::BitXor,
        "<<" => BinOp::LShift,
        ">>" => BinOp::RShift,
        "==" => BinOp::Eq,
        "!=" => BinOp::Ne,
        "<" => BinOp::Lt,
        "<=" => BinOp::Le,
        ">" => BinOp::Gt,
        ">=" => BinOp::Ge,
        _ => return None,
    })
}

fn py(v: PyValue) -> Val {
    Val::Py(v)
}

impl Env {
    fn eval(&mut self, e: &J) -> NpResult<Val> {
        let o = e.as_object().expect("expression object");
        if let Some(v) = o.get("int") {
            return Ok(py(PyValue::Int(s(v).parse::<BigInt>().unwrap())));
        }
        if let Some(v) = o.get("float") {
            return Ok(py(PyValue::Float(parse_float(s(v)))));
        }
        if let Some(v) = o.get("complex") {
            return Ok(py(PyValue::Complex(Complex64::new(parse_float(s(&v[0])), parse_float(s(&v[1]))))));
        }
        if let Some(v) = o.get("bool") {
            return Ok(py(PyValue::Bool(v.as_bool().unwrap())));
        }
        if o.contains_key("none") {
            return Ok(py(PyValue::None));
        }
        if let Some(v) = o.get("str") {
            return Ok(py(PyValue::Str(s(v).to_string())));
        }
        if let Some(v) = o.get("bytes") {
            let h = s(v);
            let b = (0..h.len()).step_by(2).map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap()).collect();
            return Ok(py(PyValue::Bytes(b)));
        }
        if let Some(v) = o.get("list") {
            let items: NpResult<Vec<PyValue>> = v.as_array().unwrap().iter().map(|x| self.eval(x).and_then(|v| v.py_or_dtype())).collect();
            return Ok(py(PyValue::List(items?)));
        }
        if let Some(v) = o.get("tuple") {
            let items: NpResult<Vec<PyValue>> = v.as_array().unwrap().iter().map(|x| self.eval(x).and_then(|v| v.py_or_dtype())).collect();
            return Ok(py(PyValue::Tuple(items?)));
        }
        if let Some(v) = o.get("var") {
            return Ok(self.vars[s(v)].clone());
        }
        if let Some(v) = o.get("dtype") {
            return DType::parse(s(v)).map(Val::DType);
        }
        if let Some(t) = o.get("scalar") {
            let ty = ScalarType::from_name(s(t)).unwrap_or(ScalarType::Object);
            let v = self.eval(&o["v"])?.py()?;
            return ops::make_scalar(&ty.dtype(), &v).map(py);
        }
        if let Some(name) = o.get("call") {
            let args: NpResult<Vec<Val>> = o["args"].as_array().unwrap().iter().map(|a| self.eval(a)).collect();
            let mut kw = HashMap::new();
            for (k, v) in o["kw"].as_object().unwrap() {
                kw.insert(k.clone(), self.eval(v)?);
            }
            return self.call(s(name), &args?, &kw);
        }
        if let Some(name) = o.get("method") {
            let on = self.eval(&o["on"])?;
            let args: NpResult<Vec<Val>> = o["args"].as_array().unwrap().iter().map(|a| self.eval(a)).collect();
            let mut kw = HashMap::new();
            for (k, v) in o["kw"].as_object().unwrap() {
                kw.insert(k.clone(), self.eval(v)?);
            }
            return self.method(&on, s(name), &args?, &kw);
        }
        if let Some(name) = o.get("attr") {
            let on = self.eval(&o["on"])?;
            return attribute(&on, s(name));
        }
        if let Some(on) = o.get("index") {
            let target = self.eval(on)?;
            let key_json = o["key"].as_array().unwrap();
            if let Val::Py(PyValue::Scalar(sc @ Scalar::Void(..))) = &target {
                let k = &key_json[0];
                return match (k.get("str"), k.get("idx")) {
                    (Some(name), _) => fields::void_field(sc, Some(s(name)), None).map(py),
                    (_, Some(i)) => fields::void_field(sc, None, Some(i.as_i64().unwrap() as isize)).map(py),
                    _ => panic!("void key"),
                };
            }
            let a = target.array()?;
            if key_json.len() == 1 {
                if let Some(name) = key_json[0].get("str") {
                    return a.field(s(name)).map(|f| py(PyValue::Array(f)));
                }
            }
            let key = self.key(&o["key"])?;
            return a.getitem(&key).map(py);
        }
        if let Some(op) = o.get("bin") {
            let l = self.eval(&o["l"])?;
            let r = self.eval(&o["r"])?;
            if s(op) == "in" {
                let a = r.array()?;
                return Ok(py(PyValue::Bool(a.contains(&l.py()?))));
            }
            return ops::binary(bin_op(s(op)).unwrap(), &l.arg()?, &r.arg()?).map(py);
        }
        if let Some(op) = o.get("un") {
            let x = self.eval(&o["x"])?;
            let u = match s(op) {
                "-" => UnaryOp::Neg,
                "+" => UnaryOp::Pos,
                "~" => UnaryOp::Invert,
                _ => UnaryOp::Abs,
            };
            return ops::unary(u, &x.arg()?).map(py);
        }
        if let Some(lets) = o.get("let") {
            for pair in lets.as_array().unwrap() {
                let v = self.eval(&pair[1])?;
                self.vars.insert(s(&pair[0]).to_string(), v);
            }
            for st in o["stmts"].as_array().unwrap() {
                if let Some(t) = st.get("setitem") {
                    let a = self.eval(t)?.array()?;
                    let key_json = st["key"].as_array().unwrap();
                    if key_json.len() == 1 {
                        if let Some(name) = key_json[0].get("str") {
                            let v = self.eval(&st["value"])?.py()?;
                            a.set_field(s(name), &v)?;
                            continue;
                        }
                    }
                    let key = self.key(&st["key"])?;
                    let v = self.eval(&st["value"])?.py()?;
                    a.setitem(&key, &v)?;
                } else {
                    let target = self.eval(&st["target"])?.array()?;
                    let v = self.eval(&st["value"])?;
                    ops::binary_inplace(bin_op(s(&st["iop"])).unwrap(), &target, &v.arg()?)?;
                }
            }
            return self.eval(&o["result"]);
        }
        panic!("unknown expression {e}");
    }

    fn key(&mut self, items: &J) -> NpResult<Vec<IndexItem>> {
        let mut out = Vec::new();
        if let [single] = items.as_array().unwrap().as_slice() {
            if single.get("tuple").is_some_and(|t| t.as_array().unwrap().is_empty()) {
                return Ok(out);
            }
        }
        for k in items.as_array().unwrap() {
            if let Some(i) = k.get("idx") {
                out.push(IndexItem::Int(i.as_i64().unwrap()));
            } else if let Some(sl) = k.get("slice") {
                let p = |j: &J| j.as_i64();
                out.push(IndexItem::Slice(p(&sl[0]), p(&sl[1]), p(&sl[2])));
            } else if k.get("ellipsis").is_some() {
                out.push(IndexItem::Ellipsis);
            } else if k.get("newaxis").is_some() {
                out.push(IndexItem::NewAxis);
            } else {
                let v = self.eval(k)?;
                match v {
                    Val::Py(PyValue::Float(_)) => {
                        return Err(NpError::index(
                            "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices",
                        ))
                    }
                    Val::Py(PyValue::Int(i)) => out.push(IndexItem::Int(i.try_into().unwrap())),
                    other => out.push(IndexItem::Array(other.array()?)),
                }
            }
        }
        Ok(out)
    }

    fn call(&mut self, name: &str, args: &[Val], kw: &HashMap<String, Val>) -> NpResult<Val> {
        let dtype_kw = || -> NpResult<Option<DType>> {
            match kw.get("dtype") {
                Some(d) => Ok(Some(d.dtype()?)),
                None => Ok(None),
            }
        };
        let axis_kw = |default: Option<Vec<isize>>| -> NpResult<Option<Vec<isize>>> {
            match kw.get("axis") {
                Some(a) => a.axes(),
                None => Ok(default),
            }
        };
        let keepdims = kw.get("keepdims").is_some_and(|v| matches!(v, Val::Py(PyValue::Bool(true))));
        if let Some(r) = reduction(name) {
            let a = args[0].array()?;
            let axis = axis_kw(None)?;
            return reduce::reduce(&a, r, axis.as_deref(), keepdims, 0.0).map(py);
        }
        if let Some(u) = unary_op(name) {
            return ops::unary(u, &args[0].arg()?).map(py);
        }
        let arr = |v: NdArray| Ok(py(PyValue::Array(v)));
        match name {
            "array" => arr(create::array(&args[0].py()?, dtype_kw()?.as_ref())?),
            "asarray" => arr(create::asarray(&args[0].py()?, dtype_kw()?.as_ref())?),
            "zeros" | "empty" => arr(create::zeros(&args[0].shape()?, &dtype_kw()?.unwrap_or_else(DType::float64))?),
            "ones" => arr(create::ones(&args[0].shape()?, &dtype_kw()?.unwrap_or_else(DType::float64))?),
            "full" => arr(create::full(&args[0].shape()?, &args[1].py()?, dtype_kw()?.as_ref())?),
            "zeros_like" => arr(create::full_like(&args[0].array()?, None, dtype_kw()?.as_ref())?),
            "ones_like" => arr(create::full_like(&args[0].array()?, Some(&PyValue::int(1)), dtype_kw()?.as_ref())?),
            "full_like" => arr(create::full_like(&args[0].array()?, Some(&args[1].py()?), dtype_kw()?.as_ref())?),
            "arange" => {
                let p: NpResult<Vec<PyValue>> = args.iter().map(|a| a.py()).collect();
                let p = p?;
                arr(create::arange(&p[0], p.get(1), p.get(2), dtype_kw()?.as_ref())?)
            }
            "linspace" => {
                let endpoint = !kw.get("endpoint").is_some_and(|v| matches!(v, Val::Py(PyValue::Bool(false))));
                let num = args.get(2).map(|n| n.int()).transpose()?.unwrap_or(50);
                arr(create::linspace(args[0].float()?, args[1].float()?, num, endpoint, dtype_kw()?.as_ref())?)
            }
            "eye" => {
                let m = args.get(1).map(|v| v.int()).transpose()?.map(|v| v as usize);
                let k = kw.get("k").map(|v| v.int()).transpose()?.unwrap_or(0);
                arr(create::eye(args[0].int()? as usize, m, k, &dtype_kw()?.unwrap_or_else(DType::float64))?)
            }
            "identity" => arr(create::identity(args[0].int()? as usize, &dtype_kw()?.unwrap_or_else(DType::float64))?),
            "concatenate" => {
                let axis = match kw.get("axis") {
                    Some(v) if v.is_none() => None,
                    Some(v) => Some(v.int()? as isize),
                    None => Some(0),
                };
                arr(create::concatenate(&args[0].arrays()?, axis)?)
            }
            "stack" => {
                let axis = kw.get("axis").map(|v| v.int()).transpose()?.unwrap_or(0);
                arr(create::stack(&args[0].arrays()?, axis as isize)?)
            }
            "vstack" => arr(create::vstack(&args[0].arrays()?)?),
            "hstack" => arr(create::hstack(&args[0].arrays()?)?),
            "cumsum" => {
                let axis = axis_kw(None)?.map(|v| v[0]);
                arr(reduce::cumulative(&args[0].array()?, Reduction::Sum, axis)?)
            }
            "where" => arr(reduce::where_(&args[0].array()?, &args[1].array()?, &args[2].array()?)?),
            "unique" => arr(reduce::unique(&args[0].array()?)?),
            "allclose" => Ok(py(PyValue::Bool(reduce::allclose(&args[0].array()?, &args[1].array()?, 1e-5, 1e-8, false)?))),
            "array_equal" => Ok(py(PyValue::Bool(reduce::array_equal(&args[0].array()?, &args[1].array()?)))),
            "result_type" => {
                let ops: NpResult<Vec<Operand>> = args.iter().map(|a| a.operand()).collect();
                result_type(&ops?).map(Val::DType)
            }
            "promote_types" => promote_types(&args[0].dtype()?, &args[1].dtype()?).map(Val::DType),
            "can_cast" => Ok(py(PyValue::Bool(can_cast(&args[0].dtype()?, &args[1].dtype()?, Casting::SameKind)))),
            "sort" => {
                let axis = match kw.get("axis") {
                    Some(v) if v.is_none() => None,
                    Some(v) => Some(v.int()? as isize),
                    None => Some(-1),
                };
                arr(reduce::sort(&args[0].array()?, axis)?)
            }
            "round" => {
                let d = args.get(1).map(|v| v.int()).transpose()?.unwrap_or(0);
                let r = ops::round(&args[0].array()?, d)?;
                Ok(py(scalarize(r)))
            }
            "frombuffer" => {
                let Val::Py(PyValue::Bytes(b)) = &args[0] else { panic!("bytes") };
                arr(create::frombuffer(b, &dtype_kw()?.unwrap_or_else(DType::float64), -1, 0)?)
            }
            "dtype" => DType::from_spec(&to_spec(&args[0])?).map(Val::DType),
            "len" => match &args[0] {
                Val::Py(PyValue::Array(a)) => Ok(py(PyValue::int(a.len()? as i64))),
                other => Ok(py(PyValue::int(other.array()?.len()? as i64))),
            },
            "str" => Ok(py(PyValue::Str(match &args[0] {
                Val::DType(d) => d.to_str(),
                Val::Py(PyValue::Array(a)) => a.str(&Default::default()),
                Val::Py(v) => v.str(),
            }))),
            "repr" => Ok(py(PyValue::Str(args[0].repr()))),
            "int" => match &args[0] {
                Val::Py(PyValue::Scalar(sc)) => ops::scalar_to_int(sc).map(|i| py(PyValue::Int(i))),
                other => Ok(py(PyValue::int(other.int()?))),
            },
            "float" => match &args[0] {
                Val::Py(PyValue::Scalar(sc)) => ops::scalar_to_float(sc).map(|f| py(PyValue::Float(f))),
                other => Ok(py(PyValue::Float(other.float()?))),
            },
            "bool" => Ok(py(PyValue::Bool(args[0].array()?.truthy()?))),
            "list" => Ok(py(PyValue::List(args[0].array()?.iter_axis0()?))),
            "shares_memory" => Ok(py(PyValue::Bool(args[0].array()?.shares_memory(&args[1].array()?)))),
            other => panic!("unknown function {other}"),
        }
    }

    fn method(&mut self, on: &Val, name: &str, args: &[Val], kw: &HashMap<String, Val>) -> NpResult<Val> {
        let a = on.array()?;
        if let Some(r) = reduction(name) {
            let axis = match kw.get("axis") {
                Some(v) => v.axes()?,
                None => None,
            };
            let keepdims = kw.get("keepdims").is_some_and(|v| matches!(v, Val::Py(PyValue::Bool(true))));
            let ddof = kw.get("ddof").map(|v| v.float()).transpose()?.unwrap_or(0.0);
            return reduce::reduce(&a, r, axis.as_deref(), keepdims, ddof).map(py);
        }
        let arr = |v: NdArray| Ok(py(PyValue::Array(v)));
        let ints = |args: &[Val]| -> NpResult<Vec<isize>> {
            if args.len() == 1 {
                if let Val::Py(PyValue::Tuple(t)) = &args[0] {
                    return t.iter().map(|v| Val::Py(v.clone()).int().map(|i| i as isize)).collect();
                }
            }
            args.iter().map(|v| v.int().map(|i| i as isize)).collect()
        };
        match name {
            "reshape" => arr(a.reshape(&ints(args)?)?),
            "transpose" => arr(a.transpose(&ints(args)?)?),
            "swapaxes" => arr(a.swapaxes(args[0].int()? as isize, args[1].int()? as isize)?),
            "ravel" => arr(a.ravel()),
            "flatten" => arr(a.flatten()),
            "astype" => arr(a.astype(&args[0].dtype()?)?),
            "copy" => arr(a.copy()),
            "tolist" => Ok(py(a.tolist())),
            "item" => match args.first() {
                None => a.item().map(py),
                Some(i) => a.item_at(i.int()? as isize).map(py),
            },
            "sort" => {
                a.sort_inplace(-1)?;
                Ok(py(PyValue::None))
            }
            "round" => {
                let d = args.first().map(|v| v.int()).transpose()?.unwrap_or(0);
                Ok(py(scalarize(ops::round(&a, d)?)))
            }
            "cumsum" => {
                let axis = kw.get("axis").map(|v| v.int()).transpose()?.map(|v| v as isize);
                arr(reduce::cumulative(&a, Reduction::Sum, axis)?)
            }
            other => panic!("unknown method {other}"),
        }
    }
}

fn scalarize(a: NdArray) -> PyValue {
    if a.ndim() == 0 {
        a.values().into_iter().next().unwrap_or(PyValue::None)
    } else {
        PyValue::Array(a)
    }
}

trait PyOrDType {
    fn py_or_dtype(self) -> NpResult<PyValue>;
}

impl PyOrDType for Val {
    fn py_or_dtype(self) -> NpResult<PyValue> {
        match self {
            Val::Py(v) => Ok(v),
            // dtypes inside lists only occur in structured specs: carry them as str.
            Val::DType(d) => Ok(PyValue::Str(d.type_str())),
        }
    }
}

fn attribute(on: &Val, name: &str) -> NpResult<Val> {
    if let Val::DType(d) = on {
        return Ok(match name {
            "name" => py(PyValue::Str(d.name())),
            "str" => py(PyValue::Str(d.type_str())),
            "char" => py(PyValue::Str(d.char().to_string())),
            "kind" => py(PyValue::Str(d.kind_char().to_string())),
            "itemsize" => py(PyValue::int(d.itemsize() as i64)),
            "byteorder" => py(PyValue::Str(d.byteorder().to_string())),
            "descr" => py(PyValue::Object(std::rc::Rc::new(Raw(d.descr_repr())))),
            "fields" => py(PyValue::Object(std::rc::Rc::new(Raw(d.fields_repr())))),
            "names" => match d.names() {
                Some(n) => py(PyValue::Tuple(n.into_iter().map(PyValue::Str).collect())),
                None => py(PyValue::None),
            },
            other => panic!("dtype attribute {other}"),
        });
    }
    let a = on.array()?;
    Ok(match name {
        "shape" => py(PyValue::Tuple(a.shape().iter().map(|&n| PyValue::int(n as i64)).collect())),
        "ndim" => py(PyValue::int(a.ndim() as i64)),
        "size" => py(PyValue::int(a.size() as i64)),
        "nbytes" => py(PyValue::int(a.nbytes() as i64)),
        "itemsize" => py(PyValue::int(a.itemsize() as i64)),
        "dtype" => Val::DType(a.dtype().clone()),
        "T" => py(PyValue::Array(a.t())),
        other => panic!("array attribute {other}"),
    })
}

/// A value whose repr is given (dtype.descr).
#[derive(Debug)]
struct Raw(String);

impl h5lab_core::numpy::PyObjectLike for Raw {
    fn repr(&self) -> String {
        self.0.clone()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn parse_float(t: &str) -> f64 {
    match t {
        "inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        "nan" => f64::NAN,
        _ => t.parse().unwrap(),
    }
}


fn run(json: &str) -> (usize, Vec<String>) {
    let doc: J = serde_json::from_str(json).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let mut env = Env { vars: HashMap::new() };
        let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| env.eval(&case["expr"])));
        let got = match got {
            Ok(Ok(v)) => format!("repr: {}", v.repr()),
            Ok(Err(e)) => format!("error: {}: {}", e.class, e.message),
            Err(_) => "PANIC".to_string(),
        };
        let want = match case.get("error") {
            Some(e) => format!("error: {}: {}", s(&e[0]), s(&e[1])),
            None => format!("repr: {}", s(&case["repr"])),
        };
        if got != want {
            if let Some(reason) = case.get("known_gap") {
                eprintln!("known gap, case {i}: {}\n  numpy: {want}\n  h5lab: {got}", s(reason));
                continue;
            }
            failures.push(format!("case {i}: {}\n--- numpy\n{want}\n--- h5lab\n{got}\n", case["expr"]));
        }
    }
    (cases.len(), failures)
}

#[test]
fn numpy_cases_behave_as_numpy() {
    // H5LAB_CASES_JSON points at another generated file.
    let path = std::env::var_os("H5LAB_CASES_JSON")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| support::golden_path("numpy_cases.json"));
    let json = std::fs::read_to_string(path).unwrap();
    let (count, failures) = run(&json);
    if let Some(path) = std::env::var_os("H5LAB_CASES_FAILURES") {
        std::fs::write(path, failures.join("\n")).unwrap();
    }
    for f in failures.iter().take(10) {
        eprintln!("{f}");
    }
    assert!(failures.is_empty(), "{} of {count} cases differ from NumPy", failures.len());
}

#[test]
fn numpy_cases_behave_as_live_numpy() {
    let Some(python) = support::test_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cases.json");
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/numpy_gen/gen_cases.py");
    let status = std::process::Command::new(python).arg(script).arg(&out).status().unwrap();
    assert!(status.success());
    let (count, failures) = run(&std::fs::read_to_string(out).unwrap());
    for f in failures.iter().take(10) {
        eprintln!("{f}");
    }
    assert!(failures.is_empty(), "{} of {count} live cases differ from NumPy", failures.len());
}
