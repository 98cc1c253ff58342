//! `async-up report --html FILE`: one self-contained page for a team's CI to
//! publish: participation heatmap, blocker timeline, trends, the team now.

use super::{roster, today_in, Since, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::insight::{blocker_lives, dates};
use crate::model::Handle;
use crate::render::html::{self, Day, Report};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Write an HTML report: no network, no script, charts as inline SVG.
///
/// A participation heatmap (members x days), a blocker timeline, mood and
/// after-hours trends, and the current team view, in one file to publish
/// from the team repo's CI.
///
/// Example: async-up report --html public/index.html --since 8w
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the page.
    #[arg(long, value_name = "FILE")]
    pub html: PathBuf,
    /// Start of the period: a date or a span back (default: 4w).
    #[arg(long, value_name = "D", value_parser = Since::parse)]
    pub since: Option<Since>,
    /// Do not fetch first.
    #[arg(long)]
    pub no_fetch: bool,
}

/// Runs `report`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    super::refresh(ctx, &team, args.no_fetch)?;
    let period = super::stats::period(ctx, &team, args.since, None)?;
    let snapshot = team.store.snapshot()?;
    let mut heatmap = Vec::new();
    let mut blockers = Vec::new();
    let mut moods: BTreeMap<NaiveDate, Vec<u8>> = BTreeMap::new();
    let mut current = Vec::new();
    for member in roster(&snapshot) {
        let handle = Handle::parse(&member.handle)?;
        let history = super::period_history(&snapshot, &handle, period.since, period.until);
        let member_today = today_in(ctx.now, member.tz());
        let cells = dates(period.since, period.until)
            .map(|d| {
                if history.iter().any(|u| u.date == d) {
                    Day::Wrote
                } else if !member.was_member_on(d) {
                    Day::BeforeJoining
                } else if member.away_on(d).is_some() {
                    Day::Away
                } else if !member.is_workday(d) {
                    Day::Off
                } else if d >= member_today {
                    // Under way (or not begun) where they are: nothing missed yet.
                    Day::NotOver
                } else {
                    Day::Missed
                }
            })
            .collect();
        heatmap.push((member.handle.clone(), cells));
        for life in blocker_lives(&history) {
            if life.resolved.is_none_or(|r| r >= period.since) {
                blockers.push((member.handle.clone(), life));
            }
        }
        for u in history.iter().filter(|u| u.date >= period.since) {
            if let Some(m) = u.mood {
                moods.entry(u.date).or_default().push(m);
            }
        }
        let latest = snapshot.latest_update(&handle, Some(today_in(ctx.now, member.tz())));
        current.push([
            format!("@{}", member.handle),
            member.state_at(ctx.now).label().replace('_', " "),
            latest
                .as_ref()
                .map(|u| u.today.join("; "))
                .unwrap_or_default(),
            latest
                .as_ref()
                .map(|u| {
                    u.blockers
                        .iter()
                        .map(|b| b.text.clone())
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default(),
        ]);
    }
    let mood = moods
        .into_iter()
        .map(|(d, v)| {
            (
                d,
                v.iter().map(|m| f64::from(*m)).sum::<f64>() / v.len() as f64,
            )
        })
        .collect();
    let page = html::report(&Report {
        team: &super::team_title(&team, &snapshot),
        period: &period,
        heatmap,
        blockers,
        mood,
        current,
    });
    if let Some(dir) = args.html.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
    }
    crate::fsutil::write_atomically(&args.html, page.as_bytes())?;
    ctx.note(&format!("wrote {}", args.html.display()));
    Ok(Status::Success)
}
