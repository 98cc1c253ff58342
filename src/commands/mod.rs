//! One module per subcommand: its clap `Args` and its `run` function. What
//! several commands share (fetching before a read, the roster, dates) is here.

pub mod audit;
pub mod away;
pub mod blockers;
pub mod digest;
pub mod doctor;
pub mod inbox;
pub mod init;
pub mod log;
pub mod me;
pub mod mentions;
pub mod org;
mod org_views;
pub mod remind;
pub mod reply;
pub mod report;
pub mod restore;
pub mod search;
pub mod stats;
pub mod status;
pub mod sync;
pub mod team;
pub mod write;
mod write_prompt;
mod write_send;

use crate::context::{Context, Team};
use crate::error::{Error, Result};
use crate::model::{Handle, Member};
use crate::render;
use crate::store::Snapshot;
use chrono::{DateTime, Days, Months, NaiveDate, Utc};

/// Pushes pending commits unless `--offline`, and says how it went. An
/// unreachable remote is not an error here: the change is safe locally.
pub(crate) fn push(ctx: &Context, team: &Team) -> Result<()> {
    use crate::store::sync::SyncOutcome;
    if ctx.global.offline {
        if !team.local_only {
            ctx.note("committed locally; `async-up sync` pushes it");
        }
        return Ok(());
    }
    match team.store.sync()? {
        SyncOutcome::LocalOnly | SyncOutcome::UpToDate => {}
        SyncOutcome::Pushed { commits, attempts } => ctx.note(&format!(
            "pushed {commits} update(s) to {}{}",
            team.store
                .remote()
                .map(|r| r.url.as_str())
                .unwrap_or("the remote"),
            if attempts > 1 {
                format!(" after {attempts} attempts")
            } else {
                String::new()
            }
        )),
        SyncOutcome::Offline { pending, reason } => note_unpushed(ctx, &reason, pending),
    }
    Ok(())
}

/// Says that the remote is out of reach and what waits for it.
pub(crate) fn note_unpushed(ctx: &Context, reason: &str, pending: usize) {
    let what = crate::error::offline_reason("the remote", reason);
    ctx.note(&match pending {
        0 => format!("{what}.\nNothing is waiting to be pushed."),
        n => format!("{what}.\nYour update is committed locally; {n} update(s) will be pushed by the next `async-up write` or `async-up sync`."),
    });
}

/// Fetches and rebuilds local commits on what the remote has now, unless
/// `--offline` or there is no remote. Returns why the remote is out of
/// reach, if it is: the caller goes on with the mirror as it is. Reads use
/// it; a change is committed first and fetched on afterwards (see
/// [`write_send`]), so it is never waiting on the network unsaved.
pub(crate) fn catch_up(ctx: &Context, team: &Team) -> Result<Option<String>> {
    if ctx.global.offline || team.store.remote().is_none() {
        return Ok(None);
    }
    match team.store.fetch() {
        Ok(()) => {
            team.store.rebase_onto_remote()?;
            Ok(None)
        }
        Err(Error::Unreachable { message, .. }) => Ok(Some(message)),
        Err(e) => Err(e),
    }
}

/// Commits a new version of your own member file, built from the mirror,
/// then fetches and pushes it: saved before the network is asked, so a
/// stalled remote or Ctrl-C never costs the change. A change to the same
/// file from another machine is merged field by field when the commit is
/// rebuilt on the fetched tip.
pub(crate) fn save_my_member_file(
    ctx: &Context,
    team: &Team,
    change: impl FnOnce(&mut Member) -> Result<()>,
) -> Result<Member> {
    if team.store.is_external() {
        return Err(Error::Usage(
            "--repo is read-only: change your member file through a joined team".into(),
        ));
    }
    let me = ctx.identity(team.config.as_ref())?;
    let snapshot = team.store.snapshot()?;
    let mut member = snapshot
        .member(&me.handle)
        .unwrap_or_else(|| Member::bare(me.handle.as_str()));
    drop(snapshot);
    let email_before = member.email.clone();
    change(&mut member)?;
    // `audit` judges a change to a member file by the file as it was, so a
    // change of its email is committed as the address it had: the member
    // the team knows vouches for the new one (see `me --email`).
    let committer_email = match email_before {
        Some(old) if member.email.as_deref().is_none_or(|new| new != old) => old,
        _ => me.email.clone(),
    };
    let signature = git2::Signature::now(&me.name, &committer_email)?;
    let committed = team.store.commit_files(
        &[crate::store::FileChange {
            path: crate::model::layout::member_path(&me.handle),
            content: crate::keep_toml::member_text(&team.store, &me.handle, &member).into_bytes(),
        }],
        &format!("async-up: {} updates their member file", me.handle),
        &signature,
    )?;
    if committed.is_none() {
        ctx.note("your member file already says that; nothing changed");
    }
    push(ctx, team)?;
    Ok(member)
}

