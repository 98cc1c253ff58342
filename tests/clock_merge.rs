//! One person on two machines: when both changed the same day (or their
//! member file) the versions are merged field by field against the version
//! both started from. A clock, right or wrong, decides nothing; a field both
//! changed keeps the edit being synced, and the user is told.

mod common;
use common::*;
use std::path::{Path, PathBuf};

/// A team remote and alice on two machines, both joined.
fn two_machines() -> (World, PathBuf, Person, Person) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let url = remote.to_str().unwrap();
    let laptop = world.person_on("alice", "UTC", "laptop");
    let desk = world.person_on("alice", "UTC", "desk");
    world.set_now("2026-11-24T08:00:00Z");
    laptop.ok(&["init", url]);
    desk.ok(&["init", url]);
    (world, remote, laptop, desk)
}

/// alice's update of `date` as the remote has it, read by a fresh checkout.
fn on_remote(world: &World, remote: &Path, date: &str) -> toml::Value {
    let checkout = Checkout::of(world, remote);
    let text = checkout.read(&format!("updates/alice/2026/{date}.toml"));
    toml::from_str(&text).unwrap()
}

fn strings(value: &toml::Value, key: &str) -> Vec<String> {
    value
        .get(key)
        .and_then(|v| v.as_array())
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

#[test]
fn a_clock_running_ahead_does_not_win_over_a_later_edit() {
    let (world, remote, laptop, desk) = two_machines();
    // The laptop's clock runs a day ahead; at 10:00 real time it writes the 24th.
    laptop.set_env("ASYNC_UP_NOW", "2026-11-25T10:00:00Z");
    laptop.ok(&["write", "--date", "2026-11-24", "--today", "A"]);
    // The desk, with the right clock, writes later in real time, offline
    // from a mirror fetched before the laptop pushed.
    world.set_now("2026-11-24T11:00:00Z");
    desk.ok(&["write", "--today", "B", "--no-push"]);
    let out = desk.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.contains("up to date"), "{err}");
    assert!(
        err.contains("updates/alice 2026-11-24: your `today` replaced the version from the remote"),
        "{err}"
    );
    // The laptop's time is said to be ahead, never used to decide.
    assert!(err.contains("ahead of this machine's clock"), "{err}");
    let day = on_remote(&world, &remote, "2026-11-24");
    assert_eq!(strings(&day, "today"), ["B"]);
    // The laptop gets the same answer on its next read.
    let doc = laptop.json(&["team", "--format", "json", "--date", "2026-11-24"]);
    assert_eq!(doc["updates"][0]["today"], serde_json::json!(["B"]));
}

#[test]
fn a_file_claiming_year_9999_does_not_win() {
    let (world, remote, _laptop, desk) = two_machines();
    let checkout = Checkout::of(&world, &remote);
    checkout.put(
        "updates/alice/2026/2026-11-24.toml",
        "author = \"alice\"\ndate = 2026-11-24\nwritten_at = 9999-12-31T23:59:59Z\nyesterday = [\"From the future\"]\ntoday = [\"Claimed\"]\n",
    );
    checkout.push_as("alice@example.com", "a file from the future");
    world.set_now("2026-11-24T11:00:00Z");
    desk.ok(&["write", "--today", "Real", "--no-push"]);
    let out = desk.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("your `today` replaced"), "{err}");
    assert!(err.contains("9999-12-31"), "{err}");
    let day = on_remote(&world, &remote, "2026-11-24");
    assert_eq!(strings(&day, "today"), ["Real"]);
    // What only the other side wrote is kept.
    assert_eq!(strings(&day, "yesterday"), ["From the future"]);
}

#[test]
fn fields_changed_on_one_side_only_all_survive() {
    let (world, remote, laptop, desk) = two_machines();
    world.set_now("2026-11-24T09:00:00Z");
    laptop.ok(&["write", "--today", "Plan"]);
    desk.ok(&["team"]);
    // The laptop (clock ahead, so its file is "newer") adds yesterday;
    // the desk, offline, changes today.
    laptop.set_env("ASYNC_UP_NOW", "2026-11-24T18:00:00Z");
    laptop.ok(&["write", "--yesterday", "Shipped it"]);
    world.set_now("2026-11-24T10:00:00Z");
    desk.ok(&["write", "--today", "New plan", "--no-push"]);
    let out = desk.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Nothing was changed on both sides: nothing to tell.
    assert!(!stderr(&out).contains("replaced"), "{}", stderr(&out));
    let day = on_remote(&world, &remote, "2026-11-24");
    assert_eq!(strings(&day, "yesterday"), ["Shipped it"]);
    assert_eq!(strings(&day, "today"), ["New plan"]);
}

