//! Suggestions for "yesterday" from your own work: the commits you authored
//! since your previous update in the local repositories your config lists
//! (`[activity] repos`), grouped by repository and branch.

use chrono::{DateTime, Utc};
use git2::{BranchType, Repository, Sort};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// How many commits to look at per branch before stopping.
const MAX_WALK: usize = 2000;

/// Expands the configured entries: `~/` is the home folder, and a last
/// component `*` means every folder in that folder.
pub fn expand(entries: &[String]) -> Vec<PathBuf> {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let mut out = Vec::new();
    for entry in entries {
        let path = match entry.strip_prefix("~/") {
            Some(rest) => home.join(rest),
            None => PathBuf::from(entry),
        };
        if path.file_name().is_some_and(|n| n == "*") {
            let parent = path.parent().unwrap_or(Path::new("."));
            if let Ok(dir) = std::fs::read_dir(parent) {
                let mut found: Vec<PathBuf> = dir
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_dir())
                    .collect();
                found.sort();
                out.extend(found);
            }
        } else {
            out.push(path);
        }
    }
    out
}

/// One line per commit you authored since `since`, as `repo/branch: summary`,
/// ordered by repository, then branch, oldest first. Folders that are not
/// repositories are skipped.
pub fn suggestions(repos: &[PathBuf], emails: &[String], since: DateTime<Utc>) -> Vec<String> {
    let mut out = Vec::new();
    for path in repos {
        let Ok(repo) = Repository::open(path) else {
            continue;
        };
        let name = path
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
            .unwrap_or_else(|| path.display().to_string());
        let mut seen: HashSet<git2::Oid> = HashSet::new();
        let mut branches: Vec<(String, git2::Oid)> = repo
            .branches(Some(BranchType::Local))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|(b, _)| Some((b.name().ok()??.to_string(), b.get().target()?)))
            .collect();
        // The checked-out branch first, so a commit on several branches is
        // listed under the one being worked on.
        let head = repo
            .head()
            .ok()
            .and_then(|h| h.shorthand().map(str::to_string));
        branches.sort_by_key(|(b, _)| (Some(b) != head.as_ref(), b.clone()));
        for (branch, tip) in branches {
            let Ok(mut walk) = repo.revwalk() else {
                continue;
            };
            let _ = walk.set_sorting(Sort::TIME);
            if walk.push(tip).is_err() {
                continue;
            }
            let mut mine = Vec::new();
            for oid in walk.flatten().take(MAX_WALK) {
                let Ok(commit) = repo.find_commit(oid) else {
                    continue;
                };
                let when = DateTime::from_timestamp(commit.time().seconds(), 0).unwrap_or_default();
                if when < since {
                    break;
                }
                let author = commit.author();
                let by_me = author
                    .email()
                    .is_some_and(|e| emails.iter().any(|m| m.eq_ignore_ascii_case(e)));
                if by_me && commit.parent_count() <= 1 && seen.insert(oid) {
                    let summary = commit.summary().unwrap_or("").to_string();
                    mine.push(format!("{name}/{branch}: {summary}"));
                }
            }
            mine.reverse();
            out.extend(mine);
        }
    }
    out
}
