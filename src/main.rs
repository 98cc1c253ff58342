//! The async-up binary: parse, run, and map the outcome to an exit code.
//! Exit codes: 0 ok, 1 found something (blockers), 2 error.

use async_up::{cli::Cli, render::sanitize, store::Transport, Error, Status};
use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

fn main() -> ExitCode {
    // `COMPLETE=bash async-up` prints the shell hook; the hook calls back in
    // here on Tab. Without COMPLETE set this returns at once.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    // --version also says which git transport is in effect: the
    // environment, else the user config's `transport`, else detected.
    let transport = match std::env::var("ASYNC_UP_TRANSPORT") {
        Ok(t) if !t.is_empty() => t,
        _ => configured_transport().unwrap_or_else(|| Transport::detect().name().to_string()),
    };
    let version = format!("{} (transport: {transport})", env!("CARGO_PKG_VERSION"));
    let matches = Cli::command().version(version).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match async_up::run(cli) {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::Found) => ExitCode::from(1),
        // `async-up team | head`: the reader has what it wanted.
        Err(Error::BrokenPipe) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", sanitize::clean_lines(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

/// The user config's `transport`, read with nothing else from the file.
fn configured_transport() -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Only {
        transport: Option<String>,
    }
    let paths = async_up::config::Paths::discover().ok()?;
    let text = std::fs::read_to_string(paths.config_file).ok()?;
    toml::from_str::<Only>(&text).ok()?.transport
}
