//! Where things live in the team repo: the storage contract that hand edits,
//! plain git and other tools rely on.

use super::Handle;
use chrono::{Datelike, NaiveDate};

/// The team settings file at the root of the repo.
pub const TEAM_FILE: &str = "async-up.toml";
/// The folder of member files.
pub const MEMBERS_DIR: &str = "members";
/// The folder of updates.
pub const UPDATES_DIR: &str = "updates";
/// Files larger than this are skipped before parsing: an update is a few lines.
pub const MAX_FILE_BYTES: usize = 64 * 1024;

/// `members/<handle>.toml`
pub fn member_path(handle: &Handle) -> String {
    format!("{MEMBERS_DIR}/{handle}.toml")
}

/// `updates/<handle>/<YYYY>/<YYYY-MM-DD>.toml`
pub fn update_path(handle: &Handle, date: NaiveDate) -> String {
    format!(
        "{UPDATES_DIR}/{handle}/{:04}/{}.toml",
        date.year(),
        date.format("%Y-%m-%d")
    )
}

/// Parses an update file name (`YYYY-MM-DD.toml`) into its date.
pub fn date_from_file_name(name: &str) -> Option<NaiveDate> {
    parse_ymd(name.strip_suffix(".toml")?)
}

/// Parses exactly `YYYY-MM-DD`. Reading a period lists every file name in
/// each member's year folders, and chrono's format-driven parser was a
/// tenth of `digest`'s time on a big team.
pub fn parse_ymd(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_contract() {
        let h = Handle::parse("alice").unwrap();
        let d = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(update_path(&h, d), "updates/alice/2026/2026-01-05.toml");
        assert_eq!(member_path(&h), "members/alice.toml");
        assert_eq!(date_from_file_name("2026-01-05.toml"), Some(d));
        assert_eq!(date_from_file_name("2026-1-5.toml"), None);
        assert_eq!(date_from_file_name("notes.toml"), None);
        assert_eq!(date_from_file_name("2026-02-30.toml"), None);
        assert_eq!(date_from_file_name("2026-0a-05.toml"), None);
        assert_eq!(date_from_file_name("+026-01-05.toml"), None);
        assert_eq!(
            parse_ymd("0999-12-31"),
            NaiveDate::from_ymd_opt(999, 12, 31)
        );
    }
}
