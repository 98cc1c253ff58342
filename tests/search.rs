//! `search`: every update item, blocker and reply whose text matches,
//! newest first, across teammates, within a period, escaped on the way out.

mod common;
use common::*;

/// alice and bob on one remote; alice wrote on the 20th and the 24th, bob
/// replied to her on the 24th. Returns the blocker's id.
fn team(world: &World) -> (Person, Person, String) {
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    for p in [&alice, &bob] {
        p.ok(&["init", remote.to_str().unwrap()]);
    }
    world.set_now("2026-11-20T09:00:00Z");
    alice.ok(&[
        "write",
        "--yesterday",
        "Paired on Token Refresh",
        "--today",
        "Write docs",
    ]);
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&[
        "write",
        "--today",
        "Ship token refresh",
        "--blocker",
        "Waiting on refresh creds from ops",
    ]);
    let doc = alice.json(&["blockers", "--format", "json"]);
    let id = doc["blockers"][0]["id"].as_str().unwrap().to_string();
    world.set_now("2026-11-24T10:00:00Z");
    bob.ok(&[
        "reply",
        "alice",
        "--blocker",
        &id,
        "I have the token; refresh it",
    ]);
    bob.ok(&["write", "--today", "Nothing about that"]);
    (alice, bob, id)
}

#[test]
fn finds_items_blockers_and_replies_newest_first() {
    let world = World::new();
    let (alice, _bob, id) = team(&world);
    let doc = alice.json(&["search", "REFRESH", "token", "--format", "json"]);
    assert_eq!(doc["pattern"], "REFRESH token");
    let found: Vec<(String, String, String)> = doc["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["author"].as_str().unwrap().to_string(),
                m["date"].as_str().unwrap().to_string(),
                m["field"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("bob".into(), "2026-11-24".into(), "reply".into()),
            ("alice".into(), "2026-11-24".into(), "today".into()),
            ("alice".into(), "2026-11-20".into(), "yesterday".into()),
        ],
        "{doc:#}"
    );
    assert_eq!(doc["matches"][0]["blocker"], id.as_str());
    assert!(doc["matches"][1].get("blocker").is_none(), "{doc:#}");
    // Exit 1 when something matched (like blockers and inbox), 0 when not.
    alice.expect(1, &["search", "creds"]);
    let none = alice.expect(0, &["search", "token", "zebra"]);
    assert!(none.contains("Nothing matches"), "{none}");
}

