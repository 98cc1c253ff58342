//! Reading the team repo from tree objects. Every file is someone else's
//! input: entries that break the layout (names that are not handles or
//! dates, a date in another year's folder, symlinks where folders or files
//! should be) are skipped, oversized files are refused before they are
//! loaded, and a file that does not parse or cannot be true (the rules are
//! in `model/`) becomes one warning naming its path. Things that are not
//! files (symlinks, submodules) are never followed.

mod facts;
mod folders;
mod holidays;
mod period;
mod replies;
mod walk;
pub(super) use facts::forget_gone;
pub(super) use walk::kind_of;
use walk::stray_warning;

use super::index::{Entry, Index};
use crate::model::holiday::TeamHolidays;
use crate::model::layout::{self, EntryKind};
use crate::model::{Handle, Member, TeamFile, Update};
use chrono::{DateTime, NaiveDate, Utc};
use git2::{ObjectType, Oid, Repository, Tree, TreeEntry};
use std::cell::RefCell;
use std::collections::HashMap;

/// Problems met while reading, one line each, to be shown on stderr, in
/// the order met. A set beside the list keeps each once at constant cost: a
/// teammate can plant thousands of files that each earn a warning.
#[derive(Debug, Default)]
pub struct Warnings(RefCell<(Vec<String>, std::collections::HashSet<String>)>);

impl Warnings {
    /// Records a warning, once.
    pub fn push(&self, message: String) {
        let mut inner = self.0.borrow_mut();
        let (list, seen) = &mut *inner;
        if seen.insert(message.clone()) {
            list.push(message);
        }
    }

    /// How many warnings are recorded: a mark for [`Warnings::since`].
    pub(super) fn mark(&self) -> usize {
        self.0.borrow().0.len()
    }

    /// Takes back the warnings recorded after `mark`, to be recorded again
    /// later with `push`: a batch of files read ahead keeps each file's
    /// warnings in file order.
    pub(super) fn since(&self, mark: usize) -> Vec<String> {
        let mut inner = self.0.borrow_mut();
        let (list, seen) = &mut *inner;
        let held = list.split_off(mark.min(list.len()));
        for w in &held {
            seen.remove(w);
        }
        held
    }

    /// Takes the warnings recorded so far (a later `push` of one of them
    /// records it again).
    pub fn take(&self) -> Vec<String> {
        let mut inner = self.0.borrow_mut();
        inner.1.clear();
        std::mem::take(&mut inner.0)
    }
}

/// A read view of one commit's tree.
pub struct Snapshot<'r> {
    repo: &'r Repository,
    root: Option<Tree<'r>>,
    index: Option<Index>,
    /// Member files parsed once per snapshot: several callers ask for them.
    members: std::cell::OnceCell<Vec<Member>>,
    /// The team's holidays, read once.
    holidays: std::cell::OnceCell<TeamHolidays>,
    /// The `updates` folder, read once: it has an entry per member, so on a
    /// big team it is tens of kilobytes, above what libgit2 caches, and the
    /// commands that read everyone's history ask for it once per member.
    updates_dir: std::cell::OnceCell<Option<Tree<'r>>>,
    /// Now, to tell a date far ahead from today.
    now: DateTime<Utc>,
    /// Each author's today (now in their zone), worked out once.
    todays: RefCell<HashMap<String, NaiveDate>>,
    /// Texts kept between runs, for commands that read a long record.
    texts: Option<super::texts::TextCache>,
    /// Whether parsed updates may be kept beside the repository
    /// (`read::facts`): never for `--repo`, which reads a repository it
    /// does not own and writes nothing into it.
    keep_facts: bool,
    /// What could not be read.
    pub warnings: Warnings,
}

impl<'r> Snapshot<'r> {
    pub(super) fn new(
        repo: &'r Repository,
        root: Option<Tree<'r>>,
        index: Option<Index>,
        keep_facts: bool,
    ) -> Self {
        Snapshot {
            repo,
            root,
            index,
            members: std::cell::OnceCell::new(),
            holidays: std::cell::OnceCell::new(),
            updates_dir: std::cell::OnceCell::new(),
            now: crate::clock::now(),
            todays: RefCell::new(HashMap::new()),
            texts: None,
            keep_facts,
            warnings: Warnings::default(),
        }
    }

