//! When an update cannot be true: it names another author or date than
//! where it lies, gives a blocker id twice, opens a blocker after the update,
//! or is dated before 2000 or too far ahead. Every reader asks here, so
//! every command skips the same updates.

use super::Update;
use chrono::NaiveDate;

/// No stand-up predates this: an earlier date is a typo or a lie.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => panic!("2000-01-01 is a date"),
};

/// How many days after the reader's today (in the author's zone) a date may
/// be before it is a lie. One day absorbs a clock running ahead or a zone
/// changed in the member file since the update was written; such an update
/// is still never shown as current, because reads stop at today.
pub const FUTURE_DAYS_ALLOWED: u64 = 1;

/// What is wrong with a date that claims to be a stand-up day, judged
/// against `today`, the reader's date in the author's zone.
pub fn date_problem(what: &str, date: NaiveDate, today: NaiveDate) -> Option<String> {
    if date < EARLIEST {
        return Some(format!("{what} {date} is before {EARLIEST}"));
    }
    let latest = today
        .checked_add_days(chrono::Days::new(FUTURE_DAYS_ALLOWED))
        .unwrap_or(today);
    (date > latest).then(|| {
        format!(
            "{what} {date} is more than {FUTURE_DAYS_ALLOWED} day after today ({today} in the author's zone)"
        )
    })
}

impl Update {
    /// What makes this update, found in `folder`'s folder under a file named
    /// for `file_date`, untrue: an author other than the folder's, a date other
    /// than the file's, a blocker id given twice, a blocker opened after the
    /// update, dates before [`EARLIEST`] or further ahead of `today` (the
    /// reader's date in the author's zone) than [`FUTURE_DAYS_ALLOWED`].
    /// An update with any problem is not shown: nobody can tell which part
    /// of it is true.
    pub fn problems(&self, folder: &str, file_date: NaiveDate, today: NaiveDate) -> Vec<String> {
        let mut out = Vec::new();
        if self.author != folder {
            out.push(format!(
                "author {:?} does not match the folder",
                self.author
            ));
        }
        if self.date != file_date {
            out.push(format!(
                "date {} inside does not match the file name",
                self.date
            ));
        }
        out.extend(date_problem("date", self.date, today));
        let written = self.written_at.date_naive();
        out.extend(date_problem("written_at", written, today));
        let mut seen = std::collections::HashSet::with_capacity(self.blockers.len());
        for b in &self.blockers {
            if !seen.insert(b.id.as_str()) {
                out.push(format!("blocker id {:?} is given twice", b.id));
            }
            if b.since > self.date {
                out.push(format!(
                    "blocker {:?} is open since {}, after the update's date {}",
                    b.id, b.since, self.date
                ));
            } else if b.since < EARLIEST {
                out.push(format!(
                    "blocker {:?} is open since {}, before {EARLIEST}",
                    b.id, b.since
                ));
            }
        }
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn lies_are_problems() {
        let text = "author = \"a\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T09:00:00Z\n\
            [[blockers]]\nid = \"x\"\ntext = \"one\"\nsince = 2026-11-20\n\
            [[blockers]]\nid = \"x\"\ntext = \"two\"\nsince = 2026-11-25\n";
        let u = Update::from_toml("p", text).unwrap();
        assert!(u.problems("a", day(24), day(24)).len() == 2);
        let ok = Update::from_toml("p", &text.replace("[[blockers]]", "[[ignored]]")).unwrap();
        assert!(ok.problems("a", day(24), day(24)).is_empty());
        assert!(
            ok.problems("a", day(24), day(23)).is_empty(),
            "one day ahead"
        );
        assert_eq!(
            ok.problems("a", day(24), day(22)).len(),
            2,
            "date, written_at"
        );
        assert_eq!(ok.problems("b", day(23), day(24)).len(), 2);
        let old = NaiveDate::from_ymd_opt(1999, 12, 31).unwrap();
        assert!(date_problem("date", old, day(24)).is_some());
    }
}
