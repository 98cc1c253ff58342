//! `async-up doctor`: the things that break for real users, checked one by
//! one, each with a fix when it fails.

use super::Status;
use crate::cli::GlobalArgs;
use crate::config::{Paths, UserConfig};
use crate::context::Context;
use crate::error::Result;
use crate::model::Handle;
use crate::store::{remote, RemoteSpec, Store};

/// Check git, identity, config, remote, branch, pending updates, clock and mirror.
///
/// One line per check, with a fix for each that fails. Exit 0 when all pass, 1 otherwise.
///
/// Example: async-up doctor --team acme
#[derive(Debug, clap::Args)]
pub struct Args {}

struct Report {
    failed: usize,
    lines: String,
}

impl Report {
    fn ok(&mut self, what: &str, detail: &str) {
        self.lines.push_str(&format!("ok    {what}: {detail}\n"));
    }
    fn fail(&mut self, what: &str, detail: &str, fix: &str) {
        self.failed += 1;
        self.lines
            .push_str(&format!("FAIL  {what}: {detail}\n      fix: {fix}\n"));
    }
    /// Worth knowing, but nothing fails because of it yet.
    fn warn(&mut self, what: &str, detail: &str, fix: &str) {
        self.lines
            .push_str(&format!("WARN  {what}: {detail}\n      fix: {fix}\n"));
    }
}

/// Below this much free space in the data dir, `doctor` warns: a year of a
/// big team's updates is a few MiB, but git needs room to fetch and repack.
const LOW_SPACE: u64 = 50 * 1024 * 1024;
/// Below this, writes are about to fail: a check fails.
const NO_SPACE: u64 = 1024 * 1024;

/// Runs `doctor`.
pub fn run(global: &GlobalArgs, _args: &Args) -> Result<Status> {
    let mut r = Report {
        failed: 0,
        lines: String::new(),
    };
    match std::process::Command::new("git").arg("--version").output() {
        Ok(o) if o.status.success() => r.ok("git", String::from_utf8_lossy(&o.stdout).trim()),
        _ => r.fail(
            "git",
            "no git binary on PATH; using libgit2 (paths, git:// and ssh only)",
            "install git for https remotes, ssh config, agents and credential helpers",
        ),
    }
    // Not needed for the local-only team, and a joined team can carry its
    // own (`init --email`); the email check below says if yours is wrong.
    let committer = [
        (
            "user.name",
            crate::gitconfig::committer_name(),
            "commits carry your handle as the name",
        ),
        (
            "user.email",
            crate::gitconfig::committer_email(),
            "joining a team needs `async-up init --email ADDR`",
        ),
    ];
    for (key, value, without) in committer {
        match value {
            Some(v) => r.ok(key, &v),
            None => r.warn(
                key,
                &format!("not set in git; {without}"),
                &format!("git config --global {key} \"...\""),
            ),
        }
    }
    let paths = Paths::discover()?;
    match UserConfig::load(&paths.config_file) {
        Ok(_) if !paths.config_file.exists() => r.ok(
            "config",
            &format!(
                "no config file yet (defaults); `async-up init` writes {}",
                paths.config_file.display()
            ),
        ),
        Ok(_) => r.ok("config", &paths.config_file.display().to_string()),
        Err(e) => {
            r.fail(
                "config",
                &e.to_string(),
                "fix the file or move it away and run `async-up init` again",
            );
            return finish(r);
        }
    }
    check_disk(&mut r, &paths.data_dir);
    let ctx = Context::new(global.clone())?;
    r.ok("transport", ctx.transport.name());
    let member_zone = check_team(&mut r, global, &ctx);
    check_zone(&mut r, &ctx, member_zone);
    finish(r)
}

/// Free space where the mirrors live: a full disk fails every write.
fn check_disk(r: &mut Report, data_dir: &std::path::Path) {
    let Some(free) = crate::fsutil::free_space(data_dir) else {
        return;
    };
    let detail = format!(
        "{:.1} MiB free in {}",
        free as f64 / (1024.0 * 1024.0),
        data_dir.display()
    );
    let fix = "free some space on that disk, or move the data dir (XDG_DATA_HOME) to a bigger one";
    if free < NO_SPACE {
        r.fail("disk", &format!("{detail}: writes will fail"), fix);
    } else if free < LOW_SPACE {
        r.warn("disk", &format!("{detail}: running low"), fix);
    } else {
        r.ok("disk", &detail);
    }
}

