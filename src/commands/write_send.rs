//! After `write` has committed: fetch, put right what the fetch shows was
//! stale, push. The update is already in the mirror, so nothing here can lose
//! it; a stalled remote, Ctrl-C or a crash only delays it to the next
//! `write` or `sync`.
//!
//! A same-day edit from another machine is merged when the commit is
//! rebuilt on the fetched tip (see [`crate::model::merge`]). What the merge
//! cannot see is a new day's carried-over blockers: they came from the
//! previous update as this mirror had it. When the fetched previous update
//! differs, the carry-over is worked out again (a three-way merge of the
//! blocker lists: what this write resolved or added still holds, and what
//! the other machine resolved or added since counts too) and the pending
//! commit is amended before it is pushed.

use crate::context::{Context, Team};
use crate::error::{Error, Result};
use crate::model::{Blocker, Handle, Update};
use crate::store::FileChange;
use chrono::Days;
use git2::Oid;

/// A new day's update whose blockers were carried over from the mirror.
pub(super) struct Carried {
    /// The commit that wrote it.
    pub commit: Oid,
    /// Its path in the repo.
    pub path: String,
    /// Whose update.
    pub handle: Handle,
    /// The open blockers it started from (the previous update's).
    pub carried_from: Vec<Blocker>,
    /// The update as committed.
    pub update: Update,
}

/// Fetches, corrects the carry-over, pushes. Out of reach, says the update
/// waits locally.
pub(super) fn send(ctx: &Context, team: &Team, carried: Option<Carried>) -> Result<()> {
    match team.store.fetch() {
        Ok(()) => {}
        Err(Error::Unreachable { message, .. }) => {
            super::note_unpushed(ctx, &message, team.store.pending_count()?);
            return Ok(());
        }
        Err(e) => {
            ctx.note("your update is committed locally; `async-up sync` pushes it");
            return Err(e);
        }
    }
    if let Some(carried) = carried {
        recarry(ctx, team, carried)?;
    }
    super::push(ctx, team)
}

/// Works the carry-over out again on the fetched previous update, and
/// amends the pending commit when that changes it.
fn recarry(ctx: &Context, team: &Team, c: Carried) -> Result<()> {
    let Some(remote_tip) = team.store.remote_tip() else {
        return Ok(());
    };
    let fresh: Vec<Blocker> = {
        let remote = team.store.snapshot_at(remote_tip)?;
        c.update
            .date
            .checked_sub_days(Days::new(1))
            .and_then(|d| remote.previous_update(&c.handle, Some(d)))
            .map(|p| p.blockers)
            .unwrap_or_default()
    };
    if fresh == c.carried_from {
        return Ok(());
    }
    let carry = |blockers: Vec<Blocker>| Update {
        yesterday: Vec::new(),
        today: Vec::new(),
        mood: None,
        answers: Default::default(),
        blockers,
        ..c.update.clone()
    };
    let mut merged = crate::model::merge::updates(
        Some(&carry(c.carried_from.clone())),
        &c.update,
        &carry(fresh),
    )
    .value;
    // Oldest first, as a fresh carry-over lists them (the sort is stable).
    merged.blockers.sort_by_key(|b| b.since);
    if merged == c.update {
        return Ok(());
    }
    team.store.amend_pending(
        c.commit,
        &[FileChange {
            path: c.path,
            content: merged.to_toml().into_bytes(),
        }],
    )?;
    ctx.note(
        "your previous update changed on another machine; carried over its open blockers instead",
    );
    Ok(())
}
