//! One person's stand-up for one day, as stored in
//! `updates/<handle>/<YYYY>/<YYYY-MM-DD>.toml`, and the rules for building the
//! next one: blockers carry over until resolved, a second write the same day
//! replaces only the fields it gives.

use super::toml_time;
use crate::error::{Error, Result};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The file format version this build writes.
pub const FORMAT_VERSION: u32 = 1;

mod truth;
pub use truth::{date_problem, EARLIEST, FUTURE_DAYS_ALLOWED};

/// A stand-up update. Unknown keys are ignored so newer versions can add some.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Update {
    /// File format version.
    #[serde(default = "default_version")]
    pub version: u32,
    /// The author's handle; must match the folder the file is in.
    pub author: String,
    /// The author's local date.
    #[serde(with = "toml_time::date")]
    pub date: NaiveDate,
    /// When it was written, with the author's UTC offset.
    #[serde(with = "toml_time::datetime")]
    pub written_at: DateTime<FixedOffset>,
    /// What was done.
    #[serde(default)]
    pub yesterday: Vec<String>,
    /// What is planned.
    #[serde(default)]
    pub today: Vec<String>,
    /// Optional mood, 1 to 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mood: Option<u8>,
    /// Answers to the team's own questions, by question id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, super::question::Answer>,
    /// Open blockers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blockers: Vec<Blocker>,
}

fn default_version() -> u32 {
    FORMAT_VERSION
}

/// Something blocking the author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blocker {
    /// Stable while the blocker stays open.
    pub id: String,
    /// What is blocking.
    pub text: String,
    /// The date it was first reported.
    #[serde(with = "toml_time::date")]
    pub since: NaiveDate,
}

impl Update {
    /// Parses an update from TOML text; `path` names it in errors.
    pub fn from_toml(path: &str, text: &str) -> Result<Self> {
        let update: Update = super::toml_read::from_str(text).map_err(|e| Error::BadFile {
            path: path.to_string(),
            message: one_line(&e.to_string()),
        })?;
        update.validate(path)?;
        Ok(update)
    }

    /// Checks the rules serde cannot express.
    pub fn validate(&self, path: &str) -> Result<()> {
        let bad = |message: String| Error::BadFile {
            path: path.to_string(),
            message,
        };
        if let Some(m) = self.mood {
            if !(1..=5).contains(&m) {
                return Err(bad(format!("mood must be 1 to 5, found {m}")));
            }
        }
        if !super::handle::is_valid(&self.author) {
            return Err(bad(format!(
                "author {:?} is not a valid handle",
                self.author
            )));
        }
        Ok(())
    }

    /// Serializes the update as TOML, the way it is stored.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("an Update always serializes")
    }

    /// Whether the update has any content at all.
    pub fn is_empty(&self) -> bool {
        self.yesterday.is_empty()
            && self.today.is_empty()
            && self.blockers.is_empty()
            && self.mood.is_none()
            && self.answers.is_empty()
    }
}

/// Keeps a parser error on one line for a one-line warning.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a `write` asks for; `None` leaves a field as it was.
#[derive(Debug, Default, Clone)]
pub struct Changes {
    /// Replaces yesterday when given.
    pub yesterday: Option<Vec<String>>,
    /// Replaces today when given.
    pub today: Option<Vec<String>>,
    /// New blockers (text); a text already open is not added twice.
    pub new_blockers: Vec<String>,
    /// Blocker ids to resolve.
    pub resolve: Vec<String>,
    /// Resolve every open blocker.
    pub resolve_all: bool,
    /// Replaces mood when given.
    pub mood: Option<u8>,
    /// Answers to set, by question id (already checked).
    pub answers: BTreeMap<String, super::question::Answer>,
}

impl Changes {
    /// Whether anything at all was asked for.
    pub fn is_empty(&self) -> bool {
        self.yesterday.is_none()
            && self.today.is_none()
            && self.new_blockers.is_empty()
            && self.resolve.is_empty()
            && !self.resolve_all
            && self.mood.is_none()
            && self.answers.is_empty()
    }
}

