//! A block of lines in the user's crontab, read with `crontab -l` and
//! written back whole with `crontab -` (the `crontab` found on PATH), so
//! cron's own tool checks and installs it. The block sits between two
//! marker comments: other lines are kept as they are, a re-install replaces
//! the block in place, and an uninstall removes only it.
//!
//! `CRON_TZ` sets the zone for the lines after it (cronie, and the crons
//! that follow it), so the block sets the member's zone and, when the lines
//! before it had set another, sets that one back at its end.

use super::{Outcome, Plan, Scheduler};
use crate::error::{Error, Result};
use chrono::Timelike;

/// The first line of our block.
pub const BEGIN: &str = "# BEGIN async-up remind";
/// The last line of our block.
pub const END: &str = "# END async-up remind";

/// Quotes one word for `sh` in a cron command: single quotes, and `%`
/// escaped, since cron turns a bare `%` into a newline.
pub fn quote(word: &str) -> String {
    super::sh_quote(word).replace('%', "\\%")
}

/// Our block, for a crontab whose other lines end with `CRON_TZ` set to
/// `previous_zone`.
pub fn render(plan: &Plan, previous_zone: Option<&str>) -> String {
    let mut out = format!(
        "{BEGIN} (installed by: {}; remove with: async-up remind --uninstall --scheduler cron)\nCRON_TZ={}\n",
        plan.install_command(Scheduler::Cron),
        plan.zone.name()
    );
    let days = plan
        .weekdays
        .iter()
        .map(|d| d.num_days_from_sunday().to_string())
        .collect::<Vec<_>>()
        .join(",");
    let mut command: Vec<String> = plan
        .invocation
        .env
        .iter()
        .map(|(k, v)| format!("{k}={}", quote(v)))
        .collect();
    command.push(quote(&plan.invocation.program));
    command.extend(plan.invocation.args.iter().map(|a| quote(a)));
    for t in &plan.times {
        // No redirection: `remind` is silent unless it reminds, and then
        // cron's mail is the reminder where no desktop can show one.
        out.push_str(&format!(
            "{} {} * * {days} {}\n",
            t.minute(),
            t.hour(),
            command.join(" ")
        ));
    }
    if let Some(zone) = previous_zone {
        out.push_str(&format!("CRON_TZ={zone}\n"));
    }
    out.push_str(END);
    out.push('\n');
    out
}

/// The crontab without our block, and the `CRON_TZ` its lines end with.
fn without_ours(crontab: &str) -> Result<(String, Option<String>)> {
    let mut kept = String::new();
    let mut zone = None;
    let mut inside = false;
    for line in crontab.lines() {
        if line.starts_with(BEGIN) {
            inside = true;
        } else if inside {
            inside = line.trim() != END;
        } else {
            if let Some(z) = line.trim_start().strip_prefix("CRON_TZ=") {
                zone = Some(z.trim().to_string());
            }
            kept.push_str(line);
            kept.push('\n');
        }
    }
    if inside {
        return Err(Error::Usage(format!(
            "your crontab has the line {BEGIN:?} but not {END:?} after it, so async-up cannot tell its lines from yours; fix it with `crontab -e`"
        )));
    }
    Ok((kept, zone))
}

/// The crontab now; none is an empty one.
fn read() -> Result<String> {
    let out = std::process::Command::new("crontab")
        .arg("-l")
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| Error::io("running `crontab -l` (is cron installed?)", e))?;
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    let err = String::from_utf8_lossy(&out.stderr);
    if err.contains("no crontab") {
        return Ok(String::new());
    }
    Err(Error::Usage(format!(
        "`crontab -l` failed: {}",
        crate::render::sanitize::clean(err.trim())
    )))
}

/// Replaces the crontab with `text` through `crontab -`.
fn write(text: &str) -> Result<()> {
    use std::io::Write;
    let mut child = std::process::Command::new("crontab")
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| Error::io("running `crontab -`", e))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(text.as_bytes())
            .map_err(|e| Error::io("writing to `crontab -`", e))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| Error::io("waiting for `crontab -`", e))?;
    if out.status.success() {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "`crontab -` refused the new crontab, which is left as it was: {}",
        crate::render::sanitize::clean(String::from_utf8_lossy(&out.stderr).trim())
    )))
}

/// Puts our block at the end of the crontab (replacing an older one).
pub fn install(plan: &Plan, dry_run: bool) -> Result<Outcome> {
    let (mut text, zone) = without_ours(&read()?)?;
    let restore = zone.filter(|z| z != plan.zone.name());
    text.push_str(&render(plan, restore.as_deref()));
    if !dry_run {
        write(&text)?;
    }
    Ok(Outcome {
        files: vec![("crontab (through `crontab -`)".into(), Some(text))],
        next_step: None,
    })
}

/// Removes our block, leaving every other line.
pub fn uninstall(dry_run: bool) -> Result<Outcome> {
    let before = read()?;
    let (text, _) = without_ours(&before)?;
    if text == before {
        return Ok(Outcome::default());
    }
    if !dry_run {
        write(&text)?;
    }
    Ok(Outcome {
        files: vec![("crontab (through `crontab -`)".into(), Some(text))],
        next_step: None,
    })
}

/// Our block's first line, when the crontab has one; `None` when there is
/// no crontab or no `crontab` to ask.
pub fn installed() -> Option<String> {
    super::on_path("crontab")?;
    let text = read().ok()?;
    text.lines()
        .find(|l| l.starts_with(BEGIN))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_for_sh_under_cron() {
        assert_eq!(quote("/a b/x"), "'/a b/x'");
        assert_eq!(quote("it's 5%"), "'it'\\''s 5\\%'");
    }

    #[test]
    fn only_our_block_is_removed() {
        let tab = "MAILTO=me\nCRON_TZ=Asia/Tokyo\n1 2 * * * a\n# BEGIN async-up remind (x)\nCRON_TZ=UTC\n0 9 * * 1 b\nCRON_TZ=Asia/Tokyo\n# END async-up remind\n3 4 * * * c\n";
        let (kept, zone) = without_ours(tab).unwrap();
        assert_eq!(
            kept,
            "MAILTO=me\nCRON_TZ=Asia/Tokyo\n1 2 * * * a\n3 4 * * * c\n"
        );
        assert_eq!(zone.as_deref(), Some("Asia/Tokyo"));
        assert!(without_ours("# BEGIN async-up remind\n0 9 * * 1 b\n").is_err());
    }
}
