//! `async-up status`: have you written today, in your own zone? Fast and
//! offline (no fetch), for shell prompts and reminders, which must stop
//! nagging on your days off, on the team's holidays and while you are away. It also counts what
//! `inbox` would show, from the mirror as it is, marking nothing read.

use super::{today_in, Status};
use crate::context::Context;
use crate::error::Result;

/// Say whether you have written today's update.
///
/// Exit 0 when you have, or when none is expected today (a day off by your
/// member file's workdays, a holiday for your region in holidays.toml, or
/// while you are away); 1 when you have not.
/// Prints one short line (nothing with -q), then "N unread: run `async-up
/// inbox`" when the inbox has news (as of the last fetch; nothing is marked
/// read). Never touches the network.
///
/// Example (a reminder): async-up status -q || notify-send "Write your stand-up"
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `status`.
pub fn run(ctx: &Context, _args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    let me = ctx.handle(team.config.as_ref())?;
    let snapshot = team.store.snapshot()?;
    let tz = super::my_zone(&team, &snapshot, &me);
    let today = today_in(ctx.now, tz);
    let written = snapshot.update_on(&me, today).is_some();
    // Without a member file (the local-only team) the defaults hold: Mon-Fri.
    let member = snapshot
        .member(&me)
        .unwrap_or_else(|| snapshot.bare_member(me.as_str()));
    let (line, status) = if written {
        (
            format!("{} has written today's update ({today})", me),
            Status::Success,
        )
    } else if let Some(away) = member.away_on(today) {
        (
            format!(
                "{} is away until {}: no update expected today ({today})",
                me, away.until
            ),
            Status::Success,
        )
    } else if let Some(holiday) = member.holiday_on(today) {
        (
            format!(
                "{} has a holiday ({}): no update expected today ({today})",
                me,
                crate::render::sanitize::clean(&holiday.name)
            ),
            Status::Success,
        )
    } else if !member.is_workday(today) {
        (
            format!(
                "{} has a day off ({}): no update expected today ({today})",
                me,
                today.format("%A")
            ),
            Status::Success,
        )
    } else {
        (
            format!(
                "{} has not written today's update ({today}): run `async-up write`",
                me
            ),
            Status::Found,
        )
    };
    if !ctx.global.quiet {
        let unread = super::inbox::unread(ctx, &team, &snapshot, &me)?;
        let more = match unread {
            0 => String::new(),
            n => format!("{n} unread: run `async-up inbox`\n"),
        };
        let out = ctx.out();
        out.print(&crate::render::prose::wrap(
            &out,
            &format!("{line}\n{more}"),
        ))?;
    }
    Ok(status)
}
