//! Every `--format json` output has a JSON Schema in `schemas/`, and every
//! JSON document the suite sees is validated against it (the hook is in
//! `tests/common/schema.rs`, used by `Person::json` and `Person::expect`).

mod common;
use common::*;

#[test]
fn every_json_output_matches_its_schema() {
    let world = World::new();
    let remote = world.bare_remote("t.git", "main");
    let alice = world.person("alice", "Asia/Kolkata");
    let bob = world.person("bob", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    bob.ok(&["init", remote.to_str().unwrap()]);
    bob.ok(&["away", "--until", "2026-11-30", "--note", "off"]);
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&[
        "write",
        "--today",
        "Ship it",
        "--blocker",
        "Waiting on @bob",
        "--mood",
        "4",
    ]);
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&[
        "write",
        "--yesterday",
        "Shipped",
        "--today",
        "Ask @bob again",
    ]);
    bob.ok(&["reply", "alice", "On it"]);
    bob.ok(&["reply", "alice", "--react", "tada"]);
    for args in [
        &["team", "--format", "json"][..],
        &["blockers", "--format", "json"],
        &["mentions", "bob", "--format", "json"],
        &["log", "--format", "json"],
        &["audit", "--format", "json"],
        &["stats", "--format", "json"],
        &["digest", "--week", "--format", "json"],
        &["inbox", "--format", "json"],
        // A blocker (with its id), items and a reply all match "o".
        &["search", "o", "--format", "json"],
    ] {
        alice.json(args);
    }
    let names: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/schemas"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names.len(), 9, "{names:?}");
}

/// The check can fail: a document that breaks the schema is caught.
#[test]
fn a_document_that_breaks_its_schema_is_caught() {
    let world = World::new();
    let alice = world.person("alice", "UTC");
    alice.ok(&["write", "--today", "x", "--mood", "3"]);
    let good = alice.json(&["team", "--format", "json"]);
    assert!(schema::errors("team", &good).is_empty());
    for (pointer, bad) in [
        ("/date", serde_json::json!("24/11/2026")),
        ("/schema", serde_json::json!(2)),
        ("/updates/0/mood", serde_json::json!(9)),
        ("/updates/0/written_at", serde_json::json!("yesterday")),
        ("/updates/0/today", serde_json::json!("x")),
    ] {
        let mut doc = good.clone();
        *doc.pointer_mut(pointer).unwrap() = bad;
        assert!(!schema::errors("team", &doc).is_empty(), "{pointer}");
    }
    let mut doc = good.clone();
    doc.as_object_mut().unwrap().remove("missing");
    assert!(!schema::errors("team", &doc).is_empty(), "a required key");
}
