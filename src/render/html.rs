//! The self-contained HTML report: no script, no network, charts as inline SVG.
//! Its marks, legends, style and tables for screen readers live in
//! [`super::html_access`].

use super::html_access as access;
use crate::commands::stats::Period;
use crate::insight::heatmap::{Column, Unit};
use crate::insight::BlockerLife;
use chrono::NaiveDate;
use std::fmt::Write;

/// Escapes text for HTML (and strips terminal controls, which have no place in a page).
pub fn esc(s: &str) -> String {
    super::sanitize::clean(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// What a heatmap cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Day {
    /// An update was written.
    Wrote,
    /// A workday without an update.
    Missed,
    /// Not a workday.
    Off,
    /// Away.
    Away,
    /// A team holiday for the member (`holidays.toml`).
    Holiday,
    /// Before the member joined.
    BeforeJoining,
    /// A day still under way (or not begun) in the member's zone, unwritten.
    NotOver,
}

/// What the days of one heatmap column were, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cell {
    /// Days with an update.
    pub wrote: u32,
    /// Workdays without one.
    pub missed: u32,
    /// Days away.
    pub away: u32,
    /// Days off, before joining or not over yet.
    pub other: u32,
    /// The day, when the column is one day.
    pub day: Option<Day>,
}

impl Cell {
    /// Counts one more day.
    pub fn add(&mut self, day: Day) {
        match day {
            Day::Wrote => self.wrote += 1,
            Day::Missed => self.missed += 1,
            Day::Away => self.away += 1,
            _ => self.other += 1,
        }
        self.day = (self.wrote + self.missed + self.away + self.other == 1).then_some(day);
    }
}

/// The participation heatmap: members by columns of days, weeks, months or
/// years.
pub struct Heatmap {
    /// What a column stands for.
    pub unit: Unit,
    /// The columns.
    pub columns: Vec<Column>,
    /// Per member shown, one cell per column.
    pub rows: Vec<(String, Vec<Cell>)>,
    /// Members not shown.
    pub left_out: usize,
}

/// Everything the report shows.
pub struct Report<'a> {
    /// Team name.
    pub team: &'a str,
    /// Participation and the other figures.
    pub period: &'a Period,
    /// Participation by member and column.
    pub heatmap: Heatmap,
    /// Per member, the blockers touching the period (those shown).
    pub blockers: Vec<(String, BlockerLife)>,
    /// Blockers touching the period not shown.
    pub blockers_left_out: usize,
    /// Team mood average per day (days with any mood).
    pub mood: Vec<(NaiveDate, f64)>,
    /// The current team view as rows: member, state, today items, blockers.
    pub current: Vec<[String; 4]>,
    /// Per row of `current`, the thread under that update as
    /// [`super::thread::newest`] bounds it: lines shown, lines left out.
    pub threads: Vec<(Vec<String>, usize)>,
    /// Members left out of the current team view.
    pub current_left_out: usize,
    /// The team's `[links]`: references in the today and blocker columns link.
    pub links: &'a super::links::Links,
}

const CELL: i64 = 14;
const LABEL: i64 = 110;

/// The fill and words for a column longer than a day (a day is drawn by
/// its mark, see [`super::html_access::mark`]).
fn looks(cell: &Cell) -> (&'static str, String) {
    let expected = cell.wrote + cell.missed;
    let words = format!(
        "wrote {}, missed {}, away {}",
        cell.wrote, cell.missed, cell.away
    );
    // Shares of workdays written, in five steps from red to green.
    let fill = match (cell.wrote * 4).checked_div(expected) {
        None if cell.away > 0 => "#74c0fc",
        None => "#e9ecef",
        Some(4..) => "#2f9e44",
        Some(3) => "#8ce99a",
        Some(2) => "#ffd43b",
        Some(1) => "#ff8787",
        Some(_) => "#e03131",
    };
    (fill, words)
}

