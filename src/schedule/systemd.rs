//! A systemd user timer (`OnCalendar=` with the member's zone, so systemd
//! follows the zone's DST itself) and the oneshot service it starts, in
//! `$XDG_CONFIG_HOME/systemd/user/`.
//!
//! `systemctl --user` is run only when a user manager can be reached (its
//! bus socket is in `$XDG_RUNTIME_DIR`) and not for `--dry-run`; elsewhere
//! (ssh without lingering, containers, tests) the files are written and the
//! command to run is printed, since a `systemctl` that cannot reach its
//! manager only fails or hangs.
//!
//! The units are named by team (`async-up-remind-<team>`); the unnamed
//! `async-up-remind` of an older async-up is replaced or removed along with
//! the units of the team it was for (see [`super::owner`]).

use super::{Outcome, Owner, Plan, Scheduler};
use crate::error::{Error, Result};
use chrono::Weekday;
use std::path::PathBuf;

/// The units' name before they were named by team, without suffix.
pub const UNNAMED: &str = "async-up-remind";

/// The name of `owner`'s units, without suffix.
pub fn unit(owner: &Owner) -> String {
    format!("{UNNAMED}-{}", owner.key)
}

/// Where user units live.
fn unit_dir() -> Result<PathBuf> {
    Ok(super::config_dir()?.join("systemd").join("user"))
}

/// Quotes one word for a unit file: double quotes with C escapes, `%`
/// doubled (specifiers) and, in `ExecStart=` arguments, `$` doubled
/// (variables).
pub fn quote(word: &str, exec: bool) -> String {
    let mut out = String::from("\"");
    for c in word.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '%' => out.push_str("%%"),
            '$' if exec => out.push_str("$$"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The timer's and the service's text.
pub fn render(plan: &Plan) -> (String, String) {
    let header = format!(
        "# Installed by: {}\n# Remove with: {}\n",
        plan.install_command(Scheduler::Systemd),
        plan.owner.uninstall_command(Scheduler::Systemd)
    );
    let days = plan
        .weekdays
        .iter()
        .map(|d| day(*d))
        .collect::<Vec<_>>()
        .join(",");
    let mut timer = format!(
        "{header}[Unit]\nDescription=async-up: remind me to write my stand-up\n\n[Timer]\n"
    );
    for t in &plan.times {
        timer.push_str(&format!(
            "OnCalendar={days} {} {}\n",
            super::hhmm(*t),
            plan.zone.name()
        ));
    }
    timer.push_str("Persistent=true\nAccuracySec=1min\n\n[Install]\nWantedBy=timers.target\n");
    let mut service = format!(
        "{header}[Unit]\nDescription=async-up: remind me to write my stand-up\n\n[Service]\nType=oneshot\n"
    );
    for (k, v) in &plan.invocation.env {
        service.push_str(&format!(
            "Environment={}\n",
            quote(&format!("{k}={v}"), false)
        ));
    }
    let words: Vec<String> = exec_words(&plan.invocation.program, &plan.invocation.args)
        .iter()
        .enumerate()
        // `$` is expanded in arguments only: the executable keeps it as is.
        .map(|(i, w)| quote(w, i > 0))
        .collect();
    service.push_str(&format!(
        "ExecStart={}\n# Exit 1 means it reminded you, which is no failure.\nSuccessExitStatus=1\n",
        words.join(" ")
    ));
    (timer, service)
}

/// The words of `ExecStart=`. systemd refuses an executable path holding
/// `'`, `"` or `\` ("Executable name contains special characters") though
/// any argument may hold them, so such a path is handed to `/bin/sh` as
/// `$0` and run with `exec`, never parsed by the shell.
fn exec_words(program: &str, args: &[String]) -> Vec<String> {
    let mut words = Vec::new();
    if program.contains(['\'', '"', '\\']) {
        words.extend(["/bin/sh", "-c", "exec \"$0\" \"$@\""].map(String::from));
    }
    words.push(program.to_string());
    words.extend(args.iter().cloned());
    words
}

/// systemd's day names.
fn day(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

/// Whether `systemctl --user` can reach a user manager.
fn user_bus() -> bool {
    let socket = std::env::var_os("XDG_RUNTIME_DIR")
        .filter(|d| !d.is_empty())
        .map(|d| PathBuf::from(d).join("bus"));
    socket.is_some_and(|s| s.exists()) && super::on_path("systemctl").is_some()
}

/// Runs `systemctl --user ARGS`; says what failed.
fn systemctl(args: &[&str]) -> Result<()> {
    let out = std::process::Command::new("systemctl")
        .arg("--user")
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| Error::io("running systemctl --user", e))?;
    if out.status.success() {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "`systemctl --user {}` failed: {}",
        args.join(" "),
        crate::render::sanitize::clean(String::from_utf8_lossy(&out.stderr).trim())
    )))
}

