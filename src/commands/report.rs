//! `async-up report --html FILE`: one self-contained page for a team's CI to
//! publish: participation heatmap, blocker timeline, trends, the team now.

use super::{today_in, Since, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::insight::heatmap::{self, Unit};
use crate::insight::{dates, BlockerLife};
use crate::model::Handle;
use crate::render::html::{self, Cell, Day, Heatmap, Report};
use crate::render::html_index;
use crate::render::thread;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Write an HTML report: no network, no script, charts as inline SVG.
///
/// A participation heatmap (members x days; weeks, months or years over
/// long periods), a blocker timeline, mood and after-hours trends, and the
/// current team view, in one file to publish from the team repo's CI. The
/// page stays small on any team: at most 300 rows per chart or table, and
/// it says how many it left out. Over several teams (`--all-teams`, or
/// `--team` more than once), FILE is an index linking to each team's own
/// page beside it, `<stem>-<team>.html`.
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
    #[command(flatten)]
    #[allow(missing_docs)]
    pub teams: super::org::TeamsArgs,
}

/// The most members the heatmap shows, and the most rows of the blocker
/// timeline and of the team table: the page stays one a browser opens
/// whatever the team's size, and says what it left out.
pub const MAX_ROWS: usize = 300;
/// The most characters of one cell of the team table (and of one reply).
const MAX_CELL_CHARS: usize = 200;
/// The most replies, and lines of reactions, under one update in the team
/// table: the newest; the page says how many more there are.
const MAX_REPLIES: usize = 5;

/// Runs `report`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    if let Some(names) = super::org::selected(ctx, &args.teams)? {
        return several(ctx, args, &names);
    }
    let team = ctx.open_team()?;
    super::refresh(ctx, &team, args.no_fetch)?;
    let (page, _) = page(ctx, args, &team)?;
    write(&args.html, &page)?;
    ctx.note(&format!("wrote {}", args.html.display()));
    Ok(Status::Success)
}

/// Writes `page` to `path`, making its folder.
pub(crate) fn write(path: &std::path::Path, page: &str) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
    }
    crate::fsutil::write_output(path, page.as_bytes())
}

/// The report page of `team`, and the line an index of several teams says
/// about it.
pub(crate) fn page(
    ctx: &Context,
    args: &Args,
    team: &crate::context::Team,
) -> Result<(String, html_index::Summary)> {
    let today = today_in(ctx.now, super::reader_zone());
    let since = args.since.unwrap_or(Since::Days(27)).resolve(today);
    let (since, until) = super::period_bounds(since, today)?;
    let unit = Unit::for_period(since, until);
    let columns = heatmap::columns(since, until, unit);
    let mut rows = Vec::new();
    let mut members_left_out = 0usize;
    let mut blockers: Vec<(String, BlockerLife)> = Vec::new();
    let mut blockers_total = 0usize;
    let mut moods: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
    let mut current = Vec::new();
    // Whose update of which day each row of `current` shows.
    let mut shown_updates: Vec<Option<(String, NaiveDate)>> = Vec::new();
    let mut current_left_out = 0usize;
    let period = super::stats::period_with(
        ctx,
        team,
        Some(Since::Date(since)),
        Some(until),
        |snapshot, member, history| {
            let member_today = today_in(ctx.now, member.tz());
            if rows.len() < MAX_ROWS {
                rows.push((
                    member.handle.clone(),
                    cells(member, &history.days, &columns, member_today),
                ));
            } else {
                members_left_out += 1;
            }
            for life in &history.lives {
                if life.resolved.is_none_or(|r| r >= since) {
                    blockers_total += 1;
                    blockers.push((member.handle.clone(), life.clone()));
                }
            }
            if blockers.len() > 2 * MAX_ROWS {
                keep_first_blockers(&mut blockers);
            }
            for u in history.days.iter().filter(|u| u.date >= since) {
                if let Some(m) = u.mood {
                    let day = moods.entry(u.date).or_default();
                    day.0 += u32::from(m);
                    day.1 += 1;
                }
            }
            if current.len() >= MAX_ROWS {
                current_left_out += 1;
                return Ok(());
            }
            let handle = Handle::parse(&member.handle)?;
            let latest = match history.latest.as_ref().filter(|u| u.date <= member_today) {
                Some(u) if until >= member_today => Some(u.clone()),
                _ => snapshot.latest_update(&handle, Some(member_today)),
            };
            shown_updates.push(latest.as_ref().map(|u| (u.author.clone(), u.date)));
            current.push([
                format!("@{}", member.handle),
                member.state_at(ctx.now).label().replace('_', " "),
                latest
                    .as_ref()
                    .map(|u| short(&u.today.join("; ")))
                    .unwrap_or_default(),
                latest
                    .as_ref()
                    .map(|u| {
                        short(
                            &u.blockers
                                .iter()
                                .map(|b| b.text.as_str())
                                .collect::<Vec<_>>()
                                .join("; "),
                        )
                    })
                    .unwrap_or_default(),
            ]);
            Ok(())
        },
    )?;
    keep_first_blockers(&mut blockers);
    // A day's team mood stands for at least `min_group` people, unless
    // the team shows moods per person anyway.
    let mood = moods
        .into_iter()
        .filter(|(_, (_, n))| period.per_person_wellbeing || *n >= period.min_group)
        .map(|(d, (sum, n))| (d, f64::from(sum) / f64::from(n)))
        .collect();
    let snapshot = super::stats::history_snapshot(team)?;
    let title = super::team_title(team, &snapshot);
    let links = super::links(&snapshot);
    let threads = threads(&snapshot, &shown_updates);
    let page = html::report(&Report {
        team: &title,
        period: &period,
        heatmap: Heatmap {
            unit,
            columns,
            rows,
            left_out: members_left_out,
        },
        blockers,
        blockers_left_out: blockers_total.saturating_sub(MAX_ROWS),
        mood,
        current,
        threads,
        current_left_out,
        links: &links,
    });
    super::finish_warnings(ctx, &snapshot)?;
    let summary = html_index::Summary {
        title,
        participation: period.team.participation(),
        blockers_opened: period.team.blockers_opened,
    };
    Ok((page, summary))
}

