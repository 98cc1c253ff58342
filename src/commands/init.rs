//! `async-up init`: join a team.

use super::Status;
use crate::config::TeamConfig;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::{layout, Handle, Member, TeamFile};
use crate::store::{sync::SyncOutcome, FileChange, Store};
use std::path::Path;

/// Join a team.
///
/// Mirrors the shared repository into your data dir, records the team in
/// your config (the first team joined becomes the default), and writes and
/// pushes your member file. An empty repository is seeded with the team file.
/// Updates you wrote before joining any team (to the local-only team) come
/// along to the first team you join, for the dates it has no file for.
///
/// Example: async-up init git@github.com:acme/standups.git --timezone Europe/Berlin
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shared repository: a URL, scp-like ssh address or path.
    #[arg(value_name = "REMOTE")]
    pub remote: String,
    /// Your handle (default: the local part of git's user.email).
    #[arg(long, value_name = "HANDLE")]
    pub user: Option<String>,
    /// Your display name (default: git's user.name).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Your IANA time zone (default: the machine's).
    #[arg(long, value_name = "IANA")]
    pub timezone: Option<String>,
    /// The email your commits to this team carry (default: git's user.email; asked for on a terminal when git has none).
    #[arg(long, value_name = "ADDR")]
    pub email: Option<String>,
}

/// Runs `init`.
pub fn run(ctx: &Context, args: &Args) -> Result<Status> {
    if ctx.global.repo.is_some() {
        return Err(Error::Usage(
            "init joins a team through a mirror; drop --repo".into(),
        ));
    }
    if ctx.global.offline {
        return Err(Error::Usage(
            "init needs the network; drop --offline".into(),
        ));
    }
    crate::store::remote_url::check(&args.remote)?;
    let remote = normalise_remote(&args.remote);
    if let Some(h) = &args.user {
        Handle::parse(h)?;
    }
    if let Some(z) = &args.timezone {
        crate::clock::parse_zone(z)?;
    }
    let name = match ctx.global.team() {
        Some(n) => team_name(n).ok_or_else(|| {
            Error::Usage(format!(
                "team name {n:?} must be letters, digits, '.', '_' or '-'"
            ))
        })?,
        None => team_name(&derive_name(&remote)).unwrap_or_else(|| "team".to_string()),
    };
    // The config refuses two names differing only in case (one folder on
    // macOS and Windows): do not write one.
    if let Some(twin) = ctx
        .config
        .teams
        .keys()
        .find(|k| **k != name && k.eq_ignore_ascii_case(&name))
    {
        return Err(Error::Usage(format!(
            "team {twin} is already joined, and {name} differs from it only in case; pick another name with --team"
        )));
    }
    if let Some(existing) = ctx.config.teams.get(&name) {
        if existing.remote != remote {
            return Err(Error::Usage(format!(
                "team {name} is already joined with remote {}; pick another name with --team",
                existing.remote
            )));
        }
    }

    // `audit` judges every commit by its email, so a shared team gets a real
    // one: given, git's, or asked for; never an invented one.
    let email = match &args.email {
        Some(e) => Some(crate::gitconfig::check_email(e).map_err(Error::Usage)?),
        None if crate::gitconfig::committer_email().is_some() => None,
        None => Some(ask_email()?),
    };
    let handle = args.user.clone().or_else(|| {
        // Given by hand, the email names you as git's would have.
        let named_elsewhere = ctx.config.handle.is_some()
            || std::env::var("ASYNC_UP_USER").is_ok_and(|u| !u.is_empty());
        email
            .as_deref()
            .filter(|_| !named_elsewhere)
            .and_then(Handle::from_email)
            .map(|h| h.to_string())
    });
    let mut team_config = TeamConfig {
        remote: remote.clone(),
        handle,
        name: args.name.clone(),
        email,
        timezone: args.timezone.clone(),
        signing_key: None,
    };
    let me = ctx.identity(Some(&team_config))?;
    team_config.handle = Some(me.handle.to_string());

    let path = ctx.paths.mirror(&name)?;
    let spec = crate::store::RemoteSpec {
        url: remote.clone(),
        transport: ctx.transport,
    };
    let mirror_existed = path.join("HEAD").exists();
    let mut store = if mirror_existed {
        let store = Store::open_mirror(&path, Some(spec))?;
        store.fetch()?;
        store.rebase_onto_remote()?;
        store
    } else {
        Store::create_mirror(&path, spec)?
    };

    store.set_signer(ctx.signer(Some(&team_config)));
    let snapshot = store.snapshot()?;
    let existing_member = snapshot.member(&me.handle);
    // Any entry at your member file's path that is not a member file with
    // your email is someone else's: one without an email, a symlink or a
    // file that does not parse would otherwise hand you their fields (or
    // leave `audit` judging you by them).
    let file_there = store
        .tip()
        .and_then(|t| store.repo().find_commit(t).ok())
        .and_then(|c| c.tree().ok())
        .is_some_and(|t| {
            t.get_path(std::path::Path::new(&layout::member_path(&me.handle)))
                .is_ok()
        });
    let theirs = existing_member.as_ref().and_then(|m| m.email.as_deref());
    if file_there && !theirs.is_some_and(|t| t.eq_ignore_ascii_case(&me.email)) {
        let refusal = squatted(&store, &me, theirs);
        drop(snapshot);
        drop(store);
        if !mirror_existed {
            let _ = std::fs::remove_dir_all(&path);
        }
        return Err(refusal);
    }
    let timezone = args
        .timezone
        .clone()
        .or_else(|| existing_member.as_ref().and_then(|m| m.timezone.clone()))
        .or_else(crate::clock::system_zone)
        .unwrap_or_else(|| "UTC".to_string());
    // The local-only team's hint promises that joining shares what was
    // written there; that holds for the first team joined only, so a second
    // team does not get the same updates again.
    let carried = if ctx.config.teams.is_empty() {
        local_updates_missing_from(&ctx.paths.local_team(), &store, &me.handle)?
    } else {
        Vec::new()
    };
    // Joining again keeps what the member file says beyond who and where.
    let mut member = match existing_member {
        Some(member) => member,
        None => {
            let mut member = Member::bare(me.handle.as_str());
            member.joined = Some(joined_on(&snapshot, &me.handle, &carried, &timezone, ctx));
            member
        }
    };
    member.name = Some(me.name.clone());
    member.email = Some(me.email.clone());
    member.timezone = Some(timezone.clone());
    let mut files = Vec::new();
    if snapshot.team_file().is_none() && store.tip().is_none() {
        files.push(FileChange {
            path: layout::TEAM_FILE.to_string(),
            content: TeamFile::seeded(&name, me.handle.as_str())
                .to_toml()
                .into_bytes(),
        });
    }
    files.push(FileChange {
        path: layout::member_path(&me.handle),
        // Joining again keeps what the member file says as it was written.
        content: crate::keep_toml::member_text(&store, &me.handle, &member).into_bytes(),
    });
    drop(snapshot);
    let carried_count = carried.len();
    files.extend(carried);
    let signature = git2::Signature::now(&me.name, &me.email)?;
    store.commit_files(
        &files,
        &format!("async-up: {} joins", me.handle),
        &signature,
    )?;

    let mut config = ctx.config.clone();
    config.teams.insert(name.clone(), team_config);
    if config.default_team.is_none() {
        config.default_team = Some(name.clone());
    }
    config.save(&ctx.paths.config_file)?;

    ctx.note(&format!(
        "joined team {name} as {} ({timezone}); mirror in {}",
        me.handle,
        path.display()
    ));
    if carried_count > 0 {
        ctx.note(&format!(
            "brought {carried_count} update(s) written before joining from the local-only team"
        ));
    }
    match store.sync()? {
        SyncOutcome::Pushed { .. } => ctx.note("pushed your member file"),
        SyncOutcome::Offline { reason, .. } => ctx.note(&format!(
            "could not push your member file yet ({reason}); `async-up sync` will"
        )),
        SyncOutcome::UpToDate | SyncOutcome::LocalOnly => {}
    }
    Ok(Status::Success)
}

