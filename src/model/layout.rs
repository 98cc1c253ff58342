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
/// `holidays.toml` has a cap of its own: its 2,000 entries
/// ([`super::holiday::MAX_HOLIDAYS`]) take up to about 250 bytes each.
pub const MAX_HOLIDAYS_BYTES: usize = 512 * 1024;
/// The largest file async-up ever reads, which a mirror must hold.
pub const MAX_READ_BYTES: usize = if MAX_HOLIDAYS_BYTES > MAX_FILE_BYTES {
    MAX_HOLIDAYS_BYTES
} else {
    MAX_FILE_BYTES
};

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

/// What a tree entry is, as far as the layout cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A folder (a tree).
    Folder,
    /// A regular file.
    File,
    /// A symbolic link: never followed.
    Symlink,
    /// A submodule (a commit id).
    Submodule,
}

impl EntryKind {
    /// What the entry is, in words: "a symlink".
    pub fn named(self) -> &'static str {
        match self {
            EntryKind::Folder => "a folder",
            EntryKind::File => "a file",
            EntryKind::Symlink => "a symlink",
            EntryKind::Submodule => "a submodule",
        }
    }
}

/// What is wrong with an entry of `updates/`, which holds one folder per
/// handle; `None` when it is a person's folder.
pub fn person_folder_problem(name: &str, kind: EntryKind) -> Option<String> {
    if kind != EntryKind::Folder {
        return Some(format!(
            "{} where a person's folder should be",
            kind.named()
        ));
    }
    (!super::handle::is_valid(name)).then(|| {
        "folder name is not a valid handle (a-z, 0-9, '.', '_', '-', at most 39)".to_string()
    })
}

/// The year of a folder in a person's folder (`YYYY`), or what is wrong with it.
pub fn year_folder(name: &str, kind: EntryKind) -> Result<i32, String> {
    if kind != EntryKind::Folder {
        return Err(format!(
            "{} where a YYYY year folder should be",
            kind.named()
        ));
    }
    if name.len() != 4 || !name.bytes().all(|b| b.is_ascii_digit()) {
        return Err("not a YYYY year folder".to_string());
    }
    name.parse()
        .map_err(|_| "not a YYYY year folder".to_string())
}

/// The date of an update file found in the folder of `year`, or what is
/// wrong with it: not a regular file, not named by a date, or a date of
/// another year (which would otherwise be read once per folder).
pub fn update_file(year: i32, name: &str, kind: EntryKind) -> Result<NaiveDate, String> {
    if kind != EntryKind::File {
        return Err(format!("{} where an update file should be", kind.named()));
    }
    let date = date_from_file_name(name).ok_or("not named YYYY-MM-DD.toml")?;
    if date.year() != year {
        return Err(format!("dated {date} but in the {year:04} folder"));
    }
    Ok(date)
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

    #[test]
    fn entries_out_of_place_are_named() {
        use EntryKind::*;
        let d = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(update_file(2026, "2026-11-24.toml", File), Ok(d));
        assert!(update_file(2025, "2026-11-24.toml", File)
            .unwrap_err()
            .contains("in the 2025 folder"));
        assert!(update_file(2026, "2026-11-24.toml", Symlink)
            .unwrap_err()
            .contains("symlink"));
        assert!(update_file(2026, "notes.toml", File).is_err());
        assert_eq!(year_folder("2026", Folder), Ok(2026));
        assert!(year_folder("26", Folder).is_err());
        assert!(year_folder("2026", File).is_err());
        assert_eq!(person_folder_problem("alice", Folder), None);
        assert!(person_folder_problem("Alice", Folder).is_some());
        assert!(person_folder_problem("alice", Symlink)
            .unwrap()
            .contains("symlink"));
    }
}
