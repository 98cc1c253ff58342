//! This user's lock on a mirror: one async-up at a time changes it. An OS
//! file lock, so a killed process drops it; the holder writes its pid into
//! the file so whoever waits can say for whom. Waiting is bounded, and
//! `--offline` never waits (see [`Store::set_lock_wait`]).

use super::{Store, LOCK_FILE};
use crate::error::{Error, Result};
use std::path::Path;

impl Store {
    /// Takes this user's lock on the mirror, once per process, before anything
    /// changes it. It is an OS file lock, so a killed process drops it; and
    /// while we hold it, any git `*.lock` file left in the mirror belongs to a
    /// process that died mid-write, so it is removed rather than waited on.
    /// Held by another async-up, it is waited for (saying so, with the pid
    /// the holder wrote into the lock file) up to the configured bound.
    pub(crate) fn lock(&self) -> Result<()> {
        if self.external || self.lock.get().is_some() {
            return Ok(());
        }
        let path = self.path.join(LOCK_FILE);
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(format!("opening {}", path.display()), e))?;
        if !self.wait_for_lock(&file, &path)? {
            return Ok(());
        }
        // The pid is for the message of whoever waits next.
        {
            use std::io::{Seek, Write};
            let _ = file.set_len(0);
            let _ = file.rewind();
            let _ = write!(file, "{}", std::process::id());
            let _ = file.flush();
        }
        // The git processes we spawn inherit the lock: if we are killed while
        // one runs, it still holds the lock until it exits, so the next
        // async-up waits for it instead of removing the ref locks it uses.
        // (Windows handles are not inherited unless asked for.)
        #[cfg(unix)]
        {
            use std::os::fd::AsRawFd;
            // SAFETY: fcntl on a file descriptor we own; F_SETFD with 0 only clears FD_CLOEXEC.
            unsafe {
                libc::fcntl(file.as_raw_fd(), libc::F_SETFD, 0);
            }
        }
        self.remove_stale_git_locks();
        let _ = self.lock.set(file);
        Ok(())
    }

    /// Takes the lock on `file`, waiting up to the bound. `false` when it is
    /// held elsewhere and this store never waits.
    fn wait_for_lock(&self, file: &std::fs::File, path: &Path) -> Result<bool> {
        use std::fs::TryLockError;
        let started = std::time::Instant::now();
        let mut said = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(true),
                Err(TryLockError::Error(e)) => {
                    return Err(Error::io(format!("locking {}", path.display()), e))
                }
                Err(TryLockError::WouldBlock) => {}
            }
            let Some(bound) = self.lock_wait else {
                return Ok(false);
            };
            let holder = lock_holder(path);
            if started.elapsed() >= bound {
                return Err(Error::Locked {
                    path: path.to_path_buf(),
                    holder,
                    seconds: bound.as_secs(),
                });
            }
            if !said {
                said = true;
                eprintln!("waiting for {holder} to release {}", path.display());
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    fn remove_stale_git_locks(&self) {
        for name in [
            "packed-refs.lock",
            "config.lock",
            "shallow.lock",
            "index.lock",
            "HEAD.lock",
        ] {
            let _ = std::fs::remove_file(self.path.join(name));
        }
        let mut dirs = vec![self.path.join("refs")];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let p = entry.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|e| e == "lock") {
                    let _ = std::fs::remove_file(&p);
                }
            }
        }
    }
}

/// "another async-up (pid N)", from the pid its holder wrote into the lock
/// file; a git it started may hold the lock after it died, which the pid
/// cannot tell, so the words stay modest.
fn lock_holder(path: &Path) -> String {
    let pid = crate::fsutil::read_regular(path, 64)
        .ok()
        .and_then(|t| String::from_utf8(t).ok())
        .and_then(|t| t.trim().parse::<u32>().ok());
    match pid {
        Some(pid) => format!("another async-up (pid {pid})"),
        None => "another async-up".to_string(),
    }
}
