//! Links to the work: text in an update that names a pull request, issue or
//! ticket (`#123`, `PROJ-678`) becomes a link in markdown, HTML and Slack
//! output when the team file's `[links]` maps the pattern to an address.
//!
//! The mapping is a trust anchor (only maintainers should change it, and
//! `audit` says when someone else did), but it is still read as hostile
//! input: every pattern is size-bounded, every target must be a plain
//! `http`/`https` address whose host is fixed by the maintainer, and what a
//! pattern captures from teammates' text is percent-encoded before it goes
//! into the address, so captured text can never end the link or change where
//! it points. A bad entry is left out with a warning naming the file and the
//! key; the rest of the team file (maintainers, signing) stays in force.
//!
//! Only mapped patterns link. A bare URL a teammate types stays text: a link
//! in the team's output is one the maintainers vouch for, and GitHub and
//! Slack link bare addresses on their own anyway.
//!
//! Matching runs on text already made safe by [`super::sanitize::clean`], so a
//! link's text and address hold nothing that was not shown before.

use crate::model::{layout, TeamFile};
use regex::{Regex, RegexBuilder};
use std::cmp::Reverse;

/// At most this many patterns are used.
pub const MAX_PATTERNS: usize = 32;
/// The longest pattern accepted, in characters.
pub const MAX_PATTERN_CHARS: usize = 200;
/// The longest target accepted, in characters.
pub const MAX_TARGET_CHARS: usize = 500;
/// The bound on a compiled pattern's size, in bytes (the `regex` default is
/// 10 MiB; a reference pattern needs a few kilobytes).
const SIZE_LIMIT: usize = 256 * 1024;

/// The compiled `[links]` mapping of a team.
#[derive(Debug, Default)]
pub struct Links {
    rules: Vec<Rule>,
}

#[derive(Debug)]
struct Rule {
    regex: Regex,
    target: Vec<Piece>,
}

#[derive(Debug)]
enum Piece {
    Literal(String),
    Group(usize),
}

/// One link found in a text: the characters `start..end` (char indices)
/// link to `href`, which is safe to write as it is into an HTML attribute
/// or a markdown link destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The first character of the link's text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The address, only characters of [`is_url_char`].
    pub href: String,
}

/// Characters an address keeps as they are: RFC 3986's unreserved and
/// reserved characters except `'`, `(`, `)`, `[` and `]`, which would end or
/// confuse a markdown link or an attribute. `&` stays (query strings need it)
/// and is escaped where it is written.
pub fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#@!$&*+,;=%".contains(c)
}

impl Links {
    /// No links: text stays text.
    pub fn none() -> Links {
        Links::default()
    }

    /// Whether nothing is mapped.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The team file's mapping, compiled; entries that are not safe or not
    /// valid are left out, each with a warning saying why and what to do.
    pub fn from_team(team: Option<&TeamFile>) -> (Links, Vec<String>) {
        let Some(team) = team else {
            return (Links::none(), Vec::new());
        };
        let mut warnings = Vec::new();
        let mut rules = Vec::new();
        if team.links.len() > MAX_PATTERNS {
            warnings.push(format!(
                "{}: [links] has {} patterns; only the first {MAX_PATTERNS} are used",
                layout::TEAM_FILE,
                team.links.len()
            ));
        }
        for (pattern, target) in team.links.iter().take(MAX_PATTERNS) {
            match rule(pattern, target) {
                Ok(r) => rules.push(r),
                Err(why) => warnings.push(format!(
                    "{}: [links] {}: {why}; this link is left out until a maintainer fixes it",
                    layout::TEAM_FILE,
                    super::sanitize::clean(&format!("{pattern:?}"))
                )),
            }
        }
        (Links { rules }, warnings)
    }

