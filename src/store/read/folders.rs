//! The listings of a person's folders kept beside the mirror, by tree id, so
//! a view over a period does not read the same trees again on every run.
//!
//! A year folder gains a file a day, so git stores it as a chain of deltas:
//! reading one is dozens of inflates and delta applications, and a week's
//! digest on 200 members spent half its time reading the members' folders
//! (the person's folder and its year folders). A tree id names its content,
//! so a kept listing never goes stale; what depends on the reader (today,
//! which names are dates of the year) is judged again from the listing on
//! every read, as for a tree just read.
//!
//! One file per person (`async-up-facts/<handle>/folders`), holding the
//! listings of the person's folder and of its year folders as they are
//! now: when a walk keeps a new listing the file is rewritten with only
//! the folders the person's folder still names. Each record carries a
//! checksum, checked when it is taken (a damaged one is a miss: the tree
//! is read again and kept again). It is a cache: deleting it is always safe.
//! A `--repo` read keeps none.

use super::facts::{checksum, push_record, record_at};
use crate::model::layout::EntryKind;
use git2::Oid;
use std::collections::HashMap;
use std::path::PathBuf;

const MAGIC: &[u8] = b"async-up-folders 1\n";

/// A person's folders are kept once one of them lists this many entries:
/// a small tree is cheap to read, and a team of 10,000 members who wrote
/// once each would otherwise cost 10,000 files written on a first read.
const WORTH_IT: usize = 32;

/// A listing bigger than this is read from the object store every time,
/// never kept: a year folder holds at most 366 dated files, and a folder
/// of many long names (which git compresses well) would otherwise cost
/// every reader megabytes on disk for a push of kilobytes.
const MAX_ENTRIES: usize = 1024;
const MAX_BYTES: usize = 64 * 1024;

/// One entry of a folder: its name, object id and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(in crate::store) struct Listed {
    pub name: Vec<u8>,
    pub id: Oid,
    pub kind: EntryKind,
}

impl Listed {
    /// The entry of a tree read by libgit2, judged by `walk::kind_of`.
    pub(in crate::store) fn of(entry: &git2::TreeEntry<'_>) -> Self {
        Listed {
            name: entry.name_bytes().to_vec(),
            id: entry.id(),
            kind: super::kind_of(entry),
        }
    }

    /// A regular file: a blob that is not a symlink.
    pub(in crate::store) fn is_regular(&self) -> bool {
        self.kind == EntryKind::File
    }
}

/// The kept listings of one person's folders.
pub(super) struct Folders {
    path: PathBuf,
    bytes: Vec<u8>,
    /// Where each tree's listing is in `bytes`, and its checksum.
    at: HashMap<Oid, (usize, usize, u64)>,
    fresh: Vec<(Oid, Vec<u8>)>,
    /// Whether a fresh listing is big enough to be worth a file.
    worth_it: bool,
}

impl Folders {
    /// Loads the listings of `handle`'s folders kept under `git_dir` (none
    /// if there are none or they cannot be read; reading stops at a torn
    /// record).
    pub(super) fn open(git_dir: &std::path::Path, handle: &str) -> Self {
        let path = git_dir
            .join(super::facts::KEPT_DIR)
            .join(handle)
            .join("folders");
        let bytes = crate::fsutil::read_cache(&path).unwrap_or_default();
        let mut at = HashMap::new();
        if bytes.starts_with(MAGIC) {
            let mut pos = MAGIC.len();
            while let Some((oid, start, len, sum)) = record_at(&bytes, pos) {
                at.insert(oid, (start, len, sum));
                pos = start + len;
            }
        }
        Folders {
            path,
            bytes,
            at,
            fresh: Vec::new(),
            worth_it: false,
        }
    }

    /// The listing kept for tree `oid`, if any and its record is whole.
    pub(super) fn get(&self, oid: Oid) -> Option<Vec<Listed>> {
        let (start, len, sum) = *self.at.get(&oid)?;
        let payload = &self.bytes[start..start + len];
        if checksum(oid.as_bytes(), payload) != sum {
            return None;
        }
        decode(payload)
    }

    /// Keeps the listing of tree `oid`.
    pub(super) fn put(&mut self, oid: Oid, listing: &[Listed]) {
        if listing.len() > MAX_ENTRIES {
            return;
        }
        if let Some(payload) = encode(listing).filter(|p| p.len() <= MAX_BYTES) {
            self.fresh.push((oid, payload));
            self.worth_it |= listing.len() >= WORTH_IT;
        }
    }

    /// Writes the file again when a listing was kept (and the person has a
    /// folder of [`WORTH_IT`] entries, or a file already), with only the
    /// trees `current` accepts (the person's folder and the year folders it
    /// names now); never fails: a cache that cannot be written is only
    /// slower next time.
    pub(super) fn save(self, current: impl Fn(Oid) -> bool) {
        if self.fresh.is_empty() || (!self.worth_it && self.at.is_empty()) {
            return;
        }
        let mut out = MAGIC.to_vec();
        let mut kept = std::collections::HashSet::new();
        let mut add = |oid: Oid, payload: &[u8], out: &mut Vec<u8>| {
            if current(oid) && kept.insert(oid) {
                push_record(out, oid, payload);
            }
        };
        for (oid, payload) in &self.fresh {
            add(*oid, payload, &mut out);
        }
        for (oid, (start, len, sum)) in &self.at {
            let payload = &self.bytes[*start..start + len];
            if checksum(oid.as_bytes(), payload) == *sum {
                add(*oid, payload, &mut out);
            }
        }
        let _ = crate::fsutil::write_cache(&self.path, &out);
    }
}