/// Your zone as the team sees it (your member file's), and the machine's
/// when it differs: `status` and `write` date your updates by the former.
fn check_zone(r: &mut Report, ctx: &Context, member_zone: Option<String>) {
    let machine = crate::clock::system_zone();
    let shown = member_zone
        .as_deref()
        .and_then(|z| {
            z.parse::<chrono_tz::Tz>()
                .ok()
                .map(|tz| (z.to_string(), tz))
        })
        .or_else(|| {
            machine
                .as_deref()
                .and_then(|z| z.parse().ok().map(|tz| (z.to_string(), tz)))
        });
    let Some((name, tz)) = shown else {
        r.fail(
            "time zone",
            "the machine's zone is not an IANA name",
            "set TZ, e.g. TZ=Europe/Berlin",
        );
        return;
    };
    let mut detail = format!(
        "{name}, now {}",
        ctx.now.with_timezone(&tz).format("%Y-%m-%d %H:%M %:z")
    );
    if member_zone.is_some() {
        detail.push_str(" (your member file)");
        match &machine {
            Some(m) if *m != name => detail.push_str(&format!("; this machine is in {m}")),
            None => detail.push_str("; this machine's zone is not an IANA name"),
            _ => {}
        }
    }
    r.ok("time zone", &detail);
}

/// The team's checks: which team, who you are, the remote, the mirror,
/// pending updates and your member file. Returns your member file's zone.
fn check_team(r: &mut Report, global: &GlobalArgs, ctx: &Context) -> Option<String> {
    let mut member_zone = None;
    let name = global
        .team()
        .cloned()
        .or_else(|| ctx.config.default_team.clone())
        .or_else(|| {
            (ctx.config.teams.len() == 1)
                .then(|| ctx.config.teams.keys().next().cloned())
                .flatten()
        });
    let Some(name) = name else {
        r.fail(
            "team",
            "no team joined (a local-only team is used)",
            "async-up init <REMOTE>",
        );
        return None;
    };
    let Some(team) = ctx.config.teams.get(&name).cloned() else {
        r.fail(
            "team",
            &format!("{name:?} is not configured"),
            "async-up init <REMOTE> --team NAME",
        );
        return None;
    };
    r.ok("team", &format!("{name} ({})", team.remote));
    let me = match ctx.identity(Some(&team)) {
        Ok(me) => {
            r.ok("handle", me.handle.as_str());
            Some(me)
        }
        Err(e) => {
            r.fail(
                "handle",
                &e.to_string(),
                "async-up init <REMOTE> --user HANDLE",
            );
            None
        }
    };
    let spec = RemoteSpec {
        url: team.remote.clone(),
        transport: ctx.transport,
    };
    let mut default_branch = None;
    match remote::detect_default_branch(&spec) {
        Ok(branch) => {
            r.ok("remote", &format!("reachable through {}", ctx.transport.name()));
            r.ok("default branch", &branch);
            default_branch = Some(branch);
        }
        Err(crate::Error::Refused { reason, fix, .. } | crate::Error::CannotConnect { reason, fix, .. }) => {
            r.fail("remote", &reason, &fix)
        }
        Err(e) => r.fail(
            "remote",
            &e.to_string(),
            "check the URL and your access: ssh agent (ssh-add -l), keys in ~/.ssh, or a git credential helper for https",
        ),
    }
    // The name is a configured team's, checked when the config was read.
    let Ok(mirror) = ctx.paths.mirror(&name) else {
        return member_zone;
    };
    match Store::open_mirror(&mirror, Some(spec.clone())) {
        Ok(store) if store.is_healthy() => {
            r.ok("mirror", &mirror.display().to_string());
            if let Some(default) = &default_branch {
                check_branch(r, &spec, store.branch(), default);
            }
            match store.pending_count() {
                Ok(0) => r.ok("pending updates", "none"),
                Ok(n) => r.fail(
                    "pending updates",
                    &format!("{n} not pushed yet"),
                    "async-up sync",
                ),
                Err(e) => r.fail("pending updates", &e.to_string(), "async-up sync"),
            }
            check_team_file(r, &store);
            if let Some(handle) = team.handle.as_deref().and_then(|h| Handle::parse(h).ok()) {
                match store.snapshot().map(|s| s.member(&handle)) {
                    Ok(Some(member)) => {
                        member_zone = member.timezone.clone();
                        let file = crate::model::layout::member_path(&handle);
                        r.ok("member file", &file);
                        if let Some(me) = &me {
                            check_email(r, &file, member.email.as_deref(), &me.email);
                        }
                    }
                    _ => r.fail(
                        "member file",
                        "missing in the team repo",
                        "async-up init <REMOTE> again",
                    ),
                }
            }
        }
        _ => r.fail(
            "mirror",
            "missing or damaged",
            "run any command (e.g. `async-up team`): it rebuilds the mirror",
        ),
    }
    member_zone
}

