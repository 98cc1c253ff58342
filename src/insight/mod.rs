//! Figures for leads, from the team repo alone: participation, blockers and
//! time to unblock, after-hours writing and mood, over a period.
//!
//! A blocker is opened on the `since` date of its id and resolved on the date
//! of the author's first later update that no longer carries that id.

use crate::model::{Member, Update};
pub mod heatmap;
mod history;
pub mod privacy;
pub mod signals;
pub use history::{Day, HistoryBuilder, Lives, MemberHistory};

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate};

/// One blocker's life.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockerLife {
    /// Its id.
    pub id: String,
    /// Its text (latest seen).
    pub text: String,
    /// Opened on.
    pub since: NaiveDate,
    /// Resolved on, if it was.
    pub resolved: Option<NaiveDate>,
}

/// Every blocker of one person's history (updates oldest first), sorted by
/// id. Linear in the blockers listed: one member can carry thousands of
/// blockers in each of thousands of updates.
pub fn blocker_lives(updates: &[Update]) -> Vec<BlockerLife> {
    let mut lives = Lives::default();
    for u in updates {
        lives.push(u);
    }
    lives.finish()
}

/// One member's figures for a period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// Workdays in the period, days away left out.
    pub workdays: u32,
    /// Updates dated on those workdays.
    pub updates: u32,
    /// All updates dated in the period.
    pub all_updates: u32,
    /// Updates written outside declared hours or on days off.
    pub after_hours_updates: u32,
    /// Blockers opened in the period.
    pub blockers_opened: u32,
    /// Blockers resolved in the period.
    pub blockers_resolved: u32,
    /// Days to unblock, of those resolved in the period.
    pub unblock_days: Vec<i64>,
    /// Days away in the period.
    pub away_days: u32,
    /// Moods given, with their dates (in no particular order).
    pub moods: Vec<(NaiveDate, u8)>,
    /// Each update's date and whether it was written after hours (in no
    /// particular order): a team figure counts only days enough wrote on.
    pub written: Vec<(NaiveDate, bool)>,
}

impl Figures {
    /// Updates on workdays divided by workdays (1 when nothing was expected).
    pub fn participation(&self) -> f64 {
        if self.workdays == 0 {
            1.0
        } else {
            f64::from(self.updates.min(self.workdays)) / f64::from(self.workdays)
        }
    }

    /// Share of updates written after hours (0 when there are none).
    pub fn after_hours(&self) -> f64 {
        if self.all_updates == 0 {
            0.0
        } else {
            f64::from(self.after_hours_updates) / f64::from(self.all_updates)
        }
    }

    /// Median days to unblock.
    pub fn median_unblock_days(&self) -> Option<f64> {
        median(&self.unblock_days)
    }

    /// Longest days to unblock.
    pub fn longest_unblock_days(&self) -> Option<i64> {
        self.unblock_days.iter().copied().max()
    }

    /// Adds another member's figures (for team totals).
    pub fn add(&mut self, other: &Figures) {
        self.workdays += other.workdays;
        self.updates += other.updates;
        self.all_updates += other.all_updates;
        self.after_hours_updates += other.after_hours_updates;
        self.blockers_opened += other.blockers_opened;
        self.blockers_resolved += other.blockers_resolved;
        self.unblock_days.extend(&other.unblock_days);
        self.away_days += other.away_days;
        // Not sorted here: that made totals quadratic in members, and no
        // view needs the order (a trend buckets by date).
        self.moods.extend(&other.moods);
        self.written.extend(&other.written);
    }
}

/// The median of whole numbers.
pub fn median(values: &[i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort();
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2] as f64
    } else {
        (v[n / 2 - 1] + v[n / 2]) as f64 / 2.0
    })
}

/// The dates from `since` to `until`, both included.
pub fn dates(since: NaiveDate, until: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let mut d = Some(since);
    std::iter::from_fn(move || {
        let cur = d.filter(|x| *x <= until)?;
        d = cur.checked_add_days(Days::new(1));
        Some(cur)
    })
}

/// Whether an update was written outside the member's hours or on a day off,
/// with the member's settings resolved as `team` resolves them.
pub fn written_after_hours(member: &Member, written_at: &DateTime<FixedOffset>) -> bool {
    let local = written_at.with_timezone(&member.tz());
    !member.is_workday(local.date_naive()) || !member.within_hours(local.time())
}

/// One member's figures for `since..=until`, from their history (oldest first,
/// including updates before the period so carried blockers are known).
pub fn figures(member: &Member, history: &[Update], since: NaiveDate, until: NaiveDate) -> Figures {
    let days: Vec<Day> = history
        .iter()
        .map(|u| Day {
            date: u.date,
            written_at: u.written_at,
            mood: u.mood,
        })
        .collect();
    figures_of(member, &days, &blocker_lives(history), since, until)
}