    /// The links in `text` (already cleaned), leftmost first and never
    /// overlapping: of the matches that start first, the longest wins, then
    /// the pattern listed first. Each pattern's matches are found in one
    /// forward pass over the text (its own non-overlapping matches, leftmost
    /// first); a match that overlaps a link already taken is dropped, and
    /// that pattern goes on with its next match after the dropped one, never
    /// searching the same text again. So the cost is one pass per pattern,
    /// however the patterns' matches overlap.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let (found, searched) = self.find_counted(text);
        crate::debug_counts::count("link_bytes_searched", searched);
        found
    }

    /// [`Links::find`], with the bytes its searches may have scanned (from
    /// where each search started to the end of its match, or of the text).
    fn find_counted(&self, text: &str) -> (Vec<Found>, u64) {
        let mut searched = 0u64;
        let mut cursors: Vec<Cursor> = self
            .rules
            .iter()
            .map(|rule| Cursor {
                rule,
                matches: rule.regex.captures_iter(text),
                next: None,
                from: 0,
                done: false,
            })
            .collect();
        let mut found = Vec::new();
        let (mut pos, mut chars_at_pos) = (0, 0);
        loop {
            for cursor in &mut cursors {
                cursor.skip_to(pos, text.len(), &mut searched);
            }
            let best = cursors
                .iter()
                .enumerate()
                .filter_map(|(i, c)| c.next.as_ref().map(|(s, e, _)| (*s, Reverse(*e), i)))
                .min();
            let Some((start, Reverse(end), i)) = best else {
                break;
            };
            let href = cursors[i].href();
            let start_char = chars_at_pos + text[pos..start].chars().count();
            let end_char = start_char + text[start..end].chars().count();
            found.push(Found {
                start: start_char,
                end: end_char,
                href,
            });
            (pos, chars_at_pos) = (end, end_char);
        }
        (found, searched)
    }
}

/// One pattern's pass over a text: its next non-empty match, not yet taken
/// or dropped.
struct Cursor<'r, 't> {
    rule: &'r Rule,
    matches: regex::CaptureMatches<'r, 't>,
    next: Option<(usize, usize, String)>,
    /// Where the pass goes on from: the end of the last match it found.
    from: usize,
    done: bool,
}

impl Cursor<'_, '_> {
    /// Drops matches that start before byte `pos` (they overlap a link
    /// already taken), empty ones and those [`address`] refuses, moving the
    /// pass forward.
    fn skip_to(&mut self, pos: usize, len: usize, searched: &mut u64) {
        while !self.done && self.next.as_ref().is_none_or(|(start, _, _)| *start < pos) {
            self.next = None;
            let Some(caps) = self.matches.next() else {
                *searched += len.saturating_sub(self.from) as u64;
                self.done = true;
                break;
            };
            let Some(whole) = caps.get(0) else { continue };
            *searched += whole.end().saturating_sub(self.from) as u64;
            self.from = whole.end();
            if whole.start() < whole.end() {
                self.next = address(self.rule, &caps).map(|h| (whole.start(), whole.end(), h));
            }
        }
    }

    /// The address of the next match.
    fn href(&self) -> String {
        self.next
            .as_ref()
            .map_or_else(String::new, |(_, _, h)| h.clone())
    }
}

/// The address a match links to, or `None` when a group the target uses
/// captured only dots: `.` or `..` as a path segment would climb out of its
/// place (`https://git.example/../../pull/1`), and percent-encoding does not
/// help, since browsers read `%2E%2E` as `..` too. Such text stays plain.
fn address(rule: &Rule, caps: &regex::Captures) -> Option<String> {
    let mut href = String::new();
    for piece in &rule.target {
        match piece {
            Piece::Literal(l) => href.push_str(l),
            Piece::Group(g) => {
                let captured = caps.get(*g).map_or("", |m| m.as_str());
                if !captured.is_empty() && captured.bytes().all(|b| b == b'.') {
                    return None;
                }
                href.push_str(&percent_encode(captured));
            }
        }
    }
    Some(href)
}

