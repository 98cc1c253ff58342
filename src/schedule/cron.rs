//! A block of lines in the user's crontab, read with `crontab -l` and
//! written back whole with `crontab -` (the `crontab` found on PATH), so
//! cron's own tool checks and installs it. Each team's block sits between
//! two marker comments naming the team: other lines are kept as they are,
//! a re-install rewrites the block where it is, and an uninstall removes
//! only it. An unnamed block of an older async-up is replaced (in its
//! place) or removed with the block of the team it was for.
//!
//! `CRON_TZ` sets the zone for the lines after it (cronie, and the crons
//! that follow it), so the block sets the member's zone and, at its end,
//! sets back the zone in force before it, so the lines below keep theirs.
//! Where no line before it set one, that is the machine's zone (what cron
//! itself uses, from /etc/localtime): cronie cannot unset `CRON_TZ`, so the
//! block names that zone. Should the machine's zone change later, the lines
//! below keep the old one until the next install; where it has no name
//! (an /etc/localtime that is a copy, not a link), the block says so in a
//! comment instead.

use super::{Outcome, Owner, Plan, Scheduler};
use crate::error::{Error, Result};
use chrono::Timelike;

/// How every block's first line starts.
pub const BEGIN: &str = "# BEGIN async-up remind";
/// How every block's last line starts.
pub const END: &str = "# END async-up remind";

/// Quotes one word for `sh` in a cron command: single quotes, and `%`
/// escaped, since cron turns a bare `%` into a newline.
pub fn quote(word: &str) -> String {
    super::sh_quote(word).replace('%', "\\%")
}

/// What our block ends with, for the lines after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Restore {
    /// They run in our zone already.
    Nothing,
    /// `CRON_TZ` set back to this zone.
    Zone(String),
    /// A comment: the zone cron would use cannot be named.
    Unknown,
}

/// `owner`'s block, ending with `restore`.
pub fn render(plan: &Plan, restore: &Restore) -> String {
    let mut out = format!(
        "{BEGIN} for team {} (installed by: {}; remove with: {})\nCRON_TZ={}\n",
        plan.owner.key,
        plan.install_command(Scheduler::Cron),
        plan.owner.uninstall_command(Scheduler::Cron),
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
    match restore {
        Restore::Nothing => {}
        Restore::Zone(zone) => out.push_str(&format!("CRON_TZ={zone}\n")),
        Restore::Unknown => out.push_str(&format!(
            "# async-up cannot name this machine's zone: the lines below run in {} unless you set CRON_TZ for them\n",
            plan.zone.name()
        )),
    }
    out.push_str(&format!("{END} for team {}\n", plan.owner.key));
    out
}

/// A line of the crontab, or a whole async-up block.
#[derive(Debug)]
enum Piece {
    Line(String),
    /// A block: the team it names (`None`: unnamed) and its text.
    Block(Option<String>, String),
}

/// The crontab cut into lines and async-up blocks.
fn pieces(crontab: &str) -> Result<Vec<Piece>> {
    let mut out = Vec::new();
    let mut open: Option<(Option<String>, String, String)> = None;
    for line in crontab.lines() {
        if let Some((team, mut text, end)) = open.take() {
            text.push_str(line);
            text.push('\n');
            if line.trim() == end {
                out.push(Piece::Block(team, text));
            } else {
                open = Some((team, text, end));
            }
            continue;
        }
        match line.strip_prefix(BEGIN) {
            Some(rest) if rest.is_empty() || rest.starts_with(' ') => {
                let team = rest
                    .strip_prefix(" for team ")
                    .and_then(|r| r.split(' ').next())
                    .map(str::to_string);
                let end = match &team {
                    Some(t) => format!("{END} for team {t}"),
                    None => END.to_string(),
                };
                open = Some((team, format!("{line}\n"), end));
            }
            _ => out.push(Piece::Line(line.to_string())),
        }
    }
    if let Some((_, _, end)) = open {
        return Err(Error::Usage(format!(
            "your crontab has a line starting {BEGIN:?} but not {end:?} after it, so async-up cannot tell its lines from yours; fix it with `crontab -e`"
        )));
    }
    Ok(out)
}

/// Whether `piece` is `owner`'s block (or an unnamed one of theirs).
fn is_ours(piece: &Piece, owner: &Owner) -> bool {
    match piece {
        Piece::Block(Some(team), _) => *team == owner.key,
        Piece::Block(None, text) => owner.owns_unnamed(text),
        Piece::Line(_) => false,
    }
}

/// The crontab with `owner`'s blocks taken out and `block` (if any) where
/// the first of them was, else at the end; and the `CRON_TZ` in force at
/// that place.
fn rebuild(pieces: &[Piece], owner: &Owner, block: Option<&str>) -> (String, Option<String>) {
    let place = pieces
        .iter()
        .position(|p| is_ours(p, owner))
        .unwrap_or(pieces.len());
    let mut zone = None;
    let mut text = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i == place {
            text.push_str(block.unwrap_or_default());
        }
        if is_ours(piece, owner) {
            continue;
        }
        let piece_text = match piece {
            Piece::Line(line) => format!("{line}\n"),
            Piece::Block(_, t) => t.clone(),
        };
        if i < place {
            for line in piece_text.lines() {
                if let Some(z) = line.trim_start().strip_prefix("CRON_TZ=") {
                    zone = Some(z.trim().to_string());
                }
            }
        }
        text.push_str(&piece_text);
    }
    if place == pieces.len() {
        text.push_str(block.unwrap_or_default());
    }
    (text, zone)
}

