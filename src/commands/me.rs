//! `async-up me`: edit your own member file (and only yours).

use super::{save_my_member_file, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::availability::{parse_span, parse_workdays};

/// Set your time zone, workdays, working hours and focus blocks.
///
/// Teammates see your local time and whether you are working, in focus time,
/// off hours, on a day off or away. Only the flags given change.
///
/// Example: async-up me --timezone Asia/Kolkata --hours 09:30-18:00 --focus 10:00-12:00 --workdays Mon-Fri
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Your IANA time zone.
    #[arg(long, value_name = "IANA")]
    pub timezone: Option<String>,
    /// Working hours, HH:MM-HH:MM in your zone.
    #[arg(long, value_name = "SPAN")]
    pub hours: Option<String>,
    /// Focus blocks, HH:MM-HH:MM (repeatable; replaces the list).
    #[arg(long, value_name = "SPAN")]
    pub focus: Vec<String>,
    /// Remove all focus blocks.
    #[arg(long, conflicts_with = "focus")]
    pub no_focus: bool,
    /// Workdays: day names or ranges, such as Mon-Thu (repeatable; replaces the list).
    #[arg(long, value_name = "DAYS")]
    pub workdays: Vec<String>,
    /// Your display name.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

/// Runs `me`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    if let Some(z) = &args.timezone {
        crate::clock::parse_zone(z)?;
    }
    for span in args.hours.iter().chain(&args.focus) {
        if parse_span(span).is_none() {
            return Err(Error::Usage(format!(
                "{span:?} is not a span like 09:00-17:30"
            )));
        }
    }
    if !args.workdays.is_empty() && parse_workdays(&args.workdays).is_none() {
        return Err(Error::Usage(format!(
            "{:?} is not a list of workdays like Mon-Fri or Mon Tue Thu",
            args.workdays.join(" ")
        )));
    }
    let team = ctx.open_team()?;
    let member = save_my_member_file(ctx, &team, |m| {
        if let Some(z) = &args.timezone {
            m.timezone = Some(z.clone());
        }
        if let Some(h) = &args.hours {
            m.hours = Some(h.clone());
        }
        if args.no_focus {
            m.focus.clear();
        } else if !args.focus.is_empty() {
            m.focus = args.focus.clone();
        }
        if !args.workdays.is_empty() {
            m.workdays = Some(args.workdays.clone());
        }
        if let Some(n) = &args.name {
            m.name = Some(n.clone());
        }
        Ok(())
    })?;
    ctx.out()
        .print(&crate::render::sanitize::clean_lines(&member.to_toml()))?;
    Ok(Status::Success)
}