/// One member's heatmap row: what each column's days were.
fn cells(
    member: &crate::model::Member,
    history: &[crate::insight::Day],
    columns: &[heatmap::Column],
    member_today: NaiveDate,
) -> Vec<Cell> {
    // History is oldest first: one walk beside the days, not a search per day.
    let mut written = history.iter().map(|u| u.date).peekable();
    columns
        .iter()
        .map(|c| {
            let mut cell = Cell::default();
            for d in dates(c.start, c.end) {
                while written.next_if(|w| *w < d).is_some() {}
                let day = if written.next_if_eq(&d).is_some() {
                    Day::Wrote
                } else if !member.was_member_on(d) {
                    Day::BeforeJoining
                } else if member.away_on(d).is_some() {
                    Day::Away
                } else if member.holiday_on(d).is_some() {
                    Day::Holiday
                } else if !member.is_workday(d) {
                    Day::Off
                } else if d >= member_today {
                    // Under way (or not begun) where they are: nothing missed yet.
                    Day::NotOver
                } else {
                    Day::Missed
                };
                cell.add(day);
            }
            cell
        })
        .collect()
}

/// The replies under each update the team table shows, bounded and cut as
/// its cells are; one read of the replies for them all.
fn threads(
    snapshot: &crate::store::Snapshot<'_>,
    shown: &[Option<(String, NaiveDate)>],
) -> Vec<(Vec<String>, usize)> {
    let Some(oldest) = shown.iter().flatten().map(|(_, d)| *d).min() else {
        return vec![(Vec::new(), 0); shown.len()];
    };
    let replies = snapshot.replies(Some(super::replies_from(oldest)));
    shown
        .iter()
        .map(|update| {
            let Some((author, date)) = update else {
                return (Vec::new(), 0);
            };
            let to = thread::to_update(&replies, author, *date);
            let (lines, more) = thread::newest(&to, MAX_REPLIES);
            (lines.iter().map(|l| short(l)).collect(), more)
        })
        .collect()
}

/// Keeps the blockers the timeline shows: open ones first, then the oldest.
fn keep_first_blockers(blockers: &mut Vec<(String, BlockerLife)>) {
    blockers.sort_by(|(ha, a), (hb, b)| {
        (a.resolved.is_some(), a.since, ha, &a.id).cmp(&(b.resolved.is_some(), b.since, hb, &b.id))
    });
    blockers.truncate(MAX_ROWS);
}

/// A cell of the team table, cut to [`MAX_CELL_CHARS`].
fn short(text: &str) -> String {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// `report` over several teams: each team's page beside FILE
/// (`<stem>-<team>.html`), and FILE an index of them.
fn several(ctx: &Context, args: &Args, names: &[String]) -> Result<Status> {
    let pages = html_index::team_pages(&args.html, names).map_err(Error::Usage)?;
    let several = super::org::open_all(ctx, names, args.no_fetch);
    let mut failed = several.failed.clone();
    let mut entries = Vec::new();
    for o in &several.opened {
        let Some(path) = names.iter().position(|n| *n == o.name).map(|i| &pages[i]) else {
            continue;
        };
        match page(ctx, args, &o.team).and_then(|(page, summary)| {
            write(path, &page)?;
            Ok(summary)
        }) {
            Ok(summary) => entries.push(html_index::Entry {
                team: o.name.clone(),
                file: path
                    .file_name()
                    .map(|f| f.to_string_lossy().to_string())
                    .unwrap_or_default(),
                summary: Some(summary),
            }),
            Err(e) => {
                super::org::left_out(&o.name, &e);
                failed.push(o.name.clone());
            }
        }
    }
    for name in &failed {
        entries.push(html_index::Entry {
            team: name.clone(),
            file: String::new(),
            summary: None,
        });
    }
    write(&args.html, &html_index::index(&entries))?;
    ctx.note(&format!(
        "wrote {} and a page per team beside it",
        args.html.display()
    ));
    super::org::finish(ctx, &failed, Vec::new(), Status::Success)
}