/// The zone cron reads the lines in when no `CRON_TZ` is set: the
/// machine's, from /etc/localtime (UTC where there is none); `None` when
/// it cannot be named.
fn machine_zone() -> Option<String> {
    let valid = |z: &str| z.parse::<chrono_tz::Tz>().is_ok().then(|| z.to_string());
    let path = std::path::Path::new("/etc/localtime");
    match std::fs::read_link(path) {
        Ok(link) => link
            .to_str()
            .and_then(|l| l.split_once("zoneinfo/"))
            .and_then(|(_, z)| valid(z)),
        Err(_) if !path.exists() => Some("UTC".to_string()),
        Err(_) => std::fs::read_to_string("/etc/timezone")
            .ok()
            .and_then(|z| valid(z.trim())),
    }
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

/// Writes `plan`'s block where the team's block was (else at the end).
pub fn install(plan: &Plan, dry_run: bool) -> Result<Outcome> {
    let pieces = pieces(&read()?)?;
    let ours = plan.zone.name();
    let (_, before) = rebuild(&pieces, &plan.owner, None);
    let restore = match before.or_else(machine_zone) {
        Some(z) if z == ours => Restore::Nothing,
        Some(z) => Restore::Zone(z),
        None => Restore::Unknown,
    };
    let (text, _) = rebuild(&pieces, &plan.owner, Some(&render(plan, &restore)));
    if !dry_run {
        write(&text)?;
    }
    Ok(Outcome {
        files: vec![("crontab (through `crontab -`)".into(), Some(text))],
        next_step: None,
    })
}

/// Removes `owner`'s block, leaving every other line.
pub fn uninstall(owner: &Owner, dry_run: bool) -> Result<Outcome> {
    let pieces = pieces(&read()?)?;
    if !pieces.iter().any(|p| is_ours(p, owner)) {
        return Ok(Outcome::default());
    }
    let (text, _) = rebuild(&pieces, owner, None);
    if !dry_run {
        write(&text)?;
    }
    Ok(Outcome {
        files: vec![("crontab (through `crontab -`)".into(), Some(text))],
        next_step: None,
    })
}

/// `owner`'s block's first line, when the crontab has one; `None` when
/// there is no crontab or no `crontab` to ask.
pub fn installed(owner: &Owner) -> Option<String> {
    super::on_path("crontab")?;
    let pieces = pieces(&read().ok()?).ok()?;
    pieces.iter().find_map(|p| match p {
        Piece::Block(_, text) if is_ours(p, owner) => text.lines().next().map(str::to_string),
        _ => None,
    })
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
    fn only_the_teams_block_is_taken_out_and_the_zone_before_it_is_known() {
        let tab = "MAILTO=me\nCRON_TZ=Asia/Tokyo\n1 2 * * * a\n# BEGIN async-up remind for team b (x)\nCRON_TZ=UTC\n0 9 * * 1 b\nCRON_TZ=Asia/Tokyo\n# END async-up remind for team b\n# BEGIN async-up remind (old)\n0 9 * * 1 'x' 'remind'\n# END async-up remind\n3 4 * * * c\n";
        let pieces = pieces(tab).unwrap();
        let a = Owner::new(Some("a".into()), true).unwrap();
        let (kept, zone) = rebuild(&pieces, &a, Some("NEW\n"));
        assert_eq!(
            kept,
            "MAILTO=me\nCRON_TZ=Asia/Tokyo\n1 2 * * * a\n# BEGIN async-up remind for team b (x)\nCRON_TZ=UTC\n0 9 * * 1 b\nCRON_TZ=Asia/Tokyo\n# END async-up remind for team b\nNEW\n3 4 * * * c\n"
        );
        assert_eq!(zone.as_deref(), Some("Asia/Tokyo"));
        let b = Owner::new(Some("b".into()), false).unwrap();
        let (kept, _) = rebuild(&pieces, &b, None);
        assert!(!kept.contains("team b") && kept.contains("(old)"), "{kept}");
        assert!(super::pieces(
            "# BEGIN async-up remind for team a\n0 9 * * 1 b\n# END async-up remind\n"
        )
        .is_err());
    }
}
