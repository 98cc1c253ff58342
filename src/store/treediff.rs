//! What changed between two trees, reading only the subtrees whose ids
//! differ. libgit2's tree-to-tree diff walked every entry of both trees
//! (about a billion instructions for one commit in a repo of 140k files);
//! this costs the depth of what changed.

use git2::{ObjectType, Oid, Repository, Tree};
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
    let mut out = Vec::new();
    walk(repo, old, new, "", &mut out);
    out
}

/// One entry of a tree: name, id, kind and mode.
type Item = (String, Oid, Option<ObjectType>, i32);

fn walk(
    repo: &Repository,
    old: Option<&Tree<'_>>,
    new: Option<&Tree<'_>>,
    prefix: &str,
    out: &mut Vec<Change>,
) {
    let entries = |t: Option<&Tree<'_>>| -> Vec<Item> {
        t.map(|t| {
            t.iter()
                .map(|e| {
                    (
                        e.name().unwrap_or("").to_string(),
                        e.id(),
                        e.kind(),
                        e.filemode(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
    };
    let (a, b) = (entries(old), entries(new));
    // Looked up by name: a folder of n entries costs n, not n squared (one
    // commit beside a planted folder of 200,000 files took minutes).
    let (in_a, _) = by_name(&a);
    let (in_b, twice) = by_name(&b);
    for &i in &twice {
        let e = &b[i];
        out.push(Change {
            path: format!("{prefix}{}", e.0),
            old: None,
            new: Some(e.1),
            new_mode: Some(e.3),
        });
    }
    let mut names: Vec<&str> = in_a.keys().chain(in_b.keys()).copied().collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let before = in_a.get(name).map(|&i| &a[i]);
        let after = in_b.get(name).map(|&i| &b[i]);
        if before.map(|e| (e.1, e.3)) == after.map(|e| (e.1, e.3)) {
            continue;
        }
        let path = format!("{prefix}{name}");
        let is_tree = |e: Option<&Item>| e.is_some_and(|e| e.2 == Some(ObjectType::Tree));
        let tree_of = |e: Option<&Item>| {
            e.filter(|e| e.2 == Some(ObjectType::Tree))
                .and_then(|e| repo.find_tree(e.1).ok())
        };
        if is_tree(before) || is_tree(after) {
            let (t_old, t_new) = (tree_of(before), tree_of(after));
            walk(
                repo,
                t_old.as_ref(),
                t_new.as_ref(),
                &format!("{path}/"),
                out,
            );
        }
        let blob = |e: Option<&Item>| e.filter(|e| e.2 != Some(ObjectType::Tree)).map(|e| e.1);
        let (old_blob, new_blob) = (blob(before), blob(after));
        if old_blob.is_some() || new_blob.is_some() {
            out.push(Change {
                path,
                old: old_blob,
                new: new_blob,
                new_mode: after.filter(|e| e.2 != Some(ObjectType::Tree)).map(|e| e.3),
            });
        }
    }
}

/// Each name's first position in a tree's entries, and the positions of
/// names seen a second time (a well-formed tree has none).
fn by_name(entries: &[Item]) -> (HashMap<&str, usize>, Vec<usize>) {
    let mut map = HashMap::with_capacity(entries.len());
    let mut twice = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if map.contains_key(e.0.as_str()) {
            twice.push(i);
        } else {
            map.insert(e.0.as_str(), i);
        }
    }
    (map, twice)
}
