//! Rendering: tables for people, markdown for pasting, JSON for scripts.
//! Every string from the team repo passes through [`sanitize`] on its way out,
//! and through [`markdown::text`] on its way into markdown.

pub mod chat;
pub mod digest;
mod fit;
pub mod html;
pub mod html_access;
pub mod html_index;
pub mod inbox;
pub mod json;
pub mod links;
pub mod markdown;
pub mod progress;
pub mod prose;
pub mod sanitize;
pub mod search;
pub mod slack;
pub mod table;
pub mod thread;

use crate::error::{Error, Result};
use crate::model::Update;
use chrono::NaiveDate;
use std::io::Write;

/// The output formats of the reading commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table fitted to the terminal.
    Table,
    /// Markdown that pastes into GitHub, Slack or email.
    Markdown,
    /// Stable JSON for scripts.
    Json,
}

/// One update as shown, with what the reader needs around it.
pub struct Entry {
    /// The update itself.
    pub update: Update,
    /// The member's display name.
    pub name: String,
    /// The member's local time now, like "Tue 14:05".
    pub local_time: String,
    /// How long ago it was written.
    pub ago: String,
    /// The committer's email when the last commit to this update was not
    /// made by its author.
    pub foreign_committer: Option<String>,
    /// Why the last change to this update breaks the team's rules (someone
    /// else's commit, a merge that rewrote it, a bad or missing signature).
    pub violation: Option<String>,
    /// Replies and reactions to this update, oldest first.
    pub replies: Vec<crate::model::reply::FoundReply>,
}

/// The collated team view.
pub struct TeamView {
    /// Team name.
    pub team: String,
    /// The date the view is for (the reader's today, or `--date`).
    pub date: NaiveDate,
    /// Updates shown, one per member.
    pub entries: Vec<Entry>,
    /// Members with no update in the window.
    pub missing: Vec<String>,
    /// Members away with no current update.
    pub away: Vec<AwayRow>,
    /// Members on a team holiday (not away), with its name.
    pub holidays: Vec<HolidayRow>,
    /// Every member's local time and state.
    pub members: Vec<MemberState>,
    /// The team's questions, id to prompt, to label answers.
    pub questions: Vec<(String, String)>,
    /// The team's `[links]`, for the markdown rendering.
    pub links: links::Links,
}

impl TeamView {
    /// The label of an answer: its question's prompt, else its id.
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        self.questions
            .iter()
            .find(|(q, _)| q == id)
            .map(|(_, p)| p.as_str())
            .unwrap_or(id)
    }

    /// An update's answers as "label: answer" lines, in the order the team
    /// asks its questions (as `write` asked them), then answers to questions
    /// the team has since dropped.
    pub fn answer_lines(&self, update: &crate::model::Update) -> Vec<String> {
        let asked = self.questions.iter().map(|(id, _)| id);
        let dropped = update
            .answers
            .keys()
            .filter(|id| !self.questions.iter().any(|(q, _)| q == *id));
        asked
            .chain(dropped)
            .filter_map(|id| {
                let answer = update.answers.get(id)?;
                Some(format!("{}: {}", self.label(id), answer.display()))
            })
            .collect()
    }
}

/// A member away.
pub struct AwayRow {
    /// Who.
    pub handle: String,
    /// Last day away.
    pub until: NaiveDate,
    /// Their note.
    pub note: Option<String>,
}

/// A member on a team holiday.
pub struct HolidayRow {
    /// Who.
    pub handle: String,
    /// The holiday's name, from `holidays.toml` (a teammate's text).
    pub name: String,
}

/// A member's local time and state now.
pub struct MemberState {
    /// Who.
    pub handle: String,
    /// Like "Tue 14:05".
    pub local_time: String,
    /// Working, focus, off hours, day off or away.
    pub state: crate::model::availability::State,
}

/// An item of the record that matched a `search`.
pub struct SearchHit {
    /// Who wrote it.
    pub author: String,
    /// The update's date, or the date of the reply's file.
    pub date: NaiveDate,
    /// When it was written.
    pub written_at: chrono::DateTime<chrono::FixedOffset>,
    /// `yesterday`, `today`, `blocker` or `reply`.
    pub field: &'static str,
    /// The text.
    pub text: String,
    /// The blocker's id: the blocker itself, or the one a reply answers.
    pub blocker: Option<String>,
}

/// A blocker or today-item that mentions someone.
pub struct MentionRow {
    /// Who wrote it.
    pub author: String,
    /// `blocker`, `today` or `reply`.
    pub kind: &'static str,
    /// The text.
    pub text: String,
    /// The update's date.
    pub date: NaiveDate,
    /// When the update was written.
    pub written_at: chrono::DateTime<chrono::FixedOffset>,
}

/// What `inbox` found new since it last ran.
pub struct InboxView {
    /// Team name.
    pub team: String,
    /// When things were last marked read; `None` on a first run or `--all`.
    pub since: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// Teammates' new or edited updates, each at its latest.
    pub updates: Vec<Update>,
    /// Replies and reactions to your updates.
    pub replies: Vec<crate::model::reply::FoundReply>,
    /// New mentions of you.
    pub mentions: Vec<MentionRow>,
    /// Blockers opened since.
    pub blockers_opened: Vec<BlockerRow>,
    /// Blockers resolved since.
    pub blockers_resolved: Vec<BlockerRow>,
}

impl InboxView {
    /// Whether nothing is new.
    pub fn is_empty(&self) -> bool {
        self.updates.is_empty()
            && self.replies.is_empty()
            && self.mentions.is_empty()
            && self.blockers_opened.is_empty()
            && self.blockers_resolved.is_empty()
    }

