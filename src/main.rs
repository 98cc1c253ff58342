//! The async-up binary: parse, run, and map the outcome to an exit code.
//! Exit codes: 0 ok, 1 found something (blockers), 2 error, 130 and 143
//! ended by SIGINT and SIGTERM (128 + the signal, as shells report it).

use async_up::{
    cli::Cli,
    render::sanitize,
    store::{children, Transport},
    Error, Status,
};
use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

fn main() -> ExitCode {
    // `COMPLETE=bash async-up` prints the shell hook; the hook calls back in
    // here on Tab. Without COMPLETE set this returns at once.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    // --version also says which git transport is in effect: the
    // environment, else the user config's `transport`, else detected. Only
    // worked out when asked, so no other command reads the config for it.
    let asked = std::env::args_os().any(|a| a == "--version" || a == "-V");
    let mut command = Cli::command();
    if asked {
        let transport = match std::env::var("ASYNC_UP_TRANSPORT") {
            Ok(t) if !t.is_empty() => t,
            _ => configured_transport().unwrap_or_else(|| Transport::detect().name().to_string()),
        };
        command = command.version(format!(
            "{} (transport: {transport})",
            env!("CARGO_PKG_VERSION")
        ));
    }
    let matches = command.get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    end_on_signals();
    let result = async_up::run(cli);
    async_up::debug_counts::dump();
    if children::closing() {
        // A signal arrived: its thread is ending the children and exits
        // with its code; returning first would leave them running.
        loop {
            std::thread::park();
        }
    }
    match result {
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

/// On SIGINT or SIGTERM: end the git processes this async-up started (they
/// hold the mirror lock and may be stalled on the network), then exit with
/// 128 + the signal. What was committed to the mirror before stays there
/// for the next `sync`. SIGINT is left alone while an editor has the
/// terminal, as git does.
#[cfg(unix)]
fn end_on_signals() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == SIGINT && children::interrupts_held() {
                continue;
            }
            children::terminate_all();
            let name = if signal == SIGINT {
                "SIGINT"
            } else {
                "SIGTERM"
            };
            eprintln!(
                "async-up: stopped by {name}; what was already committed to the mirror is kept, and `async-up sync` pushes it"
            );
            std::process::exit(128 + signal);
        }
    });
}

/// Windows: Ctrl-C reaches the whole console, git children included, and
/// ends them with us; there is no SIGTERM to catch.
#[cfg(not(unix))]
fn end_on_signals() {}

/// The user config's `transport`, read with nothing else from the file.
fn configured_transport() -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Only {
        transport: Option<String>,
    }
    let paths = async_up::config::Paths::discover().ok()?;
    let bytes = async_up::fsutil::read_regular(&paths.config_file, 1 << 20).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    toml::from_str::<Only>(&text).ok()?.transport
}
