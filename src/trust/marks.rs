//! The verdict on the last change to each update a reader is shown: `team`
//! marks an update whose last change broke the rules (someone else's
//! commit, a merge that rewrote it, a missing or bad signature where the
//! team requires one), judged exactly as `audit` judges that commit.

use super::audit::owner_of;
use super::judge::Judge;
use crate::error::Result;
use crate::store::index::{Index, Mark};
use crate::store::Store;
use std::collections::HashMap;

/// The marks of `paths` (update files), from the index where it has them and
/// otherwise by finding and judging their last commit; what was learned is
/// saved into the index. Paths whose last commit is out of reach are absent,
/// and the index remembers them: a member whose shown update is older than
/// the walk's bound cost the whole walk on every read.
pub fn marks(
    store: &Store,
    index: Option<&Index>,
    paths: &[String],
) -> Result<HashMap<String, Mark>> {
    let mut found: HashMap<String, Mark> = HashMap::new();
    let known = index.map(|i| &i.marks);
    let beyond = index.map(|i| &i.beyond);
    let open: Vec<String> = paths
        .iter()
        .filter(|p| !beyond.is_some_and(|b| b.contains(*p)))
        .filter(|p| match known.and_then(|k| k.get(*p)) {
            Some(mark) => {
                found.insert((*p).clone(), mark.clone());
                false
            }
            None => true,
        })
        .cloned()
        .collect();
    if open.is_empty() {
        return Ok(found);
    }
    let repo = store.repo();
    let Some(tip) = store.tip() else {
        return Ok(found);
    };
    let boundary = super::audit::shallow_boundary(repo);
    let mut judge = Judge::new(repo, tip);
    // Each commit's violations by the member they are about (the first
    // one each): a commit that touched every member's file (a lead adding
    // member files) is judged once, and each path finds its member's in
    // one lookup, not by copying and searching the whole list.
    type Verdict = HashMap<String, (String, bool)>;
    let mut verdicts: HashMap<git2::Oid, Verdict> = HashMap::new();
    let mut learned = HashMap::new();
    // Judged in the order history was walked: a commit's tree is the next
    // one's parent tree, and the judge keeps the folders it just read.
    let last = store.last_commits(&open)?;
    let reached: std::collections::HashSet<&String> = last.iter().map(|(p, _)| p).collect();
    let out_of_reach: Vec<String> = open
        .iter()
        .filter(|p| !reached.contains(p))
        .cloned()
        .collect();
    for (path, oid) in last {
        // A commit whose parents a shallow clone lacks cannot be judged.
        if boundary.contains(&oid) {
            continue;
        }
        crate::store::mapped::lookups(1);
        let commit = repo.find_commit(oid)?;
        let verdict = match verdicts.entry(oid) {
            std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
            std::collections::hash_map::Entry::Vacant(slot) => {
                let mut verdict = Verdict::new();
                for v in judge.commit(&commit)? {
                    if let Some(member) = v.member {
                        verdict.entry(member).or_insert((v.reason, v.foreign));
                    }
                }
                slot.insert(verdict)
            }
        };
        let owner = owner_of(&path).unwrap_or("");
        let broken = verdict.get(owner);
        let mark = Mark {
            commit: oid.to_string(),
            committer: commit.committer().email().unwrap_or("").to_string(),
            violation: broken.map(|(reason, _)| reason.clone()),
            foreign: broken.is_some_and(|(_, foreign)| *foreign),
        };
        learned.insert(path.clone(), mark.clone());
        found.insert(path, mark);
    }
    if let Some(index) = index {
        if !learned.is_empty() || !out_of_reach.is_empty() {
            let mut updated = index.clone();
            updated.marks.extend(learned);
            updated.beyond.extend(out_of_reach);
            store.save_index(&updated);
        }
    }
    Ok(found)
}
