//! Properties of the figures over random histories, built in memory at the
//! insight layer (no git: thousands of histories in a few seconds). Every
//! figure stays within its bounds, and every team figure is the sum, the
//! pooled median or the pooled share of the members' figures it claims to be
//! (wellbeing: pooled over the days enough members wrote on).

use async_up::insight::privacy::{self, Shown};
use async_up::insight::signals::{self, MemberInput};
use async_up::insight::{self, median, Figures};
use async_up::model::member::Away;
use async_up::model::team_file::Insight;
use async_up::model::{Blocker, Member, Update};
use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

const BASE: (i32, u32, u32) = (2026, 10, 1);

fn day(offset: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(BASE.0, BASE.1, BASE.2).unwrap() + Days::new(u64::from(offset))
}

const ITEMS: [&str; 6] = [
    "fix login",
    "Fix  Login",
    "write docs",
    "review",
    "deploy",
    "x",
];

#[derive(Debug, Clone)]
struct RawUpdate {
    day: u32,
    hour: u32,
    offset_hours: i32,
    mood: Option<u8>,
    today: Vec<usize>,
    yesterday: Vec<usize>,
    blockers: Vec<(u8, u32, usize)>,
}

fn raw_update() -> impl Strategy<Value = RawUpdate> {
    (
        0u32..70,
        0u32..24,
        -12i32..=14,
        proptest::option::of(1u8..=5),
        proptest::collection::vec(0..ITEMS.len(), 0..3),
        proptest::collection::vec(0..ITEMS.len(), 0..3),
        proptest::collection::vec((0u8..3, 0u32..6, 0..ITEMS.len()), 0..3),
    )
        .prop_map(
            |(day, hour, offset_hours, mood, today, yesterday, blockers)| RawUpdate {
                day,
                hour,
                offset_hours,
                mood,
                today,
                yesterday,
                blockers,
            },
        )
}

fn member_and_history(handle: String) -> impl Strategy<Value = (Member, Vec<Update>)> {
    (
        proptest::sample::select(vec![
            "UTC",
            "Europe/Berlin",
            "America/New_York",
            "Pacific/Kiritimati",
            "Etc/GMT+12",
        ]),
        proptest::option::of(proptest::sample::select(vec![
            "mon-fri", "sun-thu", "sat-fri", "wed",
        ])),
        proptest::option::of(proptest::sample::select(vec!["09:00-17:00", "22:00-06:00"])),
        proptest::option::of(0u32..60),
        proptest::collection::vec((0u32..60, 0u32..10), 0..3),
        proptest::collection::vec(raw_update(), 0..25),
    )
        .prop_map(move |(tz, workdays, hours, joined, away, raw)| {
            let member = Member {
                timezone: Some(tz.to_string()),
                workdays: workdays.map(|w| vec![w.to_string()]),
                hours: hours.map(str::to_string),
                joined: joined.map(day),
                away: away
                    .into_iter()
                    .map(|(from, len)| Away {
                        from: day(from),
                        until: day(from + len),
                        note: None,
                    })
                    .collect(),
                ..Member::bare(&handle)
            };
            (member, history(&handle, raw))
        })
}

/// Updates as the store gives them: one a day, oldest first, each blocker
/// id once per update and open since no later than the update's date.
fn history(handle: &str, mut raw: Vec<RawUpdate>) -> Vec<Update> {
    raw.sort_by_key(|r| r.day);
    raw.dedup_by_key(|r| r.day);
    raw.into_iter()
        .map(|r| {
            let date = day(r.day);
            let zone = FixedOffset::east_opt(r.offset_hours * 3600).unwrap();
            let local = date.and_hms_opt(r.hour, 0, 0).unwrap();
            let written_at: DateTime<FixedOffset> = zone.from_local_datetime(&local).unwrap();
            let mut seen = HashSet::new();
            Update {
                version: 1,
                author: handle.to_string(),
                date,
                written_at,
                yesterday: r.yesterday.iter().map(|i| ITEMS[*i].to_string()).collect(),
                today: r.today.iter().map(|i| ITEMS[*i].to_string()).collect(),
                mood: r.mood,
                answers: Default::default(),
                blockers: r
                    .blockers
                    .iter()
                    .filter(|(id, _, _)| seen.insert(*id))
                    .map(|(id, back, text)| Blocker {
                        id: format!("b{id}"),
                        text: ITEMS[*text].to_string(),
                        since: date.checked_sub_days(Days::new(u64::from(*back))).unwrap(),
                    })
                    .collect(),
            }
        })
        .collect()
}

fn team() -> impl Strategy<Value = Vec<(Member, Vec<Update>)>> {
    (1usize..7).prop_flat_map(|n| {
        (0..n)
            .map(|i| member_and_history(format!("m{i}")))
            .collect::<Vec<_>>()
    })
}

