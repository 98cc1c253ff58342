//! When the remote's history is rewritten (a force-push, a rewind, a squash)
//! the commits it dropped must not vanish without a word, and must not be
//! pushed back behind anyone's back either: an admin may have removed them on
//! purpose. So the mirror's previous tip is kept under a backup ref, your own
//! updates the new history lacks are named, and putting them back is a
//! separate, explicit step (`async-up restore`) that commits them anew on top
//! of the new history.

use super::Store;
use crate::error::Result;
use crate::model::{layout, Handle, Update};
use chrono::NaiveDate;
use git2::{ObjectType, Oid};
use std::collections::BTreeMap;
use std::path::Path;

/// Where previous tips are kept, one ref per rewrite seen.
pub const BACKUP_PREFIX: &str = "refs/async-up/backup/";

/// One of your updates that a backup holds and the current tip lacks.
#[derive(Debug, Clone)]
pub struct LostUpdate {
    /// Its date.
    pub date: NaiveDate,
    /// Its path in the team repo.
    pub path: String,
    /// The file as the backup holds it.
    pub content: Vec<u8>,
    /// The backup ref it comes from.
    pub backup: String,
}

impl Store {
    /// Whether the remote no longer has the commit the local branch was last
    /// built on: its history was rewritten since.
    pub(crate) fn rewritten(&self, remote_tip: Oid) -> Result<bool> {
        Ok(match self.base() {
            Some(base) if base != remote_tip => !self.repo.graph_descendant_of(remote_tip, base)?,
            _ => false,
        })
    }

    /// Keeps `old_tip` under a new backup ref and tells the user what the
    /// new history lacks of theirs. Called once the local branch is rebuilt.
    pub(crate) fn report_rewrite(&self, old_tip: Oid) -> Result<()> {
        let stamp = crate::clock::now().format("%Y%m%dT%H%M%SZ").to_string();
        let mut name = format!("{BACKUP_PREFIX}{stamp}");
        let mut n = 1;
        while self.repo.find_reference(&name).is_ok() {
            name = format!("{BACKUP_PREFIX}{stamp}-{n}");
            n += 1;
        }
        self.repo.reference(
            &name,
            old_tip,
            false,
            "async-up: the remote's history was rewritten",
        )?;
        let head = "the team's history was rewritten on the remote (a force-push or a rewind)";
        let kept = format!("the previous history is kept in your mirror as {name}");
        let text = match &self.owner {
            None => {
                format!("{head}; {kept}. `async-up restore --list` names your updates it lacks.")
            }
            Some(me) => {
                let lost = self.lost_in(&name, me)?;
                if lost.is_empty() {
                    format!("{head}; none of your updates were lost ({kept}).")
                } else {
                    format!(
                        "{head}: it no longer has your update(s) for {}. {}; `async-up restore` puts them back as a new commit (`async-up restore --list` names them). Nothing is put back unless you ask: the rewrite may have been on purpose.",
                        dates(lost.keys()),
                        capitalised(&kept)
                    )
                }
            }
        };
        crate::render::warn(&text);
        Ok(())
    }

    /// Your updates that some backup holds and the current tip lacks, by
    /// date, each from the newest backup that has it.
    pub fn lost_updates(&self, me: &Handle) -> Result<Vec<LostUpdate>> {
        let mut names: Vec<String> = self
            .repo
            .references_glob(&format!("{BACKUP_PREFIX}*"))?
            .filter_map(|r| r.ok()?.name().map(str::to_string))
            .collect();
        names.sort();
        let mut found = BTreeMap::new();
        for name in names.iter().rev() {
            for (date, lost) in self.lost_in(name, me)? {
                found.entry(date).or_insert(lost);
            }
        }
        Ok(found.into_values().collect())
    }

    /// Your updates in the backup `name` that the current tip has no file
    /// for. A day the new history has in another version is its business:
    /// only days missing altogether are lost. Files that do not read as your
    /// update for their date are left out.
    fn lost_in(&self, name: &str, me: &Handle) -> Result<BTreeMap<NaiveDate, LostUpdate>> {
        let mut found = BTreeMap::new();
        let Ok(backup) = self.repo.find_reference(name)?.peel_to_commit() else {
            return Ok(found);
        };
        let current = match self.tip() {
            Some(tip) => Some(self.repo.find_commit(tip)?.tree()?),
            None => None,
        };
        let folder = format!("{}/{}", layout::UPDATES_DIR, me);
        let Ok(entry) = backup.tree()?.get_path(Path::new(&folder)) else {
            return Ok(found);
        };
        let Ok(person) = self.repo.find_tree(entry.id()) else {
            return Ok(found);
        };
        for year in person.iter() {
            let Ok(year) = self.repo.find_tree(year.id()) else {
                continue;
            };
            for file in year.iter() {
                if file.kind() != Some(ObjectType::Blob) {
                    continue;
                }
                let Some(date) = file.name().and_then(layout::date_from_file_name) else {
                    continue;
                };
                let path = layout::update_path(me, date);
                if current
                    .as_ref()
                    .is_some_and(|t| super::sync::blob_at(t, &path).is_some())
                {
                    continue;
                }
                let Ok(blob) = self.repo.find_blob(file.id()) else {
                    continue;
                };
                if blob.size() > layout::MAX_FILE_BYTES {
                    continue;
                }
                let content = blob.content().to_vec();
                let Some(update) = std::str::from_utf8(&content)
                    .ok()
                    .and_then(|t| Update::from_toml(&path, t).ok())
                else {
                    continue;
                };
                if update.author != me.as_str() || update.date != date {
                    continue;
                }
                found.insert(
                    date,
                    LostUpdate {
                        date,
                        path,
                        content,
                        backup: name.to_string(),
                    },
                );
            }
        }
        Ok(found)
    }
}

/// `2026-11-23, 2026-11-24`.
pub fn dates<'a>(dates: impl Iterator<Item = &'a NaiveDate>) -> String {
    dates.map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