/// Asks for your email on a terminal; without one, says how to give it.
fn ask_email() -> Result<String> {
    use std::io::IsTerminal;
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Error::Usage(
            "joining a team needs your email (your commits carry it and `async-up audit` checks it), and git has none: pass --email ADDR, or set git's user.email (git config --global user.email ADDR)".into(),
        ));
    }
    let email = crate::line_input::ask(
        "Your email for this team (git has no user.email)",
        "",
        |s| crate::gitconfig::check_email(s).map(|_| ()),
    )?;
    crate::gitconfig::check_email(&email).map_err(Error::Usage)
}

/// The refusal to adopt a member file under your handle that names someone
/// else's email: adopting it would make `audit` flag your own commits and
/// pass theirs. Says who put it there and what to do.
fn squatted(store: &Store, me: &crate::context::Identity, theirs: Option<&str>) -> Error {
    use crate::render::sanitize::clean;
    let file = layout::member_path(&me.handle);
    // Values from the team repo are one line each: a newline in them must
    // not print a line of its own under ours.
    let by = match last_committer_of(store, &file) {
        Some(who) => format!(", last committed by {}", clean(&who)),
        None => String::new(),
    };
    let (with, yours) = match theirs {
        Some(t) => (
            format!("with the email {}", clean(t)),
            format!(
                " If {} is your own address, set git's user.email to it to join, then move to the new one with `async-up me --email`.",
                clean(t)
            ),
        ),
        None => (
            "without an email (or not as a regular member file)".to_string(),
            String::new(),
        ),
    };
    Error::Usage(format!(
        "{file} already exists in the team repo {with}{by}, not yours ({me_email}); \
         adopting it would make `async-up audit` flag your own commits. Nothing was pushed and the team was not recorded.\n\
         If {handle} is you, ask a maintainer to remove or fix {file}, then run init again; \
         otherwise pick another handle with --user HANDLE.{yours}",
        me_email = me.email,
        handle = me.handle,
    ))
}

