//! The self-contained HTML report: no script, no network, charts as inline SVG.

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
            let (fill, what) = match cell {
                Day::Wrote => ("#2f9e44", "wrote"),
                Day::Missed => ("#e03131", "missed"),
                Day::Off => ("#e9ecef", "day off"),
                Day::Away => ("#74c0fc", "away"),
                Day::BeforeJoining => ("#f8f9fa", "before joining"),
                Day::NotOver => ("#fff3bf", "not over yet"),
            };
            let _ = write!(
                svg,
                "<rect class=\"day\" x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"><title>@{} {}: {what}</title></rect>",
                LABEL + CELL * col as i64,
                CELL - 2,
                CELL - 2,
                esc(handle),
                days[col]
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
        LABEL + 620
    );
    for (i, (handle, b)) in r.blockers.iter().enumerate() {
        let start = (b.since.max(r.period.since) - r.period.since).num_days() as f64;
        let end_date = b.resolved.unwrap_or(r.period.until).min(r.period.until);
        let end = (end_date - r.period.since).num_days() as f64 + 1.0;
        let y = 10 + 18 * i as i64;
        let fill = if b.resolved.is_some() {
            "#868e96"
        } else {
            "#e8590c"
        };
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"11\">@{}</text><rect class=\"blocker\" x=\"{:.1}\" y=\"{y}\" width=\"{:.1}\" height=\"12\" fill=\"{fill}\"><title>{} (since {}{})</title></rect>",
            y + 10,
            esc(handle),
            LABEL as f64 + start * scale,
            ((end - start) * scale).max(2.0),
            esc(&b.text),
            b.since,
            b.resolved.map(|d| format!(", resolved {d}")).unwrap_or_else(|| ", open".into())
        );
    }
    svg.push_str("</svg>");
    svg
}

fn trend(id: &str, label: &str, points: &[(f64, f64)], max: f64) -> String {
    let (w, h) = (600.0, 120.0);
    let mut svg = format!(
        "<svg id=\"{id}\" role=\"img\" aria-label=\"{label}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\"><rect width=\"{w}\" height=\"{h}\" fill=\"#f8f9fa\"/>"
    );
    let coords: Vec<String> = points
        .iter()
        .map(|(x, y)| format!("{:.1},{:.1}", x * w, h - (y / max) * (h - 10.0) - 5.0))
        .collect();
    if !coords.is_empty() {
        let _ = write!(
            svg,
            "<polyline fill=\"none\" stroke=\"#1c7ed6\" stroke-width=\"2\" points=\"{}\"/>",
            coords.join(" ")
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
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{} stand-up report</title>\n<style>body{{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#212529}}h1{{font-size:22px}}h2{{font-size:17px;margin-top:28px}}table{{border-collapse:collapse}}td,th{{border:1px solid #dee2e6;padding:4px 8px;vertical-align:top;text-align:left}}.legend span{{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}}</style></head>\n<body>\n<h1>{} stand-up report, {} to {}</h1>\n",
        esc(r.team),
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
    page.push_str("<h2>Participation</h2>\n<p class=\"legend\"><span style=\"background:#2f9e44\"></span>wrote<span style=\"background:#e03131\"></span>missed a workday<span style=\"background:#74c0fc\"></span>away<span style=\"background:#e9ecef\"></span>day off<span style=\"background:#fff3bf\"></span>not over yet<span style=\"background:#f8f9fa;outline:1px solid #dee2e6\"></span>before joining</p>\n");
    page.push_str(&heatmap(r));
    page.push_str("\n<h2>Blockers</h2>\n");
    page.push_str(&timeline(r));
    page.push_str("\n<h2>Mood (team average)</h2>\n");
    page.push_str(&trend("mood", "Team mood trend", &mood, 5.0));
    if p.per_person_wellbeing {
        page.push_str("\n<h2>After-hours share by member</h2>\n");
        page.push_str(&trend(
            "after-hours",
            "After-hours share by member",
            &after,
            1.0,
        ));
    } else {
        let _ = write!(
            page,
            "\n<h2>After hours</h2>\n<p id=\"after-hours\">{:.0}% of the team's updates were written outside working hours or on days off.</p>\n",
            p.team.after_hours() * 100.0
        );
    }
    page.push_str("\n<h2>Now</h2>\n<table id=\"team\"><tr><th>Member</th><th>State</th><th>Today</th><th>Blockers</th></tr>\n");
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
    page.push_str("</table>\n</body></html>\n");
    page
}
