//! `async-up search`: find what was said. Every update item (yesterday,
//! today), blocker and reply whose text matches, newest first.
//!
//! Only the files whose path names a date in the period are read (see
//! `Snapshot::updates_between`), so a narrow period costs little however
//! long the record is, and only those whose raw text holds every word are
//! parsed (`Matcher::may_match_raw`): most files of a long record hold none.
//! Texts come through the mirror's text cache (`store::texts`): reading a
//! year of blobs out of a pack every time would cost several times what
//! `git grep` over a checkout does. A pattern is the reader's own input; the texts it is
//! matched against are teammates', rendered cleaned or escaped like every
//! other view.

use super::{finish_warnings, reader_zone, refresh, today_in, Since, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::Handle;
use crate::render::{self, Format, SearchHit};
use chrono::NaiveDate;

/// Search updates, blockers and replies, newest first.
///
/// By default the pattern is words: an item matches when every word
/// appears in it, in any case. --regex takes a regular expression instead
/// (case-insensitive unless it says `(?-i)`). Exits 1 when something
/// matched and 0 when nothing did, like `blockers` and `inbox`.
///
/// Example: async-up search token refresh --since 4w --person bob
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to look for: words that must all appear, or with --regex a
    /// regular expression.
    #[arg(value_name = "PATTERN", required = true, num_args = 1..)]
    pub pattern: Vec<String>,
    /// Start of the period: a date or a span back (7d, 2w, 3m, 1y); default: all.
    #[arg(long, value_name = "D", value_parser = Since::parse)]
    pub since: Option<Since>,
    /// End of the period (YYYY-MM-DD; default: no end).
    #[arg(long, value_name = "D", value_parser = super::parse_date)]
    pub until: Option<NaiveDate>,
    /// Only what this person wrote (repeat for several).
    #[arg(long, value_name = "HANDLE", add = clap_complete::ArgValueCandidates::new(crate::complete::handles))]
    pub person: Vec<String>,
    /// Treat the pattern as a regular expression.
    #[arg(long)]
    pub regex: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Do not fetch first; search what the mirror has.
    #[arg(long)]
    pub no_fetch: bool,
}

/// What a text must hold to match.
enum Matcher {
    /// Every word, lower-cased.
    Words(Vec<String>),
    Regex(regex::Regex),
}

impl Matcher {
    fn new(pattern: &str, regex: bool) -> Result<Self> {
        if regex {
            return regex::RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .map(Matcher::Regex)
                .map_err(|e| {
                    Error::Usage(format!(
                        "{pattern:?} is not a regular expression: {e}; drop --regex to search for words"
                    ))
                });
        }
        let words: Vec<String> = pattern.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Err(Error::Usage(
                "the pattern is empty: give a word to look for".into(),
            ));
        }
        Ok(Matcher::Words(words))
    }

    fn matches(&self, text: &str) -> bool {
        match self {
            Matcher::Words(words) => {
                let text = text.to_lowercase();
                words.iter().all(|w| text.contains(w.as_str()))
            }
            Matcher::Regex(re) => re.is_match(text),
        }
    }

    /// Whether a file whose raw text is `raw` can hold a matching text, to
    /// skip parsing files that cannot. Never wrong the other way: a text
    /// with no escapes is a stretch of its file, and lower-casing maps each
    /// character alone except a final `Σ` (`ς` or `σ`), so every word of a
    /// matching text is in the lower-cased file. A file with an escape (`\`),
    /// a word with a sigma, or a regular expression (`^`, `\b` and the like
    /// mean something else in the file) always says yes.
    fn may_match_raw(&self, raw: &str) -> bool {
        match self {
            Matcher::Words(words) => {
                if raw.contains('\\') || words.iter().any(|w| w.contains(['σ', 'ς'])) {
                    return true;
                }
                let raw = raw.to_lowercase();
                words.iter().all(|w| raw.contains(w.as_str()))
            }
            Matcher::Regex(_) => true,
        }
    }
}

/// Runs `search`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let pattern = args.pattern.join(" ");
    let matcher = Matcher::new(&pattern, args.regex)?;
    let people = args
        .person
        .iter()
        .map(|h| Handle::from_cli(h))
        .collect::<Result<Vec<_>>>()?;
    let team = ctx.open_team()?;
    refresh(ctx, &team, args.no_fetch)?;
    let snapshot = team
        .store
        .snapshot()?
        .with_text_cache(team.store.text_cache());
    let since = args
        .since
        .map(|s| s.resolve(today_in(ctx.now, reader_zone())));
    if let (Some(s), Some(u)) = (since, args.until) {
        if s > u {
            return Err(Error::Usage(format!(
                "--since {s} is after --until {u}: nothing can be in that period"
            )));
        }
    }
    let wanted = |h: &str| people.is_empty() || people.iter().any(|p| p.as_str() == h);
    let may_match = |raw: &str| matcher.may_match_raw(raw);
    // An offer's shown text is not in its file.
    let offers_match = matcher.matches(crate::model::reply::OFFER_TEXT);
    let reply_may_match = |raw: &str| offers_match || matcher.may_match_raw(raw);

    let mut hits = Vec::new();
    for handle in snapshot.handles_with_updates() {
        if !wanted(handle.as_str()) {
            continue;
        }
        for u in snapshot.updates_matching(&handle, since, args.until, &may_match) {
            let hit = |field, text: &String, blocker: Option<&String>| SearchHit {
                author: u.author.clone(),
                date: u.date,
                written_at: u.written_at,
                field,
                text: text.clone(),
                blocker: blocker.cloned(),
            };
            let items = (u.yesterday.iter().map(|t| ("yesterday", t)))
                .chain(u.today.iter().map(|t| ("today", t)));
            for (field, text) in items {
                if matcher.matches(text) {
                    hits.push(hit(field, text, None));
                }
            }
            for b in &u.blockers {
                if matcher.matches(&b.text) {
                    hits.push(hit("blocker", &b.text, Some(&b.id)));
                }
            }
        }
    }
    for r in snapshot.replies_between(since, args.until, &reply_may_match) {
        if !wanted(&r.author) {
            continue;
        }
        let Some(text) = r.reply.shown_text() else {
            continue;
        };
        if matcher.matches(text) {
            hits.push(SearchHit {
                author: r.author.clone(),
                date: r.file_date,
                written_at: r.reply.written_at,
                field: "reply",
                text: text.to_string(),
                blocker: r.reply.blocker.clone(),
            });
        }
    }
    hits.sort_by(|a, b| {
        b.written_at
            .cmp(&a.written_at)
            .then(b.date.cmp(&a.date))
            .then(a.author.cmp(&b.author))
    });

    let out = ctx.out();
    snapshot.save_texts();
    match args.format {
        Format::Table => {
            render::search::table_to(&out, &pattern, &hits, &mut |text| out.print(text))?
        }
        Format::Markdown => out.print(&render::search::markdown(
            &pattern,
            &hits,
            &super::links(&snapshot),
        ))?,
        Format::Json => out.print(&render::json::search(&pattern, &hits))?,
    }
    finish_warnings(ctx, &snapshot)?;
    Ok(if hits.is_empty() {
        Status::Success
    } else {
        Status::Found
    })
}
