//! Resolved settings: the flags, the environment and the user config turned
//! into what the commands need (which team, which store, who you are), so
//! commands never look at clap types or config layers themselves.

use crate::cli::{ColorChoice, GlobalArgs};
use crate::config::{Paths, TeamConfig, UserConfig};
use crate::error::{Error, Result};
use crate::model::{Handle, TeamFile};
use crate::render::{self, Out};
use crate::store::{RemoteSpec, Store, Transport};
use chrono::{DateTime, Utc};

/// Everything a command needs to know about how it was called.
pub struct Context {
    /// Now (pinned by ASYNC_UP_NOW in tests).
    pub now: DateTime<Utc>,
    /// Where files live.
    pub paths: Paths,
    /// The user config.
    pub config: UserConfig,
    /// The global flags.
    pub global: GlobalArgs,
    /// The transport for remotes.
    pub transport: Transport,
    /// How long to wait for another async-up's lock on a mirror; `None`
    /// with `--offline`, which never waits (see [`Store::set_lock_wait`]).
    pub lock_wait: Option<std::time::Duration>,
}

/// The team a command works on.
pub struct Team {
    /// Its name.
    pub name: String,
    /// Its store.
    pub store: Store,
    /// Its entry in the user config (none for `--repo` and the local team).
    pub config: Option<TeamConfig>,
    /// True for the local-only team used before joining one.
    pub local_only: bool,
}

/// Who is running async-up.
#[derive(Debug, Clone)]
pub struct Identity {
    /// Handle.
    pub handle: Handle,
    /// Display name.
    pub name: String,
    /// Email.
    pub email: String,
}

