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
/// `committer.email`, then `user.email`, then `EMAIL`. Asked once per
/// process: git's config does not change under a command, and each ask
/// starts git.
pub fn committer_email() -> Option<String> {
    static EMAIL: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    EMAIL
        .get_or_init(|| {
            env("GIT_COMMITTER_EMAIL")
                .or_else(|| get("committer.email"))
                .or_else(|| get("user.email"))
                .or_else(|| env("EMAIL"))
        })
        .clone()
}

/// The name git would commit with: `GIT_COMMITTER_NAME`, then
/// `committer.name`, then `user.name`. Asked once per process.
pub fn committer_name() -> Option<String> {
    static NAME: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    NAME.get_or_init(|| {
        env("GIT_COMMITTER_NAME")
            .or_else(|| get("committer.name"))
            .or_else(|| get("user.name"))
    })
    .clone()
}

/// Your login name: `USER`, then `LOGNAME`, then the account database (a
/// fresh container often sets neither variable). Empty values are unset.
pub fn login_name() -> Option<String> {
    env("USER").or_else(|| env("LOGNAME")).or_else(account_name)
}

/// The name of the account this process runs as, from the system's user
/// database (`getpwuid_r`).
#[cfg(unix)]
fn account_name() -> Option<String> {
    let mut buffer = vec![0 as libc::c_char; 16 * 1024];
    let mut entry = std::mem::MaybeUninit::<libc::passwd>::uninit();
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is to memory we own, sized as passed; on success
    // `found` points at `entry`, whose strings live in `buffer`.
    let rc = unsafe {
        libc::getpwuid_r(
            libc::geteuid(),
            entry.as_mut_ptr(),
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        )
    };
    if rc != 0 || found.is_null() {
        return None;
    }
    // SAFETY: getpwuid_r filled `entry`, and `pw_name` is a NUL-terminated
    // string inside `buffer`, which is still alive.
    let name = unsafe { std::ffi::CStr::from_ptr((*found).pw_name) };
    Some(name.to_string_lossy().into_owned()).filter(|n| !n.trim().is_empty())
}

/// Windows names the account in `USERNAME`.
#[cfg(not(unix))]
fn account_name() -> Option<String> {
    env("USERNAME")
}

/// Checks an email given by hand (`init --email`, the prompt): one
/// `local@domain` with no spaces, angle brackets or control characters, so
/// git and `audit` read it back exactly.
pub fn check_email(email: &str) -> Result<String, String> {
    let email = email.trim();
    let bad = |why: &str| {
        Err(format!(
            "{:?} is not an email address ({why}); give one like alice@example.com",
            crate::render::sanitize::clean(email)
        ))
    };
    let Some((local, domain)) = email.split_once('@') else {
        return bad("no @");
    };
    if local.is_empty() || domain.is_empty() || domain.contains('@') {
        return bad("one name, one @, one domain");
    }
    if email.starts_with('-') {
        return bad("it starts with '-'");
    }
    if email
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\\'))
    {
        return bad("spaces, quotes, angle brackets and control characters do not belong in one");
    }
    Ok(email.to_string())
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
    fn emails_given_by_hand() {
        assert_eq!(check_email(" a@b.org ").unwrap(), "a@b.org");
        for bad in [
            "", "a", "@b", "a@", "a b@c", "a@b@c", "<a@b>", "-a@b", "a@b\nc",
        ] {
            assert!(check_email(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_login_name_without_user_or_logname() {
        assert!(account_name().is_some_and(|n| !n.is_empty()));
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
