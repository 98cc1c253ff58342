//! Making a team's repository on this machine: the local-only team, and a
//! mirror of a remote, each built beside its final path and moved into place
//! only when complete, so a failed or killed join leaves nothing half-made.

use super::{remote, RemoteSpec, Store, Transport, BRANCH_KEY, REMOTE_NAME};
use crate::error::{Error, Result};
use git2::{Oid, Repository};
use std::path::{Path, PathBuf};

impl Store {
    /// Opens the local-only team, creating it on first use. Returns whether it was created.
    pub fn open_or_create_local(path: &Path) -> Result<(Self, bool)> {
        if path.join("HEAD").exists() {
            return Ok((Self::open_mirror(path, None)?, false));
        }
        let created = init_bare_atomically(path, "main", |_| Ok(()))?;
        Ok((Self::open_mirror(&created, None)?, true))
    }

    /// Creates a mirror of `remote` at `path`: detects the remote's default
    /// branch and fetches it. Fails, leaving nothing behind, when the remote
    /// cannot be reached.
    pub fn create_mirror(path: &Path, remote: RemoteSpec) -> Result<Self> {
        let branch = remote::detect_default_branch(&remote)?;
        if remote.transport == Transport::Git {
            build_atomically(path, |tmp| {
                remote::clone_bare(&remote.url, tmp)?;
                let repo = Repository::open_bare(tmp)?;
                adopt_clone(&repo, &branch)
            })?;
            let store = Self::open_mirror(path, Some(remote))?;
            if let Some(tip) = store.remote_tip() {
                store.set_base(tip)?;
            }
            store.fetched.set(true);
            store.record_fetch()?;
            return Ok(store);
        }
        init_bare_atomically(path, &branch, |repo| {
            repo.remote_with_fetch(REMOTE_NAME, &remote.url, remote::FETCH_REFSPEC)?;
            Ok(())
        })?;
        let store = Self::open_mirror(path, Some(remote))?;
        store.fetch()?;
        store.fast_forward_local_to_remote()?;
        Ok(store)
    }
}

/// Creates a bare repository in a temporary folder beside `path`, lets `setup`
/// configure it, then renames it into place, so a half-made mirror is never
/// seen under its real name.
fn init_bare_atomically(
    path: &Path,
    branch: &str,
    setup: impl FnOnce(&Repository) -> Result<()>,
) -> Result<PathBuf> {
    build_atomically(path, |tmp| {
        let mut opts = git2::RepositoryInitOptions::new();
        opts.bare(true).initial_head(branch);
        let repo = Repository::init_opts(tmp, &opts)?;
        repo.config()?.set_str(BRANCH_KEY, branch)?;
        setup(&repo)
    })
}

/// Turns a fresh bare clone into a mirror: the remote's branches become
/// tracking refs, the team's branch stays as the local one (at the remote's
/// tip, so nothing is pending), and later fetches use the mirror's refspec.
fn adopt_clone(repo: &Repository, branch: &str) -> Result<()> {
    let mut config = repo.config()?;
    config.set_str(BRANCH_KEY, branch)?;
    let _ = config.remove_multivar(&format!("remote.{REMOTE_NAME}.fetch"), ".*");
    repo.remote_add_fetch(REMOTE_NAME, remote::FETCH_REFSPEC)?;
    let heads: Vec<(String, Oid)> = repo
        .references_glob("refs/heads/*")?
        .filter_map(|r| {
            let r = r.ok()?;
            Some((r.name()?.to_string(), r.target()?))
        })
        .collect();
    for (name, oid) in heads {
        let short = name.trim_start_matches("refs/heads/");
        repo.reference(
            &format!("refs/remotes/{REMOTE_NAME}/{short}"),
            oid,
            true,
            "async-up: cloned",
        )?;
        if short != branch {
            repo.find_reference(&name)?.delete()?;
        }
    }
    repo.set_head(&format!("refs/heads/{branch}"))?;
    Ok(())
}

/// Builds a repository at a temporary path beside `path` and moves it into
/// place only once `build` succeeds, so a failed or killed join leaves
/// nothing half-made where a mirror is looked for.
fn build_atomically(path: &Path, build: impl FnOnce(&Path) -> Result<()>) -> Result<PathBuf> {
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .map_err(|e| Error::io(format!("creating {}", parent.display()), e))?;
    let tmp = parent.join(format!(
        ".tmp-{}-{}",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("mirror"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    if let Err(e) = build(&tmp) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if path.exists() {
        std::fs::remove_dir_all(path)
            .map_err(|e| Error::io(format!("replacing {}", path.display()), e))?;
    }
    std::fs::rename(&tmp, path)
        .map_err(|e| Error::io(format!("moving the new mirror to {}", path.display()), e))?;
    Ok(path.to_path_buf())
}
