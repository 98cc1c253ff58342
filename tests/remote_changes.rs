//! The remote changes under you: its default branch is renamed, its history
//! is rewritten, or the team moves to another repository. Nothing of yours is
//! lost, nothing is forced, the team stays on one branch, and you are told.

mod common;
use common::*;
use std::path::Path;

fn pair() -> (World, std::path::PathBuf, Person, Person) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    bob.ok(&["init", remote.to_str().unwrap()]);
    (world, remote, alice, bob)
}

fn on(remote: &Path, args: &[&str]) -> String {
    git_ok(git_plain().arg("--git-dir").arg(remote).args(args))
}

fn branches(remote: &Path) -> Vec<String> {
    on(
        remote,
        &["for-each-ref", "--format=%(refname:short)", "refs/heads"],
    )
    .lines()
    .map(str::to_string)
    .collect()
}

/// What the admin does: rename the branch in the bare repo and point HEAD at it.
fn rename_branch(remote: &Path, from: &str, to: &str) {
    on(remote, &["branch", "-m", from, to]);
    on(
        remote,
        &["symbolic-ref", "HEAD", &format!("refs/heads/{to}")],
    );
}

fn todays(p: &Person, who: &str) -> Vec<String> {
    p.json(&["log", who, "--format", "json"])["updates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["today"][0].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_renamed_default_branch_is_followed() {
    let (world, remote, alice, bob) = pair();
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["write", "--today", "day one"]);
    rename_branch(&remote, "main", "trunk");
    world.set_now("2026-11-24T09:00:00Z");
    let out = alice.run(&["write", "--today", "day two"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the team's branch moved from main to trunk; following it"),
        "{}",
        stderr(&out)
    );
    assert_eq!(branches(&remote), ["trunk"]);
    on(
        &remote,
        &["cat-file", "-e", "trunk:updates/alice/2026/2026-11-24.toml"],
    );
    assert_eq!(todays(&bob, "alice"), ["day one", "day two"]);
    // Said once: the next command has nothing to say about it.
    let out = alice.run(&["sync"]);
    assert!(!stderr(&out).contains("moved"), "{}", stderr(&out));
    assert_eq!(branches(&remote), ["trunk"]);
}

#[test]
fn a_pending_update_goes_to_the_renamed_branch() {
    let (world, remote, alice, bob) = pair();
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["write", "--today", "day one"]);
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&["--offline", "write", "--today", "written offline"]);
    rename_branch(&remote, "main", "trunk");
    let out = alice.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the team's branch moved from main to trunk; following it"),
        "{}",
        stderr(&out)
    );
    assert_eq!(branches(&remote), ["trunk"]);
    on(
        &remote,
        &["cat-file", "-e", "trunk:updates/alice/2026/2026-11-24.toml"],
    );
    assert_eq!(todays(&bob, "alice"), ["day one", "written offline"]);
    // Bob, who only read, follows too: his own write lands on trunk.
    bob.ok(&["write", "--today", "bob on trunk"]);
    assert_eq!(branches(&remote), ["trunk"]);
}

#[test]
fn doctor_reports_a_mirror_on_a_branch_the_remote_no_longer_has() {
    let (_world, remote, alice, _bob) = pair();
    alice.ok(&["write", "--today", "day one"]);
    rename_branch(&remote, "main", "trunk");
    let out = alice.expect(1, &["doctor"]);
    assert!(
        out.contains("the mirror follows main, which the remote no longer has"),
        "{out}"
    );
    alice.ok(&["sync"]);
    let out = alice.run(&["doctor"]);
    assert!(!stdout(&out).contains("no longer has"), "{}", stdout(&out));
}

#[test]
fn a_moved_head_with_the_old_branch_kept_is_reported_not_followed() {
    let (_world, remote, alice, _bob) = pair();
    alice.ok(&["write", "--today", "day one"]);
    on(&remote, &["branch", "trunk", "main"]);
    on(&remote, &["symbolic-ref", "HEAD", "refs/heads/trunk"]);
    alice.ok(&["write", "--today", "still on main"]);
    on(
        &remote,
        &["cat-file", "-e", "main:updates/alice/2026/2026-11-24.toml"],
    );
    let out = alice.expect(1, &["doctor"]);
    assert!(
        out.contains("the remote's default branch is trunk, but the team writes to main"),
        "{out}"
    );
}

/// The admin's clone of the team repo.
fn admin(world: &World, remote: &Path) -> Checkout {
    Checkout::of(world, remote)
}

fn admin_git(c: &Checkout, args: &[&str]) -> String {
    git_ok(git_plain().arg("-C").arg(&c.dir).args(args))
}

