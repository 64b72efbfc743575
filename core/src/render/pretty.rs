//! IPython's pretty printer (`IPython.lib.pretty`), which renders `Out[n]`: the same
//! group/breakable algorithm, quirks included, with max width 79 and at most 1000
//! items per sequence.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::eval::function::Function;
use crate::eval::Interp;
use crate::value::exception::{as_exception, PyResult};
use crate::value::function::{BuiltinFunction, NativeMethod};
use crate::value::object::address;
use crate::value::types::{as_type, type_of};
use crate::value::{Set, Value};

const MAX_WIDTH: usize = 79;
const MAX_SEQ_LENGTH: usize = 1000;

struct Group {
    depth: usize,
    breakables: RefCell<VecDeque<usize>>,
    want_break: RefCell<bool>,
}

type GroupRef = Rc<Group>;

enum Item {
    Text { parts: Vec<String>, width: usize },
    Breakable { sep: String, width: usize, indentation: usize, group: GroupRef },
}

impl Item {
    fn width(&self) -> usize {
        match self {
            Item::Text { width, .. } | Item::Breakable { width, .. } => *width,
        }
    }
}

struct Printer {
    out: String,
    output_width: usize,
    buffer_width: usize,
    buffer: VecDeque<Item>,
    group_stack: Vec<GroupRef>,
    queue: Vec<Vec<GroupRef>>,
    indentation: usize,
    next_breakable: usize,
    stack: Vec<usize>,
}

impl Printer {
    fn new() -> Printer {
        let root = Rc::new(Group { depth: 0, breakables: RefCell::new(VecDeque::new()), want_break: RefCell::new(false) });
        let mut p = Printer {
            out: String::new(),
            output_width: 0,
            buffer_width: 0,
            buffer: VecDeque::new(),
            group_stack: vec![root.clone()],
            queue: Vec::new(),
            indentation: 0,
            next_breakable: 0,
            stack: Vec::new(),
        };
        p.enq(root);
        p
    }

    fn enq(&mut self, group: GroupRef) {
        while group.depth + 1 > self.queue.len() {
            self.queue.push(Vec::new());
        }
        self.queue[group.depth].push(group);
    }

    /// GroupQueue.deq, with IPython's index quirk: the index found while scanning the
    /// reversed stack is used to delete from the forward one.
    fn deq(&mut self) -> Option<GroupRef> {
        for stack in self.queue.iter_mut() {
            let found = stack.iter().rev().enumerate().find(|(_, g)| !g.breakables.borrow().is_empty()).map(|(i, g)| (i, g.clone()));
            if let Some((idx, group)) = found {
                if idx < stack.len() {
                    stack.remove(idx);
                }
                *group.want_break.borrow_mut() = true;
                return Some(group);
            }
            for g in stack.iter() {
                *g.want_break.borrow_mut() = true;
            }
            stack.clear();
        }
        None
    }

    fn remove_group(&mut self, group: &GroupRef) {
        if let Some(stack) = self.queue.get_mut(group.depth) {
            if let Some(pos) = stack.iter().position(|g| Rc::ptr_eq(g, group)) {
                stack.remove(pos);
            }
        }
    }

    /// Writes an item; returns the new output width (Printable.output).
    fn output_item(&mut self, item: Item, output_width: usize) -> usize {
        match item {
            Item::Text { parts, width } => {
                for p in parts {
                    self.out.push_str(&p);
                }
                output_width + width
            }
            Item::Breakable { sep, width, indentation, group, .. } => {
                group.breakables.borrow_mut().pop_front();
                if *group.want_break.borrow() {
                    self.out.push('\n');
                    self.out.push_str(&" ".repeat(indentation));
                    return indentation;
                }
                if group.breakables.borrow().is_empty() {
                    self.remove_group(&group);
                }
                self.out.push_str(&sep);
                output_width + width
            }
        }
    }

    fn break_one_group(&mut self, group: &GroupRef) {
        while !group.breakables.borrow().is_empty() {
            let Some(x) = self.buffer.pop_front() else { break };
            let w = x.width();
            self.output_width = self.output_item(x, self.output_width);
            self.buffer_width = self.buffer_width.saturating_sub(w);
        }
        while matches!(self.buffer.front(), Some(Item::Text { .. })) {
            let Some(x) = self.buffer.pop_front() else { break };
            let w = x.width();
            self.output_width = self.output_item(x, self.output_width);
            self.buffer_width = self.buffer_width.saturating_sub(w);
        }
    }

    fn break_outer_groups(&mut self) {
        while MAX_WIDTH < self.output_width + self.buffer_width {
            let Some(group) = self.deq() else { return };
            self.break_one_group(&group);
        }
    }

    fn text(&mut self, text: &str) {
        let width = text.chars().count();
        if !self.buffer.is_empty() {
            match self.buffer.back_mut() {
                Some(Item::Text { parts, width: w }) => {
                    parts.push(text.to_string());
                    *w += width;
                }
                _ => self.buffer.push_back(Item::Text { parts: vec![text.to_string()], width }),
            }
            self.buffer_width += width;
            self.break_outer_groups();
        } else {
            self.out.push_str(text);
            self.output_width += width;
        }
    }

