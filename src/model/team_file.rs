//! The team file, `async-up.toml` at the root of the team repo.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// Team-wide settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamFile {
    /// File format version.
    #[serde(default = "one")]
    pub version: u32,
    /// The team's display name.
    pub name: String,
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
        }
    }

    /// Parses the team file.
    pub fn from_toml(path: &str, text: &str) -> Result<Self> {
        toml::from_str(text).map_err(|e| Error::BadFile {
            path: path.to_string(),
            message: e
                .to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        })
    }

    /// Serializes the team file.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a TeamFile always serializes")
    }
}
