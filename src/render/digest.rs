//! The digest of a period as JSON, markdown for chat and email, and a small
//! HTML page. `commands::digest` gathers the data; teammate text in it is
//! escaped here like in every other view ([`super::markdown::text`]).

use super::links::Links;
use super::markdown::{handle, linked, text};
use super::thread;
use crate::model::reply::FoundReply;
use serde::Serialize;
use std::fmt::Write;

/// What one member planned on a day beside what they reported next.
#[derive(Serialize, schemars::JsonSchema)]
pub struct Day {
    /// The update's date.
    pub date: String,
    /// Its today items.
    pub planned: Vec<String>,
    /// The next update's yesterday items, if there is a next update.
    pub reported: Option<Vec<String>>,
    /// Replies and reactions to the update, oldest first (shown in markdown
    /// and HTML, as under `team`; not part of the JSON).
    #[serde(skip)]
    pub replies: Vec<FoundReply>,
}

/// A blocker opened or resolved in the period.
#[derive(Serialize, schemars::JsonSchema)]
pub struct BlockerJson {
    /// Its id.
    pub id: String,
    /// What blocked.
    pub text: String,
    /// When it was opened.
    pub since: String,
    /// When it was resolved, if it was.
    pub resolved: Option<String>,
    /// Days from opened to resolved.
    pub days: Option<i64>,
}

/// One member's period.
#[derive(Serialize, schemars::JsonSchema)]
pub struct MemberDigest {
    /// Who.
    pub handle: String,
    /// Their updates in the period.
    pub days: Vec<Day>,
    /// Blockers opened in the period.
    pub blockers_opened: Vec<BlockerJson>,
    /// Blockers resolved in the period.
    pub blockers_resolved: Vec<BlockerJson>,
    /// Days away in the period.
    pub away_days: u32,
    /// The team (the name it was joined under), in a digest over several teams; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// The team's holidays for the member in the period (days away left out).
    pub holidays: Vec<HolidayDay>,
}

/// A holiday of one member (`holidays.toml`).
#[derive(Serialize, schemars::JsonSchema)]
pub struct HolidayDay {
    /// The day, in the member's zone.
    pub date: String,
    /// The holiday's name.
    pub name: String,
}

/// "2026-12-24 Heiligabend, 2026-12-25 Christmas", each name through `esc`.
fn holiday_list(m: &MemberDigest, esc: impl Fn(&str) -> String) -> String {
    m.holidays
        .iter()
        .map(|h| format!("{} {}", h.date, esc(&h.name)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A blocker still open at the end of the period.
#[derive(Serialize, schemars::JsonSchema)]
pub struct OpenBlocker {
    /// Whose blocker.
    pub author: String,
    /// Its id.
    pub id: String,
    /// What blocks.
    pub text: String,
    /// Since when.
    pub since: String,
    /// Days open at the end of the period.
    pub age_days: i64,
    /// The team (the name it was joined under), in a digest over several teams; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// Replies to it, offers of help among them (not part of the JSON).
    #[serde(skip)]
    pub replies: Vec<FoundReply>,
}

/// The whole digest; its JSON keys are a stable interface.
#[derive(Serialize, schemars::JsonSchema)]
pub struct Digest {
    /// The JSON schema version.
    pub schema: u32,
    /// The team's name.
    pub team: String,
    /// First day of the period.
    pub since: String,
    /// Last day of the period.
    pub until: String,
    /// Per member.
    pub members: Vec<MemberDigest>,
    /// The team's open blockers, oldest first.
    pub open_blockers: Vec<OpenBlocker>,
    /// What the rules of the signals found, each naming its rule.
    pub signals: Vec<crate::insight::signals::Signal>,
    /// The team's `[links]`, for the markdown, HTML and Slack renderings.
    #[serde(skip)]
    pub links: super::links::Links,
}

/// `digest --format json`.
pub fn json(d: &Digest) -> String {
    let json = serde_json::to_string_pretty(d).expect("digest serializes");
    format!("{}\n", super::sanitize::escape_json(&json))
}

/// `digest --format markdown`; teammates' text links as the team maps it.
pub fn markdown(d: &Digest, links: &Links) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} digest, {} to {}\n",
        text(&d.team),
        d.since,
        d.until
    );
    for m in &d.members {
        let _ = writeln!(out, "## {}\n", handle(&m.handle));
        if m.away_days > 0 {
            let _ = writeln!(out, "Away {} day(s).\n", m.away_days);
        }
        if !m.holidays.is_empty() {
            let _ = writeln!(out, "Holidays: {}.\n", holiday_list(m, text));
        }
        if m.days.is_empty() {
            out.push_str("_No updates in this period._\n\n");
        }
        for day in &m.days {
            // A blank line under it: Teams and Mattermost start a list only
            // as a block of its own.
            let _ = writeln!(out, "**{}**\n", day.date);
            for p in &day.planned {
                let _ = writeln!(out, "- planned: {}", linked(p, links));
            }
            match &day.reported {
                Some(r) if !r.is_empty() => {
                    for x in r {
                        let _ = writeln!(out, "- reported next: {}", linked(x, links));
                    }
                }
                Some(_) => out.push_str("- reported next: _nothing_\n"),
                None => out.push_str("- reported next: _no later update yet_\n"),
            }
            for line in thread::lines(&day.replies) {
                let _ = writeln!(out, "- reply: {}", linked(&line, links));
            }
            out.push('\n');
        }
        for b in &m.blockers_opened {
            let _ = writeln!(
                out,
                "- blocker opened {}: {}",
                b.since,
                linked(&b.text, links)
            );
        }
        for b in &m.blockers_resolved {
            let _ = writeln!(
                out,
                "- blocker resolved {} after {} day(s): {}",
                b.resolved.as_deref().unwrap_or("?"),
                b.days.unwrap_or(0),
                linked(&b.text, links)
            );
        }
        if !m.blockers_opened.is_empty() || !m.blockers_resolved.is_empty() {
            out.push('\n');
        }
    }
    out.push_str("## Open blockers\n\n");
    if d.open_blockers.is_empty() {
        out.push_str("None.\n");
    }
    for b in &d.open_blockers {
        let _ = writeln!(
            out,
            "- {}: {} ({}d, since {})",
            handle(&b.author),
            linked(&b.text, links),
            b.age_days,
            b.since
        );
        // Nested under the blocker: two spaces make a sub-list.
        for line in thread::lines(&b.replies) {
            let _ = writeln!(out, "  - reply: {}", linked(&line, links));
        }
    }
    out.push_str("\n## Signals\n\n");
    if d.signals.is_empty() {
        out.push_str("None.\n");
    }
    for s in &d.signals {
        let _ = writeln!(out, "- {}", text(&signal_line(s)));
    }
    out
}