    fn breakable(&mut self) {
        let group = self.group_stack[self.group_stack.len() - 1].clone();
        if *group.want_break.borrow() {
            self.flush();
            self.out.push('\n');
            self.out.push_str(&" ".repeat(self.indentation));
            self.output_width = self.indentation;
            self.buffer_width = 0;
        } else {
            let id = self.next_breakable;
            self.next_breakable += 1;
            group.breakables.borrow_mut().push_back(id);
            self.buffer.push_back(Item::Breakable { sep: " ".into(), width: 1, indentation: self.indentation, group });
            self.buffer_width += 1;
            self.break_outer_groups();
        }
    }

    fn break_(&mut self) {
        if let Some(group) = self.deq() {
            self.break_one_group(&group);
        }
        self.flush();
        self.out.push('\n');
        self.out.push_str(&" ".repeat(self.indentation));
        self.output_width = self.indentation;
        self.buffer_width = 0;
    }

    fn begin_group(&mut self, indent: usize, open: &str) {
        if !open.is_empty() {
            self.text(open);
        }
        let depth = self.group_stack[self.group_stack.len() - 1].depth + 1;
        let group = Rc::new(Group { depth, breakables: RefCell::new(VecDeque::new()), want_break: RefCell::new(false) });
        self.group_stack.push(group.clone());
        self.enq(group);
        self.indentation += indent;
    }

    fn end_group(&mut self, dedent: usize, close: &str) {
        self.indentation = self.indentation.saturating_sub(dedent);
        if let Some(group) = self.group_stack.pop() {
            if group.breakables.borrow().is_empty() {
                self.remove_group(&group);
            }
        }
        if !close.is_empty() {
            self.text(close);
        }
    }

    /// PrettyPrinter.flush — which adds each item's returned width to the current
    /// width, as IPython's does.
    fn flush(&mut self) {
        let items: Vec<Item> = self.buffer.drain(..).collect();
        for item in items {
            let w = self.output_item(item, self.output_width);
            self.output_width += w;
        }
        self.buffer_width = 0;
    }
}

/// `text/plain` of a value as IPython's display shows it.
pub fn pretty(vm: &mut Interp, value: &Value) -> PyResult<String> {
    let mut p = Printer::new();
    pretty_value(vm, &mut p, value)?;
    p.flush();
    Ok(p.out)
}

fn repr_pprint(vm: &mut Interp, p: &mut Printer, value: &Value) -> PyResult<()> {
    let output = vm.repr(value)?;
    repr_lines(p, &output);
    Ok(())
}

fn repr_lines(p: &mut Printer, output: &str) {
    p.begin_group(0, "");
    for (i, line) in crate::value::str::splitlines(output, false).iter().enumerate() {
        if i > 0 {
            p.break_();
        }
        p.text(line);
    }
    p.end_group(0, "");
}

fn pretty_value(vm: &mut Interp, p: &mut Printer, value: &Value) -> PyResult<()> {
    let id = value.identity();
    let cycle = matches!(value, Value::List(_) | Value::Dict(_) | Value::Tuple(_) | Value::Object(_)) && p.stack.contains(&id);
    p.stack.push(id);
    p.begin_group(0, "");
    let result = pretty_dispatch(vm, p, value, cycle);
    p.end_group(0, "");
    p.stack.pop();
    result
}

fn sequence(vm: &mut Interp, p: &mut Printer, items: &[Value], start: &str, end: &str, cycle: bool, is_tuple: bool) -> PyResult<()> {
    if cycle {
        p.text(&format!("{start}...{end}"));
        return Ok(());
    }
    let step = start.chars().count();
    p.begin_group(step, start);
    for (idx, x) in items.iter().enumerate() {
        if idx >= MAX_SEQ_LENGTH {
            p.text(",");
            p.breakable();
            p.text("...");
            break;
        }
        if idx > 0 {
            p.text(",");
            p.breakable();
        }
        pretty_value(vm, p, x)?;
    }
    if items.len() == 1 && is_tuple {
        p.text(",");
    }
    p.end_group(step, end);
    Ok(())
}

