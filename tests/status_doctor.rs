//! `status` for prompts and `doctor` for troubleshooting.

mod common;
use common::*;

#[test]
fn status_says_whether_today_is_written_in_your_zone() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let kiri = world.person("kiri", "Pacific/Kiritimati");
    kiri.ok(&[
        "init",
        remote.to_str().unwrap(),
        "--timezone",
        "Pacific/Kiritimati",
    ]);
    // 09:00 UTC on the 24th is 23:00 on the 24th in Kiritimati.
    world.set_now("2026-11-24T09:00:00Z");
    let out = kiri.expect(1, &["status"]);
    assert!(
        out.contains("has not written today's update (2026-11-24)"),
        "{out}"
    );
    assert!(kiri.expect(1, &["status", "-q"]).is_empty());
    kiri.ok(&["write", "--today", "x"]);
    assert!(kiri
        .ok(&["status"])
        .contains("has written today's update (2026-11-24)"));
    // One hour later it is the 25th there: not written yet.
    world.set_now("2026-11-24T10:00:00Z");
    kiri.expect(1, &["status", "-q"]);
    // status never needs the network.
    std::fs::remove_dir_all(&remote).unwrap();
    kiri.expect(1, &["status", "-q"]);
}

#[test]
fn doctor_passes_on_a_healthy_setup_and_names_each_problem() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "Europe/Berlin");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let out = alice.ok(&["doctor"]);
    for check in [
        "git",
        "user.email",
        "config",
        "team",
        "handle",
        "remote",
        "default branch",
        "mirror",
        "pending updates",
        "member file",
    ] {
        assert!(
            out.contains(&format!("ok    {check}")),
            "{check} in:\n{out}"
        );
    }
    // Offline with a pending update: two checks fail, each with a fix.
    alice.ok(&["write", "--today", "x", "--no-push"]);
    let away = world.path().join("away.git");
    std::fs::rename(&remote, &away).unwrap();
    let out = alice.expect(1, &["doctor"]);
    assert!(out.contains("FAIL  remote"), "{out}");
    assert!(
        out.contains("FAIL  pending updates: 1 not pushed yet"),
        "{out}"
    );
    assert!(out.contains("fix: async-up sync"), "{out}");
    std::fs::rename(&away, &remote).unwrap();
    alice.ok(&["sync"]);
    alice.ok(&["doctor"]);
    // No team at all.
    let bob = world.person("bob", "UTC");
    let out = bob.expect(1, &["doctor"]);
    assert!(out.contains("fix: async-up init <REMOTE>"), "{out}");
}

#[test]
fn version_names_the_transport() {
    let world = World::new();
    let p = world.person("alice", "UTC");
    assert!(p.ok(&["--version"]).contains("(transport: git)"));
    p.set_env("ASYNC_UP_TRANSPORT", "libgit2");
    assert!(p.ok(&["--version"]).contains("(transport: libgit2)"));
}

#[test]
fn status_counts_unread_inbox_items_without_marking_them() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    for p in [&alice, &bob] {
        p.ok(&["init", remote.to_str().unwrap()]);
    }
    bob.ok(&["write", "--today", "Ask @alice", "--blocker", "Waiting"]);
    alice.ok(&["write", "--today", "x"]);
    alice.expect(1, &["inbox"]);
    assert!(!alice.ok(&["status"]).contains("unread"));
    bob.ok(&["reply", "alice", "Nice"]);
    bob.ok(&[
        "write",
        "--today",
        "Ask @alice again",
        "--blocker",
        "Waiting",
    ]);
    // status never fetches: what the mirror has is what counts.
    alice.ok(&["sync"]);
    let out = alice.ok(&["status"]);
    // bob's edited update, his reply, the new mention.
    assert!(
        out.lines().any(|l| l == "3 unread: run `async-up inbox`"),
        "{out}"
    );
    // Counting marked nothing read.
    assert!(alice.ok(&["status"]).contains("3 unread"));
    alice.expect(1, &["inbox"]);
    assert!(!alice.ok(&["status"]).contains("unread"));
    assert!(alice.ok(&["status", "-q"]).is_empty());
}