#[test]
fn a_blocker_resolved_on_one_side_and_one_added_on_the_other_both_hold() {
    let (world, remote, laptop, desk) = two_machines();
    world.set_now("2026-11-24T09:00:00Z");
    laptop.ok(&["write", "--today", "Plan", "--blocker", "Waiting on creds"]);
    desk.ok(&["team"]);
    let day = on_remote(&world, &remote, "2026-11-24");
    let id = day["blockers"][0]["id"].as_str().unwrap().to_string();
    laptop.set_env("ASYNC_UP_NOW", "2026-11-24T18:00:00Z");
    laptop.ok(&["write", "--resolve", &id]);
    world.set_now("2026-11-24T10:00:00Z");
    desk.ok(&["write", "--blocker", "CI is red", "--no-push"]);
    let out = desk.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let day = on_remote(&world, &remote, "2026-11-24");
    let texts: Vec<&str> = day["blockers"]
        .as_array()
        .map(|a| a.iter().map(|b| b["text"].as_str().unwrap()).collect())
        .unwrap_or_default();
    assert_eq!(texts, ["CI is red"]);
    assert_eq!(strings(&day, "today"), ["Plan"]);
}

#[test]
fn member_file_edits_on_two_offline_machines_both_survive() {
    let (world, remote, laptop, desk) = two_machines();
    laptop.ok(&[
        "--offline",
        "away",
        "--from",
        "2026-12-21",
        "--until",
        "2027-01-03",
        "--note",
        "Holidays",
    ]);
    desk.ok(&["--offline", "me", "--hours", "10:00-18:30"]);
    laptop.ok(&["sync"]);
    let out = desk.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("replaced"), "{}", stderr(&out));
    laptop.ok(&["sync"]);
    let checkout = Checkout::of(&world, &remote);
    let member: toml::Value = toml::from_str(&checkout.read("members/alice.toml")).unwrap();
    assert_eq!(member["hours"].as_str(), Some("10:00-18:30"));
    assert_eq!(member["away"][0]["note"].as_str(), Some("Holidays"));
    // Both machines read the same file.
    for p in [&laptop, &desk] {
        let file = git_ok(
            p.git()
                .args(["--git-dir"])
                .arg(p.mirror("team"))
                .args(["show", "main:members/alice.toml"]),
        );
        assert!(
            file.contains("10:00-18:30") && file.contains("Holidays"),
            "{file}"
        );
    }
}

#[test]
fn a_field_both_machines_changed_keeps_the_synced_edit_and_says_so() {
    let (world, remote, laptop, desk) = two_machines();
    laptop.ok(&["--offline", "me", "--hours", "08:00-16:00"]);
    desk.ok(&["--offline", "me", "--hours", "10:00-18:30"]);
    laptop.ok(&["sync"]);
    let out = desk.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("members/alice: your `hours` replaced the version from the remote"),
        "{}",
        stderr(&out)
    );
    let checkout = Checkout::of(&world, &remote);
    assert!(checkout
        .read("members/alice.toml")
        .contains("hours = \"10:00-18:30\""));
}

#[test]
fn a_damaged_mirror_recovers_a_pending_edit_merged_with_the_remote() {
    let (world, remote, laptop, desk) = two_machines();
    world.set_now("2026-11-24T09:00:00Z");
    laptop.ok(&["write", "--today", "Plan"]);
    desk.ok(&["team"]);
    laptop.set_env("ASYNC_UP_NOW", "2026-11-24T18:00:00Z");
    laptop.ok(&["write", "--yesterday", "Shipped it"]);
    world.set_now("2026-11-24T10:00:00Z");
    desk.ok(&["write", "--today", "New plan", "--no-push"]);
    let mirror = desk.mirror("team");
    std::fs::write(mirror.join("HEAD"), b"not a ref").unwrap();
    let out = desk.run(&["team"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("recovered 1 pending update(s)"),
        "{}",
        stderr(&out)
    );
    let day = on_remote(&world, &remote, "2026-11-24");
    assert_eq!(strings(&day, "yesterday"), ["Shipped it"]);
    assert_eq!(strings(&day, "today"), ["New plan"]);
}

/// Two edits each under the 64 KiB readers accept can merge into one over
/// it, which every reader would skip: the day would vanish for the team.
/// The edit being synced is kept whole instead, and the user is told.
#[test]
fn a_merge_that_would_pass_the_size_limit_keeps_the_synced_edit() {
    let (world, remote, laptop, desk) = two_machines();
    world.set_now("2026-11-24T09:00:00Z");
    laptop.ok(&["write", "--today", "Plan", "--yesterday", "Base"]);
    desk.ok(&["team"]);
    let long = |tag: &str| -> Vec<String> {
        (0..90)
            .map(|i| format!("{tag}{i:02} {}", tag.repeat(400)))
            .collect()
    };
    let mut args = vec!["write".to_string()];
    for item in long("y") {
        args.extend(["--yesterday".to_string(), item]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    laptop.ok(&args);
    let mut args = vec!["write".to_string(), "--no-push".to_string()];
    for item in long("t") {
        args.extend(["--today".to_string(), item]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    desk.ok(&args);
    let out = desk.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("over the 65536 byte limit"),
        "{}",
        stderr(&out)
    );
    let checkout = Checkout::of(&world, &remote);
    let text = checkout.read("updates/alice/2026/2026-11-24.toml");
    assert!(text.len() <= 65536, "{} bytes pushed", text.len());
    let day: toml::Value = toml::from_str(&text).unwrap();
    assert_eq!(strings(&day, "today"), long("t"));
    // A teammate still sees the day.
    let bob = world.person("bob", "UTC");
    bob.ok(&["init", remote.to_str().unwrap()]);
    let team = bob.ok(&["team", "--format", "json"]);
    assert!(team.contains("t00 "), "{team}");
}