/// The team file as last fetched (doctor does not fetch): it parses, and
/// each `[links]` entry is one async-up can use (one it leaves out is a
/// warning in every view until fixed).
fn check_team_file(r: &mut Report, store: &Store) {
    let Ok(snapshot) = store.snapshot() else {
        return;
    };
    let file = crate::model::layout::TEAM_FILE;
    let team = snapshot.team_file();
    let unreadable = snapshot.warnings.take();
    let fix = format!("ask a maintainer to fix {file} (see the README's \"Links to the work\")");
    for problem in &unreadable {
        r.fail("team file", problem, &fix);
    }
    let Some(team) = team else {
        if unreadable.is_empty() {
            r.ok("team file", &format!("none ({file} is optional)"));
        }
        return;
    };
    r.ok("team file", &format!("{file} (as last fetched)"));
    let (links, problems) = crate::render::links::Links::from_team(Some(&team));
    for problem in &problems {
        r.warn("links", problem, &fix);
    }
    if problems.is_empty() && !links.is_empty() {
        r.ok("links", &format!("{} pattern(s)", team.links.len()));
    }
}

/// The branch the mirror follows against the remote's default one. A
/// renamed branch is followed by the next fetch once the old one is gone;
/// while both exist the team keeps writing to the old one, and says so.
fn check_branch(r: &mut Report, spec: &RemoteSpec, mine: &str, default: &str) {
    if mine == default {
        return r.ok("branch", mine);
    }
    match crate::store::follow::remote_has_branch(spec, mine) {
        Ok(false) => r.fail(
            "branch",
            &format!("the mirror follows {mine}, which the remote no longer has (its default branch is {default})"),
            &format!("async-up sync (it follows {default} and pushes your pending updates there)"),
        ),
        Ok(true) => r.fail(
            "branch",
            &format!("the remote's default branch is {default}, but the team writes to {mine}, which the remote still has"),
            &format!("if the team moved to {default}, a maintainer deletes {mine} on the remote (git push origin --delete {mine}) and async-up follows {default}; else point the remote's HEAD back at {mine}"),
        ),
        Err(e) => r.fail(
            "branch",
            &format!("the remote's default branch is {default}, the mirror follows {mine}, and whether the remote still has {mine} is unknown: {e}"),
            "async-up sync follows the default branch once the old one is gone",
        ),
    }
}

/// Your commits' email against your member file's: `audit` flags every
/// commit of yours when they differ.
fn check_email(r: &mut Report, file: &str, member: Option<&str>, mine: &str) {
    match member {
        Some(theirs) if theirs.eq_ignore_ascii_case(mine) => r.ok("email", mine),
        Some(theirs) => r.fail(
            "email",
            &format!("you commit as {mine} but {file} says {theirs}, so `async-up audit` flags your commits"),
            &format!("async-up me --email {mine} (if {mine} is right), or git config --global user.email {theirs}"),
        ),
        None => r.fail(
            "email",
            &format!("{file} has no email, so `async-up audit` flags your commits"),
            &format!("async-up me --email {mine}"),
        ),
    }
}

fn finish(r: Report) -> Result<Status> {
    let out = crate::render::Out {
        color: false,
        width: None,
        ascii: false,
    };
    out.print(&crate::render::sanitize::clean_lines(&r.lines))?;
    Ok(if r.failed == 0 {
        Status::Success
    } else {
        Status::Found
    })
}
