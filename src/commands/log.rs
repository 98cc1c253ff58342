//! `async-up log`: one person's history, with the replies each update
//! received. A long history means everyone's reply files over that period:
//! they are read through the text cache (`store::texts`) and only those
//! naming the person are parsed.

use super::{finish_warnings, refresh, today_in, Since, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::Handle;
use crate::render::{self, Format};

/// Show one person's updates, oldest first.
///
/// Example: async-up log bob --since 2w
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Whose history (default: yours).
    #[arg(value_name = "HANDLE", add = clap_complete::ArgValueCandidates::new(crate::complete::handles))]
    pub handle: Option<String>,
    /// Start from this date (YYYY-MM-DD) or span back (7d, 2w, 3m, 1y).
    #[arg(long, value_name = "D", value_parser = Since::parse)]
    pub since: Option<Since>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Do not fetch first; show what the mirror has.
    #[arg(long)]
    pub no_fetch: bool,
}

/// Runs `log`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    let handle = match &args.handle {
        Some(h) => Handle::from_cli(h)?,
        None => ctx.identity(team.config.as_ref())?.handle,
    };
    refresh(ctx, &team, args.no_fetch)?;
    let snapshot = team
        .store
        .snapshot()?
        .with_text_cache(team.store.text_cache());
    let tz = snapshot
        .member(&handle)
        .map(|m| m.tz())
        .unwrap_or(chrono_tz::UTC);
    let since = args.since.map(|s| s.resolve(today_in(ctx.now, tz)));
    let updates = snapshot.updates_since(&handle, since);
    if updates.is_empty()
        && snapshot.member(&handle).is_none()
        && args.handle.is_some()
        && !snapshot.handles_with_updates().contains(&handle)
    {
        // Most likely a typo; "No updates." would read as a quiet teammate.
        // A folder whose every file was skipped is not a typo: the
        // warnings say why nothing shows.
        return Err(Error::Usage(format!(
            "no member @{handle} in team {} and no updates by them",
            team.name
        )));
    }
    let first = updates.first().map(|u| super::replies_from(u.date));
    let replies = match first {
        // A file that does not name the person (unless through an escape)
        // holds no reply to them: it is not parsed.
        Some(since) => snapshot.replies_between(Some(since), None, &|raw| {
            raw.contains('\\') || raw.contains(handle.as_str())
        }),
        None => Vec::new(),
    };
    snapshot.save_texts();
    let out = ctx.out();
    let text = match args.format {
        Format::Table => render::table::log(&out, &updates, &replies),
        Format::Markdown => {
            let links = super::links(&snapshot);
            render::markdown::log(handle.as_str(), &updates, &replies, &links)
        }
        Format::Json => render::json::log(&updates, &replies),
    };
    out.print(&text)?;
    finish_warnings(ctx, &snapshot)?;
    Ok(Status::Success)
}
