//! The views over several teams of `team`, `blockers`, `digest` and
//! `stats`: each team read as its single-team view reads it (the same
//! rules, the same rows), then shown together with each entry marked with
//! its team. A member of several teams shows once per team. Figures are
//! not merged across teams: stats and digest show each team's own.

use super::blockers::{self as blockers_cmd, BlockersFormat};
use super::digest::{self as digest_cmd, DigestFormat};
use super::org::{self, Several};
use super::{parse_handles, Status};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::Handle;
use crate::post::Webhook;
use crate::render::{self, BlockerRow, Format};

/// Each team's warnings, said with the team they are about.
fn about(team: &str, warnings: Vec<String>) -> impl Iterator<Item = String> + '_ {
    warnings
        .into_iter()
        .map(move |w| format!("team {}: {w}", render::sanitize::clean(team)))
}

/// Reads each opened team with `read`; a team it fails on is warned about
/// and left out like one that could not be opened.
fn each<T>(
    several: &Several,
    mut read: impl FnMut(&crate::context::Team) -> Result<T>,
) -> (Vec<(String, T)>, Vec<String>) {
    let mut failed = several.failed.clone();
    let mut read_ok = Vec::new();
    for o in &several.opened {
        match read(&o.team) {
            Ok(v) => read_ok.push((o.name.clone(), v)),
            Err(e) => {
                org::left_out(&o.name, &e);
                failed.push(o.name.clone());
            }
        }
    }
    (read_ok, failed)
}

/// `team` over several teams: each team's view under its own title.
pub(super) fn team(ctx: &Context, args: &super::team::Args, names: &[String]) -> Result<Status> {
    let wanted = parse_handles(&args.persons)?;
    let several = org::open_all(ctx, names, args.no_fetch);
    let (read, failed) = each(&several, |team| {
        super::team::view(ctx, args, team, &wanted, false)
    });
    let mut warnings = Vec::new();
    let mut views = Vec::new();
    for (name, (view, w)) in read {
        warnings.extend(about(&name, w));
        views.push((name, view));
    }
    if let Some(h) = wanted.iter().find(|h| {
        !views
            .iter()
            .any(|(_, v)| v.members.iter().any(|m| m.handle == h.as_str()))
    }) {
        if failed.is_empty() {
            return Err(Error::Usage(format!("no member @{h} in any team shown")));
        }
    }
    if !views.is_empty() {
        let out = ctx.out();
        let text = match args.format {
            Format::Table => views
                .iter()
                .map(|(_, v)| render::table::team(&out, v))
                .collect::<Vec<_>>()
                .join("\n"),
            Format::Markdown => views
                .iter()
                .map(|(_, v)| render::markdown::team(v, &v.links))
                .collect::<Vec<_>>()
                .join("\n"),
            Format::Json => {
                let title: Vec<&str> = views.iter().map(|(n, _)| n.as_str()).collect();
                render::json::teams(&views, &title.join(", "))
            }
        };
        out.print(&text)?;
    }
    org::finish(ctx, &failed, warnings, Status::Success)
}

/// `blockers` over several teams: one gate. Exit 1 when any team has a
/// blocker, 2 when a team could not be read at all (after the others).
pub(super) fn blockers(
    ctx: &Context,
    args: &blockers_cmd::Args,
    hook: Option<Webhook>,
    names: &[String],
) -> Result<Status> {
    if args.format == BlockersFormat::Slack {
        return Err(Error::Usage(
            "--format slack shows one team; over several teams use markdown (which --post sends too) or json, or run it once per team".into(),
        ));
    }
    let mentioned = args.mentions.as_deref().map(Handle::from_cli).transpose()?;
    let several = org::open_all(ctx, names, args.no_fetch);
    if args.require_fresh {
        org::require_fresh(&several)?;
    }
    let (read, failed) = each(&several, |team| {
        blockers_cmd::rows(ctx, args, team, mentioned.as_ref())
    });
    let mut warnings = Vec::new();
    let mut groups: Vec<(String, Vec<BlockerRow>)> = Vec::new();
    let mut links = Vec::new();
    for (name, (rows, w, l)) in read {
        warnings.extend(about(&name, w));
        groups.push((name, rows));
        links.push(l);
    }
    let count: usize = groups.iter().map(|(_, rows)| rows.len()).sum();
    let text = if args.format == BlockersFormat::Markdown {
        render::markdown::blockers_of_teams(&groups, &links)
    } else {
        let mut flat: Vec<(String, BlockerRow)> = groups
            .into_iter()
            .flat_map(|(name, rows)| rows.into_iter().map(move |r| (name.clone(), r)))
            .collect();
        flat.sort_by(|(ta, a), (tb, b)| {
            (b.age_days, ta, &a.author).cmp(&(a.age_days, tb, &b.author))
        });
        let (teams, rows): (Vec<String>, Vec<BlockerRow>) = flat.into_iter().unzip();
        match args.format {
            BlockersFormat::Json => render::json::blockers_of_teams(&rows, &teams),
            _ => render::table::blockers_of_teams(&ctx.out(), &rows, Some(&teams)),
        }
    };
    if !several.opened.is_empty() {
        blockers_cmd::show(ctx, hook, args.format, &text, count)?;
    }
    let status = if count == 0 {
        Status::Success
    } else {
        Status::Found
    };
    org::finish(ctx, &failed, warnings, status)
}

