//! What makes the HTML report readable without colour and without sight
//! (WCAG 2.1 AA, checked by axe-core in headless Chromium in
//! `tests/report_a11y.rs`): the page's style, chart marks that differ by
//! shape as well as colour, each at 3:1 or more against the white page
//! (non-text contrast), a legend drawn with the same marks, and a table
//! behind a `<details>` under each chart as its text alternative.
//!
//! Kept apart from `html.rs`, which lays the charts out, so the two change
//! independently.

use super::html::{esc, Day, Report};
use std::fmt::Write;

/// The report's style sheet.
pub const CSS: &str = "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#212529;background:#fff}\
h1{font-size:22px}h2{font-size:17px;margin-top:28px}\
table{border-collapse:collapse}td,th{border:1px solid #adb5bd;padding:4px 8px;vertical-align:top;text-align:left}\
.legend{list-style:none;padding:0;margin:8px 0}.legend li{display:inline-block;margin-right:16px}\
.legend svg{vertical-align:-2px;margin-right:4px}\
details{margin:8px 0}summary{cursor:pointer;color:#1864ab}\
td ul{margin:0;padding-left:16px}";

/// The replies to an update as a list in its row of the team table, so a
/// screen reader announces them under the "Replies" column with their
/// count; teammate text escaped and linked as the row's other cells, and
/// how many were left out last.
pub fn thread(lines: &[String], more: usize, links: &super::links::Links) -> String {
    if lines.is_empty() && more == 0 {
        return String::new();
    }
    let mut out = String::from("<ul>");
    for line in lines {
        let _ = write!(out, "<li>{}</li>", super::links::html_cut(line, links));
    }
    if more > 0 {
        let replies = if more == 1 { "reply" } else { "replies" };
        let _ = write!(out, "<li>{more} more {replies} not shown</li>");
    }
    out.push_str("</ul>");
    out
}

/// Colours of the marks, each 3:1 or more against white.
pub const WROTE: &str = "#2b8a3e";
const MISSED: &str = "#c92a2a";
const AWAY: &str = "#1971c2";
const OFF: &str = "#6c757d";
const NOT_OVER: &str = "#495057";
/// An open blocker's bar.
pub const OPEN: &str = "#d9480f";
/// A resolved blocker's bar.
pub const RESOLVED: &str = "#495057";
/// Trend lines and their points.
pub const LINE: &str = "#1971c2";
/// The frame of a trend chart.
pub const FRAME: &str = "#868e96";

/// What a heatmap cell means, in words.
pub fn label(day: Day) -> &'static str {
    match day {
        Day::Wrote => "wrote",
        Day::Missed => "missed",
        Day::Off => "day off",
        Day::Away => "away",
        Day::Holiday => "holiday",
        Day::BeforeJoining => "before joining",
        Day::NotOver => "not over yet",
    }
}

/// A heatmap cell's mark in a 12 x 12 box at the origin: a filled square
/// (wrote), a cross (missed), a hatched square (away), a ring (holiday), a
/// dot (day off), a dashed square (not over yet), nothing (before joining).
pub fn mark(day: Day) -> String {
    match day {
        Day::Wrote => format!("<rect width=\"12\" height=\"12\" fill=\"{WROTE}\"/>"),
        Day::Missed => format!(
            "<path d=\"M2 2L10 10M10 2L2 10\" fill=\"none\" stroke=\"{MISSED}\" stroke-width=\"2.5\"/>"
        ),
        Day::Away => format!(
            "<rect x=\"0.75\" y=\"0.75\" width=\"10.5\" height=\"10.5\" fill=\"none\" stroke=\"{AWAY}\" stroke-width=\"1.5\"/><path d=\"M0.75 6L6 0.75M0.75 11.25L11.25 0.75M6 11.25L11.25 6\" stroke=\"{AWAY}\" stroke-width=\"1.5\"/>"
        ),
        Day::Off => format!("<circle cx=\"6\" cy=\"6\" r=\"2.5\" fill=\"{OFF}\"/>"),
        Day::Holiday => format!(
            "<circle cx=\"6\" cy=\"6\" r=\"4.25\" fill=\"none\" stroke=\"{AWAY}\" stroke-width=\"1.5\"/>"
        ),
        Day::NotOver => format!(
            "<rect x=\"1\" y=\"1\" width=\"10\" height=\"10\" fill=\"none\" stroke=\"{NOT_OVER}\" stroke-width=\"1.5\" stroke-dasharray=\"2 2\"/>"
        ),
        // Nothing to see; the box still carries the tooltip.
        Day::BeforeJoining => {
            "<rect width=\"12\" height=\"12\" fill=\"none\" pointer-events=\"all\"/>".into()
        }
    }
}

/// The end of a blocker's bar at (`x`, `y`), 12 high: an arrow for one
/// still open, a stop for one resolved.
pub fn bar_end(open: bool, x: f64, y: i64) -> String {
    if open {
        format!("<path d=\"M{x:.1} {}l7 8l-7 8z\" fill=\"{OPEN}\"/>", y - 2)
    } else {
        format!(
            "<path d=\"M{:.1} {}v16\" stroke=\"{RESOLVED}\" stroke-width=\"2.5\"/>",
            x + 1.0,
            y - 2
        )
    }
}

fn legend_item(svg: &str, what: &str) -> String {
    format!("<li><svg width=\"12\" height=\"12\" aria-hidden=\"true\" focusable=\"false\">{svg}</svg>{what}</li>")
}