fn pretty_dispatch(vm: &mut Interp, p: &mut Printer, value: &Value, cycle: bool) -> PyResult<()> {
    match value {
        Value::Tuple(items) => return sequence(vm, p, items, "(", ")", cycle, true),
        Value::List(list) => return sequence(vm, p, &list.snapshot(), "[", "]", cycle, false),
        Value::Dict(dict) => {
            if cycle {
                p.text("{...}");
                return Ok(());
            }
            p.begin_group(1, "{");
            for (idx, (k, v)) in dict.items().iter().enumerate() {
                if idx >= MAX_SEQ_LENGTH {
                    p.text(",");
                    p.breakable();
                    p.text("...");
                    break;
                }
                if idx > 0 {
                    p.text(",");
                    p.breakable();
                }
                pretty_value(vm, p, k)?;
                p.text(": ");
                pretty_value(vm, p, v)?;
            }
            p.end_group(1, "}");
            return Ok(());
        }
        Value::Object(obj) => {
            if let Some(set) = obj.as_any().downcast_ref::<Set>() {
                let (start, end) = if set.frozen { ("frozenset({", "})") } else { ("{", "}") };
                if cycle {
                    p.text(&format!("{start}...{end}"));
                    return Ok(());
                }
                if set.is_empty() {
                    p.text(&format!("{}()", if set.frozen { "frozenset" } else { "set" }));
                    return Ok(());
                }
                let mut items = set.ordered();
                if items.len() < MAX_SEQ_LENGTH {
                    if let Ok(sorted) = crate::value::list::sort_values(vm, items.clone(), None, false) {
                        items = sorted;
                    }
                }
                let step = start.chars().count();
                p.begin_group(step, start);
                for (idx, x) in items.iter().enumerate() {
                    if idx >= MAX_SEQ_LENGTH {
                        p.text(",");
                        p.breakable();
                        p.text("...");
                        break;
                    }
                    if idx > 0 {
                        p.text(",");
                        p.breakable();
                    }
                    pretty_value(vm, p, x)?;
                }
                p.end_group(step, end);
                return Ok(());
            }
            if let Some(s) = obj.as_any().downcast_ref::<crate::eval::slist::SList>() {
                return sequence(vm, p, &s.list.snapshot(), "[", "]", cycle, false);
            }
            if let Some(t) = as_type(value) {
                p.text(&t.qualified_name());
                return Ok(());
            }
            if let Some(f) = obj.as_any().downcast_ref::<Function>() {
                p.text(&format!("<function __main__.{}{}>", f.code.qualname, function_signature(vm, f)?));
                return Ok(());
            }
            if let Some(f) = obj.as_any().downcast_ref::<BuiltinFunction>() {
                let name = match &f.module {
                    Some(m) if m != "builtins" => format!("{m}.{}", f.name),
                    _ => f.name.clone(),
                };
                p.text(&format!("<function {name}{}>", f.signature().unwrap_or_default()));
                return Ok(());
            }
            if let Some(m) = obj.as_any().downcast_ref::<NativeMethod>() {
                // IPython shows builtin methods as functions: `<function list.append(object, /)>`.
                let class = type_of(&m.receiver);
                if class.module == "builtins" {
                    let qualname = format!("{}.{}", class.name, m.name);
                    let signature = crate::value::signatures::lookup(&qualname).and_then(|(s, _)| s).unwrap_or("");
                    p.text(&format!("<function {qualname}{signature}>"));
                    return Ok(());
                }
                return repr_pprint(vm, p, value);
            }
            if let Some(exc) = as_exception(value) {
                let name = exc.class().qualified_name();
                let args = exc.0.args.borrow().clone();
                let prefix = format!("{name}(");
                let step = prefix.chars().count();
                p.begin_group(step, &prefix);
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        p.text(",");
                        p.breakable();
                    }
                    pretty_value(vm, p, a)?;
                }
                p.end_group(step, ")");
                return Ok(());
            }
            if !obj.has_custom_repr() {
                p.begin_group(1, "<");
                p.text(&type_of(value).qualified_name());
                p.text(&format!(" at {}", address(value)));
                if cycle {
                    p.text(" ...");
                }
                p.end_group(1, ">");
                return Ok(());
            }
        }
        _ => {}
    }
    repr_pprint(vm, p, value)
}

/// `str(inspect.signature(f))` for a user function: names, `=repr(default)`, `*`,
/// `/`, `*args`, `**kwargs`.
pub fn function_signature(vm: &mut Interp, f: &Function) -> PyResult<String> {
    let params = &f.code.params;
    let mut parts: Vec<String> = Vec::new();
    let first_default = params.positional.saturating_sub(f.defaults.len());
    for i in 0..params.positional {
        let name = &params.names[i];
        if i >= first_default {
            let d = vm.repr(&f.defaults[i - first_default])?;
            parts.push(format!("{name}={d}"));
        } else {
            parts.push(name.to_string());
        }
        if params.posonly > 0 && i + 1 == params.posonly {
            parts.push("/".into());
        }
    }
    if let Some(v) = &params.vararg {
        parts.push(format!("*{v}"));
    } else if params.names.len() > params.positional {
        parts.push("*".into());
    }
    for name in &params.names[params.positional..] {
        match f.kw_defaults.iter().find(|(k, _)| k == name) {
            Some((_, d)) => {
                let d = vm.repr(d)?;
                parts.push(format!("{name}={d}"));
            }
            None => parts.push(name.to_string()),
        }
    }
    if let Some(k) = &params.kwarg {
        parts.push(format!("**{k}"));
    }
    Ok(format!("({})", parts.join(", ")))
}