fn settings() -> impl Strategy<Value = Insight> {
    (any::<bool>(), 1u32..6, 2u32..5, 1u32..6, 1u32..=100).prop_map(
        |(per_person, min_group, same_plan_days, blocker_days, plan_drift_percent)| Insight {
            per_person_wellbeing: per_person,
            min_group: Some(min_group),
            same_plan_days: Some(same_plan_days),
            blocker_days: Some(blocker_days),
            plan_drift_percent: Some(plan_drift_percent),
        },
    )
}

fn check_member(f: &Figures, since: NaiveDate, until: NaiveDate) {
    let days = (until - since).num_days() as u32 + 1;
    assert!(f.workdays + f.away_days <= days, "{f:?}");
    assert!(f.updates <= f.workdays, "updates on workdays: {f:?}");
    assert!(f.updates <= f.all_updates && f.all_updates <= days, "{f:?}");
    assert!(f.after_hours_updates <= f.all_updates, "{f:?}");
    assert!((0.0..=1.0).contains(&f.participation()), "{f:?}");
    assert!((0.0..=1.0).contains(&f.after_hours()), "{f:?}");
    assert_eq!(f.unblock_days.len() as u32, f.blockers_resolved, "{f:?}");
    assert!(f.unblock_days.iter().all(|d| *d >= 0), "{f:?}");
    assert!(f
        .moods
        .iter()
        .all(|(d, m)| (1..=5).contains(m) && *d >= since && *d <= until));
    assert!(f.moods.len() as u32 <= f.all_updates, "{f:?}");
    assert_eq!(f.written.len() as u32, f.all_updates, "{f:?}");
    let late = f.written.iter().filter(|(_, late)| *late).count() as u32;
    assert_eq!(late, f.after_hours_updates, "{f:?}");
    if let (Some(m), Some(l)) = (f.median_unblock_days(), f.longest_unblock_days()) {
        assert!(m <= l as f64, "{f:?}");
    }
    let trend = insight::mood_trend(&f.moods, since, until);
    assert_eq!(
        trend.chars().count(),
        (days as usize).min(insight::TREND_POINTS)
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 500,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn figures_stay_in_bounds_and_team_figures_add_up(
        people in team(),
        start in 0u32..50,
        len in 0u32..40,
        insight_settings in settings(),
    ) {
        let (since, until) = (day(start), day(start + len));
        let members: Vec<(String, Figures)> = people
            .iter()
            .map(|(m, h)| (m.handle.clone(), insight::figures(m, h, since, until)))
            .collect();
        let mut total = Figures::default();
        for (_, f) in &members {
            check_member(f, since, until);
            total.add(f);
        }
        check_member_sums(&members, &total);
        check_wellbeing(&members, &total, &insight_settings);
        check_signals(&people, &members, &insight_settings, since, until);
    }
}

fn check_member_sums(members: &[(String, Figures)], team: &Figures) {
    let sum = |get: fn(&Figures) -> u32| members.iter().map(|(_, f)| get(f)).sum::<u32>();
    assert_eq!(team.workdays, sum(|f| f.workdays));
    assert_eq!(team.updates, sum(|f| f.updates));
    assert_eq!(team.all_updates, sum(|f| f.all_updates));
    assert_eq!(team.after_hours_updates, sum(|f| f.after_hours_updates));
    assert_eq!(team.blockers_opened, sum(|f| f.blockers_opened));
    assert_eq!(team.blockers_resolved, sum(|f| f.blockers_resolved));
    assert_eq!(team.away_days, sum(|f| f.away_days));
    let pooled: Vec<i64> = members
        .iter()
        .flat_map(|(_, f)| f.unblock_days.clone())
        .collect();
    assert_eq!(team.median_unblock_days(), median(&pooled));
    let longest = members
        .iter()
        .filter_map(|(_, f)| f.longest_unblock_days())
        .max();
    assert_eq!(team.longest_unblock_days(), longest);
    assert_eq!(
        team.moods.len(),
        members.iter().map(|(_, f)| f.moods.len()).sum::<usize>()
    );
    assert_eq!(
        team.written.len(),
        members.iter().map(|(_, f)| f.written.len()).sum::<usize>()
    );
}

/// Per day, how many members have an entry that day (`dates` gives each
/// member's dates: one update a day, so at most one entry a day).
fn members_on(
    members: &[(String, Figures)],
    dates: fn(&Figures) -> Vec<NaiveDate>,
) -> HashMap<NaiveDate, usize> {
    let mut on: HashMap<NaiveDate, usize> = HashMap::new();
    for (_, f) in members {
        for d in dates(f).into_iter().collect::<HashSet<_>>() {
            *on.entry(d).or_default() += 1;
        }
    }
    on
}

/// A team wellbeing figure is the pooled figure of its members' entries on
/// the days at least `min_group` of them had one (every day when the team
/// shows wellbeing per person), and withheld when there is no such day: a
/// day fewer wrote on never moves it, so no two periods give a person's
/// day away by difference.
fn check_wellbeing(members: &[(String, Figures)], team: &Figures, s: &Insight) {
    let w = privacy::team_wellbeing(members, team, s.per_person_wellbeing, s.min_group());
    let (per_person, min) = (s.per_person_wellbeing, s.min_group() as usize);
    let wrote_on = members_on(members, |f| f.written.iter().map(|w| w.0).collect());
    let gave_on = members_on(members, |f| f.moods.iter().map(|m| m.0).collect());
    let writes: Vec<bool> = members
        .iter()
        .flat_map(|(_, f)| f.written.clone())
        .filter(|(d, _)| per_person || wrote_on[d] >= min)
        .map(|(_, late)| late)
        .collect();
    let moods: Vec<u8> = members
        .iter()
        .flat_map(|(_, f)| f.moods.clone())
        .filter(|(d, _)| per_person || gave_on[d] >= min)
        .map(|(_, m)| m)
        .collect();
    let wrote = members.iter().filter(|(_, f)| f.all_updates > 0).count();
    let gave = members.iter().filter(|(_, f)| !f.moods.is_empty()).count();
    match &w.after_hours {
        Shown::Value(share) => {
            assert!(per_person || (!writes.is_empty() && wrote >= min));
            let late = writes.iter().filter(|l| **l).count();
            let expected = if writes.is_empty() {
                0.0
            } else {
                late as f64 / writes.len() as f64
            };
            assert!((share - expected).abs() < 1e-12, "{share} != {expected}");
        }
        Shown::Withheld(reason) => assert!(!per_person && writes.is_empty(), "{reason}"),
    }
    match &w.mood {
        Shown::Value(Some(mean)) => {
            assert!(per_person || gave >= min);
            assert!(!moods.is_empty() && (1.0..=5.0).contains(mean));
            let expected = moods.iter().map(|m| f64::from(*m)).sum::<f64>() / moods.len() as f64;
            assert!((mean - expected).abs() < 1e-12, "{mean} != {expected}");
        }
        Shown::Value(None) => assert_eq!(gave, 0),
        Shown::Withheld(reason) => {
            assert!(!per_person && gave > 0 && moods.is_empty(), "{reason}")
        }
    }
    // Several teams: the combined figure shows only when each team's own
    // does, and is then the pool of what each counts.
    let (a, b) = members.split_at(members.len() / 2);
    let own = |part: &[(String, Figures)]| {
        let mut t = Figures::default();
        part.iter().for_each(|(_, f)| t.add(f));
        privacy::team_wellbeing(part, &t, per_person, s.min_group())
    };
    let parts = [("a".to_string(), own(a)), ("b".to_string(), own(b))];
    let both = privacy::combined(&parts);
    let shown = |f: fn(&privacy::TeamWellbeing) -> bool| parts.iter().all(|(_, w)| f(w));
    assert_eq!(
        both.mood.value().is_some(),
        shown(|w| w.mood.value().is_some())
    );
    assert_eq!(
        both.after_hours.value().is_some(),
        shown(|w| w.after_hours.value().is_some())
    );
    let moods_counted: u32 = parts.iter().map(|(_, w)| w.counted.moods).sum();
    assert_eq!(both.counted.moods, moods_counted);
}

fn check_signals(
    people: &[(Member, Vec<Update>)],
    members: &[(String, Figures)],
    s: &Insight,
    since: NaiveDate,
    until: NaiveDate,
) {
    let answered = HashSet::new();
    let inputs: Vec<MemberInput<'_>> = people
        .iter()
        .map(|(member, history)| MemberInput {
            member,
            history,
            answered: &answered,
        })
        .collect();
    let fired = signals::signals(&inputs, members, s, since, until);
    let again = signals::signals(&inputs, members, s, since, until);
    assert_eq!(fired, again, "the same history gives the same signals");
    for sig in &fired {
        let known = [
            signals::SAME_PLAN,
            signals::BLOCKER_REOPENED,
            signals::BLOCKER_UNANSWERED,
            signals::AFTER_HOURS,
            signals::PLAN_DRIFT,
        ];
        assert!(known.contains(&sig.rule.as_str()), "{sig:?}");
        assert!(!sig.why.is_empty() && !sig.detail.is_empty());
        match &sig.person {
            Some(p) => {
                assert!(members.iter().any(|(h, _)| h == p));
                if sig.rule == signals::AFTER_HOURS {
                    assert!(s.per_person_wellbeing, "named only when the team opts in");
                }
            }
            None => assert!(sig.rule == signals::AFTER_HOURS && !s.per_person_wellbeing),
        }
        if sig.rule == signals::PLAN_DRIFT {
            let (n, m) = sig
                .detail
                .split_once(" planned")
                .unwrap()
                .0
                .split_once(" of ")
                .unwrap();
            let (n, m): (u32, u32) = (n.parse().unwrap(), m.parse().unwrap());
            assert!(
                n <= m && m >= 3 && n * 100 >= s.plan_drift_percent() * m,
                "{sig:?}"
            );
        }
        if sig.rule == signals::SAME_PLAN {
            let n: u32 = sig.detail["planned the same in ".len()..]
                .split(' ')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert!(n >= s.same_plan_days(), "{sig:?}");
        }
    }
}
