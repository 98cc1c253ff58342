//! Reading `replies/`: every person's reply files, by the same layout rules
//! and with the same care as updates (size cap before loading, warnings that
//! name the file, entries out of place skipped, files dated ahead named once
//! and never read). A reply lives in its writer's folder, so the folder
//! names who wrote it.

use super::{is_regular, printable, walk::kind_of, Snapshot};
use crate::model::layout;
use crate::model::reply::{FoundReply, ReplyFile, REPLIES_DIR};
use crate::model::update::date_problem;
use crate::model::Handle;
use chrono::NaiveDate;

impl<'r> Snapshot<'r> {
    /// The reply file of `handle` for `date`, if it exists and reads.
    pub fn reply_file(&self, handle: &Handle, date: NaiveDate) -> Option<ReplyFile> {
        let path = crate::model::reply::reply_path(handle, date);
        let entry = self
            .root
            .as_ref()?
            .get_path(std::path::Path::new(&path))
            .ok()?;
        let text = self.read_blob(&path, &entry.id().to_string(), is_regular(&entry))?;
        self.ok_or_warn(ReplyFile::from_toml(&path, &text))
    }

    /// The blob id of `handle`'s update file for `date`, which changes
    /// whenever the file does: from the index when it lists the file (a
    /// member's latest), else from the tree.
    pub fn update_blob_id(&self, handle: &Handle, date: NaiveDate) -> Option<String> {
        let listed = self.index.as_ref().and_then(|i| {
            let person = i.people.get(handle.as_str())?;
            person.latest.iter().find(|(d, _)| *d == date)
        });
        if let Some((_, oid)) = listed {
            return Some(oid.clone());
        }
        let path = layout::update_path(handle, date);
        let entry = self
            .root
            .as_ref()?
            .get_path(std::path::Path::new(&path))
            .ok()?;
        is_regular(&entry).then(|| entry.id().to_string())
    }

    /// Every readable reply in files dated from `since` on (all if `None`),
    /// oldest file first. A reply is written on or after the day it answers,
    /// in its writer's zone, so replies to updates dated `d` or later are in
    /// files dated from `d` minus two days on.
    pub fn replies(&self, since: Option<NaiveDate>) -> Vec<FoundReply> {
        self.replies_between(since, None, &|_| true)
    }

    /// Every readable reply in files dated in `since..=until` whose raw text
    /// `keep` accepts, in the order of [`Snapshot::replies`]. Files are
    /// chosen by the date their path names before any is read, and `keep`
    /// sees the text before it is parsed, so a file it refuses costs a read
    /// and no parse. As with updates, a file dated further ahead than the
    /// writer's today allows is named in a warning and never read.
    pub fn replies_between(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        keep: &dyn Fn(&str) -> bool,
    ) -> Vec<FoundReply> {
        let mut out = Vec::new();
        let Some(dir) = self.subtree(self.root.as_ref(), REPLIES_DIR) else {
            return out;
        };
        for person in dir.iter() {
            let name = String::from_utf8_lossy(person.name_bytes()).to_string();
            let stray = |rel: &str, problem: &str| {
                self.warnings.push(format!(
                    "{REPLIES_DIR}/{}: {problem}; skipped",
                    printable(rel)
                ));
            };
            if let Some(problem) = layout::person_folder_problem(&name, kind_of(&person)) {
                stray(&name, &problem);
                continue;
            }
            let Ok(author) = Handle::parse(&name) else {
                continue;
            };
            crate::store::mapped::lookups(1);
            let Ok(person_tree) = self.repo.find_tree(person.id()) else {
                continue;
            };
            for year_entry in person_tree.iter() {
                let year_name = String::from_utf8_lossy(year_entry.name_bytes()).to_string();
                let year = match layout::year_folder(&year_name, kind_of(&year_entry)) {
                    Ok(year) => year,
                    Err(problem) => {
                        stray(&format!("{name}/{year_name}"), &problem);
                        continue;
                    }
                };
                if since.is_some_and(|s| year < chrono::Datelike::year(&s)) {
                    continue;
                }
                crate::store::mapped::lookups(1);
                let Ok(year_tree) = self.repo.find_tree(year_entry.id()) else {
                    continue;
                };
                for file in year_tree.iter() {
                    let file_name = String::from_utf8_lossy(file.name_bytes()).to_string();
                    let rel = format!("{name}/{year_name}/{file_name}");
                    let date = match layout::update_file(year, &file_name, kind_of(&file)) {
                        Ok(date) => date,
                        Err(problem) => {
                            stray(&rel, &problem.replace("an update file", "a reply file"));
                            continue;
                        }
                    };
                    let path = format!("{REPLIES_DIR}/{}", printable(&rel));
                    // Named even past the period, like updates.
                    if let Some(problem) = date_problem("date", date, self.today_of(&author)) {
                        self.warnings.push(format!("{path}: {problem}; skipped"));
                        continue;
                    }
                    if since.is_some_and(|s| date < s) || until.is_some_and(|u| date > u) {
                        continue;
                    }
                    let blob = file.id().to_string();
                    let Some(text) = self.read_blob(&path, &blob, is_regular(&file)) else {
                        continue;
                    };
                    if !keep(&text) {
                        continue;
                    }
                    crate::debug_counts::count("reply_files_parsed", 1);
                    let Some(parsed) = self.ok_or_warn(ReplyFile::from_toml(&path, &text)) else {
                        continue;
                    };
                    out.extend(parsed.replies.into_iter().map(|reply| FoundReply {
                        author: author.to_string(),
                        file_date: date,
                        blob: blob.clone(),
                        reply,
                    }));
                }
            }
        }
        // Stable: entries of one file keep their order.
        out.sort_by(|a, b| {
            (a.reply.written_at, a.file_date, &a.author).cmp(&(
                b.reply.written_at,
                b.file_date,
                &b.author,
            ))
        });
        out
    }
}
