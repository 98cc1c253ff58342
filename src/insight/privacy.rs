//! Team wellbeing figures and the minimum group they may stand for.
//!
//! Mood and after-hours writing are shown per person only when the team
//! opts in (`[insight] per_person_wellbeing`). Otherwise they are shown for
//! the team alone, and a team figure drawn from one or two people is their
//! figure under another name: below `[insight] min_group` members the figure
//! is withheld, with the reason, rather than shown. Nor may a difference
//! of two figures be: a team figure counts only the days on which at least
//! `min_group` members wrote (gave a mood), so two periods that differ by
//! a day one person wrote alone on give the same figure.

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
    /// The mean of the moods counted (`None`: nobody gave one).
    pub mood: Shown<Option<f64>>,
    /// What the figures were computed from, to pool teams ([`combined`]).
    pub counted: Counted,
}

/// The updates and moods a team's wellbeing figures count: those of the
/// days on which at least `min_group` members wrote (gave a mood), or all
/// of them when the team shows wellbeing per person.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counted {
    /// Updates written after hours, of those counted.
    pub after_hours: u32,
    /// Updates counted.
    pub updates: u32,
    /// The sum of the moods counted.
    pub mood_sum: u32,
    /// Moods counted.
    pub moods: u32,
}

impl Counted {
    fn after_hours_share(&self) -> f64 {
        if self.updates == 0 {
            0.0
        } else {
            f64::from(self.after_hours) / f64::from(self.updates)
        }
    }

    fn mood_mean(&self) -> Option<f64> {
        (self.moods > 0).then(|| f64::from(self.mood_sum) / f64::from(self.moods))
    }
}

/// The mean of every mood in `f`.
pub fn mood_average(f: &Figures) -> Option<f64> {
    (!f.moods.is_empty())
        .then(|| f.moods.iter().map(|(_, m)| f64::from(*m)).sum::<f64>() / f.moods.len() as f64)
}

/// The team's wellbeing figures from its members' figures and their total.
///
/// Unless the team shows wellbeing per person, a figure counts only the
/// days on which at least `min_group` members wrote (for after hours) or
/// gave a mood (for mood): a day one person alone wrote on would otherwise
/// be theirs by difference, between two periods that differ by that day.
/// A figure with no such day is withheld, with the reason.
pub fn team_wellbeing(
    members: &[(String, Figures)],
    team: &Figures,
    per_person: bool,
    min_group: u32,
) -> TeamWellbeing {
    let withheld = |gave: fn(&Figures) -> bool, figure: &str, what: &str| -> String {
        let n = members.iter().filter(|(_, f)| gave(f)).count();
        if n < min_group as usize {
            format!(
                "team {figure} withheld: {n} member(s) {what}, fewer than the {min_group} a team figure needs ([insight] min_group)"
            )
        } else {
            format!(
                "team {figure} withheld: {n} member(s) {what}, but never {min_group} or more on the same day ([insight] min_group)"
            )
        }
    };
    let writes = group_days(&team.written, per_person, min_group);
    let moods = group_days(&team.moods, per_person, min_group);
    let counted = Counted {
        after_hours: writes.iter().filter(|(_, late)| *late).count() as u32,
        updates: writes.len() as u32,
        mood_sum: moods.iter().map(|(_, m)| u32::from(*m)).sum(),
        moods: moods.len() as u32,
    };
    TeamWellbeing {
        after_hours: if writes.is_empty() && !per_person {
            Shown::Withheld(withheld(
                |f| f.all_updates > 0,
                "after-hours",
                "wrote in the period",
            ))
        } else {
            Shown::Value(counted.after_hours_share())
        },
        mood: if team.moods.is_empty() {
            // Nobody gave a mood: there is nothing to withhold.
            Shown::Value(None)
        } else if moods.is_empty() {
            Shown::Withheld(withheld(|f| !f.moods.is_empty(), "mood", "gave a mood"))
        } else {
            Shown::Value(counted.mood_mean())
        },
        counted,
    }
}

/// The wellbeing figures of several teams together: what each team's own
/// figures count, pooled, and shown only when every team's own is. A
/// combined figure beside one team's withheld figure would give it away by
/// subtraction (the sum minus the other teams); pooling only what each
/// team's own figure counts keeps the same two people in two teams from
/// making a group of four.
pub fn combined(teams: &[(String, TeamWellbeing)]) -> TeamWellbeing {
    let mut counted = Counted::default();
    for (_, w) in teams {
        counted.after_hours += w.counted.after_hours;
        counted.updates += w.counted.updates;
        counted.mood_sum += w.counted.mood_sum;
        counted.moods += w.counted.moods;
    }
    let withheld_by = |figure: &str, reason: fn(&TeamWellbeing) -> Option<&str>| {
        let names: Vec<&str> = teams
            .iter()
            .filter(|(_, w)| reason(w).is_some())
            .map(|(n, _)| n.as_str())
            .collect();
        (!names.is_empty()).then(|| {
            format!(
                "combined {figure} withheld: team(s) {} withhold their own, which it would give away",
                names.join(", ")
            )
        })
    };
    TeamWellbeing {
        after_hours: match withheld_by("after-hours", |w| w.after_hours.reason()) {
            Some(reason) => Shown::Withheld(reason),
            None => Shown::Value(counted.after_hours_share()),
        },
        mood: match withheld_by("mood", |w| w.mood.reason()) {
            Some(reason) => Shown::Withheld(reason),
            None => Shown::Value(counted.mood_mean()),
        },
        counted,
    }
}

/// The entries (moods, or updates with whether they were written after
/// hours) of the days on which at least `min_group` of them were given (one
/// update per member a day, so one entry per member), for a team figure
/// whose every day stands for a group; all of them when `per_person`.
pub fn group_days<T: Copy>(
    entries: &[(NaiveDate, T)],
    per_person: bool,
    min_group: u32,
) -> Vec<(NaiveDate, T)> {
    if per_person {
        return entries.to_vec();
    }
    let mut per_day: HashMap<NaiveDate, u32> = HashMap::new();
    for (d, _) in entries {
        *per_day.entry(*d).or_default() += 1;
    }
    entries
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
            written: (0..n)
                .map(|i| (day + chrono::Days::new(u64::from(i)), i % 2 == 0))
                .collect(),
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

    #[test]
    fn a_combined_figure_shows_only_when_every_team_s_own_does() {
        let three = vec![
            ("a".into(), wrote(2, &[5])),
            ("b".into(), wrote(2, &[5])),
            ("c".into(), wrote(2, &[5])),
        ];
        let one = vec![("d".into(), wrote(2, &[1]))];
        let big = team_wellbeing(&three, &team(&three), false, 3);
        let small = team_wellbeing(&one, &team(&one), false, 3);
        assert_eq!(big.mood, Shown::Value(Some(5.0)));
        let both = combined(&[("big".into(), big.clone()), ("small".into(), small)]);
        assert!(both.mood.reason().unwrap().contains("small"));
        assert!(both.after_hours.reason().is_some());
        let twice = combined(&[("x".into(), big.clone()), ("y".into(), big)]);
        assert_eq!(twice.mood, Shown::Value(Some(5.0)));
        assert_eq!(twice.after_hours, Shown::Value(0.5));
    }
}