/// One signal as a line of plain text: its rule, whom it is about, what
/// fired it and the rule as applied. Each format escapes it its own way.
pub fn signal_line(s: &crate::insight::signals::Signal) -> String {
    let who = s
        .person
        .as_deref()
        .map_or_else(|| "team".to_string(), |p| format!("@{p}"));
    format!("{} {who}: {} (rule: {})", s.rule, s.detail, s.why)
}

/// `digest --format html`: a small self-contained page built from the same
/// data (no script, no network), every teammate text escaped by
/// [`super::html::esc`], mapped references as links ([`super::links::html`]).
pub fn html(d: &Digest, links: &Links) -> String {
    use super::html::esc;
    let linked = |s: &str| super::links::html(s, links);
    let mut page = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} digest</title>\n<style>body{{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#212529}}h1{{font-size:22px}}h2{{font-size:17px;margin-top:24px}}h3{{font-size:14px;margin-bottom:4px}}</style></head>\n<body>\n<h1>{} digest, {} to {}</h1>\n",
        esc(&d.team),
        esc(&d.team),
        d.since,
        d.until
    );
    let list = |page: &mut String, items: &[String]| {
        if !items.is_empty() {
            page.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(page, "<li>{item}</li>");
            }
            page.push_str("</ul>\n");
        }
    };
    for m in &d.members {
        let _ = writeln!(page, "<h2>@{}</h2>", esc(&m.handle));
        if m.away_days > 0 {
            let _ = writeln!(page, "<p>Away {} day(s).</p>", m.away_days);
        }
        if !m.holidays.is_empty() {
            let _ = writeln!(page, "<p>Holidays: {}.</p>", holiday_list(m, esc));
        }
        if m.days.is_empty() {
            page.push_str("<p><em>No updates in this period.</em></p>\n");
        }
        for day in &m.days {
            let _ = writeln!(page, "<h3>{}</h3>", day.date);
            let mut items: Vec<String> = day
                .planned
                .iter()
                .map(|p| format!("planned: {}", linked(p)))
                .collect();
            match &day.reported {
                Some(r) if !r.is_empty() => {
                    items.extend(r.iter().map(|x| format!("reported next: {}", linked(x))));
                }
                Some(_) => items.push("reported next: <em>nothing</em>".into()),
                None => items.push("reported next: <em>no later update yet</em>".into()),
            }
            let thread = thread::lines(&day.replies);
            items.extend(thread.iter().map(|l| format!("reply: {}", linked(l))));
            list(&mut page, &items);
        }
        let mut blockers: Vec<String> = m
            .blockers_opened
            .iter()
            .map(|b| format!("blocker opened {}: {}", b.since, linked(&b.text)))
            .collect();
        blockers.extend(m.blockers_resolved.iter().map(|b| {
            format!(
                "blocker resolved {} after {} day(s): {}",
                b.resolved.as_deref().unwrap_or("?"),
                b.days.unwrap_or(0),
                linked(&b.text)
            )
        }));
        list(&mut page, &blockers);
    }
    page.push_str("<h2>Open blockers</h2>\n");
    if d.open_blockers.is_empty() {
        page.push_str("<p>None.</p>\n");
    }
    let open: Vec<String> = d
        .open_blockers
        .iter()
        .map(|b| {
            let thread: String = thread::lines(&b.replies)
                .iter()
                .map(|l| format!("<li>reply: {}</li>", linked(l)))
                .collect();
            format!(
                "@{}: {} ({}d, since {}){}",
                esc(&b.author),
                linked(&b.text),
                b.age_days,
                b.since,
                if thread.is_empty() {
                    thread
                } else {
                    format!("<ul>{thread}</ul>")
                }
            )
        })
        .collect();
    list(&mut page, &open);
    page.push_str("<h2>Signals</h2>\n");
    if d.signals.is_empty() {
        page.push_str("<p>None.</p>\n");
    }
    let signals: Vec<String> = d.signals.iter().map(|s| esc(&signal_line(s))).collect();
    list(&mut page, &signals);
    page.push_str("</body></html>\n");
    page
}
