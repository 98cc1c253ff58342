//! `async-up sync`: push what is committed locally, fetch what others wrote.

use super::Status;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::store::sync::SyncOutcome;

/// Push local updates and fetch everyone else's.
///
/// Local updates that are not on the remote yet are rebuilt on top of its
/// latest commit and pushed; nothing is ever force-pushed.
///
/// Example: async-up sync
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `sync`.
pub fn run(ctx: &Context, _args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    if team.store.is_external() {
        return Err(Error::Usage(
            "--repo is read-only: there is nothing to sync".into(),
        ));
    }
    if ctx.global.offline {
        return Err(Error::Usage(
            "sync needs the network; drop --offline".into(),
        ));
    }
    match team.store.sync()? {
        SyncOutcome::LocalOnly => ctx.note(
            "this is the local-only team: there is no remote to sync with. Join one with `async-up init <REMOTE>`.",
        ),
        SyncOutcome::UpToDate => ctx.note(&format!("team {}: up to date", team.name)),
        SyncOutcome::Pushed { commits, attempts } => ctx.note(&format!(
            "team {}: pushed {commits} update(s){}",
            team.name,
            if attempts > 1 {
                format!(" after {attempts} attempts")
            } else {
                String::new()
            }
        )),
        SyncOutcome::Offline { pending, reason } => {
            return Err(Error::Unreachable {
                remote: team.store.remote().map(|r| r.url.clone()).unwrap_or_default(),
                message: format!("{reason}\n{}", waiting(pending)),
            })
        }
    }
    Ok(Status::Success)
}

/// What waits for the remote; "0 update(s) stay" said nothing useful.
fn waiting(pending: usize) -> String {
    if pending == 0 {
        "nothing is waiting to be pushed; run `async-up sync` again when the remote is reachable to fetch what others wrote".to_string()
    } else {
        format!("{pending} update(s) stay committed locally; run `async-up sync` again when the remote is reachable")
    }
}
