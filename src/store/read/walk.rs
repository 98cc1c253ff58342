//! Walking `updates/` by the layout's rules (`model::layout`): which entries
//! are a person's folders, year folders and update files, and a warning
//! naming each entry that is none of them. The index walks the same way
//! (`kind_of`), so a read through it names the same files.

use super::folders::{Folders, Listed};
use super::{printable, Snapshot};
use crate::model::layout::{self, EntryKind};
use crate::model::{Handle, Member};
use chrono::NaiveDate;
use git2::{ObjectType, Oid, Tree, TreeEntry};

impl<'r> Snapshot<'r> {
    /// Handles that have an updates folder. Entries of `updates/` that are
    /// not a handle's folder are named in a warning.
    pub fn handles_with_updates(&self) -> Vec<Handle> {
        let mut handles = Vec::new();
        for entry in self.updates_dir().iter().flat_map(|d| d.iter()) {
            let name = String::from_utf8_lossy(entry.name_bytes());
            match layout::person_folder_problem(&name, kind_of(&entry)) {
                Some(problem) => self.warnings.push(format!(
                    "{}/{}: {problem}; skipped",
                    layout::UPDATES_DIR,
                    printable(&name)
                )),
                None => handles.extend(Handle::parse(&name).ok()),
            }
        }
        if let Some(index) = &self.index {
            return index
                .people
                .keys()
                .filter_map(|h| Handle::parse(h).ok())
                .collect();
        }
        handles
    }

    /// The reader's today in the zone of `handle` (UTC without a member file).
    pub(super) fn today_of(&self, handle: &Handle) -> NaiveDate {
        if let Some(d) = self.todays.borrow().get(handle.as_str()) {
            return *d;
        }
        let members = self.members.get_or_init(|| self.read_members());
        let tz = members
            .iter()
            .find(|m| m.handle == handle.as_str())
            .map_or(chrono_tz::UTC, Member::tz);
        let today = self.now.with_timezone(&tz).date_naive();
        self.todays
            .borrow_mut()
            .insert(handle.as_str().to_string(), today);
        today
    }

