//! Replies and reactions to a teammate's update, stored by the one who
//! replies: `replies/<replier>/<YYYY>/<YYYY-MM-DD>.toml`, one file per
//! replier per day (the replier's local date), a list of `[[reply]]`
//! entries. Nobody ever writes into another person's file, so two people
//! replying to the same update can never conflict, and `audit` can hold
//! each folder to its owner exactly as it does `updates/<handle>/`.
//!
//! A reply names what it answers: an update (`to` and `date`), optionally one
//! of its blockers (by id) or one item of its `today` list (`item`, counted
//! from 1 as shown). It carries text, a reaction from a small fixed set, or
//! an offer of help with a blocker.

use super::toml_time;
use crate::error::{Error, Result};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// The folder of replies.
pub const REPLIES_DIR: &str = "replies";

/// The reactions allowed, with the names accepted for them on the command
/// line. A fixed set keeps a reaction one glyph wide and free of markup.
pub const REACTIONS: [(&str, &str); 5] = [
    ("👍", "+1"),
    ("👀", "eyes"),
    ("✅", "check"),
    ("❤️", "heart"),
    ("🎉", "tada"),
];

/// What an offer of help says when no text is given.
pub const OFFER_TEXT: &str = "I can help with this";

/// One person's replies written on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplyFile {
    /// File format version.
    #[serde(default = "default_version")]
    pub version: u32,
    /// The entries, oldest first.
    #[serde(default, rename = "reply")]
    pub replies: Vec<Reply>,
}

fn default_version() -> u32 {
    super::update::FORMAT_VERSION
}

/// A reply as found in the repo: who wrote it, in which file.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundReply {
    /// Who wrote it (the folder it is in).
    pub author: String,
    /// The date of the file it is in (the writer's local date).
    pub file_date: NaiveDate,
    /// The blob id of that file, which changes whenever the file does.
    pub blob: String,
    /// The entry.
    pub reply: Reply,
}

/// One reply or reaction. Unknown keys are ignored, as in updates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// Whose update it answers.
    pub to: String,
    /// The date of that update.
    #[serde(with = "toml_time::date")]
    pub date: NaiveDate,
    /// The id of the blocker it answers, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocker: Option<String>,
    /// The item of the update's `today` list it answers, counted from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<u32>,
    /// What the reply says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A reaction, one of [`REACTIONS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reaction: Option<String>,
    /// An offer of help with the blocker.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub offer: bool,
    /// When it was written, with the replier's UTC offset.
    #[serde(with = "toml_time::datetime")]
    pub written_at: DateTime<FixedOffset>,
}

impl Reply {
    /// What the reply says as one text: its own, else the offer's.
    pub fn shown_text(&self) -> Option<&str> {
        self.text.as_deref().or(self.offer.then_some(OFFER_TEXT))
    }

    /// Whether `other` is the same reaction to the same thing.
    pub fn same_reaction(&self, other: &Reply) -> bool {
        self.reaction.is_some()
            && self.reaction == other.reaction
            && self.to == other.to
            && self.date == other.date
            && self.blocker == other.blocker
            && self.item == other.item
    }

    /// What makes this entry untrue or unreadable, if anything.
    fn problem(&self) -> Option<String> {
        if !super::handle::is_valid(&self.to) {
            return Some(format!("to {:?} is not a valid handle", self.to));
        }
        if let Some(r) = &self.reaction {
            if reaction(r).is_err() {
                return Some(format!("reaction {r:?} is not one of {}", allowed()));
            }
        }
        if self.text.is_none() && self.reaction.is_none() && !self.offer {
            return Some("has no text, reaction or offer".into());
        }
        if self.offer && self.blocker.is_none() {
            return Some("offers help but names no blocker".into());
        }
        if self.item == Some(0) {
            return Some("item is counted from 1".into());
        }
        None
    }
}

