//! Who wrote what: every commit that touched `updates/<handle>/` or
//! `members/<handle>.toml` must have been committed by that member (the
//! committer email matches the member file) and, where the team requires
//! signing, carry a valid SSH signature from that member's key.

use crate::error::{Error, Result};
use crate::model::{layout, Member, TeamFile};
use crate::signing::{self, AllowedSigner};
use git2::{Commit, Oid, Repository, Tree};
use std::collections::BTreeSet;
use std::path::Path;

/// One commit that broke the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The commit id.
    pub commit: String,
    /// Who committed it (name <email>).
    pub committer: String,
    /// Whose files it touched.
    pub member: String,
    /// One path it touched in that member's area.
    pub path: String,
    /// What is wrong.
    pub reason: String,
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
    if let Some(rest) = path.strip_prefix("updates/") {
        return rest.split('/').next().filter(|h| !h.is_empty());
    }
    path.strip_prefix("members/")?.strip_suffix(".toml")
}

fn member_in(repo: &Repository, tree: Option<&Tree<'_>>, handle: &str) -> Option<Member> {
    let entry = tree?
        .get_path(Path::new(&format!("members/{handle}.toml")))
        .ok()?;
    let blob = repo.find_blob(entry.id()).ok()?;
    if blob.size() > layout::MAX_FILE_BYTES {
        return None;
    }
    Member::from_toml("member", std::str::from_utf8(blob.content()).ok()?).ok()
}

/// Audits the commits reachable from `tip` and not from `since`.
pub fn audit(repo: &Repository, tip: Oid, since: Option<Oid>) -> Result<Report> {
    let tip_tree = repo.find_commit(tip)?.tree()?;
    let policy = read_team_file(repo, &tip_tree)
        .and_then(|t| t.signing)
        .filter(|s| s.required);
    let signers = match &policy {
        Some(p) => load_signers(repo, &tip_tree, &p.allowed_signers)?,
        None => Vec::new(),
    };
    let mut walk = repo.revwalk()?;
    walk.push(tip)?;
    if let Some(s) = since {
        walk.hide(s)?;
    }
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
    let mut report = Report::default();
    for oid in walk {
        let commit = repo.find_commit(oid?)?;
        // A merge brings in commits that are audited on their own.
        if commit.parent_count() > 1 {
            continue;
        }
        report.commits_checked += 1;
        check_commit(
            repo,
            &commit,
            policy.is_some(),
            &signers,
            &mut report.violations,
        )?;
    }
    Ok(report)
}

fn check_commit(
    repo: &Repository,
    commit: &Commit<'_>,
    signing_required: bool,
    signers: &[AllowedSigner],
    out: &mut Vec<Violation>,
) -> Result<()> {
    let tree = commit.tree()?;
    let parent_tree = match commit.parent(0) {
        Ok(p) => Some(p.tree()?),
        Err(_) => None,
    };
    let mut touched: BTreeSet<(String, String)> = BTreeSet::new();
    for change in crate::store::tree_changes(repo, parent_tree.as_ref(), Some(&tree)) {
        if let Some(owner) = owner_of(&change.path) {
            touched.insert((owner.to_string(), change.path.clone()));
        }
    }
    let committer = commit.committer();
    let committer_email = committer.email().unwrap_or("").to_string();
    let committer_text = format!("{} <{}>", committer.name().unwrap_or(""), committer_email);
    let mut seen = BTreeSet::new();
    for (owner, path) in touched {
        if !seen.insert(owner.clone()) {
            continue;
        }
        let violation = |reason: String| Violation {
            commit: commit.id().to_string(),
            committer: committer_text.clone(),
            member: owner.clone(),
            path: path.clone(),
            reason,
        };
        // A change to a member file is judged by the file as it was before,
        // so nobody can make themselves the owner in the same commit.
        let member = if path.starts_with("members/") {
            member_in(repo, parent_tree.as_ref(), &owner)
                .or_else(|| member_in(repo, Some(&tree), &owner))
        } else {
            member_in(repo, Some(&tree), &owner)
        };
        let Some(email) = member.and_then(|m| m.email) else {
            out.push(violation(format!(
                "{owner} has no member file with an email"
            )));
            continue;
        };
        if !email.eq_ignore_ascii_case(&committer_email) {
            out.push(violation(format!(
                "committed by {committer_email}, not by {owner} ({email})"
            )));
            continue;
        }
        if signing_required {
            let signed = repo
                .extract_signature(&commit.id(), Some("gpgsig"))
                .ok()
                .is_some_and(|(sig, data)| {
                    signing::verify(signers, &email, &data, sig.as_str().unwrap_or(""))
                });
            if !signed {
                out.push(violation(format!(
                    "no valid SSH signature from a key allowed for {email}"
                )));
            }
        }
    }
    Ok(())
}

fn read_team_file(repo: &Repository, tree: &Tree<'_>) -> Option<TeamFile> {
    let entry = tree.get_name(layout::TEAM_FILE)?;
    let blob = repo.find_blob(entry.id()).ok()?;
    TeamFile::from_toml(layout::TEAM_FILE, std::str::from_utf8(blob.content()).ok()?).ok()
}

fn load_signers(repo: &Repository, tree: &Tree<'_>, path: &str) -> Result<Vec<AllowedSigner>> {
    let entry = tree.get_path(Path::new(path)).map_err(|_| Error::BadFile {
        path: path.to_string(),
        message: "the team file requires signing but this allowed signers file is missing".into(),
    })?;
    let blob = repo.find_blob(entry.id())?;
    let text = std::str::from_utf8(blob.content()).map_err(|_| Error::BadFile {
        path: path.to_string(),
        message: "not valid UTF-8".into(),
    })?;
    let (signers, problems) = signing::parse_allowed_signers(text);
    for p in problems {
        crate::render::warn(&format!("{path}: {p}"));
    }
    Ok(signers)
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
        assert_eq!(owner_of("async-up.toml"), None);
        assert_eq!(owner_of("members/readme.md"), None);
    }
}
