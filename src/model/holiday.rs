//! The team's holidays, `holidays.toml` at the root of the team repo: days
//! off for the members of some regions (or for everyone), each taken on the
//! member's own local date. A holiday is a day off everywhere a member's
//! availability is asked (see [`super::availability`]): nobody is missing on
//! it, and it is not a workday in the figures.
//!
//! The file is a teammate's input. One that does not parse, or holds more
//! than [`MAX_HOLIDAYS`] entries, is an error naming it (the readers warn and
//! go on without holidays: a broken file must not break `team`); an entry
//! that cannot be used (a bad date, an unknown key, a name too long or with
//! control characters, a region that is not a code) is skipped and named.

use super::toml_time;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The holidays file at the root of the repo.
pub const HOLIDAYS_FILE: &str = "holidays.toml";
/// The most entries a holidays file may hold (ten years of a dozen
/// regions' public holidays fit).
pub const MAX_HOLIDAYS: usize = 2000;
/// The most characters of a holiday's name.
pub const MAX_NAME_CHARS: usize = 80;
/// The most characters of a region code (`de`, `us-ca`, `in-ka`).
pub const MAX_REGION_CHARS: usize = 16;

/// One holiday: `[[holiday]]` in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The day, in each member's own zone.
    #[serde(with = "toml_time::date")]
    pub date: NaiveDate,
    /// What it is called, such as "Christmas".
    pub name: String,
    /// The regions it is a day off in, such as `["de", "us"]`; empty means
    /// everyone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
}

impl Holiday {
    /// What makes this entry unusable, if anything.
    fn problem(&self) -> Option<String> {
        if self.name.trim().is_empty() {
            return Some("has no name".into());
        }
        if self.name.chars().count() > MAX_NAME_CHARS {
            return Some(format!("name is over {MAX_NAME_CHARS} characters"));
        }
        if self.name.chars().any(char::is_control) {
            return Some("name holds control characters".into());
        }
        self.regions
            .iter()
            .find(|r| !is_region(r))
            .map(|r| format!("region {r:?} is not a code such as \"de\" or \"us-ca\""))
    }

    /// Whether the holiday is a day off for a member of `region`.
    pub fn applies_to(&self, region: Option<&str>) -> bool {
        self.regions.is_empty()
            || region.is_some_and(|mine| self.regions.iter().any(|r| r.eq_ignore_ascii_case(mine)))
    }
}

/// Whether `code` is a region code: ASCII letters, digits and `-`, at most
/// [`MAX_REGION_CHARS`], starting with a letter or digit.
pub fn is_region(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= MAX_REGION_CHARS
        && !code.starts_with('-')
        && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The holidays file as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HolidayFile {
    /// Every `[[holiday]]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holiday: Vec<Holiday>,
}

/// The usable holidays, by date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Holidays {
    by_date: BTreeMap<NaiveDate, Vec<Holiday>>,
}

impl Holidays {
    /// Reads a holidays file; `path` names it in the error and in each of
    /// the problems returned beside the holidays (entries skipped).
    pub fn from_toml(path: &str, text: &str) -> Result<(Holidays, Vec<String>)> {
        let bad = |message: String| Error::BadFile {
            path: path.to_string(),
            message,
        };
        let table: toml::Table =
            super::toml_read::from_str(text).map_err(|e| bad(one_line(&e.to_string())))?;
        let mut problems = Vec::new();
        for key in table.keys().filter(|k| *k != "holiday") {
            problems.push(format!("{path}: unknown key {key:?}; ignored"));
        }
        let entries = match table.get("holiday") {
            None => return Ok((Holidays::default(), problems)),
            Some(toml::Value::Array(entries)) => entries,
            Some(_) => return Err(bad("`holiday` must be [[holiday]] tables".into())),
        };
        if entries.len() > MAX_HOLIDAYS {
            return Err(bad(format!(
                "{} holidays, over the limit of {MAX_HOLIDAYS}: split off past years",
                entries.len()
            )));
        }
        let mut holidays = Holidays::default();
        for (n, entry) in entries.iter().enumerate() {
            let which = format!("{path}: holiday {}", n + 1);
            match Holiday::deserialize(entry.clone()) {
                Err(e) => problems.push(format!("{which}: {}; skipped", one_line(&e.to_string()))),
                Ok(h) => match h.problem() {
                    Some(p) => problems.push(format!("{which} ({}): {p}; skipped", h.date)),
                    None => holidays.by_date.entry(h.date).or_default().push(h),
                },
            }
        }
        Ok((holidays, problems))
    }

    /// The holiday on `date` for a member of `region` (none: only holidays
    /// for everyone apply).
    pub fn on(&self, date: NaiveDate, region: Option<&str>) -> Option<&Holiday> {
        self.by_date
            .get(&date)?
            .iter()
            .find(|h| h.applies_to(region))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.by_date.is_empty()
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The team's holidays as a member carries them: context, not part of the
/// member file, so two members compare equal whatever it holds (a member
/// file edited and read back is the same file). Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct TeamHolidays(pub std::sync::Arc<Holidays>);

impl PartialEq for TeamHolidays {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn regions_decide_who_has_the_day_off() {
        let text =
            "[[holiday]]\ndate = 2026-12-25\nname = \"Christmas\"\nregions = [\"de\", \"US\"]\n\
                    [[holiday]]\ndate = 2027-01-01\nname = \"New Year\"\n";
        let (h, problems) = Holidays::from_toml(HOLIDAYS_FILE, text).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert!(h.on(date("2026-12-25"), Some("de")).is_some());
        assert!(h.on(date("2026-12-25"), Some("us")).is_some());
        assert!(h.on(date("2026-12-25"), Some("in")).is_none());
        assert!(h.on(date("2026-12-25"), None).is_none());
        assert!(h.on(date("2027-01-01"), None).is_some());
        assert!(h.on(date("2026-12-24"), Some("de")).is_none());
    }

    #[test]
    fn unusable_entries_are_named_and_skipped() {
        let text = "[[holiday]]\ndate = \"2026-02-30\"\nname = \"x\"\n\
                    [[holiday]]\ndate = 2026-12-25\nname = \"a\\u001b[2Jb\"\n\
                    [[holiday]]\ndate = 2026-12-26\nname = \"ok\"\nregion = [\"de\"]\n\
                    [[holiday]]\ndate = 2026-12-27\nname = \"ok\"\nregions = [\"<b>\"]\n\
                    [[holiday]]\ndate = 2026-12-28\nname = \"fine\"\n";
        let (h, problems) = Holidays::from_toml(HOLIDAYS_FILE, text).unwrap();
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems
            .iter()
            .all(|p| p.starts_with("holidays.toml: holiday ")));
        assert!(problems[2].contains("region"), "{problems:?}");
        assert_eq!(h.by_date.len(), 1);
        let many = "[[holiday]]\ndate = 2026-12-25\nname = \"x\"\n".repeat(MAX_HOLIDAYS + 1);
        let err = Holidays::from_toml(HOLIDAYS_FILE, &many).unwrap_err();
        assert!(err.to_string().contains("holidays.toml"), "{err}");
        assert!(Holidays::from_toml(HOLIDAYS_FILE, "holiday = 3").is_err());
        assert!(Holidays::from_toml(HOLIDAYS_FILE, "[[holiday]\n").is_err());
        // A date TOML itself refuses makes the whole file unreadable.
        let literal = "[[holiday]]\ndate = 2026-02-30\nname = \"x\"\n";
        assert!(Holidays::from_toml(HOLIDAYS_FILE, literal).is_err());
    }
}
