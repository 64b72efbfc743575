//! Generators: the objects that calling a generator function (or evaluating a
//! generator expression) makes.
//!
//! A generator's body runs on a stackful coroutine of its own — a small mmap'ed stack
//! switched to and from on the interpreter's own thread (so HDF5 calls in a generator
//! body stay on the HDF5 owner thread). `yield` suspends the coroutine and hands the
//! value to whoever resumed it; `next()`/`send()`/`throw()`/`close()` resume it. The
//! body is the ordinary tree-walking executor: tracebacks, `try/finally`, `with`,
//! KeyboardInterrupt checks and the recursion limit work in it as in any function.
//!
//! Per resume the interpreter state that follows the Python stack is switched: the
//! native stack limit (for RecursionError instead of overflow), the call depth, and the
//! exceptions being handled (a generator suspended in an `except` block keeps its own).
//! A suspended generator that is dropped is closed (GeneratorExit thrown in, so its
//! `finally` blocks run) at the interpreter's next statement boundary.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use corosensei::stack::{DefaultStack, Stack};
use corosensei::{Coroutine, CoroutineResult, Yielder};

use super::call::Frame;
use super::exec::Flow;
use super::ir::FunctionCode;
use super::Interp;
use crate::value::exception::{as_exception, exception_class};
use crate::value::function::{check_arity, NativeMethod};
use crate::value::object::{address, Args, PyObject};
use crate::value::types::{type_of, TypeObject};
use crate::value::{Exc, ExcKind, PyResult, Value};

/// Virtual size of a generator's stack (pages are committed as they are touched).
const STACK_BYTES: usize = 16 << 20;

/// Finished generators' stacks kept for reuse.
const POOLED_STACKS: usize = 16;

/// How a generator is resumed.
pub(crate) enum Resume {
    /// `next()` / `send(value)`: the `yield` expression evaluates to the value.
    Send(Value),
    /// `throw(exc)` / `close()`: the `yield` expression raises.
    Throw(Exc),
}

/// What the resumer hands the coroutine: the interpreter (the same one every time)
/// and how to go on.
pub(crate) struct Input {
    vm: *mut Interp,
    resume: Resume,
}

/// What a suspending body hands back: the yielded value (and the interpreter pointer,
/// passed through the switch so the compiler sees the interpreter as touched by it).
pub(crate) struct Output {
    value: Value,
    _vm: *mut Interp,
}

type GenCoroutine = Coroutine<Input, Output, PyResult<Value>, DefaultStack>;

/// The handle a running generator body suspends through (kept in its [`Frame`]).
pub(crate) type GenYielder = Yielder<Input, Output>;

/// One step of a generator.
pub(crate) enum Step {
    /// It yielded a value.
    Yielded(Value),
    /// It returned (a value for `StopIteration.value`).
    Returned(Value),
}

/// A started generator's coroutine and what is switched with it.
struct Suspended {
    coroutine: GenCoroutine,
    /// The exceptions it was handling where it suspended.
    handling: Vec<Exc>,
    /// The lowest stack address its body may reach (see `Interp::stack_exhausted`).
    stack_floor: usize,
}

enum State {
    /// Not started: the frame with its arguments bound.
    Created(Box<Frame>),
    /// Suspended at a `yield`.
    Suspended(Box<Suspended>),
    /// Running (resumed and not yet suspended or finished).
    Running,
    /// Returned or raised; closed.
    Finished,
}

/// A generator object: `<generator object count_up at 0x...>`.
pub(crate) struct Generator {
    code: Rc<FunctionCode>,
    state: RefCell<State>,
}

thread_local! {
    static STACKS: RefCell<Vec<DefaultStack>> = const { RefCell::new(Vec::new()) };
    static ABANDONED: RefCell<Abandoned> = const { RefCell::new(Abandoned(Vec::new())) };
    static HAS_ABANDONED: Cell<bool> = const { Cell::new(false) };
}

