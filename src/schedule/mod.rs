//! Per-user schedules that run `async-up remind`: a systemd user timer, a
//! crontab block or a launchd agent. Each backend turns one [`Plan`] (the
//! member's zone, workdays and reminder times, and the exact command line)
//! into its own file format; this module works out the plan and which
//! scheduler the machine has. Whether a reminder is due stays with `remind`
//! itself, so a schedule only has to wake it at the right times. Each team
//! has its own schedule (see [`owner`]).

pub mod cron;
pub mod launchd;
pub mod owner;
pub mod systemd;

pub use owner::Owner;

use crate::error::{Error, Result};
use crate::model::availability::{in_span, parse_span};
use crate::model::Member;
use chrono::{NaiveTime, Timelike, Weekday};
use std::path::{Path, PathBuf};

/// Which scheduler runs the reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scheduler {
    /// A systemd user timer and service in ~/.config/systemd/user.
    Systemd,
    /// A block in your crontab (read and written with `crontab -l` and `crontab -`).
    Cron,
    /// A launchd agent in ~/Library/LaunchAgents (macOS).
    Launchd,
}

impl Scheduler {
    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Scheduler::Systemd => "systemd",
            Scheduler::Cron => "cron",
            Scheduler::Launchd => "launchd",
        }
    }

    /// What this machine has: launchd on macOS, else a running systemd
    /// (`/run/systemd/system`, as `sd_booted` checks) with `systemctl`,
    /// else `crontab`.
    pub fn detect() -> Result<Scheduler> {
        if cfg!(target_os = "macos") {
            return Ok(Scheduler::Launchd);
        }
        if Path::new("/run/systemd/system").is_dir() && on_path("systemctl").is_some() {
            return Ok(Scheduler::Systemd);
        }
        if on_path("crontab").is_some() {
            return Ok(Scheduler::Cron);
        }
        Err(Error::Usage(
            "found no scheduler here (no running systemd, no crontab, not macOS): pass --scheduler systemd|cron|launchd, or run `async-up remind` from your own".into(),
        ))
    }
}

/// The command a schedule runs: environment, program and arguments, each
/// one word however many spaces or quotes it holds.
#[derive(Debug, Clone)]
pub struct Invocation {
    /// Variables set for the command (the XDG dirs async-up was run with).
    pub env: Vec<(String, String)>,
    /// The async-up binary, an absolute path.
    pub program: String,
    /// Its arguments.
    pub args: Vec<String>,
}

impl Invocation {
    /// This very binary running `remind` (for `team`, when one was named),
    /// with the XDG dirs of this run, so the schedule reads the same config
    /// and mirrors even where it starts with a bare environment (cron).
    pub fn current(team: Option<&str>) -> Result<Invocation> {
        let exe = std::env::current_exe()
            .map_err(|e| Error::io("finding the async-up binary to schedule", e))?;
        let mut args = Vec::new();
        if let Some(team) = team {
            args.extend(["--team".to_string(), team.to_string()]);
        }
        args.push("remind".to_string());
        let mut env = Vec::new();
        for name in ["XDG_CONFIG_HOME", "XDG_DATA_HOME"] {
            if let Some(value) = std::env::var_os(name).filter(|v| !v.is_empty()) {
                env.push((name.to_string(), text_of(&PathBuf::from(value), name)?));
            }
        }
        let invocation = Invocation {
            env,
            program: text_of(&exe, "the async-up binary's path")?,
            args,
        };
        invocation.check()?;
        Ok(invocation)
    }

    /// Refuses a word no scheduler can carry: a control character (a
    /// newline would end the line in a unit file or crontab and start a new
    /// setting).
    fn check(&self) -> Result<()> {
        let words = self
            .env
            .iter()
            .map(|(_, v)| v)
            .chain(std::iter::once(&self.program))
            .chain(&self.args);
        for word in words {
            if word.chars().any(char::is_control) {
                return Err(Error::Usage(format!(
                    "cannot put {} into a schedule: it holds a control character (such as a newline); move async-up or its data to a path without one",
                    crate::render::sanitize::clean(word)
                )));
            }
        }
        Ok(())
    }
}

