//! SSH commit signatures, as git makes them with `gpg.format = ssh`: signing
//! through `ssh-keygen -Y sign` (so keys in an agent or with a passphrase
//! work as they do for git), verification in Rust against the team's
//! `allowed_signers` file.

use crate::error::{Error, Result};
use ssh_key::{PublicKey, SshSig};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The namespace git signs commits in.
pub const NAMESPACE: &str = "git";

/// Signs commit buffers with one SSH key.
#[derive(Debug, Clone)]
pub struct Signer {
    /// The private key file (or the public key of a key held by the agent).
    pub key: PathBuf,
}

impl Signer {
    /// A signature over `data`, armoured as git stores it in `gpgsig`.
    pub fn sign(&self, data: &[u8]) -> Result<String> {
        let mut child = Command::new("ssh-keygen")
            .args(["-Y", "sign", "-n", NAMESPACE, "-q", "-f"])
            .arg(&self.key)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| Error::io("running ssh-keygen to sign the commit (install OpenSSH)", e))?;
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(data)
            .map_err(|e| Error::io("sending the commit to ssh-keygen", e))?;
        let out = child
            .wait_with_output()
            .map_err(|e| Error::io("waiting for ssh-keygen", e))?;
        if !out.status.success() {
            return Err(Error::Usage(format!(
                "ssh-keygen could not sign with {}: {}",
                self.key.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        Ok(String::from_utf8_lossy(&out.stdout).to_string())
    }
}

/// One line of an `allowed_signers` file.
#[derive(Debug, Clone)]
pub struct AllowedSigner {
    principals: Vec<String>,
    key: PublicKey,
}

/// Parses an `allowed_signers` file (ssh-keygen's ALLOWED SIGNERS format):
/// `principals [options] keytype base64-key [comment]`. Lines that do not
/// parse are returned as errors with their line number, and skipped.
pub fn parse_allowed_signers(text: &str) -> (Vec<AllowedSigner>, Vec<String>) {
    let mut signers = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let key_at = fields
            .iter()
            .position(|f| f.starts_with("ssh-") || f.starts_with("ecdsa-") || f.starts_with("sk-"));
        let parsed = key_at.and_then(|i| {
            let b64 = fields.get(i + 1)?;
            PublicKey::from_openssh(&format!("{} {b64}", fields[i])).ok()
        });
        match (fields.first(), parsed) {
            (Some(principals), Some(key)) if key_at != Some(0) => signers.push(AllowedSigner {
                principals: principals
                    .split(',')
                    .map(|p| p.trim_matches('"').to_string())
                    .collect(),
                key,
            }),
            _ => problems.push(format!(
                "allowed_signers line {}: not a principal and a key",
                n + 1
            )),
        }
    }
    (signers, problems)
}

/// Whether `signature` (armoured) over `data` was made by a key the file
/// allows for `principal`.
pub fn verify(signers: &[AllowedSigner], principal: &str, data: &[u8], signature: &str) -> bool {
    let Ok(sig) = SshSig::from_pem(signature.trim()) else {
        return false;
    };
    signers
        .iter()
        .filter(|s| {
            s.principals
                .iter()
                .any(|p| p == "*" || p.eq_ignore_ascii_case(principal))
        })
        .any(|s| s.key.verify(NAMESPACE, data, &sig).is_ok())
}
