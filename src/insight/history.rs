//! One member's history as the views over a period hold it: read one update
//! at a time and kept as what the figures need (a date, when it was written,
//! a mood, and each blocker's life), so what is held grows with the days and
//! the distinct blockers, not with the blockers listed in every update. A
//! member can list thousands of blockers in each of thousands of updates.

use super::BlockerLife;
use crate::model::Update;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::{HashMap, HashSet};

/// What the figures need of one update.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    /// The update's date.
    pub date: NaiveDate,
    /// When it was written, with the author's offset.
    pub written_at: DateTime<FixedOffset>,
    /// Its mood, if given.
    pub mood: Option<u8>,
}

/// Blocker lives built one update at a time (oldest first). A blocker is
/// opened on its `since` date and resolved on the date of the first later
/// update that no longer carries its id; one carried again is open again.
#[derive(Debug, Default)]
pub struct Lives {
    lives: HashMap<String, BlockerLife>,
    open: HashSet<String>,
    steps: u64,
}

impl Lives {
    /// Takes the next update's blockers.
    pub fn push(&mut self, u: &Update) {
        self.steps += (self.open.len() + u.blockers.len()) as u64;
        let now: HashSet<&str> = u.blockers.iter().map(|b| b.id.as_str()).collect();
        for id in self.open.iter().filter(|id| !now.contains(id.as_str())) {
            if let Some(life) = self.lives.get_mut(id) {
                life.resolved.get_or_insert(u.date);
            }
        }
        for b in &u.blockers {
            match self.lives.get_mut(b.id.as_str()) {
                Some(life) => {
                    if life.text != b.text {
                        life.text.clone_from(&b.text);
                    }
                    life.resolved = None;
                }
                None => {
                    self.lives.insert(
                        b.id.clone(),
                        BlockerLife {
                            id: b.id.clone(),
                            text: b.text.clone(),
                            since: b.since,
                            resolved: None,
                        },
                    );
                }
            }
        }
        // Ids still open stay; the rest are replaced by this update's.
        self.open.retain(|id| now.contains(id.as_str()));
        for id in now {
            if !self.open.contains(id) {
                self.open.insert(id.to_string());
            }
        }
    }

    /// Every life, sorted by id.
    pub fn finish(self) -> Vec<BlockerLife> {
        crate::debug_counts::count("blocker_steps", self.steps);
        let mut lives: Vec<BlockerLife> = self.lives.into_values().collect();
        lives.sort_by(|a, b| a.id.cmp(&b.id));
        lives
    }
}

/// One member's history over a period, held lean: the update before the
/// period (for the blockers it carries in) and each update in it.
#[derive(Debug, Default)]
pub struct MemberHistory {
    /// Each update, oldest first.
    pub days: Vec<Day>,
    /// The latest update read, whole.
    pub latest: Option<Update>,
    /// Every blocker's life, sorted by id.
    pub lives: Vec<BlockerLife>,
}

/// Builds a [`MemberHistory`] from updates given oldest first, holding one
/// whole update at a time.
#[derive(Debug, Default)]
pub struct HistoryBuilder {
    days: Vec<Day>,
    latest: Option<Update>,
    lives: Lives,
}

impl HistoryBuilder {
    /// Takes the next update (oldest first).
    pub fn push(&mut self, u: Update) {
        let held = self.latest.as_ref().map_or(0, |l| l.blockers.len()) + u.blockers.len();
        crate::debug_counts::peak("blockers_held", held as u64);
        self.lives.push(&u);
        self.days.push(Day {
            date: u.date,
            written_at: u.written_at,
            mood: u.mood,
        });
        self.latest = Some(u);
    }

    /// The history.
    pub fn finish(self) -> MemberHistory {
        MemberHistory {
            days: self.days,
            latest: self.latest,
            lives: self.lives.finish(),
        }
    }
}
