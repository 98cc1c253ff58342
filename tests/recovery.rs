//! A mirror deleted or damaged is rebuilt from the remote by the next
//! command, which says so; pending updates that can still be read are pushed.

mod common;
use common::*;

fn pair() -> (World, Person, Person) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    bob.ok(&["init", remote.to_str().unwrap()]);
    (world, alice, bob)
}

#[test]
fn a_deleted_mirror_is_rebuilt() {
    let (_world, alice, bob) = pair();
    bob.ok(&["write", "--today", "pushed earlier"]);
    std::fs::remove_dir_all(alice.mirror("team")).unwrap();
    let out = alice.run(&["team", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("missing; rebuilding it"),
        "{}",
        stderr(&out)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(authors(&doc), ["bob"]);
    alice.ok(&["write", "--today", "after the rebuild"]);
    assert_eq!(
        authors(&bob.json(&["team", "--format", "json"])),
        ["alice", "bob"]
    );
}

#[test]
fn a_damaged_mirror_is_rebuilt_and_pending_updates_pushed() {
    let (world, alice, bob) = pair();
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["write", "--today", "pending one", "--no-push"]);
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&["write", "--today", "pending two", "--no-push"]);
    bob.ok(&["write", "--today", "bob meanwhile"]);
    let mirror = alice.mirror("team");
    std::fs::write(mirror.join("config"), b"\x00garbage[[[").unwrap();
    std::fs::write(mirror.join("HEAD"), b"not a ref").unwrap();

    let out = alice.run(&["team", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("is damaged; moved it to"), "{err}");
    assert!(err.contains("recovered 2 pending update(s)"), "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(authors(&doc), ["alice", "bob"]);

    let log = bob.json(&["log", "alice", "--format", "json"]);
    let todays: Vec<&str> = log["updates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["today"][0].as_str().unwrap())
        .collect();
    assert_eq!(todays, ["pending one", "pending two"]);
    // The next command finds a healthy mirror and says nothing about it.
    let out = alice.run(&["team"]);
    assert!(!stderr(&out).contains("damaged"), "{}", stderr(&out));
}

#[test]
fn a_mirror_with_missing_objects_is_rebuilt() {
    let (_world, alice, bob) = pair();
    bob.ok(&["write", "--today", "bob's"]);
    alice.ok(&["team"]);
    let mirror = alice.mirror("team");
    // Lose every object: the tip can no longer be read.
    for entry in std::fs::read_dir(mirror.join("objects")).unwrap().flatten() {
        let name = entry.file_name();
        if name != "info" && name != "pack" {
            std::fs::remove_dir_all(entry.path()).unwrap();
        }
    }
    for entry in std::fs::read_dir(mirror.join("objects/pack"))
        .unwrap()
        .flatten()
    {
        std::fs::remove_file(entry.path()).unwrap();
    }
    let out = alice.run(&["team", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("damaged"), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(authors(&doc), ["bob"]);
}
