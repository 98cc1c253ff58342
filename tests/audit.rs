//! Who wrote it: `audit` checks committer and SSH signature of every commit
//! to a member's files, and `team` marks updates committed by someone else.

mod common;
use common::*;
use std::path::{Path, PathBuf};

fn use_key(p: &Person, key: &Path) {
    let mut config = std::fs::read_to_string(p.config_file()).unwrap();
    // Appended after [teams.team], so it is that team's key.
    config.push_str(&format!("signing_key = \"{}\"\n", key.display()));
    std::fs::write(p.config_file(), config).unwrap();
}

fn clone_of(world: &World, remote: &Path) -> PathBuf {
    Checkout::of(world, remote).dir
}

fn commit_and_push(clone: &Path, email: &str, message: &str) {
    Checkout {
        dir: clone.to_path_buf(),
    }
    .push_as(email, message);
}

#[test]
fn commits_into_someone_elses_folder_are_caught() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    bob.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["write", "--today", "my own words"]);
    let out = bob.ok(&["audit"]);
    assert!(out.contains("no violations"), "{out}");
    let doc = bob.json(&["team", "--format", "json"]);
    assert_eq!(
        doc["updates"][0]["foreign_committer"],
        serde_json::Value::Null
    );

    // bob rewrites alice's update with plain git.
    let clone = clone_of(&world, &remote);
    let path = clone.join("updates/alice/2026/2026-11-24.toml");
    let forged = std::fs::read_to_string(&path)
        .unwrap()
        .replace("my own words", "I quit");
    std::fs::write(&path, forged).unwrap();
    commit_and_push(&clone, "bob@example.com", "edit alice's update");

    let out = alice.run(&["audit", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = &report["violations"][0];
    assert_eq!(
        report["violations"].as_array().unwrap().len(),
        1,
        "{report}"
    );
    assert_eq!(v["member"], "alice");
    assert_eq!(v["path"], "updates/alice/2026/2026-11-24.toml");
    assert!(
        v["reason"]
            .as_str()
            .unwrap()
            .contains("committed by bob@example.com"),
        "{v}"
    );
    assert!(alice.expect(1, &["audit"]).contains("bob@example.com"));

    // team says so, in every format.
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(doc["updates"][0]["foreign_committer"], "bob@example.com");
    assert!(
        doc["updates"][0]["violation"]
            .as_str()
            .unwrap()
            .contains("committed by bob@example.com, not by alice"),
        "{doc}"
    );
    assert!(alice.ok(&["team"]).contains("committed by bob@example.com"));
    assert!(alice
        .ok(&["team", "--format", "markdown"])
        .contains("committed by bob@example.com, not by alice"));

    // --since past the forgery is clean again; a bad revision is an error.
    let head = git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["rev-parse", "main"]),
    );
    alice.ok(&["audit", "--since", head.trim()]);
    alice.expect(2, &["audit", "--since", "no-such-rev"]);
    // The same audit runs in the team repo's own CI, on its checkout.
    let clone = clone_of(&world, &remote);
    alice.expect(1, &["--repo", clone.to_str().unwrap(), "audit"]);
}

#[test]
fn a_member_file_cannot_be_taken_over_in_one_commit() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let clone = clone_of(&world, &remote);
    let path = clone.join("members/alice.toml");
    let taken = std::fs::read_to_string(&path)
        .unwrap()
        .replace("alice@example.com", "mallory@example.com");
    std::fs::write(&path, taken).unwrap();
    commit_and_push(&clone, "mallory@example.com", "I am alice now");
    let out = alice.expect(1, &["audit", "--format", "json"]);
    assert!(
        out.contains("committed by mallory@example.com, not by alice (alice@example.com)"),
        "{out}"
    );
}

#[test]
fn required_signatures_are_verified() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    bob.ok(&["init", remote.to_str().unwrap()]);
    let keys = world.path().join("keys");
    std::fs::create_dir_all(&keys).unwrap();
    let (alice_key, alice_pub) = keygen(&keys, "alice", "alice@example.com");
    let (_bob_key, bob_pub) = keygen(&keys, "bob", "bob@example.com");

    // The team turns signing on.
    let clone = clone_of(&world, &remote);
    std::fs::write(
        clone.join("allowed_signers"),
        format!("# members' keys\nalice@example.com {alice_pub}\nbob@example.com namespaces=\"git\" {bob_pub}\n"),
    )
    .unwrap();
    let team_file = std::fs::read_to_string(clone.join("async-up.toml")).unwrap();
    std::fs::write(
        clone.join("async-up.toml"),
        format!("{team_file}\n[signing]\nrequired = true\n"),
    )
    .unwrap();
    commit_and_push(&clone, "lead@example.com", "require signatures");
    let policy = git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["rev-parse", "main"]),
    );
    let policy = policy.trim();

    use_key(&alice, &alice_key);
    alice.ok(&["write", "--today", "signed", "--no-push"]);
    bob.ok(&["write", "--today", "unsigned"]);
    alice.ok(&["sync"]); // replayed on top of bob's commit: signed again
    let out = alice.run(&["audit", "--since", policy, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let violations = report["violations"].as_array().unwrap();
    assert_eq!(violations.len(), 1, "{report}");
    assert_eq!(violations[0]["member"], "bob");
    assert!(violations[0]["reason"]
        .as_str()
        .unwrap()
        .contains("no valid SSH signature"));

    // git itself accepts alice's signature.
    let signers = world.path().join("allowed_signers");
    std::fs::write(&signers, format!("alice@example.com {alice_pub}\n")).unwrap();
    let tip = git_ok(git_plain().arg("--git-dir").arg(&remote).args([
        "log",
        "-1",
        "--format=%H",
        "main",
        "--",
        "updates/alice",
    ]));
    git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .arg("-c")
            .arg(format!("gpg.ssh.allowedSignersFile={}", signers.display()))
            .args(["verify-commit", tip.trim()]),
    );

    // Listing another key for alice later does not turn her signed past
    // into a forgery (nor a forger's past into clean work): each commit is
    // judged by the keys of its parent. The rotation itself is a change to a
    // trust anchor by someone who is not a maintainer.
    let clone = clone_of(&world, &remote);
    std::fs::write(
        clone.join("allowed_signers"),
        format!("alice@example.com {bob_pub}\nbob@example.com {bob_pub}\n"),
    )
    .unwrap();
    commit_and_push(&clone, "lead@example.com", "rotate keys");
    let out = alice.run(&["audit", "--since", policy, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let flagged: Vec<(&str, &str)> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["member"].as_str().unwrap_or("(anchor)"),
                v["path"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        flagged,
        [
            ("bob", "updates/bob/2026/2026-11-24.toml"),
            ("(anchor)", "allowed_signers")
        ],
        "oldest first: {report}"
    );
}
