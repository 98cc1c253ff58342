//! The team repo as async-up stores it: a private bare mirror per team (or any
//! repository given with `--repo`). Reads walk tree objects and writes build
//! commits from trees in memory, so nothing is ever checked out, nothing can be
//! dirty, and a teammate's symlink is never followed.
//!
//! Refs in a mirror: `refs/heads/<branch>` is the local tip (it may be ahead of
//! the remote with pending updates); `refs/remotes/origin/<branch>` is what was
//! last fetched from or pushed to the remote.

pub mod children;
mod create;
pub mod follow;
mod git_cli;
mod history;
pub mod index;
mod lock;
mod maintenance;
pub(crate) mod mapped;
mod merge;
mod read;
mod recover;
pub mod remote;
pub mod remote_url;
pub mod rewrite;
pub mod sync;
pub mod texts;
mod treediff;
pub use treediff::{changes as tree_changes, changes_kept as tree_changes_kept, Change, Trees};
pub mod work;
mod write;

pub use read::{Snapshot, Warnings};
pub use remote::Transport;
pub use write::FileChange;

use crate::error::{Error, Result};
use git2::{Oid, Repository};
use std::path::{Path, PathBuf};

/// The name of the remote inside a mirror.
pub const REMOTE_NAME: &str = "origin";
const BRANCH_KEY: &str = "asyncup.branch";
/// See [`Store::base`].
const BASE_REF: &str = "refs/async-up/base";
const FETCHED_AT_FILE: &str = "async-up-fetched-at";
const LOCK_FILE: &str = "async-up.lock";
/// How long a command waits for another async-up's lock on the mirror.
pub const DEFAULT_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Where a store's commits go when pushed.
#[derive(Debug, Clone)]
pub struct RemoteSpec {
    /// Anything git understands: URL, scp-like ssh, path.
    pub url: String,
    /// Which implementation talks to it.
    pub transport: Transport,
}

/// A team repo opened for reading and, for mirrors, writing.
pub struct Store {
    repo: Repository,
    path: PathBuf,
    branch: String,
    /// Set once when the remote renamed the team's branch (see `follow.rs`).
    followed: std::cell::OnceCell<String>,
    /// Whose updates a rewritten history is checked for (see `rewrite.rs`).
    owner: Option<crate::model::Handle>,
    remote: Option<RemoteSpec>,
    external: bool,
    /// Held from the first change to the mirror until the store is dropped.
    lock: std::cell::OnceCell<std::fs::File>,
    /// How long to wait for another async-up's lock; `None`: never wait
    /// (`--offline`), work without the lock instead.
    lock_wait: Option<std::time::Duration>,
    /// Signs the commits this store makes, when the user configured a key.
    signer: Option<crate::trust::signing::Signer>,
    /// Whether this process has fetched already. A command that catches up
    /// before a change (write, me, away) then pushes needs no second fetch
    /// right before the first push attempt: over ssh each one is a
    /// handshake, and a push that lost a race in between fetches anyway.
    fetched: std::cell::Cell<bool>,
}

impl Store {
    /// Opens a mirror created by [`Store::create_mirror`] or [`Store::open_or_create_local`].
    pub fn open_mirror(path: &Path, remote: Option<RemoteSpec>) -> Result<Self> {
        let repo = Repository::open_bare(path).map_err(|e| Error::NotARepo {
            path: path.to_path_buf(),
            message: e.message().to_string(),
        })?;
        let branch = repo
            .config()?
            .get_string(BRANCH_KEY)
            .unwrap_or_else(|_| head_branch(&repo).unwrap_or_else(|| "main".to_string()));
        Ok(Store {
            repo,
            path: path.to_path_buf(),
            branch,
            followed: std::cell::OnceCell::new(),
            owner: None,
            remote,
            external: false,
            lock: std::cell::OnceCell::new(),
            lock_wait: Some(DEFAULT_LOCK_WAIT),
            fetched: std::cell::Cell::new(false),
            signer: None,
        })
    }

