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
        for oid in walk.take(MAX_COMMITS) {
            if open.is_empty() {
                break;
            }
            let commit = self.repo.find_commit(oid?)?;
            let here = commit.tree_id();
            let before = commit.parent(0).ok().map(|p| p.tree_id());
            let email = || commit.committer().email().unwrap_or("").to_string();
            open.retain(|(path, parts)| {
                let changed = path_changed(&self.repo, here, before, parts).unwrap_or(false);
                if changed {
                    found.insert((*path).clone(), email());
                }
                !changed
            });
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

/// Whether the entry at `parts` differs between two root trees, reading only
/// the subtrees whose ids differ on the way down.
fn path_changed(repo: &Repository, here: Oid, before: Option<Oid>, parts: &[&str]) -> Option<bool> {
    let mut now = here;
    let mut then = before;
    for (depth, name) in parts.iter().enumerate() {
        if Some(now) == then {
            return Some(false);
        }
        let now_tree = repo.find_tree(now).ok()?;
        let next_now = child(&now_tree, name)?;
        let next_then = then
            .and_then(|t| repo.find_tree(t).ok())
            .and_then(|t| child(&t, name));
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

fn child(tree: &Tree<'_>, name: &str) -> Option<(Oid, Option<ObjectType>)> {
    tree.get_name(name).map(|e| (e.id(), e.kind()))
}