/// `stats` over several teams: each team's figures, not merged.
pub(super) fn stats(ctx: &Context, args: &super::stats::Args, names: &[String]) -> Result<Status> {
    let several = org::open_all(ctx, names, args.no_fetch);
    let (periods, failed) = each(&several, |team| {
        super::stats::period(ctx, team, args.since, args.until)
    });
    if !periods.is_empty() {
        let out = ctx.out();
        let text = match args.format {
            super::stats::StatsFormat::Json => render::json::stats_of_teams(&periods),
            super::stats::StatsFormat::Table => render::table::stats_of_teams(&out, &periods),
        };
        out.print(&text)?;
    }
    org::finish(ctx, &failed, Vec::new(), Status::Success)
}

/// `digest` over several teams: each team's digest in turn (markdown), or
/// one document whose members and open blockers carry `team` (json).
pub(super) fn digest(
    ctx: &Context,
    args: &digest_cmd::Args,
    hook: Option<Webhook>,
    names: &[String],
) -> Result<Status> {
    if matches!(args.format, DigestFormat::Html | DigestFormat::Slack) {
        return Err(Error::Usage(
            "a digest over several teams is markdown or json; give --format markdown or json, or run it once per team".into(),
        ));
    }
    let several = org::open_all(ctx, names, args.no_fetch);
    let (digests, failed) = each(&several, |team| digest_cmd::digest(ctx, args, team));
    if !digests.is_empty() {
        let text = match args.format {
            DigestFormat::Json => render::digest::json(&merged(digests)),
            _ => digests
                .iter()
                .map(|(_, d)| render::digest::markdown(d, &d.links))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        match &hook {
            Some(hook) => {
                crate::post::rendered(hook, false, &text, "async-up digest")?;
                ctx.note(&format!("posted the digest to {}", hook.shown()));
            }
            None => ctx.out().print(&text)?,
        }
    }
    org::finish(ctx, &failed, Vec::new(), Status::Success)
}

/// One digest document of several teams': each member and open blocker
/// carries its team; `team` is the teams' names.
fn merged(digests: Vec<(String, render::digest::Digest)>) -> render::digest::Digest {
    let names: Vec<&str> = digests.iter().map(|(n, _)| n.as_str()).collect();
    let mut all = render::digest::Digest {
        schema: 1,
        team: names.join(", "),
        since: digests
            .first()
            .map(|(_, d)| d.since.clone())
            .unwrap_or_default(),
        until: digests
            .first()
            .map(|(_, d)| d.until.clone())
            .unwrap_or_default(),
        members: Vec::new(),
        open_blockers: Vec::new(),
        signals: Vec::new(),
        links: render::links::Links::none(),
    };
    for (name, d) in digests {
        all.signals.extend(d.signals.into_iter().map(|mut s| {
            s.team = Some(name.clone());
            s
        }));
        all.members.extend(d.members.into_iter().map(|mut m| {
            m.team = Some(name.clone());
            m
        }));
        all.open_blockers
            .extend(d.open_blockers.into_iter().map(|mut b| {
                b.team = Some(name.clone());
                b
            }));
    }
    all.open_blockers
        .sort_by(|a, b| (b.age_days, &a.team, &a.author).cmp(&(a.age_days, &b.team, &b.author)));
    all
}