#[test]
fn period_and_person_narrow_the_search() {
    let world = World::new();
    let (alice, _bob, _) = team(&world);
    let count = |args: &[&str]| {
        let mut all = vec!["search", "--format", "json"];
        all.extend_from_slice(args);
        alice.json(&all)["matches"].as_array().unwrap().len()
    };
    assert_eq!(count(&["refresh"]), 4);
    assert_eq!(count(&["refresh", "--since", "2026-11-21"]), 3);
    assert_eq!(count(&["refresh", "--until", "2026-11-23"]), 1);
    assert_eq!(count(&["refresh", "--person", "alice"]), 3);
    assert_eq!(count(&["refresh", "--person", "@bob"]), 1);
    assert_eq!(
        count(&["refresh", "--person", "bob", "--person", "alice"]),
        4
    );
    let out = alice.run(&[
        "search",
        "x",
        "--since",
        "2026-11-24",
        "--until",
        "2026-11-20",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn regex_matches_and_a_bad_one_is_a_usage_error() {
    let world = World::new();
    let (alice, _bob, _) = team(&world);
    let doc = alice.json(&["search", "--regex", r"^ship\s+TOKEN", "--format", "json"]);
    assert_eq!(doc["matches"].as_array().unwrap().len(), 1, "{doc:#}");
    assert_eq!(doc["matches"][0]["text"], "Ship token refresh");
    // Words are not a regex: a dot is a dot.
    alice.expect(0, &["search", "sh.p"]);
    alice.expect(1, &["search", "--regex", "sh.p"]);
    let out = alice.run(&["search", "--regex", "(unclosed"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a regular expression"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn teammate_text_is_escaped_in_markdown_and_cleaned_in_the_table() {
    let world = World::new();
    let (alice, bob, _) = team(&world);
    bob.ok(&[
        "write",
        "--today",
        "needle [click](https://evil.example) <b>x</b> \u{1b}[31mred",
    ]);
    alice.ok(&["sync"]);
    let md = alice.expect(1, &["search", "needle", "--format", "markdown"]);
    // Escaped as in every markdown view (tests/markup.rs proves it renders
    // as text with a real CommonMark parser).
    assert!(md.contains(r"\[click\]"), "{md}");
    assert!(!md.contains("<b>"), "{md}");
    let table = alice.expect(1, &["search", "needle"]);
    assert!(!table.contains('\u{1b}'), "{table:?}");
    assert!(table.contains("@bob"), "{table}");
}

#[test]
fn until_keeps_later_reply_files_unread() {
    let world = World::new();
    let (alice, _bob, _) = team(&world);
    let remote = world.path().join("team.git");
    // bob's file of the next day cannot be parsed, and would match.
    let checkout = Checkout::of(&world, &remote);
    checkout.put(
        "replies/bob/2026/2026-11-25.toml",
        "[[reply]]\ntext = \"refresh, unterminated\n",
    );
    checkout.push_as("bob@example.com", "a broken reply file");
    alice.ok(&["sync"]);
    let bad = "replies/bob/2026/2026-11-25.toml";
    let all = alice.run(&["search", "refresh", "--no-fetch"]);
    assert!(stderr(&all).contains(bad), "{}", stderr(&all));
    let until = alice.run(&["search", "refresh", "--until", "2026-11-24", "--no-fetch"]);
    assert_eq!(until.status.code(), Some(1), "{}", stderr(&until));
    assert!(!stderr(&until).contains(bad), "{}", stderr(&until));
}

#[test]
fn files_that_cannot_match_are_not_parsed() {
    let world = World::new();
    let (alice, bob, _) = team(&world);
    world.set_now("2026-11-25T09:00:00Z");
    bob.ok(&["write", "--today", "Lunch"]);
    bob.ok(&["reply", "alice", "--react", "tada"]);
    alice.ok(&["sync"]);
    alice.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    let parsed = |args: &[&str]| {
        let mut all = vec!["search", "--no-fetch", "--format", "json"];
        all.extend_from_slice(args);
        let out = alice.run(&all);
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            doc["matches"].as_array().unwrap().len(),
            counter(&out, "update_files_parsed") + counter(&out, "reply_files_parsed"),
        )
    };
    // Four update files and two reply files; "creds" is in one of each
    // (alice's blocker, bob's reply does not say it), "token" in two
    // updates and one reply; nothing says "zebra".
    assert_eq!(parsed(&["CREDS"]), (1, 1));
    assert_eq!(parsed(&["token"]), (3, 3));
    assert_eq!(parsed(&["zebra"]), (0, 0));
    // An offer's shown text is not in its file: reply files are parsed.
    assert_eq!(parsed(&["help"]).0, 0);
    // A regex cannot be told from the raw text: every file is parsed.
    assert_eq!(parsed(&["--regex", "zeb?ra"]), (0, 6));
}

#[test]
fn texts_kept_beside_the_mirror_are_checked_against_their_ids() {
    let world = World::new();
    let (alice, _bob, _) = team(&world);
    // What the index keeps of the latest files is not kept twice: bob's
    // reply file (read from the object store) is.
    alice.expect(1, &["search", "docs"]);
    let cache = alice.mirror("team").join("async-up-texts");
    let kept = std::fs::read_to_string(&cache).unwrap();
    assert!(kept.contains("I have the token; refresh it"), "{kept}");
    assert!(!kept.contains("Write docs"), "{kept}");
    // An edited cache cannot make search show what the repo does not hold.
    std::fs::write(&cache, kept.replace("I have the token", "I lost the token")).unwrap();
    alice.expect(0, &["search", "lost", "--no-fetch"]);
    let doc = alice.json(&["search", "have", "--no-fetch", "--format", "json"]);
    assert_eq!(
        doc["matches"][0]["text"], "I have the token; refresh it",
        "{doc}"
    );
    // A damaged one is read around too.
    std::fs::write(&cache, "not a cache").unwrap();
    alice.expect(1, &["search", "have", "--no-fetch"]);
}
