//! Progress on a terminal for async-up's own long work (the first read
//! after joining a team with a long history, which walks it to learn who
//! last committed each shown update). A plain single-line counter, not a
//! progress bar crate: the work has no known total to draw a bar against,
//! and one line rewritten with `\r` needs no dependency. Shown only when
//! stderr is a terminal and `-q` was not given, and only once the work has
//! taken a second: quick runs stay silent.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static ON: AtomicBool = AtomicBool::new(false);

/// Turns progress on or off for the rest of the process.
pub fn enable(on: bool) {
    ON.store(on, Ordering::Relaxed);
}

/// Whether progress is shown: stderr is a terminal and `-q` was not given.
pub fn enabled() -> bool {
    ON.load(Ordering::Relaxed)
}

/// How long work runs in silence before the counter appears: a second, or
/// `ASYNC_UP_PROGRESS_DELAY_MS` (tests set 0 to see the counter on work
/// that a fast machine finishes in less).
fn delay() -> Duration {
    static DELAY: std::sync::OnceLock<Duration> = std::sync::OnceLock::new();
    *DELAY.get_or_init(|| {
        std::env::var("ASYNC_UP_PROGRESS_DELAY_MS")
            .ok()
            .and_then(|ms| ms.trim().parse().ok())
            .map_or(Duration::from_secs(1), Duration::from_millis)
    })
}
/// How often the line is rewritten at most.
const EVERY: Duration = Duration::from_millis(100);

/// "label: n" rewritten in place; the line is cleared when dropped.
pub struct Counter {
    label: &'static str,
    start: Instant,
    last: Option<Instant>,
}

impl Counter {
    /// A counter for work that starts now.
    pub fn new(label: &'static str) -> Self {
        Counter {
            label,
            start: Instant::now(),
            last: None,
        }
    }

    /// Shows `n` when progress is on and the work has run long enough.
    pub fn tick(&mut self, n: usize) {
        if !enabled() {
            return;
        }
        let now = Instant::now();
        if now - self.start < delay() || self.last.is_some_and(|l| now - l < EVERY) {
            return;
        }
        self.last = Some(now);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{}: {n}\x1b[K", self.label);
        let _ = err.flush();
    }
}

impl Drop for Counter {
    fn drop(&mut self) {
        if self.last.is_some() {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }
}
