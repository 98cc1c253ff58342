//! `async-up inbox`: what changed since you last looked. Teammates' new or
//! edited updates (each once, at its latest), replies and reactions to your
//! updates, new mentions of you, blockers opened or resolved.
//!
//! What was seen is remembered in a small state file of this machine's data
//! dir, one per team (`inbox/<team>.json`), written atomically and never
//! pushed: the mirror can be deleted and rebuilt without everything turning
//! new again. Updates are remembered by the blob id of their file, so an
//! edit shows again; replies and mentions by a digest of what they say;
//! blockers by author and id, so one that closes is reported resolved.

use super::{finish_warnings, refresh, roster, today_in, Status};
use crate::context::{Context, Team};
use crate::error::Result;
use crate::model::mention::mentions_handle;
use crate::model::reply::FoundReply;
use crate::model::{layout, Handle};
use crate::render::{self, BlockerRow, Format, InboxView, MentionRow};
use crate::store::Snapshot;
use chrono::{DateTime, Days, FixedOffset};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Show what is new since you last ran it, and mark it read.
///
/// New or edited updates from teammates (each once, at its latest), replies
/// and reactions to your updates, new mentions of you, blockers opened or
/// resolved. The first run, and --all, show everything current (replies
/// from the last 14 days). What was seen is kept on this machine only, in
/// the data dir; --peek shows without marking. Exits 1 when something is
/// new, 0 when nothing is.
///
/// Example: async-up inbox --peek
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Show without marking anything read.
    #[arg(long)]
    pub peek: bool,
    /// Ignore what was marked read: show everything current.
    #[arg(long)]
    pub all: bool,
    /// Do not fetch first; show what the mirror has.
    #[arg(long)]
    pub no_fetch: bool,
}

/// How far back replies are looked for without a marker.
const FIRST_RUN_DAYS: u64 = 14;

/// What this machine has seen of one team.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Seen {
    /// When `inbox` last marked things read.
    ran_at: Option<DateTime<FixedOffset>>,
    /// Each teammate's latest update seen: path to blob id.
    updates: BTreeMap<String, String>,
    /// Digests of the replies to you seen.
    replies: BTreeSet<String>,
    /// Digests of the mentions of you seen.
    mentions: BTreeSet<String>,
    /// Open blockers seen, by `author/id`.
    blockers: BTreeMap<String, SeenBlocker>,
}

/// An open blocker as it was seen, to say what was resolved.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SeenBlocker {
    author: String,
    id: String,
    text: String,
    since: chrono::NaiveDate,
}

fn state_path(ctx: &Context, team: &str) -> PathBuf {
    // A team name is ours (from the config), but `--repo` names a path.
    let name: String = team
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '.' | '_' | '-' => c,
            _ => '_',
        })
        .collect();
    ctx.paths
        .data_dir
        .join("inbox")
        .join(format!("{}.json", name.trim_start_matches('.')))
}

/// Reads the state; one that cannot be read is a fresh start, said once.
fn load(path: &std::path::Path) -> Seen {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Seen::default();
    };
    serde_json::from_str(&text).unwrap_or_else(|e| {
        render::warn(&format!(
            "{}: unreadable ({e}); everything current is shown as new",
            path.display()
        ));
        Seen::default()
    })
}

fn digest(parts: &[&str]) -> String {
    git2::Oid::hash_object(git2::ObjectType::Blob, parts.join("\u{1f}").as_bytes())
        .map(|o| o.to_string())
        .unwrap_or_else(|_| parts.join("|"))
}

fn reply_key(r: &FoundReply) -> String {
    let item = r.reply.item.map(|n| n.to_string()).unwrap_or_default();
    digest(&[
        &r.author,
        &r.reply.written_at.to_rfc3339(),
        &r.reply.to,
        &r.reply.date.to_string(),
        r.reply.blocker.as_deref().unwrap_or(""),
        &item,
        r.reply.text.as_deref().unwrap_or(""),
        r.reply.reaction.as_deref().unwrap_or(""),
        if r.reply.offer { "offer" } else { "" },
    ])
}

/// Runs `inbox`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    let me = ctx.handle(team.config.as_ref())?;
    refresh(ctx, &team, args.no_fetch)?;
    let path = state_path(ctx, &team.name);
    let before = if args.all {
        Seen::default()
    } else {
        load(&path)
    };
    let snapshot = team.store.snapshot()?;
    let (view, now) = gather(ctx, &team, &snapshot, &me, &before)?;

    let out = ctx.out();
    let text = match args.format {
        Format::Table => render::inbox::table(&out, &view),
        Format::Markdown => render::inbox::markdown(&view),
        Format::Json => render::json::inbox(&view),
    };
    out.print(&text)?;
    finish_warnings(ctx, &snapshot)?;
    if !args.peek {
        let bytes = serde_json::to_vec_pretty(&now).expect("the inbox state serializes");
        crate::fsutil::write_atomically(&path, &bytes)?;
    }
    Ok(if view.is_empty() {
        Status::Success
    } else {
        Status::Found
    })
}

