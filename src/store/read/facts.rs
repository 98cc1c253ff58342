//! Parsed updates kept beside the mirror, by blob id, so a view over a long
//! period does not parse the same files again on every run: TOML parses at
//! a few MB/s, and a member can write 64 KiB every day. A blob id names its
//! content, so an entry never goes stale; what depends on the reader (today,
//! the folder and file name) is checked again on every read, as for a file
//! just parsed. Only files that parsed and are true of their path (the
//! update's own rules, its author the folder's owner, its date the file's)
//! are kept: a file that fails is parsed again and warned about every time,
//! and a blob planted under many names is kept at most once.
//!
//! One file per person and year folder (`async-up-facts/<handle>/<year>`),
//! read by a walk over more than a few files: a week's digest with its
//! fortnight before reads a dozen files a member, and finding each kept one
//! costs a record header instead of a blob read and a parse (a digest of
//! the week on 200 members went from 0.21 s to 0.12 s). Each record carries
//! a checksum, checked when the record is taken (a damaged one is a miss,
//! parsed and kept again); reading stops at a torn or truncated record and
//! the file is rewritten from what came before it. It is a cache: deleting
//! it is always safe. A `--repo` read keeps none.

use crate::model::question::Answer;
use crate::model::Update;
use chrono::{DateTime, NaiveDate, SecondsFormat};
use git2::Oid;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

const MAGIC: &[u8] = b"async-up-facts 1\n";

/// The folder beside the mirror that holds what is kept of each person:
/// `<handle>/<year>` (parsed updates) and `<handle>/folders` (listings).
pub(super) const KEPT_DIR: &str = "async-up-facts";

