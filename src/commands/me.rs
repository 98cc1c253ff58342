//! `async-up me`: edit your own member file (and only yours).

use super::{save_my_member_file, Status};
use crate::context::{Context, Team};
use crate::error::{Error, Result};
use crate::model::availability::{parse_span, parse_workdays};

/// Set your time zone, workdays, working hours, focus blocks, region and email.
///
/// Teammates see your local time and whether you are working, in focus time,
/// off hours, on a day off or away. Only the flags given change.
///
/// --email changes the address `audit` expects on your commits. `audit`
/// judges a change to your member file by the file as it was, so this change
/// is committed as the address the file had, whatever git's user.email says
/// now: the member the team knows vouches for the new address. From then on
/// your commits must carry the new one, so set git's user.email to it
/// (before or after; `async-up doctor` says when the two differ).
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
    /// Your email: the committer address `audit` expects on your commits.
    #[arg(long, value_name = "ADDR")]
    pub email: Option<String>,
    /// Your region, such as de or us-ca: the team's holidays for it
    /// (holidays.toml) are your days off.
    #[arg(long, value_name = "CODE")]
    pub region: Option<String>,
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
    if let Some(e) = &args.email {
        check_email(e)?;
    }
    if let Some(r) = args
        .region
        .as_deref()
        .filter(|r| !crate::model::holiday::is_region(r))
    {
        return Err(Error::Usage(format!(
            "{r:?} is not a region code like de or us-ca (letters, digits and -)"
        )));
    }
    let team = ctx.open_team()?;
    let mut email_before = None;
    let member = save_my_member_file(ctx, &team, |m| {
        if let Some(e) = &args.email {
            email_before = m.email.replace(e.clone());
        }
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
        if let Some(r) = &args.region {
            m.region = Some(r.to_ascii_lowercase());
        }
        Ok(())
    })?;
    if let Some(new) = &args.email {
        email_changed(ctx, &team, email_before.as_deref(), new)?;
    }
    ctx.out()
        .print(&crate::render::sanitize::clean_lines(&member.to_toml()))?;
    let moved = args.timezone.is_some()
        || args.hours.is_some()
        || !args.workdays.is_empty()
        || !args.focus.is_empty()
        || args.no_focus;
    if moved {
        offer_new_schedule(ctx)?;
    }
    Ok(Status::Success)
}

/// After a change of zone, hours, workdays or focus: the reminder
/// schedules installed for this team still fire at the old times, so offer
/// to install them again (same scheduler, same `--at`). Without a terminal
/// to ask on, say how.
fn offer_new_schedule(ctx: &Context) -> Result<()> {
    use std::io::{BufRead, IsTerminal, Write};
    // A team read with --repo has no schedule.
    let Ok(owner) = super::remind::owner(ctx) else {
        return Ok(());
    };
    for (scheduler, at) in crate::schedule::installed(&owner) {
        let command = owner.install_command(scheduler, at);
        let yours = format!(
            "your {} reminder for team {} still follows your old settings",
            scheduler.name(),
            owner.key
        );
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            ctx.note(&format!("{yours}; to move it: {command}"));
            continue;
        }
        let mut stderr = std::io::stderr();
        let _ = write!(stderr, "{yours}; update it? [Y/n] ");
        let _ = stderr.flush();
        let mut answer = String::new();
        let read = std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .map_err(|e| Error::io("reading the answer", e))?;
        let answer = answer.trim().to_ascii_lowercase();
        if read > 0 && (answer.is_empty() || answer == "y" || answer == "yes") {
            super::remind::install(ctx, scheduler, at, false)?;
        } else {
            ctx.note(&format!("left as it was; to move it later: {command}"));
        }
    }
    Ok(())
}

/// After `--email`: keeps a per-team `email` in the user config in step, and
/// says who the change was committed as and what git must say from now on.
fn email_changed(ctx: &Context, team: &Team, before: Option<&str>, new: &str) -> Result<()> {
    if let Some(old) = before.filter(|old| *old != new) {
        ctx.note(&format!(
            "committed the change as {old}, the address your member file had, so `async-up audit` accepts it"
        ));
    }
    // Signatures are checked against the keys listed for an address: under
    // required signing, the new one needs its own line first.
    let signing = team
        .store
        .snapshot()
        .ok()
        .and_then(|s| s.team_file())
        .and_then(|t| t.signing)
        .filter(|s| s.required);
    if let Some(signing) = signing {
        crate::render::warn(&format!(
            "the team requires signed commits: until a maintainer lists your key for {new} in {}, `async-up audit` flags your commits",
            signing.allowed_signers
        ));
    }
    if team.config.as_ref().is_some_and(|tc| tc.email.is_some()) {
        let mut config = ctx.config.clone();
        if let Some(entry) = config.teams.get_mut(&team.name) {
            entry.email = Some(new.to_string());
            config.save(&ctx.paths.config_file)?;
            ctx.note(&format!(
                "team {} in {} now commits as {new}",
                team.name,
                ctx.paths.config_file.display()
            ));
        }
        return Ok(());
    }
    let me = ctx.identity(team.config.as_ref())?;
    if !me.email.eq_ignore_ascii_case(new) {
        crate::render::warn(&format!(
            "you still commit as {}; `async-up audit` flags your commits until git does so as {new}: git config --global user.email {new}",
            me.email
        ));
    }
    Ok(())
}

/// Refuses what cannot be an email address: one `@` with something on each
/// side, no spaces or control characters. The address goes into commits and
/// is compared by `audit`, so a typo here would flag every later commit.
fn check_email(email: &str) -> Result<()> {
    let bad = |why: &str| {
        Err(Error::Usage(format!(
            "{email:?} is not an email address: {why}"
        )))
    };
    if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("it contains a space or a control character");
    }
    match email.split_once('@') {
        Some((local, domain))
            if !local.is_empty() && !domain.is_empty() && !domain.contains('@') =>
        {
            if email.len() > 254 {
                return bad("it is longer than 254 characters");
            }
            if email.contains(['<', '>']) {
                return bad("it contains < or >");
            }
            Ok(())
        }
        _ => bad("it needs exactly one @ with a name before it and a domain after it"),
    }
}
