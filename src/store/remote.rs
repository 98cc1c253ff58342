//! Talking to the remote: fetch, push and default-branch detection, through
//! the system `git` (so ssh config, agents, credential helpers and CI tokens
//! just work) or through libgit2 when no `git` is installed.
//!
//! A push can end three ways and they must never be confused: pushed, beaten
//! by someone who pushed first (the normal case: rebuild and retry), or
//! refused by the server (a hook, a protected branch: report it).

use super::git_cli::{git, git_on};
pub use super::remote_url::{check as check_url, is_plain_path};
use super::REMOTE_NAME;
use crate::error::{Error, Result};
use git2::Repository;
use std::path::Path;
use std::process::Command;

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
        use std::os::unix::fs::PermissionsExt;
        let found = std::env::var_os("PATH").is_some_and(|path| {
            std::env::split_paths(&path).any(|dir| {
                std::fs::metadata(dir.join("git"))
                    .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            })
        });
        if found {
            Transport::Git
        } else {
            Transport::Libgit2
        }
    }

    /// Parses a config or environment value.
    pub fn parse(s: &str) -> Result<Self> {
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

/// How a push ended, when it reached the server.
#[derive(Debug, PartialEq, Eq)]
pub enum PushOutcome {
    /// The remote branch now points at our commit.
    Pushed,
    /// Someone pushed first; fetch, rebuild, try again.
    NotFastForward,
}

/// Finds the remote's default branch; an empty remote's unborn HEAD counts.
/// Falls back to git's `init.defaultBranch`, then `main`.
pub fn detect_default_branch(remote: &super::RemoteSpec) -> Result<String> {
    check_url(&remote.url)?;
    let found = match remote.transport {
        Transport::Git => detect_with_git(&remote.url)?,
        Transport::Libgit2 => detect_with_libgit2(&remote.url)?,
    };
    Ok(found.unwrap_or_else(|| {
        crate::gitconfig::get("init.defaultBranch").unwrap_or_else(|| "main".to_string())
    }))
}

fn detect_with_git(url: &str) -> Result<Option<String>> {
    let out = git()
        .args(["ls-remote", "--symref", "--", url, "HEAD"])
        .output()
        .map_err(|e| Error::io("running git", e))?;
    if !out.status.success() {
        return Err(unreachable_error(url, &out.stderr));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("ref: refs/heads/") {
            if let Some((branch, _)) = rest.split_once('\t') {
                return Ok(Some(branch.to_string()));
            }
        }
    }
    if !text.trim().is_empty() {
        return Ok(None);
    }
    // An empty remote lists no refs; cloning it is how git learns its unborn HEAD.
    let tmp = std::env::temp_dir().join(format!("async-up-probe-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let out = git()
        .args(["clone", "--quiet", "--bare", "--", url])
        .arg(&tmp)
        .output()
        .map_err(|e| Error::io("running git", e))?;
    let branch = if out.status.success() {
        Repository::open_bare(&tmp).ok().and_then(|r| {
            r.find_reference("HEAD")
                .ok()?
                .symbolic_target()?
                .strip_prefix("refs/heads/")
                .map(str::to_string)
        })
    } else {
        None
    };
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(branch)
}

fn detect_with_libgit2(url: &str) -> Result<Option<String>> {
    let mut remote = git2::Remote::create_detached(url)?;
    let connection = remote
        .connect_auth(git2::Direction::Fetch, Some(callbacks(None)), None)
        .map_err(|e| Error::Unreachable {
            remote: url.to_string(),
            message: e.message().to_string(),
        })?;
    let branch = connection
        .default_branch()
        .ok()
        .and_then(|b| b.as_str().map(str::to_string))
        .and_then(|b| b.strip_prefix("refs/heads/").map(str::to_string));
    Ok(branch)
}

/// Whether the remote's branches are exactly the ones the mirror last
/// fetched, asked in-process. `None` when that cannot be told cheaply.
///
/// `team` fetches before every read and `sync` fetches first, and most of the
/// time nothing is new. For a remote on this machine's file system (a shared
/// drive, a bare repo beside the checkouts) reading its refs directly costs
/// well under a millisecond, while `git fetch` costs three processes
/// (`git`, a shell and `git-upload-pack`) to learn the same thing. Network
/// remotes are left to the transport: there the connection is the cost, and
/// a second one to probe would only add to it.
fn remote_matches_mirror(repo: &Repository, url: &str) -> Option<bool> {
    let path = match url.strip_prefix("file://") {
        Some(path) if path.starts_with('/') => path,
        Some(_) => return None,
        None if is_plain_path(url) => url,
        None => return None,
    };
    let remote = Repository::open_ext(
        path,
        git2::RepositoryOpenFlags::NO_SEARCH,
        std::iter::empty::<&std::ffi::OsStr>(),
    )
    .ok()?;
    let theirs = branches(&remote, "refs/heads/")?;
    let ours = branches(repo, &format!("refs/remotes/{REMOTE_NAME}/"))?;
    Some(theirs == ours)
}

/// The branches under `prefix`, by name, each with the commit it resolves to.
/// A symbolic ref such as `origin/HEAD` is left out: it names a branch, and
/// that branch is listed anyway.
fn branches(
    repo: &Repository,
    prefix: &str,
) -> Option<std::collections::BTreeMap<String, git2::Oid>> {
    let mut found = std::collections::BTreeMap::new();
    for reference in repo.references_glob(&format!("{prefix}*")).ok()? {
        let reference = reference.ok()?;
        let (Some(name), Some(oid)) = (reference.name(), reference.target()) else {
            continue;
        };
        found.insert(name.strip_prefix(prefix)?.to_string(), oid);
    }
    Some(found)
}

/// Fetches every branch of the remote into `refs/remotes/origin/*`.
pub fn fetch(repo: &Repository, path: &Path, remote: &super::RemoteSpec) -> Result<()> {
    check_url(&remote.url)?;
    if remote_matches_mirror(repo, &remote.url) == Some(true) {
        return Ok(());
    }
    match remote.transport {
        Transport::Git => run_against_remote(
            git_on(path).args([
                "fetch",
                "--quiet",
                "--prune",
                "--no-write-fetch-head",
                "--",
                REMOTE_NAME,
                FETCH_REFSPEC,
            ]),
            &remote.url,
        ),
        Transport::Libgit2 => {
            let mut r = repo.find_remote(REMOTE_NAME)?;
            let mut opts = git2::FetchOptions::new();
            opts.remote_callbacks(callbacks(None));
            opts.prune(git2::FetchPrune::On);
            opts.download_tags(git2::AutotagOption::None);
            r.fetch(&[FETCH_REFSPEC], Some(&mut opts), None)
                .map_err(|e| Error::Unreachable {
                    remote: remote.url.clone(),
                    message: e.message().to_string(),
                })
        }
    }
}

/// Clones the remote into a new bare repository at `path` with the system
/// git, which is how a mirror starts when git is the transport: a clone
/// trusts the pack it receives (index-pack checks it is self-contained),
/// while a first fetch into an empty repository walks every object it just
/// received to check connectivity, which on a team with years of history
/// takes as long again (140 s against 66 s for 1,000 members x 750 days).
/// A local path is cloned with hardlinks, as `git clone` does.
pub fn clone_bare(url: &str, path: &Path) -> Result<()> {
    check_url(url)?;
    run_against_remote(
        git()
            .args(["clone", "--bare", "--quiet", "--no-tags", "--"])
            .arg(url)
            .arg(path),
        url,
    )
}

/// Runs a git command that talks to `url`; a failure is the remote being
/// out of reach, in git's own words.
fn run_against_remote(cmd: &mut Command, url: &str) -> Result<()> {
    let out = cmd.output().map_err(|e| Error::io("running git", e))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(unreachable_error(url, &out.stderr))
    }
}

/// Pushes the local branch to the remote branch of the same name, never forced.
pub fn push(
    repo: &Repository,
    path: &Path,
    remote: &super::RemoteSpec,
    branch: &str,
) -> Result<PushOutcome> {
    check_url(&remote.url)?;
    let refspec = format!("refs/heads/{branch}:refs/heads/{branch}");
    match remote.transport {
        Transport::Git => push_with_git(path, &remote.url, &refspec),
        Transport::Libgit2 => push_with_libgit2(repo, &remote.url, &refspec),
    }
}

fn push_with_git(path: &Path, url: &str, refspec: &str) -> Result<PushOutcome> {
    let out = git_on(path)
        .args(["push", "--porcelain", "--quiet", "--", REMOTE_NAME, refspec])
        .output()
        .map_err(|e| Error::io("running git push", e))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Porcelain lines: "<flag>\t<from>:<to>\t<summary>"; '!' marks a rejected ref.
    for line in stdout.lines() {
        let mut fields = line.splitn(3, '\t');
        let flag = fields.next().unwrap_or("");
        let _refs = fields.next();
        let summary = fields.next().unwrap_or("");
        if flag == "!" {
            if lost_race(summary) || lost_race(&String::from_utf8_lossy(&out.stderr)) {
                return Ok(PushOutcome::NotFastForward);
            }
            return Err(Error::PushRejected {
                reason: rejection_reason(summary, &out.stderr),
            });
        }
    }
    if out.status.success() && stdout.contains("Done") {
        return Ok(PushOutcome::Pushed);
    }
    if out.status.success() {
        // Some servers print no summary; exit 0 from a non-forced push still
        // means the ref was updated.
        return Ok(PushOutcome::Pushed);
    }
    Err(unreachable_error(url, &out.stderr))
}

/// Whether a rejection means another push got there first: behind the remote
/// (`fetch first`, `non-fast-forward`), or racing another push for the ref
/// lock on the server (`failed to update ref`, `cannot lock ref`). Both are
/// cured by fetching, rebuilding and pushing again.
fn lost_race(message: &str) -> bool {
    [
        "fetch first",
        "non-fast-forward",
        "failed to update ref",
        "cannot lock ref",
        "failed to lock",
    ]
    .iter()
    .any(|m| message.contains(m))
}

/// The server's words: its `remote:` lines, else the porcelain summary.
fn rejection_reason(summary: &str, stderr: &[u8]) -> String {
    if summary.contains("branch is currently checked out") {
        return CHECKED_OUT.to_string();
    }
    let stderr = String::from_utf8_lossy(stderr);
    let remote_lines: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("remote: "))
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .collect();
    let summary = summary.trim();
    if remote_lines.is_empty() {
        summary.to_string()
    } else {
        format!("{summary}\n{}", remote_lines.join("\n"))
    }
}

/// git's own advice for this case is fifteen lines about
/// receive.denyCurrentBranch; the fix for a team is a bare repository.
const CHECKED_OUT: &str = "the remote is a repository with a work tree, and the team's branch is checked out there, so git will not update it.\nShare a bare repository instead: `git clone --bare <that repository> team.git`, then `async-up init team.git`";

fn push_with_libgit2(repo: &Repository, url: &str, refspec: &str) -> Result<PushOutcome> {
    use std::cell::RefCell;
    let status: RefCell<Option<Option<String>>> = RefCell::new(None);
    let server_says: RefCell<String> = RefCell::new(String::new());
    let mut r = repo.find_remote(REMOTE_NAME)?;
    let result = {
        let mut cb = callbacks(Some(&server_says));
        // libgit2 reports a ref the server refused only here; push() itself returns Ok.
        cb.push_update_reference(|_name, msg| {
            *status.borrow_mut() = Some(msg.map(str::to_string));
            Ok(())
        });
        let mut opts = git2::PushOptions::new();
        opts.remote_callbacks(cb);
        r.push(&[refspec], Some(&mut opts))
    };
    let said = server_says.borrow().trim().to_string();
    match result {
        Err(e) if e.code() == git2::ErrorCode::NotFastForward => {
            return Ok(PushOutcome::NotFastForward)
        }
        Err(e) if e.message().contains("fast-forward") || e.message().contains("fastforward") => {
            return Ok(PushOutcome::NotFastForward)
        }
        // libgit2 pushes to a local path only when it is bare.
        Err(e) if e.message().contains("non-bare") => {
            return Err(Error::PushRejected {
                reason: CHECKED_OUT.to_string(),
            })
        }
        Err(e) => {
            return Err(Error::Unreachable {
                remote: url.to_string(),
                message: e.message().to_string(),
            })
        }
        Ok(()) => {}
    }
    match status.into_inner() {
        Some(None) => Ok(PushOutcome::Pushed),
        Some(Some(msg)) if msg.contains("fast-forward") || lost_race(&msg) => {
            Ok(PushOutcome::NotFastForward)
        }
        Some(Some(msg)) if msg.contains("branch is currently checked out") => {
            Err(Error::PushRejected {
                reason: CHECKED_OUT.to_string(),
            })
        }
        Some(Some(msg)) => Err(Error::PushRejected {
            reason: if said.is_empty() {
                msg
            } else {
                format!("{msg}\n{said}")
            },
        }),
        None => Err(Error::PushRejected {
            reason: "the server did not confirm the update of the branch".to_string(),
        }),
    }
}

/// Credentials for libgit2: the ssh agent, then default key files, then git's
/// credential helpers for https.
fn callbacks<'a>(sideband: Option<&'a std::cell::RefCell<String>>) -> git2::RemoteCallbacks<'a> {
    let mut cb = git2::RemoteCallbacks::new();
    let mut tried_agent = false;
    let mut tried_keys = 0usize;
    let mut tried_helper = false;
    cb.credentials(move |url, username, allowed| {
        let user = username.unwrap_or("git");
        if allowed.contains(git2::CredentialType::SSH_KEY) {
            if !tried_agent {
                tried_agent = true;
                if let Ok(c) = git2::Cred::ssh_key_from_agent(user) {
                    return Ok(c);
                }
            }
            let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
            let keys = ["id_ed25519", "id_ecdsa", "id_rsa"];
            while tried_keys < keys.len() {
                let key = keys[tried_keys];
                tried_keys += 1;
                if let Some(path) = home.as_ref().map(|h| h.join(".ssh").join(key)) {
                    if path.exists() {
                        return git2::Cred::ssh_key(user, None, &path, None);
                    }
                }
            }
        }
        if allowed.contains(git2::CredentialType::USER_PASS_PLAINTEXT) && !tried_helper {
            tried_helper = true;
            if let Some(config) = crate::gitconfig::open() {
                if let Ok(c) = git2::Cred::credential_helper(&config, url, username) {
                    return Ok(c);
                }
            }
        }
        if allowed.contains(git2::CredentialType::DEFAULT) {
            return git2::Cred::default();
        }
        Err(git2::Error::from_str(
            "no credentials worked (tried the ssh agent, ~/.ssh keys and git credential helpers)",
        ))
    });
    if let Some(buffer) = sideband {
        cb.sideband_progress(move |data| {
            buffer.borrow_mut().push_str(&String::from_utf8_lossy(data));
            true
        });
    }
    cb
}

fn unreachable_error(url: &str, stderr: &[u8]) -> Error {
    let text = String::from_utf8_lossy(stderr);
    let message: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    Error::Unreachable {
        remote: url.to_string(),
        message: if message.is_empty() {
            "git gave no reason".to_string()
        } else {
            message.join("; ")
        },
    }
}
