//! Looking back through history: who made the last commit to each of a few
//! paths. The walk stops as soon as every path is answered, and skips a
//! commit after comparing one or two subtree ids, so it costs about as many
//! commits as were made since the oldest of those paths last changed.

use super::Store;
use crate::error::Result;
use git2::{Oid, Tree};
use std::collections::HashMap;
use std::path::Path;

/// How far back to look before giving up on a path.
const MAX_COMMITS: usize = 5000;

impl Store {
    /// For each path (in `updates/<handle>/...`), the committer email of the
    /// last commit that changed it. Paths not found within the bound are absent.
    pub fn last_committers(&self, paths: &[String]) -> Result<HashMap<String, String>> {
        let mut found = HashMap::new();
        let Some(tip) = self.tip() else {
            return Ok(found);
        };
        let mut open: Vec<&String> = paths.iter().collect();
        let mut walk = self.repo.revwalk()?;
        walk.push(tip)?;
        walk.simplify_first_parent()?;
        for oid in walk.take(MAX_COMMITS) {
            if open.is_empty() {
                break;
            }
            let commit = self.repo.find_commit(oid?)?;
            let tree = commit.tree()?;
            let parent_tree = match commit.parent(0) {
                Ok(p) => Some(p.tree()?),
                Err(_) => None,
            };
            let here = subtree_id(&tree, "updates");
            let before = parent_tree.as_ref().and_then(|t| subtree_id(t, "updates"));
            if here.is_some() && here == before {
                continue;
            }
            open.retain(|path| {
                let now = entry_id(&tree, path);
                let then = parent_tree.as_ref().and_then(|t| entry_id(t, path));
                if now.is_some() && now != then {
                    let email = commit.committer().email().unwrap_or("").to_string();
                    found.insert((*path).clone(), email);
                    false
                } else {
                    true
                }
            });
        }
        Ok(found)
    }
}

fn subtree_id(tree: &Tree<'_>, name: &str) -> Option<Oid> {
    tree.get_name(name).map(|e| e.id())
}

fn entry_id(tree: &Tree<'_>, path: &str) -> Option<Oid> {
    tree.get_path(Path::new(path)).ok().map(|e| e.id())
}
