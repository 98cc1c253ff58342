//! Judging one commit: which paths it wrote itself (a merge is judged on
//! what it introduces, not on what it brings in from a side), under which
//! anchors, and with what the audit has learned of members so far. The
//! rules each path is held to are in `rules.rs`.

use super::anchors::{AnchorCache, Anchors, MemberFiles};
use super::audit::{owner_of, Violation};
use super::rules::Ctx;
use crate::error::Result;
use git2::{Commit, Oid, Repository, Tree};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// Judges commits, keeping the anchors it has read.
pub struct Judge<'r> {
    repo: &'r Repository,
    tip: Oid,
    anchors: AnchorCache,
    /// Member files read so far.
    members: MemberFiles<'r>,
    /// The folders the last commits' diffs read (the next commit's parent
    /// tree is this one's tree).
    trees: crate::store::Trees<'r>,
    /// How many root commits the history of `tip` has, once asked.
    roots: Option<usize>,
    /// Member emails learned from the commits judged so far, when judging a
    /// whole range in order (see [`Ctx::known`]).
    known: Option<HashMap<String, String>>,
}

impl<'r> Judge<'r> {
    /// A judge for commits of `repo` reachable from `tip`.
    pub fn new(repo: &'r Repository, tip: Oid) -> Self {
        Judge {
            repo,
            tip,
            anchors: AnchorCache::new(),
            members: MemberFiles::new(repo),
            trees: crate::store::Trees::new(repo),
            roots: None,
            known: None,
        }
    }

    /// Remembers members' emails from commit to commit, starting from the
    /// member files in `tree` (the commit a range starts after, if any).
    pub(super) fn remember_members(&mut self, tree: Option<&Tree<'_>>) {
        let mut known = HashMap::new();
        if let Some(members) = tree
            .and_then(|t| t.get_name(crate::model::layout::MEMBERS_DIR))
            .and_then(|e| self.repo.find_tree(e.id()).ok())
        {
            for e in members.iter() {
                let Some(handle) = e.name().and_then(|n| n.strip_suffix(".toml")) else {
                    continue;
                };
                if let Some(email) = self.members.get(tree, handle).and_then(|m| m.email.clone()) {
                    known.insert(handle.to_string(), email);
                }
            }
        }
        self.known = Some(known);
    }

    /// The number of root commits in the history: more than one means an
    /// unrelated history was merged in, and a root commit of it could vouch
    /// for a member file of its own making.
    fn roots(&mut self) -> Result<usize> {
        if let Some(n) = self.roots {
            return Ok(n);
        }
        let mut walk = self.repo.revwalk()?;
        walk.push(self.tip)?;
        let mut n = 0;
        for oid in walk {
            if self.repo.find_commit(oid?)?.parent_count() == 0 {
                n += 1;
            }
        }
        self.roots = Some(n);
        Ok(n)
    }

    /// The anchors as they stand in `tree`.
    pub fn anchors_of(&mut self, tree: Option<&Tree<'_>>) -> Rc<Anchors> {
        self.anchors.at(self.repo, tree)
    }

    /// The violations of one commit, judged by the anchors of its first
    /// parent's tree: at most one per member it touched and one per anchor
    /// it changed.
    pub fn commit(&mut self, commit: &Commit<'_>) -> Result<Vec<Violation>> {
        let first = commit.parents().next().map(|p| p.tree()).transpose()?;
        let anchors = self.anchors_of(first.as_ref());
        Ok(self.commit_under(commit, anchors)?.0)
    }

