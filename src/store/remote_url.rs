//! What a remote URL may be. A remote arrives from a pasted invite, a
//! shared config file or a team's docs, and goes to git, ssh and libgit2; a
//! value that any of them would read as an option, or a transport that runs
//! commands (`ext::`), is refused before anything is started.

use crate::error::{Error, Result};

/// Transports that run a command or talk over file descriptors rather than
/// reach a repository: `ext::<command>` and `fd::<n>`.
const REFUSED_HELPERS: [&str; 2] = ["ext", "fd"];

/// Checks a remote before it reaches git: refuses an empty one, control
/// characters, any part (the whole, a host, a user, an scp-like path) that
/// starts with `-`, and the `ext::` and `fd::` transports.
pub fn check(url: &str) -> Result<()> {
    if url.trim().is_empty() {
        return Err(Error::Usage(
            "the remote is empty; give a git URL, an scp-like address or a path".into(),
        ));
    }
    if url.chars().any(char::is_control) {
        return Err(Error::Usage(format!(
            "remote {url:?} contains a control character; refused"
        )));
    }
    if let Some(helper) = helper(url) {
        if REFUSED_HELPERS
            .iter()
            .any(|h| h.eq_ignore_ascii_case(helper))
        {
            return Err(Error::Usage(format!(
                "remote {url:?} uses git's {helper}:: transport, which runs a command instead of reaching a repository; refused. Use a URL, an scp-like address or a path"
            )));
        }
    }
    if let Some(part) = option_like_part(url) {
        return Err(Error::Usage(if part == url {
            let hint = if std::path::Path::new(url).exists() {
                format!(" (for the folder, write ./{url})")
            } else {
                String::new()
            };
            format!("remote {url:?} starts with '-', so git would read it as an option (--upload-pack=... runs a command); refused{hint}")
        } else {
            format!("remote {url:?} is refused: its part {part:?} starts with '-', so git or ssh would read it as an option (-oProxyCommand=... runs a command)")
        }));
    }
    Ok(())
}

/// The part of `url` that git, ssh or the remote's git would take as an
/// option, if any.
fn option_like_part(url: &str) -> Option<&str> {
    if url.starts_with('-') {
        return Some(url);
    }
    let (authority, path) = if let Some((_, rest)) = url.split_once("://") {
        let end = rest.find('/').unwrap_or(rest.len());
        (&rest[..end], None)
    } else if is_scp_like(url) {
        let (host, path) = url.split_once(':').unwrap_or((url, ""));
        (host, Some(path))
    } else {
        return None;
    };
    // `user@host`: neither may look like an option (`ssh -oProxyCommand=...`).
    let (user, host) = match authority.rsplit_once('@') {
        Some((user, host)) => (Some(user), host),
        None => (None, authority),
    };
    [Some(authority), user, Some(host), path]
        .into_iter()
        .flatten()
        .find(|part| part.starts_with('-'))
}

/// The transport helper named by `<name>::<address>`, as git reads it: URL
/// scheme characters right before `::`.
fn helper(url: &str) -> Option<&str> {
    let end = url
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .unwrap_or(url.len());
    url[end..].starts_with("::").then(|| &url[..end])
}

/// Whether `url` names a path rather than a URL or git's scp-like
/// `user@host:path`.
pub fn is_plain_path(url: &str) -> bool {
    !url.contains("://") && !is_scp_like(url)
}

/// `user@host:path` (git's scp-like syntax): a colon before any slash.
fn is_scp_like(url: &str) -> bool {
    match (url.find(':'), url.find('/')) {
        (Some(colon), Some(slash)) => colon < slash,
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_paths_from_urls() {
        assert!(is_plain_path("/srv/git/team.git"));
        assert!(is_plain_path("/tmp/a:b"));
        assert!(is_plain_path("../team.git"));
        assert!(!is_plain_path("git@host:repo"));
        assert!(!is_plain_path("host:repo"));
        assert!(!is_plain_path("ssh://host/repo"));
        assert!(!is_plain_path("file:///srv/git/team.git"));
    }

    #[test]
    fn accepts_ordinary_remotes() {
        for ok in [
            "/srv/git/team.git",
            "./-odd-folder",
            "../team.git",
            "/tmp/-x/team.git",
            "git@github.com:acme/standup.git",
            "ssh://git@host:2222/srv/team.git",
            "https://example.com/acme/team.git",
            "git://127.0.0.1:9418/team.git",
            "file:///srv/git/team.git",
            "host:path/with-dash",
            "codecommit::eu-west-1://team",
        ] {
            assert!(check(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn refuses_what_git_or_ssh_would_read_as_an_option() {
        for bad in [
            "--upload-pack=touch /tmp/pwned",
            "-oProxyCommand=x@host:repo",
            "ssh://-oProxyCommand=x/repo",
            "ssh://-oProxyCommand=x@host/repo",
            "ssh://git@-oProxyCommand=x/repo",
            "git@-oProxyCommand=x:repo",
            "host:--upload-pack=x",
            "file://--upload-pack=x/repo",
            "ext::sh -c touch% /tmp/pwned",
            "EXT::sh",
            "fd::0",
            "",
            "/srv/team.git\n",
        ] {
            assert!(check(bad).is_err(), "{bad:?}");
        }
    }
}
