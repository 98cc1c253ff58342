//! One member's history as the views over a period hold it: read one update
//! at a time and kept as what the figures need (a date, when it was written,
//! a mood, and each blocker's life), so what is held grows with the days and
//! the distinct blockers, not with the blockers listed in every update. A
//! member can list thousands of blockers in each of thousands of updates.

use super::BlockerLife;
use crate::model::Update;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::HashMap;

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
/// Each listed blocker costs one lookup by id: the lives are kept in a list,
/// and which were open is a list of places in it.
#[derive(Debug, Default)]
pub struct Lives {
    at: HashMap<String, usize>,
    /// Each life, with the number of the last update that listed it.
    lives: Vec<(BlockerLife, u64)>,
    open: Vec<usize>,
    updates: u64,
    steps: u64,
}

impl Lives {
    /// Takes the next update's blockers.
    pub fn push(&mut self, u: &Update) {
        self.updates += 1;
        self.steps += (self.open.len() + u.blockers.len()) as u64;
        let mut now = Vec::with_capacity(u.blockers.len());
        for b in &u.blockers {
            let i = match self.at.get(b.id.as_str()) {
                Some(&i) => {
                    let life = &mut self.lives[i].0;
                    if life.text != b.text {
                        life.text.clone_from(&b.text);
                    }
                    // Resolved earlier and listed again: open again.
                    life.resolved = None;
                    i
                }
                None => {
                    self.at.insert(b.id.clone(), self.lives.len());
                    self.lives.push((
                        BlockerLife {
                            id: b.id.clone(),
                            text: b.text.clone(),
                            since: b.since,
                            resolved: None,
                        },
                        0,
                    ));
                    self.lives.len() - 1
                }
            };
            self.lives[i].1 = self.updates;
            now.push(i);
        }
        for &i in &self.open {
            let (life, listed) = &mut self.lives[i];
            if *listed != self.updates {
                life.resolved.get_or_insert(u.date);
            }
        }
        self.open = now;
    }

    /// Every life, sorted by id.
    pub fn finish(self) -> Vec<BlockerLife> {
        crate::debug_counts::count("blocker_steps", self.steps);
        let mut lives: Vec<BlockerLife> = self.lives.into_iter().map(|(l, _)| l).collect();
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