    /// The violations of one commit judged by `anchors`, and the anchors in
    /// force after it: its own when it changed them by the rules, else
    /// `anchors` still.
    pub fn commit_under(
        &mut self,
        commit: &Commit<'_>,
        anchors: Rc<Anchors>,
    ) -> Result<(Vec<Violation>, Rc<Anchors>)> {
        let repo = self.repo;
        let tree = commit.tree()?;
        let parents: Vec<Tree<'_>> = commit
            .parents()
            .map(|p| p.tree())
            .collect::<std::result::Result<_, _>>()?;
        let first = parents.first();
        let committer = commit.committer();
        let email = committer.email().unwrap_or("").to_string();
        let unrelated_root = parents.is_empty() && self.roots()? > 1;
        let ctx = Ctx {
            repo,
            members: &self.members,
            known: self.known.as_ref(),
            commit,
            first,
            tree: &tree,
            anchors: &anchors,
            email: &email,
            committer: format!("{} <{email}>", committer.name().unwrap_or("")),
        };
        // Per member, every path it touched, so that one verdict covers them.
        let mut owners: BTreeMap<String, Vec<(String, bool)>> = BTreeMap::new();
        let mut out = Vec::new();
        let mut anchors_changed = false;
        let mut anchors_broken = false;
        self.trees.next_round();
        for (path, deleted) in introduced(&mut self.trees, commit, &tree, &parents) {
            if unrelated_root && (anchors.is_anchor(&path) || owner_of(&path).is_some()) {
                anchors_broken |= owner_of(&path).is_none();
                out.push(ctx.violation(
                    owner_of(&path),
                    &path,
                    "a root commit in a history with several roots (an unrelated history was merged in): nothing in it can vouch for itself".to_string(),
                    true,
                ));
                continue;
            }
            if anchors.is_anchor(&path) || path == crate::model::layout::TEAM_FILE {
                anchors_changed = true;
                if first.is_some() {
                    if let Some(v) = ctx.anchor_change(&path) {
                        anchors_broken = true;
                        out.push(v);
                    }
                }
            } else if let Some(owner) = owner_of(&path) {
                owners
                    .entry(owner.to_string())
                    .or_default()
                    .push((path.clone(), deleted));
            }
        }
        // What a commit changed in a member file by the rules is learned;
        // a commit that only wrote updates teaches nothing about emails.
        let mut learned = Vec::new();
        for (owner, paths) in owners {
            let member_file = format!("{}/{owner}.toml", crate::model::layout::MEMBERS_DIR);
            let touches_member_file = paths.iter().any(|(p, _)| *p == member_file);
            match ctx.member_change(&owner, &paths) {
                Some(v) => out.push(v),
                None if touches_member_file => learned.push(owner),
                None => {}
            }
        }
        if let Some(known) = self.known.as_mut() {
            for owner in learned {
                if let Some(email) = self
                    .members
                    .get(Some(&tree), &owner)
                    .and_then(|m| m.email.clone())
                {
                    known.insert(owner, email);
                }
            }
        }
        let after = if anchors_changed && !anchors_broken {
            self.anchors_of(Some(&tree))
        } else {
            anchors.clone()
        };
        Ok((out, after))
    }
}

/// The paths a commit wrote itself, with whether it removed them. For a
/// plain commit that is its diff. For a merge, a path that differs from the
/// first parent was only brought in when another parent has the same content
/// (blob and mode) and that side changed it since the merge base; what the
/// merge kept or reverted against a side's change, it wrote itself. Commits
/// of the side that changed it are judged on their own.
fn introduced(
    trees: &mut crate::store::Trees<'_>,
    commit: &Commit<'_>,
    tree: &Tree<'_>,
    parents: &[Tree<'_>],
) -> Vec<(String, bool)> {
    let changes = crate::store::tree_changes_kept(trees, parents.first(), Some(tree));
    let repo = trees.repo();
    if parents.len() < 2 {
        return changes
            .into_iter()
            .map(|c| (c.path, c.new.is_none()))
            .collect();
    }
    let ids: Vec<Oid> = commit.parent_ids().collect();
    let base = repo
        .merge_base_many(&ids)
        .ok()
        .and_then(|b| repo.find_commit(b).ok())
        .and_then(|b| b.tree().ok());
    changes
        .into_iter()
        .filter(|c| {
            let mine = c.new.zip(c.new_mode);
            let at_base = base.as_ref().and_then(|t| entry_at(t, &c.path));
            let brought = parents
                .iter()
                .skip(1)
                .any(|p| entry_at(p, &c.path) == mine && at_base != mine);
            !brought
        })
        .map(|c| (c.path, c.new.is_none()))
        .collect()
}

/// The blob and mode at `path` in `tree` (none for a folder or nothing).
pub(crate) fn entry_at(tree: &Tree<'_>, path: &str) -> Option<(Oid, i32)> {
    tree.get_path(std::path::Path::new(path))
        .ok()
        .filter(|e| e.kind() != Some(git2::ObjectType::Tree))
        .map(|e| (e.id(), e.filemode()))
}
