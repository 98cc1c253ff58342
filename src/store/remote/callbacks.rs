//! The callbacks libgit2 talks to a remote through: credentials (it runs no
//! ssh agent, key file or credential helper by itself), the server's
//! sideband words, and a watchdog that cancels a transfer whose byte count
//! stops growing for the network bound (the socket timeouts catch silence;
//! this catches a server that keeps the line busy without sending data).

use std::cell::RefCell;
use std::time::Instant;

/// Credentials for libgit2: the ssh agent, then default key files, then git's
/// credential helpers for http.
pub(super) fn callbacks(sideband: Option<&RefCell<String>>) -> git2::RemoteCallbacks<'_> {
    super::timeout::apply_to_libgit2();
    let mut cb = git2::RemoteCallbacks::new();
    let mut tried_agent = false;
    let mut tried_keys = 0usize;
    let mut tried_helper = false;
    cb.credentials(move |url, username, allowed| {
        let user = username.unwrap_or("git");
        if allowed.contains(git2::CredentialType::SSH_KEY) {
            if !tried_agent {
                tried_agent = true;
                if let Ok(c) = git2::Cred::ssh_key_from_agent(user) {
                    return Ok(c);
                }
            }
            let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
            let keys = ["id_ed25519", "id_ecdsa", "id_rsa"];
            while tried_keys < keys.len() {
                let key = keys[tried_keys];
                tried_keys += 1;
                if let Some(path) = home.as_ref().map(|h| h.join(".ssh").join(key)) {
                    if path.exists() {
                        return git2::Cred::ssh_key(user, None, &path, None);
                    }
                }
            }
        }
        if allowed.contains(git2::CredentialType::USER_PASS_PLAINTEXT) && !tried_helper {
            tried_helper = true;
            if let Some(config) = crate::gitconfig::open() {
                if let Ok(c) = git2::Cred::credential_helper(&config, url, username) {
                    return Ok(c);
                }
            }
        }
        if allowed.contains(git2::CredentialType::DEFAULT) {
            return git2::Cred::default();
        }
        Err(git2::Error::from_str(
            "no credentials worked (tried the ssh agent, ~/.ssh keys and git credential helpers)",
        ))
    });
    let bound = super::timeout::bound();
    let mut last = (0usize, Instant::now());
    cb.transfer_progress(move |progress| {
        let bytes = progress.received_bytes();
        if bytes != last.0 {
            last = (bytes, Instant::now());
        }
        last.1.elapsed() < bound
    });
    if let Some(buffer) = sideband {
        cb.sideband_progress(move |data| {
            buffer.borrow_mut().push_str(&String::from_utf8_lossy(data));
            true
        });
    }
    cb
}
