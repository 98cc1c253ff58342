//! What changed between two trees, reading only the subtrees whose ids
//! differ. libgit2's tree-to-tree diff walked every entry of both trees
//! (about a billion instructions for one commit in a repo of 140k files);
//! this costs the depth of what changed, and each folder on the way costs
//! its number of entries, never their square: a well-formed folder is
//! sorted, so two of them are paired in one merge pass; any other (a
//! hand-made tree out of order, or with a name twice) is paired by a hash
//! of its names, with the same result.

use git2::{ObjectType, Oid, Repository, Tree, TreeEntry};
use std::cmp::Ordering;
use std::collections::HashMap;

/// One changed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Its path.
    pub path: String,
    /// The blob before, if it existed (and was a file).
    pub old: Option<Oid>,
    /// The blob after, if it exists (and is a file).
    pub new: Option<Oid>,
    /// The file mode after (a symlink has the same blob as a file could).
    pub new_mode: Option<i32>,
}

/// The files that differ between `old` and `new` (either may be absent). A
/// file differs when its blob or its mode does. A name that stands twice in
/// a folder of `new` is reported as changed whenever that folder changed:
/// readers and this diff could otherwise see different entries.
pub fn changes(repo: &Repository, old: Option<&Tree<'_>>, new: Option<&Tree<'_>>) -> Vec<Change> {
    changes_kept(&mut Trees::new(repo), old, new)
}

/// [`changes`], keeping the folders it reads in `trees` for the next diff:
/// a commit's tree is its child's parent tree, and a folder of thousands of
/// entries is above the size libgit2 keeps, so it would be read again.
pub fn changes_kept(
    trees: &mut Trees<'_>,
    old: Option<&Tree<'_>>,
    new: Option<&Tree<'_>>,
) -> Vec<Change> {
    let mut out = Vec::new();
    walk(trees, old, new, "", &mut out);
    out
}

/// Trees read by recent diffs, by id: those used in the current round or
/// the one before are kept, older ones are dropped by [`Trees::next_round`].
pub struct Trees<'r> {
    repo: &'r Repository,
    kept: HashMap<Oid, (Tree<'r>, u64)>,
    round: u64,
}

impl<'r> Trees<'r> {
    /// None kept yet.
    pub fn new(repo: &'r Repository) -> Self {
        Trees {
            repo,
            kept: HashMap::new(),
            round: 0,
        }
    }

    /// The repository the trees are read from.
    pub fn repo(&self) -> &'r Repository {
        self.repo
    }

    /// Tree `id`, read unless kept.
    pub fn get(&mut self, id: Oid) -> Option<Tree<'r>> {
        let round = self.round;
        if let Some((tree, used)) = self.kept.get_mut(&id) {
            *used = round;
            return Some(tree.clone());
        }
        crate::store::mapped::lookups(1);
        let tree = self.repo.find_tree(id).ok()?;
        self.kept.insert(id, (tree.clone(), round));
        Some(tree)
    }

    /// Starts a new round (one commit), dropping the trees the last two
    /// rounds did not use.
    pub fn next_round(&mut self) {
        let round = self.round;
        self.kept.retain(|_, (_, used)| *used + 1 >= round);
        self.round += 1;
    }
}

/// The names of the entries of one folder that differ between two versions
/// of it (id or mode), reading one level only. `None` when either version
/// is not well formed (out of git's order, a name twice): a lookup by name
/// in such a folder may find any entry, so anything may have changed.
pub(crate) fn changed_names(old: Option<&Tree<'_>>, new: Option<&Tree<'_>>) -> Option<Vec<String>> {
    let (a, b) = (entries(old), entries(new));
    merged(&a, &b).map(|d| d.into_iter().map(|d| d.0).collect())
}

/// The entries of a folder (none for no folder), counted as read.
fn entries<'t>(tree: Option<&'t Tree<'_>>) -> Vec<TreeEntry<'t>> {
    let v: Vec<TreeEntry<'t>> = tree.map(|t| t.iter().collect()).unwrap_or_default();
    super::work::add(|w| w.tree_entries += v.len() as u64);
    v
}

/// One entry of a tree: id, kind and mode.
type Item = (Oid, Option<ObjectType>, i32);
/// A name whose entries differ, with its entry on each side.
type Differ = (String, Option<Item>, Option<Item>);

fn item(e: &TreeEntry<'_>) -> Item {
    (e.id(), e.kind(), e.filemode())
}

