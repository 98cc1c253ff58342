//! Talking to the remote, through the system `git` (so ssh config, agents,
//! credential helpers and CI tokens just work) or through libgit2 when no
//! `git` is installed. One file per question: which branch is the team's
//! (`probe`), bringing the remote's branches in (`fetch`), sending ours
//! (`push`), how long to wait (`timeout`), what a failure means
//! (`classify`), git's progress on a terminal (`progress`) and what to tell the user about it (`hints`).

mod callbacks;
mod classify;
mod fetch;
mod hints;
mod probe;
pub mod progress;
mod push;
pub mod timeout;

use super::git_cli;
use crate::error::Error;
use std::process::Command;

pub use super::remote_url::{check as check_url, is_plain_path};
pub use fetch::{clone_bare, fetch};
pub use hints::libgit2_ssh_fix;
pub use probe::detect_default_branch;
pub use push::{push, PushOutcome};

/// Where fetched branches go in a mirror.
pub const FETCH_REFSPEC: &str = "+refs/heads/*:refs/remotes/origin/*";

/// Which implementation talks to remotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Transport {
    /// The system `git` binary.
    Git,
    /// libgit2, built in.
    Libgit2,
}

impl Transport {
    /// `git` when a `git` executable is on the PATH, else libgit2. Looked up
    /// without running anything, since every command resolves this.
    pub fn detect() -> Self {
        #[cfg(unix)]
        let runnable = |m: &std::fs::Metadata| {
            use std::os::unix::fs::PermissionsExt;
            m.is_file() && m.permissions().mode() & 0o111 != 0
        };
        #[cfg(not(unix))]
        let runnable = |m: &std::fs::Metadata| m.is_file();
        let name = if cfg!(windows) { "git.exe" } else { "git" };
        let found = std::env::var_os("PATH").is_some_and(|path| {
            std::env::split_paths(&path)
                .any(|dir| std::fs::metadata(dir.join(name)).is_ok_and(|m| runnable(&m)))
        });
        if found {
            Transport::Git
        } else {
            Transport::Libgit2
        }
    }

    /// Parses a config or environment value.
    pub fn parse(s: &str) -> crate::error::Result<Self> {
        match s {
            "git" => Ok(Transport::Git),
            "libgit2" => Ok(Transport::Libgit2),
            other => Err(Error::Usage(format!(
                "transport {other:?} is not known; use \"git\" or \"libgit2\""
            ))),
        }
    }

    /// The name used in config and messages.
    pub fn name(self) -> &'static str {
        match self {
            Transport::Git => "git",
            Transport::Libgit2 => "libgit2",
        }
    }
}

/// Runs a git command that talks to a remote under the no-progress watchdog.
fn run_git(cmd: &mut Command) -> Result<timeout::Ran, classify::Failure> {
    timeout::run(cmd).map_err(|e| match e {
        timeout::RunError::TimedOut => classify::Failure::Net {
            kind: classify::Kind::Unreachable,
            message: timeout::timed_out_message(),
        },
        timeout::RunError::Io(e) => classify::Failure::Other(Error::io("running git", e)),
    })
}

/// Runs a git command that talks to a remote; a failure in git's own words.
fn run_against_remote(cmd: &mut Command) -> Result<(), classify::Failure> {
    let out = run_git(cmd)?;
    if out.status.success() {
        Ok(())
    } else {
        Err(classify::from_stderr(&out.stderr))
    }
}

/// `url` without a password: `https://user:secret@host/` reads
/// `https://user:***@host/` in every message.
pub(crate) fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split_once(':').map_or(userinfo, |(u, _)| u);
            format!("{scheme}://{user}:***@{host}{path}")
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hides_passwords_in_urls() {
        assert_eq!(
            super::redact("https://me:s3cret@h.example/t.git"),
            "https://me:***@h.example/t.git"
        );
        assert_eq!(super::redact("git@h:t.git"), "git@h:t.git");
    }
}
