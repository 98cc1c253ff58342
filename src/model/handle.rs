//! Member handles. A handle becomes part of paths in the team repo, so it is
//! validated before it is used anywhere.

use crate::error::{Error, Result};
use std::fmt;

/// A validated member handle: `^[a-z0-9][a-z0-9._-]{0,38}$`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Handle(String);

impl Handle {
    /// Validates `s` as a handle.
    ///
    /// ```
    /// use async_up::model::Handle;
    /// assert_eq!(Handle::parse("alice").unwrap().as_str(), "alice");
    /// assert!(Handle::parse("../etc").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Self> {
        if is_valid(s) {
            Ok(Handle(s.to_string()))
        } else {
            Err(Error::InvalidHandle(s.to_string()))
        }
    }

    /// A handle typed on the command line: a leading `@` and upper case are
    /// allowed (`@Bob` is `bob`), anything else must already be valid.
    pub fn from_cli(s: &str) -> Result<Self> {
        Self::parse(&s.trim_start_matches('@').to_ascii_lowercase())
            .map_err(|_| Error::InvalidHandle(s.to_string()))
    }

    /// Derives a handle from an email address's local part, lower-cased, with
    /// characters outside the handle alphabet replaced by '-'.
    pub fn from_email(email: &str) -> Option<Self> {
        let local = email.split('@').next()?.to_lowercase();
        Self::from_loose(&local)
    }

    /// Best-effort handle from a free-form name (a login name, an email local part).
    pub fn from_loose(s: &str) -> Option<Self> {
        let cleaned: String = s
            .to_lowercase()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let trimmed = cleaned.trim_start_matches(['.', '_', '-']);
        let cut: String = trimmed.chars().take(39).collect();
        Self::parse(&cut).ok()
    }

    /// The handle as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether `s` is a valid handle.
pub fn is_valid(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.is_empty() || bytes.len() > 39 {
        return false;
    }
    let first_ok = bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit();
    first_ok
        && bytes.iter().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

impl fmt::Display for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_refuses() {
        assert!(is_valid("alice"));
        assert!(is_valid("a.b_c-9"));
        assert!(is_valid(&"a".repeat(39)));
        assert!(!is_valid(&"a".repeat(40)));
        assert!(!is_valid(""));
        assert!(!is_valid("-alice"));
        assert!(!is_valid("Alice"));
        assert!(!is_valid("../etc"));
        assert!(!is_valid("a/b"));
        assert!(!is_valid("é"));
    }

    #[test]
    fn derives_from_email() {
        assert_eq!(
            Handle::from_email("Alice.Smith@example.com")
                .unwrap()
                .as_str(),
            "alice.smith"
        );
        assert_eq!(Handle::from_email("a+b@x").unwrap().as_str(), "a-b");
        assert!(Handle::from_email("@x").is_none());
    }
}