fn walk(
    trees: &mut Trees<'_>,
    old: Option<&Tree<'_>>,
    new: Option<&Tree<'_>>,
    prefix: &str,
    out: &mut Vec<Change>,
) {
    let (twice, differ) = pairs(old, new);
    for (name, (id, _, mode)) in twice {
        out.push(Change {
            path: format!("{prefix}{name}"),
            old: None,
            new: Some(id),
            new_mode: Some(mode),
        });
    }
    for (name, before, after) in differ {
        let path = format!("{prefix}{name}");
        let is_tree = |e: Option<Item>| e.is_some_and(|e| e.1 == Some(ObjectType::Tree));
        let mut tree_of = |e: Option<Item>| {
            e.filter(|e| e.1 == Some(ObjectType::Tree))
                .and_then(|e| trees.get(e.0))
        };
        if is_tree(before) || is_tree(after) {
            let (t_old, t_new) = (tree_of(before), tree_of(after));
            walk(
                trees,
                t_old.as_ref(),
                t_new.as_ref(),
                &format!("{path}/"),
                out,
            );
        }
        let blob = |e: Option<Item>| e.filter(|e| e.1 != Some(ObjectType::Tree)).map(|e| e.0);
        let (old_blob, new_blob) = (blob(before), blob(after));
        if old_blob.is_some() || new_blob.is_some() {
            out.push(Change {
                path,
                old: old_blob,
                new: new_blob,
                new_mode: after.filter(|e| e.1 != Some(ObjectType::Tree)).map(|e| e.2),
            });
        }
    }
}

/// The entries of `new` whose name it already had (reported as changed
/// whenever the folder changed), and the names whose first entries differ
/// in id or mode between the two folders, sorted by name.
fn pairs(old: Option<&Tree<'_>>, new: Option<&Tree<'_>>) -> (Vec<(String, Item)>, Vec<Differ>) {
    let (a, b) = (entries(old), entries(new));
    match merged(&a, &b) {
        Some(differ) => (Vec::new(), differ),
        None => hashed(&a, &b),
    }
}

/// What orders an entry in its folder: its name, and whether it is a folder.
type Key<'e> = (&'e [u8], bool);

/// Git's order of tree entries: by name, a folder's name as if it ended
/// in `/`.
fn git_order(a: Key<'_>, b: Key<'_>) -> Ordering {
    let n = a.0.len().min(b.0.len());
    a.0[..n].cmp(&b.0[..n]).then_with(|| {
        let end = |(name, folder): Key<'_>| match name.get(n) {
            Some(&c) => c,
            None if folder => b'/',
            None => 0,
        };
        end(a).cmp(&end(b))
    })
}

/// How far past a file to look for a folder of the same name before giving
/// the folder to the hash pairing: the entries between the two would all
/// have to start with the file's name and a byte before `/`.
const TWIN_LOOKAHEAD: usize = 8;

