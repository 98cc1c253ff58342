//! Who wrote what: every commit that touched `updates/<handle>/` or
//! `members/<handle>.toml` must have been committed by that member (the
//! committer email matches the member file) and, where the team requires
//! signing, carry a valid SSH signature from that member's key. A change to
//! a trust anchor (the team file, the allowed signers file) must come from a
//! maintainer. Each commit is judged by the anchors of its parent, never the
//! tip's; a merge is judged on what it introduces itself.

use super::anchors::Anchors;
use super::judge::Judge;
use crate::error::{Error, Result};
use git2::{Oid, Repository};
use std::collections::{HashMap, HashSet};
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
        crate::store::mapped::lookups(1);
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
