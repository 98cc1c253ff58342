//! Trust anchors: the files that decide what `audit` accepts. The team file
//! (`async-up.toml`: its maintainers and `[signing]` policy) and the allowed
//! signers file it names. They are read from a given tree, the parent of the
//! commit being judged, so that a commit can never vouch for itself.

use super::signing::{self, AllowedSigner};
use crate::model::{layout, Member, TeamFile};
use git2::{Oid, Repository, Tree};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

/// The rules as they stood in one tree.
#[derive(Debug, Default)]
pub struct Anchors {
    /// Whether the tree has a team file at all (a repo not yet seeded has none).
    pub team_file_present: bool,
    /// The parsed team file, when it parses.
    pub team_file: Option<TeamFile>,
    /// Whether every commit must carry its author's SSH signature.
    pub signing_required: bool,
    /// The allowed signers file the team file names (when signing is configured).
    pub signers_path: Option<String>,
    /// The keys in it (empty when signing is not configured, or the file is missing).
    pub signers: Vec<AllowedSigner>,
    /// What was wrong with the anchors themselves, for the report.
    pub problems: Vec<String>,
    /// The blobs these anchors were read from (team file, allowed signers),
    /// to tell whether a merge's tree carries the anchors of one side.
    pub ids: (Option<Oid>, Option<Oid>),
}

impl Anchors {
    /// Reads the anchors in `tree` (none for a missing tree: a root commit's parent).
    pub fn at(repo: &Repository, tree: Option<&Tree<'_>>) -> Anchors {
        let Some(tree) = tree else {
            return Anchors::default();
        };
        let mut anchors = Anchors::default();
        let Some(entry) = tree.get_name(layout::TEAM_FILE) else {
            return anchors;
        };
        anchors.team_file_present = true;
        anchors.ids.0 = Some(entry.id());
        match blob_text(repo, entry.id()) {
            Some(text) => match TeamFile::from_toml(layout::TEAM_FILE, &text) {
                Ok(t) => anchors.team_file = Some(t),
                Err(e) => anchors.problems.push(e.to_string()),
            },
            None => anchors
                .problems
                .push(format!("{}: not readable as text", layout::TEAM_FILE)),
        }
        if let Some(signing) = anchors.team_file.as_ref().and_then(|t| t.signing.as_ref()) {
            anchors.signing_required = signing.required;
            anchors.signers_path = Some(signing.allowed_signers.clone());
            let signers = tree.get_path(Path::new(&signing.allowed_signers)).ok();
            anchors.ids.1 = signers.as_ref().map(|e| e.id());
            let text = signers.and_then(|e| blob_text(repo, e.id()));
            match text {
                Some(text) => {
                    let (signers, problems) = signing::parse_allowed_signers(&text);
                    anchors.signers = signers;
                    anchors.problems.extend(
                        problems
                            .into_iter()
                            .map(|p| format!("{}: {p}", signing.allowed_signers)),
                    );
                }
                None => anchors.problems.push(format!(
                    "{}: the team file requires signing but this allowed signers file is missing or unreadable",
                    signing.allowed_signers
                )),
            }
        }
        let invalid: Vec<String> = anchors
            .maintainers_named()
            .iter()
            .filter(|m| !crate::model::handle::is_valid(m))
            .map(|m| {
                format!(
                    "{}: maintainer {m:?} is not a valid handle and counts for nothing",
                    layout::TEAM_FILE
                )
            })
            .collect();
        anchors.problems.extend(invalid);
        anchors
    }

    /// Whether `path` is one of these anchors. The default allowed signers
    /// file always is, so that nobody can plant keys in it before a team
    /// turns signing on. So is the holidays file: it decides who is missing
    /// for the whole team, which no member may decide for the others.
    pub fn is_anchor(&self, path: &str) -> bool {
        path == layout::TEAM_FILE
            || path == crate::model::holiday::HOLIDAYS_FILE
            || path == DEFAULT_SIGNERS
            || self.signers_path.as_deref() == Some(path)
    }

    fn maintainers_named(&self) -> &[String] {
        self.team_file
            .as_ref()
            .map(|t| t.maintainers.as_slice())
            .unwrap_or_default()
    }

    /// The maintainers' handles that are valid handles (none when the team
    /// file names none or does not parse).
    pub fn maintainers(&self) -> Vec<&str> {
        self.maintainers_named()
            .iter()
            .map(String::as_str)
            .filter(|m| crate::model::handle::is_valid(m))
            .collect()
    }
}

/// The allowed signers file a team file names when it names none.
pub const DEFAULT_SIGNERS: &str = "allowed_signers";

/// Anchors read once per distinct (team file, allowed signers) pair: an
/// audit of thousands of commits parses them a handful of times.
pub struct AnchorCache {
    by_ids: HashMap<(Option<Oid>, Option<Oid>), Rc<Anchors>>,
}

