//! Reading one person's updates over a period, oldest first, one at a
//! time: files are chosen by the date their path names before any is read,
//! and a year with many of them is read through what earlier runs kept of
//! each parsed file (`facts`), since TOML parses at a few MB/s. The
//! person's folders are listed through what earlier runs kept of them
//! (`folders`): a year folder is a long chain of deltas to read.

use super::folders::{Folders, Listed};
use super::{facts, Snapshot};
use crate::model::{layout, Handle, Update};
use chrono::NaiveDate;
use std::collections::HashSet;

impl<'r> Snapshot<'r> {
    /// Every readable update of `handle` dated in `since..=until`, oldest
    /// first. Files are chosen by the date their path names before any is
    /// read, so files outside the period cost a name each, however large:
    /// a teammate's files dated far ahead are named in a warning, never
    /// parsed.
    pub fn updates_between(
        &self,
        handle: &Handle,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Vec<Update> {
        let mut out = Vec::new();
        self.each_update_between(handle, since, until, |u| out.push(u));
        out
    }

    /// Shows `visit` each readable update of `handle` dated in
    /// `since..=until`, oldest first, one at a time: a view that keeps
    /// only what it needs of each holds one update, however long the period.
    /// Files are chosen as [`Snapshot::updates_between`] chooses them.
    pub fn each_update_between(
        &self,
        handle: &Handle,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        visit: impl FnMut(Update),
    ) {
        self.walk(handle, since, until, false, visit);
    }

    /// [`Snapshot::each_update_between`] led by the latest readable update
    /// dated before `since` (what
    /// `latest_update(handle, since - 1 day)` gives), from the same listing
    /// of the year folders: a view of a week reads each member's folders
    /// once, not once for the lead and again for the week.
    pub fn each_update_led(
        &self,
        handle: &Handle,
        since: NaiveDate,
        until: NaiveDate,
        visit: impl FnMut(Update),
    ) {
        self.walk(handle, Some(since), Some(until), true, visit);
    }

    fn walk(
        &self,
        handle: &Handle,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        lead: bool,
        mut visit: impl FnMut(Update),
    ) {
        crate::store::mapped::lookups(4);
        let Some(person_id) = self.person_dir_id(handle) else {
            return;
        };
        // The person's folders are listed through what earlier runs kept.
        let mut kept_folders = self
            .keep_facts
            .then(|| Folders::open(self.repo.path(), handle.as_str()));
        let Some(person) = self.person_folder(person_id, kept_folders.as_mut()) else {
            return;
        };
        // The listings are kept only for a person something is shown of:
        // folders planted under names with nothing true in them are read
        // again each time, never copied onto the reader's disk.
        let shown = std::cell::Cell::new(false);
        let mut visit = |u: Update| {
            shown.set(true);
            visit(u)
        };
        let all_years = self.years(handle, &person);
        let since_year = since.map(|s| chrono::Datelike::year(&s));
        // Every year's files of the period are listed first (names only):
        // a walk over many is read through what earlier runs kept.
        let mut years = Vec::new();
        let mut before = Vec::new();
        for (year, year_tree) in &all_years {
            if since_year.is_some_and(|s| *year < s) {
                continue;
            }
            let Some(year_tree) = self.year_folder(*year, *year_tree, kept_folders.as_mut()) else {
                continue;
            };
            // Listed even past the period: what cannot be true is named.
            let mut files = self.dated_files(handle, *year, &year_tree);
            if lead && Some(*year) == since_year {
                before = files
                    .iter()
                    .filter(|(date, _)| since.is_some_and(|s| *date < s))
                    .cloned()
                    .collect();
            }
            files.retain(|(date, _)| {
                !(since.is_some_and(|s| *date < s) || until.is_some_and(|u| *date > u))
            });
            // What the year holds now: kept updates of anything else go.
            let held: Vec<git2::Oid> = year_tree.iter().map(|e| e.id).collect();
            years.push((*year, files, held));
        }
        // A few files are cheaper to parse again than their year's kept
        // updates are to load.
        let kept = self.keep_facts
            && years.iter().map(|(_, f, _)| f.len()).sum::<usize>() >= facts::WORTH_IT;
        let open = |year: i32| facts::YearFacts::open(self.repo.path(), handle.as_str(), year);
        // The period's first year's kept updates serve its lead too (most
        // often dated in that year): opened once for both.
        let mut first = match since_year {
            Some(year) if kept && !before.is_empty() => Some((year, open(year))),
            _ => None,
        };
        if lead {
            let facts = first.as_mut().map(|(_, f)| f);
            let folders = kept_folders.as_mut();
            if let Some(update) =
                self.lead_of(handle, &all_years, since_year, before, facts, folders)
            {
                visit(update);
            }
        }
        for (year, files, held) in years {
            let mut facts = match first.take_if(|(y, _)| *y == year) {
                Some((_, facts)) => Some(facts),
                None => (kept && !files.is_empty()).then(|| open(year)),
            };
            for window in files.chunks(WINDOW) {
                self.read_window(handle, window, facts.as_mut(), &mut visit);
            }
            if let Some(facts) = facts {
                // Looked up only when the file is written again.
                let set = std::cell::OnceCell::new();
                facts.save(|id| {
                    set.get_or_init(|| held.iter().copied().collect::<HashSet<_>>())
                        .contains(&id)
                });
            }
        }
        if let Some(folders) = kept_folders.filter(|_| shown.get()) {
            folders.save(|id| id == person_id || all_years.iter().any(|(_, y)| *y == id));
        }
    }

    /// Shows `visit` the readable updates of `window`, in order: kept ones
    /// from `facts`, the others read from the object store on this thread
    /// and parsed on two when there are several (the first read of a long
    /// history is mostly parsing TOML). Parsed files are kept in `facts`.
    fn read_window(
        &self,
        handle: &Handle,
        window: &[(NaiveDate, Listed)],
        mut facts: Option<&mut facts::YearFacts>,
        visit: &mut impl FnMut(Update),
    ) {
        enum Slot {
            Kept(Update),
            Text(String),
            Unread,
        }
        // Each file's read warnings (size, NUL, UTF-8), given back in file
        // order beside the warnings of parsing it.
        let mut held: Vec<Vec<String>> = Vec::with_capacity(window.len());
        let paths: Vec<String> = window
            .iter()
            .map(|(date, _)| layout::update_path(handle, *date))
            .collect();
        let slots: Vec<Slot> = window
            .iter()
            .zip(&paths)
            .map(|((_, entry), path)| {
                let kept = entry
                    .is_regular()
                    .then(|| facts.as_ref().and_then(|f| f.get(entry.id)))
                    .flatten();
                if let Some(update) = kept {
                    crate::debug_counts::count("update_files_kept", 1);
                    held.push(Vec::new());
                    return Slot::Kept(update);
                }
                let mark = self.warnings.mark();
                let text = self.read_blob(path, &entry.id.to_string(), entry.is_regular());
                held.push(self.warnings.since(mark));
                match text {
                    Some(text) => Slot::Text(text),
                    None => Slot::Unread,
                }
            })
            .collect();
        let texts: Vec<(&str, &str)> = slots
            .iter()
            .zip(&paths)
            .filter_map(|(slot, path)| match slot {
                Slot::Text(text) => Some((path.as_str(), text.as_str())),
                _ => None,
            })
            .collect();
        let mut parsed = parse_all(&texts).into_iter();
        drop(texts);
        for (((slot, path), (date, entry)), warnings) in
            slots.into_iter().zip(&paths).zip(window).zip(held)
        {
            for w in warnings {
                self.warnings.push(w);
            }
            let (update, fresh) = match slot {
                Slot::Kept(update) => (update, false),
                Slot::Unread => continue,
                Slot::Text(_) => {
                    crate::debug_counts::count("update_files_parsed", 1);
                    let Some(update) = parsed.next().and_then(|r| self.ok_or_warn(r)) else {
                        continue;
                    };
                    (update, true)
                }
            };
            if let Some(update) = self.true_or_warn(handle, *date, path, update) {
                // Only an update true of this path is kept: its author is
                // the folder's owner and its date the file's, so one blob
                // planted under many names or dates is kept at most once.
                if let Some(facts) = facts.as_mut().filter(|_| fresh) {
                    facts.put(entry.id, &update);
                }
                visit(update);
            }
        }
    }

    /// The newest readable update before the period: among `before` (the
    /// period's first year's files dated before it, already listed), else
    /// in the years before that, newest first; at most
    /// [`super::LOOK_BACK`] files are read.
    fn lead_of(
        &self,
        handle: &Handle,
        all_years: &[(i32, git2::Oid)],
        since_year: Option<i32>,
        before: Vec<(NaiveDate, Listed)>,
        mut facts: Option<&mut facts::YearFacts>,
        mut folders: Option<&mut Folders>,
    ) -> Option<Update> {
        let mut looked = 0;
        for file in before.iter().rev() {
            if self.looked_back_too_far(handle, &mut looked) {
                return None;
            }
            let mut found = None;
            let window = std::slice::from_ref(file);
            self.read_window(handle, window, facts.as_deref_mut(), &mut |u| {
                found = Some(u)
            });
            if found.is_some() {
                return found;
            }
        }
        for (year, year_tree) in all_years.iter().rev() {
            if since_year.is_some_and(|s| *year >= s) {
                continue;
            }
            let Some(year_tree) = self.year_folder(*year, *year_tree, folders.as_deref_mut())
            else {
                continue;
            };
            for (date, entry) in self.dated_files(handle, *year, &year_tree).iter().rev() {
                if self.looked_back_too_far(handle, &mut looked) {
                    return None;
                }
                if let Some(update) = self.read_update(handle, *date, entry) {
                    return Some(update);
                }
            }
        }
        None
    }
}

/// Files read and parsed together: enough to keep two threads busy, few
/// enough that a window of a teammate's 64 KiB files stays a few MiB.
const WINDOW: usize = 32;

/// Each `(path, text)` parsed as an update, in order; on two threads when
/// there are several and the machine has two cores.
fn parse_all(texts: &[(&str, &str)]) -> Vec<crate::Result<Update>> {
    let parse = |part: &[(&str, &str)]| -> Vec<crate::Result<Update>> {
        part.iter()
            .map(|(path, text)| Update::from_toml(path, text))
            .collect()
    };
    if texts.len() < 2 || cores() < 2 {
        return parse(texts);
    }
    let (first, second) = texts.split_at(texts.len() / 2);
    std::thread::scope(|scope| {
        // A thread that cannot be started (a limit on processes) leaves
        // the whole batch to this one.
        let Ok(other) = std::thread::Builder::new().spawn_scoped(scope, || parse(second)) else {
            return parse(texts);
        };
        let mut out = parse(first);
        match other.join() {
            Ok(rest) => out.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        out
    })
}

/// The cores this process may use, asked once.
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}