/// Captured text inside an address: everything but RFC 3986's unreserved
/// characters as `%XX`, so a value is one path segment or query value.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn rule(pattern: &str, target: &toml::Value) -> Result<Rule, String> {
    let Some(target) = target.as_str() else {
        return Err(
            "the target must be a string like \"https://tracker.example/browse/PROJ-$1\"".into(),
        );
    };
    if pattern.chars().count() > MAX_PATTERN_CHARS {
        return Err(format!(
            "the pattern is longer than {MAX_PATTERN_CHARS} characters"
        ));
    }
    let regex = RegexBuilder::new(pattern)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(SIZE_LIMIT)
        .build()
        .map_err(|e| {
            let first = e.to_string();
            let line = first.lines().last().unwrap_or("").trim().to_string();
            format!("not a valid pattern ({line})")
        })?;
    // A pattern whose shortest match is empty (`\b`, `x*`) links nothing
    // where it matches nothing else.
    let matches_empty = regex_syntax::parse(pattern)
        .map(|hir| hir.properties().minimum_len() == Some(0))
        .unwrap_or(true);
    if regex.is_match("") || matches_empty {
        return Err(
            "the pattern matches empty text; it must match a reference like PROJ-(\\d+)".into(),
        );
    }
    let target = parse_target(target, regex.captures_len() - 1)?;
    Ok(Rule { regex, target })
}

/// A target as literal pieces and `$N` groups, checked: an `http` or `https`
/// address with its host (and the `/`, `?` or `#` after it) written out
/// before any group, only address characters, groups the pattern has.
fn parse_target(target: &str, groups: usize) -> Result<Vec<Piece>, String> {
    if target.chars().count() > MAX_TARGET_CHARS {
        return Err(format!(
            "the target is longer than {MAX_TARGET_CHARS} characters"
        ));
    }
    let lower = target.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or("the target must start with https:// or http://")?;
    if let Some(bad) = target.chars().find(|c| !is_url_char(*c)) {
        return Err(format!(
            "the target holds {:?}, which an address must percent-encode",
            super::sanitize::clean(&bad.to_string())
        ));
    }
    let literal_end = rest.find('$').unwrap_or(rest.len());
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    if host_end == 0 || host_end >= literal_end && literal_end < rest.len() {
        return Err("the target's host must be written out before any $N".into());
    }
    // `https://good.example@evil.example/` goes to evil.example: a user name
    // would let a target look like one host and lead to another.
    let authority = &rest[..host_end];
    if authority.contains('@') {
        return Err(format!(
            "the target holds a user name before its host ({:?}); write the host alone, like https://tracker.example/",
            super::sanitize::clean(&target[..target.len() - rest.len() + host_end])
        ));
    }
    if authority.split(':').next().unwrap_or("").is_empty() {
        return Err("the target names no host; write it out, like https://tracker.example/".into());
    }
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = target.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            literal.push(c);
            continue;
        }
        let mut digits = String::new();
        while let Some(d) = chars.next_if(char::is_ascii_digit) {
            digits.push(d);
        }
        let group: usize = digits
            .parse()
            .map_err(|_| "a $ in the target must name a group, like $1".to_string())?;
        if group > groups {
            return Err(format!(
                "the target uses ${group} but the pattern has {groups} group(s)"
            ));
        }
        pieces.push(Piece::Literal(std::mem::take(&mut literal)));
        pieces.push(Piece::Group(group));
    }
    pieces.push(Piece::Literal(literal));
    Ok(pieces)
}

/// Teammate text as HTML with its mapped references as links: the text
/// escaped as [`super::html::esc`] does, each link `<a href="…">`.
pub fn html(s: &str, links: &Links) -> String {
    use super::html::esc;
    let cleaned = super::sanitize::clean(s);
    let chars: Vec<char> = cleaned.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for f in links.find(&cleaned) {
        out.push_str(&esc(&chars[at..f.start].iter().collect::<String>()));
        let shown: String = chars[f.start..f.end].iter().collect();
        out.push_str(&format!(
            "<a href=\"{}\" rel=\"noreferrer\">{}</a>",
            esc(&f.href),
            esc(&shown)
        ));
        at = f.end;
    }
    out.push_str(&esc(&chars[at..].iter().collect::<String>()));
    out
}

/// Text that may have been cut to fit (it ends in "…"), as [`html`] makes
/// it, except that its last word does not link: `PROJ-12345` cut to
/// `PROJ-12…` must not link to another ticket.
pub fn html_cut(s: &str, links: &Links) -> String {
    let Some(cut) = s.strip_suffix('…') else {
        return html(s, links);
    };
    let last_word = cut.rfind(char::is_whitespace).unwrap_or(0);
    format!(
        "{}{}…",
        html(&cut[..last_word], links),
        super::html::esc(&cut[last_word..])
    )
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