#[test]
fn a_rewritten_history_is_reported_and_your_lost_update_restored() {
    let (world, remote, alice, bob) = pair();
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["write", "--today", "day one"]);
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&["write", "--today", "day two"]);
    // The admin drops alice's second day and force-pushes a new commit.
    let c = admin(&world, &remote);
    admin_git(&c, &["reset", "--quiet", "--hard", "HEAD~1"]);
    c.put("README.md", "rules\n");
    admin_git(&c, &["add", "-A"]);
    admin_git(&c, &["commit", "--quiet", "-m", "admin rewrite"]);
    admin_git(&c, &["push", "--quiet", "--force", "origin", "HEAD:main"]);
    let forced = on(&remote, &["rev-parse", "main"]).trim().to_string();

    let out = alice.run(&["team"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the team's history was rewritten on the remote"),
        "{err}"
    );
    assert!(
        err.contains("it no longer has your update(s) for 2026-11-24"),
        "{err}"
    );
    assert!(err.contains("async-up restore"), "{err}");
    let backups = git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(alice.mirror("team"))
            .args([
                "for-each-ref",
                "--format=%(refname)",
                "refs/async-up/backup",
            ]),
    );
    assert_eq!(backups.lines().count(), 1, "{backups}");
    // Not undone behind anyone's back: a sync pushes nothing.
    alice.ok(&["sync"]);
    assert_eq!(on(&remote, &["rev-parse", "main"]).trim(), forced);
    assert_eq!(todays(&bob, "alice"), ["day one"]);

    assert_eq!(alice.ok(&["restore", "--list"]).trim(), "2026-11-24");
    let out = alice.run(&["restore"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("restored your update(s) for 2026-11-24"),
        "{}",
        stderr(&out)
    );
    assert_eq!(todays(&bob, "alice"), ["day one", "day two"]);
    // Put back on top, never forced: the admin's commit is in the history.
    on(&remote, &["merge-base", "--is-ancestor", &forced, "main"]);
    assert_eq!(alice.ok(&["restore", "--list"]).trim(), "");
    let out = alice.run(&["restore"]);
    assert!(
        stderr(&out).contains("nothing to restore"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_rewind_is_not_undone_by_the_next_sync() {
    let (world, remote, alice, _bob) = pair();
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["write", "--today", "day one"]);
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&["write", "--today", "day two"]);
    let c = admin(&world, &remote);
    admin_git(&c, &["push", "--quiet", "--force", "origin", "HEAD~1:main"]);
    let rewound = on(&remote, &["rev-parse", "main"]).trim().to_string();
    // A pending update of the day after is still pushed, on the rewound tip.
    world.set_now("2026-11-25T09:00:00Z");
    alice.ok(&["--offline", "write", "--today", "day three"]);
    let out = alice.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("your update(s) for 2026-11-24"), "{err}");
    on(&remote, &["merge-base", "--is-ancestor", &rewound, "main"]);
    let files = on(&remote, &["ls-tree", "-r", "--name-only", "main"]);
    assert!(files.contains("2026-11-25"), "{files}");
    assert!(
        !files.contains("2026-11-24"),
        "the rewind was undone:\n{files}"
    );
}

#[test]
fn a_team_moved_to_another_remote_follows_the_config() {
    let (world, old, alice, _bob) = pair();
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["write", "--today", "day one"]);
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&["--offline", "write", "--today", "written offline"]);
    let new = world.path().join("moved.git");
    git_ok(
        git_plain()
            .args(["clone", "--quiet", "--bare"])
            .arg(&old)
            .arg(&new),
    );
    let old_tip = on(&old, &["rev-parse", "main"]);
    let config = std::fs::read_to_string(alice.config_file()).unwrap();
    let moved = config.replace(old.to_str().unwrap(), new.to_str().unwrap());
    assert_ne!(config, moved);
    std::fs::write(alice.config_file(), moved).unwrap();

    let out = alice.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "the team's remote moved from {} to {}",
            old.display(),
            new.display()
        )),
        "{}",
        stderr(&out)
    );
    on(
        &new,
        &["cat-file", "-e", "main:updates/alice/2026/2026-11-24.toml"],
    );
    assert_eq!(on(&old, &["rev-parse", "main"]), old_tip);
    // Said once.
    let out = alice.run(&["sync"]);
    assert!(!stderr(&out).contains("moved"), "{}", stderr(&out));
}

#[test]
fn an_unreachable_remote_with_nothing_pending_says_so() {
    let (_world, remote, alice, _bob) = pair();
    alice.ok(&["write", "--today", "pushed"]);
    let away = remote.with_extension("away");
    std::fs::rename(&remote, &away).unwrap();
    let out = alice.run(&["sync"]);
    std::fs::rename(&away, &remote).unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.contains("0 update(s)"), "{err}");
    assert!(err.contains("nothing is waiting to be pushed"), "{err}");
}