/// How a command ended when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Done, nothing to report (exit 0).
    Success,
    /// Found something the caller asked about, such as open blockers (exit 1).
    Found,
}

/// Fetches before a read unless told not to; when the remote cannot be
/// reached, warns and says how old the shown data is. Returns the failure
/// message when the data is stale.
pub(crate) fn refresh(ctx: &Context, team: &Team, no_fetch: bool) -> Result<Option<String>> {
    if no_fetch {
        return Ok(None);
    }
    let Some(message) = catch_up(ctx, team)? else {
        return Ok(None);
    };
    let when = match team.store.fetched_at() {
        Some(t) => format!(
            "last fetched {} ({})",
            crate::clock::ago(ctx.now, t.with_timezone(&Utc)),
            t.format("%Y-%m-%d %H:%M %:z")
        ),
        None => "never fetched".to_string(),
    };
    let remote = team
        .store
        .remote()
        .map(|r| r.url.as_str())
        .unwrap_or("the remote");
    render::warn(&format!(
        "{}; showing local data, {when}",
        crate::error::offline_reason(remote, &message)
    ));
    Ok(Some(message))
}

/// The name views are headed with: the team file's `name` (what the team
/// calls itself), made one line of at most 80 characters, else the name the
/// team was joined under. Renderers still escape it for their format.
pub(crate) fn team_title(team: &Team, snapshot: &Snapshot<'_>) -> String {
    let from_file = snapshot
        .team_file()
        .map(|t| t.name.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty())
        .map(|n| render::sanitize::clean(&n.chars().take(80).collect::<String>()));
    from_file.unwrap_or_else(|| team.name.clone())
}

/// The team's `[links]`, compiled for a markdown, HTML or Slack view; the
/// entries left out become the snapshot's warnings (errors under `--strict`).
pub(crate) fn links(snapshot: &Snapshot<'_>) -> render::links::Links {
    let (links, warnings) = render::links::Links::from_team(snapshot.team_file().as_ref());
    for w in warnings {
        snapshot.warnings.push(w);
    }
    links
}

/// Prints the snapshot's warnings (even with `-q`: they are about the data
/// shown); with `--strict`, any warning is an error.
pub(crate) fn finish_warnings(ctx: &Context, snapshot: &Snapshot<'_>) -> Result<()> {
    report_warnings(ctx, snapshot.warnings.take())
}

/// Prints warnings taken from snapshots; with `--strict`, any is an error.
pub(crate) fn report_warnings(ctx: &Context, warnings: Vec<String>) -> Result<()> {
    for w in &warnings {
        render::warn(w);
    }
    if ctx.global.strict && !warnings.is_empty() {
        return Err(Error::Strict(warnings.len()));
    }
    Ok(())
}

/// Everyone in the team: member files, plus anyone with updates but no member file.
pub(crate) fn roster(snapshot: &Snapshot<'_>) -> Vec<Member> {
    let mut members = snapshot.members();
    for handle in snapshot.handles_with_updates() {
        if !members.iter().any(|m| m.handle == handle.as_str()) {
            members.push(snapshot.bare_member(handle.as_str()));
        }
    }
    members.sort_by(|a, b| a.handle.cmp(&b.handle));
    members
}

/// One person's updates in `since..=until`, oldest first, led by their last
/// update before the period: enough to know which blockers were open when it
/// began (each carries its own `since`) without reading older history.
pub(crate) fn period_history(
    snapshot: &Snapshot<'_>,
    handle: &Handle,
    since: NaiveDate,
    until: NaiveDate,
) -> Vec<crate::model::Update> {
    let mut history = Vec::new();
    snapshot.each_update_led(handle, since, until, |u| history.push(u));
    let held = history.iter().map(|u| u.blockers.len() as u64).sum();
    crate::debug_counts::peak("blockers_held", held);
    history
}

