//! Three-way merges of one person's files edited on two machines: the local
//! edit being replayed, the remote's version, and the version both started
//! from. A clock decides nothing (a laptop's clock can run a day ahead, a
//! hand-written file can claim year 9999): a field only one side changed
//! takes that side, a field both changed takes the local edit and is named,
//! so the caller can say what was replaced.
//!
//! Lists whose items have an identity merge item by item: blockers by id,
//! answers by question id, away periods by their dates. A blocker resolved
//! on one side and one added on the other both take effect. With no common
//! version (the file was new on both sides) every item either side has is
//! kept: nothing either machine wrote disappears.

use super::member::Away;
use super::question::Answer;
use super::{Blocker, Member, Update};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, Utc};
use std::collections::BTreeMap;

/// How far a `written_at` may run ahead of this machine's clock before it is
/// called out: clocks drift by seconds, not by hours.
pub const CLOCK_TOLERANCE: TimeDelta = TimeDelta::minutes(5);

/// A merged file and the fields both sides changed (the local edit was kept).
#[derive(Debug, Clone, PartialEq)]
pub struct Merged<T> {
    /// The merged file.
    pub value: T,
    /// What the local edit replaced, ready to show: "`today`", "blocker `k3f9a2`".
    pub replaced: Vec<String>,
}

/// Merges two versions of one day's update against their common `base`.
/// The result carries the local `written_at`: the time is shown, never compared.
pub fn updates(base: Option<&Update>, local: &Update, remote: &Update) -> Merged<Update> {
    let empty = empty_update(local);
    let base = base.unwrap_or(&empty);
    let mut replaced = Vec::new();
    let mut value = local.clone();
    value.yesterday = pick(
        "`yesterday`",
        &base.yesterday,
        &local.yesterday,
        &remote.yesterday,
        &mut replaced,
    );
    value.today = pick(
        "`today`",
        &base.today,
        &local.today,
        &remote.today,
        &mut replaced,
    );
    value.mood = pick(
        "`mood`",
        &base.mood,
        &local.mood,
        &remote.mood,
        &mut replaced,
    );
    value.answers = merge_answers(base, local, remote, &mut replaced);
    value.blockers = by_key(
        &base.blockers,
        &local.blockers,
        &remote.blockers,
        |b: &Blocker| b.id.clone(),
        |id| format!("blocker `{id}`"),
        &mut replaced,
    );
    Merged { value, replaced }
}

/// Merges two versions of a member file against their common `base`.
pub fn members(base: Option<&Member>, local: &Member, remote: &Member) -> Merged<Member> {
    let empty = Member::bare(&local.handle);
    let base = base.unwrap_or(&empty);
    let mut r = Vec::new();
    let value = Member {
        handle: local.handle.clone(),
        name: pick("`name`", &base.name, &local.name, &remote.name, &mut r),
        email: pick("`email`", &base.email, &local.email, &remote.email, &mut r),
        timezone: pick(
            "`timezone`",
            &base.timezone,
            &local.timezone,
            &remote.timezone,
            &mut r,
        ),
        workdays: pick(
            "`workdays`",
            &base.workdays,
            &local.workdays,
            &remote.workdays,
            &mut r,
        ),
        hours: pick("`hours`", &base.hours, &local.hours, &remote.hours, &mut r),
        joined: pick(
            "`joined`",
            &base.joined,
            &local.joined,
            &remote.joined,
            &mut r,
        ),
        focus: pick("`focus`", &base.focus, &local.focus, &remote.focus, &mut r),
        away: {
            let mut away = by_key(
                &base.away,
                &local.away,
                &remote.away,
                |a: &Away| (a.from, a.until),
                |(from, until): (NaiveDate, NaiveDate)| format!("away {from} to {until}"),
                &mut r,
            );
            away.sort_by_key(|a| (a.from, a.until));
            away
        },
        region: pick(
            "`region`",
            &base.region,
            &local.region,
            &remote.region,
            &mut r,
        ),
        holidays: local.holidays.clone(),
    };
    Merged { value, replaced: r }
}

/// How far `written_at` is ahead of `now`, when that is more than
/// [`CLOCK_TOLERANCE`]: a clock running ahead, or a made-up time.
pub fn ahead_of(written_at: DateTime<FixedOffset>, now: DateTime<Utc>) -> Option<TimeDelta> {
    let ahead = written_at.with_timezone(&Utc) - now;
    (ahead > CLOCK_TOLERANCE).then_some(ahead)
}

