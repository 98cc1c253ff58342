//! `async-up blockers`: what is blocking whom. Exit 0 when nothing is, 1 when
//! something is, 2 on error, so CI scripts can branch on it.

use super::{refresh, roster, today_in, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::Handle;
use crate::post::Webhook;
use crate::render::{self, BlockerRow};

/// List every open blocker in each member's latest update.
///
/// Exits 1 when at least one blocker is listed, 0 when none, 2 on error.
///
/// Example (fail a CI job on blockers older than two days):
///   async-up blockers --older-than 2 --require-fresh
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = BlockersFormat::Table)]
    pub format: BlockersFormat,
    /// Only blockers open for more than DAYS days.
    #[arg(long, value_name = "DAYS")]
    pub older_than: Option<u32>,
    /// Do not fetch first; show what the mirror has.
    #[arg(long)]
    pub no_fetch: bool,
    /// Exit 2 instead of judging stale data when the remote cannot be fetched.
    #[arg(long)]
    pub require_fresh: bool,
    /// Only blockers that mention this handle (`@handle`).
    #[arg(long, value_name = "HANDLE", add = clap_complete::ArgValueCandidates::new(crate::complete::handles))]
    pub mentions: Option<String>,
    /// Post to this chat webhook (http or https) instead of printing, when
    /// there are blockers: slack as Block Kit JSON, markdown as {"text": ...}
    /// ({"content": ...} for Discord). The exit code stays 1 after a post.
    #[arg(long, value_name = "URL")]
    pub post: Option<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub teams: super::org::TeamsArgs,
}

/// Formats of `blockers`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BlockersFormat {
    /// A table fitted to the terminal.
    Table,
    /// Markdown for GitHub, Mattermost, Teams, Discord or email.
    Markdown,
    /// Stable JSON for scripts.
    Json,
    /// A Slack Block Kit message for an incoming webhook.
    Slack,
}

/// Runs `blockers`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    let hook = args.post.as_deref().map(Webhook::parse).transpose()?;
    if hook.is_some() && matches!(args.format, BlockersFormat::Table | BlockersFormat::Json) {
        return Err(crate::post::unpostable("table or json"));
    }
    if let Some(names) = super::org::selected(ctx, &args.teams)? {
        return super::org_views::blockers(ctx, args, hook, &names);
    }
    let team = ctx.open_team()?;
    let stale = refresh(ctx, &team, args.no_fetch)?;
    if let (true, Some(reason)) = (args.require_fresh, stale) {
        return Err(Error::Stale(reason));
    }
    let mentioned = args.mentions.as_deref().map(Handle::from_cli).transpose()?;
    let (rows, warnings, links) = rows(ctx, args, &team, mentioned.as_ref())?;
    let out = ctx.out();
    let text = match args.format {
        BlockersFormat::Table => render::table::blockers(&out, &rows),
        BlockersFormat::Markdown => render::markdown::blockers(&rows, &links),
        BlockersFormat::Json => render::json::blockers(&rows),
        BlockersFormat::Slack => render::slack::blockers(&rows, &links),
    };
    show(ctx, hook, args.format, &text, rows.len())?;
    super::report_warnings(ctx, warnings)?;
    Ok(if rows.is_empty() {
        Status::Success
    } else {
        Status::Found
    })
}

/// Prints the rendered blockers, or posts them to the webhook.
pub(crate) fn show(
    ctx: &Context,
    hook: Option<Webhook>,
    format: BlockersFormat,
    text: &str,
    count: usize,
) -> Result<()> {
    match hook {
        // Nothing blocks: nothing to tell the channel.
        Some(hook) if count == 0 => {
            ctx.note(&format!("no blockers: nothing posted to {}", hook.shown()));
        }
        Some(hook) => {
            let slack = format == BlockersFormat::Slack;
            crate::post::rendered(&hook, slack, text, "async-up blockers")?;
            ctx.note(&format!("posted {count} blocker(s) to {}", hook.shown()));
        }
        None => ctx.out().print(text)?,
    }
    Ok(())
}

/// The open blockers of `team` the flags ask for, oldest first, the
/// warnings its files raised, and its `[links]`.
pub(crate) fn rows(
    ctx: &Context,
    args: &Args,
    team: &crate::context::Team,
    mentioned: Option<&Handle>,
) -> Result<(Vec<BlockerRow>, Vec<String>, render::links::Links)> {
    let snapshot = team.store.snapshot()?;
    let mut rows = Vec::new();
    for member in roster(&snapshot) {
        let handle = Handle::parse(&member.handle)?;
        let today = today_in(ctx.now, member.tz());
        let Some(update) = snapshot.latest_update(&handle, Some(today)) else {
            continue;
        };
        for b in update.blockers {
            let age_days = (today - b.since).num_days().max(0);
            if args
                .older_than
                .is_some_and(|min| age_days <= i64::from(min))
            {
                continue;
            }
            if let Some(h) = mentioned {
                if !crate::model::mention::mentions_handle(&b.text, h.as_str()) {
                    continue;
                }
            }
            rows.push(BlockerRow {
                author: member.handle.clone(),
                id: b.id,
                text: b.text,
                since: b.since,
                age_days,
                away: member.away_on(today).is_some(),
                replies: Vec::new(),
            });
        }
    }
    let oldest = rows.iter().map(|r| r.since).min();
    let replies = snapshot.replies(oldest.map(super::replies_from));
    for row in &mut rows {
        row.replies = render::thread::to_blocker(&replies, &row.author, &row.id);
    }
    rows.sort_by(|a, b| b.age_days.cmp(&a.age_days).then(a.author.cmp(&b.author)));
    // Only markdown and Slack link; a table never warns about `[links]`.
    let links = match args.format {
        BlockersFormat::Markdown | BlockersFormat::Slack => super::links(&snapshot),
        _ => render::links::Links::none(),
    };
    let warnings = snapshot.warnings.take();
    Ok((rows, warnings, links))
}