    /// Opens any repository, bare or with a work tree, read-only (`--repo`).
    /// Reads come from its HEAD commit; the work tree is not looked at.
    pub fn open_external(path: &Path) -> Result<Self> {
        let repo = Repository::open(path).map_err(|e| Error::NotARepo {
            path: path.to_path_buf(),
            message: e.message().to_string(),
        })?;
        let branch = head_branch(&repo).unwrap_or_else(|| "HEAD".to_string());
        Ok(Store {
            repo,
            path: path.to_path_buf(),
            branch,
            followed: std::cell::OnceCell::new(),
            owner: None,
            remote: None,
            external: true,
            lock: std::cell::OnceCell::new(),
            lock_wait: Some(DEFAULT_LOCK_WAIT),
            fetched: std::cell::Cell::new(false),
            signer: None,
        })
    }

    /// How long to wait for another async-up's lock on this mirror. `None`
    /// never waits: a change is then made without the lock, which is safe
    /// for a commit (the tip moves by compare-and-swap) and is what
    /// `--offline` wants, never to sit behind someone else's network call.
    pub fn set_lock_wait(&mut self, wait: Option<std::time::Duration>) {
        self.lock_wait = wait;
    }

    /// Whether this process holds the mirror lock.
    pub(crate) fn holds_lock(&self) -> bool {
        self.lock.get().is_some()
    }

    /// Signs every commit made from now on with `signer`.
    pub fn set_signer(&mut self, signer: Option<crate::trust::signing::Signer>) {
        self.signer = signer;
    }

    /// Makes a commit object (signed when a signer is set) without moving any ref.
    pub(crate) fn make_commit(
        &self,
        author: &git2::Signature<'_>,
        committer: &git2::Signature<'_>,
        message: &str,
        tree: &git2::Tree<'_>,
        parents: &[&git2::Commit<'_>],
    ) -> Result<Oid> {
        let Some(signer) = &self.signer else {
            return Ok(self
                .repo
                .commit(None, author, committer, message, tree, parents)?);
        };
        let buffer = self
            .repo
            .commit_create_buffer(author, committer, message, tree, parents)?;
        let content = std::str::from_utf8(&buffer)
            .map_err(|_| Error::Usage("the commit to sign is not UTF-8".into()))?;
        let signature = signer.sign(&buffer)?;
        Ok(self
            .repo
            .commit_signed(content, &signature, Some("gpgsig"))?)
    }

    /// The underlying repository.
    pub fn repo(&self) -> &Repository {
        &self.repo
    }

    /// The mirror's path on disk.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The branch the team uses.
    pub fn branch(&self) -> &str {
        self.followed.get().unwrap_or(&self.branch)
    }

    /// Whose lost updates to name when the remote's history is rewritten.
    pub fn set_owner(&mut self, owner: Option<crate::model::Handle>) {
        self.owner = owner;
    }

    /// The remote, if this store has one.
    pub fn remote(&self) -> Option<&RemoteSpec> {
        self.remote.as_ref()
    }

    /// Whether this store is read-only (`--repo`).
    pub fn is_external(&self) -> bool {
        self.external
    }

    fn local_ref(&self) -> String {
        format!("refs/heads/{}", self.branch())
    }

    fn tracking_ref(&self) -> String {
        format!("refs/remotes/{REMOTE_NAME}/{}", self.branch())
    }

    /// The remote commit the local branch was last built on. Everything it
    /// reaches has been on the remote, so it is never pending, even when
    /// the remote's history is later rewritten (a squash, a file removed
    /// on purpose): only what was written here since is replayed, and
    /// nothing someone took out is put back. Absent in mirrors made before
    /// it existed, until their next sync.
    pub(crate) fn base(&self) -> Option<Oid> {
        self.repo.refname_to_id(BASE_REF).ok()
    }

    pub(crate) fn set_base(&self, remote_tip: Oid) -> Result<()> {
        // Most reads find it already there: no ref file to rewrite.
        if self.base() != Some(remote_tip) {
            self.repo
                .reference(BASE_REF, remote_tip, true, "async-up: built on the remote")?;
        }
        Ok(())
    }

    /// Walks the local commits the remote does not have yet.
    pub(crate) fn pending_walk(&self, local: Oid) -> Result<git2::Revwalk<'_>> {
        let mut walk = self.repo.revwalk()?;
        walk.push(local)?;
        for seen in [self.remote_tip(), self.base()].into_iter().flatten() {
            walk.hide(seen)?;
        }
        Ok(walk)
    }