/// Suspended generators that were dropped, waiting to be closed.
struct Abandoned(Vec<(Rc<FunctionCode>, Box<Suspended>)>);

impl Drop for Abandoned {
    fn drop(&mut self) {
        // At thread exit there is no interpreter to close them with, and unwinding
        // their stacks could reach thread-locals already destroyed: leak them.
        for entry in self.0.drain(..) {
            std::mem::forget(entry);
        }
    }
}

fn take_stack() -> PyResult<DefaultStack> {
    if let Some(stack) = STACKS.with(|s| s.borrow_mut().pop()) {
        return Ok(stack);
    }
    DefaultStack::new(STACK_BYTES).map_err(|_| Exc::new(ExcKind::MemoryError, "cannot allocate a generator stack"))
}

fn recycle_stack(coroutine: GenCoroutine) {
    let stack = coroutine.into_stack();
    STACKS.with(|s| {
        let mut pool = s.borrow_mut();
        if pool.len() < POOLED_STACKS {
            pool.push(stack);
        }
    });
}

/// The lowest address a body running on `stack` may reach before RecursionError.
fn stack_floor(stack: &DefaultStack) -> usize {
    stack.limit().get() + STACK_BYTES / 8
}

impl Generator {
    /// A generator that will run `code` in `frame` (arguments already bound).
    pub(crate) fn value(code: Rc<FunctionCode>, frame: Frame) -> Value {
        Value::object(Generator { code, state: RefCell::new(State::Created(Box::new(frame))) })
    }

    fn is_running(&self) -> bool {
        matches!(*self.state.borrow(), State::Running)
    }

