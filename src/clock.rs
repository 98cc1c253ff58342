//! The clock and the local zone. `ASYNC_UP_NOW` (RFC 3339) pins the clock for
//! tests and demos; zones are IANA names so DST moves dates correctly.

use crate::error::{Error, Result};
use chrono::{DateTime, Utc};

/// The environment variable that overrides the clock.
pub const NOW_ENV: &str = "ASYNC_UP_NOW";

/// Now, from `ASYNC_UP_NOW` when set and valid, else the system clock.
pub fn now() -> DateTime<Utc> {
    pinned().ok().flatten().unwrap_or_else(Utc::now)
}

/// The pinned time, or an error naming the bad value.
pub fn pinned() -> Result<Option<DateTime<Utc>>> {
    match std::env::var(NOW_ENV) {
        Ok(v) if !v.is_empty() => DateTime::parse_from_rfc3339(&v)
            .map(|t| Some(t.with_timezone(&Utc)))
            .map_err(|_| {
                Error::Usage(format!(
                    "{NOW_ENV}={v:?} is not an RFC 3339 time such as 2026-11-24T09:00:00Z"
                ))
            }),
        _ => Ok(None),
    }
}

/// Parses an IANA zone name, with an error that says what is expected.
pub fn parse_zone(name: &str) -> Result<chrono_tz::Tz> {
    name.parse().map_err(|_| {
        Error::Usage(format!(
            "unknown time zone {name:?}: use an IANA name such as Europe/Berlin, America/Los_Angeles or UTC"
        ))
    })
}

/// The machine's zone as an IANA name: `TZ`, then `/etc/timezone`, then the
/// `/etc/localtime` link; `None` when none of them names a known zone.
pub fn system_zone() -> Option<String> {
    let valid = |s: &str| {
        let s = s.trim().trim_start_matches(':');
        s.parse::<chrono_tz::Tz>().ok().map(|_| s.to_string())
    };
    if let Some(z) = std::env::var("TZ").ok().as_deref().and_then(valid) {
        return Some(z);
    }
    if let Some(z) = std::fs::read_to_string("/etc/timezone")
        .ok()
        .as_deref()
        .and_then(valid)
    {
        return Some(z);
    }
    let link = std::fs::read_link("/etc/localtime").ok()?;
    let text = link.to_string_lossy();
    let (_, zone) = text.split_once("zoneinfo/")?;
    valid(zone)
}

/// "5m ago", "3h ago", "2d ago": how long ago `then` was.
pub fn ago(now: DateTime<Utc>, then: DateTime<Utc>) -> String {
    let secs = (now - then).num_seconds();
    if secs < 0 {
        return "in the future".to_string();
    }
    match secs {
        0..=59 => "just now".to_string(),
        60..=3599 => format!("{}m ago", secs / 60),
        3600..=86_399 => format!("{}h ago", secs / 3600),
        _ => format!("{}d ago", secs / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ago_reads_naturally() {
        let now = DateTime::parse_from_rfc3339("2026-11-24T12:00:00Z")
            .unwrap()
            .to_utc();
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        assert_eq!(ago(now, at("2026-11-24T11:59:30Z")), "just now");
        assert_eq!(ago(now, at("2026-11-24T11:15:00Z")), "45m ago");
        assert_eq!(ago(now, at("2026-11-24T09:00:00Z")), "3h ago");
        assert_eq!(ago(now, at("2026-11-21T12:00:00Z")), "3d ago");
    }
}
