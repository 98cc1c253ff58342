//! Forgeries a teammate with push access and plain git can build, each of
//! which passed `audit` before it was closed: an unrelated history merged
//! in, a merge that deletes someone's files, a maintainer handle claimed
//! before its owner joined, a member file that is a symlink, a mode-only
//! change, a folder with the same name twice, keys planted before signing
//! was turned on, a tag shadowing the `--since` a CI job means; and the
//! honest `git pull` merge that must carry a maintainer's change.

mod common;
use common::*;
use std::path::{Path, PathBuf};

const ALICE_DAY: &str = "updates/alice/2026/2026-11-24.toml";

/// git with `input` on its standard input (mktree, hash-object).
fn git_in(dir: &Path, args: &[&str], input: &str) -> String {
    use std::io::Write;
    let mut child = git_plain()
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// alice seeds (maintainer), bob joins, both write; mallory has a clone.
fn team(world: &World) -> (PathBuf, Person, Person, Checkout) {
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    bob.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["write", "--today", "alice's own words"]);
    bob.ok(&["write", "--today", "bob's own words"]);
    let clone = Checkout::of(world, &remote);
    (remote, alice, bob, clone)
}

/// `audit --format json` as `p`: the exit code and "member path: reason" lines.
fn audit(p: &Person) -> (i32, Vec<String>) {
    let out = p.run(&["audit", "--format", "json"]);
    let code = out.status.code().unwrap();
    assert!(code == 0 || code == 1, "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines = doc["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            format!(
                "{} {}: {}",
                v["member"].as_str().unwrap_or("(anchor)"),
                v["path"].as_str().unwrap(),
                v["reason"].as_str().unwrap()
            )
        })
        .collect();
    (code, lines)
}

fn mark_of(p: &Person, author: &str) -> serde_json::Value {
    let doc = p.json(&["team", "--format", "json"]);
    doc["updates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["author"] == author)
        .map(|u| u["violation"].clone())
        .unwrap_or(serde_json::Value::Null)
}

const FORGED: &str = "version = 1\nauthor = \"alice\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T08:59:00Z\ntoday = [\"FORGED\"]\n";

#[test]
fn an_unrelated_history_merged_in_cannot_vouch_for_itself() {
    let world = World::new();
    let (_remote, alice, _bob, m) = team(&world);
    let dir = &m.dir;
    // An orphan root that adds a member file for alice with mallory's email
    // and a forged update; a merge takes only the update from it.
    git_as(
        dir,
        "bob@example.com",
        &["checkout", "-q", "--orphan", "evil"],
    );
    git_as(dir, "bob@example.com", &["rm", "-rqf", "."]);
    m.put(
        "members/alice.toml",
        "handle = \"alice\"\nemail = \"bob@example.com\"\n",
    );
    m.put(ALICE_DAY, FORGED);
    git_as(dir, "bob@example.com", &["add", "-A"]);
    git_as(dir, "bob@example.com", &["commit", "-qm", "seed"]);
    let root = git_as(dir, "bob@example.com", &["rev-parse", "HEAD"]);
    git_as(dir, "bob@example.com", &["checkout", "-q", "main"]);
    git_as(
        dir,
        "bob@example.com",
        &["checkout", "-q", &root, "--", ALICE_DAY],
    );
    let tree = git_as(dir, "bob@example.com", &["write-tree"]);
    let merge = git_as(
        dir,
        "bob@example.com",
        &[
            "commit-tree",
            &tree,
            "-p",
            "main",
            "-p",
            &root,
            "-m",
            "Merge branch 'evil'",
        ],
    );
    git_as(
        dir,
        "bob@example.com",
        &["push", "-q", "origin", &format!("{merge}:main")],
    );

    let (code, found) = audit(&alice);
    assert_eq!(code, 1, "{found:#?}");
    assert!(
        found.iter().any(|f| f.starts_with(&format!(
            "alice {ALICE_DAY}: a root commit in a history with several roots"
        ))),
        "{found:#?}"
    );
    assert!(
        mark_of(&alice, "alice")
            .as_str()
            .unwrap_or("")
            .contains("several roots"),
        "team marks it"
    );
}

#[test]
fn a_merge_that_deletes_a_member_and_a_later_re_add_are_both_caught() {
    let world = World::new();
    let (_remote, alice, _bob, m) = team(&world);
    let dir = &m.dir;
    // A merge with the seed commit (which predates bob) drops bob's files:
    // the seed side never had them, but it did not delete them either.
    let seed = git_as(
        dir,
        "x@example.com",
        &["rev-list", "--max-parents=0", "HEAD"],
    );
    git_as(
        dir,
        "x@example.com",
        &["rm", "-rq", "members/bob.toml", "updates/bob"],
    );
    let tree = git_as(dir, "x@example.com", &["write-tree"]);
    let merge = git_as(
        dir,
        "mallory@example.com",
        &[
            "commit-tree",
            &tree,
            "-p",
            "HEAD",
            "-p",
            &seed,
            "-m",
            "merge",
        ],
    );
    git_as(dir, "x@example.com", &["reset", "-q", "--hard", &merge]);
    git_as(dir, "x@example.com", &["push", "-q", "origin", "HEAD:main"]);
    // Then bob's handle is taken: a member file with mallory's email.
    m.put(
        "members/bob.toml",
        "handle = \"bob\"\nemail = \"mallory@example.com\"\n",
    );
    m.put(
        "updates/bob/2026/2026-11-24.toml",
        FORGED.replace("alice", "bob"),
    );
    m.push_as("mallory@example.com", "bob, again");

    let (code, found) = audit(&alice);
    assert_eq!(code, 1);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with("bob members/bob.toml: a merge that changed it itself, committed by mallory@example.com"),
        "{found:#?}"
    );
    assert!(
        found[1].contains("committed by mallory@example.com, not by bob (bob@example.com)"),
        "{found:#?}"
    );
}

