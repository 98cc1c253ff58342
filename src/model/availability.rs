//! When someone can be reached: workdays, working hours, focus blocks, time
//! away and the team's holidays for the member's region, all in the
//! member's own zone, and the state they give at a moment (working, focus,
//! off hours, day off, holiday, away). A holiday is not a workday: every
//! view that asks [`Member::is_workday`] or [`Member::state_at`] gets them.

use super::Member;
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc, Weekday};
use serde::Serialize;

/// Where a member is at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
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
    /// A team holiday for the member's region (`holidays.toml`).
    Holiday,
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
            State::Holiday => "holiday",
            State::Away => "away",
        }
    }
}

/// Working hours when the member file names none.
pub const DEFAULT_HOURS: &str = "09:00-17:00";

/// Parses `HH:MM-HH:MM`. An end before the start runs past midnight (a
/// night shift, `22:00-06:00`); an end equal to the start is no span at all.
pub fn parse_span(s: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (a, b) = s.split_once('-')?;
    let t = |x: &str| NaiveTime::parse_from_str(x.trim(), "%H:%M").ok();
    let (start, end) = (t(a)?, t(b)?);
    (start != end).then_some((start, end))
}

/// Whether `time` falls in a span (spans past midnight wrap).
pub fn in_span(time: NaiveTime, (start, end): (NaiveTime, NaiveTime)) -> bool {
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

/// Parses workdays: names and ranges, such as `["Mon-Thu", "Sat"]`. An
/// empty list is refused: a member who never works has no stand-up.
pub fn parse_workdays(items: &[String]) -> Option<Vec<Weekday>> {
    if items.is_empty() {
        return None;
    }
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

/// Workdays when the member file names none, or none that can be read.
pub const DEFAULT_WORKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

/// The default working hours, parsed.
fn default_hours() -> (NaiveTime, NaiveTime) {
    parse_span(DEFAULT_HOURS).expect("the default hours parse")
}

impl Member {
    /// What in the member's settings cannot be used, with what is used
    /// instead; every command resolves the settings through the methods
    /// below, so they all read the member the same way.
    pub fn availability_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(zone) = &self.timezone {
            if zone.parse::<chrono_tz::Tz>().is_err() {
                out.push(format!("unknown time zone {zone:?}; read as UTC"));
            }
        }
        if let Some(hours) = &self.hours {
            if parse_span(hours).is_none() {
                out.push(format!(
                    "hours {hours:?} are not a span such as 09:00-17:30; read as {DEFAULT_HOURS}"
                ));
            }
        }
        for focus in &self.focus {
            if parse_span(focus).is_none() {
                out.push(format!(
                    "focus {focus:?} is not a span such as 09:00-11:00; ignored"
                ));
            }
        }
        if let Some(days) = &self.workdays {
            if parse_workdays(days).is_none() {
                out.push(format!(
                    "workdays {days:?} are not day names such as [\"Mon-Fri\"]; read as Mon-Fri"
                ));
            }
        }
        if let Some(region) = self
            .region
            .as_deref()
            .filter(|r| !super::holiday::is_region(r))
        {
            out.push(format!(
                "region {region:?} is not a code such as \"de\" or \"us-ca\"; only holidays for everyone apply"
            ));
        }
        for a in self.away.iter().filter(|a| a.until < a.from) {
            out.push(format!(
                "away from {} until {} ends before it starts; ignored",
                a.from, a.until
            ));
        }
        out
    }

    /// The member's working hours (09:00-17:00 unless the file says otherwise).
    pub fn hours_span(&self) -> (NaiveTime, NaiveTime) {
        self.hours
            .as_deref()
            .and_then(parse_span)
            .unwrap_or_else(default_hours)
    }

    /// Whether `time`, in the member's zone, is within their working hours.
    pub fn within_hours(&self, time: NaiveTime) -> bool {
        in_span(time, self.hours_span())
    }

    /// The member's workdays (Mon-Fri unless the file says otherwise).
    pub fn workdays(&self) -> Vec<Weekday> {
        self.workdays
            .as_deref()
            .and_then(parse_workdays)
            .unwrap_or_else(|| DEFAULT_WORKDAYS.to_vec())
    }

    /// Whether `date` is a workday for the member: one of their workdays,
    /// and not a holiday for them.
    pub fn is_workday(&self, date: NaiveDate) -> bool {
        self.workdays().contains(&date.weekday()) && self.holiday_on(date).is_none()
    }

    /// The member's region as holidays match it (none when it is not a code).
    pub fn region(&self) -> Option<&str> {
        self.region
            .as_deref()
            .filter(|r| super::holiday::is_region(r))
    }

    /// The team holiday on `date` (the member's local date) for the
    /// member's region, if any.
    pub fn holiday_on(&self, date: NaiveDate) -> Option<&super::holiday::Holiday> {
        self.holidays.0.on(date, self.region())
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

    /// The last workday before `today` on which the member was not away
    /// (holidays are not workdays).
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
        if self.holiday_on(date).is_some() {
            return State::Holiday;
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
        if self.within_hours(time) {
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
            region: None,
            holidays: Default::default(),
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
    fn settings_that_cannot_be_used_are_named_and_read_as_defaults() {
        let mut m = member();
        assert!(m.availability_problems().is_empty());
        m.hours = Some("22:00-06:00".into());
        assert!(
            m.availability_problems().is_empty(),
            "a night shift is fine"
        );
        assert!(m.within_hours(NaiveTime::from_hms_opt(23, 0, 0).unwrap()));
        m.timezone = Some("Mars/Olympus".into());
        m.hours = Some("25:00-26:00".into());
        m.workdays = Some(vec![]);
        m.focus = vec!["9-11".into()];
        assert_eq!(m.availability_problems().len(), 4);
        assert_eq!(m.tz(), chrono_tz::UTC);
        assert_eq!(m.hours_span(), parse_span(DEFAULT_HOURS).unwrap());
        assert_eq!(m.workdays(), DEFAULT_WORKDAYS.to_vec());
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
        assert!(parse_span("25:00-26:00").is_none());
        assert!(parse_span("10:00-10:00").is_none());
        assert!(parse_workdays(&[]).is_none());
        assert!(parse_workdays(&["Funday".into()]).is_none());
        assert!(in_span(
            NaiveTime::from_hms_opt(23, 0, 0).unwrap(),
            parse_span("22:00-06:00").unwrap()
        ));
    }

    #[test]
    fn a_holiday_is_a_day_off_on_the_members_own_date() {
        let text = "[[holiday]]\ndate = 2026-12-25\nname = \"Christmas\"\nregions = [\"de\"]\n";
        let (h, _) = super::super::holiday::Holidays::from_toml("holidays.toml", text).unwrap();
        let mut m = member();
        m.holidays = super::super::holiday::TeamHolidays(std::sync::Arc::new(h));
        // Friday 2026-12-25: no region, no holiday.
        assert_eq!(m.state_at(at("2026-12-25T12:00:00Z")), State::Working);
        m.region = Some("DE".into());
        assert_eq!(m.state_at(at("2026-12-25T12:00:00Z")), State::Holiday);
        // 23:30 UTC on the 24th is already the 25th in Berlin.
        assert_eq!(m.state_at(at("2026-12-24T23:30:00Z")), State::Holiday);
        assert_eq!(m.state_at(at("2026-12-24T22:30:00Z")), State::OffHours);
        let monday = NaiveDate::from_ymd_opt(2026, 12, 28).unwrap();
        assert_eq!(m.previous_workday(monday).to_string(), "2026-12-24");
        m.region = Some("<de>".into());
        assert_eq!(m.availability_problems().len(), 1);
        assert!(m
            .holiday_on(NaiveDate::from_ymd_opt(2026, 12, 25).unwrap())
            .is_none());
    }
}
