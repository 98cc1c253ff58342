//! The team file, `async-up.toml` at the root of the team repo.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Team-wide settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamFile {
    /// File format version.
    #[serde(default = "one")]
    pub version: u32,
    /// The team's display name.
    pub name: String,
    /// Handles of the members who may change the team's trust anchors (this
    /// file and the allowed signers file). `audit` judges each such change
    /// against the maintainers named in the file as it stood before it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maintainers: Vec<String>,
    /// Commit signing policy, checked by `audit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing: Option<Signing>,
    /// The team's own questions, asked after the default ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<super::question::Question>,
    /// What `stats`, `digest` and `report` may show per person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insight: Option<Insight>,
    /// `[links]`: a pattern (a regular expression) to the address its
    /// matches link to, `$1` for what its first group captured, like
    /// `"PROJ-(\\d+)" = "https://tracker.example/browse/PROJ-$1"`. Kept as
    /// written here; [`crate::render::links::Links::from_team`] checks each
    /// entry and leaves out, with a warning, the ones that are not safe.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub links: BTreeMap<String, toml::Value>,
}

/// `[insight]` in the team file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Insight {
    /// Show mood and after-hours writing per person (otherwise only as team aggregates).
    #[serde(default)]
    pub per_person_wellbeing: bool,
    /// The fewest members a team wellbeing figure may stand for; below it
    /// the figure is withheld (default [`Insight::MIN_GROUP`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_group: Option<u32>,
    /// Workdays in a row with the same plan before `same-plan` fires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_plan_days: Option<u32>,
    /// Days a blocker stays open with no reply before `blocker-unanswered` fires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocker_days: Option<u32>,
    /// Percent of planned items never reported before `plan-drift` fires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_drift_percent: Option<u32>,
}

impl Insight {
    /// Default `min_group`: a team figure never stands for one or two people.
    pub const MIN_GROUP: u32 = 3;

    /// `min_group`, or its default.
    pub fn min_group(&self) -> u32 {
        self.min_group.unwrap_or(Self::MIN_GROUP)
    }

    /// `same_plan_days`, or its default.
    pub fn same_plan_days(&self) -> u32 {
        self.same_plan_days.unwrap_or(3)
    }

    /// `blocker_days`, or its default.
    pub fn blocker_days(&self) -> u32 {
        self.blocker_days.unwrap_or(3)
    }

    /// `plan_drift_percent`, or its default.
    pub fn plan_drift_percent(&self) -> u32 {
        self.plan_drift_percent.unwrap_or(50)
    }

    /// What is wrong with the settings, naming the key, if anything.
    fn problem(&self) -> Option<String> {
        let keys = [
            ("min_group", self.min_group, 1, 1000),
            ("same_plan_days", self.same_plan_days, 2, 366),
            ("blocker_days", self.blocker_days, 1, 366),
            ("plan_drift_percent", self.plan_drift_percent, 1, 100),
        ];
        keys.into_iter().find_map(|(key, value, low, high)| {
            value
                .filter(|v| !(low..=high).contains(v))
                .map(|v| format!("[insight] {key} = {v} is out of range; use {low} to {high}"))
        })
    }
}

/// `[signing]` in the team file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signing {
    /// Every commit to a member's files must carry that member's SSH signature.
    #[serde(default)]
    pub required: bool,
    /// The file in the team repo listing members' keys (ssh-keygen's allowed signers format).
    #[serde(default = "default_allowed_signers")]
    pub allowed_signers: String,
}

fn default_allowed_signers() -> String {
    "allowed_signers".to_string()
}

fn one() -> u32 {
    1
}

impl TeamFile {
    /// A new team file.
    pub fn new(name: &str) -> Self {
        TeamFile {
            version: 1,
            name: name.to_string(),
            maintainers: Vec::new(),
            signing: None,
            questions: Vec::new(),
            insight: None,
            links: BTreeMap::new(),
        }
    }

    /// The team file `init` writes into an empty repo: the member who seeds
    /// the team is its first maintainer.
    pub fn seeded(name: &str, maintainer: &str) -> Self {
        TeamFile {
            maintainers: vec![maintainer.to_string()],
            ..TeamFile::new(name)
        }
    }

    /// Parses the team file.
    pub fn from_toml(path: &str, text: &str) -> Result<Self> {
        let bad = |message: String| Error::BadFile {
            path: path.to_string(),
            message,
        };
        let file: TeamFile = super::toml_read::from_str(text).map_err(|e| {
            bad(e
                .to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "))
        })?;
        match file.insight.as_ref().and_then(Insight::problem) {
            Some(problem) => Err(bad(problem)),
            None => Ok(file),
        }
    }

    /// Serializes the team file.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a TeamFile always serializes")
    }
}