    /// The commit reads come from: the local tip (HEAD for `--repo`).
    pub fn tip(&self) -> Option<Oid> {
        if self.external {
            return self.repo.head().ok().and_then(|h| h.target());
        }
        self.repo.refname_to_id(&self.local_ref()).ok()
    }

    /// What the remote had when last fetched or pushed.
    pub fn remote_tip(&self) -> Option<Oid> {
        self.repo.refname_to_id(&self.tracking_ref()).ok()
    }

    /// A read view of the current tip.
    pub fn snapshot(&self) -> Result<Snapshot<'_>> {
        let tree = match self.tip() {
            Some(oid) => Some(self.repo.find_commit(oid)?.tree()?),
            None => None,
        };
        Ok(Snapshot::new(
            &self.repo,
            tree,
            self.index(),
            !self.external,
        ))
    }

    /// A read view of `commit` (the fetched remote tip, say), read from its
    /// tree without the index.
    pub fn snapshot_at(&self, commit: Oid) -> Result<Snapshot<'_>> {
        let tree = self.repo.find_commit(commit)?.tree()?;
        Ok(Snapshot::new(&self.repo, Some(tree), None, !self.external))
    }

    /// How many local commits are not on the remote yet.
    pub fn pending_count(&self) -> Result<usize> {
        let Some(local) = self.tip() else {
            return Ok(0);
        };
        if self.remote.is_none() {
            return Ok(0);
        }
        Ok(self.pending_walk(local)?.count())
    }

    /// Fetches from the remote and records when.
    pub fn fetch(&self) -> Result<()> {
        let Some(remote) = &self.remote else {
            return Ok(());
        };
        self.lock()?;
        self.follow_configured_url(remote)?;
        remote::fetch(&self.repo, &self.path, remote)?;
        self.fetched.set(true);
        self.record_fetch()
    }

    /// Whether this process has fetched (or cloned) from the remote already.
    pub(crate) fn fetched_this_run(&self) -> bool {
        self.fetched.get()
    }

    /// Notes that the mirror has what the remote had just now.
    fn record_fetch(&self) -> Result<()> {
        let now = crate::clock::now().to_rfc3339();
        crate::fsutil::write_cache(&self.path.join(FETCHED_AT_FILE), now.as_bytes())
    }

    /// When the last successful fetch happened, if ever.
    pub fn fetched_at(&self) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        let bytes = crate::fsutil::read_regular(&self.path.join(FETCHED_AT_FILE), 256).ok()?;
        chrono::DateTime::parse_from_rfc3339(String::from_utf8(bytes).ok()?.trim()).ok()
    }

    /// Moves the local tip to the remote tip when the local one has nothing of its own.
    fn fast_forward_local_to_remote(&self) -> Result<()> {
        let Some(remote) = self.remote_tip() else {
            return Ok(());
        };
        self.set_base(remote)?;
        match self.tip() {
            None => {
                self.repo
                    .reference(&self.local_ref(), remote, false, "async-up: fast-forward")?;
            }
            Some(local) if local != remote && self.repo.graph_descendant_of(remote, local)? => {
                self.repo.reference_matching(
                    &self.local_ref(),
                    remote,
                    true,
                    local,
                    "async-up: fast-forward",
                )?;
            }
            _ => {}
        }
        Ok(())
    }
}

/// The branch HEAD points at, born or not.
fn head_branch(repo: &Repository) -> Option<String> {
    let head = repo.find_reference("HEAD").ok()?;
    let target = head.symbolic_target()?;
    target.strip_prefix("refs/heads/").map(str::to_string)
}
