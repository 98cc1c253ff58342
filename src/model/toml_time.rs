//! Serde helpers that store dates and timestamps as TOML date and datetime
//! literals (`date = 2026-11-24`), not as quoted strings, while still reading
//! quoted strings written by hand.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use serde::{de::Error as _, Deserialize, Deserializer, Serialize, Serializer};
use std::str::FromStr;
use toml::value::Datetime;

#[derive(Deserialize)]
#[serde(untagged)]
enum DatetimeOrString {
    Datetime(Datetime),
    String(String),
}

impl DatetimeOrString {
    fn into_text(self) -> String {
        match self {
            DatetimeOrString::Datetime(d) => d.to_string(),
            DatetimeOrString::String(s) => s,
        }
    }
}

/// `NaiveDate` as a TOML local date.
pub mod date {
    use super::*;

    /// Serializes a date as a TOML local date.
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        let literal = Datetime::from_str(&d.format("%Y-%m-%d").to_string())
            .map_err(serde::ser::Error::custom)?;
        literal.serialize(s)
    }

    /// Reads a TOML local date or a `YYYY-MM-DD` string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = DatetimeOrString::deserialize(d)?.into_text();
        if let Some(date) = super::super::layout::parse_ymd(&text) {
            return Ok(date);
        }
        NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
            D::Error::custom(format!("expected a date like 2026-11-24, found {text:?}"))
        })
    }
}

/// `DateTime<FixedOffset>` as a TOML offset datetime, keeping the author's offset.
pub mod datetime {
    use super::*;

    /// Serializes a timestamp as a TOML offset datetime.
    pub fn serialize<S: Serializer>(t: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        let literal = Datetime::from_str(&t.to_rfc3339_opts(SecondsFormat::Secs, true))
            .map_err(serde::ser::Error::custom)?;
        literal.serialize(s)
    }

    /// Reads a TOML offset datetime or an RFC 3339 string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = DatetimeOrString::deserialize(d)?.into_text();
        DateTime::parse_from_rfc3339(&text).map_err(|_| {
            D::Error::custom(format!(
                "expected a timestamp with offset like 2026-11-24T09:12:03+05:30, found {text:?}"
            ))
        })
    }
}

/// `Option<NaiveDate>` as an optional TOML local date; pair it with
/// `#[serde(default, skip_serializing_if = "Option::is_none")]`.
pub mod option_date {
    use super::*;

    /// Serializes a present date as a TOML local date.
    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::date::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    /// Reads a TOML local date or a `YYYY-MM-DD` string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        super::date::deserialize(d).map(Some)
    }
}
