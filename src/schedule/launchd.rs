//! A launchd agent, `~/Library/LaunchAgents/<LABEL>.plist`, for macOS.
//!
//! launchd reads `StartCalendarInterval` in the machine's zone and has no
//! zone setting. When the machine's zone is the member's (the usual case),
//! the times are written as they are and follow DST by themselves; when it
//! is another, they are converted with today's offsets, and the install
//! says so: re-run it after either zone changes its clocks.
//!
//! The agent is not loaded here: launchd loads it at the next login, and
//! the command that loads it now is printed.
//!
//! Each team has its own agent, `async-up.remind.<team>`; the unnamed
//! `async-up.remind` of an older async-up is removed along with the agent
//! of the team it was for (see [`super::owner`]).

use super::{Outcome, Owner, Plan};
use crate::error::Result;
use chrono::{Datelike, Days, NaiveDateTime, TimeZone, Timelike, Weekday};
use std::path::PathBuf;

/// The agent's label before agents were named by team.
pub const UNNAMED: &str = "async-up.remind";

/// `owner`'s agent's label, also its file name.
pub fn label(owner: &Owner) -> String {
    format!("{UNNAMED}.{}", owner.key)
}

/// Where the agent labelled `label` goes.
pub fn path(label: &str) -> Result<PathBuf> {
    Ok(super::home_dir()?
        .join("Library")
        .join("LaunchAgents")
        .join(format!("{label}.plist")))
}

/// The unnamed agent of an older async-up, when it is `owner`'s.
fn unnamed_of(owner: &Owner) -> Option<PathBuf> {
    let path = path(UNNAMED).ok()?;
    let text = std::fs::read_to_string(&path).ok()?;
    owner.owns_unnamed(&text).then_some(path)
}

/// Escapes text for XML.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// The (weekday, hour, minute) entries in `machine`'s zone, and whether
/// they had to be converted from the member's.
pub fn entries(
    plan: &Plan,
    machine: chrono_tz::Tz,
    today: chrono::NaiveDate,
) -> (Vec<(Weekday, u32, u32)>, bool) {
    let converted = machine != plan.zone;
    let mut out = Vec::new();
    for day in &plan.weekdays {
        // The next date that is this weekday, from today.
        let ahead = (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        let date = today
            .checked_add_days(Days::new(u64::from(ahead)))
            .unwrap_or(today);
        for t in &plan.times {
            let local = NaiveDateTime::new(date, *t);
            let there = plan
                .zone
                .from_local_datetime(&local)
                .earliest()
                .map(|dt| dt.with_timezone(&machine).naive_local())
                .unwrap_or(local);
            out.push((there.weekday(), there.hour(), there.minute()));
        }
    }
    (out, converted)
}

/// The agent's plist.
pub fn render(plan: &Plan, machine: chrono_tz::Tz, today: chrono::NaiveDate) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n",
    );
    out.push_str(&format!(
        "<!-- {} -->\n<plist version=\"1.0\">\n<dict>\n\t<key>Label</key>\n\t<string>{}</string>\n\t<key>ProgramArguments</key>\n\t<array>\n",
        header(plan),
        label(&plan.owner)
    ));
    for word in std::iter::once(&plan.invocation.program).chain(&plan.invocation.args) {
        out.push_str(&format!("\t\t<string>{}</string>\n", xml(word)));
    }
    out.push_str("\t</array>\n");
    if !plan.invocation.env.is_empty() {
        out.push_str("\t<key>EnvironmentVariables</key>\n\t<dict>\n");
        for (k, v) in &plan.invocation.env {
            out.push_str(&format!(
                "\t\t<key>{}</key>\n\t\t<string>{}</string>\n",
                xml(k),
                xml(v)
            ));
        }
        out.push_str("\t</dict>\n");
    }
    out.push_str("\t<key>StartCalendarInterval</key>\n\t<array>\n");
    for (day, hour, minute) in entries(plan, machine, today).0 {
        out.push_str(&format!(
            "\t\t<dict>\n\t\t\t<key>Weekday</key>\n\t\t\t<integer>{}</integer>\n\t\t\t<key>Hour</key>\n\t\t\t<integer>{hour}</integer>\n\t\t\t<key>Minute</key>\n\t\t\t<integer>{minute}</integer>\n\t\t</dict>\n",
            day.num_days_from_sunday()
        ));
    }
    out.push_str("\t</array>\n</dict>\n</plist>\n");
    out
}