/// "3 h", "2 days", "2 years": how far, roughly.
pub fn rough(span: TimeDelta) -> String {
    let minutes = span.num_minutes();
    match minutes {
        m if m < 120 => format!("{m} min"),
        m if m < 48 * 60 => format!("{} h", m / 60),
        m if m < 2 * 365 * 24 * 60 => format!("{} days", m / (24 * 60)),
        m => format!("{} years", m / (365 * 24 * 60)),
    }
}

fn empty_update(like: &Update) -> Update {
    Update {
        version: like.version,
        author: like.author.clone(),
        date: like.date,
        written_at: like.written_at,
        yesterday: Vec::new(),
        today: Vec::new(),
        mood: None,
        answers: BTreeMap::new(),
        blockers: Vec::new(),
    }
}

/// One field: the side that changed it, the local side when both did.
fn pick<T: PartialEq + Clone>(
    name: &str,
    base: &T,
    local: &T,
    remote: &T,
    replaced: &mut Vec<String>,
) -> T {
    if local == remote || remote == base {
        local.clone()
    } else if local == base {
        remote.clone()
    } else {
        replaced.push(name.to_string());
        local.clone()
    }
}

fn merge_answers(
    base: &Update,
    local: &Update,
    remote: &Update,
    replaced: &mut Vec<String>,
) -> BTreeMap<String, Answer> {
    let keys: std::collections::BTreeSet<&String> = base
        .answers
        .keys()
        .chain(local.answers.keys())
        .chain(remote.answers.keys())
        .collect();
    keys.into_iter()
        .filter_map(|key| {
            let name = format!("answer to `{key}`");
            pick(
                &name,
                &base.answers.get(key),
                &local.answers.get(key),
                &remote.answers.get(key),
                replaced,
            )
            .map(|a| (key.clone(), a.clone()))
        })
        .collect()
}