/// Builds the update to store for `date`.
///
/// `same_day` is the file already written for that date, if any: the changes
/// apply on top of it. Otherwise the update starts empty and the open blockers
/// of `previous` (the latest earlier update) carry over with their ids and dates.
pub fn apply_changes(
    author: &str,
    date: NaiveDate,
    written_at: DateTime<FixedOffset>,
    same_day: Option<&Update>,
    previous: Option<&Update>,
    changes: &Changes,
) -> Result<Update> {
    let mut update = match same_day {
        Some(existing) => existing.clone(),
        None => Update {
            version: FORMAT_VERSION,
            author: author.to_string(),
            date,
            written_at,
            yesterday: Vec::new(),
            today: Vec::new(),
            mood: None,
            answers: BTreeMap::new(),
            blockers: previous.map(|p| p.blockers.clone()).unwrap_or_default(),
        },
    };
    update.version = FORMAT_VERSION;
    update.written_at = written_at;
    if let Some(y) = &changes.yesterday {
        update.yesterday = clean_items(y);
    }
    if let Some(t) = &changes.today {
        update.today = clean_items(t);
    }
    if changes.mood.is_some() {
        update.mood = changes.mood;
    }
    update.answers.extend(changes.answers.clone());
    if changes.resolve_all {
        update.blockers.clear();
    }
    for id in &changes.resolve {
        let before = update.blockers.len();
        update.blockers.retain(|b| &b.id != id);
        if before == update.blockers.len() {
            let open: Vec<&str> = update.blockers.iter().map(|b| b.id.as_str()).collect();
            return Err(Error::Usage(format!(
                "no open blocker with id {id:?}; open blockers: {}",
                if open.is_empty() {
                    "none".to_string()
                } else {
                    open.join(", ")
                }
            )));
        }
    }
    for text in clean_items(&changes.new_blockers) {
        if update.blockers.iter().any(|b| b.text == text) {
            continue;
        }
        let id = new_blocker_id(author, &text, date, &update.blockers);
        update.blockers.push(Blocker {
            id,
            text,
            since: date,
        });
    }
    Ok(update)
}

/// Trims items and drops empty ones.
fn clean_items(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A short id derived from the blocker itself, so the same input gives the
/// same id on any machine; a collision with an open blocker is stepped past.
fn new_blocker_id(author: &str, text: &str, date: NaiveDate, open: &[Blocker]) -> String {
    let mut salt = 0u32;
    loop {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let seed = format!("{author}\n{date}\n{text}\n{salt}");
        for byte in seed.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let id = format!("{:06x}", hash & 0xff_ffff);
        if !open.iter().any(|b| b.id == id) {
            return id;
        }
        salt += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn at(d: u32) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2026-11-{d:02}T09:00:00+05:30")).unwrap()
    }

    #[test]
    fn round_trips_the_contract_example() {
        let text = r#"
version = 1
author = "alice"
date = 2026-11-24
written_at = 2026-11-24T09:12:03+05:30
yesterday = ["Finished the OAuth flow"]
today = ["Ship token refresh"]
mood = 4
future_key = "ignored"
[[blockers]]
id = "k3f9a2"
text = "Waiting on @bob for staging credentials"
since = 2026-11-20
"#;
        let u = Update::from_toml("x", text).unwrap();
        assert_eq!(u.date, day(24));
        assert_eq!(u.written_at.offset().local_minus_utc(), 5 * 3600 + 1800);
        assert_eq!(u.blockers[0].since, day(20));
        let again = Update::from_toml("x", &u.to_toml()).unwrap();
        assert_eq!(u, again);
        assert!(u.to_toml().contains("date = 2026-11-24\n"));
        assert!(u
            .to_toml()
            .contains("written_at = 2026-11-24T09:12:03+05:30"));
    }

    #[test]
    fn rejects_bad_mood_and_names_the_file() {
        let text =
            "author = \"a\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T09:00:00Z\nmood = 9\n";
        let err = Update::from_toml("updates/a/2026/2026-11-24.toml", text).unwrap_err();
        assert!(err.to_string().contains("updates/a/2026/2026-11-24.toml"));
        assert!(err.to_string().contains("mood"));
    }

    #[test]
    fn blockers_carry_over_and_resolve() {
        let first = apply_changes(
            "alice",
            day(20),
            at(20),
            None,
            None,
            &Changes {
                new_blockers: vec!["Waiting on creds".into()],
                ..Default::default()
            },
        )
        .unwrap();
        let id = first.blockers[0].id.clone();
        let next = apply_changes(
            "alice",
            day(23),
            at(23),
            None,
            Some(&first),
            &Changes {
                today: Some(vec!["x".into()]),
                new_blockers: vec!["Waiting on creds".into()],
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(next.blockers.len(), 1, "same text is not duplicated");
        assert_eq!(next.blockers[0].id, id);
        assert_eq!(next.blockers[0].since, day(20));
        let resolved = apply_changes(
            "alice",
            day(24),
            at(24),
            None,
            Some(&next),
            &Changes {
                resolve: vec![id],
                ..Default::default()
            },
        )
        .unwrap();
        assert!(resolved.blockers.is_empty());
        let err = apply_changes(
            "alice",
            day(24),
            at(24),
            None,
            Some(&next),
            &Changes {
                resolve: vec!["nope".into()],
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("nope"));
    }

    #[test]
    fn same_day_write_replaces_only_given_fields() {
        let first = apply_changes(
            "alice",
            day(24),
            at(24),
            None,
            None,
            &Changes {
                yesterday: Some(vec!["a".into()]),
                today: Some(vec!["b".into()]),
                ..Default::default()
            },
        )
        .unwrap();
        let second = apply_changes(
            "alice",
            day(24),
            at(24),
            Some(&first),
            None,
            &Changes {
                today: Some(vec!["c".into(), " ".into()]),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(second.yesterday, vec!["a"]);
        assert_eq!(second.today, vec!["c"]);
    }
}
