//! The columns of a participation heatmap over any period. A page must stay
//! one a browser opens: a quarter or less is shown a column per day, longer
//! periods a column per week, month or year, whichever first keeps the
//! columns under [`MAX_COLUMNS`].

use chrono::{Datelike, Days, Months, NaiveDate};

/// The most day columns shown before days are grouped.
pub const MAX_DAY_COLUMNS: i64 = 92;
/// The most columns shown for weeks, months or years.
pub const MAX_COLUMNS: i64 = 120;

/// What one column of the heatmap stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A day.
    Day,
    /// A week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Unit {
    /// Its name, as the page's markup and text use it.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    /// The coarsest unit needed so that `since..=until` fits.
    pub fn for_period(since: NaiveDate, until: NaiveDate) -> Unit {
        let days = (until - since).num_days() + 1;
        let months = i64::from(until.year() - since.year()) * 12 + i64::from(until.month())
            - i64::from(since.month())
            + 1;
        if days <= MAX_DAY_COLUMNS {
            Unit::Day
        } else if days / 7 + 2 <= MAX_COLUMNS {
            Unit::Week
        } else if months <= MAX_COLUMNS {
            Unit::Month
        } else {
            Unit::Year
        }
    }
}

/// One column: the days from `start` to `end`, both included.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// First day (the period's first day for the first column).
    pub start: NaiveDate,
    /// Last day (the period's last day for the last column).
    pub end: NaiveDate,
    /// How the column is named: 2026-11-24, 2026-W48, 2026-11 or 2026.
    pub label: String,
}

/// The columns of `since..=until` in `unit`, the first and last cut to the
/// period.
pub fn columns(since: NaiveDate, until: NaiveDate, unit: Unit) -> Vec<Column> {
    let mut out = Vec::new();
    let mut start = since;
    while start <= until {
        let next = match unit {
            Unit::Day => start.checked_add_days(Days::new(1)),
            Unit::Week => start.checked_add_days(Days::new(
                7 - u64::from(start.weekday().num_days_from_monday()),
            )),
            Unit::Month => start
                .with_day(1)
                .and_then(|d| d.checked_add_months(Months::new(1))),
            Unit::Year => NaiveDate::from_ymd_opt(start.year() + 1, 1, 1),
        };
        let end = next.and_then(|n| n.pred_opt()).unwrap_or(until).min(until);
        let label = match unit {
            Unit::Day => start.to_string(),
            Unit::Week => {
                let w = start.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Unit::Month => start.format("%Y-%m").to_string(),
            Unit::Year => start.format("%Y").to_string(),
        };
        out.push(Column { start, end, label });
        match next {
            Some(n) => start = n,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn long_periods_group_days() {
        assert_eq!(
            Unit::for_period(d("2026-10-27"), d("2026-11-24")),
            Unit::Day
        );
        assert_eq!(
            Unit::for_period(d("2025-11-24"), d("2026-11-24")),
            Unit::Week
        );
        assert_eq!(
            Unit::for_period(d("2021-11-24"), d("2026-11-24")),
            Unit::Month
        );
        assert_eq!(
            Unit::for_period(d("2000-01-01"), d("2026-11-24")),
            Unit::Year
        );
        let weeks = columns(d("2026-11-04"), d("2026-11-24"), Unit::Week);
        let spans: Vec<_> = weeks
            .iter()
            .map(|c| (c.start.to_string(), c.end.to_string()))
            .collect();
        assert_eq!(
            spans,
            [
                ("2026-11-04".into(), "2026-11-08".into()),
                ("2026-11-09".into(), "2026-11-15".into()),
                ("2026-11-16".into(), "2026-11-22".into()),
                ("2026-11-23".into(), "2026-11-24".into())
            ]
        );
        assert_eq!(weeks[3].label, "2026-W48");
        let months = columns(d("2021-11-24"), d("2026-11-24"), Unit::Month);
        assert_eq!(months.len(), 61);
        assert_eq!(
            (months[0].end, months[1].label.as_str()),
            (d("2021-11-30"), "2021-12")
        );
        assert_eq!(
            columns(d("2000-01-01"), d("2026-11-24"), Unit::Year).len(),
            27
        );
    }
}