/// A list merged item by item, items known by `key`: each item is picked
/// like a field (present or absent, and its content). The local order comes
/// first, then items only the remote has, in its order.
fn by_key<T, K>(
    base: &[T],
    local: &[T],
    remote: &[T],
    key: impl Fn(&T) -> K,
    name: impl Fn(K) -> String,
    replaced: &mut Vec<String>,
) -> Vec<T>
where
    T: PartialEq + Clone,
    K: PartialEq + Clone,
{
    let find = |list: &[T], k: &K| list.iter().find(|item| &key(item) == k).cloned();
    let mut order: Vec<K> = Vec::new();
    for item in local.iter().chain(remote).chain(base) {
        let k = key(item);
        if !order.contains(&k) {
            order.push(k);
        }
    }
    order
        .into_iter()
        .filter_map(|k| {
            let label = name(k.clone());
            pick(
                &label,
                &find(base, &k),
                &find(local, &k),
                &find(remote, &k),
                replaced,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(today: &[&str], yesterday: &[&str], blockers: &[(&str, &str)]) -> Update {
        let mut text = String::from(
            "author = \"alice\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T09:00:00Z\n",
        );
        text.push_str(&format!("today = {today:?}\nyesterday = {yesterday:?}\n"));
        for (id, t) in blockers {
            text.push_str(&format!(
                "[[blockers]]\nid = \"{id}\"\ntext = \"{t}\"\nsince = 2026-11-20\n"
            ));
        }
        Update::from_toml("x", &text).unwrap()
    }

    #[test]
    fn fields_one_side_changed_take_that_side() {
        let base = update(&["plan"], &[], &[]);
        let local = update(&["new plan"], &[], &[]);
        let remote = update(&["plan"], &["shipped"], &[]);
        let m = updates(Some(&base), &local, &remote);
        assert_eq!(m.value.today, ["new plan"]);
        assert_eq!(m.value.yesterday, ["shipped"]);
        assert!(m.replaced.is_empty());
    }

    #[test]
    fn a_field_both_changed_keeps_local_and_is_named() {
        let base = update(&["plan"], &[], &[]);
        let local = update(&["B"], &[], &[]);
        let mut remote = update(&["A"], &[], &[]);
        remote.written_at = DateTime::parse_from_rfc3339("9999-12-31T23:59:59Z").unwrap();
        let m = updates(Some(&base), &local, &remote);
        assert_eq!(m.value.today, ["B"]);
        assert_eq!(m.value.written_at, local.written_at);
        assert_eq!(m.replaced, ["`today`"]);
        // Both made the same change: nothing to tell.
        let m = updates(Some(&base), &local, &local.clone());
        assert!(m.replaced.is_empty());
    }

    #[test]
    fn no_base_keeps_what_only_one_side_wrote() {
        let local = update(&["B"], &[], &[("b1", "mine")]);
        let remote = update(&["A"], &["done"], &[("r1", "theirs")]);
        let m = updates(None, &local, &remote);
        assert_eq!(m.value.today, ["B"]);
        assert_eq!(m.value.yesterday, ["done"]);
        let ids: Vec<&str> = m.value.blockers.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["b1", "r1"]);
        assert_eq!(m.replaced, ["`today`"]);
    }

    #[test]
    fn blockers_merge_by_id() {
        let base = update(&[], &[], &[("k1", "creds"), ("k2", "review")]);
        // Local resolved k1 and added n1; remote resolved k2 and added r1.
        let local = update(&[], &[], &[("k2", "review"), ("n1", "CI red")]);
        let remote = update(&[], &[], &[("k1", "creds"), ("r1", "laptop broke")]);
        let m = updates(Some(&base), &local, &remote);
        let ids: Vec<&str> = m.value.blockers.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["n1", "r1"]);
        assert!(m.replaced.is_empty());
        // Resolved here, reworded there: the local resolution holds, and is named.
        let remote = update(&[], &[], &[("k1", "creds (asked twice)"), ("k2", "review")]);
        let local = update(&[], &[], &[("k2", "review")]);
        let m = updates(Some(&base), &local, &remote);
        assert_eq!(m.value.blockers.len(), 1);
        assert_eq!(m.replaced, ["blocker `k1`"]);
    }

    #[test]
    fn answers_merge_per_question() {
        let mut base = update(&[], &[], &[]);
        base.answers.insert("q1".into(), Answer::Text("a".into()));
        let mut local = base.clone();
        local.answers.insert("q2".into(), Answer::Number(3));
        let mut remote = base.clone();
        remote.answers.insert("q1".into(), Answer::Text("b".into()));
        let m = updates(Some(&base), &local, &remote);
        assert_eq!(m.value.answers["q1"], Answer::Text("b".into()));
        assert_eq!(m.value.answers["q2"], Answer::Number(3));
        local.answers.insert("q1".into(), Answer::Text("c".into()));
        let m = updates(Some(&base), &local, &remote);
        assert_eq!(m.value.answers["q1"], Answer::Text("c".into()));
        assert_eq!(m.replaced, ["answer to `q1`"]);
    }

    fn away(from: u32, until: u32, note: &str) -> Away {
        let d = |n| NaiveDate::from_ymd_opt(2026, 12, n).unwrap();
        Away {
            from: d(from),
            until: d(until),
            note: Some(note.into()),
        }
    }

    #[test]
    fn member_fields_and_away_periods_merge() {
        let mut base = Member::bare("alice");
        base.hours = Some("09:00-17:00".into());
        base.away = vec![away(1, 2, "conf")];
        let mut local = base.clone();
        local.hours = Some("10:00-18:00".into());
        local.away.clear();
        let mut remote = base.clone();
        remote.away.push(away(20, 31, "holidays"));
        remote.focus = vec!["09:00-11:00".into()];
        let m = members(Some(&base), &local, &remote);
        assert_eq!(m.value.hours.as_deref(), Some("10:00-18:00"));
        assert_eq!(m.value.focus, ["09:00-11:00"]);
        // The period removed here stays removed; the one added there is kept.
        assert_eq!(m.value.away, [away(20, 31, "holidays")]);
        assert!(m.replaced.is_empty());
        remote.hours = Some("08:00-16:00".into());
        let m = members(Some(&base), &local, &remote);
        assert_eq!(m.replaced, ["`hours`"]);
        assert_eq!(m.value.hours.as_deref(), Some("10:00-18:00"));
    }

    #[test]
    fn away_periods_without_a_base_are_united_in_date_order() {
        let mut local = Member::bare("alice");
        local.away = vec![away(20, 31, "holidays")];
        let mut remote = Member::bare("alice");
        remote.away = vec![away(1, 2, "conf")];
        let m = members(None, &local, &remote);
        assert_eq!(m.value.away, [away(1, 2, "conf"), away(20, 31, "holidays")]);
    }

    #[test]
    fn a_time_far_ahead_is_called_out() {
        let now = DateTime::parse_from_rfc3339("2026-11-24T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!(ahead_of(at("2026-11-24T09:04:00Z"), now), None);
        let day = ahead_of(at("2026-11-25T09:00:00+00:00"), now).unwrap();
        assert_eq!(rough(day), "24 h");
        let far = ahead_of(at("9999-12-31T23:59:59Z"), now).unwrap();
        assert!(rough(far).ends_with("years"));
    }
}
