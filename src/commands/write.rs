//! `async-up write`: today's update, from flags, prompts or an editor,
//! committed to the mirror and pushed.

use super::{parse_date, today_in, write_prompt, write_send, Status};
use crate::context::{Context, Identity, Team};
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
/// gives. The update is committed locally first, then fetched on and
/// pushed (unless --no-push or --offline): blockers carried over from an
/// update written on another machine are worked out again, and a same-day
/// edit from there is merged. When the remote cannot be reached, or the
/// command is interrupted, the update stays committed and the next write
/// or sync pushes it.
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

/// What the mirror says about the day being written, read before anything
/// is asked or changed.
struct Base {
    tz: chrono_tz::Tz,
    date: NaiveDate,
    same_day: Option<Update>,
    previous: Option<Update>,
    questions: Vec<Question>,
}

impl Base {
    fn read(ctx: &Context, team: &Team, me: &Identity, date: Option<NaiveDate>) -> Result<Self> {
        let snapshot = team.store.snapshot()?;
        let tz = super::my_zone(team, &snapshot, &me.handle);
        let today = today_in(ctx.now, tz);
        let date = date.unwrap_or(today);
        if date > today {
            // Most likely a mistyped year: a future update would stay out of
            // every view until its day came.
            return Err(Error::Usage(format!(
                "--date {date} is in the future (today is {today} in {tz}); give today or an earlier date"
            )));
        }
        Ok(Base {
            tz,
            date,
            same_day: snapshot.update_on(&me.handle, date),
            previous: date
                .checked_sub_days(Days::new(1))
                .and_then(|d| snapshot.previous_update(&me.handle, Some(d))),
            questions: snapshot
                .team_file()
                .map(|t| t.questions)
                .unwrap_or_default(),
        })
    }

    /// The blockers the draft starts with: the day's own, else the ones
    /// carried over from the previous update.
    fn open_blockers(&self) -> &[crate::model::Blocker] {
        match (&self.same_day, &self.previous) {
            (Some(day), _) => &day.blockers,
            (None, Some(previous)) => &previous.blockers,
            (None, None) => &[],
        }
    }

    /// Every text the draft starts with: mentions in them were checked when
    /// they were first written.
    fn known_texts(&self) -> Vec<&String> {
        let mut texts: Vec<&String> = self.open_blockers().iter().map(|b| &b.text).collect();
        if let Some(day) = &self.same_day {
            texts.extend(day.yesterday.iter().chain(&day.today));
        }
        texts
    }
}

