//! `async-up restore`: put back your updates that a rewrite of the team's
//! history removed. A rewrite may be on purpose (an admin squashing or
//! removing something), so nothing is put back until you ask; when you do,
//! the updates are committed anew on top of the team's history and pushed
//! like any other write, never forced.

use super::Status;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::store::FileChange;

/// Put back your updates that a rewrite of the team's history removed.
///
/// When the remote's history is rewritten (a force-push or a rewind), the
/// previous history is kept in your mirror under refs/async-up/backup/ and a
/// warning names your updates the new history lacks. This commits them again
/// on top of the team's current history and pushes them; nothing is forced.
/// A day the new history has in another version is left as it is.
///
/// Example: async-up restore --list
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only print the dates that would be restored, one a line.
    #[arg(long)]
    pub list: bool,
}

/// Runs `restore`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    if team.store.is_external() {
        return Err(Error::Usage(
            "--repo is read-only: restore through a team joined with `async-up init`".into(),
        ));
    }
    let me = ctx.identity(team.config.as_ref())?;
    // Compare with what the team has now, not as of the last fetch; out of
    // reach, say how old the comparison is.
    let unreachable = super::refresh(ctx, &team, false)?;
    let lost = team.store.lost_updates(&me.handle)?;
    if args.list {
        let text: String = lost.iter().map(|l| format!("{}\n", l.date)).collect();
        ctx.out().print(&text)?;
        return Ok(Status::Success);
    }
    if lost.is_empty() {
        ctx.note("nothing to restore: the team's history has every update of yours that the backups hold");
        return Ok(Status::Success);
    }
    let files: Vec<FileChange> = lost
        .iter()
        .map(|l| FileChange {
            path: l.path.clone(),
            content: l.content.clone(),
        })
        .collect();
    let signature = git2::Signature::now(&me.name, &me.email)?;
    team.store.commit_files(
        &files,
        &format!(
            "async-up: {} restores updates a rewrite of the history removed",
            me.handle
        ),
        &signature,
    )?;
    let dates = crate::store::rewrite::dates(lost.iter().map(|l| &l.date));
    ctx.note(&format!(
        "restored your update(s) for {dates} as a new commit"
    ));
    match unreachable {
        Some(reason) => super::note_unpushed(ctx, &reason, team.store.pending_count()?),
        None => super::push(ctx, &team)?,
    }
    Ok(Status::Success)
}