fn heatmap(r: &Report<'_>) -> String {
    let h = &r.heatmap;
    let width = LABEL + CELL * h.columns.len() as i64 + 10;
    let height = 20 + CELL * h.rows.len() as i64 + 10;
    let unit = h.unit.name();
    let mut svg = format!(
        "<svg id=\"participation\" data-unit=\"{unit}\" role=\"img\" aria-label=\"Participation heatmap, one column per {unit}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\">"
    );
    let mut last_label = String::new();
    for (i, c) in h.columns.iter().enumerate() {
        // Days are labelled on Mondays, weeks at each new month, months at
        // each new year, years each.
        let label = match h.unit {
            Unit::Day => (c.start.format("%u").to_string() == "1")
                .then(|| c.start.format("%m-%d").to_string()),
            Unit::Week => Some(c.start.format("%Y-%m").to_string()),
            Unit::Month | Unit::Year => Some(c.start.format("%Y").to_string()),
        };
        if let Some(label) = label.filter(|l| *l != last_label) {
            let _ = write!(
                svg,
                "<text x=\"{}\" y=\"12\" font-size=\"9\">{label}</text>",
                LABEL + CELL * i as i64,
            );
            last_label = label;
        }
    }
    for (row, (handle, cells)) in h.rows.iter().enumerate() {
        let y = 20 + CELL * row as i64;
        let handle = esc(handle);
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"11\">@{handle}</text>",
            y + 11,
        );
        for (col, cell) in cells.iter().enumerate() {
            // A day is drawn as its mark (shape and colour); a longer
            // column as a share of workdays written, with its counts in
            // the title.
            match cell.day {
                Some(day) => {
                    let _ = write!(
                        svg,
                        "<g class=\"day\" transform=\"translate({},{y})\"><title>@{handle} {}: {}</title>{}</g>",
                        LABEL + CELL * col as i64,
                        h.columns[col].label,
                        access::label(day),
                        access::mark(day)
                    );
                }
                None => {
                    let (fill, what) = looks(cell);
                    let _ = write!(
                        svg,
                        "<rect class=\"{unit}\" x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"><title>@{handle} {}: {what}</title></rect>",
                        LABEL + CELL * col as i64,
                        CELL - 2,
                        CELL - 2,
                        h.columns[col].label
                    );
                }
            }
        }
    }
    svg.push_str("</svg>");
    if h.left_out > 0 {
        let _ = write!(
            svg,
            "\n<p class=\"left-out\" id=\"participation-left-out\">{} more member(s) not shown; <code>async-up stats --since {} --format json</code> has everyone's figures.</p>",
            h.left_out, r.period.since
        );
    }
    svg
}

fn timeline(r: &Report<'_>) -> String {
    let days = (r.period.until - r.period.since).num_days().max(1) + 1;
    let scale = 600.0 / days as f64;
    let height = 20 + 18 * r.blockers.len() as i64;
    let mut svg = format!(
        "<svg id=\"blockers\" role=\"img\" aria-label=\"Blocker timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{height}\">",
        LABEL + 630
    );
    for (i, (handle, b)) in r.blockers.iter().enumerate() {
        let start = (b.since.max(r.period.since) - r.period.since).num_days() as f64;
        let end_date = b.resolved.unwrap_or(r.period.until).min(r.period.until);
        let end = (end_date - r.period.since).num_days() as f64 + 1.0;
        let y = 10 + 18 * i as i64;
        let fill = if b.resolved.is_some() {
            access::RESOLVED
        } else {
            access::OPEN
        };
        let (x, width) = (
            LABEL as f64 + start * scale,
            ((end - start) * scale).max(2.0),
        );
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"11\">@{}</text><g class=\"blocker\"><title>{} (since {}{})</title><rect x=\"{x:.1}\" y=\"{y}\" width=\"{width:.1}\" height=\"12\" fill=\"{fill}\"/>{}</g>",
            y + 10,
            esc(handle),
            esc(&b.text),
            b.since,
            b.resolved.map(|d| format!(", resolved {d}")).unwrap_or_else(|| ", open".into()),
            access::bar_end(b.resolved.is_none(), x + width, y)
        );
    }
    svg.push_str("</svg>");
    svg
}

