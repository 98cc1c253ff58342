//! Markdown output that pastes cleanly into GitHub, Slack or an email, and
//! in which nothing a teammate wrote is live: every piece of teammate text
//! goes through [`text`], the one escaping function of every markdown view.

use super::links::Links;
use super::{sanitize::clean, BlockerRow, MentionRow, TeamView};
use crate::model::reply::FoundReply;
use crate::model::Update;
use std::fmt::Write;

/// Mentions that chat tools (Slack, Mattermost, Discord, Teams) turn into a
/// notification of everyone in the channel.
const MASS_MENTIONS: [&str; 4] = ["channel", "here", "everyone", "all"];

/// Whether the `@` at `at` starts a mass mention: `@here` and the like, in
/// any case, not inside a word (an email address) and not a prefix of a
/// longer name (`@allison`).
pub(crate) fn is_mass_mention(chars: &[char], at: usize) -> bool {
    if at > 0 && chars[at - 1].is_alphanumeric() {
        return false;
    }
    let name: String = chars[at + 1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    MASS_MENTIONS.contains(&name.to_ascii_lowercase().as_str())
}

/// Teammate text as inline markdown that renders as exactly that text, on
/// one line, in any place a view puts it (a list item, a heading, mid-line).
///
/// - Controls and invisible characters are made visible ([`clean`]); line
///   breaks and tabs become spaces, so text never ends a list or starts a
///   block, and blanks at either end go (they would make indented code).
/// - `\`, `` ` ``, `*`, `[`, `]`, `~` get a backslash, and `_` too unless it
///   sits inside a word (`snake_case` stays as it is): no code, emphasis,
///   strikethrough, link, image, footnote or task box.
/// - `<`, `>` and `&` become `&lt;`, `&gt;` and `&amp;`: no HTML, autolink or
///   entity, and Slack, which ignores backslashes, shows them as typed too.
/// - A leading `#`, `-`, `+`, `=` or the `.`/`)` after leading digits gets a
///   backslash: no heading, list or rule where the text starts a block.
/// - `@channel`, `@here`, `@everyone` and `@all` become `@ here` and so on,
///   so posting a digest to a chat pings nobody. `@handle` stays readable.
///
/// ```
/// use async_up::render::markdown::text;
/// assert_eq!(text("# [x](http://e) <b> @here"), "\\# \\[x\\](http://e) &lt;b&gt; @ here");
/// assert_eq!(text("keep snake_case and @bob"), "keep snake_case and @bob");
/// ```
pub fn text(s: &str) -> String {
    linked(s, &Links::none())
}

/// Teammate text as [`text`] makes it, with the references the team's
/// `[links]` maps as links, `[PROJ-12](https://tracker.example/browse/PROJ-12)`.
/// The links are found in the text after it is made safe, the link text is
/// escaped like any other, and the address holds only
/// [`super::links::is_url_char`] characters (`&` as `&amp;`).
///
/// ```
/// use async_up::render::{links::Links, markdown::linked};
/// assert_eq!(linked("fix #12", &Links::none()), "fix #12");
/// ```
pub fn linked(s: &str, links: &Links) -> String {
    let cleaned = clean(s);
    let trimmed = cleaned.trim();
    let found = links.find(trimmed);
    let chars: Vec<char> = trimmed.chars().collect();
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut edges = vec![false; chars.len() + 2];
    for f in &found {
        edges[f.start] = true;
        edges[f.end] = true;
    }
    let edge = |at: usize| edges[at];
    // A `_` beside a link's bracket could open or close emphasis, so it
    // counts as inside a word only between two word characters of the same piece.
    let in_word = |at: usize| {
        at > 0
            && chars[at - 1].is_alphanumeric()
            && chars.get(at + 1).is_some_and(|c| c.is_alphanumeric())
            && !edge(at)
            && !edge(at + 1)
    };
    let mut out = String::with_capacity(cleaned.len() + 8);
    let mut next = found.iter().peekable();
    for (at, &c) in chars.iter().enumerate() {
        if next.peek().is_some_and(|f| f.start == at) {
            out.push('[');
        }
        match c {
            '\\' | '`' | '*' | '[' | ']' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '_' if !in_word(at) => out.push_str("\\_"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '#' | '-' | '+' | '=' if at == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if at == digits && digits > 0 => {
                out.push('\\');
                out.push(c);
            }
            '@' if is_mass_mention(&chars, at) => out.push_str("@ "),
            // `![PROJ-12](…)` would be an image the reader's browser fetches.
            '!' if next.peek().is_some_and(|f| f.start == at + 1) => out.push_str("\\!"),
            c => out.push(c),
        }
        if let Some(f) = next.next_if(|f| f.end == at + 1) {
            let _ = write!(out, "]({})", f.href.replace('&', "&amp;"));
        }
    }
    out
}

/// A handle as a mention, `@alice`, escaped like any teammate text.
pub fn handle(h: &str) -> String {
    text(&format!("@{h}"))
}

/// A bold title and a list of items that are already markdown.
fn section(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{title}**");
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
    // A blank line ends the list; without it the next line would continue the last item.
    out.push('\n');
}

fn texts(items: &[String], links: &Links) -> Vec<String> {
    items.iter().map(|i| linked(i, links)).collect()
}

fn update_body(out: &mut String, u: &Update, links: &Links) {
    section(out, "Yesterday", &texts(&u.yesterday, links));
    section(out, "Today", &texts(&u.today, links));
    let blockers: Vec<String> = u
        .blockers
        .iter()
        .map(|b| {
            let shown = linked(&b.text, links);
            format!("{shown} (id {}, since {})", text(&b.id), b.since)
        })
        .collect();
    section(out, "Blockers", &blockers);
    if let Some(m) = u.mood {
        let _ = writeln!(out, "**Mood** {m}/5\n");
    }
}

/// `team --format markdown`; update text links as the team maps it.
pub fn team(view: &TeamView, links: &Links) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {} stand-up, {}\n", text(&view.team), view.date);
    for e in &view.entries {
        let _ = writeln!(
            out,
            "### {} ({}), {} · written {}\n",
            text(&e.name),
            handle(&e.update.author),
            e.update.date,
            e.ago
        );
        if let Some(why) = &e.violation {
            let _ = writeln!(
                out,
                "> ⚠ The last change to this update breaks the team's rules: {}.\n",
                text(why)
            );
        }
        update_body(&mut out, &e.update, links);
        let answers = texts(&view.answer_lines(&e.update), links);
        section(&mut out, "Answers", &answers);
        let replies = texts(&super::thread::lines(&e.replies), links);
        section(&mut out, "Replies", &replies);
    }
    if view.entries.is_empty() {
        out.push_str("_No current updates._\n\n");
    }
    if !view.away.is_empty() {
        let names: Vec<String> = view
            .away
            .iter()
            .map(|a| match &a.note {
                Some(n) => format!("{} until {} ({})", handle(&a.handle), a.until, text(n)),
                None => format!("{} until {}", handle(&a.handle), a.until),
            })
            .collect();
        let _ = writeln!(out, "**Away:** {}\n", names.join(", "));
    }
    if !view.holidays.is_empty() {
        let names: Vec<String> = view
            .holidays
            .iter()
            .map(|h| format!("{} ({})", handle(&h.handle), text(&h.name)))
            .collect();
        let _ = writeln!(out, "**Holiday:** {}\n", names.join(", "));
    }
    if !view.missing.is_empty() {
        let names: Vec<String> = view.missing.iter().map(|m| handle(m)).collect();
        let _ = writeln!(out, "**Missing:** {}", names.join(", "));
    }
    out
}

/// `blockers --format markdown`.
pub fn blockers(rows: &[BlockerRow], links: &Links) -> String {
    let mut out = String::new();
    for r in rows {
        let _ = writeln!(
            out,
            "- {}{}: {} (id {}, since {}, {}d)",
            handle(&r.author),
            if r.away { " (away)" } else { "" },
            linked(&r.text, links),
            text(&r.id),
            r.since,
            r.age_days
        );
        // Nested under the blocker: two spaces make a sub-list.
        for line in super::thread::lines(&r.replies) {
            let _ = writeln!(out, "  - {}", linked(&line, links));
        }
    }
    out
}

/// `blockers --format markdown` over several teams: a `## <team>` heading
/// and the team's blockers under it, for each team.
pub fn blockers_of_teams(groups: &[(String, Vec<BlockerRow>)], links: &[Links]) -> String {
    let mut out = String::new();
    let none = Links::none();
    for (i, (team, rows)) in groups.iter().enumerate() {
        let links = links.get(i).unwrap_or(&none);
        let _ = writeln!(out, "## {}\n", text(team));
        if rows.is_empty() {
            let _ = writeln!(out, "No open blockers.\n");
        } else {
            let _ = writeln!(out, "{}", blockers(rows, links));
        }
    }
    out
}

/// `log --format markdown`; each update shows its own of `replies`.
pub fn log(who: &str, updates: &[Update], replies: &[FoundReply], links: &Links) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", handle(who));
    for u in updates {
        let _ = writeln!(out, "### {}\n", u.date);
        update_body(&mut out, u, links);
        let thread = super::thread::to_update(replies, &u.author, u.date);
        let thread = texts(&super::thread::lines(&thread), links);
        section(&mut out, "Replies", &thread);
    }
    out
}

/// `mentions --format markdown`.
pub fn mentions(who: &str, rows: &[MentionRow]) -> String {
    if rows.is_empty() {
        return format!("Nothing mentions {} in the latest updates.\n", handle(who));
    }
    let mut out = format!("## Mentions of {}\n\n", handle(who));
    for r in rows {
        let _ = writeln!(
            out,
            "- {} ({}, {}): {}",
            handle(&r.author),
            r.kind,
            r.date,
            text(&r.text)
        );
    }
    out
}

/// `audit --format markdown`.
pub fn audit(report: &crate::trust::audit::Report) -> String {
    let mut out = format!(
        "**Audit:** {} commit(s) checked, {} violation(s).\n",
        report.commits_checked,
        report.violations.len()
    );
    if !report.violations.is_empty() {
        out.push('\n');
    }
    for v in &report.violations {
        let _ = writeln!(
            out,
            "- {} {} {} ({}): {}",
            text(&v.commit[..v.commit.len().min(10)]),
            match &v.member {
                Some(m) => handle(m),
                None => "(trust anchor)".to_string(),
            },
            text(&v.path),
            text(&v.committer),
            text(&v.reason)
        );
    }
    out
}