/// How many things `inbox` would show now, from what the mirror holds,
/// without marking anything read (for `status`).
pub(crate) fn unread(
    ctx: &Context,
    team: &Team,
    snapshot: &Snapshot<'_>,
    me: &Handle,
) -> Result<usize> {
    let before = load(&state_path(ctx, &team.name));
    let (view, _) = gather(ctx, team, snapshot, me, &before)?;
    Ok(view.len())
}

/// What is new against `before`, and what is seen now.
fn gather(
    ctx: &Context,
    team: &Team,
    snapshot: &Snapshot<'_>,
    me: &Handle,
    before: &Seen,
) -> Result<(InboxView, Seen)> {
    let me = me.clone();
    let my_today = today_in(ctx.now, super::my_zone(team, snapshot, &me));
    let mut now = Seen {
        ran_at: Some(ctx.now.with_timezone(&super::reader_zone()).fixed_offset()),
        ..Seen::default()
    };
    let mut view = InboxView {
        team: super::team_title(team, snapshot),
        since: before.ran_at,
        updates: Vec::new(),
        replies: Vec::new(),
        mentions: Vec::new(),
        blockers_opened: Vec::new(),
        blockers_resolved: Vec::new(),
    };

    for member in roster(snapshot) {
        let handle = Handle::parse(&member.handle)?;
        let today = today_in(ctx.now, member.tz());
        let Some(update) = snapshot.latest_update(&handle, Some(today)) else {
            continue;
        };
        if handle != me {
            let path = layout::update_path(&handle, update.date);
            let blob = snapshot
                .update_blob_id(&handle, update.date)
                .unwrap_or_default();
            if before.updates.get(&path) != Some(&blob) {
                view.updates.push(update.clone());
            }
            now.updates.insert(path, blob);
        }
        for b in &update.blockers {
            let key = format!("{}/{}", update.author, b.id);
            let row = || BlockerRow {
                author: update.author.clone(),
                id: b.id.clone(),
                text: b.text.clone(),
                since: b.since,
                age_days: (today - b.since).num_days().max(0),
                away: member.away_on(today).is_some(),
                replies: Vec::new(),
            };
            if handle != me && !before.blockers.contains_key(&key) {
                view.blockers_opened.push(row());
            }
            now.blockers.insert(
                key,
                SeenBlocker {
                    author: update.author.clone(),
                    id: b.id.clone(),
                    text: b.text.clone(),
                    since: b.since,
                },
            );
        }
        if handle == me {
            continue;
        }
        let texts = update
            .blockers
            .iter()
            .map(|b| ("blocker", &b.text))
            .chain(update.today.iter().map(|t| ("today", t)));
        for (kind, text) in texts {
            if mentions_handle(text, me.as_str()) {
                let key = digest(&[&update.author, &update.date.to_string(), kind, text]);
                if !before.mentions.contains(&key) {
                    view.mentions.push(MentionRow {
                        author: update.author.clone(),
                        kind,
                        text: text.clone(),
                        date: update.date,
                        written_at: update.written_at,
                    });
                }
                now.mentions.insert(key);
            }
        }
    }
    for (key, b) in &before.blockers {
        if !now.blockers.contains_key(key) && b.author != me.as_str() {
            view.blockers_resolved.push(BlockerRow {
                author: b.author.clone(),
                id: b.id.clone(),
                text: b.text.clone(),
                since: b.since,
                age_days: (my_today - b.since).num_days().max(0),
                away: false,
                replies: Vec::new(),
            });
        }
    }

    // Replies to you, and mentions of you in anyone's replies.
    let from = match before.ran_at {
        Some(at) => super::replies_from(at.date_naive()),
        None => my_today
            .checked_sub_days(Days::new(FIRST_RUN_DAYS))
            .unwrap_or(my_today),
    };
    for r in snapshot.replies(Some(from)) {
        if r.author == me.as_str() {
            continue;
        }
        let key = reply_key(&r);
        if r.reply.to == me.as_str() {
            if !before.replies.contains(&key) {
                view.replies.push(r.clone());
            }
            now.replies.insert(key.clone());
        }
        if let Some(text) = r.reply.text.as_deref() {
            if mentions_handle(text, me.as_str()) {
                if !before.mentions.contains(&key) {
                    view.mentions.push(MentionRow {
                        author: r.author.clone(),
                        kind: "reply",
                        text: text.to_string(),
                        date: r.reply.date,
                        written_at: r.reply.written_at,
                    });
                }
                now.mentions.insert(key);
            }
        }
    }
    Ok((view, now))
}