    /// Runs the body until it yields, returns or raises.
    pub(crate) fn resume(&self, vm: &mut Interp, resume: Resume) -> PyResult<Step> {
        let state = std::mem::replace(&mut *self.state.borrow_mut(), State::Running);
        let mut suspended = match state {
            State::Running => return Err(Exc::value_error("generator already executing")),
            State::Finished => {
                *self.state.borrow_mut() = State::Finished;
                return match resume {
                    Resume::Send(_) => Ok(Step::Returned(Value::None)),
                    Resume::Throw(exc) => Err(exc),
                };
            }
            State::Created(frame) => match resume {
                Resume::Throw(exc) => {
                    *self.state.borrow_mut() = State::Finished;
                    return Err(exc);
                }
                Resume::Send(ref v) if !v.is_none() => {
                    *self.state.borrow_mut() = State::Created(frame);
                    return Err(Exc::type_error("can't send non-None value to a just-started generator"));
                }
                Resume::Send(_) => match take_stack() {
                    Ok(stack) => {
                        let stack_floor = stack_floor(&stack);
                        Box::new(Suspended { coroutine: self.start(stack, frame), handling: Vec::new(), stack_floor })
                    }
                    Err(e) => {
                        *self.state.borrow_mut() = State::Created(frame);
                        return Err(e);
                    }
                },
            },
            State::Suspended(suspended) => suspended,
        };
        if let Err(e) = vm.enter_call() {
            *self.state.borrow_mut() = State::Suspended(suspended);
            return Err(e);
        }
        let handling_base = vm.handling.len();
        vm.handling.append(&mut suspended.handling);
        let saved_limit = std::mem::replace(&mut vm.stack_limit, suspended.stack_floor);
        let result = suspended.coroutine.resume(Input { vm: vm as *mut Interp, resume });
        vm.stack_limit = saved_limit;
        suspended.handling = vm.handling.split_off(handling_base.min(vm.handling.len()));
        vm.leave_call();
        match result {
            CoroutineResult::Yield(out) => {
                *self.state.borrow_mut() = State::Suspended(suspended);
                Ok(Step::Yielded(out.value))
            }
            CoroutineResult::Return(result) => {
                *self.state.borrow_mut() = State::Finished;
                recycle_stack(suspended.coroutine);
                match result {
                    Ok(v) => Ok(Step::Returned(v)),
                    Err(e) if e.is(ExcKind::StopIteration) => {
                        let error = Exc::new(ExcKind::RuntimeError, "generator raised StopIteration");
                        *error.0.cause.borrow_mut() = Some(e.clone());
                        error.0.suppress_context.set(true);
                        error.set_context(&e);
                        Err(error)
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// The coroutine that runs the body in `frame` on `stack`.
    fn start(&self, stack: DefaultStack, frame: Box<Frame>) -> GenCoroutine {
        let code = self.code.clone();
        Coroutine::with_stack(stack, move |yielder: &GenYielder, input: Input| -> PyResult<Value> {
            // SAFETY: every resume passes the interpreter that is resuming, exclusively
            // borrowed for the duration of the resume; the body only runs inside
            // resumes.
            let vm = unsafe { &mut *input.vm };
            let mut frame = frame;
            frame.yielder = Some(yielder as *const GenYielder);
            if let Resume::Throw(exc) = input.resume {
                return Err(exc);
            }
            let result = vm.exec_block(&mut frame, &code.body);
            match result {
                Ok(Flow::Return(v)) => Ok(v),
                Ok(_) => Ok(Value::None),
                Err(e) => {
                    e.leave_frame(frame.id, code.cell, code.first_line, Some(super::call::function_frame(&code)));
                    Err(e)
                }
            }
        })
    }

    /// `next(gen[, default])`: the next value; when the generator returns, the
    /// default or StopIteration carrying the return value.
    pub(crate) fn next_or(&self, vm: &mut Interp, default: Option<Value>) -> PyResult<Value> {
        match self.resume(vm, Resume::Send(Value::None))? {
            Step::Yielded(v) => Ok(v),
            Step::Returned(v) => default.ok_or_else(|| stop_iteration(v)),
        }
    }

    /// `gen.send(value)`.
    fn send(&self, vm: &mut Interp, value: Value) -> PyResult<Value> {
        match self.resume(vm, Resume::Send(value))? {
            Step::Yielded(v) => Ok(v),
            Step::Returned(v) => Err(stop_iteration(v)),
        }
    }

    /// `gen.throw(exc)`.
    fn throw(&self, vm: &mut Interp, exc: Exc) -> PyResult<Value> {
        match self.resume(vm, Resume::Throw(exc))? {
            Step::Yielded(v) => Ok(v),
            Step::Returned(v) => Err(stop_iteration(v)),
        }
    }

    /// `gen.close()`.
    pub(crate) fn close(&self, vm: &mut Interp) -> PyResult<()> {
        {
            let mut state = self.state.borrow_mut();
            match &*state {
                State::Created(_) | State::Finished => {
                    *state = State::Finished;
                    return Ok(());
                }
                State::Running => return Err(Exc::value_error("generator already executing")),
                State::Suspended(..) => {}
            }
        }
        match self.resume(vm, Resume::Throw(Exc::bare(ExcKind::GeneratorExit))) {
            Ok(Step::Yielded(_)) => Err(Exc::new(ExcKind::RuntimeError, "generator ignored GeneratorExit")),
            Ok(Step::Returned(_)) => Ok(()),
            Err(e) if e.is(ExcKind::GeneratorExit) || e.is(ExcKind::StopIteration) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// `StopIteration(value)` (bare when the value is None).
fn stop_iteration(value: Value) -> Exc {
    if value.is_none() {
        Exc::bare(ExcKind::StopIteration)
    } else {
        Exc::with_args(exception_class(ExcKind::StopIteration), vec![value])
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        if let State::Suspended(suspended) = std::mem::replace(self.state.get_mut(), State::Finished) {
            let code = self.code.clone();
            ABANDONED.with(|a| a.borrow_mut().0.push((code, suspended)));
            HAS_ABANDONED.with(|f| f.set(true));
        }
    }
}

impl Interp {
    /// Closes the suspended generators dropped since the last call (their `finally`
    /// blocks and `with` exits run now, as CPython runs them when the last reference
    /// goes away).
    #[inline]
    pub(crate) fn close_abandoned_generators(&mut self) {
        if HAS_ABANDONED.with(Cell::get) {
            self.close_abandoned_slow();
        }
    }

    #[cold]
    fn close_abandoned_slow(&mut self) {
        loop {
            let next = ABANDONED.with(|a| {
                let mut a = a.borrow_mut();
                let next = a.0.pop();
                if a.0.is_empty() {
                    HAS_ABANDONED.with(|f| f.set(false));
                }
                next
            });
            let Some((code, suspended)) = next else { break };
            let generator = Generator { code, state: RefCell::new(State::Suspended(suspended)) };
            let this = Value::object(generator);
            let Some(g) = this.downcast::<Generator>() else { continue };
            if let Err(e) = g.close(self) {
                let shown = self.repr(&this).unwrap_or_default();
                let text = e.str(self).unwrap_or_default();
                let line = if text.is_empty() { e.name() } else { format!("{}: {text}", e.name()) };
                self.write_stderr(&format!("Exception ignored in: {shown}\n{line}\n"));
            }
            // A generator that ignored GeneratorExit is unwound when dropped here.
            if let Some(g) = this.downcast::<Generator>() {
                let state = std::mem::replace(&mut *g.state.borrow_mut(), State::Finished);
                drop(state);
            }
        }
    }

    /// Makes the generator object for a call of a generator function.
    pub(crate) fn make_generator(&mut self, code: Rc<FunctionCode>, frame: Frame) -> Value {
        Generator::value(code, frame)
    }

    /// `yield value` in a generator body: suspends, then evaluates to the value sent
    /// (or raises the exception thrown in).
    pub(crate) fn yield_value(&mut self, frame: &Frame, value: Value) -> PyResult<Value> {
        let Some(yielder) = frame.yielder else {
            return Err(Exc::new(ExcKind::SyntaxError, "'yield' outside function"));
        };
        // SAFETY: the yielder lives on the coroutine stack for as long as the body (and
        // so this frame) runs.
        let yielder = unsafe { &*yielder };
        let input = yielder.suspend(Output { value, _vm: self as *mut Interp });
        match input.resume {
            Resume::Send(v) => Ok(v),
            Resume::Throw(exc) => Err(exc),
        }
    }

    /// `yield from iterable`: delegates to a sub-iterator until it is exhausted; the
    /// value is the sub-generator's return value.
    pub(crate) fn yield_from(&mut self, frame: &Frame, iterable: Value) -> PyResult<Value> {
        let iterator = match &iterable {
            Value::Object(obj) if obj.as_any().is::<Generator>() => iterable.clone(),
            Value::Object(obj) => obj.clone().iter(self, &iterable)?,
            other => {
                let mut iter = self.iterate(other)?;
                crate::value::iter::NativeIterator::value("iterator", move |vm| iter.next(vm))
            }
        };
        let mut resume = Resume::Send(Value::None);
        loop {
            let step = match iterator.downcast::<Generator>() {
                Some(sub) => sub.resume(self, resume),
                None => self.plain_delegate_step(&iterator, resume),
            };
            let value = match step? {
                Step::Yielded(v) => v,
                Step::Returned(v) => return Ok(v),
            };
            let Some(yielder) = frame.yielder else {
                return Err(Exc::new(ExcKind::SyntaxError, "'yield' outside function"));
            };
            // SAFETY: as in `yield_value`.
            let yielder = unsafe { &*yielder };
            let input = yielder.suspend(Output { value, _vm: self as *mut Interp });
            resume = input.resume;
            if let Resume::Throw(exc) = &resume {
                if exc.is(ExcKind::GeneratorExit) {
                    if let Some(sub) = iterator.downcast::<Generator>() {
                        sub.close(self)?;
                    }
                    return Err(exc.clone());
                }
            }
        }
    }

    /// One step of `yield from` over an iterator that is not a generator.
    fn plain_delegate_step(&mut self, iterator: &Value, resume: Resume) -> PyResult<Step> {
        match resume {
            Resume::Throw(exc) => Err(exc),
            Resume::Send(v) if !v.is_none() => {
                let send = self.getattr(iterator, "send")?;
                self.call(&send, Args::positional(vec![v])).map(Step::Yielded)
            }
            Resume::Send(_) => {
                let Value::Object(obj) = iterator else { return Ok(Step::Returned(Value::None)) };
                Ok(match obj.clone().next(self, iterator)? {
                    Some(v) => Step::Yielded(v),
                    None => Step::Returned(Value::None),
                })
            }
        }
    }
}

/// The generator type.
fn generator_type() -> Rc<TypeObject> {
    crate::value::types::builtin(|t| t.generator.clone())
}

impl PyObject for Generator {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        generator_type()
    }

    fn repr(&self, _vm: &mut Interp, this: &Value) -> PyResult<String> {
        Ok(format!("<generator object {} at {}>", self.code.qualname, address(this)))
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "send" | "throw" | "close" | "__next__" | "__iter__" => Some(NativeMethod::value(this, name, generator_method)),
            "__name__" => Some(Value::str(&*self.code.name)),
            "__qualname__" => Some(Value::str(&*self.code.qualname)),
            "gi_running" => Some(Value::Bool(self.is_running())),
            _ => None,
        })
    }

    fn dir(&self) -> Vec<String> {
        ["close", "gi_running", "send", "throw"].iter().map(|s| s.to_string()).collect()
    }

    fn iter(&self, _vm: &mut Interp, this: &Value) -> PyResult<Value> {
        Ok(this.clone())
    }

    fn next(&self, vm: &mut Interp, _this: &Value) -> PyResult<Option<Value>> {
        match self.resume(vm, Resume::Send(Value::None))? {
            Step::Yielded(v) => Ok(Some(v)),
            Step::Returned(_) => Ok(None),
        }
    }

    fn is_iterator(&self) -> bool {
        true
    }
}

/// `send`, `throw`, `close`, `__next__`, `__iter__` of a generator.
fn generator_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(generator) = this.downcast::<Generator>() else { return Ok(Value::None) };
    match name {
        "send" => {
            check_arity("send", &args, 1, 1)?;
            generator.send(vm, args.positional[0].clone())
        }
        "throw" => {
            check_arity("throw", &args, 1, 3)?;
            let exc = thrown_exception(vm, &args.positional)?;
            generator.throw(vm, exc)
        }
        "close" => {
            check_arity("close", &args, 0, 0)?;
            generator.close(vm).map(|()| Value::None)
        }
        "__next__" => {
            check_arity("__next__", &args, 0, 0)?;
            generator.next_or(vm, None)
        }
        _ => Ok(this.clone()),
    }
}

/// The exception `gen.throw(typ[, val])` raises in the generator.
fn thrown_exception(vm: &mut Interp, args: &[Value]) -> PyResult<Exc> {
    let first = &args[0];
    if let Some(exc) = as_exception(first) {
        if args.len() > 1 && !args[1].is_none() {
            return Err(Exc::type_error("instance exception may not have a separate value"));
        }
        return Ok(exc);
    }
    match args.get(1) {
        Some(value) if !value.is_none() => {
            if as_exception(value).is_some() {
                return vm.to_exception(value);
            }
            let made = vm.call(first, Args::positional(vec![value.clone()]))?;
            vm.to_exception(&made)
        }
        _ => vm.to_exception(first).map_err(|_| {
            Exc::type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                type_of(first).name
            ))
        }),
    }
}