    /// Whether the date an update file is named for cannot be true (before
    /// 2000, or too far after the reader's today in the author's zone); such
    /// a file is named in a warning and never read.
    pub(super) fn skip_for_date(&self, handle: &Handle, date: NaiveDate) -> bool {
        let today = self.today_of(handle);
        match crate::model::update::date_problem("date", date, today) {
            Some(problem) => {
                let path = layout::update_path(handle, date);
                self.warnings.push(format!("{path}: {problem}; skipped"));
                true
            }
            None => false,
        }
    }
    pub(super) fn updates_dir(&self) -> Option<&Tree<'r>> {
        self.updates_dir
            .get_or_init(|| self.subtree(self.root.as_ref(), layout::UPDATES_DIR))
            .as_ref()
    }

    pub(super) fn person_dir(&self, handle: &Handle) -> Option<Tree<'r>> {
        self.subtree(self.updates_dir(), handle.as_str())
    }

    /// The id of `handle`'s folder in `updates/`, if it is a folder.
    pub(super) fn person_dir_id(&self, handle: &Handle) -> Option<Oid> {
        let entry = self.updates_dir()?.get_name(handle.as_str())?;
        (entry.kind() == Some(ObjectType::Tree)).then(|| entry.id())
    }

    /// The entries of folder `id`: from `kept` when it has them, else read
    /// from the object store (and kept there when `worth` says so). `None`
    /// when the tree cannot be read.
    fn folder(
        &self,
        id: Oid,
        kept: Option<&mut Folders>,
        worth: impl Fn(&[Listed]) -> bool,
    ) -> Option<Vec<Listed>> {
        if let Some(listing) = kept.as_ref().and_then(|k| k.get(id)) {
            return Some(listing);
        }
        crate::debug_counts::count("folders_read", 1);
        let tree = self.repo.find_tree(id).ok()?;
        let listing = listing(&tree);
        if let Some(kept) = kept.filter(|_| worth(&listing)) {
            kept.put(id, &listing);
        }
        Some(listing)
    }

    /// A person's folder (see [`Snapshot::folder`]), kept only when every
    /// entry is a year folder: what a teammate plants beside them is read
    /// again each time, never copied onto the reader's disk.
    pub(super) fn person_folder(&self, id: Oid, kept: Option<&mut Folders>) -> Option<Vec<Listed>> {
        self.folder(id, kept, |listing| {
            listing
                .iter()
                .all(|e| layout::year_folder(&String::from_utf8_lossy(&e.name), e.kind).is_ok())
        })
    }

    /// A year folder (see [`Snapshot::folder`]), kept only when every entry
    /// is an update file of that year, and the year can hold an update
    /// dated today (at most 366 names of 15 bytes: a teammate's folder of
    /// long names, or of years far ahead, is read again each time).
    pub(super) fn year_folder(
        &self,
        year: i32,
        id: Oid,
        kept: Option<&mut Folders>,
    ) -> Option<Vec<Listed>> {
        let this_year = chrono::Datelike::year(&self.now.date_naive());
        self.folder(id, kept, |listing| {
            year <= this_year + 1
                && listing.iter().all(|e| {
                    layout::update_file(year, &String::from_utf8_lossy(&e.name), e.kind).is_ok()
                })
        })
    }

    /// Year folders of one person, ascending, by id: a caller reads only
    /// the years it needs. Tree entries are sorted by name, and four-digit
    /// years sort like numbers. Anything else, and a year after next, is
    /// skipped with a warning.
    pub(super) fn years(&self, handle: &Handle, person: &[Listed]) -> Vec<(i32, Oid)> {
        let mut years = Vec::new();
        // A year after next cannot hold a file dated within a day of
        // anyone's today, nor one before 2000 a true date: named once,
        // never listed (a teammate can plant thousands of them).
        let last = chrono::Datelike::year(&self.now.date_naive()) + 1;
        let first = chrono::Datelike::year(&crate::model::update::EARLIEST);
        for e in person {
            let name = String::from_utf8_lossy(&e.name);
            match layout::year_folder(&name, e.kind) {
                Ok(year) if year > last => {
                    self.warnings
                        .push(stray_warning(handle, &name, "a year folder ahead of today"))
                }
                Ok(year) if year < first => {
                    self.warnings
                        .push(stray_warning(handle, &name, "a year folder before 2000"))
                }
                Ok(year) => years.push((year, e.id)),
                Err(problem) => self.warnings.push(stray_warning(handle, &name, &problem)),
            }
        }
        years
    }

    /// Update files of one year folder, ascending by date; names that are not
    /// dates, dates of another year or that cannot be true, and entries that
    /// are not regular files are skipped with a warning.
    pub(super) fn dated_files(
        &self,
        handle: &Handle,
        year: i32,
        folder: &[Listed],
    ) -> Vec<(NaiveDate, Listed)> {
        let mut files = Vec::new();
        for entry in folder {
            let name = String::from_utf8_lossy(&entry.name);
            match layout::update_file(year, &name, entry.kind) {
                Ok(date) if self.skip_for_date(handle, date) => {}
                Ok(date) => files.push((date, entry.clone())),
                Err(problem) => self.warnings.push(stray_warning(
                    handle,
                    &format!("{year:04}/{name}"),
                    &problem,
                )),
            }
        }
        files.sort_by_key(|(d, _)| *d);
        files
    }
}

/// The entries of a tree read by libgit2.
pub(super) fn listing(tree: &Tree<'_>) -> Vec<Listed> {
    tree.iter().map(|e| Listed::of(&e)).collect()
}

/// The warning for an entry of a person's folder out of the layout; `rel` is
/// its path below `updates/<handle>/`.
pub(super) fn stray_warning(handle: &Handle, rel: &str, problem: &str) -> String {
    format!(
        "{}/{handle}/{}: {problem}; skipped",
        layout::UPDATES_DIR,
        printable(rel)
    )
}

/// What a tree entry is, for the layout's rules.
pub(in crate::store) fn kind_of(entry: &TreeEntry<'_>) -> EntryKind {
    match entry.kind() {
        Some(ObjectType::Tree) => EntryKind::Folder,
        Some(ObjectType::Blob) if entry.filemode() == 0o120000 => EntryKind::Symlink,
        Some(ObjectType::Blob) => EntryKind::File,
        _ => EntryKind::Submodule,
    }
}