/// One member's figures for `since..=until`, from what a [`MemberHistory`]
/// keeps: each update's day (oldest first) and every blocker's life.
pub fn figures_of(
    member: &Member,
    days: &[Day],
    lives: &[BlockerLife],
    since: NaiveDate,
    until: NaiveDate,
) -> Figures {
    let mut f = Figures::default();
    for d in dates(since, until).filter(|d| member.was_member_on(*d)) {
        if member.away_on(d).is_some() {
            f.away_days += 1;
        } else if member.is_workday(d) {
            f.workdays += 1;
        }
    }
    // A day before joining is neither a workday nor a counted update, even
    // when an update was backfilled to it.
    for u in days
        .iter()
        .filter(|u| u.date >= since && u.date <= until && member.was_member_on(u.date))
    {
        f.all_updates += 1;
        if member.is_workday(u.date) && member.away_on(u.date).is_none() {
            f.updates += 1;
        }
        let after_hours = written_after_hours(member, &u.written_at);
        if after_hours {
            f.after_hours_updates += 1;
        }
        f.written.push((u.date, after_hours));
        if let Some(m) = u.mood {
            f.moods.push((u.date, m));
        }
    }
    for life in lives {
        if life.since >= since && life.since <= until {
            f.blockers_opened += 1;
        }
        if let Some(r) = life.resolved.filter(|r| *r >= since && *r <= until) {
            f.blockers_resolved += 1;
            f.unblock_days.push((r - life.since).num_days());
        }
    }
    f
}

/// The Monday-to-today window of "this week", or the last 7 days on a weekend.
pub fn week_of(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let back = u64::from(today.weekday().num_days_from_monday());
    let back = if back >= 5 { 6 } else { back };
    (
        today.checked_sub_days(Days::new(back)).unwrap_or(today),
        today,
    )
}

/// The most points a mood trend shows: a table column stays narrow however
/// long the period (a year of a big team's moods is a quarter of a million
/// values).
pub const TREND_POINTS: usize = 28;

/// Mood across `since..=until` as a sparkline of at most `TREND_POINTS`
/// characters: the days are split into that many equal runs, each shown as
/// the mean mood given in it, or `·` when nobody gave one.
pub fn mood_trend(moods: &[(NaiveDate, u8)], since: NaiveDate, until: NaiveDate) -> String {
    const BARS: [char; 5] = ['▁', '▂', '▄', '▆', '█'];
    let days = usize::try_from((until - since).num_days() + 1).unwrap_or(0);
    if days == 0 {
        return String::new();
    }
    let points = days.min(TREND_POINTS);
    let mut sums = vec![(0u32, 0u32); points];
    for (date, mood) in moods {
        let Ok(day) = usize::try_from((*date - since).num_days()) else {
            continue;
        };
        if day < days {
            let slot = &mut sums[day * points / days];
            slot.0 += u32::from((*mood).clamp(1, 5));
            slot.1 += 1;
        }
    }
    sums.iter()
        .map(|&(sum, count)| match count {
            0 => '·',
            _ => {
                let mean = (f64::from(sum) / f64::from(count)).round() as usize;
                BARS[mean.clamp(1, 5) - 1]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Blocker;

    fn update(date: &str, at: &str, blockers: &[(&str, &str)]) -> Update {
        Update {
            version: 1,
            author: "a".into(),
            date: date.parse().unwrap(),
            written_at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
            yesterday: vec![],
            today: vec![],
            mood: None,
            answers: Default::default(),
            blockers: blockers
                .iter()
                .map(|(id, since)| Blocker {
                    id: id.to_string(),
                    text: "t".into(),
                    since: since.parse().unwrap(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_blocker_opened_monday_and_gone_wednesday_took_two_days() {
        let history = [
            update(
                "2026-11-16",
                "2026-11-16T09:00:00Z",
                &[("b1", "2026-11-16")],
            ),
            update(
                "2026-11-17",
                "2026-11-17T09:00:00Z",
                &[("b1", "2026-11-16")],
            ),
            update("2026-11-18", "2026-11-18T09:00:00Z", &[]),
        ];
        let lives = blocker_lives(&history);
        assert_eq!(lives[0].resolved, Some("2026-11-18".parse().unwrap()));
        let m = Member::bare("a");
        let f = figures(
            &m,
            &history,
            "2026-11-16".parse().unwrap(),
            "2026-11-20".parse().unwrap(),
        );
        assert_eq!((f.workdays, f.updates), (5, 3));
        assert!((f.participation() - 0.6).abs() < 1e-9);
        assert_eq!(f.unblock_days, vec![2]);
        assert_eq!(f.median_unblock_days(), Some(2.0));
    }

    #[test]
    fn weeks_and_sparklines() {
        let tue: NaiveDate = "2026-11-24".parse().unwrap();
        assert_eq!(week_of(tue).0.to_string(), "2026-11-23");
        let sun: NaiveDate = "2026-11-29".parse().unwrap();
        assert_eq!(week_of(sun).0.to_string(), "2026-11-23");
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let moods = [(day(16), 1), (day(17), 3), (day(17), 4), (day(19), 5)];
        assert_eq!(mood_trend(&moods, day(16), day(20)), "▁▆·█·");
        // A year fits in TREND_POINTS, each point the mean of its days.
        let year: Vec<_> = (0..365)
            .map(|i| (day(1) + chrono::Days::new(i), if i < 183 { 1 } else { 5 }))
            .collect();
        let trend = mood_trend(&year, day(1), day(1) + chrono::Days::new(364));
        assert_eq!(trend.chars().count(), TREND_POINTS);
        assert!(
            trend.starts_with("▁▁▁") && trend.ends_with("███"),
            "{trend}"
        );
        assert_eq!(median(&[1, 5, 2, 8]), Some(3.5));
    }
}
