//! `async-up write`: today's update, from flags, prompts or an editor,
//! committed to the mirror and pushed.

use super::{parse_date, today_in, write_prompt, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::question::Question;
use crate::model::{
    layout,
    update::{apply_changes, Changes},
    Update,
};
use crate::store::FileChange;
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;
use std::io::IsTerminal;

/// Write today's update: yesterday, today, blockers.
///
/// In a terminal with no content flags it asks; otherwise the flags say what
/// to write. Open blockers carry over from your previous update until you
/// resolve them. A second write on the same date changes only the fields it
/// gives. It first fetches (unless --no-push or --offline), so it starts
/// from your latest update even when that was written on another machine.
/// The update is committed locally, then pushed; when the remote cannot be
/// reached it stays committed and the next write or sync pushes it.
///
/// Example: async-up write --yesterday "Reviewed #42" --today "Ship token refresh" --blocker "Waiting on @bob for creds"
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What you did (repeatable: one item each).
    #[arg(long, value_name = "TEXT")]
    pub yesterday: Vec<String>,
    /// What you plan (repeatable).
    #[arg(long, value_name = "TEXT")]
    pub today: Vec<String>,
    /// Something blocking you (repeatable); the same text is not added twice.
    #[arg(long, value_name = "TEXT")]
    pub blocker: Vec<String>,
    /// Resolve an open blocker by id, or `all` (repeatable).
    #[arg(long, value_name = "ID|all")]
    pub resolve: Vec<String>,
    /// Your mood, 1 (bad) to 5 (great).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub mood: Option<u8>,
    /// Write for an earlier date instead of today (YYYY-MM-DD), to backfill.
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Open $VISUAL or $EDITOR on the update as TOML.
    #[arg(long, conflicts_with = "no_input")]
    pub edit: bool,
    /// Commit locally only; `async-up sync` pushes later.
    #[arg(long)]
    pub no_push: bool,
    /// Never prompt; fail if nothing is given to write.
    #[arg(long)]
    pub no_input: bool,
    /// Print suggestions for yesterday (your commits since your previous update) and exit.
    #[arg(long, conflicts_with_all = ["edit", "from_activity"])]
    pub suggest: bool,
    /// Use the suggestions as yesterday, without prompts.
    #[arg(long, conflicts_with = "yesterday")]
    pub from_activity: bool,
    /// Answer one of the team's own questions (repeatable); lists take `a; b`.
    #[arg(long, value_name = "ID=VALUE", value_parser = crate::model::question::split_answer)]
    pub answer: Vec<(String, String)>,
}

impl Args {
    fn changes(&self, questions: &[Question]) -> Result<Changes> {
        let mut answers = BTreeMap::new();
        for (id, value) in &self.answer {
            let question = questions.iter().find(|q| &q.id == id).ok_or_else(|| {
                let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
                Error::Usage(format!(
                    "the team has no question {id:?}; its questions: {}",
                    if ids.is_empty() {
                        "none".to_string()
                    } else {
                        ids.join(", ")
                    }
                ))
            })?;
            if let Some(a) = question.parse_answer(value)? {
                answers.insert(id.clone(), a);
            }
        }
        // Only blank text (`--today "$EMPTY"`) would replace the field with
        // nothing, wiping what was written; that is never what was meant.
        for (flag, items) in [
            ("--yesterday", &self.yesterday),
            ("--today", &self.today),
            ("--blocker", &self.blocker),
        ] {
            if !items.is_empty() && items.iter().all(|i| i.trim().is_empty()) {
                return Err(Error::Usage(format!(
                    "{flag} was given only blank text; give what to write (to clear a field, use --edit)"
                )));
            }
        }
        let resolve_all = self.resolve.iter().any(|r| r == "all");
        Ok(Changes {
            yesterday: (!self.yesterday.is_empty()).then(|| self.yesterday.clone()),
            today: (!self.today.is_empty()).then(|| self.today.clone()),
            new_blockers: self.blocker.clone(),
            resolve: self
                .resolve
                .iter()
                .filter(|r| *r != "all")
                .cloned()
                .collect(),
            resolve_all,
            mood: self.mood,
            answers,
        })
    }
}

