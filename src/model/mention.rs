//! `@handle` mentions in update text.

use super::handle::is_valid;

/// The handles mentioned in `text`: `@` at the start or after a character
/// that cannot be part of a handle or an email address, then a valid handle.
/// Handles are lower case; `@Bob` is taken to mean `@bob`, as people type it.
pub fn mentions(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (i, _) in text.match_indices('@') {
        let before_ok = i == 0 || {
            let b = bytes[i - 1];
            !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'@'))
        };
        if !before_ok {
            continue;
        }
        let rest = &text[i + 1..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
            .unwrap_or(rest.len());
        let handle = rest[..end]
            .trim_end_matches(['.', '-', '_'])
            .to_ascii_lowercase();
        if is_valid(&handle) && !found.contains(&handle) {
            found.push(handle);
        }
    }
    found
}

/// Whether `text` mentions `handle`.
pub fn mentions_handle(text: &str, handle: &str) -> bool {
    mentions(text).iter().any(|h| h == handle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mentions_not_emails() {
        assert_eq!(mentions("Waiting on @bob for creds"), ["bob"]);
        assert_eq!(
            mentions("@alice and @carol.x, thanks @bob."),
            ["alice", "carol.x", "bob"]
        );
        assert!(mentions("mail bob@example.com").is_empty());
        assert!(mentions("@ alone, @@double").is_empty());
        assert_eq!(mentions("(@dan)"), ["dan"]);
        assert_eq!(mentions("Ask @Bob, then @bob again"), ["bob"]);
    }
}
