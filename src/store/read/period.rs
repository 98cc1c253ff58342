//! Reading one person's updates over a period, oldest first, one at a
//! time: files are chosen by the date their path names before any is read,
//! and a year with many of them is read through what earlier runs kept of
//! each parsed file (`facts`), since TOML parses at a few MB/s.

use super::{facts, is_regular, Snapshot};
use crate::model::{layout, Handle, Update};
use chrono::NaiveDate;
use git2::TreeEntry;

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
        mut visit: impl FnMut(Update),
    ) {
        crate::store::mapped::lookups(4);
        let Some(person) = self.person_dir(handle) else {
            return;
        };
        // Every year's files of the period are listed first (names only):
        // a walk over many is read through what earlier runs kept.
        let mut years = Vec::new();
        for (year, year_tree) in self.years(handle, &person) {
            if since.is_some_and(|s| year < chrono::Datelike::year(&s)) {
                continue;
            }
            let Ok(year_tree) = self.repo.find_tree(year_tree) else {
                continue;
            };
            // Listed even past the period: what cannot be true is named.
            let mut files = self.dated_files(handle, year, &year_tree);
            files.retain(|(date, _)| {
                !(since.is_some_and(|s| *date < s) || until.is_some_and(|u| *date > u))
            });
            years.push((year, files));
        }
        // A few files are cheaper to parse again than their year's kept
        // updates are to load.
        let kept = years.iter().map(|(_, f)| f.len()).sum::<usize>() >= facts::WORTH_IT;
        for (year, files) in years {
            let mut facts = (kept && !files.is_empty())
                .then(|| facts::YearFacts::open(self.repo.path(), handle.as_str(), year));
            for (date, entry) in files {
                let update = match facts.as_mut() {
                    Some(facts) => self.read_update_kept(handle, date, &entry, facts),
                    None => self.read_update(handle, date, &entry),
                };
                if let Some(update) = update {
                    visit(update);
                }
            }
            if let Some(facts) = facts {
                facts.save();
            }
        }
    }

    /// [`Snapshot::read_update`] through the updates kept from earlier
    /// runs, keeping this one if it is new.
    fn read_update_kept(
        &self,
        handle: &Handle,
        date: NaiveDate,
        entry: &TreeEntry<'_>,
        facts: &mut facts::YearFacts,
    ) -> Option<Update> {
        let path = layout::update_path(handle, date);
        if is_regular(entry) {
            if let Some(update) = facts.get(entry.id()) {
                crate::debug_counts::count("update_files_kept", 1);
                return self.true_or_warn(handle, date, &path, update);
            }
        }
        let text = self.read_blob(&path, &entry.id().to_string(), is_regular(entry))?;
        crate::debug_counts::count("update_files_parsed", 1);
        let update = self.ok_or_warn(Update::from_toml(&path, &text))?;
        facts.put(entry.id(), &update);
        self.true_or_warn(handle, date, &path, update)
    }
}
