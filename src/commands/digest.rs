//! `async-up digest`: what happened in a period, for leads: per member what
//! they planned each day beside what they reported next, blockers opened and
//! resolved, days away; then the team's open blockers by age.

use super::{parse_date, refresh, roster, today_in, Since, Status};
use crate::context::Context;
use crate::error::Result;
use crate::insight::{blocker_lives, dates};
use crate::model::Handle;
use chrono::NaiveDate;
use serde::Serialize;

/// Summarise a period: plans against what was reported, blockers, time away.
///
/// Markdown pastes into GitHub, Slack or an email; `examples/` has a
/// scheduled CI job that posts the weekly digest to a chat webhook.
///
/// Example: async-up digest --week --format markdown
#[derive(Debug, clap::Args)]
pub struct Args {
    /// This week: Monday to today (the last seven days on a weekend).
    #[arg(long, conflicts_with = "since")]
    pub week: bool,
    /// Start of the period: a date or a span back (default: --week).
    #[arg(long, value_name = "D", value_parser = Since::parse)]
    pub since: Option<Since>,
    /// End of the period (default: today).
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DigestFormat::Markdown)]
    pub format: DigestFormat,
    /// Do not fetch first.
    #[arg(long)]
    pub no_fetch: bool,
}

/// Formats of `digest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DigestFormat {
    /// Markdown for chat and email.
    Markdown,
    /// Stable JSON.
    Json,
    /// A small self-contained HTML page.
    Html,
}

#[derive(Serialize)]
struct Day {
    date: String,
    planned: Vec<String>,
    reported: Option<Vec<String>>,
}

#[derive(Serialize)]
struct BlockerJson {
    id: String,
    text: String,
    since: String,
    resolved: Option<String>,
    days: Option<i64>,
}

#[derive(Serialize)]
struct MemberDigest {
    handle: String,
    days: Vec<Day>,
    blockers_opened: Vec<BlockerJson>,
    blockers_resolved: Vec<BlockerJson>,
    away_days: u32,
}

#[derive(Serialize)]
struct OpenBlocker {
    author: String,
    id: String,
    text: String,
    since: String,
    age_days: i64,
}

#[derive(Serialize)]
struct Digest {
    schema: u32,
    team: String,
    since: String,
    until: String,
    members: Vec<MemberDigest>,
    open_blockers: Vec<OpenBlocker>,
}

/// Runs `digest`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    refresh(ctx, &team, args.no_fetch)?;
    let today = today_in(ctx.now, super::reader_zone());
    let until = args.until.unwrap_or(today);
    let since = match args.since {
        Some(s) => s.resolve(until),
        None => crate::insight::week_of(until).0,
    };
    let (since, until) = super::period_bounds(since, until)?;
    let snapshot = team.store.snapshot()?;
    let mut members = Vec::new();
    let mut open_blockers = Vec::new();
    for member in roster(&snapshot) {
        let handle = Handle::parse(&member.handle)?;
        let history = super::period_history(&snapshot, &handle, since, until);
        let mut days = Vec::new();
        for (i, u) in history.iter().enumerate() {
            if u.date < since {
                continue;
            }
            days.push(Day {
                date: u.date.to_string(),
                planned: u.today.clone(),
                reported: history.get(i + 1).map(|next| next.yesterday.clone()),
            });
        }
        let lives = blocker_lives(&history);
        let to_json = |l: &crate::insight::BlockerLife| BlockerJson {
            id: l.id.clone(),
            text: l.text.clone(),
            since: l.since.to_string(),
            resolved: l.resolved.map(|r| r.to_string()),
            days: l.resolved.map(|r| (r - l.since).num_days()),
        };
        let opened = lives
            .iter()
            .filter(|l| l.since >= since && l.since <= until)
            .map(to_json)
            .collect();
        let resolved = lives
            .iter()
            .filter(|l| l.resolved.is_some_and(|r| r >= since && r <= until))
            .map(to_json)
            .collect();
        for l in lives.iter().filter(|l| l.resolved.is_none()) {
            open_blockers.push(OpenBlocker {
                author: member.handle.clone(),
                id: l.id.clone(),
                text: l.text.clone(),
                since: l.since.to_string(),
                age_days: (until - l.since).num_days().max(0),
            });
        }
        let away_days = dates(since, until)
            .filter(|d| member.away_on(*d).is_some())
            .count() as u32;
        members.push(MemberDigest {
            handle: member.handle.clone(),
            days,
            blockers_opened: opened,
            blockers_resolved: resolved,
            away_days,
        });
    }
    open_blockers.sort_by(|a, b| b.age_days.cmp(&a.age_days).then(a.author.cmp(&b.author)));
    super::finish_warnings(ctx, &snapshot)?;
    let digest = Digest {
        schema: 1,
        team: team.name.clone(),
        since: since.to_string(),
        until: until.to_string(),
        members,
        open_blockers,
    };
    let text = match args.format {
        DigestFormat::Json => {
            let json = serde_json::to_string_pretty(&digest).expect("digest serializes");
            format!("{}\n", crate::render::sanitize::escape_json(&json))
        }
        DigestFormat::Markdown => markdown(&digest),
        DigestFormat::Html => html(&markdown(&digest)),
    };
    ctx.out().print(&text)?;
    Ok(Status::Success)
}

fn markdown(d: &Digest) -> String {
    use crate::render::sanitize::clean;
    use std::fmt::Write;
    let t = |s: &str| clean(s).replace('<', "\\<").replace('>', "\\>");
    let mut out = String::new();
    let _ = writeln!(out, "# {} digest, {} to {}\n", t(&d.team), d.since, d.until);
    for m in &d.members {
        let _ = writeln!(out, "## @{}\n", clean(&m.handle));
        if m.away_days > 0 {
            let _ = writeln!(out, "Away {} day(s).\n", m.away_days);
        }
        if m.days.is_empty() {
            out.push_str("_No updates in this period._\n\n");
        }
        for day in &m.days {
            let _ = writeln!(out, "**{}**", day.date);
            for p in &day.planned {
                let _ = writeln!(out, "- planned: {}", t(p));
            }
            match &day.reported {
                Some(r) if !r.is_empty() => {
                    for x in r {
                        let _ = writeln!(out, "- reported next: {}", t(x));
                    }
                }
                Some(_) => out.push_str("- reported next: _nothing_\n"),
                None => out.push_str("- reported next: _no later update yet_\n"),
            }
            out.push('\n');
        }
        for b in &m.blockers_opened {
            let _ = writeln!(out, "- blocker opened {}: {}", b.since, t(&b.text));
        }
        for b in &m.blockers_resolved {
            let _ = writeln!(
                out,
                "- blocker resolved {} after {} day(s): {}",
                b.resolved.as_deref().unwrap_or("?"),
                b.days.unwrap_or(0),
                t(&b.text)
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
            "- @{}: {} ({}d, since {})",
            clean(&b.author),
            t(&b.text),
            b.age_days,
            b.since
        );
    }
    out
}

/// Wraps the markdown digest in a minimal HTML page (escaped, no scripts).
fn html(markdown: &str) -> String {
    let escaped = markdown
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>async-up digest</title></head>\n<body><pre style=\"font: 14px/1.4 system-ui, sans-serif; white-space: pre-wrap\">{escaped}</pre></body></html>\n"
    )
}
