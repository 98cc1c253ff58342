//! async-up: asynchronous stand-ups through your own git repository.
//!
//! Each update is one TOML file, `updates/<handle>/<YYYY>/<YYYY-MM-DD>.toml`,
//! committed to a shared repo; git is the whole transport. The crate is laid
//! out as:
//!
//! - [`cli`]: the clap definition (help, completions and man pages come from it);
//! - [`commands`]: one module per subcommand;
//! - [`model`]: the file format and its rules;
//! - [`store`]: the git mirror (reads, writes, fetch, push, sync);
//! - [`render`]: tables, markdown, JSON and terminal sanitising;
//! - [`trust`]: who really wrote what (audit, signatures, maintainers);
//! - [`context`] and [`config`]: settings resolved from flags, env and config.
#![warn(missing_docs)]

pub mod activity;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod complete;
pub mod config;
pub mod context;
pub mod debug_counts;
pub mod editor;
pub mod error;
pub mod fsutil;
pub mod generate;
pub mod gitconfig;
pub mod insight;
pub mod keep_toml;
pub mod line_input;
pub mod model;
pub mod post;
pub mod render;
pub mod schedule;
pub mod store;
pub mod trust;
pub mod untrusted;

pub use commands::Status;
pub use error::{Error, Result};

/// Runs a parsed command line.
pub fn run(mut cli: cli::Cli) -> Result<Status> {
    use cli::Command;
    cli.global.apply_env(|name| std::env::var(name).ok())?;
    cli.command.check_teams(&cli.global)?;
    // Like git itself, do not hash every object again on each read: packs
    // are checked when they arrive (index-pack) and by `git fsck`, and a
    // damaged file still reaches us only as a file to parse, which is
    // treated as untrusted input anyway. Rehashing cost a third of the time
    // of the commands that read many updates (digest, stats).
    git2::opts::strict_hash_verification(false);
    // libgit2 keeps up to 8 GiB of a pack mapped on 64-bit, so a long walk
    // over a big team's history kept every page it touched (a year of stats
    // on 1,000 members touched 250 MiB of an 835 MB pack of trees). Windows
    // past the limit are unmapped; their pages stay in the page cache.
    // Four windows of 8 MiB cost no time against two of 32 MiB on a year
    // of stats over 1,000 members, and keep 30 MiB less of it mapped.
    // Pack indexes have no such limit: see `store::mapped`.
    // SAFETY: libgit2's global options, set before any repository is open.
    unsafe {
        let _ = git2::opts::set_mwindow_size(8 << 20);
        let _ = git2::opts::set_mwindow_mapped_limit(32 << 20);
    }
    if let Command::GenerateAssets { dir } = &cli.command {
        generate::write_all(dir)?;
        return Ok(Status::Success);
    }
    if let Command::Doctor(args) = &cli.command {
        return commands::doctor::run(&cli.global, args);
    }
    let ctx = context::Context::new(cli.global)?;
    match &cli.command {
        Command::Init(args) => commands::init::run(&ctx, args),
        Command::Write(args) => commands::write::run(&ctx, args),
        Command::Team(args) => commands::team::run(&ctx, args),
        Command::Blockers(args) => commands::blockers::run(&ctx, args),
        Command::Sync(args) => commands::sync::run(&ctx, args),
        Command::Log(args) => commands::log::run(&ctx, args),
        Command::Audit(args) => commands::audit::run(&ctx, args),
        Command::Status(args) => commands::status::run(&ctx, args),
        Command::Mentions(args) => commands::mentions::run(&ctx, args),
        Command::Me(args) => commands::me::run(&ctx, args),
        Command::Away(args) => commands::away::run(&ctx, args),
        Command::Stats(args) => commands::stats::run(&ctx, args),
        Command::Digest(args) => commands::digest::run(&ctx, args),
        Command::Report(args) => commands::report::run(&ctx, args),
        Command::Restore(args) => commands::restore::run(&ctx, args),
        Command::Reply(args) => commands::reply::run(&ctx, args),
        Command::Inbox(args) => commands::inbox::run(&ctx, args),
        Command::Search(args) => commands::search::run(&ctx, args),
        Command::Remind(args) => commands::remind::run(&ctx, args),
        Command::Doctor(_) | Command::GenerateAssets { .. } => unreachable!("handled above"),
    }
}
