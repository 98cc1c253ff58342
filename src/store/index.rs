//! An index of what the reading commands need, kept beside the mirror so
//! their cost grows with the number of members, not with history: each
//! person's two latest update files and each member file as blob ids, and
//! the committer of recently shown update files. It is keyed by the tip it
//! describes and brought up to date from tree diffs when the tip moves,
//! reading only the subtrees whose ids changed. It is a cache: deleting it is
//! always safe, and a damaged one is rebuilt.

use super::Store;
use crate::error::Result;
use crate::model::{handle, layout};
use chrono::NaiveDate;
use git2::{ObjectType, Oid, Repository, Tree};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

const INDEX_FILE: &str = "async-up-index.json";
const FORMAT: u32 = 3;
/// How many of each person's latest files to keep: the latest, and the one
/// before it for when the latest is dated after a reader's today.
const LATEST_KEPT: usize = 2;

/// One entry of a folder, as the index keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// File name.
    pub name: String,
    /// Blob id.
    pub oid: String,
    /// A regular file (not a symlink, folder or submodule).
    pub regular: bool,
}

/// What the index keeps of one person's folder.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Person {
    /// The latest dated regular files, newest first.
    pub latest: Vec<(NaiveDate, String)>,
    /// Entries of the folders looked at that break the layout: their path
    /// below the person's folder and what is wrong (`model::layout`).
    pub stray: Vec<(String, String)>,
}

/// Who last changed an update file, and whether that change broke the
/// team's rules. A commit's verdict never changes (it is judged by the
/// anchors of its parent), so it is kept until the file changes again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mark {
    /// The commit that last changed the file.
    pub commit: String,
    /// Its committer's email.
    pub committer: String,
    /// Why that change breaks the rules, if it does.
    pub violation: Option<String>,
    /// Whether it was made by someone other than the file's owner.
    pub foreign: bool,
}

/// The index of one tip.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Index {
    version: u32,
    /// The commit this index describes.
    pub tip: String,
    /// The entries of `members/`.
    pub members: Vec<Entry>,
    /// Per handle, its latest dated update files.
    pub people: BTreeMap<String, Person>,
    /// The verdict on the last commit to an update file, by path.
    #[serde(default)]
    pub marks: HashMap<String, Mark>,
    /// Update files whose last change lies further back than history is
    /// walked (`store::history`): not looked for again, on every read,
    /// until a commit changes them.
    #[serde(default)]
    pub beyond: std::collections::HashSet<String>,
    /// The text of every file listed above that is small, valid UTF-8 and
    /// free of NUL bytes, by blob id, so an unchanged tip is read without
    /// touching the object store. Files that fail those checks are not kept
    /// and are read (and warned about) from the object store.
    #[serde(default)]
    pub texts: HashMap<String, String>,
}

impl Store {
    /// The index for the current tip: loaded, updated from the tip it has, or
    /// built. `None` for `--repo` stores and empty repos.
    pub fn index(&self) -> Option<Index> {
        if self.external {
            return None;
        }
        let tip = self.tip()?;
        let path = self.path.join(INDEX_FILE);
        let old: Option<Index> = crate::fsutil::read_cache(&path)
            .and_then(|b| serde_json::from_slice(&b).ok())
            .filter(|i: &Index| i.version == FORMAT);
        if let Some(i) = &old {
            if i.tip == tip.to_string() {
                return old;
            }
        }
        let fresh = match old {
            Some(old) => update(&self.repo, old, tip),
            None => build(&self.repo, tip),
        }
        .ok()?;
        self.save_index(&fresh);
        Some(fresh)
    }

    /// Saves the index; failing to is not an error, the next run rebuilds it.
    pub fn save_index(&self, index: &Index) {
        if let Ok(bytes) = serde_json::to_vec(index) {
            let _ = crate::fsutil::write_cache(&self.path.join(INDEX_FILE), &bytes);
        }
    }
}

fn subtree<'r>(repo: &'r Repository, tree: &Tree<'_>, name: &str) -> Option<Tree<'r>> {
    let entry = tree.get_name(name)?;
    (entry.kind() == Some(ObjectType::Tree))
        .then(|| repo.find_tree(entry.id()).ok())
        .flatten()
}

