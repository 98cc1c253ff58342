//! Editing text in the user's editor, as git does: `$VISUAL`, else
//! `$EDITOR`, else `vi`, run through the shell so `code --wait` or
//! `emacs -nw` work as they do for git. An editor that fails (exits non-zero,
//! or cannot be started) is an error: what it left behind is not taken as
//! the user's answer.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::PathBuf;

/// Opens `text` in the editor as a file named like `name` and returns what
/// was saved.
pub fn edit(text: &str, name: &str) -> Result<String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|key| std::env::var(key).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string());
    let file = TempFile::create(name, text)?;
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&file.0)
        .status()
        .map_err(|e| Error::io(format!("starting the editor ({editor})"), e))?;
    if !status.success() {
        return Err(Error::Usage(format!(
            "the editor ({editor}) {}; nothing was written",
            match status.code() {
                Some(127) => "could not be found".to_string(),
                Some(code) => format!("exited with status {code}"),
                None => "was stopped by a signal".to_string(),
            }
        )));
    }
    std::fs::read_to_string(&file.0)
        .map_err(|e| Error::io(format!("reading {}", file.0.display()), e))
}

/// A file only this user can read, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn create(name: &str, text: &str) -> Result<Self> {
        use std::os::unix::fs::OpenOptionsExt;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path =
            std::env::temp_dir().join(format!("async-up-{}-{nanos}-{name}", std::process::id()));
        // create_new: never follow or reuse a file someone else put there.
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
            .map_err(|e| Error::io(format!("creating {}", path.display()), e))?;
        let created = TempFile(path);
        file.write_all(text.as_bytes())
            .map_err(|e| Error::io(format!("writing {}", created.0.display()), e))?;
        Ok(created)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
