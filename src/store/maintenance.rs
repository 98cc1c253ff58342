//! Keeping the mirror fast after a year of daily use. Every write and many
//! fetches leave loose objects; when they pile up, `git gc --auto` is started
//! in the background, as git itself does after a commit.

use super::Store;
use std::process::Stdio;

/// Loose objects in one of the 256 fan-out folders above which a repack is
/// worth starting: about 1,000 in all, well below git's own 6,700.
const LOOSE_PER_FOLDER: usize = 4;

impl Store {
    /// Starts `git gc --auto` in the background when loose objects pile up.
    /// Does nothing without a git binary, for `--repo` stores, or when few
    /// objects are loose. Never waits for it.
    pub fn maintain(&self) {
        // Without our lock (`--offline` beside a running async-up) the
        // mirror is someone else's to tidy.
        if self.external
            || !self.holds_lock()
            || self
                .remote
                .as_ref()
                .is_some_and(|r| r.transport != super::Transport::Git)
        {
            return;
        }
        // Like git's estimate: count one fan-out folder.
        let sample = std::fs::read_dir(self.path.join("objects/17"))
            .map(|d| d.count())
            .unwrap_or(0);
        if sample <= LOOSE_PER_FOLDER {
            return;
        }
        // No hook either: `git gc --auto` runs `pre-auto-gc`.
        let mut cmd = super::git_cli::git_on(&self.path);
        cmd.args([
            "-c",
            "gc.auto=256",
            "-c",
            "gc.autoDetach=false",
            "gc",
            "--auto",
            "--quiet",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        #[cfg(unix)]
        if let Some(lock) = self.lock.get() {
            use std::os::fd::AsRawFd;
            use std::os::unix::process::CommandExt;
            let fd = lock.as_raw_fd();
            // SAFETY: only close(2) between fork and exec, which is async-signal-safe.
            // The background gc must not keep our mirror lock: later commands would wait for it.
            unsafe {
                cmd.pre_exec(move || {
                    libc::close(fd);
                    Ok(())
                });
            }
        }
        let _ = cmd.spawn();
    }
}
