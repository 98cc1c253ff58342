//! The user config, `config.toml` in the config dir (XDG_CONFIG_HOME on
//! Linux): which teams this user has joined and as whom. Layers, lowest
//! first: built-in defaults, this file, `ASYNC_UP_*` variables, flags.
//! Team-wide settings live in the team repo, not here.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The user config file.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserConfig {
    /// The team used when `--team` is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_team: Option<String>,
    /// Your handle in every team that does not set its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    /// `git` or `libgit2`; detected when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport: Option<String>,
    /// SSH key that signs your commits in every team that does not set its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_key: Option<String>,
    /// Seconds without progress before a fetch or push gives up (30 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_timeout: Option<u64>,
    /// Where `write` looks for your own commits to suggest.
    #[serde(default, skip_serializing_if = "Activity::is_empty")]
    pub activity: Activity,
    /// Joined teams by name.
    #[serde(default)]
    pub teams: BTreeMap<String, TeamConfig>,
}

/// `[activity]` in the user config.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// Local repositories: paths, `~/` for home, a last `*` for every folder in one.
    #[serde(default)]
    pub repos: Vec<String>,
}

impl Activity {
    fn is_empty(&self) -> bool {
        self.repos.is_empty()
    }
}

/// One joined team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamConfig {
    /// The shared repository.
    pub remote: String,
    /// Your handle in this team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    /// Your display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Your email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Your IANA zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// SSH key that signs your commits in this team (`~/` is your home).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_key: Option<String>,
}

/// Where async-up keeps its files.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The user config file.
    pub config_file: PathBuf,
    /// Mirrors and the local-only team live here.
    pub data_dir: PathBuf,
}

impl Paths {
    /// The platform's dirs (XDG on Linux).
    pub fn discover() -> Result<Self> {
        let dirs = directories::ProjectDirs::from("", "", "async-up").ok_or_else(|| {
            Error::Usage(
                "cannot find a home directory: set HOME (or XDG_CONFIG_HOME and XDG_DATA_HOME)"
                    .into(),
            )
        })?;
        Ok(Paths {
            config_file: dirs.config_dir().join("config.toml"),
            data_dir: dirs.data_dir().to_path_buf(),
        })
    }

    /// The mirror of a joined team. A name that is not a plain name
    /// ([`check_team_name`]) is refused rather than joined to a path: it
    /// could name any folder, which a damaged-looking mirror is moved from.
    pub fn mirror(&self, team: &str) -> Result<PathBuf> {
        check_team_name(team).map_err(Error::Usage)?;
        Ok(self.data_dir.join("teams").join(format!("{team}.git")))
    }

    /// The local-only team used before joining one.
    pub fn local_team(&self) -> PathBuf {
        self.data_dir.join("local.git")
    }
}

/// The longest team name: it is a folder and a file name.
pub const MAX_TEAM_NAME: usize = 100;

/// Whether `name` may name a team: it becomes `teams/<name>.git` and
/// `<stem>-<name>.html`, so it is letters, digits, `.`, `_` and `-`, at
/// most [`MAX_TEAM_NAME`] of them, and does not start with `.` (no `.`,
/// `..` or hidden folder). The error says so, naming the value.
pub fn check_team_name(name: &str) -> std::result::Result<(), String> {
    let plain = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if plain && !name.is_empty() && !name.starts_with('.') && name.len() <= MAX_TEAM_NAME {
        Ok(())
    } else {
        Err(format!(
            "team name {:?} must be 1 to {MAX_TEAM_NAME} letters, digits, '.', '_' or '-', not starting with '.'",
            crate::render::sanitize::clean(name)
        ))
    }
}

/// A team name from `--team` or `ASYNC_UP_TEAM`, checked before any use.
fn check_asked_name(name: &str) -> Result<()> {
    check_team_name(name).map_err(|e| Error::Usage(format!("{e} (from --team or ASYNC_UP_TEAM)")))
}

