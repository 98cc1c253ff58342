//! Bad input gets a clear error, exit 2, and changes nothing.

mod common;
use common::*;

fn remote_log(remote: &std::path::Path) -> String {
    let out = git_plain()
        .arg("--git-dir")
        .arg(remote)
        .args(["log", "--all", "--format=%H %s"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn joined() -> (World, Person, std::path::PathBuf) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["write", "--today", "baseline"]);
    (world, alice, remote)
}

fn fails_cleanly(p: &Person, remote: &std::path::Path, args: &[&str], says: &str) {
    let before = remote_log(remote);
    let mirror_before = git_ok(
        p.git()
            .arg("--git-dir")
            .arg(p.mirror("team"))
            .args(["for-each-ref"]),
    );
    let config_before = std::fs::read_to_string(p.config_file()).unwrap();
    let out = p.run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(says),
        "{args:?} should say {says:?}, said: {err}"
    );
    assert!(stdout(&out).is_empty(), "errors go to stderr only");
    assert_eq!(remote_log(remote), before, "{args:?} changed the remote");
    let mirror_after = git_ok(
        p.git()
            .arg("--git-dir")
            .arg(p.mirror("team"))
            .args(["for-each-ref"]),
    );
    assert_eq!(mirror_after, mirror_before, "{args:?} changed the mirror");
    assert_eq!(
        std::fs::read_to_string(p.config_file()).unwrap(),
        config_before
    );
}

#[test]
fn bad_values_are_refused_without_side_effects() {
    let (_world, alice, remote) = joined();
    fails_cleanly(
        &alice,
        &remote,
        &["write", "--today", "x", "--date", "2026-13-01"],
        "2026-13-01",
    );
    fails_cleanly(
        &alice,
        &remote,
        &["write", "--today", "x", "--mood", "6"],
        "mood",
    );
    fails_cleanly(
        &alice,
        &remote,
        &["write", "--today", "x", "--mood", "0"],
        "mood",
    );
    fails_cleanly(
        &alice,
        &remote,
        &["--team", "nope", "team"],
        "unknown team \"nope\"",
    );
    fails_cleanly(
        &alice,
        &remote,
        &["write", "--resolve", "abc123"],
        "no open blocker with id \"abc123\"",
    );
    fails_cleanly(
        &alice,
        &remote,
        &["write", "--no-input"],
        "nothing to write",
    );
    fails_cleanly(&alice, &remote, &["log", "Not A Handle"], "invalid handle");
    fails_cleanly(
        &alice,
        &remote,
        &["team", "--person", "../etc"],
        "invalid handle",
    );
    fails_cleanly(
        &alice,
        &remote,
        &["team", "--person", "nobody"],
        "no member @nobody",
    );
    fails_cleanly(
        &alice,
        &remote,
        &["log", "--since", "last tuesday"],
        "last tuesday",
    );
}

