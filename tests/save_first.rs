//! `write` commits from what the mirror has, then fetches and pushes. What
//! another machine pushed meanwhile still counts: blockers carried over from
//! a stale previous update are worked out again on the fetched one, and a
//! blocker id only the remote knows can still be resolved.

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
    world.set_now("2026-11-22T08:00:00Z");
    laptop.ok(&["init", url]);
    desk.ok(&["init", url]);
    (world, remote, laptop, desk)
}

fn blockers_on_remote(world: &World, remote: &Path, date: &str) -> Vec<String> {
    let checkout = Checkout::of(world, remote);
    let text = checkout.read(&format!("updates/alice/2026/{date}.toml"));
    let value: toml::Value = toml::from_str(&text).unwrap();
    value
        .get("blockers")
        .and_then(|b| b.as_array())
        .map(|a| {
            a.iter()
                .map(|b| b["text"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn blocker_id(person: &Person, text: &str) -> String {
    let doc = person.json(&["blockers", "--format", "json"]);
    doc.as_array()
        .or_else(|| doc["blockers"].as_array())
        .unwrap()
        .iter()
        .find(|b| b["text"] == text)
        .unwrap_or_else(|| panic!("no blocker {text:?} in {doc}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The laptop last fetched on the 22nd; the desk resolved a blocker and added
/// one on the 23rd. The laptop's write on the 24th carries what the 23rd left
/// open, not what its stale mirror had.
#[test]
fn carried_over_blockers_follow_the_fetched_previous_update() {
    let (world, remote, laptop, desk) = two_machines();
    laptop.ok(&["write", "--today", "Start", "--blocker", "Old blocker"]);
    desk.ok(&["sync"]);
    let old = blocker_id(&desk, "Old blocker");
    world.set_now("2026-11-23T08:00:00Z");
    desk.ok(&[
        "write",
        "--today",
        "Desk day",
        "--resolve",
        &old,
        "--blocker",
        "New from the desk",
    ]);
    world.set_now("2026-11-24T08:00:00Z");
    let out = laptop.run(&[
        "write",
        "--today",
        "Laptop day",
        "--blocker",
        "Laptop's own",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        blockers_on_remote(&world, &remote, "2026-11-24"),
        ["New from the desk", "Laptop's own"],
        "{}",
        stderr(&out)
    );
    // One write, one commit pushed.
    assert!(stderr(&out).contains("pushed 1 update"), "{}", stderr(&out));
}

/// A blocker the laptop has never seen can be resolved by id: an id the
/// mirror does not know may come from another machine, so the write looks
/// at the remote first (nothing is saved before that, since there is no
/// valid update yet).
#[test]
fn a_blocker_only_the_remote_knows_can_be_resolved() {
    let (world, remote, laptop, desk) = two_machines();
    desk.ok(&["write", "--today", "Desk", "--blocker", "Desk blocker"]);
    let id = blocker_id(&desk, "Desk blocker");
    world.set_now("2026-11-23T08:00:00Z");
    laptop.ok(&["write", "--resolve", &id, "--today", "Laptop"]);
    assert!(blockers_on_remote(&world, &remote, "2026-11-23").is_empty());
}