impl AnchorCache {
    /// An empty cache.
    pub fn new() -> Self {
        AnchorCache {
            by_ids: HashMap::new(),
        }
    }

    /// The anchors of `tree`.
    pub fn at(&mut self, repo: &Repository, tree: Option<&Tree<'_>>) -> Rc<Anchors> {
        let team_id = tree.and_then(|t| t.get_name(layout::TEAM_FILE).map(|e| e.id()));
        // The signers file is only known from the team file; key on the
        // default name too, which covers nearly every team.
        let signers_id = tree.and_then(|t| {
            t.get_path(Path::new("allowed_signers"))
                .ok()
                .map(|e| e.id())
        });
        let key = (team_id, signers_id);
        if let Some(a) = self.by_ids.get(&key) {
            if a.signers_path
                .as_deref()
                .is_none_or(|p| p == "allowed_signers")
            {
                return a.clone();
            }
            // A team whose signers file has another name: read it each time.
            return Rc::new(Anchors::at(repo, tree));
        }
        let anchors = Rc::new(Anchors::at(repo, tree));
        self.by_ids.insert(key, anchors.clone());
        anchors
    }
}

impl Default for AnchorCache {
    fn default() -> Self {
        Self::new()
    }
}

/// A member file as it stands in `tree`, when it is a regular file and
/// parses: the same rule readers apply, so a symlink cannot vouch here while
/// readers skip it.
pub fn member_in(repo: &Repository, tree: Option<&Tree<'_>>, handle: &str) -> Option<Member> {
    let tree = tree?;
    crate::store::work::add(|w| w.member_folder_reads += 1);
    let entry = tree
        .get_path(Path::new(&format!("{}/{handle}.toml", layout::MEMBERS_DIR)))
        .ok()?;
    if !matches!(entry.filemode(), 0o100644 | 0o100755) {
        return None;
    }
    crate::store::work::add(|w| w.member_parses += 1);
    Member::from_toml("member", &blob_text(repo, entry.id())?).ok()
}

/// Member files as [`member_in`] reads them, each `members/` folder read
/// once and each member file parsed once: judging thousands of commits
/// otherwise read the whole folder (one entry per member) at every commit.
pub struct MemberFiles<'r> {
    repo: &'r Repository,
    folders: RefCell<HashMap<Oid, Tree<'r>>>,
    parsed: RefCell<Parsed>,
}

/// Member files parsed, by blob and mode (`None`: not a member file).
type Parsed = HashMap<(Oid, i32), Option<Rc<Member>>>;

/// How many `members/` folders to keep read: a range of commits mostly
/// sees one, and a few at a time where members join.
const FOLDERS_KEPT: usize = 16;

impl<'r> MemberFiles<'r> {
    /// An empty cache over `repo`.
    pub fn new(repo: &'r Repository) -> Self {
        MemberFiles {
            repo,
            folders: RefCell::new(HashMap::new()),
            parsed: RefCell::new(HashMap::new()),
        }
    }

    /// The member file of `handle` in `tree`, as [`member_in`] reads it.
    pub fn get(&self, tree: Option<&Tree<'_>>, handle: &str) -> Option<Rc<Member>> {
        let tree = tree?;
        if handle.contains(['/', '\0']) {
            // A path below a folder of members/: not a member file readers
            // see, but judged as `member_in` always did.
            return member_in(self.repo, Some(tree), handle).map(Rc::new);
        }
        let folder = tree.get_name(layout::MEMBERS_DIR)?;
        if folder.kind() != Some(git2::ObjectType::Tree) {
            return None;
        }
        let (id, mode) = {
            let mut folders = self.folders.borrow_mut();
            if !folders.contains_key(&folder.id()) {
                crate::store::work::add(|w| w.member_folder_reads += 1);
                let read = self.repo.find_tree(folder.id()).ok()?;
                if folders.len() >= FOLDERS_KEPT {
                    folders.clear();
                }
                folders.insert(folder.id(), read);
            }
            let entry = folders[&folder.id()].get_name(&format!("{handle}.toml"))?;
            (entry.id(), entry.filemode())
        };
        if !matches!(mode, 0o100644 | 0o100755) {
            return None;
        }
        if let Some(known) = self.parsed.borrow().get(&(id, mode)) {
            return known.clone();
        }
        crate::store::work::add(|w| w.member_parses += 1);
        let member = blob_text(self.repo, id)
            .and_then(|text| Member::from_toml("member", &text).ok())
            .map(Rc::new);
        self.parsed.borrow_mut().insert((id, mode), member.clone());
        member
    }
}

fn blob_text(repo: &Repository, id: Oid) -> Option<String> {
    let blob = repo.find_blob(id).ok()?;
    if blob.size() > layout::MAX_FILE_BYTES {
        return None;
    }
    String::from_utf8(blob.content().to_vec()).ok()
}
