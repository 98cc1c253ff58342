//! Following the remote when it changes under a mirror: the team's remote
//! moved (the user config is the source of truth, not the URL the mirror was
//! cloned from), or the team's branch was renamed (the old one deleted and
//! the remote's HEAD naming the new one). Either way the next fetch goes to
//! where the team is now and the user is told once, so nobody re-creates an
//! old branch or pushes to a repository the team has left.

use super::{remote, RemoteSpec, Store, BRANCH_KEY, REMOTE_NAME};
use crate::error::Result;

impl Store {
    /// Points the mirror's `origin` at the remote the config names, when
    /// they differ, and says so. The mirror keeps its objects: a copy of
    /// the old remote needs no new download, and anything the new one
    /// lacks is what the next push sends.
    pub(crate) fn follow_configured_url(&self, spec: &RemoteSpec) -> Result<()> {
        let key = format!("remote.{REMOTE_NAME}.url");
        let current = self.repo.config()?.get_string(&key).ok();
        if current.as_deref() == Some(spec.url.as_str()) {
            return Ok(());
        }
        remote::check_url(&spec.url)?;
        self.repo.remote_set_url(REMOTE_NAME, &spec.url)?;
        if let Some(old) = current {
            crate::render::warn(&format!(
                "the team's remote moved from {old} to {} (your config says so); fetching from and pushing to it from now on",
                spec.url
            ));
        }
        Ok(())
    }

    /// After a fetch that found the team's branch gone from the remote, while
    /// the remote's HEAD names another branch it has: moves the mirror to
    /// that branch, pending commits and all, and says so. A branch merely
    /// deleted (HEAD names nothing the remote has) is left alone.
    pub(crate) fn follow_moved_branch(&self) -> Result<()> {
        let Some(spec) = &self.remote else {
            return Ok(());
        };
        if self.external
            || self.followed.get().is_some()
            || !self.fetched_this_run()
            || self.remote_tip().is_some()
            || self.base().is_none()
        {
            return Ok(());
        }
        let head = remote::detect_default_branch(spec)?;
        let old = self.branch().to_string();
        let new_ref = format!("refs/heads/{head}");
        if head == old
            || !git2::Reference::is_valid_name(&new_ref)
            || self
                .repo
                .refname_to_id(&format!("refs/remotes/{REMOTE_NAME}/{head}"))
                .is_err()
        {
            return Ok(());
        }
        let old_ref = self.local_ref();
        if let Some(tip) = self.tip() {
            self.repo
                .reference(&new_ref, tip, true, "async-up: the team's branch moved")?;
        }
        self.repo.set_head(&new_ref)?;
        self.repo.config()?.set_str(BRANCH_KEY, &head)?;
        if let Ok(mut r) = self.repo.find_reference(&old_ref) {
            r.delete()?;
        }
        let _ = self.followed.set(head.clone());
        crate::render::warn(&format!(
            "the team's branch moved from {old} to {head}; following it"
        ));
        Ok(())
    }
}

/// Whether the remote has `branch`, asked over the network (for `doctor`,
/// which does not fetch).
pub fn remote_has_branch(spec: &RemoteSpec, branch: &str) -> Result<bool> {
    remote::check_url(&spec.url)?;
    let wanted = format!("refs/heads/{branch}");
    if spec.transport == remote::Transport::Git {
        let out = super::git_cli::git()
            .args(["ls-remote", "--heads", "--", &spec.url, &wanted])
            .output()
            .map_err(|e| crate::error::Error::io("running git", e))?;
        if !out.status.success() {
            return Err(crate::error::Error::Unreachable {
                remote: spec.url.clone(),
                message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            });
        }
        return Ok(String::from_utf8_lossy(&out.stdout)
            .lines()
            .any(|l| l.split('\t').nth(1) == Some(wanted.as_str())));
    }
    // Without credentials: enough for paths and git://; over ssh this says
    // it could not tell, and the next fetch follows the branch anyway.
    let mut r = git2::Remote::create_detached(spec.url.as_str())?;
    let connection = r
        .connect_auth(git2::Direction::Fetch, None, None)
        .map_err(|e| crate::error::Error::Unreachable {
            remote: spec.url.clone(),
            message: e.message().to_string(),
        })?;
    Ok(connection.list()?.iter().any(|h| h.name() == wanted))
}
