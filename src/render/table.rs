//! Tables for a terminal, one per view, fitted to its width by [`super::fit`];
//! colour only when asked for.

use super::fit::{marks, render};
use super::{sanitize::clean, BlockerRow, Out, TeamView};
use crate::insight::privacy::Shown;
use crate::model::reply::FoundReply;
use crate::model::Update;
use comfy_table::{Cell, Color};

fn items(out: &Out, list: &[String]) -> String {
    let bullet = marks(out).bullet;
    list.iter()
        .map(|i| format!("{bullet} {}", clean(i)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn blockers_cell(u: &Update) -> String {
    u.blockers
        .iter()
        .map(|b| format!("{} [{}]", clean(&b.text), clean(&b.id)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A thread line cleaned for the terminal; where the locale is not UTF-8,
/// reactions by name (`:tada:`) like the rest of an ASCII table.
fn shown(out: &Out, line: &str) -> String {
    let mut line = clean(line);
    if out.ascii {
        for (glyph, name) in crate::model::reply::REACTIONS {
            line = line.replace(glyph, &format!(":{name}:"));
        }
    }
    line
}

/// Threads printed under a table, one block per update that has replies:
/// a heading, then each line of [`super::thread::lines`], cleaned (the
/// caller fits them to the terminal with what else follows the table).
fn threads(out: &Out, blocks: Vec<(String, &[FoundReply])>) -> String {
    let mut text = String::new();
    for (heading, replies) in blocks {
        let lines = super::thread::lines(replies);
        if lines.is_empty() {
            continue;
        }
        text.push_str(&format!("{heading}\n"));
        for line in lines {
            text.push_str(&format!("  {}\n", shown(out, &line)));
        }
    }
    text
}

/// `team` as a table.
pub fn team(out: &Out, view: &TeamView) -> String {
    let with_answers = view.entries.iter().any(|e| !e.update.answers.is_empty());
    let mut header = vec!["Member", "Local time", "Yesterday", "Today", "Blockers"];
    if with_answers {
        header.push("Answers");
    }
    header.push("Written");
    let m = marks(out);
    let mut rows = Vec::new();
    for e in &view.entries {
        let mut blockers = Cell::new(blockers_cell(&e.update));
        if out.color && !e.update.blockers.is_empty() {
            blockers = blockers.fg(Color::Red);
        }
        let mut row = vec![
            Cell::new(format!("{}\n@{}", clean(&e.name), clean(&e.update.author))),
            Cell::new(&e.local_time),
            Cell::new(items(out, &e.update.yesterday)),
            Cell::new(items(out, &e.update.today)),
            blockers,
        ];
        if with_answers {
            let lines: Vec<String> = view
                .answer_lines(&e.update)
                .iter()
                .map(|line| clean(line))
                .collect();
            row.push(Cell::new(lines.join("\n")));
        }
        row.push(Cell::new(match (&e.violation, &e.foreign_committer) {
            (None, _) => format!("{}\n{}", e.update.date, e.ago),
            (Some(_), Some(who)) => format!(
                "{}\n{}\n{} committed by {}",
                e.update.date,
                e.ago,
                m.warning,
                clean(who)
            ),
            (Some(why), None) => {
                format!("{}\n{}\n{} {}", e.update.date, e.ago, m.warning, clean(why))
            }
        }));
        rows.push(row);
    }
    let title = format!("{} {} {}\n", clean(&view.team), m.dot, view.date);
    let mut text = if view.entries.is_empty() {
        format!("{title}No current updates.\n")
    } else {
        format!("{title}{}", render(out, &header, rows))
    };
    let mut after = threads(
        out,
        view.entries
            .iter()
            .map(|e| {
                let heading = format!(
                    "Replies to @{} ({}):",
                    clean(&e.update.author),
                    e.update.date
                );
                (heading, e.replies.as_slice())
            })
            .collect(),
    );
    if !view.away.is_empty() {
        let names: Vec<String> = view.away.iter().map(away_text).collect();
        after.push_str(&format!("Away: {}\n", names.join(", ")));
    }
    if !view.holidays.is_empty() {
        let names: Vec<String> = view
            .holidays
            .iter()
            .map(|h| format!("@{} ({})", clean(&h.handle), clean(&h.name)))
            .collect();
        after.push_str(&format!("Holiday: {}\n", names.join(", ")));
    }
    if !view.missing.is_empty() {
        let names: Vec<String> = view
            .missing
            .iter()
            .map(|m| format!("@{}", clean(m)))
            .collect();
        after.push_str(&format!("Missing: {}\n", names.join(", ")));
    }
    text.push_str(&super::prose::wrap(out, &after));
    text
}

/// "@bob until 2026-12-01 (note)".
pub fn away_text(a: &super::AwayRow) -> String {
    match &a.note {
        Some(n) => format!("@{} until {} ({})", clean(&a.handle), a.until, clean(n)),
        None => format!("@{} until {}", clean(&a.handle), a.until),
    }
}

/// `blockers` as a table.
pub fn blockers(out: &Out, rows: &[BlockerRow]) -> String {
    blockers_of_teams(out, rows, None)
}

/// `blockers` over several teams: a Team column first, `teams[i]` being the
/// team of `rows[i]`.
pub fn blockers_of_teams(out: &Out, rows: &[BlockerRow], teams: Option<&[String]>) -> String {
    if rows.is_empty() {
        return "No open blockers.\n".to_string();
    }
    let m = marks(out);
    let mut cells = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let mut age = Cell::new(format!("{}d", r.age_days));
        if out.color && r.age_days >= 2 {
            age = age.fg(Color::Red);
        }
        cells.push(vec![
            Cell::new(if r.away {
                format!("@{} (away)", clean(&r.author))
            } else {
                format!("@{}", clean(&r.author))
            }),
            Cell::new(
                std::iter::once(clean(&r.text))
                    .chain(
                        super::thread::lines(&r.replies)
                            .iter()
                            .map(|l| format!("{} {}", m.reply, shown(out, l))),
                    )
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Cell::new(clean(&r.id)),
            Cell::new(r.since.to_string()),
            age,
        ]);
        if let Some(teams) = teams {
            let team = teams.get(i).map(String::as_str).unwrap_or_default();
            cells[i].insert(0, Cell::new(clean(team)));
        }
    }
    match teams {
        Some(_) => render(
            out,
            &["Team", "Member", "Blocker", "Id", "Since", "Age"],
            cells,
        ),
        None => render(out, &["Member", "Blocker", "Id", "Since", "Age"], cells),
    }
}

/// `log` as a table, each update's replies under it.
pub fn log(out: &Out, updates: &[Update], replies: &[FoundReply]) -> String {
    let rows: Vec<LogRow> = updates.iter().map(|u| LogRow::of(out, u)).collect();
    log_rows(out, rows, replies)
}

/// One update as a row of the `log` table: its cells, made while the
/// update is read, so a long history is held as the text shown rather
/// than as every parsed update.
pub struct LogRow {
    author: String,
    date: chrono::NaiveDate,
    cells: Vec<String>,
}

impl LogRow {
    /// The row of `u`.
    pub fn of(out: &Out, u: &Update) -> LogRow {
        LogRow {
            author: u.author.clone(),
            date: u.date,
            cells: vec![
                u.date.to_string(),
                items(out, &u.yesterday),
                items(out, &u.today),
                blockers_cell(u),
                u.mood.map(|m| format!("{m}/5")).unwrap_or_default(),
            ],
        }
    }
}

/// `log` as a table from its rows (oldest first), each update's replies
/// under it.
pub fn log_rows(out: &Out, rows: Vec<LogRow>, replies: &[FoundReply]) -> String {
    let mut text = String::new();
    let _ = log_rows_to(out, rows, replies, &mut |t| {
        text.push_str(t);
        Ok(())
    });
    text
}

/// [`log_rows`] handed to `emit` a block at a time: a long history is
/// printed as it is laid out, never held as one text.
pub fn log_rows_to(
    out: &Out,
    rows: Vec<LogRow>,
    replies: &[FoundReply],
    emit: &mut dyn FnMut(&str) -> crate::error::Result<()>,
) -> crate::error::Result<()> {
    if rows.is_empty() {
        return emit("No updates.\n");
    }
    let keys: Vec<(String, chrono::NaiveDate)> =
        rows.iter().map(|r| (r.author.clone(), r.date)).collect();
    super::fit::render_blocks(
        out,
        &["Date", "Yesterday", "Today", "Blockers", "Mood"],
        rows.into_iter().map(|r| r.cells).collect(),
        emit,
    )?;
    let received: Vec<Vec<FoundReply>> = keys
        .iter()
        .map(|(author, date)| super::thread::to_update(replies, author, *date))
        .collect();
    let blocks = keys
        .iter()
        .zip(&received)
        .map(|((_, date), r)| (format!("Replies to {date}:"), r.as_slice()))
        .collect();
    emit(&super::prose::wrap(out, &threads(out, blocks)))
}

/// `audit` as a table.
pub fn audit(out: &Out, report: &crate::trust::audit::Report) -> String {
    if report.violations.is_empty() {
        return format!(
            "{} commit(s) checked: no violations.\n",
            report.commits_checked
        );
    }
    let mut rows = Vec::new();
    for v in &report.violations {
        rows.push(vec![
            Cell::new(&v.commit[..v.commit.len().min(10)]),
            Cell::new(match &v.member {
                Some(m) => format!("@{}", clean(m)),
                None => "(trust anchor)".to_string(),
            }),
            Cell::new(clean(&v.path)),
            Cell::new(clean(&v.committer)),
            Cell::new(clean(&v.reason)),
        ]);
    }
    let table = render(
        out,
        &["Commit", "Member", "Path", "Committer", "Reason"],
        rows,
    );
    format!(
        "{table}{} commit(s) checked: {} violation(s).\n",
        report.commits_checked,
        report.violations.len()
    )
}

/// `mentions` as a table.
pub fn mentions(out: &Out, handle: &str, rows: &[super::MentionRow]) -> String {
    if rows.is_empty() {
        return format!(
            "Nothing mentions @{} in the latest updates.\n",
            clean(handle)
        );
    }
    let mut cells = Vec::new();
    for r in rows {
        cells.push(vec![
            Cell::new(format!("@{}", clean(&r.author))),
            Cell::new(r.kind),
            Cell::new(clean(&r.text)),
            Cell::new(r.date.to_string()),
        ]);
    }
    render(out, &["From", "Kind", "Text", "Date"], cells)
}

/// `stats` over several teams: each team's table under its name.
pub fn stats_of_teams(out: &Out, periods: &[(String, crate::commands::stats::Period)]) -> String {
    periods
        .iter()
        .map(|(team, p)| format!("Team {}\n{}", clean(team), stats(out, p)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `stats` as a table, trends as sparklines.
pub fn stats(out: &Out, p: &crate::commands::stats::Period) -> String {
    let header = [
        "Member",
        "Participation",
        "Blockers opened/resolved",
        "Unblock median/longest",
        "After hours",
        "Mood",
    ];
    let team_wellbeing = p.team_wellbeing();
    let row = |name: String, f: &crate::insight::Figures, wellbeing: bool, team: bool| {
        vec![
            Cell::new(name),
            // No workdays: away all period, or joined after it.
            Cell::new(if f.workdays == 0 {
                "-".to_string()
            } else {
                format!(
                    "{:.0}% ({}/{})",
                    f.participation() * 100.0,
                    f.updates.min(f.workdays),
                    f.workdays
                )
            }),
            Cell::new(format!("{}/{}", f.blockers_opened, f.blockers_resolved)),
            Cell::new(match (f.median_unblock_days(), f.longest_unblock_days()) {
                (Some(m), Some(l)) => format!("{m}d / {l}d"),
                _ => "-".to_string(),
            }),
            // The team's share counts only the days enough wrote on.
            Cell::new(match (&team_wellbeing.after_hours, team) {
                (Shown::Withheld(_), true) => "withheld".into(),
                (Shown::Value(share), true) => format!("{:.0}%", share * 100.0),
                _ if wellbeing => format!("{:.0}%", f.after_hours() * 100.0),
                _ => "-".into(),
            }),
            Cell::new(match team_wellbeing.mood.reason() {
                Some(_) if team => "withheld".into(),
                _ if wellbeing && !f.moods.is_empty() => {
                    // A team point stands for a group, never for one person.
                    let moods = match team {
                        true => crate::insight::privacy::group_days(
                            &f.moods,
                            p.per_person_wellbeing,
                            p.min_group,
                        ),
                        false => f.moods.clone(),
                    };
                    sparkline(out, &crate::insight::mood_trend(&moods, p.since, p.until))
                }
                _ => "-".into(),
            }),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = p
        .members
        .iter()
        .map(|(handle, f)| {
            let name = format!("@{}", clean(handle));
            row(name, f, p.per_person_wellbeing, false)
        })
        .collect();
    rows.push(row("team".to_string(), &p.team, true, true));
    let mut text = format!("{} to {}\n{}", p.since, p.until, render(out, &header, rows));
    let mut reasons = String::new();
    for reason in crate::insight::privacy::reasons(&team_wellbeing) {
        reasons.push_str(&format!("{reason}\n"));
    }
    text.push_str(&super::prose::wrap(out, &reasons));
    text
}

/// A mood sparkline as drawn, or in ASCII (`_.-=#`, `:` for no data)
/// where the locale is not UTF-8.
fn sparkline(out: &Out, trend: &str) -> String {
    if !out.ascii {
        return trend.to_string();
    }
    trend
        .chars()
        .map(|c| match c {
            '▁' => '_',
            '▂' | '▃' => '.',
            '▄' | '▅' => '-',
            '▆' | '▇' => '=',
            '█' => '#',
            '·' => ':',
            other => other,
        })
        .collect()
}