/// The reaction `input` names (a glyph of [`REACTIONS`] or its name).
pub fn reaction(input: &str) -> Result<String> {
    let input = input.trim();
    REACTIONS
        .iter()
        // The heart is often typed without its variation selector.
        .find(|(glyph, name)| {
            input == *glyph || input == *name || input == glyph.trim_end_matches('\u{fe0f}')
        })
        .map(|(glyph, _)| glyph.to_string())
        .ok_or_else(|| {
            Error::Usage(format!(
                "{:?} is not an allowed reaction; use one of {}",
                crate::render::sanitize::clean(input),
                allowed()
            ))
        })
}

fn allowed() -> String {
    REACTIONS
        .iter()
        .map(|(glyph, name)| format!("{glyph} ({name})"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl ReplyFile {
    /// An empty file.
    pub fn new() -> Self {
        ReplyFile {
            version: super::update::FORMAT_VERSION,
            replies: Vec::new(),
        }
    }

    /// Parses a reply file; `path` names it in errors. Entries that cannot
    /// be true are an error for the whole file, as with updates: nobody can
    /// tell which part of it is true.
    pub fn from_toml(path: &str, text: &str) -> Result<Self> {
        let file: ReplyFile = super::toml_read::from_str(text).map_err(|e| Error::BadFile {
            path: path.to_string(),
            message: e
                .to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        })?;
        for (n, reply) in file.replies.iter().enumerate() {
            if let Some(problem) = reply.problem() {
                return Err(Error::BadFile {
                    path: path.to_string(),
                    message: format!("reply {}: {problem}", n + 1),
                });
            }
        }
        Ok(file)
    }

    /// Serializes the file as stored.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a ReplyFile always serializes")
    }
}

impl Default for ReplyFile {
    fn default() -> Self {
        Self::new()
    }
}

/// `replies/<handle>/<YYYY>/<YYYY-MM-DD>.toml`
pub fn reply_path(handle: &super::Handle, date: NaiveDate) -> String {
    format!(
        "{REPLIES_DIR}/{handle}/{:04}/{}.toml",
        date.year(),
        date.format("%Y-%m-%d")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reactions_by_glyph_or_name_and_nothing_else() {
        assert_eq!(reaction("+1").unwrap(), "👍");
        assert_eq!(reaction("👀").unwrap(), "👀");
        assert_eq!(reaction("heart").unwrap(), "❤️");
        assert_eq!(reaction("❤").unwrap(), "❤️");
        for bad in ["", "thumbsup", "💩", "<b>", "👍👍"] {
            assert!(reaction(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn round_trips_and_refuses_untrue_entries() {
        let text = "[[reply]]\nto = \"alice\"\ndate = 2026-11-24\nreaction = \"🎉\"\nwritten_at = 2026-11-24T10:00:00Z\n\n[[reply]]\nto = \"alice\"\ndate = 2026-11-24\nblocker = \"b1\"\noffer = true\nwritten_at = 2026-11-24T10:01:00Z\n";
        let file = ReplyFile::from_toml("r.toml", text).unwrap();
        assert_eq!(file.replies.len(), 2);
        assert_eq!(file.replies[1].shown_text(), Some(OFFER_TEXT));
        let again = ReplyFile::from_toml("r.toml", &file.to_toml()).unwrap();
        assert_eq!(again, file);
        for bad in [
            text.replace("🎉", "💩"),
            text.replace("\"alice\"", "\"Al ice\""),
            text.replace("blocker = \"b1\"\n", ""),
            text.replace("reaction = \"🎉\"\n", ""),
        ] {
            let err = ReplyFile::from_toml("r.toml", &bad)
                .unwrap_err()
                .to_string();
            assert!(err.contains("r.toml"), "{err}");
        }
        let path = reply_path(
            &super::super::Handle::parse("bob").unwrap(),
            NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
        );
        assert_eq!(path, "replies/bob/2026/2026-01-05.toml");
    }
}
