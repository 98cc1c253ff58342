//! A cache of file texts by blob id, kept beside the mirror
//! (`async-up-texts`), for the commands that read a long record: `search`
//! over a year of everyone's files. Reading tens of thousands of blobs out
//! of a pack (inflate, deltas, locks) costs several times what reading the
//! same files from a checkout does; one read of this file costs about what
//! the checkout does.
//!
//! A blob id names its content forever, so an entry never goes stale; new
//! texts are added when something new was read. Every text is checked
//! against its id when taken, so a damaged or edited cache can only cost a
//! read from the object store, never show a text the repo does not hold.
//! Only texts that passed the reader's checks (size, UTF-8, no NUL) are
//! kept. It is a cache: deleting it is always safe.
//!
//! It is bounded, so memory stays bounded however large the team's record:
//! a text over [`MAX_TEXT`] is not kept (a teammate's 64 KiB files would
//! crowd out everyone's short ones), and the whole stays under
//! [`MAX_BYTES`]; a file over that is not loaded at all.
//!
//! Format: records `<40 hex id> <byte length>\n<text>\n`, one after another.

use super::Store;
use git2::{ObjectType, Oid};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;

const TEXTS_FILE: &str = "async-up-texts";

/// The longest text kept: most updates and replies are well under it.
pub const MAX_TEXT: usize = 8 * 1024;

/// The most the cache holds, loaded and added together.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// Texts by blob id, and those added since loading.
pub struct TextCache {
    path: PathBuf,
    data: String,
    /// Blob id to the byte range of its text in `data`.
    known: HashMap<String, (usize, usize)>,
    added: RefCell<Vec<(String, String)>>,
    /// Bytes held: loaded and added, each record with room for its header.
    held: std::cell::Cell<usize>,
}

impl Store {
    /// The text cache of this mirror (empty when missing or unreadable);
    /// `None` for `--repo` stores, which keep nothing beside the repo.
    pub fn text_cache(&self) -> Option<TextCache> {
        if self.external {
            return None;
        }
        let path = self.path.join(TEXTS_FILE);
        // One over the bound (an older version's, or edited) is not loaded;
        // the next save replaces it with what this run read.
        let fits = std::fs::metadata(&path).is_ok_and(|m| m.len() <= MAX_BYTES as u64);
        let data = fits
            .then(|| crate::fsutil::read_cache(&path))
            .flatten()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default();
        let known = parse(&data).unwrap_or_default();
        Some(TextCache {
            path,
            held: std::cell::Cell::new(data.len()),
            data,
            known,
            added: RefCell::new(Vec::new()),
        })
    }
}

/// The records of `data`, or `None` when it is damaged anywhere.
fn parse(data: &str) -> Option<HashMap<String, (usize, usize)>> {
    let mut known = HashMap::new();
    let mut at = 0;
    while at < data.len() {
        let rest = &data[at..];
        let header_end = rest.find('\n')?;
        let (oid, len) = rest[..header_end].split_once(' ')?;
        if oid.len() != 40 || !oid.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let len: usize = len.parse().ok()?;
        let start = at + header_end + 1;
        let end = start.checked_add(len)?;
        if data.get(end..end + 1) != Some("\n") || !data.is_char_boundary(start) {
            return None;
        }
        known.insert(oid.to_string(), (start, end));
        at = end + 1;
    }
    Some(known)
}

impl TextCache {
    /// The text of blob `oid`, if kept and still matching its id.
    pub fn get(&self, oid: &str) -> Option<String> {
        let &(start, end) = self.known.get(oid)?;
        let text = &self.data[start..end];
        let hashed = Oid::hash_object(ObjectType::Blob, text.as_bytes()).ok()?;
        (hashed.to_string() == oid).then(|| text.to_string())
    }

    /// Keeps `text` as the content of blob `oid` (read and checked).
    /// Texts over [`MAX_TEXT`], and any past [`MAX_BYTES`] in all, are not.
    pub fn add(&self, oid: &str, text: &str) {
        if text.len() > MAX_TEXT {
            return;
        }
        let held = self.held.get() + text.len() + 50;
        if held > MAX_BYTES {
            return;
        }
        self.held.set(held);
        self.added
            .borrow_mut()
            .push((oid.to_string(), text.to_string()));
    }

    /// Writes the cache when something was added; failing to is not an
    /// error (the next run reads from the object store again). Entries
    /// that no longer check out are dropped on the way.
    pub fn save(&self) {
        let added = self.added.borrow();
        if added.is_empty() {
            return;
        }
        let mut out = String::with_capacity(self.data.len() + added.len() * 512);
        let mut push = |oid: &str, text: &str| {
            out.push_str(&format!("{oid} {}\n{text}\n", text.len()));
        };
        for (oid, &(start, end)) in &self.known {
            push(oid, &self.data[start..end]);
        }
        for (oid, text) in added.iter() {
            if !self.known.contains_key(oid) {
                push(oid, text);
            }
        }
        let _ = crate::fsutil::write_cache(&self.path, out.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_damage_is_refused() {
        let oid = Oid::hash_object(ObjectType::Blob, b"a\nb")
            .unwrap()
            .to_string();
        let data = format!("{oid} 3\na\nb\n");
        let known = parse(&data).unwrap();
        assert_eq!(&data[known[&oid].0..known[&oid].1], "a\nb");
        for bad in [
            format!("{oid} 4\na\nb\n"),
            format!("{oid} 3\na\nb"),
            format!("{} 3\na\nb\n", &oid[1..]),
            format!("{oid} x\na\nb\n"),
            format!("{oid}\n"),
        ] {
            assert!(parse(&bad).is_none(), "{bad:?}");
        }
        let cache = TextCache {
            path: PathBuf::new(),
            data: format!("{oid} 3\na\nc\n"),
            known: parse(&format!("{oid} 3\na\nc\n")).unwrap(),
            added: RefCell::new(Vec::new()),
            held: std::cell::Cell::new(0),
        };
        // A text that does not hash to its id is not given out.
        assert_eq!(cache.get(&oid), None);
    }

    #[test]
    fn long_texts_and_texts_past_the_bound_are_not_kept() {
        let cache = TextCache {
            path: PathBuf::new(),
            data: String::new(),
            known: HashMap::new(),
            added: RefCell::new(Vec::new()),
            held: std::cell::Cell::new(0),
        };
        cache.add("a", &"x".repeat(MAX_TEXT + 1));
        assert!(cache.added.borrow().is_empty());
        let text = "y".repeat(MAX_TEXT);
        for _ in 0..(2 * MAX_BYTES / MAX_TEXT) {
            cache.add("b", &text);
        }
        let held: usize = cache.added.borrow().iter().map(|(_, t)| t.len()).sum();
        assert!(held <= MAX_BYTES, "{held}");
        assert!(held > MAX_BYTES / 2, "{held}");
    }
}
