//! Bringing the remote's branches into a mirror: a first clone, then
//! fetches, skipped when a remote on this machine has nothing new.

use super::classify;
use super::git_cli::{git, git_on};
use super::{check_url, is_plain_path, run_against_remote, Transport, FETCH_REFSPEC};
use crate::error::Result;
use crate::store::REMOTE_NAME;
use git2::Repository;
use std::path::Path;

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
pub fn fetch(repo: &Repository, path: &Path, remote: &crate::store::RemoteSpec) -> Result<()> {
    check_url(&remote.url)?;
    if remote_matches_mirror(repo, &remote.url) == Some(true) {
        return Ok(());
    }
    classify::with_retries(&remote.url, remote.transport, || match remote.transport {
        Transport::Git => {
            keep_filter_current(repo);
            let mut cmd = git_on(path);
            super::timeout::add_transport_settings(&mut cmd, &remote.url);
            run_against_remote(cmd.args([
                "fetch",
                "--progress",
                "--prune",
                "--no-write-fetch-head",
                "--",
                REMOTE_NAME,
                FETCH_REFSPEC,
            ]))
        }
        Transport::Libgit2 => {
            let mut r = repo.find_remote(REMOTE_NAME).map_err(crate::Error::from)?;
            let mut opts = git2::FetchOptions::new();
            opts.remote_callbacks(super::callbacks::callbacks(None));
            opts.prune(git2::FetchPrune::On);
            opts.download_tags(git2::AutotagOption::None);
            r.fetch(&[FETCH_REFSPEC], Some(&mut opts), None)
                .map_err(|e| classify::from_libgit2(&e))
        }
    })
}

/// Clones the remote into a new bare repository at `path` with the system
/// git, which is how a mirror starts when git is the transport: a clone
/// trusts the pack it receives (index-pack checks it is self-contained),
/// while a first fetch into an empty repository walks every object it just
/// received to check connectivity, which on a team with years of history
/// takes as long again (140 s against 66 s for 1,000 members x 750 days).
/// A local path is cloned with hardlinks, as `git clone` does.
///
/// Over a network the clone is partial: blobs over the file limit stay on
/// the server (see [`blob_filter`]). git records the filter in the mirror's
/// config, so later fetches keep to it. A server without
/// `uploadpack.allowFilter` ignores it and sends everything, as before.
/// libgit2 has no partial clone: with it as the transport the mirror starts
/// with a full fetch.
pub fn clone_bare(url: &str, path: &Path) -> Result<()> {
    check_url(url)?;
    let filter = blob_filter();
    classify::with_retries(url, Transport::Git, || {
        // A try cut short leaves a partial clone behind: start clean.
        let _ = std::fs::remove_dir_all(path);
        let mut cmd = git();
        super::timeout::add_transport_settings(&mut cmd, url);
        cmd.args(["clone", "--bare", "--progress", "--no-tags"]);
        // A local clone ignores a filter (with a warning) and hardlinks
        // objects anyway, which costs nothing.
        if !is_plain_path(url) && !url.starts_with("file://") {
            // A bare repo writes a bitmap when it repacks, which needs every
            // object: in a partial clone `git gc` would fail. Kept in the
            // mirror's config, for async-up's `gc --auto` and anyone's.
            cmd.arg(&filter).args(["-c", "repack.writeBitmaps=false"]);
        }
        run_against_remote(cmd.arg("--").arg(url).arg(path))
    })
}

/// The filter that keeps blobs async-up never reads out of a clone.
///
/// A 200 MB asset anywhere in the team repo would otherwise be downloaded by
/// every member on `init`, though no file over `MAX_READ_BYTES` is ever read.
/// git's `blob:limit=n` leaves out blobs of n bytes or more, so the limit is
/// one byte over the largest file that is read. The blobs left out are
/// missing from the mirror, and libgit2 does not fetch missing objects: the
/// readers treat a missing blob as one over the limit.
fn blob_filter() -> String {
    format!(
        "--filter=blob:limit={}",
        crate::model::layout::MAX_READ_BYTES + 1
    )
}

/// A mirror cloned when the largest file read was smaller keeps the filter
/// it was cloned with: raise it, so a `holidays.toml` within its own cap
/// written from now on comes with the next fetch.
fn keep_filter_current(repo: &Repository) {
    let key = format!("remote.{REMOTE_NAME}.partialclonefilter");
    let filter = blob_filter();
    let want = filter.trim_start_matches("--filter=");
    if let Ok(mut config) = repo.config() {
        if config.get_string(&key).is_ok_and(|had| had != want) {
            let _ = config.set_str(&key, want);
        }
    }
}
