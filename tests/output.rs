//! What people and scripts see: snapshots of table, markdown and JSON, and
//! teammates' text that must never reach a terminal raw.

mod common;
use common::*;

fn seeded() -> (World, Person) {
    let world = World::new();
    let remote = world.bare_remote("acme.git", "main");
    let alice = world.person("alice", "Asia/Kolkata");
    let bob = world.person("bob", "America/Los_Angeles");
    let carol = world.person("carol", "Europe/Berlin");
    world.set_now("2026-11-16T09:00:00Z");
    for p in [&alice, &bob, &carol] {
        p.ok(&[
            "init",
            remote.to_str().unwrap(),
            "--timezone",
            &p.tz.clone(),
        ]);
    }
    world.set_now("2026-11-20T06:00:00Z");
    alice.ok(&[
        "write",
        "--today",
        "Start OAuth",
        "--blocker",
        "Waiting on @bob for staging credentials",
    ]);
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&[
        "write",
        "--yesterday",
        "Finished the OAuth flow",
        "--today",
        "Ship token refresh",
        "--today",
        "Review carol's PR",
        "--mood",
        "4",
    ]);
    world.set_now("2026-11-24T16:30:00Z");
    bob.ok(&[
        "write",
        "--yesterday",
        "Fixed the flaky test",
        "--today",
        "Staging credentials for alice",
    ]);
    bob.set_env("COLUMNS", "110");
    (world, bob)
}

#[test]
fn team_views() {
    let (_world, bob) = seeded();
    insta::assert_snapshot!("team_table", bob.ok(&["team"]));
    insta::assert_snapshot!("team_markdown", bob.ok(&["team", "--format", "markdown"]));
    insta::assert_snapshot!("team_json", bob.ok(&["team", "--format", "json"]));
}

#[test]
fn blockers_and_log_views() {
    let (_world, bob) = seeded();
    insta::assert_snapshot!("blockers_table", bob.expect(1, &["blockers"]));
    insta::assert_snapshot!(
        "blockers_json",
        bob.expect(1, &["blockers", "--format", "json"])
    );
    insta::assert_snapshot!("log_table", bob.ok(&["log", "alice"]));
    insta::assert_snapshot!("log_json", bob.ok(&["log", "alice", "--format", "json"]));
}

#[test]
fn colour_only_when_asked() {
    let (_world, bob) = seeded();
    assert!(!bob.ok(&["team"]).contains('\x1b'), "no colour in a pipe");
    assert!(bob.ok(&["team", "--color", "always"]).contains("\x1b["));
    assert!(!bob.ok(&["--color", "never", "team"]).contains('\x1b'));
}

#[test]
fn a_teammates_escape_sequences_never_reach_the_terminal() {
    let world = World::new();
    let remote = world.bare_remote("t.git", "main");
    let eve = world.person("eve", "UTC");
    eve.ok(&["init", remote.to_str().unwrap()]);
    let nasty =
        "ok\x1b[2J\x1b]0;pwned\x07\x1b]8;;http://x\x1b\\link\r\x08\u{9b}31m\u{202e}evil\u{7f}";
    eve.ok(&["write", "--today", nasty, "--blocker", nasty]);
    for args in [
        vec!["team"],
        vec!["team", "--format", "markdown"],
        vec!["team", "--color", "never"],
        vec!["blockers"],
        vec!["blockers", "--format", "markdown"],
        vec!["log"],
    ] {
        let out = eve.run(&args);
        let text = stdout(&out);
        let bad: Vec<char> = text
            .chars()
            .filter(|&c| {
                (c < ' ' && c != '\n') || ('\u{7f}'..='\u{9f}').contains(&c) || c == '\u{202e}'
            })
            .collect();
        assert!(bad.is_empty(), "{args:?} let {bad:?} through:\n{text}");
        assert!(text.contains("evil"), "{args:?}");
    }
    // JSON escapes them and still parses to the original text.
    let out = eve.run(&["team", "--format", "json"]);
    let raw = stdout(&out);
    assert!(!raw.contains('\x1b') && !raw.contains('\u{9b}') && !raw.contains('\u{202e}'));
    let doc: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(doc["updates"][0]["today"][0], nasty);
}

#[test]
fn broken_pipe_ends_quietly() {
    let (_world, bob) = seeded();
    let mut child = bob
        .std_cmd()
        .args(["log", "alice", "--format", "markdown"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}
