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
  1  found something: blockers listed, audit violations, not written yet (status), a doctor check failed
  2  error: bad input, unknown team, a refused push, an unreachable remote where one is needed

Environment: ASYNC_UP_TEAM, ASYNC_UP_OFFLINE, ASYNC_UP_STRICT, ASYNC_UP_TRANSPORT, ASYNC_UP_USER, ASYNC_UP_NOW, NO_COLOR, COLUMNS.";

/// Options accepted before or after any subcommand.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Use this configured team instead of the default one.
    #[arg(
        long,
        global = true,
        env = "ASYNC_UP_TEAM",
        value_name = "NAME",
        add = clap_complete::ArgValueCandidates::new(crate::complete::teams)
    )]
    pub team: Option<String>,

    /// Read straight from this git repository (bare or a checkout), without a mirror, config or fetch.
    #[arg(long, global = true, value_name = "PATH")]
    pub repo: Option<PathBuf>,

    /// Do not touch the network: no fetch, no push.
    #[arg(long, global = true, env = "ASYNC_UP_OFFLINE")]
    pub offline: bool,

    /// When to use colour.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print only data and errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings).
    #[arg(
        long,
        global = true,
        env = "ASYNC_UP_STRICT",
        value_parser = clap::builder::BoolishValueParser::new(),
        action = clap::ArgAction::SetTrue
    )]
    pub strict: bool,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
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
    Doctor(commands::doctor::Args),
    /// Write completions/ and man/ from this definition (for maintainers).
    #[command(hide = true)]
    GenerateAssets {
        /// The repository root to write completions/ and man/ into.
        dir: std::path::PathBuf,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

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
