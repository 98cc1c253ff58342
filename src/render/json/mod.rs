//! JSON output. The keys are a stable interface: CI scripts depend on them.
//! The documents are the named types of [`types`]; [`schemas`] gives each
//! one's JSON Schema (draft 2020-12), committed under `schemas/`.

pub mod types;

use super::{sanitize, BlockerRow, TeamView};
use crate::model::reply::FoundReply;
use crate::model::Update;
use serde::Serialize;
use std::collections::BTreeMap;
use types::*;

/// The schema version of every JSON document.
pub const SCHEMA: u32 = 1;

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

fn replies_json(replies: &[FoundReply]) -> Vec<ReplyJson<'_>> {
    replies
        .iter()
        .map(|r| ReplyJson {
            author: &r.author,
            text: r.reply.text.as_deref(),
            reaction: r.reply.reaction.as_deref(),
            offer: r.reply.offer,
            written_at: r
                .reply
                .written_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            blocker: r.reply.blocker.as_deref(),
            item: r.reply.item,
        })
        .collect()
}

/// Pretty JSON with the characters a terminal could act on escaped.
pub fn finish<T: Serialize>(value: &T) -> String {
    let text = serde_json::to_string_pretty(value).expect("views always serialize");
    format!("{}\n", sanitize::escape_json(&text))
}

/// `team --format json`.
pub fn team(view: &TeamView) -> String {
    finish(&team_doc(view, None))
}

/// `team --format json` over several teams: one document, each entry
/// carrying `team` (the name each was joined under), `team` the names.
pub fn teams(views: &[(String, TeamView)], title: &str) -> String {
    let missing: Vec<String> = views
        .iter()
        .flat_map(|(_, v)| v.missing.iter().cloned())
        .collect();
    let mut doc = TeamDoc {
        schema: SCHEMA,
        team: title,
        date: views
            .first()
            .map(|(_, v)| v.date.to_string())
            .unwrap_or_default(),
        updates: Vec::new(),
        missing: &missing,
        missing_by_team: Some(BTreeMap::new()),
        away: Vec::new(),
        holidays: Vec::new(),
        members: Vec::new(),
    };
    for (name, view) in views {
        let part = team_doc(view, Some(name));
        doc.updates.extend(part.updates);
        doc.away.extend(part.away);
        doc.holidays.extend(part.holidays);
        doc.members.extend(part.members);
        if let Some(by_team) = doc.missing_by_team.as_mut() {
            by_team.insert(name.as_str(), view.missing.as_slice());
        }
    }
    finish(&doc)
}

fn team_doc<'a>(view: &'a TeamView, team: Option<&'a str>) -> TeamDoc<'a> {
    TeamDoc {
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
                replies: replies_json(&e.replies),
                team,
            })
            .collect(),
        missing: &view.missing,
        missing_by_team: None,
        away: view
            .away
            .iter()
            .map(|a| AwayJson {
                handle: &a.handle,
                until: a.until.to_string(),
                note: a.note.as_deref(),
                team,
            })
            .collect(),
        holidays: view
            .holidays
            .iter()
            .map(|h| HolidayJson {
                handle: &h.handle,
                name: &h.name,
                team,
            })
            .collect(),
        members: view
            .members
            .iter()
            .map(|m| MemberJson {
                handle: &m.handle,
                local_time: &m.local_time,
                state: m.state,
                team,
            })
            .collect(),
    }
}

/// `blockers --format json`.
pub fn blockers(rows: &[BlockerRow]) -> String {
    finish(&BlockersDoc {
        schema: SCHEMA,
        blockers: blocker_rows(rows),
    })
}

/// `blockers --format json` over several teams: `teams[i]` is the team of
/// `rows[i]`, carried by each entry as `team`.
pub fn blockers_of_teams(rows: &[BlockerRow], teams: &[String]) -> String {
    let mut entries = blocker_rows(rows);
    for (entry, team) in entries.iter_mut().zip(teams) {
        entry.team = Some(team);
    }
    finish(&BlockersDoc {
        schema: SCHEMA,
        blockers: entries,
    })
}

/// `inbox --format json`.
pub fn inbox(view: &super::InboxView) -> String {
    finish(&InboxDoc {
        schema: SCHEMA,
        team: &view.team,
        since: view
            .since
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        updates: view.updates.iter().map(update_json).collect(),
        replies: view
            .replies
            .iter()
            .zip(replies_json(&view.replies))
            .map(|(r, reply)| InboxReplyJson {
                reply,
                to: &r.reply.to,
                date: r.reply.date.to_string(),
            })
            .collect(),
        mentions: mention_rows(&view.mentions),
        blockers_opened: blocker_rows(&view.blockers_opened),
        blockers_resolved: blocker_rows(&view.blockers_resolved),
    })
}

fn blocker_rows(rows: &[BlockerRow]) -> Vec<BlockerRowJson<'_>> {
    rows.iter()
        .map(|r| BlockerRowJson {
            author: &r.author,
            id: &r.id,
            text: &r.text,
            since: r.since.to_string(),
            age_days: r.age_days,
            away: r.away,
            replies: replies_json(&r.replies),
            team: None,
        })
        .collect()
}

/// `log --format json`; `replies` are any replies, each update shows its own.
pub fn log(updates: &[Update], replies: &[FoundReply]) -> String {
    let threads: Vec<Vec<FoundReply>> = updates
        .iter()
        .map(|u| super::thread::to_update(replies, &u.author, u.date))
        .collect();
    finish(&LogDoc {
        schema: SCHEMA,
        updates: updates
            .iter()
            .zip(&threads)
            .map(|(u, thread)| LogUpdate {
                update: update_json(u),
                replies: replies_json(thread),
            })
            .collect(),
    })
}