/// Forgets what is kept of every person `current` does not name (their
/// folder is gone from `updates/`): a teammate who pushes folders under
/// many names and then removes them leaves nothing behind on readers'
/// disks. Called when the index sees `updates/` change, so it costs one
/// listing of a small folder per move of the tip. Only folders are
/// removed (the kept dir holds nothing else), never followed links.
pub(in crate::store) fn forget_gone(git_dir: &std::path::Path, current: impl Fn(&str) -> bool) {
    let dir = git_dir.join(KEPT_DIR);
    // A link put in its place is not ours to empty.
    if !std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let gone = name.to_str().is_none_or(|n| !current(n));
        if gone && entry.file_type().is_ok_and(|t| t.is_dir()) {
            crate::debug_counts::count("kept_people_forgotten", 1);
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}
/// A walk over fewer files than this parses them directly: loading the
/// kept updates of their years (a record header each, and a member's
/// flood of blockers is megabytes a year) would cost more than it saves.
pub(super) const WORTH_IT: usize = 4;

/// The cached updates of one person's year folder.
pub(super) struct YearFacts {
    path: PathBuf,
    bytes: Vec<u8>,
    /// Where each blob's payload is in `bytes`, and its checksum, checked
    /// when the record is taken: a week's digest takes a dozen records of a
    /// member's year, and hashing all of them cost more than the rest.
    at: HashMap<Oid, (usize, usize, u64)>,
    fresh: Vec<u8>,
    damaged: bool,
}

/// The item text of an update, in JSON (small); dates and blockers are
/// encoded by hand (a flood of blockers is most of the bytes).
#[derive(Serialize, Deserialize)]
struct Rest {
    version: u32,
    author: String,
    yesterday: Vec<String>,
    today: Vec<String>,
    mood: Option<u8>,
    answers: BTreeMap<String, Answer>,
}

impl YearFacts {
    /// Loads the facts of `handle`'s `year` kept under `git_dir` (none if
    /// there are none or they cannot be read).
    pub(super) fn open(git_dir: &std::path::Path, handle: &str, year: i32) -> Self {
        let path = git_dir
            .join(KEPT_DIR)
            .join(handle)
            .join(format!("{year:04}"));
        let bytes = crate::fsutil::read_cache(&path).unwrap_or_default();
        let mut facts = YearFacts {
            path,
            bytes: Vec::new(),
            at: HashMap::new(),
            fresh: Vec::new(),
            damaged: false,
        };
        if !bytes.starts_with(MAGIC) {
            facts.damaged = !bytes.is_empty();
            return facts;
        }
        let mut pos = MAGIC.len();
        while pos < bytes.len() {
            let Some((oid, start, len, sum)) = record_at(&bytes, pos) else {
                facts.damaged = true;
                break;
            };
            facts.at.insert(oid, (start, len, sum));
            pos = start + len;
        }
        // What follows a damaged record is dropped when the file is rewritten.
        let good = if facts.damaged { pos } else { bytes.len() };
        facts.bytes = bytes;
        facts.bytes.truncate(good);
        facts
    }

    /// The update kept for blob `oid`, if any and its record is whole (a
    /// damaged one is a miss: the file is parsed and kept again, and the
    /// newer record wins the next time the file is read).
    pub(super) fn get(&self, oid: Oid) -> Option<Update> {
        let (start, len, sum) = *self.at.get(&oid)?;
        let payload = &self.bytes[start..start + len];
        if checksum(oid.as_bytes(), payload) != sum {
            return None;
        }
        decode(payload)
    }

    /// Keeps `update`, parsed from blob `oid`.
    pub(super) fn put(&mut self, oid: Oid, update: &Update) {
        if let Some(payload) = encode(update) {
            push_record(&mut self.fresh, oid, &payload);
        }
    }

    /// Writes what is new, with only the records `current` accepts (the
    /// blobs the year folder holds now: an update rewritten, or a folder
    /// force-pushed with new contents, leaves nothing behind) and none that
    /// is damaged; never fails: a cache that cannot be written is only
    /// slower next time. Nothing is written when nothing is new.
    pub(super) fn save(self, current: impl Fn(Oid) -> bool) {
        if self.fresh.is_empty() && !self.damaged {
            return;
        }
        let mut out = MAGIC.to_vec();
        let whole = |bytes: &[u8], start: usize, len: usize, oid: Oid, sum: u64| {
            current(oid) && checksum(oid.as_bytes(), &bytes[start..start + len]) == sum
        };
        for (oid, (start, len, sum)) in &self.at {
            if whole(&self.bytes, *start, *len, *oid, *sum) {
                out.extend_from_slice(&self.bytes[start - 32..start + len]);
            }
        }
        let mut pos = 0;
        while let Some((oid, start, len, sum)) = record_at(&self.fresh, pos) {
            if whole(&self.fresh, start, len, oid, sum) {
                out.extend_from_slice(&self.fresh[pos..start + len]);
            }
            pos = start + len;
        }
        if let Some(dir) = self.path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = crate::fsutil::write_cache(&self.path, &out);
    }
}

/// Appends a record: the object id, the payload's length and checksum,
/// the payload (the one record format of the kept updates and listings).
pub(super) fn push_record(out: &mut Vec<u8>, oid: Oid, payload: &[u8]) {
    let Ok(len) = u32::try_from(payload.len()) else {
        return;
    };
    out.extend_from_slice(oid.as_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&checksum(oid.as_bytes(), payload).to_le_bytes());
    out.extend_from_slice(payload);
}

/// The record at `pos`: object id, payload start and length, and the
/// checksum it was written with, if whole (the checksum is checked by the
/// reader when the record is taken).
pub(super) fn record_at(bytes: &[u8], pos: usize) -> Option<(Oid, usize, usize, u64)> {
    let head = bytes.get(pos..pos.checked_add(32)?)?;
    let oid = Oid::from_bytes(&head[..20]).ok()?;
    let len = u32::from_le_bytes(head[20..24].try_into().ok()?) as usize;
    let sum = u64::from_le_bytes(head[24..32].try_into().ok()?);
    let start = pos + 32;
    bytes.get(start..start.checked_add(len)?)?;
    Some((oid, start, len, sum))
}

/// FNV-1a over the blob id and the payload: enough to tell a torn or
/// damaged record, the id included (a damaged id must not lend one file's
/// update to another).
pub(super) fn checksum(id: &[u8], payload: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = id.iter().chain(payload);
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

fn put_str(out: &mut Vec<u8>, s: &str) -> Option<()> {
    out.extend_from_slice(&u32::try_from(s.len()).ok()?.to_le_bytes());
    out.extend_from_slice(s.as_bytes());
    Some(())
}

fn put_date(out: &mut Vec<u8>, d: NaiveDate) {
    out.extend_from_slice(&chrono::Datelike::num_days_from_ce(&d).to_le_bytes());
}

fn encode(u: &Update) -> Option<Vec<u8>> {
    let rest = serde_json::to_vec(&Rest {
        version: u.version,
        author: u.author.clone(),
        yesterday: u.yesterday.clone(),
        today: u.today.clone(),
        mood: u.mood,
        answers: u.answers.clone(),
    })
    .ok()?;
    let mut out = Vec::with_capacity(rest.len() + 64 + 16 * u.blockers.len());
    out.extend_from_slice(&u32::try_from(rest.len()).ok()?.to_le_bytes());
    out.extend_from_slice(&rest);
    put_date(&mut out, u.date);
    put_str(
        &mut out,
        &u.written_at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
    )?;
    out.extend_from_slice(&u32::try_from(u.blockers.len()).ok()?.to_le_bytes());
    for b in &u.blockers {
        put_str(&mut out, &b.id)?;
        put_str(&mut out, &b.text)?;
        put_date(&mut out, b.since);
    }
    Some(out)
}

/// Reads what [`encode`] wrote; `None` for anything else.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = rest;
        Some(head)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn date(&mut self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(i32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn str(&mut self) -> Option<&'a str> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?).ok()
    }
}

fn decode(payload: &[u8]) -> Option<Update> {
    let mut r = Reader(payload);
    let len = r.u32()? as usize;
    let rest: Rest = serde_json::from_slice(r.take(len)?).ok()?;
    let date = r.date()?;
    let written_at = DateTime::parse_from_rfc3339(r.str()?).ok()?;
    let n = r.u32()? as usize;
    let mut blockers = Vec::with_capacity(n.min(payload.len() / 12));
    for _ in 0..n {
        blockers.push(crate::model::Blocker {
            id: r.str()?.to_string(),
            text: r.str()?.to_string(),
            since: r.date()?,
        });
    }
    r.0.is_empty().then_some(Update {
        version: rest.version,
        author: rest.author,
        date,
        written_at,
        yesterday: rest.yesterday,
        today: rest.today,
        mood: rest.mood,
        answers: rest.answers,
        blockers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_round_trips_and_damage_is_seen() {
        let text = "author = \"a\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T09:12:03.25+05:30\n\
            yesterday = [\"x\"]\nmood = 4\nq = 1\n[answers]\nfocus = [\"a\", \"b\"]\nscale = 3\n\
            [[blockers]]\nid = \"k\"\ntext = \"t\"\nsince = 2026-11-20\n";
        let u = Update::from_toml("p", text).unwrap();
        let payload = encode(&u).unwrap();
        assert_eq!(decode(&payload), Some(u.clone()));
        assert_eq!(decode(&payload[..payload.len() - 1]), None);

        let dir = std::env::temp_dir().join(format!("async-up-facts-{}", std::process::id()));
        let oid = Oid::from_bytes(&[7; 20]).unwrap();
        let mut facts = YearFacts::open(&dir, "a", 2026);
        assert_eq!(facts.get(oid), None);
        facts.put(oid, &u);
        facts.save(|_| true);
        let facts = YearFacts::open(&dir, "a", 2026);
        assert_eq!(facts.get(oid), Some(u.clone()));
        // A torn record is dropped, and the good ones stay.
        let path = dir.join("async-up-facts/a/2026");
        let mut bytes = std::fs::read(&path).unwrap();
        let whole = bytes.len();
        bytes.extend_from_within(MAGIC.len()..whole - 3);
        std::fs::write(&path, &bytes).unwrap();
        let facts = YearFacts::open(&dir, "a", 2026);
        assert!(facts.damaged);
        assert_eq!(facts.get(oid), Some(u.clone()));
        facts.save(|_| true);
        assert_eq!(std::fs::read(&path).unwrap().len(), whole);
        // A damaged blob id does not lend the update to another blob.
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[MAGIC.len()] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        let facts = YearFacts::open(&dir, "a", 2026);
        let mut other = [7; 20];
        other[0] ^= 1;
        assert_eq!(facts.get(Oid::from_bytes(&other).unwrap()), None);
        assert_eq!(facts.get(oid), None);
        // A damaged payload is a miss; kept again, the new record is taken.
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[MAGIC.len()] ^= 1;
        let last = bytes.len() - 1;
        bytes[last] ^= 0x55;
        std::fs::write(&path, &bytes).unwrap();
        let mut facts = YearFacts::open(&dir, "a", 2026);
        assert_eq!(facts.get(oid), None);
        facts.put(oid, &u);
        facts.save(|_| true);
        assert_eq!(YearFacts::open(&dir, "a", 2026).get(oid), Some(u));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
