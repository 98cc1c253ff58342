//! Looking back through history: which commit last changed each of a few
//! update files. The walk stops as soon as every path is answered, and a
//! commit costs only the trees on the way to what it changed: identical
//! subtree ids are skipped without being read.

use super::Store;
use crate::error::Result;
use git2::{ObjectType, Oid, Repository, Tree};
use std::collections::HashMap;

/// How far back to look before giving up on a path.
const MAX_COMMITS: usize = 20_000;

impl Store {
    /// For each path (`updates/<handle>/<YYYY>/<date>.toml`), the commit that
    /// last changed it: the one whose content for the path differs from its
    /// content in every parent (as `git log` simplifies history). A merge
    /// that only brought the file in from one side is passed through to that
    /// side. Paths not found within the bound are absent.
    pub fn last_commits(&self, paths: &[String]) -> Result<HashMap<String, Oid>> {
        let mut found = HashMap::new();
        let Some(tip) = self.tip() else {
            return Ok(found);
        };
        let mut open: Vec<(&String, Vec<&str>)> = paths
            .iter()
            .map(|p| (p, p.split('/').collect::<Vec<_>>()))
            .filter(|(_, parts)| !parts.is_empty())
            .collect();
        let mut walk = self.repo.revwalk()?;
        walk.push(tip)?;
        walk.simplify_first_parent()?;
        let mut trees = TreeCache::new(&self.repo);
        for oid in walk.take(MAX_COMMITS) {
            if open.is_empty() {
                break;
            }
            let commit = self.repo.find_commit(oid?)?;
            let here = commit.tree_id();
            let before = commit.parent(0).ok().map(|p| p.tree_id());
            let mut side = Vec::new();
            open.retain(|(path, parts)| {
                let changed = trees.path_changed(here, before, parts).unwrap_or(false);
                if changed {
                    side.push((*path).clone());
                }
                !changed
            });
            for path in side {
                let at = if commit.parent_count() > 1 {
                    self.introduced_by(&commit, &path)?
                } else {
                    commit.id()
                };
                found.insert(path, at);
            }
            trees.next_commit();
        }
        Ok(found)
    }

    /// Follows one path from a merge that changed it against its first
    /// parent: into another parent that has the same content, when that side
    /// changed it since the merge base, until a commit that wrote the
    /// content itself (as `audit` decides what a merge wrote). Merges are
    /// rare in a team repo (async-up never makes one), so this walks one
    /// path.
    fn introduced_by(&self, merge: &git2::Commit<'_>, path: &str) -> Result<Oid> {
        let entry = |c: &git2::Commit<'_>| -> Option<(Oid, i32)> {
            crate::trust::audit::entry_at(&c.tree().ok()?, path)
        };
        let mut at = merge.clone();
        for _ in 0..MAX_COMMITS {
            let here = entry(&at);
            let parents: Vec<git2::Commit<'_>> = at.parents().collect();
            let base = if parents.len() > 1 {
                let ids: Vec<Oid> = parents.iter().map(|p| p.id()).collect();
                self.repo
                    .merge_base_many(&ids)
                    .ok()
                    .and_then(|b| self.repo.find_commit(b).ok())
                    .map(|b| entry(&b))
            } else {
                None
            };
            let same = parents
                .into_iter()
                .find(|p| entry(p) == here && base.as_ref().is_none_or(|b| *b != here));
            match same {
                Some(p) => at = p,
                None => return Ok(at.id()),
            }
        }
        Ok(at.id())
    }
}

/// The trees read while walking, kept for this commit and the next: a
/// commit's parent tree is the next commit's own, and the `updates` folder
/// (one entry per member, tens of kilobytes on a big team) is above the size
/// libgit2 caches, so without this it would be read and parsed again for
/// every path asked about.
struct TreeCache<'r> {
    repo: &'r Repository,
    trees: HashMap<Oid, (Tree<'r>, usize)>,
    commit: usize,
}

impl<'r> TreeCache<'r> {
    fn new(repo: &'r Repository) -> Self {
        TreeCache {
            repo,
            trees: HashMap::new(),
            commit: 0,
        }
    }

    /// Forgets the trees the last two commits did not use.
    fn next_commit(&mut self) {
        let commit = self.commit;
        self.trees.retain(|_, (_, used)| *used + 1 >= commit);
        self.commit += 1;
    }

    /// The id and kind of `name` in tree `tree`.
    fn child(&mut self, tree: Oid, name: &str) -> Option<(Oid, Option<ObjectType>)> {
        let commit = self.commit;
        let entry = match self.trees.entry(tree) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let (tree, used) = e.into_mut();
                *used = commit;
                &*tree
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                &e.insert((self.repo.find_tree(tree).ok()?, commit)).0
            }
        };
        entry.get_name(name).map(|e| (e.id(), e.kind()))
    }

    /// Whether the entry at `parts` differs between two root trees, reading
    /// only the subtrees whose ids differ on the way down.
    fn path_changed(&mut self, here: Oid, before: Option<Oid>, parts: &[&str]) -> Option<bool> {
        let mut now = here;
        let mut then = before;
        for (depth, name) in parts.iter().enumerate() {
            if Some(now) == then {
                return Some(false);
            }
            let next_now = self.child(now, name)?;
            let next_then = then.and_then(|t| self.child(t, name));
            if depth + 1 == parts.len() {
                return Some(Some(next_now.0) != next_then.map(|(id, _)| id));
            }
            if next_now.1 != Some(ObjectType::Tree) {
                return None;
            }
            now = next_now.0;
            then = next_then.map(|(id, _)| id);
        }
        None
    }
}
