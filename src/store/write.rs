//! Writing to a mirror: a commit built from the tip's tree with a few paths
//! replaced, in memory, so the cost of a write does not grow with history and
//! nothing outside the named paths can change.

use super::Store;
use crate::error::{Error, Result};
use git2::{build::TreeUpdateBuilder, FileMode, Oid, Signature};

/// A file to put into the tree.
pub struct FileChange {
    /// Path inside the repo.
    pub path: String,
    /// New content.
    pub content: Vec<u8>,
}

impl Store {
    /// Commits `files` on top of the local tip and moves the tip. Returns
    /// `None` when the files already hold that content. On a full disk the
    /// error says that nothing was saved: objects are written whole or not
    /// at all and the tip moves last, so the mirror is as it was.
    pub fn commit_files(
        &self,
        files: &[FileChange],
        message: &str,
        author: &Signature<'_>,
    ) -> Result<Option<Oid>> {
        self.try_commit_files(files, message, author).map_err(|e| {
            e.with_outcome("Your change was not saved; everything saved before is intact.")
        })
    }

    fn try_commit_files(
        &self,
        files: &[FileChange],
        message: &str,
        author: &Signature<'_>,
    ) -> Result<Option<Oid>> {
        if self.external {
            return Err(Error::Usage(
                "--repo is read-only: write through a team joined with `async-up init`".into(),
            ));
        }
        self.lock()?;
        // Another async-up of the same user may move the tip between our read
        // and our ref update; the compare-and-swap catches it and we rebuild.
        for _ in 0..10 {
            let parent = self.tip();
            let parent_commit = parent.map(|p| self.repo.find_commit(p)).transpose()?;
            let base_tree = match &parent_commit {
                Some(c) => c.tree()?,
                None => {
                    let empty = self.repo.treebuilder(None)?.write()?;
                    self.repo.find_tree(empty)?
                }
            };
            let mut builder = TreeUpdateBuilder::new();
            for file in files {
                let blob = self.repo.blob(&file.content)?;
                builder.upsert(&file.path, blob, FileMode::Blob);
            }
            let tree_id = builder.create_updated(&self.repo, &base_tree)?;
            if parent.is_some() && tree_id == base_tree.id() {
                return Ok(None);
            }
            let tree = self.repo.find_tree(tree_id)?;
            let parents: Vec<&git2::Commit<'_>> = parent_commit.iter().collect();
            let commit = self.make_commit(author, author, message, &tree, &parents)?;
            if self.move_tip(parent, commit)? {
                self.maintain();
                return Ok(Some(commit));
            }
        }
        Err(Error::Usage(
            "another async-up kept changing this mirror at the same time; try again".into(),
        ))
    }

    /// Replaces `commit`, the pending local tip this process just made, with
    /// one that also writes `files`: same parents, author and message, so
    /// one write stays one commit. When the tip has moved on meanwhile,
    /// `files` are committed on top instead.
    pub fn amend_pending(&self, commit: Oid, files: &[FileChange]) -> Result<()> {
        self.lock()?;
        let old = self.repo.find_commit(commit)?;
        if self.tip() == Some(commit) {
            let mut builder = TreeUpdateBuilder::new();
            for file in files {
                let blob = self.repo.blob(&file.content)?;
                builder.upsert(&file.path, blob, FileMode::Blob);
            }
            let tree_id = builder.create_updated(&self.repo, &old.tree()?)?;
            let tree = self.repo.find_tree(tree_id)?;
            let parents: Vec<git2::Commit<'_>> = old.parents().collect();
            let parents: Vec<&git2::Commit<'_>> = parents.iter().collect();
            let message = old.message().unwrap_or("async-up: update");
            let new =
                self.make_commit(&old.author(), &old.committer(), message, &tree, &parents)?;
            if self.move_tip(Some(commit), new)? {
                return Ok(());
            }
        }
        self.commit_files(
            files,
            old.message().unwrap_or("async-up: update"),
            &old.author(),
        )?;
        Ok(())
    }

    /// Moves the local tip from `old` to `new` if it is still at `old`.
    pub(super) fn move_tip(&self, old: Option<Oid>, new: Oid) -> Result<bool> {
        let name = self.local_ref();
        let result = match old {
            Some(old) => self
                .repo
                .reference_matching(&name, new, true, old, "async-up: commit"),
            None => self.repo.reference(&name, new, false, "async-up: commit"),
        };
        match result {
            Ok(_) => Ok(true),
            Err(e)
                if matches!(
                    e.code(),
                    git2::ErrorCode::Modified | git2::ErrorCode::Exists | git2::ErrorCode::Locked
                ) =>
            {
                Ok(false)
            }
            Err(e) => Err(e.into()),
        }
    }
}
