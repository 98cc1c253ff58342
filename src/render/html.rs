//! The self-contained HTML report: no script, no network, charts as inline SVG.
//! Its marks, legends, style and tables for screen readers live in
//! [`super::html_access`].

use super::html_access as access;
use crate::commands::stats::Period;
use crate::insight::{dates, BlockerLife};
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
    /// Before the member joined.
    BeforeJoining,
    /// A day still under way (or not begun) in the member's zone, unwritten.
    NotOver,
}

/// Everything the report shows.
pub struct Report<'a> {
    /// Team name.
    pub team: &'a str,
    /// Participation and the other figures.
    pub period: &'a Period,
    /// Per member, one cell per day of the period.
    pub heatmap: Vec<(String, Vec<Day>)>,
    /// Per member, the blockers touching the period.
    pub blockers: Vec<(String, BlockerLife)>,
    /// Team mood average per day (days with any mood).
    pub mood: Vec<(NaiveDate, f64)>,
    /// The current team view as rows: member, state, today items, blockers.
    pub current: Vec<[String; 4]>,
}

const CELL: i64 = 14;
const LABEL: i64 = 110;

fn heatmap(r: &Report<'_>) -> String {
    let days: Vec<NaiveDate> = dates(r.period.since, r.period.until).collect();
    let width = LABEL + CELL * days.len() as i64 + 10;
    let height = 20 + CELL * r.heatmap.len() as i64 + 10;
    let mut svg = format!(
        "<svg id=\"participation\" role=\"img\" aria-label=\"Participation heatmap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\">"
    );
    for (i, d) in days.iter().enumerate() {
        if d.format("%u").to_string() == "1" {
            let _ = write!(
                svg,
                "<text x=\"{}\" y=\"12\" font-size=\"9\">{}</text>",
                LABEL + CELL * i as i64,
                d.format("%m-%d")
            );
        }
    }
    for (row, (handle, cells)) in r.heatmap.iter().enumerate() {
        let y = 20 + CELL * row as i64;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"11\">@{}</text>",
            y + 11,
            esc(handle)
        );
        for (col, cell) in cells.iter().enumerate() {
            let _ = write!(
                svg,
                "<g class=\"day\" transform=\"translate({},{y})\"><title>@{} {}: {}</title>{}</g>",
                LABEL + CELL * col as i64,
                esc(handle),
                days[col],
                access::label(*cell),
                access::mark(*cell)
            );
        }
    }
    svg.push_str("</svg>");
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
    page.push_str(&heatmap(r));
    page.push('\n');
    page.push_str(&access::heatmap_table(r));
    page.push_str("\n<h2>Blockers</h2>\n");
    page.push_str(&access::timeline_legend());
    page.push_str(&timeline(r));
    page.push('\n');
    page.push_str(&access::timeline_table(r));
    page.push_str("\n<h2>Mood (team average)</h2>\n");
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
    } else {
        let _ = write!(
            page,
            "\n<h2>After hours</h2>\n<p id=\"after-hours\">{:.0}% of the team's updates were written outside working hours or on days off.</p>\n",
            p.team.after_hours() * 100.0
        );
    }
    page.push_str("\n<h2>Now</h2>\n<table id=\"team\"><tr><th scope=\"col\">Member</th><th scope=\"col\">State</th><th scope=\"col\">Today</th><th scope=\"col\">Blockers</th></tr>\n");
    for row in &r.current {
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&row[0]),
            esc(&row[1]),
            esc(&row[2]),
            esc(&row[3])
        );
    }
    page.push_str("</table>\n</main>\n</body></html>\n");
    page
}