    /// How many things are new.
    pub fn len(&self) -> usize {
        self.updates.len()
            + self.replies.len()
            + self.mentions.len()
            + self.blockers_opened.len()
            + self.blockers_resolved.len()
    }
}

/// One open blocker.
pub struct BlockerRow {
    /// Whose blocker.
    pub author: String,
    /// Its id.
    pub id: String,
    /// What blocks.
    pub text: String,
    /// Since when.
    pub since: NaiveDate,
    /// Days open, in the author's zone.
    pub age_days: i64,
    /// The author is away today.
    pub away: bool,
    /// Replies to this blocker (offers of help among them), oldest first.
    pub replies: Vec<crate::model::reply::FoundReply>,
}

/// Where output goes and how it looks.
pub struct Out {
    /// Colour is on.
    pub color: bool,
    /// The width to fit tables to, when known.
    pub width: Option<u16>,
    /// The locale is not UTF-8: tables, bullets and sparklines in ASCII.
    pub ascii: bool,
}

impl Out {
    /// How stdout wants its output. `color` is `--color`: `Some` for
    /// `always`/`never`, which win; `None` (auto) follows the conventions
    /// as anstream reads them (`NO_COLOR`, then `CLICOLOR_FORCE`, then
    /// `CLICOLOR=0`, then a terminal whose `TERM` is not `dumb`).
    pub fn for_stdout(color: Option<bool>) -> Out {
        use std::io::IsTerminal;
        let stdout = std::io::stdout();
        let color = color.unwrap_or_else(|| {
            anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never
        });
        let env = |name: &str| std::env::var(name).ok();
        Out {
            color,
            width: width(stdout.is_terminal(), env),
            ascii: !utf8_locale(env),
        }
    }
}

/// The terminal's width; where it reports none, or 0 columns (as a fresh
/// pseudo-terminal does), `COLUMNS`; where that is unset or 0, unknown.
fn width(tty: bool, env: impl Fn(&str) -> Option<String>) -> Option<u16> {
    let reported = tty
        .then(|| terminal_size::terminal_size_of(std::io::stdout()))
        .flatten()
        .map(|(w, _)| w.0);
    let columns = || env("COLUMNS").and_then(|c| c.trim().parse::<u16>().ok());
    reported
        .filter(|w| *w > 0)
        .or_else(columns)
        .filter(|w| *w > 0)
}

/// Whether characters are UTF-8: the first of `LC_ALL`, `LC_CTYPE` and
/// `LANG` that is set decides, as for every C program; none set is the C
/// locale, which is ASCII.
pub fn utf8_locale(env: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| env(name).filter(|v| !v.is_empty()))
        .is_some_and(|locale| {
            let codeset = locale.to_ascii_lowercase().replace('-', "");
            codeset.contains("utf8")
        })
}

impl Out {
    /// Prints `text` to stdout; a closed pipe ends the command quietly.
    pub fn print(&self, text: &str) -> Result<()> {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(text.as_bytes())
            .and_then(|_| stdout.flush())
            .map_err(|e| Error::io("writing to stdout", e))
    }
}

/// Prints a note on stderr unless `quiet`; teammates' text in it is made safe.
pub fn note(quiet: bool, text: &str) {
    if !quiet {
        eprintln!("{}", sanitize::clean_lines(text));
    }
}

/// Prints a warning on stderr (warnings show even with `-q`), said about
/// the team this thread works on when [`about_team`] set one.
pub fn warn(text: &str) {
    let about = WARNING_TEAM.with(|t| t.borrow().clone());
    match about {
        Some(team) => eprintln!(
            "warning: team {}: {}",
            sanitize::clean(&team),
            sanitize::clean_lines(text)
        ),
        None => eprintln!("warning: {}", sanitize::clean_lines(text)),
    }
}

thread_local! {
    static WARNING_TEAM: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with every [`warn`] on this thread said about team `team`: a
/// view over several teams opens and fetches them on threads of its own,
/// and "could not reach ..." must say which team it is about.
pub fn about_team<T>(team: Option<&str>, f: impl FnOnce() -> T) -> T {
    let before = WARNING_TEAM.with(|t| t.replace(team.map(str::to_string)));
    let result = f();
    WARNING_TEAM.with(|t| *t.borrow_mut() = before);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_locale_decides_in_the_order_c_programs_use() {
        assert!(utf8_locale(env(&[("LANG", "en_US.UTF-8")])));
        assert!(utf8_locale(env(&[("LANG", "C.utf8")])));
        assert!(!utf8_locale(env(&[("LANG", "C")])));
        assert!(!utf8_locale(env(&[])));
        assert!(!utf8_locale(env(&[("LANG", "C.UTF-8"), ("LC_ALL", "C")])));
        assert!(utf8_locale(env(&[("LANG", "C"), ("LC_CTYPE", "C.UTF-8")])));
        assert!(!utf8_locale(env(&[
            ("LC_ALL", "POSIX"),
            ("LC_CTYPE", "C.UTF-8")
        ])));
        assert!(utf8_locale(env(&[("LC_ALL", ""), ("LANG", "de_DE.UTF-8")])));
    }

    #[test]
    fn zero_columns_are_an_unknown_width() {
        assert_eq!(width(false, env(&[("COLUMNS", "0")])), None);
        assert_eq!(width(false, env(&[("COLUMNS", "40")])), Some(40));
        assert_eq!(width(false, env(&[("COLUMNS", "wide")])), None);
        assert_eq!(width(false, env(&[])), None);
    }
}
