//! Conversation without a meeting: replies and reactions stored in each
//! replier's own folder, shown under the update they answer, and an inbox.

mod common;
use common::*;

/// Three teammates on one bare remote; alice has written an update with two
/// items and a blocker. Returns the blocker's id.
fn three(world: &World) -> (std::path::PathBuf, Person, Person, Person, String) {
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    let carol = world.person("carol", "UTC");
    for p in [&alice, &bob, &carol] {
        p.ok(&["init", remote.to_str().unwrap()]);
    }
    alice.ok(&[
        "write",
        "--today",
        "Ship token refresh",
        "--today",
        "Review #42",
        "--blocker",
        "Waiting on creds",
    ]);
    let doc = alice.json(&["blockers", "--format", "json"]);
    let id = doc["blockers"][0]["id"].as_str().unwrap().to_string();
    (remote, alice, bob, carol, id)
}

#[test]
fn two_people_reply_and_react_to_one_update_without_conflict() {
    let world = World::new();
    let (remote, alice, bob, carol, id) = three(&world);
    // Neither has fetched the other's reply before writing their own.
    bob.ok(&["reply", "alice", "Nice, ping me for review"]);
    carol.ok(&["reply", "@alice", "--react", "+1"]);
    carol.ok(&["reply", "alice", "--blocker", &id, "--offer"]);
    bob.ok(&["reply", "alice", "--item", "2", "--react", "👀"]);
    // The same reaction twice is one reaction.
    let out = bob.run(&["reply", "alice", "--item", "2", "--react", "eyes"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("already reacted"), "{}", stderr(&out));

    let checkout = Checkout::of(&world, &remote);
    let bobs = checkout.read("replies/bob/2026/2026-11-24.toml");
    assert!(bobs.contains("Nice, ping me for review"), "{bobs}");
    assert_eq!(bobs.matches("[[reply]]").count(), 2, "{bobs}");
    assert!(bobs.contains("item = 2"), "{bobs}");
    let carols = checkout.read("replies/carol/2026/2026-11-24.toml");
    assert!(carols.contains("reaction = \"👍\""), "{carols}");
    assert!(carols.contains("offer = true"), "{carols}");
    assert!(carols.contains(&format!("blocker = \"{id}\"")), "{carols}");
    // alice's own update was not touched.
    assert!(!checkout
        .read("updates/alice/2026/2026-11-24.toml")
        .contains("reply"));
    // Nobody's replies were written into anyone else's folder.
    alice.ok(&["sync"]);
    assert!(alice.ok(&["audit"]).contains("no violations"));

    // The thread shows under the update, the offer on the blocker.
    let team = alice.ok(&["team"]);
    assert!(team.contains("Replies to @alice (2026-11-24):"), "{team}");
    assert!(team.contains("👍 1: @carol"), "{team}");
    assert!(team.contains("👀 1 on today item 2: @bob"), "{team}");
    assert!(team.contains("@bob: Nice, ping me for review"), "{team}");
    assert!(
        team.contains(&format!("@carol on blocker {id}: I can help with this")),
        "{team}"
    );
    let md = alice.ok(&["team", "--format", "markdown"]);
    assert!(
        md.contains("**Replies**\n- 👀 1 on today item 2: @bob\n"),
        "{md}"
    );
    assert!(md.contains("\n- @bob: Nice, ping me for review\n"), "{md}");
    let doc = alice.json(&["team", "--format", "json"]);
    let replies = doc["updates"][0]["replies"].as_array().unwrap();
    assert_eq!(replies.len(), 4, "{doc}");
    assert_eq!(replies[0]["author"], "bob");
    assert_eq!(replies[0]["text"], "Nice, ping me for review");
    // Oldest first; written at the same time, by replier.
    assert_eq!(replies[1]["reaction"], "👀");
    assert_eq!(replies[1]["item"], 2);
    assert_eq!(replies[2]["reaction"], "👍");
    assert_eq!(replies[3]["offer"], true);
    assert_eq!(replies[3]["blocker"], id.as_str());
    let blockers = alice.expect(1, &["blockers"]);
    assert!(blockers.contains("I can help with this"), "{blockers}");
    let doc = alice.json(&["blockers", "--format", "json"]);
    assert_eq!(doc["blockers"][0]["replies"][0]["author"], "carol");
    let md = alice.expect(1, &["blockers", "--format", "markdown"]);
    assert!(md.contains("  - @carol on blocker"), "{md}");
    let log = alice.ok(&["log"]);
    assert!(log.contains("Replies to 2026-11-24:"), "{log}");
    let doc = alice.json(&["log", "--format", "json"]);
    assert_eq!(doc["updates"][0]["replies"].as_array().unwrap().len(), 4);
}

#[test]
fn replies_to_what_does_not_exist_are_refused_with_what_does() {
    let world = World::new();
    let (_remote, _alice, bob, carol, id) = three(&world);
    let err = stderr(&bob.run(&["reply", "carol", "hello"]));
    assert!(err.contains("@carol has no update"), "{err}");
    assert!(err.contains("@alice"), "{err}");
    let out = bob.run(&["reply", "alice", "--date", "2026-11-20", "hi"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2026-11-24"), "{}", stderr(&out));
    let out = bob.run(&["reply", "alice", "--blocker", "nope", "--offer"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&id), "{}", stderr(&out));
    let out = bob.run(&["reply", "alice", "--item", "3", "hi"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2 item(s)"), "{}", stderr(&out));
    // Reactions come from a fixed set, by glyph or name.
    for bad in ["💩", "thumbsup", "<script>"] {
        let out = carol.run(&["reply", "alice", "--react", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(stderr(&out).contains("tada"), "{}", stderr(&out));
    }
    // --offer needs a blocker; --react takes no text.
    bob.expect(2, &["reply", "alice", "--offer"]);
    bob.expect(2, &["reply", "alice", "hi", "--react", "tada"]);
}

#[test]
fn a_reply_forged_in_someone_elses_folder_is_caught_by_audit() {
    let world = World::new();
    let (remote, alice, bob, _carol, _id) = three(&world);
    bob.ok(&["reply", "alice", "Looks good"]);
    alice.ok(&["sync"]);
    assert!(alice.ok(&["audit"]).contains("no violations"));

    // bob writes a reply as carol, with plain git.
    let checkout = Checkout::of(&world, &remote);
    checkout.put(
        "replies/carol/2026/2026-11-24.toml",
        "[[reply]]\nto = \"alice\"\ndate = 2026-11-24\ntext = \"I quit\"\nwritten_at = 2026-11-24T10:00:00Z\n",
    );
    checkout.push_as("bob@example.com", "carol says");
    let out = alice.run(&["audit", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = &report["violations"][0];
    assert_eq!(
        report["violations"].as_array().unwrap().len(),
        1,
        "{report}"
    );
    assert_eq!(v["member"], "carol");
    assert_eq!(v["path"], "replies/carol/2026/2026-11-24.toml");
    assert!(
        v["reason"].as_str().unwrap().contains("bob@example.com"),
        "{v}"
    );
}

#[test]
fn the_inbox_shows_each_new_thing_once_across_runs() {
    let world = World::new();
    let (_remote, alice, bob, carol, id) = three(&world);
    bob.ok(&["write", "--today", "Pair with alice"]);

    // The first run shows everything current, and marks it read.
    let doc = bob.json(&["inbox", "--format", "json", "--peek"]);
    assert_eq!(doc["since"], serde_json::Value::Null);
    assert_eq!(authors(&doc), ["alice"]);
    assert_eq!(doc["blockers_opened"][0]["id"], id.as_str());
    let out = bob.expect(1, &["inbox", "--peek"]);
    assert!(out.contains("Ship token refresh"), "{out}");
    bob.expect(1, &["inbox"]);
    let out = bob.ok(&["inbox"]);
    assert!(out.contains("Nothing new."), "{out}");

    // News: an edit that mentions bob and resolves the blocker, replies and
    // a reaction to bob's update, carol's first update.
    world.set_now("2026-11-24T11:00:00Z");
    alice.ok(&["write", "--today", "Ship it with @bob", "--resolve", &id]);
    alice.ok(&["reply", "bob", "Sure, after lunch"]);
    carol.ok(&["reply", "bob", "--react", "tada"]);
    carol.ok(&["write", "--today", "Docs", "--blocker", "CI is red"]);
    let peek = bob.json(&["inbox", "--format", "json", "--peek"]);
    let doc = bob.json(&["inbox", "--format", "json"]);
    assert_eq!(peek, doc, "--peek marks nothing read");
    assert_eq!(authors(&doc), ["alice", "carol"]);
    assert!(doc["since"]
        .as_str()
        .unwrap()
        .starts_with("2026-11-24T09:00"));
    let replies = doc["replies"].as_array().unwrap();
    assert_eq!(replies.len(), 2, "{doc}");
    assert_eq!(replies[0]["text"], "Sure, after lunch");
    assert_eq!(replies[0]["to"], "bob");
    assert_eq!(replies[1]["reaction"], "🎉");
    assert_eq!(doc["mentions"][0]["text"], "Ship it with @bob");
    assert_eq!(doc["blockers_opened"][0]["author"], "carol");
    assert_eq!(doc["blockers_resolved"][0]["id"], id.as_str());

    // Shown once: nothing is new now, in every format.
    let doc = bob.json(&["inbox", "--format", "json"]);
    for key in [
        "updates",
        "replies",
        "mentions",
        "blockers_opened",
        "blockers_resolved",
    ] {
        assert_eq!(doc[key].as_array().unwrap().len(), 0, "{key}: {doc}");
    }
    bob.ok(&["inbox", "--format", "markdown"]);

    // What was read survives a deleted mirror; --all ignores it.
    std::fs::remove_dir_all(bob.mirror("team")).unwrap();
    let out = bob.ok(&["inbox"]);
    assert!(out.contains("Nothing new."), "{out}");
    let all = bob.expect(1, &["inbox", "--all", "--peek"]);
    assert!(all.contains("Sure, after lunch"), "{all}");
    assert!(all.contains("@carol"), "{all}");
    bob.ok(&["inbox"]);
}

#[test]
fn replies_from_two_machines_of_one_person_on_one_day_are_both_kept() {
    let world = World::new();
    let (_remote, _alice, bob, _carol, _id) = three(&world);
    let laptop = world.person_on("bob", "UTC", "bob-laptop");
    laptop.ok(&["init", _remote.to_str().unwrap()]);
    // Both write today's reply file without seeing the other's.
    bob.ok(&["reply", "alice", "From the desk"]);
    laptop.ok(&["reply", "alice", "From the laptop"]);
    let doc = bob.json(&["team", "--format", "json"]);
    let texts: Vec<&str> = doc["updates"][0]["replies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["From the desk", "From the laptop"], "{doc}");
}

#[test]
fn reply_files_dated_ahead_are_warned_about_once_and_never_read() {
    let world = World::new();
    let (remote, alice, bob, _carol, _id) = three(&world);
    bob.ok(&["reply", "alice", "On time"]);
    // bob plants a reply file dated a month ahead; tomorrow is allowed.
    let checkout = Checkout::of(&world, &remote);
    let entry = |text: &str, day: &str| {
        format!("[[reply]]\nto = \"alice\"\ndate = 2026-11-24\ntext = \"{text}\"\nwritten_at = {day}T10:00:00Z\n")
    };
    checkout.put(
        "replies/bob/2026/2026-12-24.toml",
        entry("From the future", "2026-12-24"),
    );
    checkout.put(
        "replies/bob/2026/2026-11-25.toml",
        entry("Clock ahead", "2026-11-25"),
    );
    checkout.push_as("bob@example.com", "replies dated ahead");
    alice.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    let out = alice.run(&["team"]);
    let (team, err) = (stdout(&out), stderr(&out));
    assert!(team.contains("@bob: On time"), "{team}\n{err}");
    assert!(team.contains("@bob: Clock ahead"), "{team}");
    assert!(!team.contains("From the future"), "{team}");
    let warning =
        "replies/bob/2026/2026-12-24.toml: date 2026-12-24 is more than 1 day after today";
    assert_eq!(err.matches(warning).count(), 1, "{err}");
    assert!(
        err.contains("async-up-count reply_files_parsed 2\n"),
        "{err}"
    );
    let found = alice.json(&["search", "future", "--no-fetch", "--format", "json"]);
    assert_eq!(found["matches"].as_array().unwrap().len(), 0, "{found}");
}

#[test]
fn mentions_include_replies_to_the_latest_updates() {
    let world = World::new();
    let (_remote, alice, bob, carol, id) = three(&world);
    bob.ok(&["reply", "alice", "--blocker", &id, "@carol has the creds"]);
    bob.ok(&["reply", "alice", "--react", "+1"]);
    let doc = carol.json(&["mentions", "--format", "json"]);
    let rows = doc["mentions"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{doc}");
    assert_eq!(rows[0]["kind"], "reply");
    assert_eq!(rows[0]["author"], "bob");
    assert_eq!(rows[0]["text"], "@carol has the creds");
    assert_eq!(rows[0]["date"], "2026-11-24");
    let table = carol.ok(&["mentions"]);
    assert!(table.contains("reply"), "{table}");
    assert!(table.contains("@carol has the creds"), "{table}");
    let md = carol.ok(&["mentions", "--format", "markdown"]);
    assert!(
        md.contains("- @bob (reply, 2026-11-24): @carol has the creds"),
        "{md}"
    );
    // Once alice writes a newer update, the thread of the old one is gone.
    world.set_now("2026-11-25T09:00:00Z");
    alice.ok(&["write", "--today", "Next"]);
    let doc = carol.json(&["mentions", "--format", "json"]);
    assert_eq!(doc["mentions"].as_array().unwrap().len(), 0, "{doc}");
}

#[test]
fn log_parses_only_reply_files_that_can_answer_the_person() {
    let world = World::new();
    let (_remote, alice, bob, carol, _id) = three(&world);
    bob.ok(&["reply", "alice", "Nice"]);
    world.set_now("2026-11-25T09:00:00Z");
    carol.ok(&["write", "--today", "Docs"]);
    bob.ok(&["reply", "carol", "Thanks"]);
    alice.ok(&["sync"]);
    alice.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    let out = alice.run(&["log", "alice", "--no-fetch"]);
    assert!(stdout(&out).contains("Nice"), "{}", stdout(&out));
    // bob's file of the 25th names only carol: never parsed.
    let err = stderr(&out);
    assert!(
        err.contains("async-up-count reply_files_parsed 1\n"),
        "{err}"
    );
    let out = alice.run(&["log", "carol", "--no-fetch"]);
    assert!(stdout(&out).contains("Thanks"), "{}", stdout(&out));
}

/// The digest reads each reply file once, though its signals look further
/// back (to the oldest open blocker) than its threads do.
#[test]
fn the_digest_parses_each_reply_file_once() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    world.set_now("2026-11-02T09:00:00Z");
    alice.ok(&["init", remote.to_str().unwrap()]);
    bob.ok(&["init", remote.to_str().unwrap()]);
    let clone = Checkout::of(&world, &remote);
    clone.put(
        "updates/alice/2026/2026-11-24.toml",
        "author = \"alice\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T09:00:00Z\n\
         today = [\"work\"]\n[[blockers]]\nid = \"b1\"\ntext = \"waiting\"\nsince = 2026-11-10\n",
    );
    clone.push_as("alice@example.com", "alice");
    world.set_now("2026-11-24T12:00:00Z");
    bob.ok(&["reply", "alice", "--blocker", "b1", "on it"]);
    alice.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    let out = alice.run(&["digest", "--week"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("async-up-count reply_files_parsed 1\n"),
        "{err}"
    );
}
