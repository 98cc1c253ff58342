//! Rebuilding a damaged mirror without dropping pending work: the old one is
//! moved aside, a new one is fetched from the remote, and your own updates
//! that the remote lacks are read from the old one's objects, as far as they
//! can still be read, merged with what the remote has now (the same way a
//! sync merges them), and committed again.

use super::Store;
use crate::error::Result;
use crate::model::{layout, Handle, Update};
use crate::store::FileChange;
use git2::{ObjectType, Oid, Repository};
use std::path::Path;

impl Store {
    /// Whether the mirror can be used: HEAD and the config read (the git
    /// binary refuses a repo without them), and so do the tip and its tree.
    pub fn is_healthy(&self) -> bool {
        let head_ok = self
            .repo
            .find_reference("HEAD")
            .ok()
            .and_then(|h| h.symbolic_target().map(|t| t.starts_with("refs/heads/")))
            .unwrap_or(false);
        let config_ok = match (&self.remote, self.repo.config()) {
            (_, Err(_)) => false,
            (Some(_), Ok(c)) => c
                .get_string(&format!("remote.{}.url", super::REMOTE_NAME))
                .is_ok(),
            (None, Ok(_)) => true,
        };
        let tip_ok = match self.tip() {
            None => true,
            Some(oid) => self.repo.find_commit(oid).and_then(|c| c.tree()).is_ok(),
        };
        head_ok && config_ok && tip_ok
    }

    /// Copies `me`'s updates that the remote never had from the damaged
    /// mirror at `old` into this one, merged with the remote's version of
    /// the same day when both changed it. Returns how many were recovered.
    /// Only the old object store and the branch's ref file are read, so a
    /// garbled config or HEAD does not stop it.
    pub fn recover_from(
        &self,
        old: &Path,
        me: &Handle,
        author: &git2::Signature<'_>,
    ) -> Result<usize> {
        // The old mirror may follow another branch than the new one (the
        // team's branch was renamed since): a mirror has one local branch.
        let old_branch = Some(self.branch().to_string())
            .filter(|b| read_ref(old, &format!("refs/heads/{b}")).is_some())
            .or_else(|| only_branch(old));
        let Some(old_branch) = old_branch else {
            return Ok(0);
        };
        let Some(tip) = read_ref(old, &format!("refs/heads/{old_branch}")) else {
            return Ok(0);
        };
        let odb = git2::Odb::new()?;
        odb.add_disk_alternate(&old.join("objects").to_string_lossy())?;
        let old_repo = Repository::from_odb(odb)?;
        let Ok(tree) = old_repo.find_commit(tip).and_then(|c| c.tree()) else {
            return Ok(0);
        };
        // The version each pending file was built on, to merge against what
        // the remote has now: the old mirror's base, else what it last fetched.
        let old_base = read_ref(old, super::BASE_REF)
            .or_else(|| {
                read_ref(
                    old,
                    &format!("refs/remotes/{}/{old_branch}", super::REMOTE_NAME),
                )
            })
            .and_then(|oid| old_repo.find_commit(oid).and_then(|c| c.tree()).ok());
        let current = match self.tip() {
            Some(tip) => Some(self.repo.find_commit(tip)?.tree()?),
            None => None,
        };
        let remote_odb = self.repo.odb()?;
        let mut files = Vec::new();
        let person = format!("{}/{}", layout::UPDATES_DIR, me);
        let Ok(person_entry) = tree.get_path(Path::new(&person)) else {
            return Ok(0);
        };
        let Ok(person_tree) = old_repo.find_tree(person_entry.id()) else {
            return Ok(0);
        };
        for year in person_tree.iter() {
            let Ok(year_tree) = old_repo.find_tree(year.id()) else {
                continue;
            };
            for file in year_tree.iter() {
                if file.kind() != Some(ObjectType::Blob) {
                    continue;
                }
                let Some(date) = file.name().and_then(layout::date_from_file_name) else {
                    continue;
                };
                let path = layout::update_path(me, date);
                let base_blob = old_base
                    .as_ref()
                    .and_then(|t| super::sync::blob_at(t, &path));
                // A version the remote has had was pushed: not pending, and
                // a later one on the remote (or its removal) is not undone.
                if base_blob == Some(file.id()) || remote_odb.exists(file.id()) {
                    continue;
                }
                let Ok(blob) = old_repo.find_blob(file.id()) else {
                    continue;
                };
                if blob.size() > layout::MAX_FILE_BYTES {
                    continue;
                }
                let Some(update) = std::str::from_utf8(blob.content())
                    .ok()
                    .and_then(|t| Update::from_toml(&path, t).ok())
                else {
                    continue;
                };
                if update.author != me.as_str() || update.date != date {
                    continue;
                }
                let mine = self.repo.blob(blob.content())?;
                let base = base_blob
                    .and_then(|oid| old_repo.find_blob(oid).ok())
                    .map(|b| self.repo.blob(b.content()))
                    .transpose()?;
                let keep = match current
                    .as_ref()
                    .and_then(|t| super::sync::blob_at(t, &path))
                {
                    Some(theirs) if theirs != mine && Some(theirs) != base => {
                        self.merge_file(&path, base, mine, theirs)?
                    }
                    _ => mine,
                };
                files.push(FileChange {
                    path,
                    content: self.repo.find_blob(keep)?.content().to_vec(),
                });
            }
        }
        if files.is_empty() {
            return Ok(0);
        }
        self.commit_files(&files, "async-up: recover pending updates", author)?;
        Ok(files.len())
    }
}

/// A ref's target read straight from the files: loose ref, then packed-refs.
fn read_ref(git_dir: &Path, name: &str) -> Option<Oid> {
    if let Ok(text) = std::fs::read_to_string(git_dir.join(name)) {
        if let Ok(oid) = Oid::from_str(text.trim()) {
            return Some(oid);
        }
    }
    let packed = std::fs::read_to_string(git_dir.join("packed-refs")).ok()?;
    packed.lines().find_map(|line| {
        let (oid, refname) = line.split_once(' ')?;
        (refname == name).then(|| Oid::from_str(oid).ok()).flatten()
    })
}

/// The one local branch of a mirror, read from its files; `None` when there
/// is not exactly one.
fn only_branch(git_dir: &Path) -> Option<String> {
    let mut names = std::collections::BTreeSet::new();
    let heads = git_dir.join("refs/heads");
    let mut dirs = vec![heads.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).ok()?.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(name) = path.strip_prefix(&heads) {
                names.insert(name.to_string_lossy().to_string());
            }
        }
    }
    if let Ok(packed) = std::fs::read_to_string(git_dir.join("packed-refs")) {
        for line in packed.lines() {
            if let Some(name) = line
                .split_once(' ')
                .and_then(|(_, r)| r.strip_prefix("refs/heads/"))
            {
                names.insert(name.to_string());
            }
        }
    }
    let mut names = names.into_iter();
    match (names.next(), names.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}
