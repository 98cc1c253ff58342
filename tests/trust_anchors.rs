//! Audit under attack: merges are judged on what they write themselves, the
//! trust anchors (team file, allowed signers) are read from each commit's
//! parent and may only be changed by maintainers, a shallow clone is never
//! judged as if it were whole, and `team` marks an update whose last change
//! broke any of these rules.

mod common;
use common::*;
use std::path::{Path, PathBuf};

const DAY: &str = "updates/alice/2026/2026-11-24.toml";

/// alice seeds the team (so she is its maintainer), bob joins, both write.
fn team(world: &World) -> (PathBuf, Person, Person) {
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    bob.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["write", "--today", "my own words"]);
    bob.ok(&["write", "--today", "bob's words"]);
    (remote, alice, bob)
}

fn violations(p: &Person) -> Vec<serde_json::Value> {
    let out = p.run(&["audit", "--format", "json"]);
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{}",
        stderr(&out)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["violations"].as_array().unwrap().clone()
}

fn reasons(vs: &[serde_json::Value]) -> Vec<String> {
    vs.iter()
        .map(|v| {
            format!(
                "{} {}: {}",
                v["member"].as_str().unwrap_or("(anchor)"),
                v["path"].as_str().unwrap(),
                v["reason"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn the_seeding_member_is_the_first_maintainer() {
    let world = World::new();
    let (remote, alice, _bob) = team(&world);
    let clone = Checkout::of(&world, &remote);
    assert!(
        clone
            .read("async-up.toml")
            .contains("maintainers = [\"alice\"]"),
        "{}",
        clone.read("async-up.toml")
    );
    assert!(alice.ok(&["audit"]).contains("no violations"));
}

#[test]
fn a_merge_that_rewrites_an_update_is_caught_and_an_honest_merge_is_not() {
    let world = World::new();
    let (remote, alice, bob) = team(&world);
    let clone = Checkout::of(&world, &remote);
    let dir = &clone.dir;

    // An honest merge: alice commits on a side branch with plain git, bob
    // merges it. The merge brings her change in and writes nothing itself.
    git_as(dir, "bob@example.com", &["checkout", "-q", "-b", "side"]);
    clone.put(
        DAY,
        clone
            .read(DAY)
            .replace("my own words", "my own words, edited"),
    );
    git_as(
        dir,
        "alice@example.com",
        &["commit", "-qam", "alice edits on a branch"],
    );
    git_as(dir, "bob@example.com", &["checkout", "-q", "main"]);
    clone.put("notes.txt", "bob's notes\n");
    git_as(dir, "bob@example.com", &["add", "notes.txt"]);
    git_as(dir, "bob@example.com", &["commit", "-qm", "bob's notes"]);
    git_as(
        dir,
        "bob@example.com",
        &["merge", "-q", "--no-ff", "-m", "merge side", "side"],
    );
    git_as(dir, "bob@example.com", &["push", "-q", "origin", "main"]);
    assert!(
        violations(&alice).is_empty(),
        "{:?}",
        reasons(&violations(&alice))
    );

    // An evil merge: bob merges another branch and, in the merge itself,
    // rewrites alice's update. Neither parent has that content.
    git_as(dir, "bob@example.com", &["checkout", "-q", "-b", "side2"]);
    clone.put("more.txt", "x\n");
    git_as(dir, "bob@example.com", &["add", "more.txt"]);
    git_as(dir, "bob@example.com", &["commit", "-qm", "more"]);
    git_as(dir, "bob@example.com", &["checkout", "-q", "main"]);
    clone.put("other.txt", "y\n");
    git_as(dir, "bob@example.com", &["add", "other.txt"]);
    git_as(dir, "bob@example.com", &["commit", "-qm", "other"]);
    git_as(
        dir,
        "bob@example.com",
        &["merge", "-q", "--no-ff", "--no-commit", "side2"],
    );
    clone.put(
        DAY,
        clone.read(DAY).replace("my own words, edited", "I quit"),
    );
    git_as(dir, "bob@example.com", &["add", DAY]);
    git_as(dir, "bob@example.com", &["commit", "-qm", "merge side2"]);
    git_as(dir, "bob@example.com", &["push", "-q", "origin", "main"]);

    let found = violations(&alice);
    assert_eq!(found.len(), 1, "{:?}", reasons(&found));
    assert_eq!(found[0]["member"], "alice");
    assert_eq!(found[0]["path"], DAY);
    let reason = found[0]["reason"].as_str().unwrap();
    assert!(
        reason.contains("merge") && reason.contains("bob@example.com"),
        "{reason}"
    );
    alice.expect(1, &["audit"]);

    // team marks it in every format.
    let doc = alice.json(&["team", "--format", "json"]);
    let entry = doc["updates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["author"] == "alice")
        .unwrap()
        .clone();
    assert_eq!(entry["foreign_committer"], "bob@example.com", "{entry}");
    assert!(
        entry["violation"].as_str().unwrap().contains("merge"),
        "{entry}"
    );
    assert!(alice.ok(&["team"]).contains("committed by bob@example.com"));
    assert!(alice
        .ok(&["team", "--format", "markdown"])
        .contains("a merge that changed it itself"));
    // bob's own update is not marked.
    let bobs = doc["updates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["author"] == "bob")
        .unwrap()
        .clone();
    assert_eq!(bobs["violation"], serde_json::Value::Null, "{bobs}");
    drop(bob);
}

/// alice (the maintainer) turns signing on, listing both members' keys.
fn require_signing(world: &World, remote: &Path) -> (PathBuf, String, String) {
    let keys = world.path().join("keys");
    let (alice_key, alice_pub) = keygen(&keys, "alice", "alice@example.com");
    let (_bob_key, bob_pub) = keygen(&keys, "bob", "bob@example.com");
    let clone = Checkout::of(world, remote);
    clone.put(
        "allowed_signers",
        format!("alice@example.com {alice_pub}\nbob@example.com {bob_pub}\n"),
    );
    let team_file = clone.read("async-up.toml");
    clone.put(
        "async-up.toml",
        format!("{team_file}\n[signing]\nrequired = true\n"),
    );
    clone.push_as("alice@example.com", "require signatures");
    (alice_key, alice_pub, bob_pub)
}

#[test]
fn turning_signing_off_later_does_not_clean_an_earlier_forgery() {
    let world = World::new();
    let (remote, alice, _bob) = team(&world);
    let (_alice_key, _alice_pub, bob_pub) = require_signing(&world, &remote);
    assert!(
        violations(&alice).is_empty(),
        "{:?}",
        reasons(&violations(&alice))
    );

    // bob forges alice's update under her own email, unsigned.
    let clone = Checkout::of(&world, &remote);
    clone.put(DAY, clone.read(DAY).replace("my own words", "I quit"));
    clone.push_as("alice@example.com", "forged as alice");
    // team marks it although the committer email is alice's.
    let doc = alice.json(&["team", "--format", "json"]);
    let entry = doc["updates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["author"] == "alice")
        .unwrap()
        .clone();
    assert!(
        entry["violation"]
            .as_str()
            .unwrap_or_default()
            .contains("no valid SSH signature"),
        "{entry}"
    );
    assert_eq!(entry["foreign_committer"], serde_json::Value::Null);
    assert!(alice.ok(&["team"]).contains("no valid SSH signature"));

    // Then he covers it up: his key listed under alice's email, signing off.
    clone.put(
        "allowed_signers",
        format!("alice@example.com {bob_pub}\nbob@example.com {bob_pub}\n"),
    );
    let team_file = clone
        .read("async-up.toml")
        .replace("required = true", "required = false");
    clone.put("async-up.toml", team_file);
    clone.push_as("bob@example.com", "tidy up");
    // And once more under alice's email, which needs her signature now.
    clone.put(
        "async-up.toml",
        format!("{}\n# again\n", clone.read("async-up.toml")),
    );
    clone.push_as("alice@example.com", "tidy up as alice");
    // Signing is "off" at the tip now, so he forges again, unsigned.
    clone.put(DAY, clone.read(DAY).replace("I quit", "I really quit"));
    clone.push_as("alice@example.com", "forged again");

    let found = reasons(&violations(&alice));
    assert_eq!(found.len(), 5, "{found:#?}");
    assert!(
        found[4].starts_with(&format!("alice {DAY}: no valid SSH signature")),
        "{found:#?}"
    );
    assert!(
        found[0].starts_with(&format!("alice {DAY}: no valid SSH signature")),
        "{found:#?}"
    );
    assert!(found[1].contains("(anchor) allowed_signers: changed the trust anchor allowed_signers, but bob@example.com is not a maintainer (alice)"), "{found:#?}");
    assert!(found[2].contains("(anchor) async-up.toml: changed the trust anchor async-up.toml, but bob@example.com is not a maintainer"), "{found:#?}");
    assert!(found[3].contains("(anchor) async-up.toml: changed the trust anchor async-up.toml without a valid SSH signature from a key allowed for alice@example.com"), "{found:#?}");
}

#[test]
fn a_maintainer_may_change_the_anchors_and_remove_a_squatted_member_file() {
    let world = World::new();
    let (remote, alice, _bob) = team(&world);
    let clone = Checkout::of(&world, &remote);
    // mallory squats carol's handle; alice (maintainer) removes the file
    // and adds a question to the team file.
    clone.put(
        "members/carol.toml",
        "handle = \"carol\"\nemail = \"mallory@example.com\"\n",
    );
    clone.push_as("mallory@example.com", "carol");
    std::fs::remove_file(clone.dir.join("members/carol.toml")).unwrap();
    let team_file = clone.read("async-up.toml");
    clone.put(
        "async-up.toml",
        format!(
            "{team_file}\n[[questions]]\nid = \"risk\"\nprompt = \"Any risk?\"\nkind = \"text\"\n"
        ),
    );
    clone.push_as("alice@example.com", "remove squatter, add a question");
    // The squat itself passes (a new member's first file vouches for
    // itself; `init` refuses to adopt it), the maintainer's work passes.
    assert!(
        violations(&alice).is_empty(),
        "{:?}",
        reasons(&violations(&alice))
    );

    // The same removal by a non-maintainer is a violation.
    clone.put(
        "members/dave.toml",
        "handle = \"dave\"\nemail = \"dave@example.com\"\n",
    );
    clone.push_as("dave@example.com", "dave joins");
    std::fs::remove_file(clone.dir.join("members/dave.toml")).unwrap();
    clone.push_as("bob@example.com", "remove dave");
    let found = reasons(&violations(&alice));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("dave members/dave.toml: committed by bob@example.com"),
        "{found:#?}"
    );
}

#[test]
fn a_team_without_maintainers_reports_anchor_changes_with_the_fix() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    // A team seeded before maintainers existed.
    let seed = Checkout::of(&world, &remote);
    seed.put("async-up.toml", "version = 1\nname = \"old\"\n");
    git_as(&seed.dir, "lead@example.com", &["add", "-A"]);
    git_as(&seed.dir, "lead@example.com", &["commit", "-qm", "seed"]);
    git_as(
        &seed.dir,
        "lead@example.com",
        &["push", "-q", "origin", "HEAD:main"],
    );
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    assert!(violations(&alice).is_empty());

    let clone = Checkout::of(&world, &remote);
    clone.put("async-up.toml", "version = 1\nname = \"renamed\"\n");
    clone.push_as("lead@example.com", "rename");
    let found = reasons(&violations(&alice));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("declares no maintainers"), "{found:#?}");
    assert!(
        found[0].contains("maintainers = [\"handle\"]"),
        "{found:#?}"
    );
}

#[test]
fn a_shallow_clone_is_refused_with_the_fix_and_a_range_it_holds_is_audited() {
    let world = World::new();
    let (remote, _alice, bob) = team(&world);
    // A forgery deep in history, then a few honest commits.
    let clone = Checkout::of(&world, &remote);
    clone.put(DAY, clone.read(DAY).replace("my own words", "I quit"));
    clone.push_as("bob@example.com", "forged");
    for n in 0..3 {
        bob.ok(&["write", "--today", &format!("honest {n}")]);
    }

    let ci = world.path().join("ci-checkout");
    git_ok(
        git_plain()
            .args(["clone", "-q", "--depth", "1"])
            .arg(format!("file://{}", remote.display()))
            .arg(&ci),
    );
    let out = bob.run(&["--repo", ci.to_str().unwrap(), "audit"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let err = stderr(&out);
    assert!(err.contains("shallow"), "{err}");
    assert!(
        err.contains("fetch-depth: 0") && err.contains("git fetch --unshallow"),
        "{err}"
    );

    // A range the clone holds whole is audited as usual: clean here.
    let ci3 = world.path().join("ci-checkout-3");
    git_ok(
        git_plain()
            .args(["clone", "-q", "--depth", "3"])
            .arg(format!("file://{}", remote.display()))
            .arg(&ci3),
    );
    let out = bob.expect(
        0,
        &[
            "--repo",
            ci3.to_str().unwrap(),
            "audit",
            "--since",
            "HEAD~2",
        ],
    );
    assert!(out.contains("2 commit(s) checked: no violations"), "{out}");

    // The whole history finds the forgery.
    git_ok(
        git_plain()
            .arg("-C")
            .arg(&ci)
            .args(["fetch", "-q", "--unshallow"]),
    );
    let out = bob.expect(1, &["--repo", ci.to_str().unwrap(), "audit"]);
    assert!(out.contains("committed by bob@example.com"), "{out}");
}

#[test]
fn changing_your_email_under_required_signing_says_a_key_is_needed() {
    let world = World::new();
    let (remote, alice, _bob) = team(&world);
    let out = alice.run(&["me", "--email", "alice@new.example.com"]);
    assert!(
        !stderr(&out).contains("requires signed commits"),
        "{}",
        stderr(&out)
    );
    require_signing(&world, &remote);
    let out = alice.run(&["me", "--email", "alice@newer.example.com"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the team requires signed commits: until a maintainer lists your key for alice@newer.example.com in allowed_signers"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_links_mapping_added_by_a_non_maintainer_is_an_anchor_change() {
    let world = World::new();
    let (remote, alice, _bob) = team(&world);
    let clone = Checkout::of(&world, &remote);
    let team_file = clone.read("async-up.toml");
    // [links] decides where the team's output links to: bob may not set it.
    clone.put(
        "async-up.toml",
        format!("{team_file}\n[links]\n\"PROJ-(\\\\d+)\" = \"https://evil.example/$1\"\n"),
    );
    clone.push_as("bob@example.com", "links to my tracker");
    let found = reasons(&violations(&alice));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("(anchor) async-up.toml: changed the trust anchor async-up.toml, but bob@example.com is not a maintainer"),
        "{found:#?}"
    );
    // alice, the maintainer, putting it right is no violation of its own.
    clone.put("async-up.toml", format!("{team_file}\n[links]\n\"PROJ-(\\\\d+)\" = \"https://tracker.example/browse/PROJ-$1\"\n"));
    clone.push_as("alice@example.com", "links to the team's tracker");
    assert_eq!(reasons(&violations(&alice)).len(), 1);
}
