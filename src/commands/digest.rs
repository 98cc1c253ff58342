//! `async-up digest`: what happened in a period, for leads: per member what
//! they planned each day beside what they reported next, blockers opened and
//! resolved, days away and holidays; then the team's open blockers by age,
//! and the signals the rules of [`crate::insight::signals`] fired.

use super::{parse_date, refresh, roster, today_in, Since, Status};
use crate::context::Context;
use crate::error::Result;
use crate::insight::signals::{self, MemberInput};
use crate::insight::{blocker_lives, dates};
use crate::model::{Handle, Member, Update};
use crate::post::Webhook;
use crate::render::digest::{self as render, BlockerJson, Day, Digest, MemberDigest, OpenBlocker};
use chrono::{Days, NaiveDate};
use std::collections::{HashMap, HashSet};

/// History read before the period for the signals: a plan repeated or a
/// blocker resolved in the fortnight before still counts.
const LOOKBACK_DAYS: u64 = 14;

/// Summarise a period: plans against what was reported, blockers, time away.
///
/// Markdown pastes into GitHub, Mattermost, Teams, Discord or an email;
/// `--format slack` is a Slack Block Kit message; `--post URL` sends either
/// to a chat webhook instead of printing it.
///
/// Example: async-up digest --week --format slack --post "$SLACK_WEBHOOK_URL"
#[derive(Debug, clap::Args)]
pub struct Args {
    /// This week: Monday to today (the last seven days on a weekend).
    #[arg(long, conflicts_with = "since")]
    pub week: bool,
    /// Start of the period: a date or a span back (default: --week).
    #[arg(long, value_name = "D", value_parser = Since::parse)]
    pub since: Option<Since>,
    /// End of the period (default: today).
    #[arg(long, value_name = "D", value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DigestFormat::Markdown)]
    pub format: DigestFormat,
    /// Do not fetch first.
    #[arg(long)]
    pub no_fetch: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub teams: super::org::TeamsArgs,
    /// Post to this chat webhook (http or https) instead of printing: slack
    /// as Block Kit JSON, markdown as {"text": ...} ({"content": ...} for
    /// Discord). Retries a busy server; exit 2 when the post fails.
    #[arg(long, value_name = "URL")]
    pub post: Option<String>,
}

/// Formats of `digest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DigestFormat {
    /// Markdown for chat and email.
    Markdown,
    /// Stable JSON.
    Json,
    /// A small self-contained HTML page.
    Html,
    /// A Slack Block Kit message for an incoming webhook.
    Slack,
}

/// Runs `digest`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let hook = args.post.as_deref().map(Webhook::parse).transpose()?;
    if hook.is_some() && matches!(args.format, DigestFormat::Json | DigestFormat::Html) {
        return Err(crate::post::unpostable("json or html"));
    }
    if let Some(names) = super::org::selected(ctx, &args.teams)? {
        return super::org_views::digest(ctx, args, hook, &names);
    }
    let team = ctx.open_team()?;
    refresh(ctx, &team, args.no_fetch)?;
    let digest = digest(ctx, args, &team)?;
    let text = match args.format {
        DigestFormat::Json => render::json(&digest),
        DigestFormat::Markdown => render::markdown(&digest, &digest.links),
        DigestFormat::Html => render::html(&digest, &digest.links),
        DigestFormat::Slack => crate::render::slack::digest(&digest, &digest.links),
    };
    if let Some(hook) = hook {
        let slack = args.format == DigestFormat::Slack;
        crate::post::rendered(&hook, slack, &text, "async-up digest")?;
        ctx.note(&format!("posted the digest to {}", hook.shown()));
        return Ok(Status::Success);
    }
    ctx.out().print(&text)?;
    Ok(Status::Success)
}

