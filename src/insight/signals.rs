//! Signals for the digest: plain rules over the team repo, each named by a
//! stable id, with the facts that made it fire. No model and no network:
//! the same history gives the same signals, and a reader can check each one
//! by hand.
//!
//! Texts are compared after [`normalise`] (case and runs of whitespace), so
//! "Fix  login" and "fix login" are one plan item.

use super::Figures;
use crate::model::team_file::Insight;
use crate::model::{Member, Update};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A plan unchanged for `same_plan_days` workdays in a row.
pub const SAME_PLAN: &str = "same-plan";
/// A blocker opened with the text of one resolved before.
pub const BLOCKER_REOPENED: &str = "blocker-reopened";
/// A blocker open `blocker_days` or more with no reply and no offer of help.
pub const BLOCKER_UNANSWERED: &str = "blocker-unanswered";
/// Writing after hours on more than half of the period's workdays.
pub const AFTER_HOURS: &str = "after-hours";
/// Planned items never reported in a later update.
pub const PLAN_DRIFT: &str = "plan-drift";

/// Plan-drift needs this many planned items before a share means anything.
pub const PLAN_DRIFT_MIN_ITEMS: usize = 3;

/// Items quoted in a signal's detail, at most.
const QUOTED: usize = 3;

/// One signal that fired.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Signal {
    /// The rule that fired it, a stable id (`same-plan`, `blocker-reopened`,
    /// `blocker-unanswered`, `after-hours`, `plan-drift`).
    pub rule: String,
    /// Whom it is about; `null` for a team-wide signal.
    pub person: Option<String>,
    /// The rule as applied, with its threshold.
    pub why: String,
    /// The facts that made it fire (may quote teammate text).
    pub detail: String,
    /// The team (the name it was joined under), in a digest over several teams; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
}

fn signal(rule: &str, person: Option<&str>, why: String, detail: String) -> Signal {
    Signal {
        rule: rule.to_string(),
        person: person.map(str::to_string),
        why,
        detail,
        team: None,
    }
}

/// Lowercase, with every run of whitespace one space and none at the ends.
pub fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A few texts, quoted and cut short, for a detail line.
fn quote(items: &[&str]) -> String {
    let cut = |s: &str| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        match s.char_indices().nth(80) {
            Some((i, _)) => format!("\"{}…\"", &s[..i]),
            None => format!("\"{s}\""),
        }
    };
    let mut out: Vec<String> = items.iter().take(QUOTED).map(|s| cut(s)).collect();
    if items.len() > QUOTED {
        out.push(format!("and {} more", items.len() - QUOTED));
    }
    out.join(", ")
}

/// One member's history and what the signals need beside it.
pub struct MemberInput<'a> {
    /// The member.
    pub member: &'a Member,
    /// Their updates oldest first, from some time before the period.
    pub history: &'a [Update],
    /// Ids of their blockers that someone else answered (text or offer).
    pub answered: &'a HashSet<String>,
}

/// Every signal over `since..=until`: each member's, then the team's.
pub fn signals(
    members: &[MemberInput<'_>],
    figures: &[(String, Figures)],
    insight: &Insight,
    since: NaiveDate,
    until: NaiveDate,
) -> Vec<Signal> {
    let mut out = Vec::new();
    for m in members {
        let who = m.member.handle.as_str();
        out.extend(same_plan(
            m.member,
            m.history,
            since,
            insight.same_plan_days(),
        ));
        out.extend(blocker_reopened(who, m.history, since, until));
        out.extend(blocker_unanswered(
            who,
            m.history,
            m.answered,
            until,
            insight.blocker_days(),
        ));
        out.extend(plan_drift(
            who,
            m.history,
            since,
            insight.plan_drift_percent(),
        ));
    }
    out.extend(after_hours(
        figures,
        insight.per_person_wellbeing,
        insight.min_group(),
    ));
    out
}

/// `same-plan`: the same plan (its items, normalised, in any order) in
/// `days` or more updates in a row on the member's workdays, the run
/// reaching into the period. Updates on days off neither count nor break it.
pub fn same_plan(member: &Member, history: &[Update], since: NaiveDate, days: u32) -> Vec<Signal> {
    let why = format!("the same plan in {days} or more updates in a row on workdays");
    let mut out = Vec::new();
    let mut run: Vec<&Update> = Vec::new();
    let mut run_plan: Vec<String> = Vec::new();
    let mut close = |run: &[&Update]| {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return;
        };
        if run.len() >= days as usize && last.date >= since {
            let items: Vec<&str> = last.today.iter().map(String::as_str).collect();
            out.push(signal(
                SAME_PLAN,
                Some(&member.handle),
                why.clone(),
                format!(
                    "planned the same in {} updates, {} to {}: {}",
                    run.len(),
                    first.date,
                    last.date,
                    quote(&items)
                ),
            ));
        }
    };
    let workday = |u: &Update| member.is_workday(u.date) && member.away_on(u.date).is_none();
    for u in history.iter().filter(|u| workday(u)) {
        let mut plan: Vec<String> = u
            .today
            .iter()
            .map(|t| normalise(t))
            .filter(|t| !t.is_empty())
            .collect();
        plan.sort();
        plan.dedup();
        if plan.is_empty() || plan != run_plan {
            close(&run);
            run.clear();
        }
        if !plan.is_empty() {
            run.push(u);
        }
        run_plan = plan;
    }
    close(&run);
    out
}

