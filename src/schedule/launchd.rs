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

use super::{Outcome, Plan};
use crate::error::Result;
use chrono::{Datelike, Days, NaiveDateTime, TimeZone, Timelike, Weekday};
use std::path::PathBuf;

/// The agent's label, also its file name.
pub const LABEL: &str = "async-up.remind";

/// Where the agent's file goes.
pub fn path() -> Result<PathBuf> {
    Ok(super::home_dir()?
        .join("Library")
        .join("LaunchAgents")
        .join(format!("{LABEL}.plist")))
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
        "<!-- {} -->\n<plist version=\"1.0\">\n<dict>\n\t<key>Label</key>\n\t<string>{LABEL}</string>\n\t<key>ProgramArguments</key>\n\t<array>\n",
        header(plan)
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
    format!("Installed by async-up remind, install with scheduler launchd{at}; remove with async-up remind, uninstall")
}

/// The machine's zone, as launchd will read the times.
fn machine_zone() -> chrono_tz::Tz {
    crate::clock::system_zone()
        .and_then(|z| z.parse().ok())
        .unwrap_or(chrono_tz::UTC)
}

/// Writes (or shows) the agent.
pub fn install(plan: &Plan, dry_run: bool) -> Result<Outcome> {
    let path = path()?;
    let machine = machine_zone();
    let today = crate::clock::now().with_timezone(&plan.zone).date_naive();
    let text = render(plan, machine, today);
    let mut steps = Vec::new();
    if entries(plan, machine, today).1 {
        steps.push(format!(
            "this machine's zone is {}, not your {}: the times were converted with today's offsets; run `async-up remind --install` again after either zone changes its clocks",
            machine.name(),
            plan.zone.name()
        ));
    }
    if !dry_run {
        super::write_file(&path, &text)?;
    }
    steps.push(format!(
        "launchd loads it at your next login; to load it now: launchctl bootout gui/$(id -u)/{LABEL} 2>/dev/null; launchctl bootstrap gui/$(id -u) {}",
        super::sh_quote(&path.display().to_string())
    ));
    Ok(Outcome {
        files: vec![(path.display().to_string(), Some(text))],
        next_step: Some(steps.join("\n")),
    })
}

/// Removes the agent's file.
pub fn uninstall(dry_run: bool) -> Result<Outcome> {
    let path = path()?;
    let mut outcome = Outcome::default();
    if !path.exists() {
        return Ok(outcome);
    }
    outcome.files.push((path.display().to_string(), None));
    if !dry_run {
        super::remove_file(&path)?;
        outcome.next_step = Some(format!(
            "if it is loaded, unload it with: launchctl bootout gui/$(id -u)/{LABEL}"
        ));
    }
    Ok(outcome)
}

/// The installed agent's header, in the words of [`Plan::install_command`]
/// (so [`super::at_in`] reads it), if an agent is installed.
pub fn installed() -> Option<String> {
    let text = std::fs::read_to_string(path().ok()?).ok()?;
    let plan_at = text
        .split_once(", at ")
        .and_then(|(_, rest)| rest.get(..5))
        .map(|at| format!(" --at {at}"))
        .unwrap_or_default();
    Some(format!(
        "async-up remind --install --scheduler launchd{plan_at}"
    ))
}