/// Your zone: your member file's (the team-wide truth), else the one in your
/// config for this team, else the machine's, else UTC.
pub(crate) fn my_zone(team: &Team, snapshot: &Snapshot<'_>, me: &Handle) -> chrono_tz::Tz {
    snapshot
        .member(me)
        .and_then(|m| m.timezone)
        .filter(|z| z.parse::<chrono_tz::Tz>().is_ok())
        .or_else(|| team.config.as_ref().and_then(|t| t.timezone.clone()))
        .or_else(crate::clock::system_zone)
        .and_then(|z| z.parse::<chrono_tz::Tz>().ok())
        .unwrap_or(chrono_tz::UTC)
}

/// The date it is now in `tz`.
pub(crate) fn today_in(now: DateTime<Utc>, tz: chrono_tz::Tz) -> NaiveDate {
    now.with_timezone(&tz).date_naive()
}

/// The reader's own zone: the machine's, else UTC.
pub(crate) fn reader_zone() -> chrono_tz::Tz {
    crate::clock::system_zone()
        .and_then(|z| z.parse().ok())
        .unwrap_or(chrono_tz::UTC)
}

/// The first reply-file date that can answer an update dated `date`: a
/// reply is written on or after that day, but its file is dated in the
/// replier's zone, which can be up to a day behind the author's.
pub(crate) fn replies_from(date: NaiveDate) -> NaiveDate {
    date.checked_sub_days(Days::new(2)).unwrap_or(date)
}

/// Parses a `--date` value.
pub(crate) fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date like 2026-11-24"))
}

/// A `--since` value: a date, or a span back from today such as `7d`, `2w`, `3m`, `1y`.
#[derive(Debug, Clone, Copy)]
pub enum Since {
    /// An exact date.
    Date(NaiveDate),
    /// Days back.
    Days(u64),
    /// Months back.
    Months(u32),
}

impl Since {
    /// Parses a `--since` value.
    pub fn parse(s: &str) -> std::result::Result<Self, String> {
        if let Ok(d) = parse_date(s) {
            return Ok(Since::Date(d));
        }
        let bad = || format!("{s:?} is not a date like 2026-11-24 or a span like 7d, 2w, 3m or 1y");
        // The unit is the last character, not the last byte: `2é` must be
        // refused, not split inside the `é`.
        let unit_at = s.char_indices().last().map_or(0, |(at, _)| at);
        let (number, unit) = s.split_at(unit_at);
        let n: u32 = number.parse().map_err(|_| bad())?;
        match unit {
            "d" => Ok(Since::Days(n.into())),
            "w" => Ok(Since::Days(u64::from(n) * 7)),
            "m" => Ok(Since::Months(n)),
            "y" => Ok(Since::Months(n.saturating_mul(12))),
            _ => Err(bad()),
        }
    }

    /// The first date included, counted back from `today`.
    pub fn resolve(self, today: NaiveDate) -> NaiveDate {
        match self {
            Since::Date(d) => d,
            Since::Days(n) => today
                .checked_sub_days(Days::new(n))
                .unwrap_or(NaiveDate::MIN),
            Since::Months(n) => today
                .checked_sub_months(Months::new(n))
                .unwrap_or(NaiveDate::MIN),
        }
    }
}

/// The period `since..=until`, refused when it runs backwards, which is
/// always a typo: an empty report would hide it. Refused too when it starts
/// before any stand-up can be dated (`--since 1000y`): nothing there can be
/// shown, and the days alone would cost time and pages.
pub(crate) fn period_bounds(since: NaiveDate, until: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    if since > until {
        return Err(crate::error::Error::Usage(format!(
            "--since {since} is after --until {until}; swap them"
        )));
    }
    let earliest = crate::model::update::EARLIEST;
    if since < earliest {
        return Err(crate::error::Error::Usage(format!(
            "--since {since} is before {earliest}, and no stand-up can be dated before it; give --since {earliest} or later"
        )));
    }
    Ok((since, until))
}

/// Validates `--person`-style handles given on the command line.
pub(crate) fn parse_handles(list: &[String]) -> Result<Vec<Handle>> {
    list.iter().map(|h| Handle::from_cli(h.as_str())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_spans() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let at = |s: &str| Since::parse(s).unwrap().resolve(today).to_string();
        assert_eq!(at("7d"), "2026-11-17");
        assert_eq!(at("2w"), "2026-11-10");
        assert_eq!(at("1m"), "2026-10-24");
        assert_eq!(at("1y"), "2025-11-24");
        assert_eq!(at("2026-01-02"), "2026-01-02");
        assert!(Since::parse("yesterday").is_err());
        assert!(Since::parse("").is_err());
        for foreign in ["2é", "é", "1٣d", "２w", "7ｄ", "🙂"] {
            assert!(Since::parse(foreign).is_err(), "{foreign}");
        }
    }
}
