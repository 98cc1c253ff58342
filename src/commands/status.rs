//! `async-up status`: have you written today, in your own zone? Fast and
//! offline (no fetch), for shell prompts and reminders.

use super::{today_in, Status};
use crate::context::Context;
use crate::error::Result;

/// Say whether you have written today's update.
///
/// Exit 0 when you have, 1 when you have not; prints one short line
/// (nothing with -q). Never touches the network.
///
/// Example (a reminder): async-up status -q || notify-send "Write your stand-up"
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `status`.
pub fn run(ctx: &Context, _args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    let me = ctx.identity(team.config.as_ref())?;
    let snapshot = team.store.snapshot()?;
    let tz = super::my_zone(&team, &snapshot, &me.handle);
    let today = today_in(ctx.now, tz);
    let written = snapshot.update_on(&me.handle, today).is_some();
    if !ctx.global.quiet {
        let line = if written {
            format!("{} has written today's update ({today})\n", me.handle)
        } else {
            format!(
                "{} has not written today's update ({today}): run `async-up write`\n",
                me.handle
            )
        };
        ctx.out().print(&line)?;
    }
    Ok(if written {
        Status::Success
    } else {
        Status::Found
    })
}
