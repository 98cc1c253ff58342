//! Team wellbeing figures and the minimum group they may stand for.
//!
//! Mood and after-hours writing are shown per person only when the team
//! opts in (`[insight] per_person_wellbeing`). Otherwise they are shown for
//! the team alone, and a team figure drawn from one or two people is their
//! figure under another name: below `[insight] min_group` members the figure
//! is withheld, with the reason, rather than shown.

use super::Figures;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A team wellbeing figure, or why it is withheld.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown<T> {
    /// The figure.
    Value(T),
    /// Withheld, and why.
    Withheld(String),
}

impl<T> Shown<T> {
    /// The figure, if shown.
    pub fn value(&self) -> Option<&T> {
        match self {
            Shown::Value(v) => Some(v),
            Shown::Withheld(_) => None,
        }
    }

    /// Why it is withheld, if it is.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Shown::Value(_) => None,
            Shown::Withheld(r) => Some(r),
        }
    }
}

/// The team's wellbeing figures as they may be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamWellbeing {
    /// Share of the team's updates written after hours.
    pub after_hours: Shown<f64>,
    /// The mean of every mood given (`None`: nobody gave one).
    pub mood: Shown<Option<f64>>,
}

/// The mean of every mood in `f`.
pub fn mood_average(f: &Figures) -> Option<f64> {
    (!f.moods.is_empty())
        .then(|| f.moods.iter().map(|(_, m)| f64::from(*m)).sum::<f64>() / f.moods.len() as f64)
}

/// The team's wellbeing figures from its members' figures and their total.
/// A figure counts the members who gave to it (wrote an update in the
/// period; gave a mood); when the team shows wellbeing per person anyway,
/// withholding the total would hide nobody, so it is shown.
pub fn team_wellbeing(
    members: &[(String, Figures)],
    team: &Figures,
    per_person: bool,
    min_group: u32,
) -> TeamWellbeing {
    let group = |gave: fn(&Figures) -> bool, figure: &str, what: &str| -> Option<String> {
        let n = members.iter().filter(|(_, f)| gave(f)).count();
        (!per_person && n < min_group as usize).then(|| {
            format!(
                "team {figure} withheld: {n} member(s) {what}, fewer than the {min_group} a team figure needs ([insight] min_group)"
            )
        })
    };
    TeamWellbeing {
        after_hours: match group(|f| f.all_updates > 0, "after-hours", "wrote in the period") {
            Some(reason) => Shown::Withheld(reason),
            None => Shown::Value(team.after_hours()),
        },
        mood: match group(|f| !f.moods.is_empty(), "mood", "gave a mood") {
            // Nobody gave a mood: there is nothing to withhold.
            Some(_) if team.moods.is_empty() => Shown::Value(None),
            Some(reason) => Shown::Withheld(reason),
            None => Shown::Value(mood_average(team)),
        },
    }
}

/// The moods of the days on which at least `min_group` of them were given
/// (one update per member a day, so one mood per member), for a team trend
/// whose every point stands for a group; all of them when `per_person`.
pub fn group_days(
    moods: &[(NaiveDate, u8)],
    per_person: bool,
    min_group: u32,
) -> Vec<(NaiveDate, u8)> {
    if per_person {
        return moods.to_vec();
    }
    let mut per_day: HashMap<NaiveDate, u32> = HashMap::new();
    for (d, _) in moods {
        *per_day.entry(*d).or_default() += 1;
    }
    moods
        .iter()
        .filter(|(d, _)| per_day[d] >= min_group)
        .copied()
        .collect()
}

/// The reasons the team's wellbeing figures are withheld, if they are.
pub fn reasons(w: &TeamWellbeing) -> Vec<String> {
    [w.after_hours.reason(), w.mood.reason()]
        .into_iter()
        .flatten()
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrote(n: u32, moods: &[u8]) -> Figures {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 16).unwrap();
        Figures {
            all_updates: n,
            after_hours_updates: n / 2,
            moods: moods.iter().map(|m| (day, *m)).collect(),
            ..Figures::default()
        }
    }

    fn team(members: &[(String, Figures)]) -> Figures {
        let mut t = Figures::default();
        members.iter().for_each(|(_, f)| t.add(f));
        t
    }

    #[test]
    fn two_people_are_not_a_team_figure_unless_per_person_is_on() {
        let m = vec![("a".into(), wrote(4, &[2])), ("b".into(), wrote(2, &[4]))];
        let w = team_wellbeing(&m, &team(&m), false, 3);
        assert!(w.after_hours.reason().unwrap().contains("2 member(s)"));
        assert!(w.mood.reason().unwrap().contains("min_group"));
        let w = team_wellbeing(&m, &team(&m), false, 2);
        assert_eq!(w.after_hours, Shown::Value(0.5));
        assert_eq!(w.mood, Shown::Value(Some(3.0)));
        let w = team_wellbeing(&m, &team(&m), true, 3);
        assert_eq!(w.mood, Shown::Value(Some(3.0)));
    }

    #[test]
    fn three_writers_but_one_mood_withholds_the_mood_only() {
        let m = vec![
            ("a".into(), wrote(2, &[1, 1])),
            ("b".into(), wrote(2, &[])),
            ("c".into(), wrote(2, &[])),
        ];
        let w = team_wellbeing(&m, &team(&m), false, 3);
        assert_eq!(w.after_hours, Shown::Value(0.5));
        assert!(w.mood.reason().unwrap().contains("1 member(s) gave a mood"));
    }
}
