//! `async-up remind`: a nudge to write today's update, at the right moment
//! only. Whether now is that moment comes from the availability model (the
//! same state `team` and `status` show), so every state but "working" (focus,
//! off hours, day off, away, and any state the model gains later, such as a
//! holiday) keeps it silent. It reads the mirror as it is, with no network
//! unless `--fetch`, so a scheduler can run it often and cheaply. With
//! `--install` it sets up that scheduler (see [`crate::schedule`]).

use super::{today_in, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::availability::State;
use crate::model::Member;
use crate::schedule::{self, Invocation, Owner, Plan, Scheduler};
use chrono::NaiveTime;

/// Remind you to write your update, when it is time.
///
/// Prints "time for your update" (and shows it with notify-send or
/// osascript, where one is installed) when, in your own zone, it is a
/// workday, within your hours, not in a focus block, you are not away, and
/// you have not written today's update (one saved in your mirror but not
/// pushed yet counts as written). Otherwise it prints nothing. Exit 0 when
/// silent, 1 when it reminded you. Never touches the network unless
/// --fetch: a missing or damaged mirror is an error (exit 2) saying to run
/// `async-up sync`, or `remind --fetch`.
///
/// --install sets up a per-user schedule that runs `async-up remind` on
/// your workdays at the start of your hours (past a focus block there; or
/// --at) in your zone, and once more two hours later when that is still
/// within your hours: a systemd user timer, a crontab block (with CRON_TZ)
/// or a launchd agent, by what the machine has. Each team has its own
/// (named after it, and running `async-up --team NAME remind`): --team
/// picks the team, else the default one. --dry-run prints what it would
/// install; --uninstall removes the team's.
///
/// Example: async-up remind --install --scheduler cron --at 09:15 --dry-run
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Fetch first, so an update written on another machine counts.
    #[arg(long, conflicts_with_all = ["install", "uninstall"])]
    pub fetch: bool,
    /// Install a schedule that runs `async-up remind` on your workdays.
    #[arg(long, conflicts_with = "uninstall")]
    pub install: bool,
    /// Remove the schedule --install made for the team (only it).
    #[arg(long)]
    pub uninstall: bool,
    /// The scheduler to install with (default: what this machine has).
    #[arg(long, value_enum, value_name = "NAME")]
    pub scheduler: Option<Scheduler>,
    /// Run at this time in your zone instead of the start of your hours.
    #[arg(long, value_name = "HH:MM", requires = "install", value_parser = parse_at)]
    pub at: Option<NaiveTime>,
    /// Print what --install or --uninstall would write, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Parses `--at`.
fn parse_at(s: &str) -> std::result::Result<NaiveTime, String> {
    NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| format!("{s:?} is not a time like 09:15"))
}

/// Runs `remind`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    if args.dry_run && !args.install && !args.uninstall {
        return Err(Error::Usage(
            "--dry-run goes with --install or --uninstall".into(),
        ));
    }
    if args.scheduler.is_some() && !args.install && !args.uninstall {
        return Err(Error::Usage(
            "--scheduler goes with --install or --uninstall".into(),
        ));
    }
    if args.uninstall {
        return uninstall(ctx, args);
    }
    if args.install {
        let scheduler = match args.scheduler {
            Some(s) => s,
            None => Scheduler::detect()?,
        };
        return install(ctx, scheduler, args.at, args.dry_run);
    }
    if !args.fetch {
        mirror_as_it_is(ctx)?;
    }
    let team = ctx.open_team()?;
    if args.fetch {
        super::refresh(ctx, &team, false)?;
    }
    let me = ctx.handle(team.config.as_ref())?;
    let snapshot = team.store.snapshot()?;
    let member = my_member(&team, &snapshot, &me);
    let state = member.state_at(ctx.now);
    let today = today_in(ctx.now, member.tz());
    // Only "working" reminds: any other state, a holiday included once the
    // model knows them, means not now.
    if state != State::Working || snapshot.update_on(&me, today).is_some() {
        return Ok(Status::Success);
    }
    let local = ctx.now.with_timezone(&member.tz());
    if !ctx.global.quiet {
        ctx.out().print(&format!(
            "time for your update ({} in {}): run `async-up write`\n",
            local.format("%a %Y-%m-%d %H:%M"),
            member.tz().name()
        ))?;
    }
    notify();
    Ok(Status::Found)
}

/// Without `--fetch`, refuses a mirror that is missing or damaged rather
/// than letting `open_team` rebuild it from the remote: a scheduler runs
/// `remind` often, and it must not connect (nor hang on a remote that does
/// not answer) unless asked to.
fn mirror_as_it_is(ctx: &Context) -> Result<()> {
    if ctx.global.repo.is_some() {
        return Ok(());
    }
    let Some(name) = ctx.chosen_team() else {
        return Ok(());
    };
    let mirror = ctx.paths.mirror(&name)?;
    let state = match ctx.mirror_is_usable(&name) {
        Some(false) if mirror.exists() => "damaged",
        Some(false) => "missing",
        _ => return Ok(()),
    };
    Err(Error::Usage(format!(
        "the mirror of team {name} ({}) is {state}, and `remind` does not touch the network without --fetch: run `async-up --team {name} sync` to fetch it again (or `async-up --team {name} remind --fetch`)",
        mirror.display()
    )))
}

