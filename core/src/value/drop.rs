//! Dropping deeply nested containers without deep recursion: `l = [l]` repeated a
//! million times must not overflow the stack when `l` goes away (CPython's
//! "trashcan"). Lists and dicts hand their items to a per-thread work list that the
//! outermost drop empties iteratively.

use std::cell::{Cell, RefCell};

use super::Value;

thread_local! {
    static PENDING: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    static DRAINING: Cell<bool> = const { Cell::new(false) };
}

/// Drops `items`; nested containers released meanwhile are queued, not recursed into.
pub fn drop_items(items: Vec<Value>) {
    if items.is_empty() {
        return;
    }
    if DRAINING.with(Cell::get) {
        PENDING.with(|p| p.borrow_mut().extend(items));
        return;
    }
    DRAINING.with(|d| d.set(true));
    let mut stack = items;
    while let Some(value) = stack.pop() {
        // Only a container's drop can queue items.
        let may_queue = matches!(value, Value::Tuple(_) | Value::List(_) | Value::Dict(_) | Value::Object(_));
        drop(value);
        if may_queue {
            PENDING.with(|p| stack.append(&mut p.borrow_mut()));
        }
    }
    DRAINING.with(|d| d.set(false));
}