/// `blocker-reopened`: a blocker appearing in an update of the period with
/// the text (normalised) of one of the member's blockers resolved before,
/// whatever its id.
pub fn blocker_reopened(
    who: &str,
    history: &[Update],
    since: NaiveDate,
    until: NaiveDate,
) -> Vec<Signal> {
    let why = "a blocker opened with the text of one resolved before".to_string();
    let mut out = Vec::new();
    let mut open: HashMap<&str, String> = HashMap::new();
    let mut resolved: HashMap<String, NaiveDate> = HashMap::new();
    for u in history {
        let now: HashMap<&str, String> = u
            .blockers
            .iter()
            .map(|b| (b.id.as_str(), normalise(&b.text)))
            .collect();
        for (id, text) in &open {
            if !now.contains_key(id) {
                resolved.insert(text.clone(), u.date);
            }
        }
        let mut fired: HashSet<&str> = HashSet::new();
        for b in u
            .blockers
            .iter()
            .filter(|b| !open.contains_key(b.id.as_str()))
        {
            let Some(on) = resolved.get(&now[b.id.as_str()]) else {
                continue;
            };
            if u.date >= since && u.date <= until && fired.insert(&now[b.id.as_str()]) {
                out.push(signal(
                    BLOCKER_REOPENED,
                    Some(who),
                    why.clone(),
                    format!(
                        "blocked again on {} by what was resolved on {on}: {}",
                        u.date,
                        quote(&[b.text.as_str()])
                    ),
                ));
            }
        }
        open = now;
    }
    out
}

/// `blocker-unanswered`: a blocker still open at the end of the period,
/// open `days` days or more by then, that nobody else answered with a reply
/// or an offer of help (a reaction is not an answer).
pub fn blocker_unanswered(
    who: &str,
    history: &[Update],
    answered: &HashSet<String>,
    until: NaiveDate,
    days: u32,
) -> Vec<Signal> {
    let why = format!("a blocker open {days} day(s) or more with no reply or offer of help");
    let Some(last) = history.last() else {
        return Vec::new();
    };
    let mut first_seen: BTreeMap<&str, NaiveDate> = BTreeMap::new();
    for u in history {
        for b in &u.blockers {
            first_seen.entry(&b.id).or_insert(b.since);
        }
    }
    last.blockers
        .iter()
        .filter(|b| !answered.contains(&b.id))
        .filter_map(|b| {
            let since = first_seen.get(b.id.as_str()).copied().unwrap_or(b.since);
            let age = (until - since).num_days();
            (age >= i64::from(days)).then(|| {
                signal(
                    BLOCKER_UNANSWERED,
                    Some(who),
                    why.clone(),
                    format!(
                        "open {age} day(s) since {since}, no reply or offer: {}",
                        quote(&[b.text.as_str()])
                    ),
                )
            })
        })
        .collect()
}