    /// Reads file texts through `cache` (see `store::texts`), keeping in it
    /// what is read from the object store; [`Snapshot::save_texts`] writes it.
    pub fn with_text_cache(mut self, cache: Option<super::texts::TextCache>) -> Self {
        self.texts = cache;
        self
    }

    /// Writes the text cache, if one is used and grew.
    pub fn save_texts(&self) {
        if let Some(cache) = &self.texts {
            cache.save();
        }
    }

    /// The index this snapshot reads through, if the store keeps one.
    pub fn index(&self) -> Option<&Index> {
        self.index.as_ref()
    }

    fn member_entries(&self) -> Vec<Entry> {
        if let Some(index) = &self.index {
            return index.members.clone();
        }
        self.subtree(self.root.as_ref(), layout::MEMBERS_DIR)
            .map(|dir| {
                dir.iter()
                    .map(|e| Entry {
                        name: e.name().unwrap_or("").to_string(),
                        oid: e.id().to_string(),
                        regular: is_regular(&e),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The team file, if present and readable.
    pub fn team_file(&self) -> Option<TeamFile> {
        let root = self.root.as_ref()?;
        let entry = root.get_name(layout::TEAM_FILE)?;
        if !is_regular(&entry) {
            // Never followed; said, since the team's rules are then the
            // defaults and a maintainer would want to know why.
            self.warnings.push(format!(
                "{}: {} where the team file should be; the defaults apply",
                layout::TEAM_FILE,
                kind_of(&entry).named()
            ));
            return None;
        }
        let text = self.read_blob(layout::TEAM_FILE, &entry.id().to_string(), true)?;
        self.ok_or_warn(TeamFile::from_toml(layout::TEAM_FILE, &text))
    }

    /// Every readable member file, sorted by handle.
    pub fn members(&self) -> Vec<Member> {
        self.members.get_or_init(|| self.read_members()).clone()
    }

    fn read_members(&self) -> Vec<Member> {
        let mut members = Vec::new();
        for entry in self.member_entries() {
            let name = entry.name.as_str();
            let Some(stem) = name.strip_suffix(".toml") else {
                continue;
            };
            let path = format!("{}/{}", layout::MEMBERS_DIR, printable(name));
            if !crate::model::handle::is_valid(stem) {
                self.warnings
                    .push(format!("{path}: file name is not a valid handle; skipped"));
                continue;
            }
            if !entry.regular {
                self.warnings.push(format!(
                    "{path}: not a regular file (a symlink or a folder); skipped"
                ));
                continue;
            }
            let Some(text) = self.read_blob(&path, &entry.oid, entry.regular) else {
                continue;
            };
            let Some(mut member) = self.ok_or_warn(Member::from_toml(&path, &text)) else {
                continue;
            };
            member.holidays = self.holidays();
            let mut problems = member.problems();
            if member.handle != stem {
                problems.insert(
                    0,
                    format!(
                        "handle {:?} does not match the file name; using {stem:?}",
                        member.handle
                    ),
                );
                member.handle = stem.to_string();
            }
            if !problems.is_empty() {
                self.warnings
                    .push(format!("{path}: {}", problems.join("; ")));
            }
            members.push(member);
        }
        members
    }

    /// One member's file.
    pub fn member(&self, handle: &Handle) -> Option<Member> {
        self.members()
            .into_iter()
            .find(|m| m.handle == handle.as_str())
    }

    /// Counts one more file read while looking back for `handle`'s latest
    /// readable update; past `limit` files, says so (once) and tells the
    /// search to stop.
    fn looked_back_past(&self, handle: &Handle, looked: &mut usize, limit: usize) -> bool {
        *looked += 1;
        if *looked <= limit {
            return false;
        }
        self.warnings.push(format!(
            "{}/{handle}: none of its {LOOK_BACK} newest files looked at can be shown; older ones are not read",
            layout::UPDATES_DIR
        ));
        true
    }

    /// [`Snapshot::looked_back_past`] the views' bound, [`LOOK_BACK`].
    pub(super) fn looked_back_too_far(&self, handle: &Handle, looked: &mut usize) -> bool {
        self.looked_back_past(handle, looked, LOOK_BACK)
    }

    /// The latest readable update of `handle` dated on or before `until` (any date if `None`),
    /// found among the [`LOOK_BACK`] newest files: what views show.
    pub fn latest_update(&self, handle: &Handle, until: Option<NaiveDate>) -> Option<Update> {
        self.latest_update_within(handle, until, LOOK_BACK)
    }

    /// [`Snapshot::latest_update`] however far back it is: what `write`
    /// carries open blockers over from. A teammate's files planted after
    /// yours must not drop your blockers unseen; the search costs the
    /// writer once, not every reader.
    pub fn previous_update(&self, handle: &Handle, until: Option<NaiveDate>) -> Option<Update> {
        self.latest_update_within(handle, until, usize::MAX)
    }

    fn latest_update_within(
        &self,
        handle: &Handle,
        until: Option<NaiveDate>,
        limit: usize,
    ) -> Option<Update> {
        let mut looked = 0;
        // The index's files already read are not read (nor counted) twice.
        let mut tried = std::collections::HashSet::new();
        if let Some(index) = &self.index {
            let person = index.people.get(handle.as_str())?;
            for (rel, problem) in &person.stray {
                self.warnings.push(stray_warning(handle, rel, problem));
            }
            for (date, oid) in &person.latest {
                if self.skip_for_date(handle, *date) || until.is_some_and(|u| *date > u) {
                    continue;
                }
                looked += 1;
                tried.insert(*date);
                let path = layout::update_path(handle, *date);
                if let Some(update) = self.read_update_blob(handle, *date, &path, oid, true) {
                    return Some(update);
                }
            }
            // Older than what the index keeps: walk the folders below.
        }
        let person = walk::listing(&self.person_dir(handle)?);
        for (year, year_tree) in self.years(handle, &person).into_iter().rev() {
            let Some(year_tree) = self.year_folder(year, year_tree, None) else {
                continue;
            };
            for (date, entry) in self.dated_files(handle, year, &year_tree).into_iter().rev() {
                if until.is_some_and(|u| date > u) || tried.contains(&date) {
                    continue;
                }
                if self.looked_back_past(handle, &mut looked, limit) {
                    return None;
                }
                if let Some(update) = self.read_update(handle, date, &entry) {
                    return Some(update);
                }
            }
        }
        None
    }

    /// The update of `handle` for exactly `date`.
    pub fn update_on(&self, handle: &Handle, date: NaiveDate) -> Option<Update> {
        let person = self.person_dir(handle)?;
        let year = self.subtree(
            Some(&person),
            &format!("{:04}", chrono::Datelike::year(&date)),
        )?;
        let entry = year.get_name(&format!("{}.toml", date.format("%Y-%m-%d")))?;
        self.read_update(handle, date, &folders::Listed::of(&entry))
    }

    /// Every readable update of `handle` dated from `since` on, oldest first.
    pub fn updates_since(&self, handle: &Handle, since: Option<NaiveDate>) -> Vec<Update> {
        self.updates_between(handle, since, None)
    }

    /// [`Snapshot::updates_between`], parsing only the files whose raw text
    /// `keep` accepts (`search` refuses those that cannot hold its words).
    pub fn updates_matching(
        &self,
        handle: &Handle,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        keep: &dyn Fn(&str) -> bool,
    ) -> Vec<Update> {
        crate::store::mapped::lookups(4);
        let Some(person) = self.person_dir(handle) else {
            return Vec::new();
        };
        let person = walk::listing(&person);
        let mut out = Vec::new();
        for (year, year_tree) in self.years(handle, &person) {
            if since.is_some_and(|s| year < chrono::Datelike::year(&s)) {
                continue;
            }
            let Some(year_tree) = self.year_folder(year, year_tree, None) else {
                continue;
            };
            // Listed even past the period: what cannot be true is named.
            for (date, entry) in self.dated_files(handle, year, &year_tree) {
                if since.is_some_and(|s| date < s) || until.is_some_and(|u| date > u) {
                    continue;
                }
                let path = layout::update_path(handle, date);
                let oid = entry.id.to_string();
                let Some(text) = self.read_blob(&path, &oid, entry.is_regular()) else {
                    continue;
                };
                if !keep(&text) {
                    continue;
                }
                if let Some(update) = self.parse_update(handle, date, &path, &text) {
                    out.push(update);
                }
            }
        }
        out
    }

    fn read_update(
        &self,
        handle: &Handle,
        date: NaiveDate,
        entry: &folders::Listed,
    ) -> Option<Update> {
        let path = layout::update_path(handle, date);
        self.read_update_blob(
            handle,
            date,
            &path,
            &entry.id.to_string(),
            entry.is_regular(),
        )
    }

    fn read_update_blob(
        &self,
        handle: &Handle,
        date: NaiveDate,
        path: &str,
        oid: &str,
        regular: bool,
    ) -> Option<Update> {
        let text = self.read_blob(path, oid, regular)?;
        self.parse_update(handle, date, path, &text)
    }

    fn parse_update(
        &self,
        handle: &Handle,
        date: NaiveDate,
        path: &str,
        text: &str,
    ) -> Option<Update> {
        crate::debug_counts::count("update_files_parsed", 1);
        let update = self.ok_or_warn(Update::from_toml(path, text))?;
        self.true_or_warn(handle, date, path, update)
    }

    /// The update, unless it cannot be true where it lies (named in a
    /// warning, then `None`).
    fn true_or_warn(
        &self,
        handle: &Handle,
        date: NaiveDate,
        path: &str,
        update: Update,
    ) -> Option<Update> {
        let problems = update.problems(handle.as_str(), date, self.today_of(handle));
        if !problems.is_empty() {
            self.warnings
                .push(format!("{path}: {}; skipped", problems.join("; ")));
            return None;
        }
        Some(update)
    }

    /// The text of a regular file, or `None` with a warning. Symlinks,
    /// submodules and folders are ignored without a word: they are not files.
    /// The size is checked from the object header before the blob is loaded.
    fn read_blob(&self, path: &str, oid: &str, regular: bool) -> Option<String> {
        self.read_blob_within(path, oid, regular, layout::MAX_FILE_BYTES)
    }

    /// [`Self::read_blob`] with a size cap of its own (`holidays.toml`).
    fn read_blob_within(
        &self,
        path: &str,
        oid: &str,
        regular: bool,
        limit: usize,
    ) -> Option<String> {
        if !regular {
            return None;
        }
        if let Some(text) = self.index.as_ref().and_then(|i| i.texts.get(oid)) {
            return Some(text.clone());
        }
        if let Some(text) = self.texts.as_ref().and_then(|c| c.get(oid)) {
            return Some(text);
        }
        let oid = Oid::from_str(oid).ok()?;
        crate::store::mapped::lookups(2);
        let odb = self.repo.odb().ok()?;
        let Ok((size, kind)) = odb.read_header(oid) else {
            // A partial clone leaves blobs over the limit on the server,
            // and libgit2 does not fetch them: missing means too big.
            if !odb.exists(oid) {
                self.warnings.push(format!(
                    "{path}: over the {limit} byte limit (not downloaded); skipped"
                ));
            }
            return None;
        };
        if kind != ObjectType::Blob {
            return None;
        }
        if size > limit {
            self.warnings.push(format!(
                "{path}: {size} bytes, over the {limit} byte limit; skipped"
            ));
            return None;
        }
        let blob = self.repo.find_blob(oid).ok()?;
        match std::str::from_utf8(blob.content()) {
            Ok(text) if text.contains('\0') => {
                self.warnings
                    .push(format!("{path}: contains a NUL byte; skipped"));
                None
            }
            Ok(text) => {
                if let Some(cache) = &self.texts {
                    cache.add(&oid.to_string(), text);
                }
                Some(text.to_string())
            }
            Err(_) => {
                self.warnings
                    .push(format!("{path}: not valid UTF-8; skipped"));
                None
            }
        }
    }

    fn ok_or_warn<T>(&self, result: crate::Result<T>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.warnings.push(format!("{e}; skipped"));
                None
            }
        }
    }

    fn subtree(&self, parent: Option<&Tree<'r>>, name: &str) -> Option<Tree<'r>> {
        let entry = parent?.get_name(name)?;
        if entry.kind() != Some(ObjectType::Tree) {
            return None;
        }
        self.repo.find_tree(entry.id()).ok()
    }
}

/// The most files a search back for a member's latest readable update
/// reads: a teammate can fill a folder with thousands of files that cannot
/// be shown (someone else's, undated, broken), and each would be read on
/// every `team`. A member whose hundred newest files are all unreadable is
/// shown as having none, with a warning naming the folder.
pub(super) const LOOK_BACK: usize = 100;

/// A name from the repo made safe to put in a message.
fn printable(name: &str) -> String {
    crate::render::sanitize::clean(name)
}

/// A regular file: a blob that is not a symlink (submodules are commits).
fn is_regular(entry: &TreeEntry<'_>) -> bool {
    kind_of(entry) == EntryKind::File
}