impl UserConfig {
    /// The teams a view over several shows: every joined team with
    /// `--all-teams`, else the ones `--team` named, each once, in the order
    /// given. An unknown name is an error naming the joined ones.
    pub fn select_teams(&self, named: &[String], all: bool) -> Result<Vec<String>> {
        if all {
            if !named.is_empty() {
                return Err(Error::Usage(
                    "--all-teams and --team cannot be used together; give one of them".into(),
                ));
            }
            if self.teams.is_empty() {
                return Err(Error::Usage(
                    "--all-teams: no team joined yet; join one with `async-up init <REMOTE>`"
                        .into(),
                ));
            }
            return Ok(self.teams.keys().cloned().collect());
        }
        let mut chosen: Vec<String> = Vec::new();
        for name in named {
            check_asked_name(name)?;
            if !self.teams.contains_key(name) {
                let known: Vec<&str> = self.teams.keys().map(String::as_str).collect();
                return Err(Error::UnknownTeam {
                    name: name.clone(),
                    known: if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    },
                });
            }
            if !chosen.contains(name) {
                chosen.push(name.clone());
            }
        }
        Ok(chosen)
    }

    /// Reads the config; a missing file is an empty config.
    pub fn load(path: &Path) -> Result<Self> {
        Self::read(path, true)
    }

    /// Reads the config without a word on stderr, for shell completion:
    /// the shell would print it in the middle of the command line.
    pub fn load_quietly(path: &Path) -> Result<Self> {
        Self::read(path, false)
    }

    fn read(path: &Path, warn_unknown: bool) -> Result<Self> {
        // Read only as a regular file of at most 1 MiB: a FIFO or a device
        // in its place is an error naming it, not a command that hangs.
        let text = match crate::fsutil::read_regular(path, 1 << 20) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|_| Error::BadFile {
                path: path.display().to_string(),
                message: "not UTF-8 text; fix or remove the file".to_string(),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => return Err(Error::io(format!("reading {}", path.display()), e)),
        };
        // A key async-up does not know is most likely a typo
        // (`defualt_team`), which would otherwise be ignored without a word.
        let mut unknown = Vec::new();
        let parsed = crate::model::toml_read::document(&text).and_then(|document| {
            serde_ignored::deserialize(document, |key| unknown.push(key.to_string()))
        });
        for key in unknown.iter().filter(|_| warn_unknown) {
            crate::render::warn(&format!(
                "{}: unknown key {} is ignored",
                path.display(),
                crate::render::sanitize::clean(key)
            ));
        }
        let config: Self = parsed.map_err(|e| Error::BadFile {
            path: path.display().to_string(),
            message: format!(
                "{}; fix or remove the file",
                e.to_string()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        })?;
        // A config file can be shared or pasted in: a remote that git would
        // read as an option, or a team name that is a path (it becomes
        // `teams/<name>.git`), must stop here, before any command uses them.
        let bad = |message: String| Error::BadFile {
            path: path.display().to_string(),
            message,
        };
        let mut folded: BTreeMap<String, &str> = BTreeMap::new();
        for (name, team) in &config.teams {
            let shown = crate::render::sanitize::clean(name);
            check_team_name(name).map_err(|e| bad(format!("{e}; rename or remove that team")))?;
            crate::store::remote_url::check(&team.remote)
                .map_err(|e| bad(format!("team {shown:?}: {e}; fix or remove that team")))?;
            // On macOS and Windows `teams/Web.git` and `teams/web.git` are
            // one folder: two teams would share a mirror and a report page.
            if let Some(other) = folded.insert(name.to_ascii_lowercase(), name) {
                return Err(bad(format!(
                    "teams {other:?} and {shown:?} differ only in case, and would share a folder; rename one"
                )));
            }
        }
        if let Some(name) = &config.default_team {
            check_team_name(name)
                .map_err(|e| bad(format!("default_team: {e}; fix or remove it")))?;
        }
        Ok(config)
    }

    /// Writes the config atomically. People edit this file by hand: what
    /// they wrote (comments, order, layout) stays, and only the keys whose
    /// value changed are rewritten ([`crate::keep_toml`]).
    pub fn save(&self, path: &Path) -> Result<()> {
        let original = std::fs::read_to_string(path).ok();
        let before = original
            .as_deref()
            .and_then(|text| toml::from_str::<Self>(text).ok())
            .unwrap_or_default();
        let text = crate::keep_toml::edit(original.as_deref(), &before, self);
        crate::fsutil::write_atomically(path, text.as_bytes())
    }
}
