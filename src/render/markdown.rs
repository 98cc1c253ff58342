//! Markdown output that pastes cleanly into GitHub, Slack or an email.

use super::{sanitize::clean, BlockerRow, TeamView};
use crate::model::Update;
use std::fmt::Write;

/// Safe inline text: no controls, and no raw HTML for renderers that allow it.
fn text(s: &str) -> String {
    clean(s).replace('<', "\\<").replace('>', "\\>")
}

fn section(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{title}**");
    for item in items {
        let _ = writeln!(out, "- {}", text(item));
    }
    // A blank line ends the list; without it the next line would continue the last item.
    out.push('\n');
}

fn update_body(out: &mut String, u: &Update) {
    section(out, "Yesterday", &u.yesterday);
    section(out, "Today", &u.today);
    let blockers: Vec<String> = u
        .blockers
        .iter()
        .map(|b| format!("{} (`{}`, since {})", b.text, clean(&b.id), b.since))
        .collect();
    section(out, "Blockers", &blockers);
    if let Some(m) = u.mood {
        let _ = writeln!(out, "**Mood** {m}/5\n");
    }
}

/// `team --format markdown`.
pub fn team(view: &TeamView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {} stand-up, {}\n", text(&view.team), view.date);
    for e in &view.entries {
        let _ = writeln!(
            out,
            "### {} (@{}), {} · written {}\n",
            text(&e.name),
            clean(&e.update.author),
            e.update.date,
            e.ago
        );
        if let Some(why) = &e.violation {
            let _ = writeln!(
                out,
                "> ⚠ The last change to this update breaks the team's rules: {}.\n",
                text(why)
            );
        }
        update_body(&mut out, &e.update);
        section(&mut out, "Answers", &view.answer_lines(&e.update));
    }
    if view.entries.is_empty() {
        out.push_str("_No current updates._\n\n");
    }
    if !view.away.is_empty() {
        let names: Vec<String> = view.away.iter().map(super::table::away_text).collect();
        let _ = writeln!(out, "**Away:** {}\n", text(&names.join(", ")));
    }
    if !view.missing.is_empty() {
        let names: Vec<String> = view
            .missing
            .iter()
            .map(|m| format!("@{}", clean(m)))
            .collect();
        let _ = writeln!(out, "**Missing:** {}", names.join(", "));
    }
    out
}

/// `blockers --format markdown` (also used for tables in plain pipes).
pub fn blockers(rows: &[BlockerRow]) -> String {
    let mut out = String::new();
    for r in rows {
        let _ = writeln!(
            out,
            "- @{}{}: {} (`{}`, since {}, {}d)",
            clean(&r.author),
            if r.away { " (away)" } else { "" },
            text(&r.text),
            clean(&r.id),
            r.since,
            r.age_days
        );
    }
    out
}

/// `log --format markdown`.
pub fn log(handle: &str, updates: &[Update]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## @{}\n", clean(handle));
    for u in updates {
        let _ = writeln!(out, "### {}\n", u.date);
        update_body(&mut out, u);
    }
    out
}
