//! JSON output. The keys are a stable interface: CI scripts depend on them.

use super::{sanitize, BlockerRow, TeamView};
use crate::model::Update;
use serde::Serialize;

/// The schema version of every JSON document.
pub const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct UpdateJson<'a> {
    author: &'a str,
    date: String,
    written_at: String,
    yesterday: &'a [String],
    today: &'a [String],
    blockers: Vec<BlockerJson<'a>>,
    mood: Option<u8>,
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    answers: &'a std::collections::BTreeMap<String, crate::model::question::Answer>,
}

#[derive(Serialize)]
struct BlockerJson<'a> {
    id: &'a str,
    text: &'a str,
    since: String,
}

fn update_json(u: &Update) -> UpdateJson<'_> {
    UpdateJson {
        author: &u.author,
        date: u.date.to_string(),
        written_at: u
            .written_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        yesterday: &u.yesterday,
        today: &u.today,
        blockers: u
            .blockers
            .iter()
            .map(|b| BlockerJson {
                id: &b.id,
                text: &b.text,
                since: b.since.to_string(),
            })
            .collect(),
        mood: u.mood,
        answers: &u.answers,
    }
}

fn finish<T: Serialize>(value: &T) -> String {
    let text = serde_json::to_string_pretty(value).expect("views always serialize");
    format!("{}\n", sanitize::escape_json(&text))
}

/// `team --format json`.
pub fn team(view: &TeamView) -> String {
    #[derive(Serialize)]
    struct TeamUpdate<'a> {
        #[serde(flatten)]
        update: UpdateJson<'a>,
        foreign_committer: Option<&'a str>,
        violation: Option<&'a str>,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        schema: u32,
        team: &'a str,
        date: String,
        updates: Vec<TeamUpdate<'a>>,
        missing: &'a [String],
        away: Vec<AwayJson<'a>>,
        members: Vec<MemberJson<'a>>,
    }
    #[derive(Serialize)]
    struct AwayJson<'a> {
        handle: &'a str,
        until: String,
        note: Option<&'a str>,
    }
    #[derive(Serialize)]
    struct MemberJson<'a> {
        handle: &'a str,
        local_time: &'a str,
        state: &'static str,
    }
    finish(&Doc {
        schema: SCHEMA,
        team: &view.team,
        date: view.date.to_string(),
        updates: view
            .entries
            .iter()
            .map(|e| TeamUpdate {
                update: update_json(&e.update),
                foreign_committer: e.foreign_committer.as_deref(),
                violation: e.violation.as_deref(),
            })
            .collect(),
        missing: &view.missing,
        away: view
            .away
            .iter()
            .map(|a| AwayJson {
                handle: &a.handle,
                until: a.until.to_string(),
                note: a.note.as_deref(),
            })
            .collect(),
        members: view
            .members
            .iter()
            .map(|m| MemberJson {
                handle: &m.handle,
                local_time: &m.local_time,
                state: m.state.label(),
            })
            .collect(),
    })
}

/// `blockers --format json`.
pub fn blockers(rows: &[BlockerRow]) -> String {
    #[derive(Serialize)]
    struct Row<'a> {
        author: &'a str,
        id: &'a str,
        text: &'a str,
        since: String,
        age_days: i64,
        away: bool,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        schema: u32,
        blockers: Vec<Row<'a>>,
    }
    finish(&Doc {
        schema: SCHEMA,
        blockers: rows
            .iter()
            .map(|r| Row {
                author: &r.author,
                id: &r.id,
                text: &r.text,
                since: r.since.to_string(),
                age_days: r.age_days,
                away: r.away,
            })
            .collect(),
    })
}

/// `log --format json`.
pub fn log(updates: &[Update]) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        schema: u32,
        updates: Vec<UpdateJson<'a>>,
    }
    finish(&Doc {
        schema: SCHEMA,
        updates: updates.iter().map(update_json).collect(),
    })
}

/// `audit --format json`.
pub fn audit(report: &crate::trust::audit::Report) -> String {
    #[derive(Serialize)]
    struct Row<'a> {
        commit: &'a str,
        committer: &'a str,
        member: Option<&'a str>,
        path: &'a str,
        reason: &'a str,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        schema: u32,
        commits_checked: usize,
        violations: Vec<Row<'a>>,
    }
    finish(&Doc {
        schema: SCHEMA,
        commits_checked: report.commits_checked,
        violations: report
            .violations
            .iter()
            .map(|v| Row {
                commit: &v.commit,
                committer: &v.committer,
                member: v.member.as_deref(),
                path: &v.path,
                reason: &v.reason,
            })
            .collect(),
    })
}

/// `mentions --format json`.
pub fn mentions(handle: &str, rows: &[super::MentionRow]) -> String {
    #[derive(Serialize)]
    struct Row<'a> {
        author: &'a str,
        kind: &'a str,
        text: &'a str,
        date: String,
        written_at: String,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        schema: u32,
        handle: &'a str,
        mentions: Vec<Row<'a>>,
    }
    finish(&Doc {
        schema: SCHEMA,
        handle,
        mentions: rows
            .iter()
            .map(|r| Row {
                author: &r.author,
                kind: r.kind,
                text: &r.text,
                date: r.date.to_string(),
                written_at: r
                    .written_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            })
            .collect(),
    })
}
