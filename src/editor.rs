//! Editing text in the user's editor, as git does: `$VISUAL`, else
//! `$EDITOR`, else `vi`, run through the shell so `code --wait` or
//! `emacs -nw` work as they do for git.
//!
//! Nothing typed is thrown away. An edit that cannot be used (the editor
//! failed, or the text does not parse) is reopened with the error as a
//! comment at the top, as `crontab -e` and `git commit` do, once the user
//! says so on a terminal; without a terminal, or when they decline, the
//! file is kept and its path given. With no terminal and no editor named,
//! `vi` is not started: it would wait for keys nobody can type.

use crate::error::{Error, Result};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// What marks the error lines async-up puts on top of a reopened file.
const ERROR_MARK: &str = "# async-up: ";

/// Opens `text` in the editor as a file named like `name` and returns what
/// `parse` makes of the saved text, reopening the editor until it parses or
/// the user gives up (see the module doc).
pub fn edit_until<T>(
    text: &str,
    name: &str,
    mut parse: impl FnMut(&str) -> Result<T>,
) -> Result<T> {
    let editor = chosen_editor()?;
    let on_terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let file = TempFile::create(name, text)?;
    loop {
        let outcome = run_editor(&editor, &file.0).and_then(|text| parse(&text));
        let error = match outcome {
            Ok(value) => return Ok(value),
            Err(e) => e,
        };
        mark_error(&file.0, &error.to_string())?;
        if on_terminal && ask_again(&error)? {
            continue;
        }
        let kept = file.keep();
        return Err(Error::Usage(format!(
            "{error}\nnothing was written; what you edited is kept in {}",
            kept.display()
        )));
    }
}

/// `$VISUAL`, else `$EDITOR`, else `vi` when someone is at a terminal.
fn chosen_editor() -> Result<String> {
    let named = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|key| std::env::var(key).ok())
        .find(|value| !value.trim().is_empty());
    match named {
        Some(editor) => Ok(editor),
        None if std::io::stdin().is_terminal() => Ok("vi".to_string()),
        None => Err(Error::Usage(
            "no editor to open: set $VISUAL or $EDITOR (vi is not started without a terminal); nothing was written".into(),
        )),
    }
}

/// Runs the editor on `path` and returns what it saved. SIGINT is the
/// editor's while it runs.
fn run_editor(editor: &str, path: &Path) -> Result<String> {
    let _held = crate::store::children::hold_interrupts();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(path)
        .status()
        .map_err(|e| Error::io(format!("starting the editor ({editor})"), e))?;
    if !status.success() {
        return Err(Error::Usage(format!(
            "the editor ({editor}) {}",
            match status.code() {
                Some(127) => "could not be found".to_string(),
                Some(code) => format!("exited with status {code}"),
                None => "was stopped by a signal".to_string(),
            }
        )));
    }
    std::fs::read_to_string(path).map_err(|e| Error::io(format!("reading {}", path.display()), e))
}

/// Puts `error` at the top of the file as comments, in place of the ones a
/// previous round put there.
fn mark_error(path: &Path, error: &str) -> Result<()> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let body: Vec<&str> = text
        .lines()
        .skip_while(|l| l.starts_with(ERROR_MARK))
        .collect();
    let mut out = String::new();
    for line in error.lines() {
        out.push_str(ERROR_MARK);
        out.push_str(line);
        out.push('\n');
    }
    for line in body {
        out.push_str(line);
        out.push('\n');
    }
    std::fs::write(path, out).map_err(|e| Error::io(format!("writing {}", path.display()), e))
}

/// Shows the error and asks whether to edit again; yes unless told no.
fn ask_again(error: &Error) -> Result<bool> {
    let mut stderr = std::io::stderr();
    let _ = write!(
        stderr,
        "{}\nedit again? [Y/n] ",
        crate::render::sanitize::clean_lines(&error.to_string())
    );
    let _ = stderr.flush();
    let mut answer = String::new();
    let read = std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Error::io("reading the answer", e))?;
    let answer = answer.trim().to_ascii_lowercase();
    Ok(read > 0 && (answer.is_empty() || answer == "y" || answer == "yes"))
}

/// A file only this user can read, removed when dropped unless kept.
struct TempFile(PathBuf);

impl TempFile {
    fn create(name: &str, text: &str) -> Result<Self> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path =
            std::env::temp_dir().join(format!("async-up-{}-{nanos}-{name}", std::process::id()));
        // create_new: never follow or reuse a file someone else put there.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        // Windows: the temp dir is the user's own (%LOCALAPPDATA%\Temp).
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options
            .open(&path)
            .map_err(|e| Error::io(format!("creating {}", path.display()), e))?;
        let created = TempFile(path);
        file.write_all(text.as_bytes())
            .map_err(|e| Error::io(format!("writing {}", created.0.display()), e))?;
        Ok(created)
    }

    /// Leaves the file in place and returns its path.
    fn keep(self) -> PathBuf {
        let path = self.0.clone();
        std::mem::forget(self);
        path
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_error_replaces_the_old_one_on_top() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("u.toml");
        std::fs::write(&path, "today = [\n").unwrap();
        mark_error(&path, "first\nsecond line").unwrap();
        mark_error(&path, "third").unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# async-up: third\ntoday = [\n"
        );
    }
}