/// Runs `write`: the update is built from what the mirror has and committed
/// to it first; only then is the network asked (see [`super::write_send`]),
/// so a stalled remote, Ctrl-C or a crash never costs what was written.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let team = ctx.open_team()?;
    if team.store.is_external() {
        return Err(Error::Usage(
            "--repo is read-only: write through a team joined with `async-up init`".into(),
        ));
    }
    let me = ctx.identity(team.config.as_ref())?;
    let will_push = !args.no_push && !ctx.global.offline && team.store.remote().is_some();
    let mut base = Base::read(ctx, &team, &me, args.date)?;
    // A blocker id this mirror has never seen was most likely opened on
    // another machine: look at the remote before refusing it. Nothing is
    // saved yet, but nothing valid could be either.
    let unknown_id = args
        .resolve
        .iter()
        .any(|id| id != "all" && !base.open_blockers().iter().any(|b| &b.id == id));
    // A refusal is no reason to lose the update: write it, and the push
    // after it says why and exits 2.
    let caught_up = match will_push && unknown_id {
        true => match super::catch_up(ctx, &team) {
            Err(Error::Refused { .. } | Error::CannotConnect { .. }) => false,
            other => other?.is_none(),
        },
        false => false,
    };
    if caught_up {
        base = Base::read(ctx, &team, &me, args.date)?;
    }
    let date = base.date;
    let written_at = ctx.now.with_timezone(&base.tz).fixed_offset();

    let activity = crate::activity::for_yesterday(ctx, &me.email, base.previous.as_ref());
    let suggested = activity.lines;
    if args.suggest {
        let mut text: String = suggested
            .iter()
            .map(|s| format!("{}\n", crate::render::sanitize::clean(s)))
            .collect();
        if activity.more > 0 {
            text.push_str(&format!("… {} more commits not shown\n", activity.more));
        }
        ctx.out().print(&text)?;
        return Ok(Status::Success);
    }
    let mut changes = args.changes(&base.questions)?;
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
        changes = write_prompt::ask(
            base.previous.as_ref(),
            base.same_day.as_ref(),
            &base.questions,
            &suggested,
        )?;
    } else if changes.is_empty() && !args.edit {
        return Err(Error::NothingToWrite);
    }
    let mut update = apply_changes(
        me.handle.as_str(),
        date,
        written_at,
        base.same_day.as_ref(),
        base.previous.as_ref(),
        &changes,
    )?;
    if args.edit {
        update = edit(&update)?;
    }
    for q in base.questions.iter().filter(|q| q.required) {
        if !update.answers.contains_key(&q.id) {
            return Err(Error::Usage(format!(
                "the team requires an answer to {:?} ({}): give --answer {}=..., nothing was written",
                q.id, q.prompt, q.id
            )));
        }
    }

    let content = update.to_toml().into_bytes();
    fits(content.len(), date)?;
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
            content,
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
    if will_push {
        let carried = match (&base.same_day, committed) {
            // A new day: its blockers came from the previous update as
            // this mirror had it, which the fetch may show was stale.
            (None, Some(commit)) => Some(write_send::Carried {
                commit,
                path: path.clone(),
                handle: me.handle.clone(),
                carried_from: base.open_blockers().to_vec(),
                update: update.clone(),
            }),
            _ => None,
        };
        write_send::send(ctx, &team, carried)?;
    } else if !team.local_only {
        ctx.note("committed locally; `async-up sync` pushes it");
    }
    // Checked last, against the roster as fresh as this run got it.
    let known: Vec<String> = super::roster(&team.store.snapshot()?)
        .into_iter()
        .map(|m| m.handle)
        .collect();
    warn_unknown_mentions(&update, &base.known_texts(), &known, me.handle.as_str());
    Ok(Status::Success)
}

/// The typo guard: a mention of someone who is not in the team is most
/// likely a misspelt handle, so say so (the update is still written). Only
/// text new in this write is checked: a carried-over blocker was checked
/// when it was first written, and saying it again each day is noise.
fn warn_unknown_mentions(update: &Update, old_texts: &[&String], known: &[String], me: &str) {
    let texts = update
        .yesterday
        .iter()
        .chain(&update.today)
        .chain(update.blockers.iter().map(|b| &b.text))
        .filter(|t| !old_texts.contains(t));
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

/// Refuses an update file larger than every reader accepts
/// ([`layout::MAX_FILE_BYTES`]): pushed, it would be skipped by everyone and
/// the day would show as not written.
fn fits(bytes: usize, date: NaiveDate) -> Result<()> {
    if bytes <= layout::MAX_FILE_BYTES {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "your update for {date} would be {bytes} bytes, over the {} byte limit of an update file that every reader keeps to; nothing was written: shorten the longest items (or put long text in a linked document) and write again",
        layout::MAX_FILE_BYTES
    )))
}

/// Lets the user edit the update as TOML; the result must still parse and
/// still be the same person's update for the same date. An edit that does
/// not is reopened or kept, never thrown away (see [`crate::editor`]).
fn edit(draft: &Update) -> Result<Update> {
    crate::editor::edit_until(
        &draft.to_toml(),
        &format!("update-{}.toml", draft.date),
        |edited| {
            let mut update = Update::from_toml("the edited update", edited)?;
            if update.author != draft.author || update.date != draft.date {
                return Err(Error::Usage(format!(
                    "the edited update must keep author = {:?} and date = {}",
                    draft.author, draft.date
                )));
            }
            update.written_at = draft.written_at;
            update.version = draft.version;
            fits(update.to_toml().len(), update.date)?;
            Ok(update)
        },
    )
}
