//! Bringing a mirror and its remote together: fetch, replay local commits
//! that are not on the remote onto its new tip, push, and on a lost race do it
//! again after a jittered pause. Never forced, so nothing on the remote can be
//! lost; local commits stay until the remote has them, so nothing here can be.

use super::remote::{self, PushOutcome};
use super::Store;
use crate::error::{Error, Result};
use git2::{build::TreeUpdateBuilder, FileMode, Oid, Sort, Tree};
use std::time::Duration;

/// How many pushes to try before giving up on a busy remote.
pub const MAX_PUSH_ATTEMPTS: u32 = 200;
/// How long to keep trying. Under heavy contention (benches/writers.sh: 32
/// writers pushing to one branch) a writer can lose many races in a row;
/// a time budget rather than a small count is what keeps it from giving up.
const PUSH_DEADLINE: Duration = Duration::from_secs(180);

/// How a sync ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncOutcome {
    /// A team with no remote.
    LocalOnly,
    /// Nothing to push; the mirror has the remote's latest.
    UpToDate,
    /// `commits` local commits are on the remote now.
    Pushed {
        /// How many commits were pushed.
        commits: usize,
        /// How many push attempts it took.
        attempts: u32,
    },
    /// The remote could not be reached; `pending` commits wait locally.
    Offline {
        /// Commits waiting to be pushed.
        pending: usize,
        /// Why the remote could not be reached.
        reason: String,
    },
}

impl Store {
    /// Fetches, replays local commits onto the remote tip and pushes them.
    pub fn sync(&self) -> Result<SyncOutcome> {
        let Some(spec) = self.remote.clone() else {
            return Ok(SyncOutcome::LocalOnly);
        };
        self.lock()?;
        let started = std::time::Instant::now();
        let mut attempt = 0;
        while attempt < MAX_PUSH_ATTEMPTS && started.elapsed() < PUSH_DEADLINE {
            attempt += 1;
            let fetched = if attempt == 1 && self.fetched_this_run() {
                Ok(())
            } else {
                self.fetch()
            };
            match fetched {
                Ok(()) => {}
                Err(Error::Unreachable { message, .. }) => {
                    return Ok(SyncOutcome::Offline {
                        pending: self.pending_count()?,
                        reason: message,
                    })
                }
                Err(e) => return Err(e),
            }
            match self.rebase_onto_remote() {
                // Asking the remote which branch it moved to can fail too.
                Err(Error::Unreachable { message, .. }) => {
                    return Ok(SyncOutcome::Offline {
                        pending: self.pending_count()?,
                        reason: message,
                    })
                }
                other => other?,
            }
            let pending = self.pending_count()?;
            if pending == 0 {
                return Ok(if attempt == 1 {
                    SyncOutcome::UpToDate
                } else {
                    // Our commits turned out to be on the remote already.
                    SyncOutcome::Pushed {
                        commits: 0,
                        attempts: attempt - 1,
                    }
                });
            }
            let pushing = self.tip().expect("pending commits imply a tip");
            match remote::push(&self.repo, &self.path, &spec, self.branch()) {
                Ok(PushOutcome::Pushed) => {
                    self.repo
                        .reference(&self.tracking_ref(), pushing, true, "async-up: pushed")?;
                    self.set_base(pushing)?;
                    self.maintain();
                    return Ok(SyncOutcome::Pushed {
                        commits: pending,
                        attempts: attempt,
                    });
                }
                Ok(PushOutcome::NotFastForward) => backoff(attempt),
                Err(Error::Unreachable { message, .. }) => {
                    return Ok(SyncOutcome::Offline {
                        pending,
                        reason: message,
                    })
                }
                Err(e) => return Err(e),
            }
        }
        Err(Error::PushContended { attempts: attempt })
    }

