//! Rebuilding a damaged mirror without dropping pending work: the old one is
//! moved aside, a new one is fetched from the remote, and your own updates
//! that the remote lacks (or has older versions of) are read from the old
//! one's objects, as far as they can still be read, and committed again.

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

    /// Copies `me`'s updates that the remote lacks, or has older, from the
    /// damaged mirror at `old` into this one. Returns how many were recovered.
    /// Only the old object store and the branch's ref file are read, so a
    /// garbled config or HEAD does not stop it.
    pub fn recover_from(
        &self,
        old: &Path,
        me: &Handle,
        author: &git2::Signature<'_>,
    ) -> Result<usize> {
        let Some(tip) = read_ref(old, &format!("refs/heads/{}", self.branch)) else {
            return Ok(0);
        };
        let odb = git2::Odb::new()?;
        odb.add_disk_alternate(&old.join("objects").to_string_lossy())?;
        let old_repo = Repository::from_odb(odb)?;
        let Ok(tree) = old_repo.find_commit(tip).and_then(|c| c.tree()) else {
            return Ok(0);
        };
        let current = self.snapshot()?;
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
                let Ok(blob) = old_repo.find_blob(file.id()) else {
                    continue;
                };
                let path = layout::update_path(me, date);
                let Some(update) = std::str::from_utf8(blob.content())
                    .ok()
                    .and_then(|t| Update::from_toml(&path, t).ok())
                else {
                    continue;
                };
                let newer = match current.update_on(me, date) {
                    None => true,
                    Some(remote) => update.written_at > remote.written_at,
                };
                if newer && update.author == me.as_str() && update.date == date {
                    files.push(FileChange {
                        path,
                        content: blob.content().to_vec(),
                    });
                }
            }
        }
        drop(current);
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