/// A path as text, or an error saying which path is not UTF-8.
fn text_of(path: &Path, what: &str) -> Result<String> {
    path.to_str().map(str::to_string).ok_or_else(|| {
        Error::Usage(format!(
            "{what} ({}) is not valid UTF-8, which a schedule file cannot hold; move it to a plain path",
            path.display()
        ))
    })
}

/// When and how to run the reminder.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The member's zone: every time below is in it.
    pub zone: chrono_tz::Tz,
    /// The member's workdays, Monday first.
    pub weekdays: Vec<Weekday>,
    /// When to run: the first, and maybe a second one later in the morning.
    pub times: Vec<NaiveTime>,
    /// The time given with `--at`, recorded so a later re-install keeps it.
    pub at: Option<NaiveTime>,
    /// What to run.
    pub invocation: Invocation,
    /// The team it reminds about, which names the schedule.
    pub owner: Owner,
}

impl Plan {
    /// The plan for `member` (whose `timezone` is already resolved): at
    /// `at`, else at the start of their hours (past any focus block there,
    /// when `remind` would stay silent), and again two hours later (also
    /// past focus) when that is still within their hours the same day.
    pub fn for_member(
        member: &Member,
        at: Option<NaiveTime>,
        invocation: Invocation,
        owner: Owner,
    ) -> Plan {
        let mut weekdays = member.workdays();
        weekdays.sort_by_key(|d| d.num_days_from_monday());
        weekdays.dedup();
        let focus: Vec<_> = member.focus.iter().filter_map(|f| parse_span(f)).collect();
        // Past the focus blocks covering `t`; a few hops at most, since
        // blocks may follow one another.
        let free = |mut t: NaiveTime| {
            for _ in 0..8 {
                match focus.iter().find(|f| in_span(t, **f)) {
                    Some(&(_, end)) => t = end,
                    None => break,
                }
            }
            t
        };
        let start = member.hours_span().0;
        let first = at.unwrap_or_else(|| {
            let t = free(start);
            if member.within_hours(t) {
                t
            } else {
                start
            }
        });
        let mut times = vec![first];
        let (later, wrapped) = first.overflowing_add_signed(chrono::Duration::hours(2));
        let later = free(later);
        if wrapped == 0 && later > first && member.within_hours(later) {
            times.push(later);
        }
        Plan {
            zone: member.tz(),
            weekdays,
            times,
            at,
            invocation,
            owner,
        }
    }

    /// The command that installs this plan again: written into each
    /// schedule file, so people (and `me`) can tell what made it.
    pub fn install_command(&self, scheduler: Scheduler) -> String {
        self.owner.install_command(scheduler, self.at)
    }
}

/// Reads `--at HH:MM` back from an installed schedule's header line.
pub fn at_in(text: &str) -> Option<NaiveTime> {
    let (_, rest) = text.split_once(" remind --install")?;
    let line = rest.lines().next()?;
    let (_, after) = line.split_once("--at ")?;
    NaiveTime::parse_from_str(after.get(..5)?, "%H:%M").ok()
}

/// Quotes one word for `sh`: single quotes, each `'` closed and escaped.
pub fn sh_quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', "'\\''"))
}

/// `HH:MM` for people; the backends format their own fields.
pub fn hhmm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// What an install or uninstall wrote or would write.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Files written or removed (or the crontab), with their new content.
    pub files: Vec<(String, Option<String>)>,
    /// What the person still has to run, when async-up did not run it.
    pub next_step: Option<String>,
}

/// Installs `plan` with `scheduler`, or only says what it would write.
pub fn install(scheduler: Scheduler, plan: &Plan, dry_run: bool) -> Result<Outcome> {
    match scheduler {
        Scheduler::Systemd => systemd::install(plan, dry_run),
        Scheduler::Cron => cron::install(plan, dry_run),
        Scheduler::Launchd => launchd::install(plan, dry_run),
    }
}

