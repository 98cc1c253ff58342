//! `async-up blockers`: what is blocking whom. Exit 0 when nothing is, 1 when
//! something is, 2 on error, so CI scripts can branch on it.

use super::{finish_warnings, refresh, roster, today_in, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::Handle;
use crate::render::{self, BlockerRow, Format};

/// List every open blocker in each member's latest update.
///
/// Exits 1 when at least one blocker is listed, 0 when none, 2 on error.
///
/// Example (fail a CI job on blockers older than two days):
///   async-up blockers --older-than 2 --require-fresh
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Only blockers open for more than DAYS days.
    #[arg(long, value_name = "DAYS")]
    pub older_than: Option<u32>,
    /// Do not fetch first; show what the mirror has.
    #[arg(long)]
    pub no_fetch: bool,
    /// Exit 2 instead of judging stale data when the remote cannot be fetched.
    #[arg(long)]
    pub require_fresh: bool,
    /// Only blockers that mention this handle (`@handle`).
    #[arg(long, value_name = "HANDLE", add = clap_complete::ArgValueCandidates::new(crate::complete::handles))]
    pub mentions: Option<String>,
}

/// Runs `blockers`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    let stale = refresh(ctx, &team, args.no_fetch)?;
    if let (true, Some(reason)) = (args.require_fresh, stale) {
        return Err(Error::Stale(reason));
    }
    let mentioned = args.mentions.as_deref().map(Handle::from_cli).transpose()?;
    let snapshot = team.store.snapshot()?;
    let mut rows = Vec::new();
    for member in roster(&snapshot) {
        let handle = Handle::parse(&member.handle)?;
        let today = today_in(ctx.now, member.tz());
        let Some(update) = snapshot.latest_update(&handle, Some(today)) else {
            continue;
        };
        for b in update.blockers {
            let age_days = (today - b.since).num_days().max(0);
            if args
                .older_than
                .is_some_and(|min| age_days <= i64::from(min))
            {
                continue;
            }
            if let Some(h) = &mentioned {
                if !crate::model::mention::mentions_handle(&b.text, h.as_str()) {
                    continue;
                }
            }
            rows.push(BlockerRow {
                author: member.handle.clone(),
                id: b.id,
                text: b.text,
                since: b.since,
                age_days,
                away: member.away_on(today).is_some(),
            });
        }
    }
    rows.sort_by(|a, b| b.age_days.cmp(&a.age_days).then(a.author.cmp(&b.author)));
    let out = ctx.out();
    let text = match args.format {
        Format::Table => render::table::blockers(&out, &rows),
        Format::Markdown => render::markdown::blockers(&rows),
        Format::Json => render::json::blockers(&rows),
    };
    out.print(&text)?;
    finish_warnings(ctx, &snapshot)?;
    Ok(if rows.is_empty() {
        Status::Success
    } else {
        Status::Found
    })
}