#[test]
fn a_maintainer_handle_is_not_claimed_by_whoever_adds_its_member_file() {
    let world = World::new();
    let (_remote, alice, _bob, m) = team(&world);
    // alice names carol (not yet joined) and, by mistake, "Alice".
    let team_file = m.read("async-up.toml").replace(
        "maintainers = [\"alice\"]",
        "maintainers = [\"alice\", \"carol\", \"Alice\"]",
    );
    m.put("async-up.toml", team_file);
    m.push_as("alice@example.com", "more maintainers");
    assert_eq!(audit(&alice).0, 0, "{:#?}", audit(&alice).1);

    // mallory adds carol's and Alice's member files, then rewrites the rules.
    m.put(
        "members/carol.toml",
        "handle = \"carol\"\nemail = \"mallory@example.com\"\n",
    );
    m.put(
        "members/Alice.toml",
        "handle = \"Alice\"\nemail = \"mallory@example.com\"\n",
    );
    m.push_as("mallory@example.com", "join");
    let team_file = m.read("async-up.toml").replace("\"alice\", ", "");
    m.put("async-up.toml", team_file);
    m.push_as("mallory@example.com", "take over");

    let (code, found) = audit(&alice);
    assert_eq!(code, 1);
    assert!(
        found.iter().any(|f| f.starts_with("carol members/carol.toml: added the member file of carol, whom the team file names as a maintainer")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|f| f.starts_with("(anchor) async-up.toml: changed the trust anchor async-up.toml, but mallory@example.com is not a maintainer")),
        "{found:#?}"
    );
}

#[test]
fn a_maintainers_change_merged_by_git_pull_takes_effect() {
    let world = World::new();
    let (remote, alice, bob, _m) = team(&world);
    let b = Checkout::of(&world, &remote);
    let a = Checkout::of(&world, &remote);
    // bob commits locally; meanwhile alice makes bob a maintainer.
    b.put("notes.txt", "bob's notes\n");
    git_as(&b.dir, "bob@example.com", &["add", "notes.txt"]);
    git_as(&b.dir, "bob@example.com", &["commit", "-qm", "notes"]);
    let team_file = a.read("async-up.toml").replace(
        "maintainers = [\"alice\"]",
        "maintainers = [\"alice\", \"bob\"]",
    );
    a.put("async-up.toml", team_file);
    a.push_as("alice@example.com", "bob maintains too");
    // bob's plain `git pull` makes a merge whose second parent has it.
    git_as(
        &b.dir,
        "bob@example.com",
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
    );
    let team_file = b
        .read("async-up.toml")
        .replace("name = ", "name = \"renamed\"\n# was: ");
    b.put("async-up.toml", team_file);
    git_as(&b.dir, "bob@example.com", &["commit", "-qam", "rename"]);
    git_as(
        &b.dir,
        "bob@example.com",
        &["push", "-q", "origin", "HEAD:main"],
    );
    let (code, found) = audit(&alice);
    assert_eq!(code, 0, "{found:#?}");
    drop(bob);
}

