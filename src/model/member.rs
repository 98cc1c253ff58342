//! A member file, `members/<handle>.toml`: who someone is and where they live.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// A team member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The member's handle; must match the file name.
    pub handle: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Email, used to check who wrote what.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// IANA time zone, such as `Asia/Kolkata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

impl Member {
    /// Parses a member file; `path` names it in errors.
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

    /// Serializes the member as stored.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a Member always serializes")
    }

    /// The member's zone; an unknown or missing zone reads as UTC.
    pub fn tz(&self) -> chrono_tz::Tz {
        self.timezone
            .as_deref()
            .and_then(|z| z.parse().ok())
            .unwrap_or(chrono_tz::UTC)
    }
}
