//! Work counters for tests that guard complexity: tests never time things,
//! they count work (files parsed, entries visited) and assert it grows
//! linearly, or that a file is never parsed. With `ASYNC_UP_DEBUG_COUNTS=1`
//! the binary prints every counter to stderr when it ends, one
//! `async-up-count NAME VALUE` line each; without it, `count` is one
//! relaxed load.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Mutex;

/// 0 not yet read from the environment, 1 off, 2 on.
static STATE: AtomicU8 = AtomicU8::new(0);
static COUNTS: Mutex<BTreeMap<&'static str, u64>> = Mutex::new(BTreeMap::new());

/// Whether counting is on (`ASYNC_UP_DEBUG_COUNTS=1`).
pub fn enabled() -> bool {
    match STATE.load(Ordering::Relaxed) {
        0 => {
            let on = std::env::var("ASYNC_UP_DEBUG_COUNTS").is_ok_and(|v| v == "1");
            STATE.store(if on { 2 } else { 1 }, Ordering::Relaxed);
            on
        }
        s => s == 2,
    }
}

/// Adds `n` to the counter `name`, when counting is on.
pub fn count(name: &'static str, n: u64) {
    if enabled() {
        if let Ok(mut counts) = COUNTS.lock() {
            *counts.entry(name).or_insert(0) += n;
        }
    }
}

/// Raises the counter `name` to `value` if it is lower (a peak), when
/// counting is on.
pub fn peak(name: &'static str, value: u64) {
    if enabled() {
        if let Ok(mut counts) = COUNTS.lock() {
            let slot = counts.entry(name).or_insert(0);
            *slot = (*slot).max(value);
        }
    }
}

/// Prints every counter to stderr, when counting is on.
pub fn dump() {
    if !enabled() {
        return;
    }
    if let Ok(counts) = COUNTS.lock() {
        for (name, value) in counts.iter() {
            eprintln!("async-up-count {name} {value}");
        }
    }
}
