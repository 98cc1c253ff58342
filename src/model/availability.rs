//! When someone can be reached: workdays, working hours, focus blocks and
//! time away, all in the member's own zone, and the state they give at a
//! moment (working, focus, off hours, day off, away).

use super::Member;
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc, Weekday};
use serde::Serialize;

/// Where a member is at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Within working hours on a workday.
    Working,
    /// In a focus block: do not interrupt.
    Focus,
    /// Outside working hours on a workday.
    OffHours,
    /// Not a workday.
    DayOff,
    /// Away (holiday, leave).
    Away,
}

impl State {
    /// The word used in tables and JSON.
    pub fn label(self) -> &'static str {
        match self {
            State::Working => "working",
            State::Focus => "focus",
            State::OffHours => "off_hours",
            State::DayOff => "day_off",
            State::Away => "away",
        }
    }
}

/// Working hours when the member file names none.
pub const DEFAULT_HOURS: &str = "09:00-17:00";

/// Parses `HH:MM-HH:MM`. An end before the start runs past midnight.
pub fn parse_span(s: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (a, b) = s.split_once('-')?;
    let t = |x: &str| NaiveTime::parse_from_str(x.trim(), "%H:%M").ok();
    Some((t(a)?, t(b)?))
}

fn in_span(time: NaiveTime, (start, end): (NaiveTime, NaiveTime)) -> bool {
    if start <= end {
        time >= start && time < end
    } else {
        time >= start || time < end
    }
}

/// Parses a day name (`Mon`, `monday`).
pub fn parse_weekday(s: &str) -> Option<Weekday> {
    s.trim().parse().ok()
}

/// Parses workdays: names and ranges, such as `["Mon-Thu", "Sat"]`.
pub fn parse_workdays(items: &[String]) -> Option<Vec<Weekday>> {
    let mut days = Vec::new();
    for item in items {
        match item.split_once('-') {
            Some((a, b)) => {
                let (mut d, end) = (parse_weekday(a)?, parse_weekday(b)?);
                loop {
                    days.push(d);
                    if d == end {
                        break;
                    }
                    d = d.succ();
                }
            }
            None => days.push(parse_weekday(item)?),
        }
    }
    Some(days)
}

impl Member {
    /// The member's workdays (Mon-Fri unless the file says otherwise).
    pub fn workdays(&self) -> Vec<Weekday> {
        self.workdays
            .as_deref()
            .and_then(parse_workdays)
            .unwrap_or_else(|| {
                vec![
                    Weekday::Mon,
                    Weekday::Tue,
                    Weekday::Wed,
                    Weekday::Thu,
                    Weekday::Fri,
                ]
            })
    }

    /// Whether `date` is a workday for the member.
    pub fn is_workday(&self, date: NaiveDate) -> bool {
        self.workdays().contains(&date.weekday())
    }

    /// Whether an update was expected of the member on `date` at all: not
    /// before they joined.
    pub fn was_member_on(&self, date: NaiveDate) -> bool {
        self.joined.is_none_or(|joined| date >= joined)
    }

    /// The away period covering `date`, if any.
    pub fn away_on(&self, date: NaiveDate) -> Option<&super::member::Away> {
        self.away.iter().find(|a| a.from <= date && date <= a.until)
    }

    /// The last workday before `today` on which the member was not away.
    pub fn previous_workday(&self, today: NaiveDate) -> NaiveDate {
        let mut d = today;
        for _ in 0..366 {
            d = d.checked_sub_days(Days::new(1)).unwrap_or(d);
            if self.is_workday(d) && self.away_on(d).is_none() {
                return d;
            }
        }
        today.checked_sub_days(Days::new(1)).unwrap_or(today)
    }

    /// The member's state at `now`.
    pub fn state_at(&self, now: DateTime<Utc>) -> State {
        let local = now.with_timezone(&self.tz());
        let date = local.date_naive();
        if self.away_on(date).is_some() {
            return State::Away;
        }
        if !self.is_workday(date) {
            return State::DayOff;
        }
        let time = local.time();
        if self
            .focus
            .iter()
            .filter_map(|f| parse_span(f))
            .any(|f| in_span(time, f))
        {
            return State::Focus;
        }
        let hours = self
            .hours
            .as_deref()
            .and_then(parse_span)
            .or_else(|| parse_span(DEFAULT_HOURS))
            .expect("the default hours parse");
        if in_span(time, hours) {
            State::Working
        } else {
            State::OffHours
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member() -> Member {
        Member {
            handle: "a".into(),
            name: None,
            email: None,
            timezone: Some("Europe/Berlin".into()),
            workdays: None,
            hours: Some("09:00-17:30".into()),
            joined: None,
            focus: vec!["09:00-11:00".into()],
            away: vec![],
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn states_through_a_day() {
        let m = member();
        // Tuesday 2026-11-24, Berlin is UTC+1.
        assert_eq!(m.state_at(at("2026-11-24T08:30:00Z")), State::Focus);
        assert_eq!(m.state_at(at("2026-11-24T11:00:00Z")), State::Working);
        assert_eq!(m.state_at(at("2026-11-24T17:00:00Z")), State::OffHours);
        assert_eq!(m.state_at(at("2026-11-28T11:00:00Z")), State::DayOff);
    }

    #[test]
    fn previous_workday_skips_weekends_and_away() {
        let mut m = member();
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(m.previous_workday(monday).to_string(), "2026-11-20");
        m.away.push(super::super::member::Away {
            from: NaiveDate::from_ymd_opt(2026, 11, 19).unwrap(),
            until: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            note: None,
        });
        assert_eq!(m.previous_workday(monday).to_string(), "2026-11-18");
        assert_eq!(
            parse_workdays(&["Sun-Tue".into()]).unwrap(),
            vec![Weekday::Sun, Weekday::Mon, Weekday::Tue]
        );
        assert!(parse_span("22:00-06:00").is_some());
        assert!(in_span(
            NaiveTime::from_hms_opt(23, 0, 0).unwrap(),
            parse_span("22:00-06:00").unwrap()
        ));
    }
}