fn kind_code(kind: EntryKind) -> u8 {
    match kind {
        EntryKind::File => 0,
        EntryKind::Folder => 1,
        EntryKind::Symlink => 2,
        EntryKind::Submodule => 3,
    }
}

fn kind_of_code(code: u8) -> Option<EntryKind> {
    Some(match code {
        0 => EntryKind::File,
        1 => EntryKind::Folder,
        2 => EntryKind::Symlink,
        3 => EntryKind::Submodule,
        _ => return None,
    })
}

/// Each entry as its kind (1 byte), id (20), name length (2) and name: a
/// git tree's entry names are at most 65,535 bytes (libgit2 refuses longer).
fn encode(listing: &[Listed]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(listing.len() * 40);
    for entry in listing {
        out.push(kind_code(entry.kind));
        out.extend_from_slice(entry.id.as_bytes());
        out.extend_from_slice(&u16::try_from(entry.name.len()).ok()?.to_le_bytes());
        out.extend_from_slice(&entry.name);
    }
    Some(out)
}

/// Reads what [`encode`] wrote; `None` for anything else.
fn decode(mut payload: &[u8]) -> Option<Vec<Listed>> {
    let mut listing = Vec::with_capacity(payload.len() / 40);
    while !payload.is_empty() {
        let head = payload.get(..23)?;
        let kind = kind_of_code(head[0])?;
        let id = Oid::from_bytes(&head[1..21]).ok()?;
        let len = usize::from(u16::from_le_bytes([head[21], head[22]]));
        let name = payload.get(23..23 + len)?.to_vec();
        payload = &payload[23 + len..];
        listing.push(Listed { name, id, kind });
    }
    Some(listing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, byte: u8, kind: EntryKind) -> Listed {
        Listed {
            name: name.as_bytes().to_vec(),
            id: Oid::from_bytes(&[byte; 20]).unwrap(),
            kind,
        }
    }

    #[test]
    fn listings_round_trip_and_only_current_trees_are_kept() {
        let dir = std::env::temp_dir().join(format!("async-up-folders-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut year = vec![
            entry("2026-11-23.toml", 1, EntryKind::File),
            entry("notes", 2, EntryKind::Folder),
            entry("link.toml", 3, EntryKind::Symlink),
            entry("sub", 4, EntryKind::Submodule),
            entry("caf\u{e9} \u{202e}.toml", 5, EntryKind::File),
        ];
        // A folder too big to keep is not kept, and does not make the
        // person worth a file.
        let mut folders = Folders::open(&dir, "a");
        let many: Vec<Listed> = (0..=MAX_ENTRIES)
            .map(|i| entry(&format!("{i:05}"), 12, EntryKind::File))
            .collect();
        folders.put(Oid::from_bytes(&[13; 20]).unwrap(), &many);
        let long: Vec<Listed> = (0..WORTH_IT)
            .map(|i| {
                entry(
                    &format!("{i}{}", "n".repeat(MAX_BYTES / WORTH_IT)),
                    14,
                    EntryKind::File,
                )
            })
            .collect();
        folders.put(Oid::from_bytes(&[14; 20]).unwrap(), &long);
        folders.save(|_| true);
        assert!(!dir.join("async-up-facts/a/folders").exists());
        // A small person is not worth a file.
        let mut folders = Folders::open(&dir, "a");
        folders.put(Oid::from_bytes(&[6; 20]).unwrap(), &year);
        folders.save(|_| true);
        assert!(!dir.join("async-up-facts/a/folders").exists());
        year.extend((0..WORTH_IT).map(|i| entry(&format!("f{i}"), 11, EntryKind::File)));
        let (old, new) = (
            Oid::from_bytes(&[8; 20]).unwrap(),
            Oid::from_bytes(&[9; 20]).unwrap(),
        );
        let mut folders = Folders::open(&dir, "a");
        assert_eq!(folders.get(old), None);
        folders.put(old, &year);
        folders.put(new, &year[..2]);
        folders.save(|_| true);
        let folders = Folders::open(&dir, "a");
        assert_eq!(folders.get(old), Some(year.clone()));
        assert_eq!(folders.get(new).as_deref(), Some(&year[..2]));
        assert_eq!(folders.get(Oid::from_bytes(&[7; 20]).unwrap()), None);

        // A new listing rewrites the file with the trees still named.
        let mut folders = Folders::open(&dir, "a");
        let newest = Oid::from_bytes(&[10; 20]).unwrap();
        folders.put(newest, &year[..1]);
        folders.save(|oid| oid != old);
        let folders = Folders::open(&dir, "a");
        assert_eq!(folders.get(old), None, "a tree no longer named is dropped");
        assert_eq!(folders.get(new).as_deref(), Some(&year[..2]));
        assert_eq!(folders.get(newest).as_deref(), Some(&year[..1]));

        // A damaged record is a miss; a torn file keeps what came before.
        let path = dir.join("async-up-facts/a/folders");
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x20;
        std::fs::write(&path, &bytes).unwrap();
        let folders = Folders::open(&dir, "a");
        let misses = [new, newest]
            .iter()
            .filter(|oid| folders.get(**oid).is_none())
            .count();
        assert_eq!(misses, 1, "exactly the damaged record is missed");
        bytes.truncate(bytes.len() - 5);
        std::fs::write(&path, &bytes).unwrap();
        let folders = Folders::open(&dir, "a");
        assert_eq!(folders.at.len(), 1);
        std::fs::write(&path, b"garbage").unwrap();
        assert!(Folders::open(&dir, "a").at.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