/// Your member file with its zone resolved the way `status` resolves it
/// (member file, then this team's config, then the machine), so a member
/// with no zone written down is reminded in the zone they live in.
fn my_member(
    team: &crate::context::Team,
    snapshot: &crate::store::Snapshot<'_>,
    handle: &crate::model::Handle,
) -> Member {
    let mut member = snapshot
        .member(handle)
        .unwrap_or_else(|| Member::bare(handle.as_str()));
    let zone = super::my_zone(team, snapshot, handle);
    if member.tz() != zone || member.timezone.is_none() {
        member.timezone = Some(zone.name().to_string());
    }
    member
}

/// Shows the reminder on the desktop where a notifier is installed. A
/// notifier that fails (no desktop session under cron) is only a warning:
/// the printed line and the exit code still say it.
fn notify() {
    const TEXT: &str = "time for your update: run async-up write";
    let mut command = if let Some(p) = schedule::on_path("notify-send") {
        let mut c = std::process::Command::new(p);
        c.args(["async-up", TEXT]);
        c
    } else if let Some(p) = schedule::on_path("osascript") {
        let mut c = std::process::Command::new(p);
        c.args([
            "-e",
            &format!("display notification \"{TEXT}\" with title \"async-up\""),
        ]);
        c
    } else {
        return;
    };
    let status = command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    if !status.is_ok_and(|s| s.success()) {
        crate::render::warn("could not show the reminder on the desktop (no desktop session?)");
    }
}

/// Installs the schedule from your member file as it is in the mirror.
/// Also used by `me` after your hours, zone or workdays change.
pub(crate) fn install(
    ctx: &Context,
    scheduler: Scheduler,
    at: Option<NaiveTime>,
    dry_run: bool,
) -> Result<Status> {
    let team = ctx.open_team()?;
    let me = ctx.handle(team.config.as_ref())?;
    let snapshot = team.store.snapshot()?;
    let member = my_member(&team, &snapshot, &me);
    drop(snapshot);
    let owner = owner(ctx)?;
    let invocation = Invocation::current(owner.team.as_deref())?;
    let plan = Plan::for_member(&member, at, invocation, owner);
    if let Some(at) = at.filter(|t| !member.within_hours(*t)) {
        crate::render::warn(&format!(
            "--at {} is outside your hours {}: `remind` stays silent then",
            schedule::hhmm(at),
            member
                .hours
                .as_deref()
                .unwrap_or(crate::model::availability::DEFAULT_HOURS)
        ));
    }
    let outcome = schedule::install(scheduler, &plan, dry_run)?;
    let times: Vec<_> = plan.times.iter().map(|t| schedule::hhmm(*t)).collect();
    let summary = format!(
        "runs `async-up remind` for team {} at {} {} on your workdays",
        plan.owner.key,
        times.join(" and "),
        plan.zone.name()
    );
    show(ctx, &outcome, dry_run, &summary)?;
    Ok(Status::Success)
}

/// Whose schedule `--install` and `--uninstall` work on: the team the
/// command resolves (--team, else the default one; the local-only team
/// when none is joined). A repository read with --repo has no name a
/// schedule could run it by.
pub(crate) fn owner(ctx: &Context) -> Result<Owner> {
    if ctx.global.repo.is_some() {
        return Err(Error::Usage(
            "a reminder schedule runs `async-up --team NAME remind` for a joined team, and --repo names none: join the team with `async-up init <REMOTE>` and drop --repo".into(),
        ));
    }
    let team = ctx.chosen_team();
    let is_default = team == ctx.default_team();
    Owner::new(team, is_default)
}

/// Removes the team's schedule: the one named with --scheduler, else every
/// kind.
fn uninstall(ctx: &Context, args: &Args) -> Result<Status> {
    let owner = owner(ctx)?;
    let kinds = match args.scheduler {
        Some(s) => vec![s],
        None => vec![Scheduler::Systemd, Scheduler::Cron, Scheduler::Launchd],
    };
    let mut any = false;
    for kind in kinds {
        // Without --scheduler, a machine with no crontab is no error.
        if kind == Scheduler::Cron
            && args.scheduler.is_none()
            && schedule::on_path("crontab").is_none()
        {
            continue;
        }
        let outcome = schedule::uninstall(kind, &owner, args.dry_run)?;
        if !outcome.files.is_empty() {
            any = true;
            show(
                ctx,
                &outcome,
                args.dry_run,
                &format!("{} reminder for team {} removed", kind.name(), owner.key),
            )?;
        }
    }
    if !any {
        ctx.note(&format!(
            "no reminder schedule is installed for team {}; nothing to remove",
            owner.key
        ));
    }
    Ok(Status::Success)
}

/// Prints what was (or would be) written: the content on stdout for
/// --dry-run, the paths as notes otherwise.
fn show(ctx: &Context, outcome: &schedule::Outcome, dry_run: bool, summary: &str) -> Result<()> {
    let mut text = String::new();
    for (path, content) in &outcome.files {
        match (dry_run, content) {
            (true, Some(c)) => text.push_str(&format!("# would write {path}:\n{c}\n")),
            (true, None) => text.push_str(&format!("# would remove {path}\n")),
            (false, Some(_)) => ctx.note(&format!("wrote {path}")),
            (false, None) => ctx.note(&format!("removed {path}")),
        }
    }
    if dry_run {
        ctx.out()
            .print(&crate::render::sanitize::clean_lines(&text))?;
    } else {
        ctx.note(summary);
    }
    if let Some(step) = &outcome.next_step {
        ctx.note(step);
    }
    Ok(())
}
