//! `async-up reply`: answer a teammate's update, one of its blockers or one
//! of its items, with text, a reaction or an offer of help. The reply goes
//! into your own file (`replies/<you>/<YYYY>/<YYYY-MM-DD>.toml`), committed
//! to the mirror first and pushed the way `write` pushes (see
//! [`super::write_send`]), so it is never lost to the network and never
//! conflicts with anyone else's.

use super::{parse_date, today_in, write_send, Status};
use crate::context::{Context, Team};
use crate::error::{Error, Result};
use crate::model::reply::{self, Reply};
use crate::model::{Handle, Update};
use crate::store::FileChange;
use chrono::NaiveDate;

/// Reply to a teammate's update, or react to it.
///
/// Answers their latest update (or the one dated --date); --blocker answers
/// one of its blockers by id, --item one of its `today` items, counted from 1
/// as `team` lists them. --react adds a reaction instead of text: +1, eyes,
/// check, heart or tada, or the emoji itself; --offer with --blocker says "I can help with
/// this". The reply is stored in your own folder, replies/<you>/, committed
/// locally first and then pushed.
///
/// Example: async-up reply bob --blocker b1 --offer "I have the creds, ping me"
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Whose update to answer.
    #[arg(value_name = "HANDLE")]
    pub handle: String,
    /// What to say (optional with --offer; not with --react).
    #[arg(value_name = "TEXT", required_unless_present_any = ["react", "offer"])]
    pub text: Option<String>,
    /// Answer the update of this date instead of their latest (YYYY-MM-DD).
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Answer one of the update's blockers, by id.
    #[arg(long, value_name = "ID", conflicts_with = "item")]
    pub blocker: Option<String>,
    /// Answer one item of the update's today list, counted from 1.
    #[arg(long, value_name = "N")]
    pub item: Option<u32>,
    /// React instead of replying: +1, eyes, check, heart, tada (or the emoji).
    #[arg(long, value_name = "EMOJI", conflicts_with_all = ["text", "offer"])]
    pub react: Option<String>,
    /// Offer help with the blocker given by --blocker.
    #[arg(long, requires = "blocker")]
    pub offer: bool,
    /// Commit locally only; `async-up sync` pushes later.
    #[arg(long)]
    pub no_push: bool,
}

/// Runs `reply`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    if team.store.is_external() {
        return Err(Error::Usage(
            "--repo is read-only: reply through a team joined with `async-up init`".into(),
        ));
    }
    let me = ctx.identity(team.config.as_ref())?;
    let to = Handle::from_cli(&args.handle)?;
    let reaction = args.react.as_deref().map(reply::reaction).transpose()?;
    let text = match args.text.as_deref().map(str::trim) {
        Some("") => {
            return Err(Error::Usage(
                "the reply text is blank; say something".into(),
            ))
        }
        other => other.map(str::to_string),
    };
    let will_push = !args.no_push && !ctx.global.offline && team.store.remote().is_some();

    // What is answered must exist; the remote may know what this mirror
    // does not yet, so ask it before refusing.
    let mut target = find_target(&team, &to, args);
    if target.is_err() && will_push {
        match super::catch_up(ctx, &team) {
            Err(Error::Refused { .. } | Error::CannotConnect { .. }) | Ok(Some(_)) => {}
            other => {
                other?;
                target = find_target(&team, &to, args);
            }
        }
    }
    let update = target?;

    let snapshot = team.store.snapshot()?;
    let tz = super::my_zone(&team, &snapshot, &me.handle);
    let file_date = today_in(ctx.now, tz);
    let written_at = ctx.now.with_timezone(&tz).fixed_offset();
    let entry = Reply {
        to: to.as_str().to_string(),
        date: update.date,
        blocker: args.blocker.clone(),
        item: args.item,
        text,
        reaction,
        offer: args.offer,
        written_at,
    };
    let mut file = snapshot
        .reply_file(&me.handle, file_date)
        .unwrap_or_default();
    super::finish_warnings(ctx, &snapshot)?;
    drop(snapshot);
    if file.replies.iter().any(|r| r.same_reaction(&entry)) {
        ctx.note("you already reacted so; nothing changed");
        return Ok(Status::Success);
    }
    file.replies.push(entry);

    let path = reply::reply_path(&me.handle, file_date);
    let signature = git2::Signature::new(
        &me.name,
        &me.email,
        &git2::Time::new(
            ctx.now.timestamp(),
            written_at.offset().local_minus_utc() / 60,
        ),
    )?;
    team.store.commit_files(
        &[FileChange {
            path: path.clone(),
            content: file.to_toml().into_bytes(),
        }],
        &format!("async-up: {} replies to {} {}", me.handle, to, update.date),
        &signature,
    )?;
    let what = match (&args.react, &args.blocker, args.item) {
        (Some(_), ..) => "reacted to",
        (None, Some(_), _) => "replied to a blocker of",
        (None, None, Some(_)) => "replied to an item of",
        (None, None, None) => "replied to",
    };
    ctx.note(&format!(
        "{what} @{to}'s update of {} ({path})",
        update.date
    ));
    if will_push {
        write_send::send(ctx, &team, None)?;
    } else if !team.local_only {
        ctx.note("committed locally; `async-up sync` pushes it");
    }
    Ok(Status::Success)
}

/// The update answered, checked to have the blocker or item named; refused
/// with a message listing what exists.
fn find_target(team: &Team, to: &Handle, args: &Args) -> Result<Update> {
    let snapshot = team.store.snapshot()?;
    let found = match args.date {
        Some(d) => snapshot.update_on(to, d),
        None => snapshot.latest_update(to, None),
    };
    let Some(update) = found else {
        let dates: Vec<String> = snapshot
            .updates_since(to, None)
            .iter()
            .rev()
            .take(5)
            .map(|u| u.date.to_string())
            .collect();
        let which = args.date.map_or(String::new(), |d| format!(" dated {d}"));
        return Err(Error::Usage(if dates.is_empty() {
            let people: Vec<String> = snapshot
                .handles_with_updates()
                .iter()
                .map(|h| format!("@{h}"))
                .collect();
            format!(
                "@{to} has no update to reply to; people with updates: {}",
                list_or_none(&people)
            )
        } else {
            format!(
                "@{to} has no update{which}; their latest: {}",
                dates.join(", ")
            )
        }));
    };
    if let Some(id) = &args.blocker {
        if !update.blockers.iter().any(|b| &b.id == id) {
            let ids: Vec<String> = update
                .blockers
                .iter()
                .map(|b| crate::render::sanitize::clean(&b.id))
                .collect();
            return Err(Error::Usage(format!(
                "@{to}'s update of {} has no blocker {:?}; its blockers: {}",
                update.date,
                crate::render::sanitize::clean(id),
                list_or_none(&ids)
            )));
        }
    }
    if let Some(n) = args.item {
        if n == 0 || n as usize > update.today.len() {
            return Err(Error::Usage(format!(
                "@{to}'s update of {} has {} item(s) for today; --item counts them from 1",
                update.date,
                update.today.len()
            )));
        }
    }
    Ok(update)
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}