#[test]
fn a_bad_handle_never_becomes_a_path() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let p = world.person("mallory", "UTC");
    for bad in ["../../etc", "Mallory", "-x", "a/b", &"a".repeat(40)] {
        let user = format!("--user={bad}");
        let out = p.run(&["init", remote.to_str().unwrap(), &user]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(stderr(&out).contains("invalid handle"), "{}", stderr(&out));
    }
    assert!(remote_log(&remote).is_empty());
    assert!(!p.config_file().exists());
    let out = p.run(&[
        "init",
        remote.to_str().unwrap(),
        "--timezone",
        "Mars/Olympus",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown time zone \"Mars/Olympus\""));
    // A handle in the environment is checked the same way.
    p.set_env("ASYNC_UP_USER", "../x");
    let out = p.run(&["write", "--today", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("invalid handle"));
}

#[test]
fn not_a_git_repo_and_unreachable_remotes() {
    let world = World::new();
    let p = world.person("alice", "UTC");
    let plain = world.path().join("plain-folder");
    std::fs::create_dir_all(&plain).unwrap();
    let out = p.run(&["--repo", plain.to_str().unwrap(), "team"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a git repository"),
        "{}",
        stderr(&out)
    );
    let out = p.run(&["init", world.path().join("missing.git").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("could not reach"), "{}", stderr(&out));
    assert!(!p.config_file().exists(), "a failed init records nothing");
    assert!(
        !p.mirror("missing").exists(),
        "and leaves no half-made mirror"
    );
}

#[test]
fn a_broken_config_is_named() {
    let world = World::new();
    let p = world.person("alice", "UTC");
    std::fs::create_dir_all(p.config_file().parent().unwrap()).unwrap();
    std::fs::write(p.config_file(), "teams = 3\n").unwrap();
    let out = p.run(&["team"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("config.toml"), "{}", stderr(&out));
}

#[test]
fn without_a_team_a_local_one_is_used() {
    let world = World::new();
    let p = world.person("solo", "Pacific/Auckland");
    let out = p.run(&["write", "--today", "Try async-up"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("async-up init"),
        "says how to join: {}",
        stderr(&out)
    );
    let out = p.run(&["team", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        !stderr(&out).contains("async-up init"),
        "the hint is said once"
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(authors(&doc), ["solo"]);
    // 09:00 UTC is 22:00 on the 24th in Auckland.
    assert_eq!(doc["updates"][0]["date"], "2026-11-24");
    assert_eq!(doc["updates"][0]["written_at"], "2026-11-24T22:00:00+13:00");
    p.expect(0, &["blockers"]);
    p.ok(&["write", "--blocker", "Need a team"]);
    p.expect(1, &["blockers"]);
    let log = p.json(&["log", "--format", "json"]);
    assert_eq!(log["updates"].as_array().unwrap().len(), 1);
    assert!(p.ok(&["sync"]).is_empty());
}

/// Typos on the command line are refused with the value named, rather than
/// answered with an empty report that reads like a quiet team.
#[test]
fn typos_are_named_not_answered_with_nothing() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let p = world.person("alice", "UTC");
    p.ok(&["init", remote.to_str().unwrap()]);
    p.ok(&["write", "--today", "Ship"]);

    let out = p.run(&["log", "alcie"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("@alcie"), "{}", stderr(&out));
    assert!(p.ok(&["log", "alice"]).contains("Ship"));

    for cmd in ["digest", "stats"] {
        let out = p.run(&[cmd, "--since", "2026-12-01", "--until", "2026-11-01"]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(
            stderr(&out).contains("--since 2026-12-01 is after --until 2026-11-01"),
            "{cmd}: {}",
            stderr(&out)
        );
    }
    let out = p.run(&["report", "--html", "r.html", "--since", "2027-01-01"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));

    // Blank text (an empty shell variable) would wipe what was written.
    let out = p.run(&["write", "--today", "  "]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--today was given only blank text"),
        "{}",
        stderr(&out)
    );
    assert!(p.ok(&["log", "alice"]).contains("Ship"));

    // A mistyped year would hide the update until that day came.
    let out = p.run(&["write", "--date", "2027-11-24", "--today", "Typo"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--date 2027-11-24 is in the future"),
        "{}",
        stderr(&out)
    );
    assert!(!p.ok(&["log", "alice"]).contains("Typo"));

    let out = p.run(&["me", "--workdays", "Mon-Funday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\"Mon-Funday\" is not a list of workdays"),
        "{}",
        stderr(&out)
    );
}

/// A misspelt key in your own config is named, not silently ignored.
#[test]
fn unknown_config_keys_are_named() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let p = world.person("alice", "UTC");
    p.ok(&["init", remote.to_str().unwrap()]);
    let config = std::fs::read_to_string(p.config_file()).unwrap();
    std::fs::write(
        p.config_file(),
        format!("defualt_team = \"team\"\n{config}\n[activity]\nrepo = [\"~/src\"]\n"),
    )
    .unwrap();
    let out = p.run(&["team"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("config.toml: unknown key defualt_team is ignored"),
        "{err}"
    );
    assert!(
        err.contains("unknown key activity.repo is ignored"),
        "{err}"
    );
    assert_eq!(
        err.matches("unknown key").count(),
        2,
        "said once each: {err}"
    );
}
