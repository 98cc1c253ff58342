//! A member file, `members/<handle>.toml`: who someone is and where they live.

use super::toml_time;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A team member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The member's handle; must match the file name.
    pub handle: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Email, used to check who wrote what.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// IANA time zone, such as `Asia/Kolkata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Workdays, such as `["Mon-Fri"]` (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workdays: Option<Vec<String>>,
    /// Working hours, such as `"09:00-17:30"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// The day the member joined, in their zone. Updates are expected from
    /// then on: a newcomer is not missing on their first day, and their
    /// participation counts from it. Absent in files from before it existed,
    /// which count whole periods.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "toml_time::option_date"
    )]
    pub joined: Option<NaiveDate>,
    /// Focus blocks that mean "do not interrupt", such as `["09:00-11:00"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub focus: Vec<String>,
    /// Periods away.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub away: Vec<Away>,
    /// The region whose holidays in `holidays.toml` are the member's days
    /// off, such as `"de"`; without one, only holidays for everyone apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The team's holidays, attached when the member is read from the team
    /// repo (never stored in the member file).
    #[serde(skip)]
    pub holidays: super::holiday::TeamHolidays,
}

/// A period away, both dates included, in the member's zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Away {
    /// First day away.
    #[serde(with = "toml_time::date")]
    pub from: NaiveDate,
    /// Last day away.
    #[serde(with = "toml_time::date")]
    pub until: NaiveDate,
    /// A word for teammates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Member {
    /// A member with only a handle (someone with updates but no member file).
    pub fn bare(handle: &str) -> Self {
        Member {
            handle: handle.to_string(),
            name: None,
            email: None,
            timezone: None,
            workdays: None,
            hours: None,
            joined: None,
            focus: Vec::new(),
            away: Vec::new(),
            region: None,
            holidays: Default::default(),
        }
    }

    /// Parses a member file; `path` names it in errors.
    pub fn from_toml(path: &str, text: &str) -> Result<Self> {
        super::toml_read::from_str(text).map_err(|e| Error::BadFile {
            path: path.to_string(),
            message: e
                .to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        })
    }

    /// Serializes the member as stored.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a Member always serializes")
    }

    /// What in this member file cannot be true or used, one phrase each
    /// (see [`Member::availability_problems`] for what is used instead).
    pub fn problems(&self) -> Vec<String> {
        self.availability_problems()
    }

    /// The member's zone; an unknown or missing zone reads as UTC (an
    /// unknown one is among [`Member::problems`]).
    pub fn tz(&self) -> chrono_tz::Tz {
        self.timezone
            .as_deref()
            .and_then(|z| z.parse().ok())
            .unwrap_or(chrono_tz::UTC)
    }
}
