//! Pushing the team's branch. A push can end four ways and they must never
//! be confused: pushed; beaten by someone who pushed first (the normal
//! case: rebuild and retry); the ref refused by the server (a hook, a
//! protected branch: report it); or the server not reached at all.

use super::classify::{self, Failure};
use super::git_cli::git_on;
use super::{check_url, run_git, Transport};
use crate::error::{Error, Result};
use crate::store::REMOTE_NAME;
use git2::Repository;
use std::path::Path;

/// How a push ended, when it reached the server.
#[derive(Debug, PartialEq, Eq)]
pub enum PushOutcome {
    /// The remote branch now points at our commit.
    Pushed,
    /// Someone pushed first; fetch, rebuild, try again.
    NotFastForward,
}

/// Pushes the local branch to the remote branch of the same name, never
/// forced: only from the tip last fetched (see the lease below).
pub fn push(
    repo: &Repository,
    path: &Path,
    remote: &crate::store::RemoteSpec,
    branch: &str,
) -> Result<PushOutcome> {
    check_url(&remote.url)?;
    let refspec = format!("refs/heads/{branch}:refs/heads/{branch}");
    // The push may only move the remote branch from where it stood when
    // fetched: never create it again after it was renamed or deleted on the
    // remote (the team would split across two branches), never move it from
    // a tip we did not build on. Our commit always descends from that tip,
    // so the lease never lets anything but a fast-forward through.
    let tracking = format!("refs/remotes/{REMOTE_NAME}/{branch}");
    let expected = repo.refname_to_id(&tracking).ok();
    if let (Some(expected), Ok(ours)) = (
        expected,
        repo.refname_to_id(&format!("refs/heads/{branch}")),
    ) {
        if ours != expected && !repo.graph_descendant_of(ours, expected).unwrap_or(false) {
            return Ok(PushOutcome::NotFastForward);
        }
    }
    let lease = format!(
        "--force-with-lease=refs/heads/{branch}:{}",
        expected.map(|o| o.to_string()).unwrap_or_default()
    );
    // A push cut off half way may have landed: trying again is safe, since
    // the same commit pushed twice is "up to date" the second time.
    classify::with_retries(&remote.url, remote.transport, || match remote.transport {
        Transport::Git => push_with_git(path, &remote.url, &refspec, &lease),
        Transport::Libgit2 => push_with_libgit2(repo, &refspec),
    })
}

fn push_with_git(
    path: &Path,
    url: &str,
    refspec: &str,
    lease: &str,
) -> Result<PushOutcome, Failure> {
    let mut cmd = git_on(path);
    super::timeout::add_transport_settings(&mut cmd, url);
    let out = run_git(cmd.args([
        "push",
        "--porcelain",
        "--progress",
        lease,
        "--",
        REMOTE_NAME,
        refspec,
    ]))?;
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
            return Err(Failure::Other(Error::PushRejected {
                reason: rejection_reason(summary, &out.stderr),
            }));
        }
    }
    if out.status.success() {
        // Some servers print no summary; exit 0 from a non-forced push still
        // means the ref was updated.
        return Ok(PushOutcome::Pushed);
    }
    Err(classify::from_stderr(&out.stderr))
}

/// Whether a rejection means another push got there first: behind the remote
/// (`fetch first`, `non-fast-forward`), or racing another push for the ref
/// lock on the server (`failed to update ref`, `cannot lock ref`). Both are
/// cured by fetching, rebuilding and pushing again.
fn lost_race(message: &str) -> bool {
    [
        "fetch first",
        "non-fast-forward",
        // The lease: the branch moved, or is gone, since it was fetched.
        "stale info",
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
        .split(['\n', '\r'])
        .filter_map(|l| l.strip_prefix("remote: "))
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !classify::is_progress(l))
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

fn push_with_libgit2(repo: &Repository, refspec: &str) -> Result<PushOutcome, Failure> {
    use std::cell::RefCell;
    let status: RefCell<Option<Option<String>>> = RefCell::new(None);
    let server_says: RefCell<String> = RefCell::new(String::new());
    let mut r = repo.find_remote(REMOTE_NAME).map_err(Error::from)?;
    let result = {
        let mut cb = super::callbacks::callbacks(Some(&server_says));
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
    let rejected = |reason: String| Err(Failure::Other(Error::PushRejected { reason }));
    match result {
        Err(e) if e.code() == git2::ErrorCode::NotFastForward => {
            return Ok(PushOutcome::NotFastForward)
        }
        Err(e) if e.message().contains("fast-forward") || e.message().contains("fastforward") => {
            return Ok(PushOutcome::NotFastForward)
        }
        // libgit2 pushes to a local path only when it is bare.
        Err(e) if e.message().contains("non-bare") => return rejected(CHECKED_OUT.to_string()),
        Err(e) => return Err(classify::from_libgit2(&e)),
        Ok(()) => {}
    }
    match status.into_inner() {
        Some(None) => Ok(PushOutcome::Pushed),
        Some(Some(msg)) if msg.contains("fast-forward") || lost_race(&msg) => {
            Ok(PushOutcome::NotFastForward)
        }
        Some(Some(msg)) if msg.contains("branch is currently checked out") => {
            rejected(CHECKED_OUT.to_string())
        }
        Some(Some(msg)) => rejected(if said.is_empty() {
            msg
        } else {
            format!("{msg}\n{said}")
        }),
        None => rejected("the server did not confirm the update of the branch".to_string()),
    }
}
