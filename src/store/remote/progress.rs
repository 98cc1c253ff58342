//! git's own progress ("Receiving objects:  45% (9/20)") passed through to
//! a terminal. The first `init` of a big team repo can take minutes; a
//! silent terminal for that long reads as a hang.
//!
//! The watchdog reads git's stderr anyway (every byte counts as activity);
//! when progress is on, each `\r`- or `\n`-ended segment that is one of
//! git's local progress counters is written to stderr as it comes. Server
//! text (`remote: ...`) is never passed through: it is hostile input, and
//! it is kept for the error message as before. Off when stderr is not a
//! terminal and with `-q`.

use std::io::Write;

pub use crate::render::progress::{enable, enabled};

/// The counters git prints itself, on this machine, about a transfer.
const COUNTERS: [&str; 4] = [
    "Receiving objects:",
    "Resolving deltas:",
    "Checking connectivity:",
    "Writing objects:",
];

/// Cuts a byte stream into progress segments and shows git's counters.
#[derive(Default)]
pub(super) struct PassThrough {
    pending: Vec<u8>,
    /// A counter was shown and its line not ended yet.
    open: bool,
}

impl PassThrough {
    pub(super) fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            match b {
                b'\r' | b'\n' => self.segment(b == b'\n'),
                // A counter line is short; anything longer is not one.
                _ if self.pending.len() < 200 => self.pending.push(b),
                _ => {}
            }
        }
    }

    fn segment(&mut self, ends_line: bool) {
        let line = std::mem::take(&mut self.pending);
        let Ok(text) = std::str::from_utf8(&line) else {
            return;
        };
        if !is_counter(text) {
            return;
        }
        let end = if ends_line { "\n" } else { "" };
        let mut err = std::io::stderr().lock();
        // Clear the rest of the line: a shorter counter follows a longer one.
        let _ = write!(err, "\r{text}\x1b[K{end}");
        let _ = err.flush();
        self.open = !ends_line;
    }

    /// Ends a counter line left open, so what follows starts on its own.
    pub(super) fn finish(&mut self) {
        if self.open {
            let _ = writeln!(std::io::stderr());
            self.open = false;
        }
    }
}

/// One of git's own counters, in plain printable ASCII: a server's
/// `remote: ...` text, or anything with a control byte, is not shown.
fn is_counter(text: &str) -> bool {
    COUNTERS.iter().any(|c| text.starts_with(c)) && text.bytes().all(|b| (b' '..=b'~').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::is_counter;

    #[test]
    fn only_git_counters_pass() {
        assert!(is_counter("Receiving objects:  45% (9/20)"));
        assert!(is_counter("Resolving deltas: 100% (3/3), done."));
        assert!(!is_counter("remote: Receiving objects: 1%"));
        assert!(!is_counter("Receiving objects: \x1b]8;;http://x\x07"));
        assert!(!is_counter("fatal: no"));
    }
}