#[test]
fn an_unchanged_write_while_unreachable_does_not_count_zero_updates() {
    let (_world, remote, alice, _bob) = pair();
    alice.ok(&["write", "--today", "pushed"]);
    let away = remote.with_extension("away");
    std::fs::rename(&remote, &away).unwrap();
    let out = alice.run(&["write", "--today", "pushed"]);
    std::fs::rename(&away, &remote).unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.contains("0 update(s)"), "{err}");
    assert!(err.contains("Nothing is waiting to be pushed."), "{err}");
}

#[test]
fn libgit2_follows_a_renamed_branch_and_a_moved_remote_too() {
    let world = World::new();
    let old = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.set_env("ASYNC_UP_TRANSPORT", "libgit2");
    alice.ok(&["init", old.to_str().unwrap()]);
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["write", "--today", "day one"]);
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&["--offline", "write", "--today", "written offline"]);
    let new = world.path().join("moved.git");
    git_ok(
        git_plain()
            .args(["clone", "--quiet", "--bare"])
            .arg(&old)
            .arg(&new),
    );
    rename_branch(&new, "main", "trunk");
    let config = std::fs::read_to_string(alice.config_file()).unwrap();
    std::fs::write(
        alice.config_file(),
        config.replace(old.to_str().unwrap(), new.to_str().unwrap()),
    )
    .unwrap();
    let old_tip = on(&old, &["rev-parse", "main"]);
    let out = alice.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("the team's remote moved from"), "{err}");
    assert!(err.contains("from main to trunk; following it"), "{err}");
    assert_eq!(branches(&new), ["trunk"]);
    on(
        &new,
        &["cat-file", "-e", "trunk:updates/alice/2026/2026-11-24.toml"],
    );
    assert_eq!(on(&old, &["rev-parse", "main"]), old_tip);
}

#[test]
fn a_damaged_mirror_of_a_renamed_branch_keeps_its_pending_update() {
    let (world, remote, alice, bob) = pair();
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["write", "--today", "day one"]);
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&["--offline", "write", "--today", "written offline"]);
    rename_branch(&remote, "main", "trunk");
    std::fs::write(alice.mirror("team").join("config"), b"\x00garbage[[[").unwrap();
    let out = alice.run(&["team"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("recovered 1 pending update(s)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(branches(&remote), ["trunk"]);
    assert_eq!(todays(&bob, "alice"), ["day one", "written offline"]);
}

#[test]
fn a_renamed_branch_is_followed_over_git_daemon() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let daemon = Daemon::start(world.path());
    let url = daemon.url("team.git");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", &url]);
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["write", "--today", "day one"]);
    rename_branch(&remote, "main", "trunk");
    world.set_now("2026-11-24T09:00:00Z");
    let out = alice.run(&["write", "--today", "day two"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("from main to trunk; following it"),
        "{}",
        stderr(&out)
    );
    assert_eq!(branches(&remote), ["trunk"]);
    on(
        &remote,
        &["cat-file", "-e", "trunk:updates/alice/2026/2026-11-24.toml"],
    );
}

/// The rename lands between a teammate's fetch and push (here, placed there
/// by git daemon's access hook, which runs as the push connects). A plain
/// push would create `main` again and split the team; the push only updates
/// the branch it built on, as it stood when fetched.
#[test]
fn a_rename_between_fetch_and_push_does_not_bring_the_old_branch_back() {
    let world = World::new();
    let base = world.path().join("served");
    std::fs::create_dir_all(&base).unwrap();
    let remote = world.bare_remote("served/team.git", "main");
    let arm = world.path().join("arm");
    let hook = world.path().join("hook.sh");
    std::fs::write(
        &hook,
        format!(
            "#!/bin/sh\nif [ \"$1\" = receive-pack ] && [ -e {arm} ]; then rm -f {arm}; git --git-dir={r} branch -m main trunk; git --git-dir={r} symbolic-ref HEAD refs/heads/trunk; fi\nexit 0\n",
            arm = arm.display(),
            r = remote.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    let daemon = Daemon::start_with(&base, &[&format!("--access-hook={}", hook.display())]);
    let url = daemon.url("team.git");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    alice.ok(&["init", &url]);
    bob.ok(&["init", &url]);
    std::fs::write(&arm, "").unwrap();
    bob.ok(&["write", "--today", "pushed during the rename"]);
    assert!(!arm.exists(), "the rename happened during bob's push");
    assert_eq!(branches(&remote), ["trunk"]);
    assert_eq!(todays(&alice, "bob"), ["pushed during the rename"]);
}