/// `audit --format json`.
pub fn audit(report: &crate::trust::audit::Report) -> String {
    finish(&AuditDoc {
        schema: SCHEMA,
        commits_checked: report.commits_checked,
        violations: report
            .violations
            .iter()
            .map(|v| ViolationJson {
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
    finish(&MentionsDoc {
        schema: SCHEMA,
        handle,
        mentions: mention_rows(rows),
    })
}

fn mention_rows(rows: &[super::MentionRow]) -> Vec<MentionJson<'_>> {
    rows.iter()
        .map(|r| MentionJson {
            author: &r.author,
            kind: r.kind,
            text: &r.text,
            date: r.date.to_string(),
            written_at: r
                .written_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        })
        .collect()
}

/// `search --format json`.
pub fn search(pattern: &str, hits: &[super::SearchHit]) -> String {
    finish(&SearchDoc {
        schema: SCHEMA,
        pattern,
        matches: hits
            .iter()
            .map(|h| SearchMatchJson {
                author: &h.author,
                date: h.date.to_string(),
                field: h.field,
                text: &h.text,
                blocker: h.blocker.as_deref(),
            })
            .collect(),
    })
}

/// `stats --format json`.
pub fn stats(p: &crate::commands::stats::Period) -> String {
    finish(&StatsDoc {
        schema: SCHEMA,
        since: p.since.to_string(),
        until: p.until.to_string(),
        members: p
            .members
            .iter()
            .map(|(h, f)| figures_json(Some(h), f, p.per_person_wellbeing))
            .collect(),
        team: team_json(&p.team, &p.team_wellbeing()),
        teams: None,
    })
}

/// `stats --format json` over several teams: each member's figures carry
/// `team`, `teams` holds each team's totals and `team` their sum, whose
/// wellbeing figures pool what each team's own count and show only when
/// every team's own does ([`crate::insight::privacy::combined`]).
pub fn stats_of_teams(periods: &[(String, crate::commands::stats::Period)]) -> String {
    let mut total = crate::insight::Figures::default();
    let mut members = Vec::new();
    let mut teams = Vec::new();
    let mut wellbeing = Vec::new();
    for (name, p) in periods {
        total.add(&p.team);
        for (h, f) in &p.members {
            let mut figures = figures_json(Some(h), f, p.per_person_wellbeing);
            figures.team = Some(name.clone());
            members.push(figures);
        }
        let own = p.team_wellbeing();
        let mut figures = team_json(&p.team, &own);
        figures.team = Some(name.clone());
        teams.push(figures);
        wellbeing.push((name.clone(), own));
    }
    let (since, until) = periods
        .first()
        .map(|(_, p)| (p.since.to_string(), p.until.to_string()))
        .unwrap_or_default();
    finish(&StatsDoc {
        schema: SCHEMA,
        since,
        until,
        members,
        team: team_json(&total, &crate::insight::privacy::combined(&wellbeing)),
        teams: Some(teams),
    })
}

/// A team's figures, its wellbeing figures as they may be shown: withheld
/// ones are left out, with the reason.
fn team_json(
    team: &crate::insight::Figures,
    wellbeing: &crate::insight::privacy::TeamWellbeing,
) -> FiguresJson {
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    let mut json = figures_json(None, team, true);
    json.after_hours = wellbeing.after_hours.value().map(|v| round(*v));
    json.mood_average = wellbeing.mood.value().copied().flatten().map(round);
    json.withheld = crate::insight::privacy::reasons(wellbeing);
    json
}

fn figures_json(handle: Option<&str>, f: &crate::insight::Figures, wellbeing: bool) -> FiguresJson {
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    let mood = (!f.moods.is_empty())
        .then(|| f.moods.iter().map(|(_, m)| f64::from(*m)).sum::<f64>() / f.moods.len() as f64);
    FiguresJson {
        handle: handle.map(str::to_string),
        team: None,
        workdays: f.workdays,
        updates: f.updates,
        participation: round(f.participation()),
        after_hours: wellbeing.then(|| round(f.after_hours())),
        blockers_opened: f.blockers_opened,
        blockers_resolved: f.blockers_resolved,
        median_unblock_days: f.median_unblock_days(),
        longest_unblock_days: f.longest_unblock_days(),
        away_days: f.away_days,
        mood_average: if wellbeing { mood.map(round) } else { None },
        withheld: Vec::new(),
    }
}

/// Every JSON output by the subcommand that writes it, with its JSON Schema
/// (draft 2020-12). `generate-assets` writes each to `schemas/<name>.json`.
pub fn schemas() -> Vec<(&'static str, serde_json::Value)> {
    fn of<T: schemars::JsonSchema>(name: &str) -> serde_json::Value {
        // The serialize contract: what the output holds (an `Option` is a
        // key always present, maybe `null`), not what an input may omit.
        let mut schema = schemars::generate::SchemaSettings::draft2020_12()
            .for_serialize()
            .into_generator()
            .into_root_schema_for::<T>();
        schema.insert(
            "title".into(),
            format!("async-up {name} --format json").into(),
        );
        schema.to_value()
    }
    vec![
        ("audit", of::<AuditDoc>("audit")),
        ("blockers", of::<BlockersDoc>("blockers")),
        ("digest", of::<super::digest::Digest>("digest")),
        ("inbox", of::<InboxDoc>("inbox")),
        ("log", of::<LogDoc>("log")),
        ("mentions", of::<MentionsDoc>("mentions")),
        ("search", of::<SearchDoc>("search")),
        ("stats", of::<StatsDoc>("stats")),
        ("team", of::<TeamDoc>("team")),
    ]
}