/// The keys of a folder that can be paired by merging: strictly in git's
/// order, UTF-8 names, and no name twice (a file and a folder of one name
/// are apart in that order, with only names extending it between them).
/// `None` for any other folder.
fn well_formed<'e>(entries: &'e [TreeEntry<'_>]) -> Option<Vec<Key<'e>>> {
    let keys: Vec<Key<'e>> = entries
        .iter()
        .map(|e| (e.name_bytes(), e.kind() == Some(ObjectType::Tree)))
        .collect();
    for (k, &(name, folder)) in keys.iter().enumerate() {
        std::str::from_utf8(name).ok()?;
        if k > 0 && git_order(keys[k - 1], (name, folder)) != Ordering::Less {
            return None;
        }
        if folder {
            continue;
        }
        for (steps, &(other, _)) in keys[k + 1..].iter().enumerate() {
            super::work::add(|w| w.tree_entries += 1);
            let extends =
                other.starts_with(name) && other.get(name.len()).is_none_or(|&c| c < b'/');
            if !extends {
                break;
            }
            if other == name || steps + 1 >= TWIN_LOOKAHEAD {
                return None;
            }
        }
    }
    Some(keys)
}

/// The differing names of two well-formed folders in one merge pass; `None`
/// when either is not well formed.
fn merged(a: &[TreeEntry<'_>], b: &[TreeEntry<'_>]) -> Option<Vec<Differ>> {
    let (ka, kb) = (well_formed(a)?, well_formed(b)?);
    let name = |k: Key<'_>| String::from_utf8_lossy(k.0).into_owned();
    let mut out: Vec<Differ> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        super::work::add(|w| w.tree_entries += 1);
        let order = match (ka.get(i), kb.get(j)) {
            (Some(&x), Some(&y)) => git_order(x, y),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        match order {
            Ordering::Equal => {
                let (x, y) = (&a[i], &b[j]);
                if x.id() != y.id() || x.filemode() != y.filemode() {
                    out.push((name(ka[i]), Some(item(x)), Some(item(y))));
                }
                i += 1;
                j += 1;
            }
            Ordering::Less => {
                out.push((name(ka[i]), Some(item(&a[i])), None));
                i += 1;
            }
            Ordering::Greater => {
                out.push((name(kb[j]), None, Some(item(&b[j]))));
                j += 1;
            }
        }
    }
    // A file that became a folder (or back) is one name on both sides.
    out.sort_by(|x, y| x.0.cmp(&y.0));
    let mut joined: Vec<Differ> = Vec::with_capacity(out.len());
    for d in out {
        match joined.last_mut() {
            Some(last) if last.0 == d.0 => {
                last.1 = last.1.or(d.1);
                last.2 = last.2.or(d.2);
            }
            _ => joined.push(d),
        }
    }
    Some(joined)
}

/// Pairs by a hash of the names: each name's first entry on each side; the
/// later entries of a name in `new` are returned apart.
fn hashed(a: &[TreeEntry<'_>], b: &[TreeEntry<'_>]) -> (Vec<(String, Item)>, Vec<Differ>) {
    let names = |v: &[TreeEntry<'_>]| -> Vec<String> {
        v.iter()
            .map(|e| e.name().unwrap_or("").to_string())
            .collect()
    };
    let (names_a, names_b) = (names(a), names(b));
    let (in_a, _) = by_name(&names_a);
    let (in_b, twice) = by_name(&names_b);
    let twice = twice
        .into_iter()
        .map(|i| (names_b[i].clone(), item(&b[i])))
        .collect();
    let mut all: Vec<&str> = in_a.keys().chain(in_b.keys()).copied().collect();
    all.sort_unstable();
    all.dedup();
    let mut differ = Vec::new();
    for name in all {
        super::work::add(|w| w.tree_entries += 2);
        let before = in_a.get(name).map(|&i| item(&a[i]));
        let after = in_b.get(name).map(|&i| item(&b[i]));
        if before.map(|e| (e.0, e.2)) != after.map(|e| (e.0, e.2)) {
            differ.push((name.to_string(), before, after));
        }
    }
    (twice, differ)
}

/// Each name's first position, and the positions of names seen a second
/// time (a well-formed tree has none).
fn by_name(names: &[String]) -> (HashMap<&str, usize>, Vec<usize>) {
    let mut map = HashMap::with_capacity(names.len());
    let mut twice = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if map.contains_key(name.as_str()) {
            twice.push(i);
        } else {
            map.insert(name.as_str(), i);
        }
    }
    (map, twice)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair of a few folders that sort differently by bytes and by
    /// git's order (`a`, `a.b`, `a/`) is paired the same by merging as by
    /// hashing.
    #[test]
    fn merging_pairs_as_hashing_does() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init_bare(dir.path()).unwrap();
        let blob = |s: &str| repo.blob(s.as_bytes()).unwrap();
        let sub = {
            let mut t = repo.treebuilder(None).unwrap();
            t.insert("x", blob("x"), 0o100644).unwrap();
            t.write().unwrap()
        };
        let shapes: Vec<Vec<(&str, Oid, i32)>> = vec![
            vec![],
            vec![("a", blob("1"), 0o100644), ("a.b", blob("2"), 0o100644)],
            vec![("a", sub, 0o040000), ("a.b", blob("2"), 0o100644)],
            vec![("a", blob("1"), 0o100755), ("a-c", sub, 0o040000)],
            vec![
                ("a", sub, 0o040000),
                ("a.b", blob("3"), 0o100644),
                ("b", blob("1"), 0o120000),
            ],
            vec![("a.b", blob("2"), 0o100644), ("b", blob("1"), 0o100644)],
        ];
        let trees: Vec<Tree<'_>> = shapes
            .iter()
            .map(|shape| {
                let mut t = repo.treebuilder(None).unwrap();
                for (name, id, mode) in shape {
                    t.insert(name, *id, *mode).unwrap();
                }
                repo.find_tree(t.write().unwrap()).unwrap()
            })
            .collect();
        for old in &trees {
            for new in &trees {
                let (a, b) = (entries(Some(old)), entries(Some(new)));
                let merged = merged(&a, &b).expect("well formed");
                assert_eq!(merged, hashed(&a, &b).1, "{:?} -> {:?}", old.id(), new.id());
            }
        }
    }
}
