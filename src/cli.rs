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
    max_term_width = 100
)]
pub struct Cli {
    /// Options every subcommand accepts.
    #[command(flatten)]
    pub global: GlobalArgs,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any subcommand.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Use this configured team instead of the default one.
    #[arg(long, global = true, env = "ASYNC_UP_TEAM", value_name = "NAME")]
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

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Join a team: mirror its repo, record it in your config, add your member file.
    Init(commands::init::Args),
    /// Write today's update: yesterday, today, blockers.
    Write(commands::write::Args),
    /// Show everyone's latest update, with their local time.
    Team(commands::team::Args),
    /// List open blockers; exits 1 when there are any.
    Blockers(commands::blockers::Args),
    /// Push local updates and fetch everyone else's.
    Sync(commands::sync::Args),
    /// Show one person's history.
    Log(commands::log::Args),
    /// Check that every commit to a member's files was made (and signed) by that member.
    Audit(commands::audit::Args),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