/// Runs `write`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    if team.store.is_external() {
        return Err(Error::Usage(
            "--repo is read-only: write through a team joined with `async-up init`".into(),
        ));
    }
    let me = ctx.identity(team.config.as_ref())?;
    // When the update will be pushed anyway, start from what the team has
    // now: yesterday's update (and the blockers it carries) may have been
    // written on another machine, and the typo guard must know who joined
    // since the last fetch. Out of reach, write from the mirror and do not
    // wait on the remote a second time to push.
    let unreachable = if !args.no_push {
        match super::catch_up(ctx, &team) {
            // Refused is no reason to lose the update: write it, and the
            // push after it says why and exits 2.
            Err(Error::Refused { .. } | Error::CannotConnect { .. }) => None,
            other => other?,
        }
    } else {
        None
    };
    let snapshot = team.store.snapshot()?;
    let tz = super::my_zone(&team, &snapshot, &me.handle);
    let today = today_in(ctx.now, tz);
    let date = args.date.unwrap_or(today);
    if date > today {
        // Most likely a mistyped year: a future update would stay out of
        // every view until its day came.
        return Err(Error::Usage(format!(
            "--date {date} is in the future (today is {today} in {tz}); give today or an earlier date"
        )));
    }
    let same_day = snapshot.update_on(&me.handle, date);
    let questions = snapshot
        .team_file()
        .map(|t| t.questions)
        .unwrap_or_default();
    let previous = date
        .checked_sub_days(Days::new(1))
        .and_then(|d| snapshot.latest_update(&me.handle, Some(d)));
    let known: Vec<String> = super::roster(&snapshot)
        .into_iter()
        .map(|m| m.handle)
        .collect();
    drop(snapshot);
    let written_at = ctx.now.with_timezone(&tz).fixed_offset();

    let suggested = suggestions(ctx, &me.email, previous.as_ref());
    if args.suggest {
        let text: String = suggested
            .iter()
            .map(|s| format!("{}\n", crate::render::sanitize::clean(s)))
            .collect();
        ctx.out().print(&text)?;
        return Ok(Status::Success);
    }
    let mut changes = args.changes(&questions)?;
    if args.from_activity {
        if suggested.is_empty() {
            ctx.note("no activity to suggest: no commits of yours since your previous update in [activity] repos");
        } else {
            changes.yesterday = Some(suggested.clone());
        }
    }
    let interactive = !args.edit
        && !args.no_input
        && changes.is_empty()
        && std::io::stdin().is_terminal()
        && std::io::stderr().is_terminal();
    if interactive {
        changes = write_prompt::ask(previous.as_ref(), same_day.as_ref(), &questions, &suggested)?;
    } else if changes.is_empty() && !args.edit {
        return Err(Error::NothingToWrite);
    }
    let mut update = apply_changes(
        me.handle.as_str(),
        date,
        written_at,
        same_day.as_ref(),
        previous.as_ref(),
        &changes,
    )?;
    if args.edit {
        update = edit(&update)?;
    }
    warn_unknown_mentions(&update, &known, me.handle.as_str());
    for q in questions.iter().filter(|q| q.required) {
        if !update.answers.contains_key(&q.id) {
            return Err(Error::Usage(format!(
                "the team requires an answer to {:?} ({}): give --answer {}=..., nothing was written",
                q.id, q.prompt, q.id
            )));
        }
    }

    let path = layout::update_path(&me.handle, date);
    let offset_minutes = written_at.offset().local_minus_utc() / 60;
    let signature = git2::Signature::new(
        &me.name,
        &me.email,
        &git2::Time::new(ctx.now.timestamp(), offset_minutes),
    )?;
    let committed = team.store.commit_files(
        &[FileChange {
            path: path.clone(),
            content: update.to_toml().into_bytes(),
        }],
        &format!("async-up: {} {}", me.handle, date),
        &signature,
    )?;
    match committed {
        Some(_) => ctx.note(&format!("wrote your update for {date} ({path})")),
        None => ctx.note(&format!(
            "your update for {date} already says that; nothing changed"
        )),
    }
    if let Some(reason) = unreachable {
        super::note_unpushed(ctx, &reason, team.store.pending_count()?);
    } else if !args.no_push && !ctx.global.offline {
        super::push(ctx, &team)?;
    } else if !team.local_only {
        ctx.note("committed locally; `async-up sync` pushes it");
    }
    Ok(Status::Success)
}

/// Your commits since your previous update (or the last day), then your
/// previous update's today, as suggestions for yesterday.
fn suggestions(ctx: &Context, email: &str, previous: Option<&Update>) -> Vec<String> {
    let repos = crate::activity::expand(&ctx.config.activity.repos);
    let since = previous
        .map(|p| p.written_at.with_timezone(&chrono::Utc))
        .unwrap_or(ctx.now - chrono::Duration::days(1));
    let mut emails = vec![email.to_string()];
    if let Some(e) = crate::context::git_config("user.email") {
        emails.push(e);
    }
    let mut out = crate::activity::suggestions(&repos, &emails, since);
    if let Some(p) = previous {
        for item in &p.today {
            if !out.contains(item) {
                out.push(item.clone());
            }
        }
    }
    out
}

/// The typo guard: a mention of someone who is not in the team is most
/// likely a misspelt handle, so say so (the update is still written).
fn warn_unknown_mentions(update: &Update, known: &[String], me: &str) {
    let texts = update
        .yesterday
        .iter()
        .chain(&update.today)
        .chain(update.blockers.iter().map(|b| &b.text));
    let mut unknown: Vec<String> = Vec::new();
    for text in texts {
        for handle in crate::model::mention::mentions(text) {
            if handle != me && !known.contains(&handle) && !unknown.contains(&handle) {
                unknown.push(handle);
            }
        }
    }
    for handle in unknown {
        let close = known.iter().find(|k| edit_distance(k, &handle) <= 2);
        crate::render::warn(&match close {
            Some(k) => format!("@{handle} is not a member of this team; did you mean @{k}?"),
            None => format!("@{handle} is not a member of this team"),
        });
    }
}

/// Levenshtein distance, for "did you mean".
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Lets the user edit the update as TOML; the result must still parse and
/// still be the same person's update for the same date.
fn edit(draft: &Update) -> Result<Update> {
    let edited = crate::editor::edit(&draft.to_toml(), &format!("update-{}.toml", draft.date))?;
    let mut update = Update::from_toml("the edited update", &edited)?;
    if update.author != draft.author || update.date != draft.date {
        return Err(Error::Usage(format!(
            "the edited update must keep author = {:?} and date = {}; nothing was written",
            draft.author, draft.date
        )));
    }
    update.written_at = draft.written_at;
    update.version = draft.version;
    Ok(update)
}
