//! What to tell the user after a failure: the error with the fix that fits
//! the remote's kind (https credentials, an ssh key, an ssh alias that only
//! the system ssh knows, a host key nobody has accepted yet).

use super::{redact, Transport};
use crate::error::Error;

/// An unreachable remote; under libgit2 an ssh alias or an unknown host key
/// is said as such, since waiting for the network would not help.
pub(super) fn unreachable(url: &str, transport: Transport, message: String) -> Error {
    let remote = redact(url);
    if transport == Transport::Libgit2 {
        if let Some(host) = ssh_host(url) {
            let lower = message.to_ascii_lowercase();
            if ssh_aliases().iter().any(|a| a == host) {
                return Error::CannotConnect {
                    fix: libgit2_ssh_fix(url),
                    reason: format!(
                        "{host:?} is a Host alias in ~/.ssh/config, which libgit2 does not read, so it does not resolve ({message})"
                    ),
                    remote,
                };
            }
            if lower.contains("hostkey") || lower.contains("host key") {
                return Error::CannotConnect {
                    fix: libgit2_ssh_fix(url),
                    reason: format!("the ssh host key of {host:?} is unknown ({message})"),
                    remote,
                };
            }
        }
    }
    if message
        .to_ascii_lowercase()
        .contains("host key verification failed")
    {
        return Error::CannotConnect {
            fix: format!(
                "check the host's key fingerprint, then add it: `ssh-keyscan {} >> ~/.ssh/known_hosts`",
                ssh_host(url).unwrap_or("HOST")
            ),
            reason: message,
            remote,
        };
    }
    Error::Unreachable { remote, message }
}

/// A refusal, with what to check for this kind of remote.
pub(super) fn refused(url: &str, message: String) -> Error {
    let remote = redact(url);
    let fix = if ssh_host(url).is_some() {
        "check your ssh key: the server must accept a key from your agent (`ssh-add -l`) or ~/.ssh; try `ssh -T` to the same host".to_string()
    } else if url.to_ascii_lowercase().starts_with("http") {
        format!(
            "check the credentials for {remote}: `git credential reject` forgets a stored wrong one (or fix your credential helper), then try again"
        )
    } else {
        "check your access rights to the repository".to_string()
    };
    Error::Refused {
        remote,
        reason: message,
        fix,
    }
}

/// The one fix line for ssh through libgit2, also given by `doctor`.
pub fn libgit2_ssh_fix(url: &str) -> String {
    let host = ssh_host(url).unwrap_or("HOST");
    format!(
        "set `transport = \"git\"` in the async-up config (the system ssh reads ~/.ssh/config and known_hosts), or give a full `ssh://user@host:port/path` URL and accept the host key with `ssh-keyscan -p PORT {host} >> ~/.ssh/known_hosts`"
    )
}

/// The host of an ssh remote (`ssh://user@host:port/path` or scp-like
/// `user@host:path`), if `url` is one.
pub(super) fn ssh_host(url: &str) -> Option<&str> {
    let lower = url.to_ascii_lowercase();
    let authority = if let Some(i) = ["ssh://", "git+ssh://", "ssh+git://"]
        .iter()
        .find_map(|p| lower.starts_with(p).then_some(p.len()))
    {
        let rest = &url[i..];
        let end = rest.find('/').unwrap_or(rest.len());
        let authority = &rest[..end];
        // host:port
        match authority.rsplit_once(':') {
            Some((host, port)) if port.chars().all(|c| c.is_ascii_digit()) => host,
            _ => authority,
        }
    } else if !url.contains("://") && !super::is_plain_path(url) {
        url.split_once(':')?.0
    } else {
        return None;
    };
    Some(authority.rsplit_once('@').map_or(authority, |(_, h)| h))
}

/// The names given on `Host` lines of ~/.ssh/config, patterns left out.
fn ssh_aliases() -> Vec<String> {
    let Some(home) = std::env::var_os("HOME") else {
        return Vec::new();
    };
    let path = std::path::Path::new(&home).join(".ssh/config");
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            let (key, rest) = line.split_once(|c: char| c.is_whitespace() || c == '=')?;
            key.eq_ignore_ascii_case("host").then_some(rest)
        })
        .flat_map(|rest| rest.split_whitespace())
        .filter(|name| !name.contains(['*', '?', '!']))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ssh_hosts() {
        assert_eq!(ssh_host("git@github.com:a/b.git"), Some("github.com"));
        assert_eq!(ssh_host("teamhost:/srv/team.git"), Some("teamhost"));
        assert_eq!(ssh_host("ssh://me@h:2222/srv/t.git"), Some("h"));
        assert_eq!(ssh_host("https://h/t.git"), None);
        assert_eq!(ssh_host("/srv/team.git"), None);
    }
}