/// The heatmap's legend, drawn with its marks.
pub fn heatmap_legend() -> String {
    let mut out = String::from("<ul class=\"legend\" aria-label=\"Legend\">");
    for day in [
        Day::Wrote,
        Day::Missed,
        Day::Away,
        Day::Holiday,
        Day::Off,
        Day::NotOver,
        Day::BeforeJoining,
    ] {
        let what = if day == Day::Missed {
            "missed a workday"
        } else {
            label(day)
        };
        out.push_str(&legend_item(&mark(day), what));
    }
    out.push_str("</ul>\n");
    out
}

/// The blocker timeline's legend.
pub fn timeline_legend() -> String {
    let bar = |fill: &str| format!("<rect y=\"3\" width=\"5\" height=\"6\" fill=\"{fill}\"/>");
    let open = format!("{}<path d=\"M5 1l6 5l-6 5z\" fill=\"{OPEN}\"/>", bar(OPEN));
    let resolved = format!(
        "{}<path d=\"M6.5 1v10\" stroke=\"{RESOLVED}\" stroke-width=\"2.5\"/>",
        bar(RESOLVED)
    );
    format!(
        "<ul class=\"legend\" aria-label=\"Legend\">{}{}</ul>\n",
        legend_item(&open, "still open (arrow)"),
        legend_item(&resolved, "resolved (stop)")
    )
}

/// A table behind a disclosure, the text alternative of the chart above it.
fn disclosure(summary: &str, head: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("<details><summary>{summary}</summary>\n<table><thead><tr>");
    for h in head {
        let _ = write!(out, "<th scope=\"col\">{h}</th>");
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let tag = if i == 0 { "th scope=\"row\"" } else { "td" };
            let end = if i == 0 { "th" } else { "td" };
            let _ = write!(out, "<{tag}>{cell}</{end}>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></details>\n");
    out
}

/// The heatmap as a table: per member, what each kind of day came to
/// (dates for the days that need attention). A report of weeks or months
/// lists its columns instead of dates, and lumps the days that ask nothing.
pub fn heatmap_table(r: &Report<'_>) -> String {
    let h = &r.heatmap;
    if h.unit != crate::insight::heatmap::Unit::Day {
        return grouped_table(r);
    }
    let rows: Vec<Vec<String>> = h
        .rows
        .iter()
        .map(|(handle, cells)| {
            let on = |kind: Day| -> Vec<String> {
                cells
                    .iter()
                    .zip(&h.columns)
                    .filter(|(c, _)| c.day == Some(kind))
                    .map(|(_, col)| col.start.format("%m-%d").to_string())
                    .collect()
            };
            let listed = |kind: Day| {
                let d = on(kind);
                if d.is_empty() {
                    "none".to_string()
                } else {
                    format!("{}: {}", d.len(), d.join(", "))
                }
            };
            vec![
                format!("@{}", esc(handle)),
                on(Day::Wrote).len().to_string(),
                listed(Day::Missed),
                listed(Day::Away),
                on(Day::Off).len().to_string(),
                on(Day::NotOver).len().to_string(),
                on(Day::BeforeJoining).len().to_string(),
            ]
        })
        .collect();
    disclosure(
        "Participation as a table",
        &[
            "Member",
            "Wrote",
            "Missed workdays",
            "Away",
            "Days off",
            "Not over yet",
            "Before joining",
        ],
        &rows,
    )
}

/// The heatmap of a long report (one column per week, month or year) as a
/// table: totals, and the columns with days missed or away.
fn grouped_table(r: &Report<'_>) -> String {
    let h = &r.heatmap;
    let rows: Vec<Vec<String>> = h
        .rows
        .iter()
        .map(|(handle, cells)| {
            let total = |f: fn(&super::html::Cell) -> u32| -> u32 { cells.iter().map(f).sum() };
            let listed = |f: fn(&super::html::Cell) -> u32| {
                let at: Vec<&str> = cells
                    .iter()
                    .zip(&h.columns)
                    .filter(|(c, _)| f(c) > 0)
                    .map(|(_, col)| col.label.as_str())
                    .collect();
                match total(f) {
                    0 => "none".to_string(),
                    n => format!("{n}: {}", at.join(", ")),
                }
            };
            vec![
                format!("@{}", esc(handle)),
                total(|c| c.wrote).to_string(),
                listed(|c| c.missed),
                listed(|c| c.away),
                total(|c| c.other).to_string(),
            ]
        })
        .collect();
    disclosure(
        "Participation as a table",
        &[
            "Member",
            "Wrote",
            "Missed workdays",
            "Away",
            "Days off, before joining or not over yet",
        ],
        &rows,
    )
}

/// The blocker timeline as a table.
pub fn timeline_table(r: &Report<'_>) -> String {
    let rows: Vec<Vec<String>> = r
        .blockers
        .iter()
        .map(|(handle, b)| {
            let end = b.resolved.unwrap_or(r.period.until);
            vec![
                format!("@{}", esc(handle)),
                esc(&b.text),
                b.since.to_string(),
                b.resolved
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "still open".into()),
                (end - b.since).num_days().max(0).to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return "<p>No blockers in this period.</p>\n".into();
    }
    disclosure(
        "Blockers as a table",
        &["Member", "Blocker", "Since", "Resolved", "Days"],
        &rows,
    )
}

/// A trend as a table of labelled values.
pub fn trend_table(summary: &str, head: [&str; 2], rows: &[(String, String)]) -> String {
    if rows.is_empty() {
        return "<p>No data in this period.</p>\n".into();
    }
    let rows: Vec<Vec<String>> = rows.iter().map(|(k, v)| vec![esc(k), esc(v)]).collect();
    disclosure(summary, &head, &rows)
}
