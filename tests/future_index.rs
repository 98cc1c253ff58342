//! Files dated far ahead cost the index a name, not their text: a teammate
//! who plants thousands of big future files does not make every `team` slow.

mod common;
use common::*;

#[test]
fn the_index_keeps_no_text_of_files_dated_ahead() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["write", "--today", "today's"]);
    let checkout = Checkout::of(&world, &remote);
    // Each text its own blob: equal ones would be kept once.
    let filler = |tag: &str| format!("today = \"{tag} {}\"\n", "x".repeat(60_000));
    for n in 0..20 {
        for date in ["2027-03-01", "2027-03-02"] {
            checkout.put(
                &format!("updates/p{n:02}/2027/{date}.toml"),
                filler(&format!("{n} {date}")),
            );
        }
    }
    checkout.push("far ahead");
    let out = alice.run(&["team"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let index = alice.mirror("team").join("async-up-index.json");
    let size = std::fs::metadata(&index).unwrap().len();
    assert!(size < 100_000, "the index is {size} bytes");
    // Tomorrow's file is still kept: it may be today in a zone ahead.
    let checkout = Checkout::of(&world, &remote);
    checkout.put("updates/bob/2026/2026-11-25.toml", filler("bob"));
    checkout.push("tomorrow");
    alice.ok(&["team"]);
    let size = std::fs::metadata(&index).unwrap().len();
    assert!(size > 60_000, "the index is {size} bytes");
}
