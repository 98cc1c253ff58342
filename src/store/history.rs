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
    /// side. Paths not found within the bound are absent. Newest first, in
    /// the order the walk met them.
    pub fn last_commits(&self, paths: &[String]) -> Result<Vec<(String, Oid)>> {
        let mut found = Vec::new();
        let Some(tip) = self.tip() else {
            return Ok(found);
        };
        // Open paths by their first two names (`updates`, then the handle),
        // so that a commit costs the folders it changed, not the paths
        // still open: one commit per member on a team of thousands checked
        // every open path at every commit.
        let mut open: Open<'_> = HashMap::new();
        for path in paths {
            let parts: Vec<&str> = path.split('/').collect();
            if parts.len() >= 2 {
                let folder = open.entry(parts[0]).or_default();
                folder.entry(parts[1]).or_default().push((path, parts));
            }
        }
        let mut walk = self.repo.revwalk()?;
        walk.push(tip)?;
        walk.simplify_first_parent()?;
        let mut trees = TreeCache::new(&self.repo);
        let mut counter = crate::render::progress::Counter::new("reading history, commits");
        for (n, oid) in walk.take(MAX_COMMITS).enumerate() {
            if open.is_empty() {
                break;
            }
            counter.tick(n);
            crate::debug_counts::count("history_commits", 1);
            crate::store::mapped::lookups(1);
            let commit = self.repo.find_commit(oid?)?;
            let here = commit.tree_id();
            let before = commit.parent(0).ok().map(|p| p.tree_id());
            let mut side = Vec::new();
            for (top, folder) in open.iter_mut() {
                let Some(names) = trees.changed_below(here, before, top) else {
                    continue;
                };
                let mut check = |group: &mut Vec<(&String, Vec<&str>)>| {
                    group.retain(|(path, parts)| {
                        super::work::add(|w| w.path_checks += 1);
                        let changed = trees.path_changed(here, before, parts).unwrap_or(false);
                        if changed {
                            side.push((*path).clone());
                        }
                        !changed
                    });
                };
                match names {
                    Some(names) => {
                        for name in names {
                            if let Some(group) = folder.get_mut(name.as_str()) {
                                check(group);
                            }
                        }
                    }
                    None => folder.values_mut().for_each(&mut check),
                }
                folder.retain(|_, group| !group.is_empty());
            }
            open.retain(|_, folder| !folder.is_empty());
            for path in side {
                let at = if commit.parent_count() > 1 {
                    self.introduced_by(&commit, &path)?
                } else {
                    commit.id()
                };
                found.push((path, at));
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
            crate::trust::judge::entry_at(&c.tree().ok()?, path)
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

/// Open paths by their first name, then their second.
type Open<'p> = HashMap<&'p str, HashMap<&'p str, Vec<(&'p String, Vec<&'p str>)>>>;

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

    /// Tree `id`, read once while it is in use.
    fn tree(&mut self, id: Oid) -> Option<&Tree<'r>> {
        let commit = self.commit;
        Some(match self.trees.entry(id) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let (tree, used) = e.into_mut();
                *used = commit;
                &*tree
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                crate::store::mapped::lookups(1);
                &e.insert((self.repo.find_tree(id).ok()?, commit)).0
            }
        })
    }

    /// The id and kind of `name` in tree `tree`.
    fn child(&mut self, tree: Oid, name: &str) -> Option<(Oid, Option<ObjectType>)> {
        let entry = self.tree(tree)?.get_name(name)?;
        Some((entry.id(), entry.kind()))
    }

    /// What changed in folder `top` between two root trees: `None` when
    /// nothing did (or it is not a folder now), else the names in it whose
    /// entries differ, or `Some(None)` when any may have (see
    /// [`treediff::changed_names`](super::treediff::changed_names)).
    fn changed_below(
        &mut self,
        here: Oid,
        before: Option<Oid>,
        top: &str,
    ) -> Option<Option<Vec<String>>> {
        if Some(here) == before {
            return None;
        }
        let (now, kind) = self.child(here, top)?;
        let then = before.and_then(|t| self.child(t, top));
        if kind != Some(ObjectType::Tree) || then.map(|t| t.0) == Some(now) {
            return None;
        }
        let new = self.tree(now)?.clone();
        let old = then
            .filter(|t| t.1 == Some(ObjectType::Tree))
            .and_then(|t| self.tree(t.0).cloned());
        Some(super::treediff::changed_names(old.as_ref(), Some(&new)))
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
