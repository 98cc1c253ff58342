//! Counters of the work the history readers do, so tests can guard their
//! complexity without timing anything: a test runs an operation at two
//! sizes and checks that the count grows linearly. The counts are per
//! thread (tests run in parallel threads of one process) and cost one
//! addition each.

use std::cell::Cell;

/// How much work was done on this thread since the last [`reset`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Tree entries the tree diff looked at: each entry read, each name
    /// compared or looked up while pairing the entries of two folders. A
    /// scan of one folder per entry of the other would count n squared.
    pub tree_entries: u64,
    /// (path, commit) pairs checked while looking for the commit that last
    /// changed each shown update. Checking every open path at every commit
    /// would count commits times paths.
    pub path_checks: u64,
    /// Member files read and parsed while judging commits.
    pub member_parses: u64,
    /// Times a `members/` folder was read while judging commits.
    pub member_folder_reads: u64,
}

thread_local! {
    static WORK: Cell<Work> = Cell::new(Work::default());
}

/// The work done on this thread since the last [`reset`].
pub fn work() -> Work {
    WORK.with(Cell::get)
}

/// Sets this thread's counters to zero.
pub fn reset() {
    WORK.with(|w| w.set(Work::default()));
}

/// Adds to this thread's counters.
pub(crate) fn add(f: impl FnOnce(&mut Work)) {
    WORK.with(|w| {
        let mut now = w.get();
        f(&mut now);
        w.set(now);
    });
}