/// `plan-drift`: of the distinct items (normalised) planned in the period's
/// updates that have a later update, `percent` or more never appear in a
/// later update's yesterday list. Needs [`PLAN_DRIFT_MIN_ITEMS`] items.
pub fn plan_drift(who: &str, history: &[Update], since: NaiveDate, percent: u32) -> Option<Signal> {
    let mut first_planned: HashMap<String, (usize, &str)> = HashMap::new();
    let mut last_reported: HashMap<String, usize> = HashMap::new();
    for (i, u) in history.iter().enumerate() {
        for y in &u.yesterday {
            last_reported.insert(normalise(y), i);
        }
        if u.date < since || i + 1 == history.len() {
            continue;
        }
        for t in u.today.iter().filter(|t| !normalise(t).is_empty()) {
            first_planned.entry(normalise(t)).or_insert((i, t));
        }
    }
    let mut never: Vec<(usize, &str)> = first_planned
        .iter()
        .filter(|(item, (i, _))| last_reported.get(*item).is_none_or(|r| r <= i))
        .map(|(_, v)| *v)
        .collect();
    let planned = first_planned.len();
    if planned < PLAN_DRIFT_MIN_ITEMS || never.len() * 100 < percent as usize * planned {
        return None;
    }
    never.sort();
    let items: Vec<&str> = never.iter().map(|(_, t)| *t).collect();
    Some(signal(
        PLAN_DRIFT,
        Some(who),
        format!("{percent}% or more of the planned items never reported in a later update"),
        format!(
            "{} of {planned} planned item(s) never reported: {}",
            never.len(),
            quote(&items)
        ),
    ))
}

/// `after-hours`: a member who wrote after hours (outside their hours or on
/// a day off) on more than half of the period's workdays. Named only when
/// the team shows wellbeing per person; otherwise counted for the team, and
/// only when at least `min_group` members wrote in the period.
pub fn after_hours(figures: &[(String, Figures)], per_person: bool, min_group: u32) -> Vec<Signal> {
    let why = "updates written after hours on more than half of the period's workdays".to_string();
    let fired = |f: &Figures| f.workdays > 0 && f.after_hours_updates * 2 > f.workdays;
    if per_person {
        return figures
            .iter()
            .filter(|(_, f)| fired(f))
            .map(|(who, f)| {
                signal(
                    AFTER_HOURS,
                    Some(who),
                    why.clone(),
                    format!(
                        "{} update(s) after hours, {} workday(s)",
                        f.after_hours_updates, f.workdays
                    ),
                )
            })
            .collect();
    }
    let wrote = figures.iter().filter(|(_, f)| f.all_updates > 0).count();
    let n = figures.iter().filter(|(_, f)| fired(f)).count();
    if n == 0 || wrote < min_group as usize {
        return Vec::new();
    }
    vec![signal(
        AFTER_HOURS,
        None,
        why,
        format!("{n} of the {wrote} member(s) who wrote in the period (not named: [insight] per_person_wellbeing is off)"),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(date: &str, today: &[&str], blockers: &[(&str, &str)]) -> Update {
        Update {
            version: 1,
            author: "a".into(),
            date: date.parse().unwrap(),
            written_at: chrono::DateTime::parse_from_rfc3339(&format!("{date}T09:00:00Z")).unwrap(),
            yesterday: vec![],
            today: today.iter().map(|s| s.to_string()).collect(),
            mood: None,
            answers: Default::default(),
            blockers: blockers
                .iter()
                .map(|(id, text)| crate::model::Blocker {
                    id: id.to_string(),
                    text: text.to_string(),
                    since: date.parse().unwrap(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_weekend_update_neither_counts_nor_breaks_a_same_plan_run() {
        let m = Member::bare("a");
        // Thu, Fri, Sat (a day off, other plan), Mon: three workdays.
        let h = [
            on("2026-11-19", &["A", "b"], &[]),
            on("2026-11-20", &["B", " a "], &[]),
            on("2026-11-21", &["rest"], &[]),
            on("2026-11-23", &["a", "b"], &[]),
        ];
        let since = "2026-11-23".parse().unwrap();
        let fired = same_plan(&m, &h, since, 3);
        assert_eq!(fired.len(), 1);
        assert!(fired[0]
            .detail
            .contains("3 updates, 2026-11-19 to 2026-11-23"));
        assert!(same_plan(&m, &h, since, 4).is_empty());
    }

    #[test]
    fn the_same_id_back_after_a_day_without_it_is_reopened() {
        let h = [
            on("2026-11-16", &[], &[("x", "Flaky test")]),
            on("2026-11-17", &[], &[]),
            on("2026-11-18", &[], &[("x", "flaky  TEST")]),
            on("2026-11-19", &[], &[("x", "flaky test")]),
        ];
        let (since, until) = ("2026-11-16".parse().unwrap(), "2026-11-20".parse().unwrap());
        let fired = blocker_reopened("a", &h, since, until);
        assert_eq!(fired.len(), 1, "carried on Thursday is not reopened again");
        assert!(fired[0].detail.contains("on 2026-11-18"));
    }
}