/// The comment on top: what installed it. An XML comment cannot hold
/// `--`, so the flags are spelled out in words and read back by
/// [`installed`].
fn header(plan: &Plan) -> String {
    let at = plan
        .at
        .map(|t| format!(", at {}", super::hhmm(t)))
        .unwrap_or_default();
    format!(
        "Installed by async-up remind for team {}, install with scheduler launchd{at}; remove with async-up remind for team {0}, uninstall",
        plan.owner.key
    )
}

/// The machine's zone, as launchd will read the times.
fn machine_zone() -> chrono_tz::Tz {
    crate::clock::system_zone()
        .and_then(|z| z.parse().ok())
        .unwrap_or(chrono_tz::UTC)
}

/// Writes (or shows) the agent, and removes an unnamed one of the team's.
pub fn install(plan: &Plan, dry_run: bool) -> Result<Outcome> {
    let label = label(&plan.owner);
    let path = path(&label)?;
    let machine = machine_zone();
    let today = crate::clock::now().with_timezone(&plan.zone).date_naive();
    let text = render(plan, machine, today);
    let mut steps = Vec::new();
    if entries(plan, machine, today).1 {
        steps.push(format!(
            "this machine's zone is {}, not your {}: the times were converted with today's offsets; run `{}` again after either zone changes its clocks",
            machine.name(),
            plan.zone.name(),
            plan.install_command(super::Scheduler::Launchd)
        ));
    }
    let mut files = vec![(path.display().to_string(), Some(text.clone()))];
    if !dry_run {
        super::write_file(&path, &text)?;
    }
    if let Some(old) = unnamed_of(&plan.owner) {
        files.push((old.display().to_string(), None));
        if !dry_run {
            super::remove_file(&old)?;
        }
        steps.push(format!(
            "if the older agent is loaded, unload it with: launchctl bootout gui/$(id -u)/{UNNAMED}"
        ));
    }
    steps.push(format!(
        "launchd loads it at your next login; to load it now: launchctl bootout gui/$(id -u)/{label} 2>/dev/null; launchctl bootstrap gui/$(id -u) {}",
        super::sh_quote(&path.display().to_string())
    ));
    Ok(Outcome {
        files,
        next_step: Some(steps.join("\n")),
    })
}

/// Removes `owner`'s agent's file (and an unnamed one of theirs).
pub fn uninstall(owner: &Owner, dry_run: bool) -> Result<Outcome> {
    let mut outcome = Outcome::default();
    let mut labels = Vec::new();
    let named = Some(path(&label(owner))?).filter(|p| p.exists());
    for (path, label) in [
        (named, label(owner)),
        (unnamed_of(owner), UNNAMED.to_string()),
    ] {
        let Some(path) = path else { continue };
        outcome.files.push((path.display().to_string(), None));
        if !dry_run {
            super::remove_file(&path)?;
            labels.push(format!("launchctl bootout gui/$(id -u)/{label}"));
        }
    }
    if !labels.is_empty() {
        outcome.next_step = Some(format!(
            "if it is loaded, unload it with: {}",
            labels.join("; ")
        ));
    }
    Ok(outcome)
}

/// `owner`'s installed agent's header, in the words of
/// [`Plan::install_command`] (so [`super::at_in`] reads it), if an agent
/// (or an unnamed one of theirs) is installed.
pub fn installed(owner: &Owner) -> Option<String> {
    let text = std::fs::read_to_string(path(&label(owner)).ok()?)
        .ok()
        .or_else(|| std::fs::read_to_string(unnamed_of(owner)?).ok())?;
    let plan_at = text
        .split_once(", at ")
        .and_then(|(_, rest)| rest.get(..5))
        .map(|at| format!(" --at {at}"))
        .unwrap_or_default();
    Some(format!(
        "async-up remind --install --scheduler launchd{plan_at}"
    ))
}
