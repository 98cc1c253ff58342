//! git's config and identity, read as git reads them. `audit` judges every
//! commit by its committer email, so the identity async-up commits with must
//! be the one git would use: otherwise your own work is flagged. With a git
//! binary, `git config` answers; without one, the same files are read here,
//! because libgit2's defaults ignore `GIT_CONFIG_GLOBAL` and
//! `GIT_CONFIG_NOSYSTEM`.

use std::ffi::OsString;
use std::path::PathBuf;

/// A value from git's config: through the git binary when there is one (it
/// honours includes and everything else git does), else from the files git
/// would read.
pub fn get(key: &str) -> Option<String> {
    match std::process::Command::new("git")
        .args(["config", "--get", "--", key])
        .stdin(std::process::Stdio::null())
        .output()
    {
        Ok(out) => Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
            .filter(|v| out.status.success() && !v.is_empty()),
        Err(_) => open()?.get_string(key).ok().filter(|v| !v.is_empty()),
    }
}

/// The email git would commit with: `GIT_COMMITTER_EMAIL`, then
/// `committer.email`, then `user.email`, then `EMAIL`.
pub fn committer_email() -> Option<String> {
    env("GIT_COMMITTER_EMAIL")
        .or_else(|| get("committer.email"))
        .or_else(|| get("user.email"))
        .or_else(|| env("EMAIL"))
}

/// The name git would commit with: `GIT_COMMITTER_NAME`, then
/// `committer.name`, then `user.name`.
pub fn committer_name() -> Option<String> {
    env("GIT_COMMITTER_NAME")
        .or_else(|| get("committer.name"))
        .or_else(|| get("user.name"))
}

fn env(key: &str) -> Option<String> {
    std::env::var(key).ok().filter(|v| !v.trim().is_empty())
}

/// git's system, XDG and global config files as one config, highest last,
/// as git finds them from the environment.
pub fn open() -> Option<git2::Config> {
    let mut config = git2::Config::new().ok()?;
    for (path, level) in files(|k| std::env::var_os(k), git2::Config::find_system().ok()) {
        // git skips a missing file (and /dev/null holds nothing).
        if path.is_file() {
            config.add_file(&path, level, false).ok()?;
        }
    }
    Some(config)
}

/// The files git reads, lowest priority first: the system file (unless
/// `GIT_CONFIG_NOSYSTEM`; `GIT_CONFIG_SYSTEM` names it), then either
/// `GIT_CONFIG_GLOBAL` alone or the XDG file and `~/.gitconfig`.
fn files(
    env: impl Fn(&str) -> Option<OsString>,
    system: Option<PathBuf>,
) -> Vec<(PathBuf, git2::ConfigLevel)> {
    let mut found = Vec::new();
    let nosystem = env("GIT_CONFIG_NOSYSTEM")
        .and_then(|v| v.into_string().ok())
        .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on"));
    if !nosystem {
        if let Some(path) = env("GIT_CONFIG_SYSTEM").map(PathBuf::from).or(system) {
            found.push((path, git2::ConfigLevel::System));
        }
    }
    if let Some(global) = env("GIT_CONFIG_GLOBAL") {
        found.push((PathBuf::from(global), git2::ConfigLevel::Global));
        return found;
    }
    let home = env("HOME").map(PathBuf::from);
    let xdg = env("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| home.as_ref().map(|h| h.join(".config")));
    if let Some(xdg) = xdg {
        found.push((xdg.join("git/config"), git2::ConfigLevel::XDG));
    }
    if let Some(home) = home {
        found.push((home.join(".gitconfig"), git2::ConfigLevel::Global));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(vars: &[(&str, &str)]) -> Vec<String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        files(
            |k| {
                vars.iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| OsString::from(v))
            },
            Some(PathBuf::from("/etc/gitconfig")),
        )
        .into_iter()
        .map(|(p, _)| p.display().to_string())
        .collect()
    }

    #[test]
    fn finds_the_files_git_reads() {
        assert_eq!(
            paths(&[("HOME", "/h")]),
            ["/etc/gitconfig", "/h/.config/git/config", "/h/.gitconfig"]
        );
        assert_eq!(
            paths(&[("HOME", "/h"), ("XDG_CONFIG_HOME", "/x")]),
            ["/etc/gitconfig", "/x/git/config", "/h/.gitconfig"]
        );
        // GIT_CONFIG_GLOBAL replaces both user files.
        assert_eq!(
            paths(&[("HOME", "/h"), ("GIT_CONFIG_GLOBAL", "/g")]),
            ["/etc/gitconfig", "/g"]
        );
        assert_eq!(
            paths(&[("HOME", "/h"), ("GIT_CONFIG_NOSYSTEM", "1")]),
            ["/h/.config/git/config", "/h/.gitconfig"]
        );
        assert_eq!(
            paths(&[("GIT_CONFIG_NOSYSTEM", "0"), ("GIT_CONFIG_SYSTEM", "/s")]),
            ["/s"]
        );
    }
}
