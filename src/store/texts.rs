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
//! Format: records `<40 hex id> <byte length>\n<text>\n`, one after another.

use super::Store;
use git2::{ObjectType, Oid};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;

const TEXTS_FILE: &str = "async-up-texts";

/// Texts by blob id, and those added since loading.
pub struct TextCache {
    path: PathBuf,
    data: String,
    /// Blob id to the byte range of its text in `data`.
    known: HashMap<String, (usize, usize)>,
    added: RefCell<Vec<(String, String)>>,
}

impl Store {
    /// The text cache of this mirror (empty when missing or unreadable);
    /// `None` for `--repo` stores, which keep nothing beside the repo.
    pub fn text_cache(&self) -> Option<TextCache> {
        if self.external {
            return None;
        }
        let path = self.path.join(TEXTS_FILE);
        let data = std::fs::read_to_string(&path).unwrap_or_default();
        let known = parse(&data).unwrap_or_default();
        Some(TextCache {
            path,
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
    pub fn add(&self, oid: &str, text: &str) {
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
        };
        // A text that does not hash to its id is not given out.
        assert_eq!(cache.get(&oid), None);
    }
}
