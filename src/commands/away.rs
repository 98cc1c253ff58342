//! `async-up away`: say when you are away, so teammates see "away", not "missing".

use super::{parse_date, save_my_member_file, today_in, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::member::Away;
use chrono::NaiveDate;

/// Mark yourself away from one date until another (both included).
///
/// While away you are listed as away, not missing; your open blockers still
/// show, marked away. Stored in your member file.
///
/// Example: async-up away --from 2026-12-21 --until 2027-01-03 --note "Holidays, back on the 4th"
#[derive(Debug, clap::Args)]
pub struct Args {
    /// First day away (default: today).
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Last day away.
    #[arg(long, value_name = "D", value_parser = parse_date, required_unless_present = "clear")]
    pub until: Option<NaiveDate>,
    /// A word for teammates.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Remove every away period (you are back).
    #[arg(long, conflicts_with_all = ["from", "until", "note"])]
    pub clear: bool,
}

/// Runs `away`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    let clear = args.clear;
    save_my_member_file(ctx, &team, |m| {
        if clear {
            m.away.clear();
            return Ok(());
        }
        let from = args.from.unwrap_or_else(|| today_in(ctx.now, m.tz()));
        let until = args.until.expect("clap requires --until without --clear");
        if until < from {
            return Err(Error::Usage(format!(
                "--until {until} is before --from {from}"
            )));
        }
        m.away.retain(|a| a.until < from || a.from > until);
        m.away.push(Away {
            from,
            until,
            note: args.note.clone(),
        });
        m.away.sort_by_key(|a| a.from);
        Ok(())
    })?;
    ctx.note(if clear {
        "you are back: no away periods"
    } else {
        "away period saved"
    });
    Ok(Status::Success)
}