#[test]
fn member_files_that_are_not_regular_files_vouch_for_nobody() {
    let world = World::new();
    let (remote, alice, _bob, m) = team(&world);
    let dir = &m.dir;
    // carol's handle, squatted by a symlink whose target reads as TOML.
    let blob = git_in(
        dir,
        &["hash-object", "-w", "--stdin"],
        "handle = \"carol\"\nemail = \"mallory@example.com\"\n",
    );
    git_as(
        dir,
        "x@example.com",
        &[
            "update-index",
            "--add",
            "--cacheinfo",
            &format!("120000,{blob},members/carol.toml"),
        ],
    );
    git_as(dir, "mallory@example.com", &["commit", "-qm", "carol"]);
    git_as(dir, "x@example.com", &["push", "-q", "origin", "HEAD:main"]);
    let carol = world.person("carol", "UTC");
    let out = carol.run(&["init", remote.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("without an email (or not as a regular member file)"),
        "{}",
        stderr(&out)
    );

    // alice's own update and member file turned into symlinks: same blobs,
    // another mode. Readers skip them; audit sees who did it.
    let (code, _) = audit(&alice);
    assert_eq!(code, 1, "the symlink squat itself is flagged");
    let update = git_as(
        dir,
        "x@example.com",
        &["rev-parse", &format!("HEAD:{ALICE_DAY}")],
    );
    git_as(
        dir,
        "x@example.com",
        &[
            "update-index",
            "--cacheinfo",
            &format!("120000,{update},{ALICE_DAY}"),
        ],
    );
    git_as(dir, "mallory@example.com", &["commit", "-qm", "modes"]);
    git_as(dir, "x@example.com", &["push", "-q", "origin", "HEAD:main"]);
    let (_, found) = audit(&alice);
    assert!(
        found.iter().any(|f| f.starts_with(&format!(
            "alice {ALICE_DAY}: committed by mallory@example.com"
        ))),
        "{found:#?}"
    );
}

#[test]
fn a_folder_with_the_same_name_twice_is_judged() {
    let world = World::new();
    let (_remote, alice, _bob, m) = team(&world);
    let dir = &m.dir;
    let original = git_as(
        dir,
        "x@example.com",
        &["rev-parse", &format!("HEAD:{ALICE_DAY}")],
    );
    let forged = git_in(dir, &["hash-object", "-w", "--stdin"], FORGED);
    let year = git_in(
        dir,
        &["mktree"],
        &format!(
            "100644 blob {original}\t2026-11-24.toml\n100644 blob {forged}\t2026-11-24.toml\n"
        ),
    );
    let person = git_in(dir, &["mktree"], &format!("040000 tree {year}\t2026\n"));
    let updates_listing = git_as(dir, "x@example.com", &["ls-tree", "HEAD:updates"]);
    let updates = git_in(
        dir,
        &["mktree"],
        &updates_listing
            .lines()
            .map(|l| {
                if l.ends_with("\talice") {
                    format!("040000 tree {person}\talice\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect::<String>(),
    );
    let root_listing = git_as(dir, "x@example.com", &["ls-tree", "HEAD"]);
    let root = git_in(
        dir,
        &["mktree"],
        &root_listing
            .lines()
            .map(|l| {
                if l.ends_with("\tupdates") {
                    format!("040000 tree {updates}\tupdates\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect::<String>(),
    );
    let commit = git_as(
        dir,
        "mallory@example.com",
        &["commit-tree", &root, "-p", "HEAD", "-m", "dup"],
    );
    git_as(
        dir,
        "x@example.com",
        &["push", "-q", "origin", &format!("{commit}:main")],
    );
    let (code, found) = audit(&alice);
    assert_eq!(code, 1);
    assert!(
        found.iter().any(|f| f.starts_with(&format!(
            "alice {ALICE_DAY}: committed by mallory@example.com"
        ))),
        "{found:#?}"
    );
}

#[test]
fn keys_planted_before_signing_is_on_are_a_change_to_an_anchor() {
    let world = World::new();
    let (_remote, alice, _bob, m) = team(&world);
    let (_key, public) = keygen(&world.path().join("keys"), "mallory", "mallory@example.com");
    m.put("allowed_signers", format!("alice@example.com {public}\n"));
    m.push_as("mallory@example.com", "a file nobody reads yet");
    let (code, found) = audit(&alice);
    assert_eq!(code, 1);
    assert!(
        found[0].starts_with("(anchor) allowed_signers: changed the trust anchor allowed_signers, but mallory@example.com is not a maintainer"),
        "{found:#?}"
    );
}

#[test]
fn a_since_that_names_two_refs_is_refused() {
    let world = World::new();
    let (remote, _alice, bob, _m) = team(&world);
    let ci = world.path().join("ci");
    git_ok(git_plain().args(["clone", "-q"]).arg(&remote).arg(&ci));
    // A tag that shadows the remote-tracking branch a CI job means.
    git_as(&ci, "x@example.com", &["tag", "origin/main", "HEAD"]);
    let out = bob.run(&[
        "--repo",
        ci.to_str().unwrap(),
        "audit",
        "--since",
        "origin/main~1",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("is ambiguous"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("refs/tags/origin/main"),
        "{}",
        stderr(&out)
    );
    // Named in full, it is audited.
    bob.ok(&[
        "--repo",
        ci.to_str().unwrap(),
        "audit",
        "--since",
        "refs/remotes/origin/main~1",
    ]);
}

#[test]
fn a_member_file_taken_over_does_not_vouch_for_the_commits_after_it() {
    let world = World::new();
    let (_remote, alice, _bob, m) = team(&world);
    // mallory puts her email into alice's member file (caught), then writes
    // alice's update as herself: judged by alice's email, not the new one.
    let member = m
        .read("members/alice.toml")
        .replace("alice@example.com", "mallory@example.com");
    m.put("members/alice.toml", member);
    m.push_as("mallory@example.com", "take over");
    m.put(ALICE_DAY, FORGED);
    m.push_as("mallory@example.com", "forge");
    let (code, found) = audit(&alice);
    assert_eq!(code, 1);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[1].starts_with(&format!(
            "alice {ALICE_DAY}: committed by mallory@example.com, not by alice (alice@example.com)"
        )),
        "{found:#?}"
    );
    // team, judging the last commit alone, still marks it through the
    // member file's own last change.
    assert!(
        mark_of(&alice, "alice")
            .as_str()
            .unwrap_or("")
            .contains("member file was last changed against the rules"),
        "team marks it"
    );
    assert_eq!(mark_of(&alice, "bob"), serde_json::Value::Null);
}

#[test]
fn a_merge_that_brings_in_an_unpushed_forgery_is_marked_by_a_reader_who_cached_marks() {
    let world = World::new();
    let (_remote, alice, bob, m) = team(&world);
    let dir = &m.dir;
    // F: a forgery of alice's day, never pushed on its own. O: main merged
    // with F by "ours", so the tree still holds alice's own words.
    m.put(ALICE_DAY, FORGED);
    git_as(dir, "bob@example.com", &["commit", "-qam", "forge alice"]);
    let forged = git_as(dir, "bob@example.com", &["rev-parse", "HEAD"]);
    git_as(dir, "bob@example.com", &["reset", "-q", "--hard", "HEAD~1"]);
    git_as(
        dir,
        "bob@example.com",
        &["merge", "-q", "-s", "ours", "--no-edit", &forged],
    );
    let ours = git_as(dir, "bob@example.com", &["rev-parse", "HEAD"]);
    git_as(
        dir,
        "bob@example.com",
        &["push", "-q", "origin", "HEAD:main"],
    );
    // A reader's view of that tip: alice's own words, unmarked, and the
    // verdict on her file's last commit kept in the index.
    assert!(mark_of(&bob, "alice").is_null());
    // M: first parent F, second O, and alice's file taken from F. Along
    // first parents nothing in the new range changes her file.
    git_as(
        dir,
        "bob@example.com",
        &["checkout", "-q", &forged, "--", ALICE_DAY],
    );
    let tree = git_as(dir, "bob@example.com", &["write-tree"]);
    let merge = git_as(
        dir,
        "bob@example.com",
        &[
            "commit-tree",
            &tree,
            "-p",
            &forged,
            "-p",
            &ours,
            "-m",
            "merge",
        ],
    );
    git_as(
        dir,
        "bob@example.com",
        &["push", "-q", "origin", &format!("{merge}:main")],
    );
    let shown = bob.json(&["team", "--format", "json"]);
    let day = shown["updates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["author"] == "alice")
        .unwrap();
    assert_eq!(day["today"][0], "FORGED", "{day}");
    assert!(
        mark_of(&bob, "alice").is_string(),
        "the forged update is shown unmarked from the cached verdict: {day}"
    );
    let _ = alice;
}
