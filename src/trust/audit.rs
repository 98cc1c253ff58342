//! Who wrote what: every commit that touched `updates/<handle>/` or
//! `members/<handle>.toml` must have been committed by that member (the
//! committer email matches the member file) and, where the team requires
//! signing, carry a valid SSH signature from that member's key. A change to
//! a trust anchor (the team file, the allowed signers file) must come from a
//! maintainer. Each commit is judged by the anchors of its parent, never the
//! tip's; a merge is judged on what it introduces itself.

use super::anchors::{member_in, AnchorCache, Anchors};
use super::signing;
use crate::error::{Error, Result};
use git2::{Commit, Oid, Repository, Tree};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

/// One commit that broke the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The commit id.
    pub commit: String,
    /// Who committed it (name <email>).
    pub committer: String,
    /// Whose files it touched; `None` for a change to a trust anchor.
    pub member: Option<String>,
    /// One path it touched in that member's area (or the anchor).
    pub path: String,
    /// What is wrong.
    pub reason: String,
    /// Whether the committer is someone other than the member (as opposed
    /// to the member without a valid signature).
    pub foreign: bool,
}

/// What an audit found.
#[derive(Debug, Default)]
pub struct Report {
    /// How many commits were looked at.
    pub commits_checked: usize,
    /// What broke the rules, oldest first.
    pub violations: Vec<Violation>,
}

/// The member whose area `path` is in, if any.
pub fn owner_of(path: &str) -> Option<&str> {
    if let Some(rest) = path
        .strip_prefix("updates/")
        .or(path.strip_prefix("replies/"))
    {
        return rest.split('/').next().filter(|h| !h.is_empty());
    }
    path.strip_prefix("members/")?.strip_suffix(".toml")
}

