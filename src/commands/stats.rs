//! `async-up stats`: participation, blockers, time to unblock, after-hours
//! writing and mood, per member and for the team.

use super::{refresh, roster, today_in, Since, Status};
use crate::context::Context;
use crate::error::Result;
use crate::insight::{self, Figures, HistoryBuilder, MemberHistory};
use crate::model::Handle;
use chrono::NaiveDate;

/// Show participation, blockers and wellbeing signals over a period.
///
/// Participation is updates on workdays divided by workdays, days away and
/// holidays (holidays.toml) left out. After-hours counts updates written outside the member's hours or on
/// days off. Mood and after-hours show per person only when the team file
/// has `[insight] per_person_wellbeing = true`; otherwise only for the team.
///
/// Example: async-up stats --since 4w --format json
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Start of the period: a date or a span back (default: 4w).
    #[arg(long, value_name = "D", value_parser = Since::parse)]
    pub since: Option<Since>,
    /// End of the period (default: today).
    #[arg(long, value_name = "D", value_parser = super::parse_date)]
    pub until: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
    /// Do not fetch first.
    #[arg(long)]
    pub no_fetch: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub teams: super::org::TeamsArgs,
}

/// Formats of `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    /// A table with sparklines.
    Table,
    /// Stable JSON.
    Json,
}

/// Per-member figures over a period, with the team's totals.
pub struct Period {
    /// First day.
    pub since: NaiveDate,
    /// Last day.
    pub until: NaiveDate,
    /// Each member's handle and figures.
    pub members: Vec<(String, Figures)>,
    /// The team's totals.
    pub team: Figures,
    /// Whether mood and after-hours may be shown per person.
    pub per_person_wellbeing: bool,
    /// The fewest members a team wellbeing figure may stand for.
    pub min_group: u32,
}

impl Period {
    /// The team's wellbeing figures, or why each is withheld.
    pub fn team_wellbeing(&self) -> insight::privacy::TeamWellbeing {
        insight::privacy::team_wellbeing(
            &self.members,
            &self.team,
            self.per_person_wellbeing,
            self.min_group,
        )
    }
}

/// A read view for the views over a period (`stats`, `digest`, `report`).
/// They read history from the trees, by the dates the paths name, so the
/// index beside the mirror (each member's latest files, with their texts)
/// would be loaded for nothing, and a teammate's large files dated ahead
/// are its latest files.
pub(crate) fn history_snapshot(team: &crate::context::Team) -> Result<crate::store::Snapshot<'_>> {
    match team.store.tip() {
        Some(tip) => team.store.snapshot_at(tip),
        None => team.store.snapshot(),
    }
}

/// Reads everyone's history and computes the period's figures.
pub fn period(
    ctx: &Context,
    team: &crate::context::Team,
    since: Option<Since>,
    until: Option<NaiveDate>,
) -> Result<Period> {
    period_with(ctx, team, since, until, |_, _, _| Ok(()))
}

/// The period's figures, showing each member's history to `visit` as it is
/// read: a view that needs more than the figures reads everything once. A
/// history is held lean ([`MemberHistory`]): one whole update at a time is
/// read, so a member listing thousands of blockers in every update costs
/// time in the updates read, not memory.
pub fn period_with<'t>(
    ctx: &Context,
    team: &'t crate::context::Team,
    since: Option<Since>,
    until: Option<NaiveDate>,
    mut visit: impl FnMut(
        &crate::store::Snapshot<'t>,
        &crate::model::Member,
        &MemberHistory,
    ) -> Result<()>,
) -> Result<Period> {
    let today = today_in(ctx.now, super::reader_zone());
    let until = until.unwrap_or(today);
    let (since, until) =
        super::period_bounds(since.unwrap_or(Since::Days(27)).resolve(until), until)?;
    let snapshot = history_snapshot(team)?;
    let insight_settings = snapshot
        .team_file()
        .and_then(|t| t.insight)
        .unwrap_or_default();
    let mut members = Vec::new();
    let mut total = Figures::default();
    let mut counter = crate::render::progress::Counter::new("reading updates, members");
    for (n, member) in roster(&snapshot).into_iter().enumerate() {
        counter.tick(n);
        let handle = Handle::parse(&member.handle)?;
        let history = lean_history(&snapshot, &handle, since, until);
        // A day still under way where the member is (it may not have begun
        // for someone west of the reader) counts once they have written.
        let member_today = today_in(ctx.now, member.tz());
        let counted_until = if history.days.iter().any(|u| u.date == member_today) {
            until.min(member_today)
        } else {
            until.min(member_today.pred_opt().unwrap_or(member_today))
        };
        let f = insight::figures_of(&member, &history.days, &history.lives, since, counted_until);
        total.add(&f);
        visit(&snapshot, &member, &history)?;
        members.push((member.handle.clone(), f));
    }
    super::finish_warnings(ctx, &snapshot)?;
    Ok(Period {
        since,
        until,
        members,
        team: total,
        per_person_wellbeing: insight_settings.per_person_wellbeing,
        min_group: insight_settings.min_group(),
    })
}

/// One person's history over `since..=until` as [`super::period_history`]
/// reads it (led by their last update before the period, for the blockers
/// it carries in), held lean: each update is read, taken in and dropped.
fn lean_history(
    snapshot: &crate::store::Snapshot<'_>,
    handle: &Handle,
    since: NaiveDate,
    until: NaiveDate,
) -> MemberHistory {
    let mut history = HistoryBuilder::default();
    snapshot.each_update_led(handle, since, until, |u| history.push(u));
    history.finish()
}

/// Runs `stats`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    if let Some(names) = super::org::selected(ctx, &args.teams)? {
        return super::org_views::stats(ctx, args, &names);
    }
    let team = ctx.open_team()?;
    refresh(ctx, &team, args.no_fetch)?;
    let p = period(ctx, &team, args.since, args.until)?;
    let out = ctx.out();
    let text = match args.format {
        StatsFormat::Json => crate::render::json::stats(&p),
        StatsFormat::Table => crate::render::table::stats(&out, &p),
    };
    out.print(&text)?;
    Ok(Status::Success)
}