/// Removes what `install` put in place for `scheduler` and `owner`'s team
/// (and an unnamed schedule of theirs from an older async-up); nothing else.
pub fn uninstall(scheduler: Scheduler, owner: &Owner, dry_run: bool) -> Result<Outcome> {
    match scheduler {
        Scheduler::Systemd => systemd::uninstall(owner, dry_run),
        Scheduler::Cron => cron::uninstall(owner, dry_run),
        Scheduler::Launchd => launchd::uninstall(owner, dry_run),
    }
}

/// `owner`'s schedules installed now, each with the `--at` it was installed
/// with.
pub fn installed(owner: &Owner) -> Vec<(Scheduler, Option<NaiveTime>)> {
    let mut out = Vec::new();
    for (scheduler, text) in [
        (Scheduler::Systemd, systemd::installed(owner)),
        (Scheduler::Launchd, launchd::installed(owner)),
        (Scheduler::Cron, cron::installed(owner)),
    ] {
        if let Some(text) = text {
            out.push((scheduler, at_in(&text)));
        }
    }
    out
}

/// The user's config dir (`XDG_CONFIG_HOME`, else `~/.config`).
fn config_dir() -> Result<PathBuf> {
    directories::BaseDirs::new()
        .map(|d| d.config_dir().to_path_buf())
        .ok_or_else(|| Error::Usage("cannot find a home directory: set HOME".into()))
}

/// The user's home.
fn home_dir() -> Result<PathBuf> {
    directories::BaseDirs::new()
        .map(|d| d.home_dir().to_path_buf())
        .ok_or_else(|| Error::Usage("cannot find a home directory: set HOME".into()))
}

/// Writes a schedule file, making its folder.
fn write_file(path: &Path, text: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
    }
    crate::fsutil::write_atomically(path, text.as_bytes())
}

/// Removes a file; a missing one is already removed.
fn remove_file(path: &Path) -> Result<bool> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(format!("removing {}", path.display()), e)),
    }
}

/// A program on PATH, as `command -v` finds it.
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(p: &Path) -> bool {
    p.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(hours: &str, focus: &[&str]) -> Member {
        let mut m = Member::bare("a");
        m.timezone = Some("Europe/Berlin".into());
        m.hours = Some(hours.into());
        m.focus = focus.iter().map(|f| f.to_string()).collect();
        m
    }

    fn inv() -> Invocation {
        Invocation {
            env: vec![],
            program: "/bin/async-up".into(),
            args: vec!["remind".into()],
        }
    }

    fn owner() -> Owner {
        Owner::new(Some("a".into()), true).unwrap()
    }

    fn times(p: &Plan) -> Vec<String> {
        p.times.iter().map(|t| hhmm(*t)).collect()
    }

    #[test]
    fn times_skip_focus_and_stay_within_hours() {
        let t = |s| NaiveTime::parse_from_str(s, "%H:%M").unwrap();
        let p = Plan::for_member(&member("09:00-17:00", &[]), None, inv(), owner());
        assert_eq!(times(&p), ["09:00", "11:00"]);
        let p = Plan::for_member(
            &member("09:00-17:00", &["09:00-10:30"]),
            None,
            inv(),
            owner(),
        );
        assert_eq!(times(&p), ["10:30", "12:30"]);
        let p = Plan::for_member(&member("09:00-10:00", &[]), None, inv(), owner());
        assert_eq!(times(&p), ["09:00"], "11:00 is past the hours");
        let p = Plan::for_member(&member("22:00-06:00", &[]), None, inv(), owner());
        assert_eq!(times(&p), ["22:00"], "no second run past midnight");
        let p = Plan::for_member(
            &member("09:00-17:00", &[]),
            Some(t("08:15")),
            inv(),
            owner(),
        );
        assert_eq!(times(&p), ["08:15", "10:15"]);
        assert_eq!(at_in(&p.install_command(Scheduler::Cron)), Some(t("08:15")));
        assert_eq!(at_in("# async-up remind --install --scheduler cron"), None);
        assert_eq!(
            p.install_command(Scheduler::Cron),
            "async-up --team a remind --install --scheduler cron --at 08:15"
        );
    }
}
