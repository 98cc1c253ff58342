//! `async-up team`: everyone's latest update in one view, with local times.

use super::{parse_date, parse_handles, refresh, roster, today_in, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::Handle;
use crate::render::{self, AwayRow, Entry, Format, HolidayRow, MemberState, TeamView};
use chrono::{NaiveDate, Utc};

/// Show everyone's latest update.
///
/// An update counts when it is dated on or after its author's previous
/// workday (days away and holidays skipped) in their own time zone, so a
/// Friday update still counts on Monday; members without one are listed as
/// missing, except those away or on a holiday (holidays.toml) today.
///
/// Example: async-up team --format markdown | pbcopy
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show exactly the updates dated D (YYYY-MM-DD).
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Only these members (repeatable).
    #[arg(long = "person", value_name = "HANDLE", add = clap_complete::ArgValueCandidates::new(crate::complete::handles))]
    pub persons: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Do not fetch first; show what the mirror has.
    #[arg(long)]
    pub no_fetch: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub teams: super::org::TeamsArgs,
}

/// Marks the updates whose last change broke the team's rules, as `audit`
/// would judge that commit.
fn mark_violations(
    store: &crate::store::Store,
    index: Option<&crate::store::index::Index>,
    entries: &mut [Entry],
) -> Result<()> {
    // Each update, and its author's member file: a member file someone
    // else rewrote would otherwise vouch for the forgeries after it.
    let pairs: Vec<(String, String)> = entries
        .iter()
        .map(|e| match Handle::parse(&e.update.author) {
            Ok(handle) => (
                crate::model::layout::update_path(&handle, e.update.date),
                crate::model::layout::member_path(&handle),
            ),
            Err(_) => (String::new(), String::new()),
        })
        .collect();
    let paths: Vec<String> = pairs
        .iter()
        .flat_map(|(u, m)| [u.clone(), m.clone()])
        .collect();
    let marks = crate::trust::marks::marks(store, index, &paths)?;
    for (entry, (update, member)) in entries.iter_mut().zip(&pairs) {
        let own = marks.get(update).filter(|m| m.violation.is_some());
        let via_member = marks.get(member).filter(|m| m.violation.is_some());
        if let Some(mark) = own {
            entry.violation = mark.violation.clone();
            if mark.foreign {
                entry.foreign_committer = Some(mark.committer.clone());
            }
        } else if let Some(mark) = via_member {
            entry.violation = Some(format!(
                "its author's member file was last changed against the rules ({})",
                mark.violation.as_deref().unwrap_or_default()
            ));
        }
    }
    Ok(())
}

/// Runs `team`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    if let Some(names) = super::org::selected(ctx, &args.teams)? {
        return super::org_views::team(ctx, args, &names);
    }
    let team = ctx.open_team()?;
    let wanted = parse_handles(&args.persons)?;
    refresh(ctx, &team, args.no_fetch)?;
    let (view, warnings) = view(ctx, args, &team, &wanted, true)?;
    let out = ctx.out();
    let text = match args.format {
        Format::Table => render::table::team(&out, &view),
        Format::Markdown => render::markdown::team(&view, &view.links),
        Format::Json => render::json::team(&view),
    };
    out.print(&text)?;
    super::report_warnings(ctx, warnings)?;
    Ok(Status::Success)
}

/// The team view of `team`, and the warnings its files raised. A handle of
/// `wanted` the team does not have is an error when `must_have` (over
/// several teams, a person is in some of them).
pub(crate) fn view(
    ctx: &Context,
    args: &Args,
    team: &crate::context::Team,
    wanted: &[Handle],
    must_have: bool,
) -> Result<(TeamView, Vec<String>)> {
    let snapshot = team.store.snapshot()?;
    let mut members = roster(&snapshot);
    for handle in wanted.iter().filter(|_| must_have) {
        if !members.iter().any(|m| m.handle == handle.as_str()) {
            return Err(Error::Usage(format!(
                "no member @{handle} in team {}",
                team.name
            )));
        }
    }
    if !wanted.is_empty() {
        members.retain(|m| wanted.iter().any(|w| w.as_str() == m.handle));
    }
    let view_date = args
        .date
        .unwrap_or_else(|| today_in(ctx.now, super::reader_zone()));
    let mut entries = Vec::new();
    let mut missing = Vec::new();
    let mut away = Vec::new();
    let mut holidays = Vec::new();
    let mut states = Vec::new();
    for member in &members {
        let handle = Handle::parse(&member.handle)?;
        let tz = member.tz();
        let today = today_in(ctx.now, tz);
        let state = member.state_at(ctx.now);
        states.push(MemberState {
            handle: member.handle.clone(),
            local_time: ctx.now.with_timezone(&tz).format("%a %H:%M").to_string(),
            state,
        });
        // Current means written on or after the previous workday: a Friday
        // update is still current on Monday, and days away do not count.
        let shown = match args.date {
            Some(d) => snapshot.update_on(&handle, d),
            None => snapshot
                .latest_update(&handle, Some(today))
                .filter(|u| u.date >= member.previous_workday(today)),
        };
        // Away is said whether or not an update shows, and is never missing.
        let is_away = match member.away_on(args.date.unwrap_or(today)) {
            Some(a) => {
                away.push(AwayRow {
                    handle: member.handle.clone(),
                    until: a.until,
                    note: a.note.clone(),
                });
                true
            }
            None => false,
        };
        // So is a team holiday, on the member's own date.
        let holiday = match member.holiday_on(args.date.unwrap_or(today)) {
            Some(h) if !is_away => {
                holidays.push(HolidayRow {
                    handle: member.handle.clone(),
                    name: h.name.clone(),
                });
                true
            }
            _ => false,
        };
        if shown.is_none() && (is_away || holiday) {
            continue;
        }
        // Nobody is missing an update from before they joined.
        let expected_since = args.date.unwrap_or_else(|| member.previous_workday(today));
        if shown.is_none() && !member.was_member_on(expected_since) {
            continue;
        }
        match shown {
            Some(update) => entries.push(Entry {
                name: member.name.clone().unwrap_or_else(|| member.handle.clone()),
                local_time: format!(
                    "{}\n{}",
                    ctx.now.with_timezone(&tz).format("%a %H:%M"),
                    state.label().replace('_', " ")
                ),
                ago: crate::clock::ago(ctx.now, update.written_at.with_timezone(&Utc)),
                foreign_committer: None,
                violation: None,
                replies: Vec::new(),
                update,
            }),
            None => missing.push(member.handle.clone()),
        }
    }
    let oldest = entries.iter().map(|e| e.update.date).min();
    if let Some(oldest) = oldest {
        let replies = snapshot.replies(Some(super::replies_from(oldest)));
        for e in &mut entries {
            e.replies = render::thread::to_update(&replies, &e.update.author, e.update.date);
        }
    }
    // A local-only team has one writer and no member files to judge by.
    if !team.local_only {
        mark_violations(&team.store, snapshot.index(), &mut entries)?;
    }
    let view = TeamView {
        team: super::team_title(team, &snapshot),
        date: view_date,
        entries,
        missing,
        away,
        holidays,
        members: states,
        questions: snapshot
            .team_file()
            .map(|t| t.questions.into_iter().map(|q| (q.id, q.prompt)).collect())
            .unwrap_or_default(),
        // Only markdown links; a table never warns about `[links]`.
        links: match args.format {
            Format::Markdown => super::links(&snapshot),
            _ => render::links::Links::none(),
        },
    };
    let warnings = snapshot.warnings.take();
    Ok((view, warnings))
}
