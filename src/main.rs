//! The async-up binary: parse, run, and map the outcome to an exit code.
//! Exit codes: 0 ok, 1 found something (blockers), 2 error.

use async_up::{cli::Cli, render::sanitize, Error, Status};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
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
