//! Suggestions for "yesterday" from your own work: the commits you authored
//! since your previous update in the local repositories your config lists
//! (`[activity] repos`), grouped by repository and branch, each with the
//! pull-request and ticket references found in its branch's name and its
//! message (trailers included), so the team's `[links]` can link them.
//!
//! Branch names and commit messages are whoever wrote them: references are
//! only ever the narrow shapes of [`references`], and each line is made safe
//! ([`clean`]: no controls, no bidi overrides) and cut to
//! [`MAX_LINE_CHARS`] before it is shown or becomes an item.
//!
//! The cost is bounded by the commits, not by branches times commits: the
//! history branches share is walked once (a commit seen from one branch is
//! not walked again from the next), at most [`MAX_VISITS`] commits in all,
//! and at most [`MAX_LINES`] lines are offered, the newest.

use crate::render::sanitize::clean;
use chrono::{DateTime, Utc};
use git2::{BranchType, Repository};
use regex::Regex;
use std::cmp::Reverse;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// How many commits one run looks at, over every repository and branch.
pub const MAX_VISITS: usize = 5000;
/// How many commits' lines are offered at most (the newest).
pub const MAX_LINES: usize = 50;
/// The longest line offered, in characters.
pub const MAX_LINE_CHARS: usize = 200;
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
/// of its branch and message that its summary does not already show; made
/// safe, and at most [`MAX_LINE_CHARS`] long (the summary is cut first, so
/// the references stay).
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
    let head = clean(&format!("{repo}/{branch}: "));
    let tail = match refs.is_empty() {
        true => String::new(),
        false => clean(&format!(" ({})", refs.join(", "))),
    };
    let room = MAX_LINE_CHARS.saturating_sub(head.chars().count() + tail.chars().count());
    let summary = clean(&cut(summary, room.max(20)));
    cut(&format!("{head}{summary}{tail}"), MAX_LINE_CHARS)
}

/// `s` cut to at most `max` characters, ending in `…` when cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
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

/// What [`suggestions`] offers: at most [`MAX_LINES`] lines, and how many
/// more commits there were.
#[derive(Debug, Default)]
pub struct Activity {
    /// The lines offered, by repository, then branch, oldest first.
    pub lines: Vec<String>,
    /// The commits found but not offered (older than those offered).
    pub more: usize,
}

/// One line per commit you authored since `since`, as `repo/branch: summary
/// (references)`, ordered by repository, then branch, oldest first; the
/// newest [`MAX_LINES`]. A commit on several branches is listed once, under
/// the checked-out branch or else the first by name. Folders that are not
/// repositories are skipped.
pub fn suggestions(repos: &[PathBuf], emails: &[String], since: DateTime<Utc>) -> Activity {
    // (branch group, commit time, order of visit, line)
    let mut found: Vec<(usize, i64, Reverse<usize>, String)> = Vec::new();
    let (mut group, mut visits) = (0, 0);
    for path in repos {
        let Ok(repo) = Repository::open(path) else {
            continue;
        };
        let name = path
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
            .unwrap_or_else(|| path.display().to_string());
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
        // Commits already walked from an earlier branch of this repository:
        // their history is not walked again.
        let mut walked: HashSet<git2::Oid> = HashSet::new();
        for (branch, tip) in branches {
            group += 1;
            let mut stack = vec![tip];
            while let Some(oid) = stack.pop() {
                if visits >= MAX_VISITS {
                    break;
                }
                if !walked.insert(oid) {
                    continue;
                }
                visits += 1;
                crate::debug_counts::count("activity_commits_visited", 1);
                let Ok(commit) = repo.find_commit(oid) else {
                    continue;
                };
                let when = commit.time().seconds();
                // Older than the window: neither listed nor walked past.
                if when < since.timestamp() {
                    continue;
                }
                let by_me = commit
                    .author()
                    .email()
                    .is_some_and(|e| emails.iter().any(|m| m.eq_ignore_ascii_case(e)));
                if by_me && commit.parent_count() <= 1 {
                    let summary = commit.summary().unwrap_or("");
                    let message = commit.message().unwrap_or("");
                    let shown = line(&name, &branch, summary, message);
                    found.push((group, when, Reverse(visits), shown));
                }
                stack.extend(commit.parent_ids());
            }
        }
    }
    let total = found.len();
    found.sort_by_key(|(_, when, visit, _)| (Reverse(*when), visit.0));
    found.truncate(MAX_LINES);
    found.sort_by_key(|(group, when, visit, _)| (*group, *when, *visit));
    Activity {
        more: total - found.len(),
        lines: found.into_iter().map(|(_, _, _, l)| l).collect(),
    }
}

/// Your commits since your previous update (or the last day), then your
/// previous update's today, as suggestions for yesterday.
pub fn for_yesterday(
    ctx: &crate::context::Context,
    email: &str,
    previous: Option<&crate::model::Update>,
) -> Activity {
    let repos = expand(&ctx.config.activity.repos);
    let since = previous
        .map(|p| p.written_at.with_timezone(&Utc))
        .unwrap_or(ctx.now - chrono::Duration::days(1));
    let mut emails = vec![email.to_string()];
    if let Some(e) = crate::context::git_config("user.email") {
        emails.push(e);
    }
    let mut out = suggestions(&repos, &emails, since);
    if let Some(p) = previous {
        for item in &p.today {
            if !out.lines.contains(item) {
                out.lines.push(item.clone());
            }
        }
    }
    out
}
