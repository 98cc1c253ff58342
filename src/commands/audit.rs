//! `async-up audit`: who really wrote each update. Exit 0 clean, 1 on any
//! violation, 2 on error: ready for the team repo's CI or a server hook.

use super::{refresh, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::render::{self, Format};

/// Check that every commit to a member's files was made by that member.
///
/// A commit that touched `updates/<handle>/` or `members/<handle>.toml` must
/// have a committer email matching that member's file. Where the team file
/// says `[signing] required = true`, it must also carry a valid SSH signature
/// from a key listed for that member in the team's `allowed_signers` file.
/// A merge is judged on what it writes itself. The team file and the allowed
/// signers file may only be changed by a maintainer (`maintainers` in the
/// team file), and each commit is judged by the rules as they stood in its
/// parent, not at the tip. A shallow clone is refused (exit 2) unless --since
/// names a range it holds whole. Exits 1 on any violation, listing the commit
/// and the reason.
///
/// Example (in the team repo's own CI): async-up --repo . audit --since origin/main~50
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only commits after this revision.
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Do not fetch first.
    #[arg(long)]
    pub no_fetch: bool,
}

/// Runs `audit`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    refresh(ctx, &team, args.no_fetch)?;
    let repo = team.store.repo();
    let Some(tip) = team.store.tip() else {
        ctx.note("the team repo has no commits yet");
        return Ok(Status::Success);
    };
    let since = match &args.since {
        Some(rev) => Some(
            unambiguous(repo, rev)?
                .and_then(|o| o.peel_to_commit())
                .map_err(|_| {
                    Error::Usage(format!("--since {rev:?} is not a commit in the team repo"))
                })?
                .id(),
        ),
        None => None,
    };
    let report = crate::trust::audit::audit(repo, tip, since)?;
    if since.is_some() && report.commits_checked == 0 {
        render::warn(&format!(
            "--since {} leaves no commit to audit: is it the revision you meant?",
            crate::render::sanitize::clean(args.since.as_deref().unwrap_or(""))
        ));
    }
    let out = ctx.out();
    let text = match args.format {
        Format::Json => render::json::audit(&report),
        Format::Table => render::table::audit(&out, &report),
        Format::Markdown => render::markdown::audit(&report),
    };
    out.print(&text)?;
    Ok(if report.violations.is_empty() {
        Status::Success
    } else {
        Status::Found
    })
}

/// Resolves `rev`, refusing a name that more than one ref answers to: a
/// teammate can push a tag `origin/main` that shadows the remote-tracking
/// branch a CI job means, and make `--since origin/main~50` audit nothing.
fn unambiguous<'r>(
    repo: &'r git2::Repository,
    rev: &str,
) -> Result<std::result::Result<git2::Object<'r>, git2::Error>> {
    let name = rev.split(['~', '^', '@', ':']).next().unwrap_or(rev);
    if !name.is_empty() {
        let found: Vec<String> = ["", "refs/", "refs/tags/", "refs/heads/", "refs/remotes/"]
            .iter()
            .map(|prefix| format!("{prefix}{name}"))
            .filter(|full| full.starts_with("refs/") && repo.find_reference(full).is_ok())
            .collect();
        if found.len() > 1 {
            return Err(Error::Usage(format!(
                "--since {rev:?} is ambiguous: {} all exist; name one in full (or give a commit id)",
                found
                    .iter()
                    .map(|f| crate::render::sanitize::clean(f))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    Ok(repo.revparse_single(rev))
}