/// Writes (or with `dry_run` only shows) the timer and service, then
/// enables the timer where a user manager is reachable; an unnamed timer
/// of the same team is removed.
pub fn install(plan: &Plan, dry_run: bool) -> Result<Outcome> {
    let dir = unit_dir()?;
    let name = unit(&plan.owner);
    let (timer, service) = render(plan);
    let timer_path = dir.join(format!("{name}.timer"));
    let service_path = dir.join(format!("{name}.service"));
    let enable =
        format!("systemctl --user daemon-reload && systemctl --user enable --now {name}.timer");
    let mut outcome = Outcome {
        files: vec![
            (timer_path.display().to_string(), Some(timer.clone())),
            (service_path.display().to_string(), Some(service.clone())),
        ],
        next_step: None,
    };
    let unnamed = unnamed_of(&plan.owner)?;
    if dry_run {
        remove_units(&unnamed, true, &mut outcome)?;
        outcome.next_step = Some(format!("then: {enable}"));
        return Ok(outcome);
    }
    super::write_file(&service_path, &service)?;
    super::write_file(&timer_path, &timer)?;
    let bus = remove_units(&unnamed, false, &mut outcome)?;
    if !bus {
        outcome.next_step = Some(format!(
            "no systemd user manager is reachable from here; start the timer with: {enable}"
        ));
        return Ok(outcome);
    }
    systemctl(&["daemon-reload"])?;
    systemctl(&["enable", "--now", &format!("{name}.timer")])?;
    Ok(outcome)
}

/// The unnamed units of an older async-up, when they are `owner`'s.
fn unnamed_of(owner: &Owner) -> Result<Vec<String>> {
    let dir = unit_dir()?;
    let text = ["timer", "service"]
        .map(|kind| {
            std::fs::read_to_string(dir.join(format!("{UNNAMED}.{kind}"))).unwrap_or_default()
        })
        .join("\n");
    Ok(if !text.trim().is_empty() && owner.owns_unnamed(&text) {
        vec![UNNAMED.to_string()]
    } else {
        Vec::new()
    })
}

/// Stops and removes the units `names` (only lists them for `dry_run`),
/// adding them to `outcome`. Returns whether a user manager was reachable.
fn remove_units(names: &[String], dry_run: bool, outcome: &mut Outcome) -> Result<bool> {
    let dir = unit_dir()?;
    let bus = !dry_run && user_bus();
    let mut removed = Vec::new();
    for name in names {
        let paths = [
            dir.join(format!("{name}.timer")),
            dir.join(format!("{name}.service")),
        ];
        let present: Vec<_> = paths.iter().filter(|p| p.exists()).collect();
        for p in &present {
            outcome.files.push((p.display().to_string(), None));
        }
        if dry_run || present.is_empty() {
            continue;
        }
        if bus {
            // A timer that was never enabled cannot be disabled: not an error.
            let _ = systemctl(&["disable", "--now", &format!("{name}.timer")]);
        }
        for p in &paths {
            super::remove_file(p)?;
        }
        removed.push(name.as_str());
    }
    if removed.is_empty() {
        return Ok(bus);
    }
    if bus {
        systemctl(&["daemon-reload"])?;
    } else {
        let disable: Vec<_> = removed
            .iter()
            .map(|n| format!("systemctl --user disable --now {n}.timer; "))
            .collect();
        outcome.next_step = Some(format!(
            "no systemd user manager is reachable from here; where it runs: {}systemctl --user daemon-reload",
            disable.concat()
        ));
    }
    Ok(bus)
}

/// Stops the timer where a manager is reachable and removes both units of
/// `owner`'s team (and its unnamed ones).
pub fn uninstall(owner: &Owner, dry_run: bool) -> Result<Outcome> {
    let mut names = vec![unit(owner)];
    names.extend(unnamed_of(owner)?);
    let mut outcome = Outcome::default();
    remove_units(&names, dry_run, &mut outcome)?;
    Ok(outcome)
}

/// The text of `owner`'s installed timer (or unnamed timer), if any.
pub fn installed(owner: &Owner) -> Option<String> {
    let dir = unit_dir().ok()?;
    std::fs::read_to_string(dir.join(format!("{}.timer", unit(owner))))
        .ok()
        .or_else(|| {
            unnamed_of(owner).ok()?.first()?;
            std::fs::read_to_string(dir.join(format!("{UNNAMED}.timer"))).ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_for_systemd() {
        assert_eq!(quote("/a b/x", true), "\"/a b/x\"");
        assert_eq!(
            quote("it's \"q\" \\ %h $HOME", true),
            "\"it's \\\"q\\\" \\\\ %%h $$HOME\""
        );
        assert_eq!(quote("K=$v%", false), "\"K=$v%%\"");
    }
}