    /// Makes the local tip a descendant of the remote tip: fast-forwards when
    /// there is nothing local, else rebuilds each local commit on the remote
    /// tip from the files it changed.
    ///
    /// When the remote no longer has the commit the local branch was built
    /// on (its history was rewritten), the local branch is rebuilt on the
    /// new history too, even when it still contains it (a rewind): a push
    /// must never undo a rewrite behind anyone's back. The old tip is kept
    /// and the user told (see `rewrite.rs`).
    pub fn rebase_onto_remote(&self) -> Result<()> {
        self.lock()?;
        self.follow_moved_branch()?;
        let (Some(remote_tip), local) = (self.remote_tip(), self.tip()) else {
            return Ok(());
        };
        let Some(local_tip) = local else {
            self.move_tip(None, remote_tip)?;
            return self.set_base(remote_tip);
        };
        let rewritten = self.rewritten(remote_tip)?;
        if !rewritten
            && (local_tip == remote_tip || self.repo.graph_descendant_of(local_tip, remote_tip)?)
        {
            return self.set_base(remote_tip);
        }
        if self.repo.graph_descendant_of(remote_tip, local_tip)? {
            self.move_tip(Some(local_tip), remote_tip)?;
            return self.set_base(remote_tip);
        }
        // Only what was written here since the last build on the remote:
        // commits the remote had (and may have dropped on purpose since) stay out.
        let mut walk = self.pending_walk(local_tip)?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
        let local_commits: Vec<Oid> = walk.collect::<std::result::Result<_, _>>()?;
        let mut base = remote_tip;
        for oid in local_commits {
            if let Some(rebuilt) = self.replay(oid, base)? {
                base = rebuilt;
            }
        }
        self.move_tip(Some(local_tip), base)?;
        self.set_base(remote_tip)?;
        if rewritten {
            self.report_rewrite(local_tip)?;
        }
        Ok(())
    }

    /// Applies the files `commit` changed onto `base`; `None` when that changes nothing.
    fn replay(&self, commit: Oid, base: Oid) -> Result<Option<Oid>> {
        let commit = self.repo.find_commit(commit)?;
        let base_commit = self.repo.find_commit(base)?;
        let base_tree = base_commit.tree()?;
        let ours = commit.tree()?;
        let before = match commit.parent(0) {
            Ok(p) => Some(p.tree()?),
            Err(_) => None,
        };
        let mut builder = TreeUpdateBuilder::new();
        for change in super::tree_changes(&self.repo, before.as_ref(), Some(&ours)) {
            let path = change.path.as_str();
            let theirs = blob_at(&base_tree, path);
            let original = change.old;
            match change.new {
                None => {
                    if theirs == original {
                        builder.remove(path);
                    }
                }
                Some(mine) => {
                    // Both sides changed the file since the version this
                    // commit was built on: merge field by field against it.
                    let keep = match theirs {
                        Some(theirs) if theirs != mine && Some(theirs) != original => {
                            self.merge_file(path, original, mine, theirs)?
                        }
                        _ => mine,
                    };
                    builder.upsert(path, keep, FileMode::Blob);
                }
            }
        }
        let tree_id = builder.create_updated(&self.repo, &base_tree)?;
        if tree_id == base_tree.id() {
            return Ok(None);
        }
        let tree = self.repo.find_tree(tree_id)?;
        let message = commit.message().unwrap_or("async-up: update");
        let new = self.make_commit(
            &commit.author(),
            &commit.committer(),
            message,
            &tree,
            &[&base_commit],
        )?;
        Ok(Some(new))
    }
}

pub(super) fn blob_at(tree: &Tree<'_>, path: &str) -> Option<Oid> {
    tree.get_path(std::path::Path::new(path))
        .ok()
        .map(|e| e.id())
}

/// Exponential backoff with full jitter (a random pause up to a doubling
/// ceiling), so writers that collided spread out instead of colliding again.
fn backoff(attempt: u32) {
    let ceiling_ms = (25u64 << attempt.min(7)).min(2000);
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0)
        ^ std::process::id().wrapping_mul(2_654_435_761);
    let pause = u64::from(seed.wrapping_mul(2_246_822_519)) % ceiling_ms;
    std::thread::sleep(Duration::from_millis(pause));
}
