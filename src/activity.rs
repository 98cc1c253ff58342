//! Suggestions for "yesterday" from your own work: the commits you authored
//! since your previous update in the local repositories your config lists
//! (`[activity] repos`), grouped by repository and branch, each with the
//! pull-request and ticket references found in its branch's name and its
//! message (trailers included), so the team's `[links]` can link them.
//!
//! Branch names and commit messages are whoever wrote them: references are
//! only ever the narrow shapes of [`references`], and the lines are made
//! safe where they are shown.

use chrono::{DateTime, Utc};
use git2::{BranchType, Repository, Sort};
use regex::Regex;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// How many commits to look at per branch before stopping.
const MAX_WALK: usize = 2000;
/// How many references one commit's line offers at most.
const MAX_REFS: usize = 8;

/// `org/repo#45`, `#45`, `PROJ-678`, or the address of a pull request,
/// issue or merge request.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"https?://[A-Za-z0-9.-]{1,100}(?::\d{1,5})?/[A-Za-z0-9._~/-]{0,150}/(?:pull|pulls|issues|merge_requests)/\d{1,9}\b",
        r"|\b[A-Za-z0-9][A-Za-z0-9_.-]{0,38}/[A-Za-z0-9_.-]{1,100}#\d{1,9}\b",
        r"|(?:^|[^\w/&#])(#\d{1,9})\b",
        r"|\b[A-Z][A-Z0-9]{1,9}-\d{1,9}\b",
    ))
    .expect("the reference pattern compiles")
});

/// Upper-case words with a number that name a standard, not a ticket.
const NOT_TICKETS: [&str; 8] = ["UTF", "SHA", "ISO", "RFC", "HTTP", "TLS", "SSL", "AES"];

/// The references in `text`, in order, each once: `org/repo#45`, `#45`,
/// `PROJ-678`, a pull request's or issue's address.
///
/// ```
/// use async_up::activity::references;
/// assert_eq!(references("Fixes org/repo#7\nRefs: #45, PROJ-12 (UTF-8)"), ["org/repo#7", "#45", "PROJ-12"]);
/// ```
pub fn references(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for caps in REFERENCE.captures_iter(text) {
        let found = caps
            .get(1)
            .or_else(|| caps.get(0))
            .map_or("", |m| m.as_str());
        let standard = found
            .split_once('-')
            .is_some_and(|(word, _)| NOT_TICKETS.contains(&word));
        if !standard && !out.iter().any(|r| r == found) {
            out.push(found.to_string());
        }
    }
    out
}

/// The references a branch's name makes: those of [`references`], and a
/// leading issue number (`318-login-copy`, as GitHub names a branch made
/// from issue 318) as `#318`.
fn branch_references(branch: &str) -> Vec<String> {
    let mut out = references(branch);
    let last = branch.rsplit('/').next().unwrap_or(branch);
    if let Some((number, _)) = last.split_once('-') {
        if (1..=9).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()) {
            out.insert(0, format!("#{number}"));
        }
    }
    out
}

/// A commit's line: `repo/branch: summary`, then in brackets the references
/// of its branch and message that its summary does not already show.
fn line(repo: &str, branch: &str, summary: &str, message: &str) -> String {
    let mut refs = branch_references(branch);
    for r in references(message) {
        if !refs.contains(&r) {
            refs.push(r);
        }
    }
    let shown = references(summary);
    refs.retain(|r| !shown.contains(r));
    refs.truncate(MAX_REFS);
    if refs.is_empty() {
        format!("{repo}/{branch}: {summary}")
    } else {
        format!("{repo}/{branch}: {summary} ({})", refs.join(", "))
    }
}

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

/// One line per commit you authored since `since`, as `repo/branch: summary
/// (references)`, ordered by repository, then branch, oldest first. Folders
/// that are not repositories are skipped.
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
                    let summary = commit.summary().unwrap_or("");
                    let message = commit.message().unwrap_or("");
                    mine.push(line(&name, &branch, summary, message));
                }
            }
            mine.reverse();
            out.extend(mine);
        }
    }
    out
}
