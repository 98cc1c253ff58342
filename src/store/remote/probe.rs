//! Which branch is the team's: the remote's HEAD, even when the remote is
//! empty and its HEAD unborn (a freshly made `git init --bare -b trunk`).

use super::classify::{self, Failure};
use super::git_cli::git;
use super::{check_url, run_git, Transport};
use crate::error::Result;
use git2::Repository;

/// Finds the remote's default branch; an empty remote's unborn HEAD counts.
/// Falls back to git's `init.defaultBranch`, then `main`.
pub fn detect_default_branch(remote: &crate::store::RemoteSpec) -> Result<String> {
    check_url(&remote.url)?;
    let url = remote.url.as_str();
    let found = classify::with_retries(url, remote.transport, || match remote.transport {
        Transport::Git => detect_with_git(url),
        Transport::Libgit2 => detect_with_libgit2(url),
    })?;
    Ok(found.unwrap_or_else(|| {
        crate::gitconfig::get("init.defaultBranch").unwrap_or_else(|| "main".to_string())
    }))
}

fn detect_with_git(url: &str) -> Result<Option<String>, Failure> {
    let mut cmd = git();
    super::timeout::add_transport_settings(&mut cmd, url);
    let out = run_git(cmd.args(["ls-remote", "--symref", "--", url, "HEAD"]))?;
    if !out.status.success() {
        return Err(classify::from_stderr(&out.stderr));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("ref: refs/heads/") {
            if let Some((branch, _)) = rest.split_once('\t') {
                return Ok(Some(branch.to_string()));
            }
        }
    }
    if !text.trim().is_empty() {
        return Ok(None);
    }
    // An empty remote lists no refs, and `ls-remote` (git 2.47) does not ask
    // for an unborn HEAD; `clone` does. The remote is empty, so the clone
    // copies no objects; it goes to a folder only this user can enter.
    let Ok(dir) = PrivateDir::new() else {
        return Ok(None);
    };
    let target = dir.0.join("probe.git");
    let mut cmd = git();
    super::timeout::add_transport_settings(&mut cmd, url);
    let out = run_git(
        cmd.args(["clone", "--quiet", "--bare", "--no-tags", "--", url])
            .arg(&target),
    )?;
    if !out.status.success() {
        return Ok(None);
    }
    Ok(Repository::open_bare(&target).ok().and_then(|r| {
        r.find_reference("HEAD")
            .ok()?
            .symbolic_target()?
            .strip_prefix("refs/heads/")
            .map(str::to_string)
    }))
}

fn detect_with_libgit2(url: &str) -> Result<Option<String>, Failure> {
    let mut remote = git2::Remote::create_detached(url).map_err(|e| classify::from_libgit2(&e))?;
    let connection = remote
        .connect_auth(
            git2::Direction::Fetch,
            Some(super::callbacks::callbacks(None)),
            None,
        )
        .map_err(|e| classify::from_libgit2(&e))?;
    Ok(connection
        .default_branch()
        .ok()
        .and_then(|b| b.as_str().map(str::to_string))
        .and_then(|b| b.strip_prefix("refs/heads/").map(str::to_string)))
}

/// A new folder in the temp dir that only this user can enter, under a name
/// nobody can guess ahead (so nobody can plant a link there); removed on drop.
struct PrivateDir(std::path::PathBuf);

impl PrivateDir {
    fn new() -> std::io::Result<Self> {
        let base = std::env::temp_dir();
        let mut seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0)
            ^ u64::from(std::process::id()).rotate_left(32);
        for _ in 0..16 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let path = base.join(format!("async-up-probe-{seed:016x}"));
            let mut builder = std::fs::DirBuilder::new();
            // Windows: the temp dir is the user's own already.
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            match builder.create(&path) {
                Ok(()) => return Ok(PrivateDir(path)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other("no free name for a probe folder"))
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn probe_folders_are_private_and_unpredictable() {
        let a = PrivateDir::new().unwrap();
        let b = PrivateDir::new().unwrap();
        assert_ne!(a.0, b.0);
        let mode = std::fs::metadata(&a.0).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        let path = a.0.clone();
        drop(a);
        assert!(!path.exists());
    }
}
