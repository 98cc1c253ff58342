//! `async-up mentions`: what is waiting on me. The current updates (each
//! member's latest) and their threads: a mention in a reply to an update
//! that has since been replaced is as stale as one in the update itself.

use super::{finish_warnings, refresh, roster, today_in, Status};
use crate::context::Context;
use crate::error::Result;
use crate::model::{mention::mentions_handle, Handle};
use crate::render::{self, Format, MentionRow};

/// List open blockers, today-items and replies that mention you (`@handle`), newest first.
///
/// Looks at each member's latest update and the replies to it.
///
/// Example: async-up mentions --format json
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Whose mentions (default: yours).
    #[arg(value_name = "HANDLE", add = clap_complete::ArgValueCandidates::new(crate::complete::handles))]
    pub handle: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Do not fetch first.
    #[arg(long)]
    pub no_fetch: bool,
}

/// Runs `mentions`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    let who = match &args.handle {
        Some(h) => Handle::from_cli(h)?,
        None => ctx.handle(team.config.as_ref())?,
    };
    refresh(ctx, &team, args.no_fetch)?;
    let snapshot = team.store.snapshot()?;
    let mut rows = Vec::new();
    let mut latest = Vec::new();
    for member in roster(&snapshot) {
        let handle = Handle::parse(&member.handle)?;
        let Some(update) = snapshot.latest_update(&handle, Some(today_in(ctx.now, member.tz())))
        else {
            continue;
        };
        latest.push((update.author.clone(), update.date));
        for b in &update.blockers {
            if mentions_handle(&b.text, who.as_str()) {
                rows.push(MentionRow {
                    author: update.author.clone(),
                    kind: "blocker",
                    text: b.text.clone(),
                    date: update.date,
                    written_at: update.written_at,
                });
            }
        }
        for t in &update.today {
            if mentions_handle(t, who.as_str()) {
                rows.push(MentionRow {
                    author: update.author.clone(),
                    kind: "today",
                    text: t.clone(),
                    date: update.date,
                    written_at: update.written_at,
                });
            }
        }
    }
    // The threads under those updates, as `team` shows them.
    if let Some(oldest) = latest.iter().map(|(_, d)| *d).min() {
        for r in snapshot.replies(Some(super::replies_from(oldest))) {
            let answers_latest = latest
                .iter()
                .any(|(a, d)| *a == r.reply.to && *d == r.reply.date);
            let Some(text) = r.reply.text.as_deref() else {
                continue;
            };
            if answers_latest && mentions_handle(text, who.as_str()) {
                rows.push(MentionRow {
                    author: r.author.clone(),
                    kind: "reply",
                    text: text.to_string(),
                    date: r.reply.date,
                    written_at: r.reply.written_at,
                });
            }
        }
    }
    rows.sort_by(|a, b| {
        b.written_at
            .cmp(&a.written_at)
            .then(a.author.cmp(&b.author))
    });
    let out = ctx.out();
    let text = match args.format {
        Format::Json => render::json::mentions(who.as_str(), &rows),
        Format::Table => render::table::mentions(&out, who.as_str(), &rows),
        Format::Markdown => render::markdown::mentions(who.as_str(), &rows),
    };
    out.print(&text)?;
    finish_warnings(ctx, &snapshot)?;
    Ok(Status::Success)
}