/// `Name <email>` of the committer of the last commit on the mirror's
/// branch that changed `file`.
fn last_committer_of(store: &Store, file: &str) -> Option<String> {
    let repo = store.repo();
    let mut walk = repo.revwalk().ok()?;
    walk.push(store.tip()?).ok()?;
    walk.simplify_first_parent().ok()?;
    let blob_at = |commit: &git2::Commit<'_>| {
        commit
            .tree()
            .ok()
            .and_then(|t| t.get_path(Path::new(file)).ok())
            .map(|e| e.id())
    };
    for oid in walk.take(100_000) {
        let commit = repo.find_commit(oid.ok()?).ok()?;
        let here = blob_at(&commit);
        let before = commit.parent(0).ok().and_then(|p| blob_at(&p));
        if here != before {
            let who = commit.committer();
            return Some(format!(
                "{} <{}>",
                who.name().unwrap_or("?"),
                who.email().unwrap_or("?")
            ));
        }
    }
    None
}

/// The day a new member joins: today in their zone, or the first update of
/// theirs the team already has or that comes along from the local-only team,
/// so none of their own updates predates their membership.
fn joined_on(
    snapshot: &crate::store::Snapshot<'_>,
    handle: &Handle,
    carried: &[FileChange],
    timezone: &str,
    ctx: &Context,
) -> chrono::NaiveDate {
    let zone = crate::clock::parse_zone(timezone).unwrap_or(chrono_tz::UTC);
    let today = super::today_in(ctx.now, zone);
    let already_there = snapshot.updates_since(handle, None).first().map(|u| u.date);
    let brought = carried
        .iter()
        .filter_map(|f| layout::date_from_file_name(f.path.rsplit('/').next()?));
    already_there
        .into_iter()
        .chain(brought)
        .chain([today])
        .min()
        .unwrap_or(today)
}

/// The updates `handle` wrote to the local-only team that the team's repo
/// has no file for. A date the team already has (written on another
/// machine) is left as the team has it.
fn local_updates_missing_from(
    local_team: &Path,
    team: &Store,
    handle: &Handle,
) -> Result<Vec<FileChange>> {
    let Ok(local) = git2::Repository::open_bare(local_team) else {
        return Ok(Vec::new());
    };
    let Some(local_tree) = local.head().ok().and_then(|head| head.peel_to_tree().ok()) else {
        return Ok(Vec::new());
    };
    let folder = format!("{}/{handle}", layout::UPDATES_DIR);
    let Ok(entry) = local_tree.get_path(Path::new(&folder)) else {
        return Ok(Vec::new());
    };
    let Some(updates) = entry.to_object(&local)?.into_tree().ok() else {
        return Ok(Vec::new());
    };
    let team_tree = match team.tip() {
        Some(tip) => Some(team.repo().find_commit(tip)?.tree()?),
        None => None,
    };
    let mut found = Vec::new();
    updates.walk(git2::TreeWalkMode::PreOrder, |dir, entry| {
        if entry.kind() != Some(git2::ObjectType::Blob)
            || layout::date_from_file_name(entry.name().unwrap_or("")).is_none()
        {
            return git2::TreeWalkResult::Ok;
        }
        let path = format!("{folder}/{dir}{}", entry.name().unwrap_or(""));
        let in_team = team_tree
            .as_ref()
            .is_some_and(|t| t.get_path(Path::new(&path)).is_ok());
        if !in_team {
            if let Ok(blob) = local.find_blob(entry.id()) {
                found.push(FileChange {
                    path,
                    content: blob.content().to_vec(),
                });
            }
        }
        git2::TreeWalkResult::Ok
    })?;
    Ok(found)
}

/// A local path is stored absolute, so the remote still resolves when
/// async-up later runs from another folder.
fn normalise_remote(remote: &str) -> String {
    if crate::store::remote_url::is_plain_path(remote) {
        if let Ok(abs) = Path::new(remote).canonicalize() {
            return abs.to_string_lossy().to_string();
        }
    }
    remote.to_string()
}

fn derive_name(remote: &str) -> String {
    let last = remote
        .trim_end_matches('/')
        .rsplit(['/', ':'])
        .next()
        .unwrap_or("team");
    last.strip_suffix(".git").unwrap_or(last).to_string()
}

/// Team names become folder names: keep them to a safe alphabet.
fn team_name(s: &str) -> Option<String> {
    Handle::from_loose(s).map(|h| h.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_remotes() {
        assert_eq!(derive_name("git@github.com:acme/standups.git"), "standups");
        assert_eq!(derive_name("https://x.org/a/b/"), "b");
        assert_eq!(derive_name("/srv/git/team.git"), "team");
    }
}