/// The commits a shallow clone holds without their parents. Such a commit
/// cannot be judged: what it changed is unknown.
pub fn shallow_boundary(repo: &Repository) -> HashSet<Oid> {
    std::fs::read_to_string(repo.path().join("shallow"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| Oid::from_str(l.trim()).ok())
        .collect()
}

/// Audits the commits reachable from `tip` and not from `since`.
///
/// In a shallow clone, a commit in the range whose parents are missing is an
/// error: it would look as if it added every file, and calling that a
/// violation (or clean) would be a guess.
pub fn audit(repo: &Repository, tip: Oid, since: Option<Oid>) -> Result<Report> {
    let boundary = shallow_boundary(repo);
    let mut walk = repo.revwalk()?;
    walk.push(tip)?;
    if let Some(s) = since {
        walk.hide(s)?;
    }
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
    let oids: Vec<Oid> = walk.collect::<std::result::Result<_, _>>()?;
    if let Some(cut) = oids.iter().find(|o| boundary.contains(o)) {
        return Err(Error::Usage(format!(
            "the team repository is a shallow clone: the parents of commit {cut} are not here, so what it changed cannot be judged.\n\
             Fetch the whole history (`git fetch --unshallow`, or `fetch-depth: 0` for actions/checkout, `GIT_DEPTH: 0` on GitLab), \
             or audit only commits the clone holds whole with --since REV"
        )));
    }
    let mut judge = Judge::new(repo, tip);
    let start = match since {
        Some(s) => Some(repo.find_commit(s)?.tree()?),
        None => None,
    };
    judge.remember_members(start.as_ref());
    let mut report = Report::default();
    // The anchors in force after each commit: a change to them that broke
    // the rules is reported and does not take effect, so a forger who turns
    // signing off is still judged by the rules he tried to remove.
    let mut in_force: HashMap<Oid, Rc<Anchors>> = HashMap::new();
    for oid in oids {
        let commit = repo.find_commit(oid)?;
        let before = match commit.parent_ids().next() {
            Some(parent) => match in_force.get(&parent) {
                Some(a) => a.clone(),
                None => judge.anchors_of(Some(&repo.find_commit(parent)?.tree()?)),
            },
            None => judge.anchors_of(None),
        };
        report.commits_checked += 1;
        let (violations, mut after) = judge.commit_under(&commit, before.clone())?;
        // A merge that wrote no anchor itself carries the anchors of the
        // side its tree took them from, when that side had them by the
        // rules: a maintainer's change reaches main through `git pull`.
        if commit.parent_count() > 1 && Rc::ptr_eq(&after, &before) {
            let ids = judge.anchors_of(Some(&commit.tree()?)).ids;
            if let Some(side) = commit
                .parent_ids()
                .filter_map(|p| in_force.get(&p))
                .find(|a| a.ids == ids)
            {
                after = side.clone();
            }
        }
        report.violations.extend(violations);
        in_force.insert(oid, after);
    }
    Ok(report)
}

/// Judges commits, keeping the anchors it has read.
pub struct Judge<'r> {
    repo: &'r Repository,
    tip: Oid,
    anchors: AnchorCache,
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
            roots: None,
            known: None,
        }
    }

    /// Remembers members' emails from commit to commit, starting from the
    /// member files in `tree` (the commit a range starts after, if any).
    fn remember_members(&mut self, tree: Option<&Tree<'_>>) {
        let mut known = HashMap::new();
        if let Some(members) = tree
            .and_then(|t| t.get_name(crate::model::layout::MEMBERS_DIR))
            .and_then(|e| self.repo.find_tree(e.id()).ok())
        {
            for e in members.iter() {
                let Some(handle) = e.name().and_then(|n| n.strip_suffix(".toml")) else {
                    continue;
                };
                if let Some(email) = member_in(self.repo, tree, handle).and_then(|m| m.email) {
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
        for (path, deleted) in introduced(repo, commit, &tree, &parents) {
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
                if let Some(email) = member_in(repo, Some(&tree), &owner).and_then(|m| m.email) {
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
    repo: &Repository,
    commit: &Commit<'_>,
    tree: &Tree<'_>,
    parents: &[Tree<'_>],
) -> Vec<(String, bool)> {
    let changes = crate::store::tree_changes(repo, parents.first(), Some(tree));
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

/// What judging one commit needs.
struct Ctx<'a, 'r> {
    repo: &'r Repository,
    /// The last email each member file had when a commit changed it by the
    /// rules (an audit's memory): a member file deleted and added again is
    /// judged by it, not by the file that re-adds it.
    known: Option<&'a HashMap<String, String>>,
    commit: &'a Commit<'r>,
    first: Option<&'a Tree<'r>>,
    tree: &'a Tree<'r>,
    anchors: &'a Anchors,
    email: &'a str,
    committer: String,
}

impl Ctx<'_, '_> {
    fn violation(
        &self,
        member: Option<&str>,
        path: &str,
        reason: String,
        foreign: bool,
    ) -> Violation {
        Violation {
            commit: self.commit.id().to_string(),
            committer: self.committer.clone(),
            member: member.map(str::to_string),
            path: path.to_string(),
            reason,
            foreign,
        }
    }

    /// Whether the commit carries a valid signature by a key the anchors
    /// allow for `principal`.
    fn signed_by(&self, principal: &str) -> bool {
        self.repo
            .extract_signature(&self.commit.id(), Some("gpgsig"))
            .ok()
            .is_some_and(|(sig, data)| {
                signing::verify(
                    &self.anchors.signers,
                    principal,
                    &data,
                    sig.as_str().unwrap_or(""),
                )
            })
    }

    /// The email of the maintainer who made this commit, if one did.
    /// The email of the maintainer who made this commit, if one did: a
    /// maintainer is known by a member file that existed before the commit
    /// and, in an audit, got there by the rules.
    fn maintainer(&self) -> Option<String> {
        self.anchors.maintainers().iter().find_map(|handle| {
            let email = match self.known {
                Some(known) => known.get(*handle).cloned()?,
                None => member_in(self.repo, self.first, handle)?.email?,
            };
            email.eq_ignore_ascii_case(self.email).then_some(email)
        })
    }

    fn anchor_change(&self, path: &str) -> Option<Violation> {
        // A repo that had no team file yet is being seeded.
        if !self.anchors.team_file_present {
            return None;
        }
        if self.anchors.maintainers().is_empty() {
            return Some(self.violation(
                None,
                path,
                format!(
                    "changed the trust anchor {path}, but the team file declares no maintainers: \
                     declare them (maintainers = [\"handle\"] in async-up.toml) so such changes can be checked"
                ),
                true,
            ));
        }
        let Some(email) = self.maintainer() else {
            return Some(self.violation(
                None,
                path,
                format!(
                    "changed the trust anchor {path}, but {} is not a maintainer ({})",
                    self.email,
                    self.anchors.maintainers().join(", ")
                ),
                true,
            ));
        };
        if self.anchors.signing_required && !self.signed_by(&email) {
            return Some(self.violation(
                None,
                path,
                format!("changed the trust anchor {path} without a valid SSH signature from a key allowed for {email}"),
                false,
            ));
        }
        None
    }

    fn member_change(&self, owner: &str, paths: &[(String, bool)]) -> Option<Violation> {
        let (path, _) = &paths[0];
        // A handle named as a maintainer before it had a member file would
        // go to whoever adds that file first: only a maintainer may.
        let member_file = format!("members/{owner}.toml");
        let adds_maintainer = self.anchors.maintainers().contains(&owner)
            && paths
                .iter()
                .any(|(p, deleted)| *p == member_file && !deleted)
            && member_in(self.repo, self.first, owner).is_none()
            && self.commit.parent_count() > 0;
        if adds_maintainer {
            match self.maintainer() {
                Some(email) if !self.anchors.signing_required || self.signed_by(&email) => {
                    if paths.len() == 1 {
                        return None;
                    }
                }
                _ => return Some(self.violation(
                    Some(owner),
                    &member_file,
                    format!(
                        "added the member file of {owner}, whom the team file names as a maintainer: \
                         only an existing maintainer may add it (committed by {})",
                        self.email
                    ),
                    true,
                )),
            }
        }
        // Judged by the member file as it was before the commit, so nobody
        // makes themselves the owner in the same commit; a new member's
        // first commit is judged by the file it adds.
        let before = member_in(self.repo, self.first, owner).and_then(|m| m.email);
        let remembered = || self.known.and_then(|k| k.get(owner).cloned());
        let added = || member_in(self.repo, Some(self.tree), owner).and_then(|m| m.email);
        // An audit knows each member's email as it last got there by the
        // rules: a member file someone else rewrote vouches for nothing.
        let Some(email) = remembered().or(before).or_else(added) else {
            return Some(self.violation(
                Some(owner),
                path,
                format!("{owner} has no member file with an email"),
                true,
            ));
        };
        if !email.eq_ignore_ascii_case(self.email) {
            // A maintainer may remove a member file (a squatted handle, someone who left).
            let only_member_file_removed = paths
                .iter()
                .all(|(p, deleted)| *deleted && p.starts_with("members/"));
            if only_member_file_removed && self.maintainer().is_some() {
                return self.maintainer_signature(owner, path);
            }
            let how = if self.commit.parent_count() > 1 {
                "a merge that changed it itself, "
            } else {
                ""
            };
            return Some(self.violation(
                Some(owner),
                path,
                format!("{how}committed by {}, not by {owner} ({email})", self.email),
                true,
            ));
        }
        if self.anchors.signing_required && !self.signed_by(&email) {
            return Some(self.violation(
                Some(owner),
                path,
                format!("no valid SSH signature from a key allowed for {email}"),
                false,
            ));
        }
        None
    }

    fn maintainer_signature(&self, owner: &str, path: &str) -> Option<Violation> {
        let email = self.maintainer()?;
        if self.anchors.signing_required && !self.signed_by(&email) {
            return Some(self.violation(
                Some(owner),
                path,
                format!("removed by maintainer {email} without a valid SSH signature"),
                false,
            ));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners() {
        assert_eq!(
            owner_of("updates/alice/2026/2026-11-24.toml"),
            Some("alice")
        );
        assert_eq!(owner_of("members/bob.toml"), Some("bob"));
        assert_eq!(
            owner_of("replies/carol/2026/2026-11-24.toml"),
            Some("carol")
        );
        assert_eq!(owner_of("async-up.toml"), None);
        assert_eq!(owner_of("members/readme.md"), None);
    }
}
