//! Looking back through history: who made the last commit to each of a few
//! update files. The walk stops as soon as every path is answered, and a
//! commit costs only the trees on the way to what it changed: identical
//! subtree ids are skipped without being read.

use super::index::Index;
use super::Store;
use crate::error::Result;
use git2::{ObjectType, Oid, Repository, Tree};
use std::collections::HashMap;

/// How far back to look before giving up on a path.
const MAX_COMMITS: usize = 20_000;

impl Store {
    /// For each path (`updates/<handle>/<YYYY>/<date>.toml`), the committer
    /// email of the last commit that changed it. Paths not found within the
    /// bound are absent.
    /// Answers found in `index` are used as they are; what the walk learns
    /// is saved into it for the next run.
    pub fn last_committers(
        &self,
        paths: &[String],
        index: Option<&Index>,
    ) -> Result<HashMap<String, String>> {
        let mut found = HashMap::new();
        let Some(tip) = self.tip() else {
            return Ok(found);
        };
        let known = index.map(|i| &i.committers);
        let mut open: Vec<(&String, Vec<&str>)> = paths
            .iter()
            .filter(|p| match known.and_then(|k| k.get(*p)) {
                Some(email) => {
                    found.insert((*p).clone(), email.clone());
                    false
                }
                None => true,
            })
            .map(|p| (p, p.split('/').collect::<Vec<_>>()))
            .filter(|(_, parts)| parts.len() == 4)
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
            let email = || commit.committer().email().unwrap_or("").to_string();
            open.retain(|(path, parts)| {
                let changed = trees.path_changed(here, before, parts).unwrap_or(false);
                if changed {
                    found.insert((*path).clone(), email());
                }
                !changed
            });
            trees.next_commit();
        }
        if let Some(index) = index {
            if found.keys().any(|p| !index.committers.contains_key(p)) {
                let mut updated = index.clone();
                updated.committers.extend(found.clone());
                self.save_index(&updated);
            }
        }
        Ok(found)
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