fn trend(id: &str, label: &str, points: &[(f64, f64)], max: f64) -> String {
    let (w, h) = (600.0, 120.0);
    let mut svg = format!(
        "<svg id=\"{id}\" role=\"img\" aria-label=\"{label}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\"><rect x=\"0.5\" y=\"0.5\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{}\"/>",
        w - 1.0,
        h - 1.0,
        access::FRAME
    );
    let coords: Vec<String> = points
        .iter()
        .map(|(x, y)| {
            format!(
                "{:.1},{:.1}",
                6.0 + x * (w - 12.0),
                h - (y / max) * (h - 12.0) - 6.0
            )
        })
        .collect();
    if !coords.is_empty() {
        let _ = write!(
            svg,
            "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"{}\"/>",
            access::LINE,
            coords.join(" ")
        );
    }
    // A point for each value: one value alone still shows.
    for c in &coords {
        let (x, y) = c.split_once(',').unwrap_or((c, "0"));
        let _ = write!(
            svg,
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"3\" fill=\"{}\"/>",
            access::LINE
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The whole page.
pub fn report(r: &Report<'_>) -> String {
    let p = r.period;
    let span = (p.until - p.since).num_days().max(1) as f64;
    let mood: Vec<(f64, f64)> = r
        .mood
        .iter()
        .map(|(d, m)| ((*d - p.since).num_days() as f64 / span, *m))
        .collect();
    let after: Vec<(f64, f64)> = p
        .members
        .iter()
        .enumerate()
        .map(|(i, (_, f))| {
            (
                i as f64 / (p.members.len().max(2) - 1) as f64,
                f.after_hours(),
            )
        })
        .collect();
    let mut page = String::new();
    let _ = write!(
        page,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{} stand-up report</title>\n<style>{}</style></head>\n<body>\n<main>\n<h1>{} stand-up report, {} to {}</h1>\n",
        esc(r.team),
        access::CSS,
        esc(r.team),
        p.since,
        p.until
    );
    let _ = writeln!(
        page,
        "<p>Participation {:.0}% ({} of {} workdays), {} blocker(s) opened, {} resolved{}.</p>",
        p.team.participation() * 100.0,
        p.team.updates.min(p.team.workdays),
        p.team.workdays,
        p.team.blockers_opened,
        p.team.blockers_resolved,
        p.team
            .median_unblock_days()
            .map(|m| format!(", median {m} day(s) to unblock"))
            .unwrap_or_default()
    );
    page.push_str("<h2>Participation</h2>\n");
    page.push_str(&access::heatmap_legend());
    if r.heatmap.unit != Unit::Day {
        let _ = writeln!(
            page,
            "<p id=\"heatmap-unit\">One column per {}: its colour is the share of workdays written, from red (none) through yellow to green (all); light blue is time away.</p>",
            r.heatmap.unit.name()
        );
    }
    page.push_str(&heatmap(r));
    page.push('\n');
    page.push_str(&access::heatmap_table(r));
    page.push_str("\n<h2>Blockers</h2>\n");
    page.push_str(&access::timeline_legend());
    page.push_str(&timeline(r));
    page.push('\n');
    page.push_str(&access::timeline_table(r));
    if r.blockers_left_out > 0 {
        let _ = write!(
            page,
            "\n<p class=\"left-out\" id=\"blockers-left-out\">{} more blocker(s) not shown: the open ones come first, then the oldest.</p>",
            r.blockers_left_out
        );
    }
    page.push_str("\n<h2>Mood (team average)</h2>\n");
    let wellbeing = p.team_wellbeing();
    if let Some(reason) = wellbeing.mood.reason() {
        let _ = writeln!(page, "<p id=\"mood-withheld\">{}</p>", esc(reason));
    }
    page.push_str(&trend("mood", "Team mood trend", &mood, 5.0));
    page.push('\n');
    let mood_rows: Vec<(String, String)> = r
        .mood
        .iter()
        .map(|(d, m)| (d.to_string(), format!("{m:.1}")))
        .collect();
    page.push_str(&access::trend_table(
        "Mood as a table",
        ["Date", "Team average (1 to 5)"],
        &mood_rows,
    ));
    if p.per_person_wellbeing {
        page.push_str("\n<h2>After-hours share by member</h2>\n");
        page.push_str(&trend(
            "after-hours",
            "After-hours share by member",
            &after,
            1.0,
        ));
        page.push('\n');
        let rows: Vec<(String, String)> = p
            .members
            .iter()
            .map(|(h, f)| (format!("@{h}"), format!("{:.0}%", f.after_hours() * 100.0)))
            .collect();
        page.push_str(&access::trend_table(
            "After-hours share as a table",
            ["Member", "After-hours share"],
            &rows,
        ));
    } else if let Some(reason) = wellbeing.after_hours.reason() {
        let _ = write!(
            page,
            "\n<h2>After hours</h2>\n<p id=\"after-hours\">{}</p>\n",
            esc(reason)
        );
    } else {
        let _ = write!(
            page,
            "\n<h2>After hours</h2>\n<p id=\"after-hours\">{:.0}% of the team's updates were written outside working hours or on days off.</p>\n",
            wellbeing.after_hours.value().copied().unwrap_or(0.0) * 100.0
        );
    }
    page.push_str("\n<h2>Now</h2>\n<table id=\"team\"><tr><th scope=\"col\">Member</th><th scope=\"col\">State</th><th scope=\"col\">Today</th><th scope=\"col\">Blockers</th><th scope=\"col\">Replies</th></tr>\n");
    for (i, row) in r.current.iter().enumerate() {
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&row[0]),
            esc(&row[1]),
            super::links::html_cut(&row[2], r.links),
            super::links::html_cut(&row[3], r.links),
            r.threads
                .get(i)
                .map(|(lines, more)| access::thread(lines, *more, r.links))
                .unwrap_or_default()
        );
    }
    page.push_str("</table>\n");
    if r.current_left_out > 0 {
        let _ = writeln!(
            page,
            "<p class=\"left-out\" id=\"team-left-out\">{} more member(s) not shown; <code>async-up team</code> lists everyone.</p>",
            r.current_left_out
        );
    }
    page.push_str("</main>\n</body></html>\n");
    page
}
