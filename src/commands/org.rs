//! Views over several teams (`--team A --team B`, `--all-teams`), for a
//! lead who follows more than one: which teams, fetching them at once
//! (bounded), and what a team that cannot be read does to the exit code.
//!
//! A team whose remote is out of reach is shown from its mirror with a
//! warning, as a single-team view does. A team that cannot be read at all
//! (no mirror and no remote to build one from, a damaged config) is left
//! out with a warning and the view ends with exit 2 once the others are
//! shown: a CI gate over the organisation must not pass because one team
//! was silently missing from it.

use super::{refresh, Status};
use crate::context::{Context, Team};
use crate::error::{Error, Result};
use crate::render;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The most teams fetched at the same time: each fetch is a git process
/// and a connection, and a lead may follow dozens of teams.
pub const MAX_AT_ONCE: usize = 4;

/// The flag that selects every joined team; `--team` is a global option.
#[derive(Debug, Clone, clap::Args)]
pub struct TeamsArgs {
    /// Show every joined team in one view, each entry marked with its team (or give --team more than once).
    #[arg(long)]
    pub all_teams: bool,
}

/// One team of a view over several, opened and fetched.
pub struct Opened {
    /// The name it was joined under (the config's, what `--team` takes).
    pub name: String,
    /// The team.
    pub team: Team,
    /// Why its remote could not be fetched, when it could not.
    pub stale: Option<String>,
}

/// The teams of a view over several: those that opened, in the order asked,
/// and the names of those that could not be read at all.
pub struct Several {
    /// The teams that can be shown.
    pub opened: Vec<Opened>,
    /// The teams left out (each already warned about).
    pub failed: Vec<String>,
}

/// The teams to show when the view is over several teams (`--all-teams`, or
/// `--team` more than once); `None` for the single-team view, whose output
/// stays as it always was.
pub fn selected(ctx: &Context, args: &TeamsArgs) -> Result<Option<Vec<String>>> {
    if !args.all_teams && ctx.global.teams.len() < 2 {
        return Ok(None);
    }
    if ctx.global.repo.is_some() {
        return Err(Error::Usage(
            "--repo reads one repository; give it without --all-teams or a second --team".into(),
        ));
    }
    ctx.config
        .select_teams(&ctx.global.teams, args.all_teams)
        .map(Some)
}

/// Opens and fetches (unless `no_fetch`) each named team, at most
/// [`MAX_AT_ONCE`] at a time; each fetch has its own network timeout. A team
/// that fails is warned about and left out.
pub fn open_all(ctx: &Context, names: &[String], no_fetch: bool) -> Several {
    type Slot = Option<Result<(Team, Option<String>)>>;
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Slot>> = Mutex::new(names.iter().map(|_| None).collect());
    // git's progress redraws one terminal line: fetches at once would
    // write over each other's. Off while they run, back on for the reading.
    let progress = render::progress::enabled();
    render::progress::enable(progress && names.len() < 2);
    let threads = crate::store::mapped::Threads::start();
    std::thread::scope(|scope| {
        for _ in 0..MAX_AT_ONCE.min(names.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(name) = names.get(i) else { break };
                // Warnings while opening and fetching (the remote moved,
                // showing local data) name their team once there are several.
                let about = (names.len() > 1).then_some(name.as_str());
                let result = render::about_team(about, || {
                    ctx.open_team_named(name).and_then(|team| {
                        let stale = refresh(ctx, &team, no_fetch)?;
                        Ok((team, stale))
                    })
                });
                let mut slots = slots.lock().unwrap_or_else(|e| e.into_inner());
                slots[i] = Some(result);
            });
        }
    });
    drop(threads);
    render::progress::enable(progress);
    let slots = slots.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut several = Several {
        opened: Vec::new(),
        failed: Vec::new(),
    };
    for (name, slot) in names.iter().zip(slots) {
        match slot {
            Some(Ok((team, stale))) => several.opened.push(Opened {
                name: name.clone(),
                team,
                stale,
            }),
            Some(Err(e)) => {
                left_out(name, &e);
                several.failed.push(name.clone());
            }
            None => several.failed.push(name.clone()),
        }
    }
    several
}

/// Warns that team `name` is left out of the view, and why.
pub fn left_out(name: &str, e: &Error) {
    render::warn(&format!(
        "team {}: {e}; it is left out of this view",
        render::sanitize::clean(name)
    ));
}

/// `--require-fresh` over several teams: an error naming each team whose
/// remote could not be fetched.
pub fn require_fresh(several: &Several) -> Result<()> {
    let stale: Vec<String> = several
        .opened
        .iter()
        .filter_map(|o| {
            o.stale
                .as_ref()
                .map(|why| format!("team {}: {why}", o.name))
        })
        .collect();
    if stale.is_empty() {
        Ok(())
    } else {
        Err(Error::Stale(stale.join("; ")))
    }
}

/// Ends a view over several teams once it is shown: the warnings about the
/// teams' files (an error under `--strict`), then exit 2 when a team was
/// left out, else `status`.
pub fn finish(
    ctx: &Context,
    failed: &[String],
    warnings: Vec<String>,
    status: Status,
) -> Result<Status> {
    super::report_warnings(ctx, warnings)?;
    if !failed.is_empty() {
        return Err(Error::TeamsLeftOut(
            failed
                .iter()
                .map(|n| render::sanitize::clean(n))
                .collect::<Vec<_>>()
                .join(", "),
        ));
    }
    Ok(status)
}
