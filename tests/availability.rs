//! Where everyone is: local time and state, away versus missing, weekends,
//! and what is waiting on me.

mod common;
use common::*;

fn state_of(doc: &serde_json::Value, handle: &str) -> (String, String) {
    let m = doc["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["handle"] == handle)
        .unwrap_or_else(|| panic!("{handle} in {doc}"));
    (
        m["local_time"].as_str().unwrap().into(),
        m["state"].as_str().unwrap().into(),
    )
}

fn team_of_two() -> (World, Person, Person, std::path::PathBuf) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "Europe/Berlin");
    let bob = world.person("bob", "America/New_York");
    // Both joined weeks before the dates the tests look at.
    world.set_now("2026-11-02T09:00:00Z");
    alice.ok(&[
        "init",
        remote.to_str().unwrap(),
        "--timezone",
        "Europe/Berlin",
    ]);
    bob.ok(&[
        "init",
        remote.to_str().unwrap(),
        "--timezone",
        "America/New_York",
    ]);
    world.set_now("2026-11-24T09:00:00Z");
    (world, alice, bob, remote)
}

#[test]
fn states_follow_hours_focus_workdays_and_dst() {
    let (world, alice, bob, remote) = team_of_two();
    alice.ok(&[
        "me",
        "--hours",
        "09:00-17:30",
        "--focus",
        "09:00-11:00",
        "--workdays",
        "Mon-Fri",
    ]);
    // `me` touched only alice's own member file.
    let files = git_ok(git_plain().arg("--git-dir").arg(&remote).args([
        "show",
        "--name-only",
        "--format=",
        "main",
    ]));
    assert_eq!(files.trim(), "members/alice.toml");

    // Tuesday 2026-11-24; Berlin is UTC+1.
    for (now, time, state) in [
        ("2026-11-24T08:30:00Z", "Tue 09:30", "focus"),
        ("2026-11-24T12:00:00Z", "Tue 13:00", "working"),
        ("2026-11-24T18:00:00Z", "Tue 19:00", "off_hours"),
        ("2026-11-28T12:00:00Z", "Sat 13:00", "day_off"),
        // Sunday 2026-10-25 03:00 CEST becomes 02:00 CET: the same UTC hour
        // reads an hour apart on either side of the change.
        ("2026-10-23T07:30:00Z", "Fri 09:30", "focus"),
        ("2026-10-26T07:30:00Z", "Mon 08:30", "off_hours"),
    ] {
        world.set_now(now);
        let doc = bob.json(&["team", "--format", "json"]);
        assert_eq!(
            state_of(&doc, "alice"),
            (time.to_string(), state.to_string()),
            "at {now}"
        );
    }
    // bob has default hours 09:00-17:00 in New York (UTC-5).
    world.set_now("2026-11-24T15:00:00Z");
    assert_eq!(
        state_of(&bob.json(&["team", "--format", "json"]), "bob").1,
        "working"
    );
    // Bad values are refused and change nothing.
    let out = alice.run(&["me", "--hours", "9 to 5"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a span"), "{}", stderr(&out));
    alice.expect(2, &["me", "--workdays", "Funday"]);
}

#[test]
fn weekends_are_not_missing_and_away_is_not_missing() {
    let (world, alice, bob, _remote) = team_of_two();
    // Friday 2026-11-20.
    world.set_now("2026-11-20T15:00:00Z");
    alice.ok(&["write", "--today", "Friday work"]);
    bob.ok(&[
        "write",
        "--today",
        "Friday too",
        "--blocker",
        "Waiting on @alice for review",
    ]);
    // Monday morning: Friday's updates are still current.
    world.set_now("2026-11-23T08:00:00Z");
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(authors(&doc), ["alice", "bob"]);
    assert_eq!(doc["missing"], serde_json::json!([]));
    // Tuesday: Monday was a workday with nothing written: missing.
    world.set_now("2026-11-24T12:00:00Z");
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(doc["missing"], serde_json::json!(["alice", "bob"]));

    // bob is away this week: away, not missing; his blocker still shows, marked.
    bob.ok(&[
        "away",
        "--from",
        "2026-11-23",
        "--until",
        "2026-11-27",
        "--note",
        "Conference",
    ]);
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(doc["missing"], serde_json::json!(["alice"]));
    assert_eq!(doc["away"][0]["handle"], "bob");
    assert_eq!(doc["away"][0]["until"], "2026-11-27");
    assert_eq!(doc["away"][0]["note"], "Conference");
    assert_eq!(state_of(&doc, "bob").1, "away");
    assert!(alice
        .ok(&["team"])
        .contains("Away: @bob until 2026-11-27 (Conference)"));
    let b = alice.json(&["blockers", "--format", "json"]);
    assert_eq!(b["blockers"][0]["away"], true);
    assert!(alice.expect(1, &["blockers"]).contains("@bob (away)"));
    // Back: --clear, and he is missing again until he writes.
    bob.ok(&["away", "--clear"]);
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(doc["missing"], serde_json::json!(["alice", "bob"]));
    bob.expect(
        2,
        &["away", "--from", "2026-11-27", "--until", "2026-11-23"],
    );
}

#[test]
fn mentions_show_what_is_waiting_on_me() {
    let (world, alice, bob, remote) = team_of_two();
    let carol = world.person("carol", "Asia/Tokyo");
    carol.ok(&["init", remote.to_str().unwrap()]);
    world.set_now("2026-11-24T08:00:00Z");
    bob.ok(&[
        "write",
        "--today",
        "Pair with @alice on auth",
        "--blocker",
        "Waiting on @alice for the API key",
    ]);
    world.set_now("2026-11-24T09:00:00Z");
    carol.ok(&[
        "write",
        "--today",
        "Review @alice's PR",
        "--blocker",
        "Need @bob's sign-off",
    ]);
    let doc = alice.json(&["mentions", "--format", "json"]);
    let got: Vec<(&str, &str)> = doc["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["author"].as_str().unwrap(), m["kind"].as_str().unwrap()))
        .collect();
    // Newest first: carol wrote after bob.
    assert_eq!(
        got,
        [("carol", "today"), ("bob", "blocker"), ("bob", "today")]
    );
    let doc = alice.json(&["mentions", "bob", "--format", "json"]);
    assert_eq!(doc["mentions"].as_array().unwrap().len(), 1);
    // Handles are lower case; typed as people type them, they still match.
    let doc = alice.json(&["mentions", "@Bob", "--format", "json"]);
    assert_eq!(doc["mentions"].as_array().unwrap().len(), 1);
    world.set_now("2026-11-24T10:00:00Z");
    carol.ok(&["write", "--today", "Demo with @Alice"]);
    let doc = alice.json(&["mentions", "--format", "json"]);
    assert_eq!(doc["mentions"][0]["text"], "Demo with @Alice");
    let b = alice.json(&["blockers", "--mentions", "alice", "--format", "json"]);
    let texts: Vec<&str> = b["blockers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Waiting on @alice for the API key"]);
    alice.expect(0, &["blockers", "--mentions", "nobody"]);

    // The typo guard: a mention of someone not in the team is flagged.
    let out = alice.run(&[
        "write",
        "--today",
        "Ask @bbo about @carol's notes",
        "--blocker",
        "@zed owes me",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("@bbo is not a member of this team; did you mean @bob?"),
        "{err}"
    );
    assert!(err.contains("@zed is not a member of this team"), "{err}");
    assert!(!err.contains("@carol is not"), "{err}");
}

/// A newcomer is expected to write from the day they join, not before: not
/// missing on their first day, missing the day after if they still have not.
#[test]
fn a_newcomer_is_not_missing_before_they_joined() {
    let (world, alice, _bob, remote) = team_of_two();
    let carol = world.person("carol", "Europe/Berlin");
    carol.ok(&[
        "init",
        remote.to_str().unwrap(),
        "--timezone",
        "Europe/Berlin",
    ]);
    let member = Checkout::of(&world, &remote).read("members/carol.toml");
    assert!(member.contains("joined = 2026-11-24\n"), "{member}");

    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(doc["missing"], serde_json::json!(["alice", "bob"]));
    world.set_now("2026-11-25T12:00:00Z");
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(doc["missing"], serde_json::json!(["alice", "bob", "carol"]));
    // Joining again (another machine) keeps the day first joined.
    carol.ok(&["init", remote.to_str().unwrap()]);
    let member = Checkout::of(&world, &remote).read("members/carol.toml");
    assert!(member.contains("joined = 2026-11-24\n"), "{member}");
}

/// Your member file edited on two machines: the second edit starts from the
/// first, instead of writing back what its mirror had before.
#[test]
fn member_file_changes_from_two_machines_add_up() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let url = remote.to_str().unwrap();
    let laptop = world.person_on("alice", "UTC", "laptop");
    let desk = world.person_on("alice", "UTC", "desk");
    laptop.ok(&["init", url]);
    desk.ok(&["init", url]);
    laptop.ok(&["me", "--hours", "10:00-18:00"]);
    desk.ok(&["away", "--from", "2026-12-21", "--until", "2026-12-24"]);
    let member = Checkout::of(&world, &remote).read("members/alice.toml");
    assert!(member.contains("hours = \"10:00-18:00\""), "{member}");
    assert!(member.contains("from = 2026-12-21"), "{member}");
}
