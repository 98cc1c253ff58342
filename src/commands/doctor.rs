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
}

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
    let committer = [
        ("user.name", crate::gitconfig::committer_name()),
        ("user.email", crate::gitconfig::committer_email()),
    ];
    for (key, value) in committer {
        match value {
            Some(v) => r.ok(key, &v),
            None => r.fail(
                key,
                "not set",
                &format!("git config --global {key} \"...\""),
            ),
        }
    }
    let paths = Paths::discover()?;
    match UserConfig::load(&paths.config_file) {
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
    let ctx = Context::new(global.clone())?;
    r.ok("transport", ctx.transport.name());
    match crate::clock::system_zone() {
        Some(z) => r.ok(
            "time zone",
            &format!(
                "{z}, now {}",
                ctx.now
                    .with_timezone(&crate::commands::reader_zone())
                    .format("%Y-%m-%d %H:%M %:z")
            ),
        ),
        None => r.fail(
            "time zone",
            "the machine's zone is not an IANA name",
            "set TZ, e.g. TZ=Europe/Berlin",
        ),
    }
    let name = global
        .team
        .clone()
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
        return finish(r);
    };
    let Some(team) = ctx.config.teams.get(&name).cloned() else {
        r.fail(
            "team",
            &format!("{name:?} is not configured"),
            "async-up init <REMOTE> --team NAME",
        );
        return finish(r);
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
    match remote::detect_default_branch(&spec) {
        Ok(branch) => {
            r.ok("remote", &format!("reachable through {}", ctx.transport.name()));
            r.ok("default branch", &branch);
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
    let mirror = ctx.paths.mirror(&name);
    match Store::open_mirror(&mirror, Some(spec)) {
        Ok(store) if store.is_healthy() => {
            r.ok("mirror", &mirror.display().to_string());
            match store.pending_count() {
                Ok(0) => r.ok("pending updates", "none"),
                Ok(n) => r.fail(
                    "pending updates",
                    &format!("{n} not pushed yet"),
                    "async-up sync",
                ),
                Err(e) => r.fail("pending updates", &e.to_string(), "async-up sync"),
            }
            if let Some(handle) = team.handle.as_deref().and_then(|h| Handle::parse(h).ok()) {
                match store.snapshot().map(|s| s.member(&handle)) {
                    Ok(Some(member)) => {
                        let file = crate::model::layout::member_path(&handle);
                        r.ok("member file", &file);
                        if let Some(me) = &me {
                            check_email(&mut r, &file, member.email.as_deref(), &me.email);
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
    finish(r)
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
    };
    out.print(&crate::render::sanitize::clean_lines(&r.lines))?;
    Ok(if r.failed == 0 {
        Status::Success
    } else {
        Status::Found
    })
}
