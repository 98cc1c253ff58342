//! Small filesystem helpers.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file, fsync and rename, so a
/// reader (or a process killed mid-write) never sees a half-written file, and
/// the new content survives a crash.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_replacing(path, bytes, true)
}

/// Writes a file the user named for output (`report --html FILE`): a
/// regular file, or a new one, is replaced atomically; anything else (a
/// device such as `/dev/stdout`, a FIFO) is written to as it is. Replacing
/// it would put a regular file where the device was: `/dev/null` itself,
/// when run as root.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| Error::io(format!("writing {}", path.display()), e)),
        _ => write_atomically(path, bytes),
    }
}

/// A cache file's bytes, when it is a regular file: anything else put in
/// its place (a FIFO, a link to `/dev/zero`) would block or never end a
/// read, and a cache that cannot be read is only slower. `None` when it
/// is missing, not a regular file or unreadable.
pub fn read_cache(path: &Path) -> Option<Vec<u8>> {
    read_regular(path, u64::MAX).ok()
}

/// The bytes of the regular file at `path`, at most `limit` of them. A
/// FIFO is not waited on (it is opened without blocking), and a device or
/// folder is refused before anything is read: each is an error saying so.
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Error, ErrorKind, Read};
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // Opening a FIFO for reading waits for a writer unless non-blocking.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(Error::new(ErrorKind::InvalidInput, "not a regular file"));
    }
    if meta.len() > limit {
        return Err(Error::new(
            ErrorKind::InvalidData,
            format!("over {limit} bytes"),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Like [`write_atomically`] without the fsyncs: for caches and markers that
/// may be lost in a crash (they are rebuilt) but must never be half-written.
///
/// It never fails: a cache that cannot be written (a full disk, a read-only
/// folder) is only slower or older next time, which must not stop the
/// command that was merely keeping it. A full disk is warned about, since
/// the next real write will fail too. `Ok` always; the `Result` lets
/// callers treat it like any other write.
pub fn write_cache(path: &Path, bytes: &[u8]) -> Result<()> {
    match write_replacing(path, bytes, false) {
        Ok(()) => {}
        Err(Error::DiskFull { .. }) => crate::render::warn(&format!(
            "the disk is full: could not update the cache {} (the command goes on; free some space)",
            path.display()
        )),
        Err(_) => {}
    }
    Ok(())
}

fn write_replacing(path: &Path, bytes: &[u8], durable: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file"),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        if durable {
            file.sync_all()?;
        }
        std::fs::rename(&tmp, path)?;
        if durable {
            if let Ok(d) = std::fs::File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(format!("writing {}", path.display()), e)
    })
}

/// Bytes free for an unprivileged user on the filesystem holding `path`, or
/// its nearest existing ancestor (the data dir may not exist yet).
#[cfg(unix)]
pub fn free_space(path: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let existing = path.ancestors().find(|p| p.exists())?;
    let c_path = std::ffi::CString::new(existing.as_os_str().as_bytes()).ok()?;
    let mut stat = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `c_path` is a valid NUL-terminated string and `stat` points to
    // enough memory for one `statvfs`, which the call fills on success.
    let rc = unsafe { libc::statvfs(c_path.as_ptr(), stat.as_mut_ptr()) };
    if rc != 0 {
        return None;
    }
    // SAFETY: statvfs returned 0, so it filled `stat`.
    let stat = unsafe { stat.assume_init() };
    #[allow(clippy::unnecessary_cast)] // the field types differ between platforms
    Some(stat.f_bavail as u64 * stat.f_frsize as u64)
}

/// Not measured off Unix: the caller treats it as unknown.
#[cfg(not(unix))]
pub fn free_space(_: &Path) -> Option<u64> {
    None
}
