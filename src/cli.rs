//! The command line, as clap types only. This definition is the one source of
//! help text, completions and man pages.

use crate::commands;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Asynchronous stand-ups through your own git repository.
///
/// Each update is one TOML file in a shared git repo; git is the transport,
/// so it works offline and catches up later. Start with `async-up write`.
#[derive(Debug, Parser)]
#[command(
    name = "async-up",
    version,
    propagate_version = true,
    max_term_width = 100,
    after_long_help = EXIT_CODES
)]
pub struct Cli {
    /// Options every subcommand accepts.
    #[command(flatten)]
    pub global: GlobalArgs,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The exit codes, the same for every subcommand.
pub const EXIT_CODES: &str = "Exit codes:
  0  success
  1  found something: blockers listed, audit violations, not written yet (status), a doctor check failed,
     something new (inbox), a match (search), a reminder shown (remind)
  2  error: bad input, unknown team, a refused push, an unreachable remote where one is needed
  130, 143  stopped by SIGINT (Ctrl-C) or SIGTERM: 128 + the signal

Environment: ASYNC_UP_TEAM, ASYNC_UP_OFFLINE, ASYNC_UP_STRICT, ASYNC_UP_TRANSPORT, ASYNC_UP_USER, ASYNC_UP_NOW, NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM, COLUMNS, LC_ALL/LC_CTYPE/LANG (not UTF-8: ASCII tables).";

/// Options accepted before or after any subcommand.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once.
    #[arg(
        long = "team",
        global = true,
        value_name = "NAME",
        add = clap_complete::ArgValueCandidates::new(crate::complete::teams)
    )]
    pub teams: Vec<String>,

    /// Read straight from this git repository (bare or a checkout), without a mirror, config or fetch.
    #[arg(long, global = true, value_name = "PATH")]
    pub repo: Option<PathBuf>,

    /// Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1).
    #[arg(long, global = true)]
    pub offline: bool,

    /// When to use colour.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print only data and errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1).
    #[arg(long, global = true)]
    pub strict: bool,
}

impl GlobalArgs {
    /// Fills what the flags left unset from `ASYNC_UP_TEAM`,
    /// `ASYNC_UP_OFFLINE` and `ASYNC_UP_STRICT`. Flags win; an empty
    /// variable is an unset one. Done here rather than by clap's `env`,
    /// which takes only `true`/`false` for a flag and names the flag, not
    /// the variable, when it rejects a value.
    pub fn apply_env(&mut self, env: impl Fn(&str) -> Option<String>) -> crate::Result<()> {
        if self.teams.is_empty() {
            self.teams
                .extend(env("ASYNC_UP_TEAM").filter(|t| !t.trim().is_empty()));
        }
        for (name, flag) in [
            ("ASYNC_UP_OFFLINE", &mut self.offline),
            ("ASYNC_UP_STRICT", &mut self.strict),
        ] {
            if let Some(value) = env(name) {
                let on = parse_bool_env(name, &value)?;
                *flag = *flag || on.unwrap_or(false);
            }
        }
        Ok(())
    }
}

impl GlobalArgs {
    /// The one team `--team` names, for the commands that work on one.
    pub fn team(&self) -> Option<&String> {
        self.teams.first()
    }
}

/// Reads a boolean environment variable the way people write one:
/// `1`/`true`/`yes`/`on` or `0`/`false`/`no`/`off`, in any case, with
/// surrounding spaces ignored; empty means unset (`None`). Anything else is
/// an error naming the variable. Every boolean `ASYNC_UP_*` goes through here.
pub fn parse_bool_env(name: &str, value: &str) -> crate::Result<Option<bool>> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "1" | "true" | "yes" | "on" => Ok(Some(true)),
        "0" | "false" | "no" | "off" => Ok(Some(false)),
        _ => Err(crate::Error::Usage(format!(
            "{name}: expected 1/true/yes or 0/false/no, got {:?}",
            crate::render::sanitize::clean(value)
        ))),
    }
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal (not TERM=dumb) unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE colours a pipe.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The subcommands. Each one's help is the doc comment of its `Args`, so a
/// doc comment here would hide the long help and its example.
#[derive(Debug, Subcommand)]
#[allow(missing_docs)]
pub enum Command {
    Init(commands::init::Args),
    Write(commands::write::Args),
    Team(commands::team::Args),
    Blockers(commands::blockers::Args),
    Sync(commands::sync::Args),
    Log(commands::log::Args),
    Audit(commands::audit::Args),
    Status(commands::status::Args),
    Mentions(commands::mentions::Args),
    Me(commands::me::Args),
    Away(commands::away::Args),
    Stats(commands::stats::Args),
    Digest(commands::digest::Args),
    Report(commands::report::Args),
    Restore(commands::restore::Args),
    Reply(commands::reply::Args),
    Inbox(commands::inbox::Args),
    Search(commands::search::Args),
    Remind(commands::remind::Args),
    Doctor(commands::doctor::Args),
    /// Write completions/ and man/ from this definition (for maintainers).
    #[command(hide = true)]
    GenerateAssets {
        /// The repository root to write completions/ and man/ into.
        dir: std::path::PathBuf,
    },
}

impl Command {
    /// Refuses `--team` given more than once to a command that works on one
    /// team: taking the first one silently would write to the wrong team.
    pub fn check_teams(&self, global: &GlobalArgs) -> crate::Result<()> {
        let several = matches!(
            self,
            Command::Team(_)
                | Command::Blockers(_)
                | Command::Digest(_)
                | Command::Stats(_)
                | Command::Report(_)
        );
        if global.teams.len() > 1 && !several {
            return Err(crate::Error::Usage(
                "--team was given more than once; only team, blockers, digest, stats and report show several teams".into(),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn boolean_variables() {
        for on in ["1", "true", "yes", "on", "TRUE", " Yes "] {
            assert_eq!(parse_bool_env("V", on).unwrap(), Some(true), "{on}");
        }
        for off in ["0", "false", "no", "off", "No"] {
            assert_eq!(parse_bool_env("V", off).unwrap(), Some(false), "{off}");
        }
        assert_eq!(parse_bool_env("V", "").unwrap(), None);
        assert_eq!(parse_bool_env("V", "  ").unwrap(), None);
        let err = parse_bool_env("ASYNC_UP_OFFLINE", "maybe").unwrap_err();
        assert_eq!(
            err.to_string(),
            "ASYNC_UP_OFFLINE: expected 1/true/yes or 0/false/no, got \"maybe\""
        );
    }

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_flag_has_help_and_every_subcommand_an_example() {
        let cmd = Cli::command();
        for arg in cmd.get_arguments() {
            assert!(arg.get_help().is_some(), "--{} has no help", arg.get_id());
        }
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let long = sub
                .get_long_about()
                .map(|s| s.to_string())
                .unwrap_or_default();
            assert!(
                long.contains("Example"),
                "{} has no example in its long help",
                sub.get_name()
            );
            for arg in sub.get_arguments() {
                assert!(
                    arg.get_help().is_some(),
                    "{} --{} has no help",
                    sub.get_name(),
                    arg.get_id()
                );
            }
        }
    }
}
