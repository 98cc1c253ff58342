//! Who your commits say you are: read the way git reads it, with or without
//! a git binary, and kept in step with your member file (`doctor`,
//! `me --email`), so `audit` never flags your own work.

mod common;
use common::*;
use std::path::Path;

/// The committer email of the last commit on the remote's `main`.
fn last_committer(remote: &Path) -> String {
    git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(remote)
            .args(["log", "-1", "--format=%ce", "main"]),
    )
    .trim()
    .to_string()
}

#[test]
fn without_a_git_binary_identity_still_comes_from_git_config_global() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    // ~/.gitconfig says one thing, GIT_CONFIG_GLOBAL another: git reads only
    // the latter.
    let global = world.path().join("alice-global.gitconfig");
    std::fs::write(
        &global,
        "[user]\n\tname = Alice Real\n\temail = alice.real@corp.example\n",
    )
    .unwrap();
    alice.set_env("GIT_CONFIG_GLOBAL", global.to_str().unwrap());
    let empty_bin = world.path().join("no-git-bin");
    std::fs::create_dir_all(&empty_bin).unwrap();
    alice.set_env("PATH", empty_bin.to_str().unwrap());

    alice.ok(&["init", remote.to_str().unwrap()]);
    assert_eq!(last_committer(&remote), "alice.real@corp.example");
    alice.ok(&["write", "--today", "offline from git"]);
    assert_eq!(last_committer(&remote), "alice.real@corp.example");
    let out = alice.ok(&["audit"]);
    assert!(out.contains("no violations"), "{out}");
}

#[test]
fn without_a_git_binary_the_xdg_config_counts_when_no_global_is_named() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    std::fs::remove_file(alice.home.join(".gitconfig")).unwrap();
    let xdg = alice.home.join(".config/git");
    std::fs::create_dir_all(&xdg).unwrap();
    std::fs::write(
        xdg.join("config"),
        "[user]\n\tname = Alice\n\temail = alice@xdg.example\n",
    )
    .unwrap();
    let empty_bin = world.path().join("no-git-bin");
    std::fs::create_dir_all(&empty_bin).unwrap();
    let out = alice
        .cmd()
        .env("PATH", &empty_bin)
        .env_remove("GIT_CONFIG_GLOBAL")
        .args(["init", remote.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(last_committer(&remote), "alice@xdg.example");
}

#[test]
fn the_committer_email_from_the_environment_wins_as_in_git() {
    let world = World::new();
    for no_git in [false, true] {
        let remote = world.bare_remote(&format!("team-{no_git}.git"), "main");
        let alice = world.person("alice", "UTC");
        if no_git {
            let empty_bin = world.path().join("no-git-bin");
            std::fs::create_dir_all(&empty_bin).unwrap();
            alice.set_env("PATH", empty_bin.to_str().unwrap());
        }
        alice.set_env("GIT_COMMITTER_EMAIL", "ci-alice@example.org");
        alice.ok(&["init", remote.to_str().unwrap(), "--user", "alice"]);
        assert_eq!(
            last_committer(&remote),
            "ci-alice@example.org",
            "no git: {no_git}"
        );
    }
}

fn set_git_email(p: &Person, email: &str) {
    std::fs::write(
        p.home.join(".gitconfig"),
        format!("[user]\n\tname = Alice\n\temail = {email}\n"),
    )
    .unwrap();
}

#[test]
fn doctor_names_a_git_email_that_differs_from_the_member_file() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    assert!(alice.ok(&["doctor"]).contains("ok    email"));

    set_git_email(&alice, "alice@new.example");
    let out = alice.expect(1, &["doctor"]);
    assert!(out.contains("FAIL  email"), "{out}");
    assert!(out.contains("alice@example.com"), "{out}");
    assert!(
        out.contains("async-up me --email alice@new.example"),
        "{out}"
    );

    // Following the fix: the change is committed as the address the team
    // knows, so audit sees the member vouch for it.
    alice.ok(&["me", "--email", "alice@new.example"]);
    assert_eq!(last_committer(&remote), "alice@example.com");
    let member = Checkout::of(&world, &remote).read("members/alice.toml");
    assert!(member.contains("email = \"alice@new.example\""), "{member}");
    alice.ok(&["doctor"]);
    alice.ok(&["write", "--today", "as the new me"]);
    assert_eq!(last_committer(&remote), "alice@new.example");
    let out = alice.ok(&["audit"]);
    assert!(out.contains("no violations"), "{out}");
}

#[test]
fn me_email_before_changing_git_then_doctor_says_to_change_git() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["me", "--email", "Alice@New.example"]);
    assert_eq!(last_committer(&remote), "alice@example.com");
    let out = alice.expect(1, &["doctor"]);
    assert!(
        out.contains("git config --global user.email Alice@New.example"),
        "{out}"
    );
    set_git_email(&alice, "alice@new.example");
    alice.ok(&["doctor"]);
    alice.ok(&["write", "--today", "x"]);
    let out = alice.ok(&["audit"]);
    assert!(out.contains("no violations"), "{out}");
}

#[test]
fn me_email_refuses_what_is_not_an_email() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    for bad in [
        "alice",
        "a@b@c",
        "a lice@x.org",
        "alice@x.org\n",
        "@x.org",
        "alice@",
        "",
    ] {
        let out = alice.run(&["me", "--email", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("not an email address"),
            "{bad:?}: {}",
            stderr(&out)
        );
    }
}

/// Reading asks git nothing: who you are comes from the team's config, and
/// your name and email are needed only to commit. A `git` on the PATH that
/// records each call and runs the real one shows no call; a `write` does
/// call it (the recorder works).
#[test]
fn reading_commands_start_no_git_process() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&[
        "write",
        "--yesterday",
        "x",
        "--today",
        "y",
        "--blocker",
        "z",
    ]);

    let real = std::process::Command::new("sh")
        .args(["-c", "command -v git"])
        .output()
        .unwrap();
    let real = String::from_utf8(real.stdout).unwrap().trim().to_string();
    let bin = world.path().join("recording-bin");
    std::fs::create_dir_all(&bin).unwrap();
    let calls = world.path().join("git-calls");
    let script = bin.join("git");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$*\" >> '{}'\nexec '{real}' \"$@\"\n",
            calls.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    alice.set_env(
        "PATH",
        &format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
    );

    for args in [
        &["--offline", "team"][..],
        &["--offline", "digest", "--week"],
        &["--offline", "blockers"],
        &["--offline", "stats", "--since", "4w"],
        &["--offline", "log"],
        &["--offline", "inbox"],
        &["--offline", "mentions"],
        &["--offline", "status"],
    ] {
        alice.run(args);
        let seen = std::fs::read_to_string(&calls).unwrap_or_default();
        assert_eq!(seen, "", "async-up {args:?} started git");
    }
    alice.ok(&["--offline", "write", "--yesterday", "a", "--today", "b"]);
    let seen = std::fs::read_to_string(&calls).unwrap_or_default();
    assert!(seen.contains("config --get"), "{seen}");
}