/// The digest of `team` over the period the flags give; the warnings its
/// files raised are printed (an error under `--strict`).
pub(crate) fn digest(ctx: &Context, args: &Args, team: &crate::context::Team) -> Result<Digest> {
    let today = today_in(ctx.now, super::reader_zone());
    let until = args.until.unwrap_or(today);
    let since = match args.since {
        Some(s) => s.resolve(until),
        None => crate::insight::week_of(until).0,
    };
    let (since, until) = super::period_bounds(since, until)?;
    let snapshot = super::stats::history_snapshot(team)?;
    let insight = snapshot
        .team_file()
        .and_then(|t| t.insight)
        .unwrap_or_default();
    let read_from = since
        .checked_sub_days(Days::new(LOOKBACK_DAYS))
        .unwrap_or(since);
    let replies = snapshot.replies(Some(super::replies_from(since)));
    let mut members = Vec::new();
    let mut open_blockers = Vec::new();
    let mut histories: Vec<(Member, Vec<Update>)> = Vec::new();
    for member in roster(&snapshot) {
        let handle = Handle::parse(&member.handle)?;
        let history = super::period_history(&snapshot, &handle, read_from, until);
        let mut days = Vec::new();
        for (i, u) in history.iter().enumerate() {
            if u.date < since {
                continue;
            }
            days.push(Day {
                date: u.date.to_string(),
                planned: u.today.clone(),
                reported: history.get(i + 1).map(|next| next.yesterday.clone()),
                replies: crate::render::thread::to_update(&replies, &u.author, u.date),
            });
        }
        let lives = blocker_lives(&history);
        let to_json = |l: &crate::insight::BlockerLife| BlockerJson {
            id: l.id.clone(),
            text: l.text.clone(),
            since: l.since.to_string(),
            resolved: l.resolved.map(|r| r.to_string()),
            days: l.resolved.map(|r| (r - l.since).num_days()),
        };
        let opened = lives
            .iter()
            .filter(|l| l.since >= since && l.since <= until)
            .map(to_json)
            .collect();
        let resolved = lives
            .iter()
            .filter(|l| l.resolved.is_some_and(|r| r >= since && r <= until))
            .map(to_json)
            .collect();
        for l in lives.iter().filter(|l| l.resolved.is_none()) {
            open_blockers.push(OpenBlocker {
                author: member.handle.clone(),
                id: l.id.clone(),
                text: l.text.clone(),
                since: l.since.to_string(),
                age_days: (until - l.since).num_days().max(0),
                team: None,
                replies: crate::render::thread::to_blocker(&replies, &member.handle, &l.id),
            });
        }
        let away_days = dates(since, until)
            .filter(|d| member.away_on(*d).is_some())
            .count() as u32;
        let holidays = dates(since, until)
            .filter(|d| member.away_on(*d).is_none() && member.was_member_on(*d))
            .filter_map(|d| {
                member.holiday_on(d).map(|h| render::HolidayDay {
                    date: d.to_string(),
                    name: h.name.clone(),
                })
            })
            .collect();
        members.push(MemberDigest {
            handle: member.handle.clone(),
            days,
            blockers_opened: opened,
            blockers_resolved: resolved,
            away_days,
            team: None,
            holidays,
        });
        histories.push((member, history));
    }
    let answered = answered_blockers(&snapshot, &histories, &replies, since);
    let none = HashSet::new();
    let inputs: Vec<MemberInput<'_>> = histories
        .iter()
        .map(|(member, history)| MemberInput {
            member,
            history,
            answered: answered.get(member.handle.as_str()).unwrap_or(&none),
        })
        .collect();
    let figures: Vec<_> = histories
        .iter()
        .map(|(m, h)| {
            (
                m.handle.clone(),
                crate::insight::figures(m, h, since, until),
            )
        })
        .collect();
    let signals = signals::signals(&inputs, &figures, &insight, since, until);
    open_blockers.sort_by(|a, b| b.age_days.cmp(&a.age_days).then(a.author.cmp(&b.author)));
    let links = match args.format {
        DigestFormat::Json => crate::render::links::Links::none(),
        _ => super::links(&snapshot),
    };
    super::finish_warnings(ctx, &snapshot)?;
    let digest = Digest {
        schema: 1,
        team: super::team_title(team, &snapshot),
        since: since.to_string(),
        until: until.to_string(),
        members,
        open_blockers,
        signals,
        links,
    };
    Ok(digest)
}

/// For each member, the ids of their blockers still open that someone else
/// answered with a reply or an offer of help (a reaction is not an answer).
/// `read` holds the replies already read from `since` on; only the files
/// before them, back to the oldest open blocker, are read here.
fn answered_blockers<'h>(
    snapshot: &crate::store::Snapshot<'_>,
    histories: &'h [(Member, Vec<Update>)],
    read: &[crate::model::reply::FoundReply],
    since: NaiveDate,
) -> HashMap<&'h str, HashSet<String>> {
    let mut out: HashMap<&str, HashSet<String>> = HashMap::new();
    let oldest = histories
        .iter()
        .filter_map(|(_, h)| h.last())
        .flat_map(|u| u.blockers.iter().map(|b| b.since))
        .min();
    let Some(oldest) = oldest else {
        return out;
    };
    let (from, read_from) = (super::replies_from(oldest), super::replies_from(since));
    let earlier = match read_from.pred_opt() {
        Some(before) if from < read_from => {
            snapshot.replies_between(Some(from), Some(before), &|_| true)
        }
        _ => Vec::new(),
    };
    let members: HashSet<&'h str> = histories.iter().map(|(m, _)| m.handle.as_str()).collect();
    for found in earlier.iter().chain(read) {
        let r = &found.reply;
        let Some(id) = r.blocker.as_ref() else {
            continue;
        };
        if found.author == r.to || (r.text.is_none() && !r.offer) {
            continue;
        }
        if let Some(handle) = members.get(r.to.as_str()) {
            out.entry(*handle).or_default().insert(id.clone());
        }
    }
    out
}
