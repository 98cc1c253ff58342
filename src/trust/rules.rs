//! The rules a commit's paths are held to: a member's files only by that
//! member (by the email the rules last gave them), a trust anchor only by a
//! maintainer, signatures where the anchors require them.

use super::anchors::{Anchors, MemberFiles};
use super::audit::Violation;
use super::signing;
use git2::{Commit, Repository, Tree};
use std::collections::HashMap;

/// What judging one commit needs.
pub(super) struct Ctx<'a, 'r, 'm> {
    pub(super) repo: &'r Repository,
    pub(super) members: &'a MemberFiles<'m>,
    /// The last email each member file had when a commit changed it by the
    /// rules (an audit's memory): a member file deleted and added again is
    /// judged by it, not by the file that re-adds it.
    pub(super) known: Option<&'a HashMap<String, String>>,
    pub(super) commit: &'a Commit<'r>,
    pub(super) first: Option<&'a Tree<'r>>,
    pub(super) tree: &'a Tree<'r>,
    pub(super) anchors: &'a Anchors,
    pub(super) email: &'a str,
    pub(super) committer: String,
}

impl Ctx<'_, '_, '_> {
    pub(super) fn violation(
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
    pub(super) fn signed_by(&self, principal: &str) -> bool {
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
    pub(super) fn maintainer(&self) -> Option<String> {
        self.anchors.maintainers().iter().find_map(|handle| {
            let email = match self.known {
                Some(known) => known.get(*handle).cloned()?,
                None => self.members.get(self.first, handle)?.email.clone()?,
            };
            email.eq_ignore_ascii_case(self.email).then_some(email)
        })
    }

    pub(super) fn anchor_change(&self, path: &str) -> Option<Violation> {
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

    pub(super) fn member_change(&self, owner: &str, paths: &[(String, bool)]) -> Option<Violation> {
        let (path, _) = &paths[0];
        // A handle named as a maintainer before it had a member file would
        // go to whoever adds that file first: only a maintainer may.
        let member_file = format!("members/{owner}.toml");
        let adds_maintainer = self.anchors.maintainers().contains(&owner)
            && paths
                .iter()
                .any(|(p, deleted)| *p == member_file && !deleted)
            && self.members.get(self.first, owner).is_none()
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
        let before = self
            .members
            .get(self.first, owner)
            .and_then(|m| m.email.clone());
        let remembered = || self.known.and_then(|k| k.get(owner).cloned());
        let added = || {
            self.members
                .get(Some(self.tree), owner)
                .and_then(|m| m.email.clone())
        };
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

    pub(super) fn maintainer_signature(&self, owner: &str, path: &str) -> Option<Violation> {
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