impl Context {
    /// Resolves the context from the global flags.
    pub fn new(global: GlobalArgs) -> Result<Self> {
        let now = crate::clock::pinned()?.unwrap_or_else(Utc::now);
        let paths = Paths::discover()?;
        let config = UserConfig::load(&paths.config_file)?;
        let transport = match std::env::var("ASYNC_UP_TRANSPORT")
            .ok()
            .filter(|s| !s.is_empty())
        {
            Some(t) => Transport::parse(&t)?,
            None => match &config.transport {
                Some(t) => Transport::parse(t).map_err(|e| Error::BadFile {
                    path: paths.config_file.display().to_string(),
                    message: e.to_string(),
                })?,
                None => Transport::detect(),
            },
        };
        let lock_wait = match std::env::var("ASYNC_UP_LOCK_WAIT") {
            _ if global.offline => None,
            Ok(s) if !s.trim().is_empty() => Some(std::time::Duration::from_secs(
                s.trim().parse().map_err(|_| {
                    Error::Usage(format!(
                        "ASYNC_UP_LOCK_WAIT={s:?} is not a number of seconds, such as 60"
                    ))
                })?,
            )),
            _ => Some(crate::store::DEFAULT_LOCK_WAIT),
        };
        crate::store::remote::timeout::configure(config.network_timeout, &paths.config_file)?;
        crate::store::remote::progress::enable(
            !global.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()),
        );
        Ok(Context {
            now,
            paths,
            config,
            global,
            transport,
            lock_wait,
        })
    }

    /// How output looks.
    pub fn out(&self) -> Out {
        Out::for_stdout(match self.global.color {
            ColorChoice::Always => Some(true),
            ColorChoice::Never => Some(false),
            ColorChoice::Auto => None,
        })
    }

    /// Prints a note unless `-q`.
    pub fn note(&self, text: &str) {
        render::note(self.global.quiet, text);
    }

    /// Opens the team the flags and config point at.
    pub fn open_team(&self) -> Result<Team> {
        if let Some(path) = &self.global.repo {
            let store = Store::open_external(path)?;
            let name = store
                .snapshot()?
                .team_file()
                .map(|t: TeamFile| t.name)
                .unwrap_or_else(|| {
                    path.canonicalize()
                        .ok()
                        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
                        .unwrap_or_else(|| "team".to_string())
                });
            return Ok(Team {
                name,
                store,
                config: None,
                local_only: false,
            });
        }
        match self.chosen_team() {
            Some(name) => self.open_team_named(&name),
            None => self.open_local_team(),
        }
    }

    /// The joined team `open_team` opens without `--repo`: the one `--team`
    /// names, else the default one, else the only one; `None` for the
    /// local-only team.
    pub fn chosen_team(&self) -> Option<String> {
        self.global.team().cloned().or_else(|| self.default_team())
    }

    /// The team a command without `--team` works on, when one is joined.
    pub fn default_team(&self) -> Option<String> {
        self.config.default_team.clone().or_else(|| {
            (self.config.teams.len() == 1)
                .then(|| self.config.teams.keys().next().cloned())
                .flatten()
        })
    }

    /// Whether the mirror of the joined team `name` opens as it is: present
    /// and healthy, so [`Context::open_mirror`] would not rebuild it from
    /// the remote. An unknown team is left for `open_team` to report.
    pub fn mirror_is_usable(&self, name: &str) -> Option<bool> {
        let team = self.config.teams.get(name)?;
        // A name that cannot be a path is left for `open_team` to report.
        let path = self.paths.mirror(name).ok()?;
        let spec = RemoteSpec {
            url: team.remote.clone(),
            transport: self.transport,
        };
        Some(path.exists() && Store::open_mirror(&path, Some(spec)).is_ok_and(|s| s.is_healthy()))
    }

    /// Opens the joined team called `name` (see [`UserConfig::select_teams`]
    /// for views over several).
    pub fn open_team_named(&self, name: &str) -> Result<Team> {
        crate::config::check_team_name(name).map_err(|e| {
            Error::Usage(format!("{e} (from --team, ASYNC_UP_TEAM or default_team)"))
        })?;
        let name = name.to_string();
        let team_config = self.config.teams.get(&name).cloned().ok_or_else(|| {
            let known: Vec<&str> = self.config.teams.keys().map(String::as_str).collect();
            Error::UnknownTeam {
                name: name.clone(),
                known: if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                },
            }
        })?;
        let mut store = self.open_mirror(&name, &team_config)?;
        store.set_signer(self.signer(Some(&team_config)));
        store.set_owner(self.handle(Some(&team_config)).ok());
        store.set_lock_wait(self.lock_wait);
        Ok(Team {
            name,
            store,
            config: Some(team_config),
            local_only: false,
        })
    }

    /// Opens a joined team's mirror, rebuilding it from the remote when it is
    /// gone or damaged; your pending updates that can still be read from a
    /// damaged one are recovered and pushed.
    pub fn open_mirror(&self, name: &str, team: &TeamConfig) -> Result<Store> {
        let path = self.paths.mirror(name)?;
        let spec = RemoteSpec {
            url: team.remote.clone(),
            transport: self.transport,
        };
        let mut damaged = None;
        if path.exists() {
            match Store::open_mirror(&path, Some(spec.clone())) {
                Ok(store) if store.is_healthy() => return Ok(store),
                _ => {
                    let aside = path.with_extension(format!("damaged-{}", self.now.timestamp()));
                    std::fs::rename(&path, &aside).map_err(|e| {
                        Error::io(
                            format!("moving the damaged mirror {} aside", path.display()),
                            e,
                        )
                    })?;
                    render::warn(&format!(
                        "the mirror of team {name} is damaged; moved it to {} and rebuilding it from {}",
                        aside.display(),
                        team.remote
                    ));
                    damaged = Some(aside);
                }
            }
        } else {
            self.note(&format!(
                "the mirror of team {name} is missing; rebuilding it from {}",
                team.remote
            ));
        }
        if self.global.offline {
            return Err(Error::Usage(format!(
                "the mirror of team {name} must be fetched again and --offline forbids it; run without --offline"
            )));
        }
        let store = Store::create_mirror(&path, spec)?;
        if let Some(aside) = damaged {
            let me = self.identity(Some(team))?;
            let signature = git2::Signature::now(&me.name, &me.email)?;
            let recovered = store.recover_from(&aside, &me.handle, &signature)?;
            if recovered > 0 {
                render::warn(&format!(
                    "recovered {recovered} pending update(s) from the damaged mirror"
                ));
                match store.sync()? {
                    crate::store::sync::SyncOutcome::Pushed { .. } => {
                        self.note("pushed the recovered update(s)")
                    }
                    _ => self.note("the recovered update(s) will be pushed by the next sync"),
                }
            }
        }
        Ok(store)
    }

    /// The signer for `team`, when a signing key is configured.
    pub fn signer(&self, team: Option<&TeamConfig>) -> Option<crate::trust::signing::Signer> {
        let key = team
            .and_then(|t| t.signing_key.clone())
            .or_else(|| self.config.signing_key.clone())?;
        let path = match key.strip_prefix("~/") {
            Some(rest) => std::env::var_os("HOME")
                .map(std::path::PathBuf::from)
                .unwrap_or_default()
                .join(rest),
            None => std::path::PathBuf::from(key),
        };
        Some(crate::trust::signing::Signer { key: path })
    }

    fn open_local_team(&self) -> Result<Team> {
        let (mut store, created) = Store::open_or_create_local(&self.paths.local_team())?;
        store.set_lock_wait(self.lock_wait);
        if created {
            self.note(&format!(
                "no team joined yet: using a local-only team in {}.\nTo share updates, join a team with `async-up init <REMOTE>` (a git URL or path).",
                self.paths.local_team().display()
            ));
        }
        Ok(Team {
            name: "local".to_string(),
            store,
            config: None,
            local_only: true,
        })
    }

    /// Your handle in `team`: the team's config, then the user config, then
    /// `ASYNC_UP_USER`, then the local part of your git email, then the login
    /// name. git is asked only when none of the first three names you, so a
    /// command that reads spawns no process for it.
    pub fn handle(&self, team: Option<&TeamConfig>) -> Result<Handle> {
        let handle_text = team
            .and_then(|t| t.handle.clone())
            .or_else(|| self.config.handle.clone())
            .or_else(|| {
                std::env::var("ASYNC_UP_USER")
                    .ok()
                    .filter(|s| !s.is_empty())
            });
        match handle_text {
            Some(h) => Handle::parse(&h),
            None => crate::gitconfig::committer_email()
                .as_deref()
                .and_then(Handle::from_email)
                .or_else(|| {
                    crate::gitconfig::login_name().and_then(|u| Handle::from_loose(&u))
                })
                .ok_or_else(|| {
                    Error::Usage(
                        "cannot tell who you are: set git's user.email, or pass --user HANDLE to `async-up init`, or set ASYNC_UP_USER".into(),
                    )
                }),
        }
    }

    /// Who you are in `team`: the handle (see [`Context::handle`]), and the
    /// email and name from the team's config, else what git would commit
    /// with (see [`crate::gitconfig`]).
    pub fn identity(&self, team: Option<&TeamConfig>) -> Result<Identity> {
        let handle = self.handle(team)?;
        // git is asked once per process: `gitconfig` keeps its answer.
        let email = team
            .and_then(|t| t.email.clone())
            .or_else(crate::gitconfig::committer_email)
            .unwrap_or_else(|| format!("{handle}@localhost"));
        let name = team
            .and_then(|t| t.name.clone())
            .or_else(crate::gitconfig::committer_name)
            .unwrap_or_else(|| handle.to_string());
        Ok(Identity {
            handle,
            name,
            email,
        })
    }
}

/// A value from git's config, read as git reads it (see [`crate::gitconfig`]).
pub fn git_config(key: &str) -> Option<String> {
    crate::gitconfig::get(key)
}