fn members_of(repo: &Repository, root: &Tree<'_>) -> Vec<Entry> {
    subtree(repo, root, layout::MEMBERS_DIR)
        .map(|dir| {
            dir.iter()
                .map(|e| Entry {
                    name: e.name().unwrap_or("").to_string(),
                    oid: e.id().to_string(),
                    regular: e.kind() == Some(ObjectType::Blob) && e.filemode() != 0o120000,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A person's latest dated regular files, newest first, by the same layout
/// rules the snapshot reads with.
fn latest_of(repo: &Repository, person: &Tree<'_>) -> Person {
    let mut out = Person::default();
    let mut years: Vec<(i32, Oid)> = Vec::new();
    for e in person.iter() {
        let name = String::from_utf8_lossy(e.name_bytes());
        match layout::year_folder(&name, super::read::kind_of(&e)) {
            // As the snapshot reads: no file before 2000 can be true, and
            // such a folder is named, never listed.
            Ok(year) if year < chrono::Datelike::year(&crate::model::update::EARLIEST) => out
                .stray
                .push((name.to_string(), "a year folder before 2000".to_string())),
            Ok(year) => years.push((year, e.id())),
            Err(problem) => out.stray.push((name.to_string(), problem)),
        }
    }
    years.sort();
    for (year, id) in years.into_iter().rev() {
        let Ok(tree) = repo.find_tree(id) else {
            continue;
        };
        let mut files: Vec<(NaiveDate, String)> = Vec::new();
        for e in tree.iter() {
            let name = String::from_utf8_lossy(e.name_bytes());
            match layout::update_file(year, &name, super::read::kind_of(&e)) {
                Ok(date) => files.push((date, e.id().to_string())),
                Err(problem) => out.stray.push((format!("{year:04}/{name}"), problem)),
            }
        }
        files.sort();
        for f in files.into_iter().rev() {
            out.latest.push(f);
            if out.latest.len() == LATEST_KEPT {
                return out;
            }
        }
    }
    out
}

fn build(repo: &Repository, tip: Oid) -> Result<Index> {
    let root = repo.find_commit(tip)?.tree()?;
    let mut people = BTreeMap::new();
    if let Some(updates) = subtree(repo, &root, layout::UPDATES_DIR) {
        for e in updates.iter() {
            let Some(name) = e.name().filter(|n| handle::is_valid(n)) else {
                continue;
            };
            if e.kind() != Some(ObjectType::Tree) {
                continue;
            }
            crate::store::mapped::lookups(4);
            let person = repo.find_tree(e.id())?;
            people.insert(name.to_string(), latest_of(repo, &person));
        }
    }
    let mut index = Index {
        version: FORMAT,
        tip: tip.to_string(),
        members: members_of(repo, &root),
        people,
        marks: HashMap::new(),
        beyond: Default::default(),
        texts: HashMap::new(),
    };
    super::read::forget_gone(repo.path(), |h| index.people.contains_key(h));
    fill_texts(repo, &mut index);
    Ok(index)
}

/// Keeps the texts of the files the index lists: those already known are
/// reused, new ones are read once; texts no longer listed are dropped.
///
/// Files dated too far ahead for any reader to take (more than a day after
/// today in the zone furthest ahead) keep their entry, which costs a name,
/// but not their text: they are skipped by date without being read, and a
/// teammate could plant thousands of 64 KiB ones. Their text is read from
/// the object store if time catches up with them before the tip moves.
fn fill_texts(repo: &Repository, index: &mut Index) {
    let last_read = future_cutoff(crate::clock::now().date_naive());
    let wanted: Vec<String> = index
        .members
        .iter()
        .filter(|e| e.regular)
        .map(|e| e.oid.clone())
        .chain(index.people.values().flat_map(|p| {
            p.latest
                .iter()
                .filter(|(date, _)| *date <= last_read)
                .map(|(_, oid)| oid.clone())
        }))
        .collect();
    let mut texts = HashMap::with_capacity(wanted.len());
    let odb = repo.odb().ok();
    for oid in wanted {
        if let Some(text) = index.texts.remove(&oid) {
            texts.insert(oid, text);
            continue;
        }
        let Ok(id) = Oid::from_str(&oid) else {
            continue;
        };
        crate::store::mapped::lookups(2);
        let small = odb
            .as_ref()
            .and_then(|o| o.read_header(id).ok())
            .is_some_and(|(size, kind)| kind == ObjectType::Blob && size <= layout::MAX_FILE_BYTES);
        if !small {
            continue;
        }
        if let Ok(blob) = repo.find_blob(id) {
            if let Ok(text) = std::str::from_utf8(blob.content()) {
                if !text.contains('\0') {
                    texts.insert(oid, text.to_string());
                }
            }
        }
    }
    index.texts = texts;
}

/// The last date a reader anywhere may take as an update: a day after
/// today, in a zone up to 14 hours ahead of UTC.
fn future_cutoff(utc_today: NaiveDate) -> NaiveDate {
    utc_today
        .checked_add_days(chrono::Days::new(2))
        .unwrap_or(utc_today)
}

/// Brings `old` to `tip`, reading only the folders whose ids changed, and
/// forgets the marks of the files the commits in between changed.
fn update(repo: &Repository, mut old: Index, tip: Oid) -> Result<Index> {
    let Ok(old_tip) = Oid::from_str(&old.tip) else {
        return build(repo, tip);
    };
    let (Ok(old_commit), Ok(new_commit)) = (repo.find_commit(old_tip), repo.find_commit(tip))
    else {
        return build(repo, tip);
    };
    let (old_root, new_root) = (old_commit.tree()?, new_commit.tree()?);
    let id = |t: &Tree<'_>, n: &str| t.get_name(n).map(|e| e.id());
    if id(&old_root, layout::MEMBERS_DIR) != id(&new_root, layout::MEMBERS_DIR) {
        old.members = members_of(repo, &new_root);
    }
    if id(&old_root, layout::UPDATES_DIR) != id(&new_root, layout::UPDATES_DIR) {
        let before: HashMap<String, Oid> = subtree(repo, &old_root, layout::UPDATES_DIR)
            .map(|t| {
                t.iter()
                    .filter_map(|e| Some((e.name()?.to_string(), e.id())))
                    .collect()
            })
            .unwrap_or_default();
        let now = subtree(repo, &new_root, layout::UPDATES_DIR);
        let mut people = BTreeMap::new();
        for e in now.iter().flat_map(|t| t.iter()) {
            let Some(name) = e.name().filter(|n| handle::is_valid(n)) else {
                continue;
            };
            if e.kind() != Some(ObjectType::Tree) {
                continue;
            }
            let unchanged = before.get(name) == Some(&e.id());
            let latest = match old.people.remove(name) {
                Some(l) if unchanged => l,
                _ => latest_of(repo, &repo.find_tree(e.id())?),
            };
            people.insert(name.to_string(), latest);
        }
        old.people = people;
        super::read::forget_gone(repo.path(), |h| old.people.contains_key(h));
    }
    // A file changed by a new commit has a new last change: forget its
    // mark, and find it again when it is shown. A merge (async-up makes
    // none) forgets every mark: its first parent can bring in a change
    // made before the old tip and never on the branch (a forgery merged
    // "ours" first, then taken), which no first-parent diff of the new
    // commits shows.
    if repo.graph_descendant_of(tip, old_tip).unwrap_or(false) {
        let mut walk = repo.revwalk()?;
        walk.push(tip)?;
        walk.hide(old_tip)?;
        for oid in walk {
            let commit = repo.find_commit(oid?)?;
            if commit.parent_count() > 1 {
                old.marks.clear();
                old.beyond.clear();
                break;
            }
            let parent = commit.parent(0).ok().map(|p| p.tree()).transpose()?;
            for change in super::tree_changes(repo, parent.as_ref(), Some(&commit.tree()?)) {
                old.marks.remove(&change.path);
                old.beyond.remove(&change.path);
            }
        }
    } else {
        old.marks.clear();
        old.beyond.clear();
    }
    old.tip = tip.to_string();
    fill_texts(repo, &mut old);
    Ok(old)
}
