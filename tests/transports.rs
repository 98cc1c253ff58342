//! Git as the transport: plain-git interop, a real network transport
//! (`git daemon` on 127.0.0.1) through both the git CLI and libgit2, and a
//! server that refuses pushes.

mod common;
use common::*;
use std::path::Path;

#[test]
fn plain_git_sees_the_contract_and_async_up_reads_hand_written_files() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "Europe/Lisbon");
    alice.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["write", "--today", "Write docs", "--blocker", "Need review"]);

    let clone = world.path().join("clone");
    git_ok(
        git_plain()
            .args(["clone", "--quiet"])
            .arg(&remote)
            .arg(&clone),
    );
    assert!(clone.join("async-up.toml").is_file());
    assert!(clone.join("members/alice.toml").is_file());
    let update = std::fs::read_to_string(clone.join("updates/alice/2026/2026-11-24.toml")).unwrap();
    assert!(update.contains("author = \"alice\""), "{update}");
    assert!(update.contains("date = 2026-11-24\n"), "{update}");
    assert!(
        update.contains("written_at = 2026-11-24T09:00:00Z"),
        "{update}"
    );

    // A teammate writes an update by hand and pushes it with plain git.
    std::fs::create_dir_all(clone.join("updates/zed/2026")).unwrap();
    std::fs::write(
        clone.join("updates/zed/2026/2026-11-24.toml"),
        "author = \"zed\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T08:00:00+01:00\ntoday = [\"Hand-written\"]\n[[blockers]]\nid = \"zzz111\"\ntext = \"Blocked by hand\"\nsince = 2026-11-23\n",
    )
    .unwrap();
    git_ok(git_plain().arg("-C").arg(&clone).args(["add", "."]));
    git_ok(
        git_plain()
            .arg("-C")
            .arg(&clone)
            .args(["commit", "--quiet", "-m", "zed by hand"]),
    );
    git_ok(
        git_plain()
            .arg("-C")
            .arg(&clone)
            .args(["push", "--quiet", "origin", "main"]),
    );

    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(authors(&doc), ["alice", "zed"]);
    assert_eq!(
        doc["updates"][1]["today"],
        serde_json::json!(["Hand-written"])
    );
    let b = alice.json(&["blockers", "--format", "json"]);
    let ids: Vec<&str> = b["blockers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"zzz111"), "{b}");

    // --repo reads straight from a checkout, with no config and no mirror.
    let reader = world.person("reader", "UTC");
    let doc = reader.json(&[
        "--repo",
        clone.to_str().unwrap(),
        "team",
        "--format",
        "json",
    ]);
    assert_eq!(authors(&doc), ["alice", "zed"]);
    assert!(!reader.config_file().exists());
    // ... and from the bare remote itself, flags after the subcommand.
    let doc = reader.json(&[
        "team",
        "--format",
        "json",
        "--repo",
        remote.to_str().unwrap(),
    ]);
    assert_eq!(authors(&doc), ["alice", "zed"]);
    // --repo is read-only.
    reader.expect(
        2,
        &["--repo", clone.to_str().unwrap(), "write", "--today", "x"],
    );
}

fn daemon_round_trip(transport: &str) {
    let world = World::new();
    let base = world.path().join("served");
    std::fs::create_dir_all(&base).unwrap();
    let remote = world.bare_remote("served/team.git", "develop");
    let daemon = Daemon::start(&base);
    let url = daemon.url("team.git");
    let alice = world.person("alice", "Asia/Tokyo");
    let bob = world.person("bob", "America/New_York");
    alice.set_env("ASYNC_UP_TRANSPORT", transport);
    bob.set_env("ASYNC_UP_TRANSPORT", transport);
    if transport == "libgit2" {
        // libgit2 cannot see an empty remote's unborn HEAD: seed it first.
        let seed = world.person("seed", "UTC");
        seed.ok(&["init", &url]);
    }
    alice.ok(&["init", &url]);
    bob.ok(&["init", &url]);
    alice.ok(&["write", "--today", "over git://", "--no-push"]);
    bob.ok(&["write", "--today", "me too", "--blocker", "daemon"]);
    alice.ok(&["sync"]); // behind bob: the non-fast-forward path over the network
    let doc = bob.json(&["team", "--format", "json"]);
    let mut got = authors(&doc);
    got.retain(|a| a != "seed");
    assert_eq!(got, ["alice", "bob"], "via {transport}");
    let branches = git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["branch", "--list"]),
    );
    assert_eq!(branches.trim(), "* develop", "via {transport}");
    bob.expect(1, &["blockers"]);
}

#[test]
fn git_daemon_with_the_git_cli() {
    daemon_round_trip("git");
}

#[test]
fn git_daemon_with_libgit2() {
    daemon_round_trip("libgit2");
}

fn install_rejecting_hook(remote: &Path) {
    let hook = remote.join("hooks/pre-receive");
    std::fs::write(
        &hook,
        "#!/bin/sh\necho 'branch is protected: ask an admin'\nexit 1\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn refused_push(transport: &str, via_daemon: bool) {
    let world = World::new();
    let base = world.path().join("served");
    std::fs::create_dir_all(&base).unwrap();
    let remote = world.bare_remote("served/team.git", "main");
    let daemon = Daemon::start(&base);
    let url = if via_daemon {
        daemon.url("team.git")
    } else {
        remote.to_str().unwrap().to_string()
    };
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", &url]);
    alice.set_env("ASYNC_UP_TRANSPORT", transport);
    install_rejecting_hook(&remote);

    let out = alice.run(&["write", "--today", "refused"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "via {transport}: {err}");
    assert!(err.contains("refused the push"), "{err}");
    assert!(
        err.contains("branch is protected: ask an admin"),
        "server's reason shown: {err}"
    );
    assert!(!err.contains("pushed 1"), "{err}");
    // The update is pending locally and readable.
    let doc = alice.json(&["--offline", "team", "--format", "json"]);
    assert_eq!(doc["updates"][0]["today"], serde_json::json!(["refused"]));
    alice.expect(2, &["sync"]);
    // Once the server accepts again, sync delivers it.
    std::fs::remove_file(remote.join("hooks/pre-receive")).unwrap();
    alice.ok(&["sync"]);
    let log =
        git_ok(
            git_plain()
                .arg("--git-dir")
                .arg(&remote)
                .args(["log", "--format=%s", "main"]),
        );
    assert!(log.contains("async-up: alice 2026-11-24"), "{log}");
}

#[test]
fn refused_push_through_the_git_cli() {
    refused_push("git", false);
}

#[test]
fn refused_push_through_libgit2() {
    refused_push("libgit2", true);
}

/// `team` and `sync` fetch first, and usually nothing is new. For a remote on
/// this machine that is told by reading its refs in-process; `git fetch`
/// runs only when they moved, and then what moved is read.
#[test]
fn a_local_remote_with_nothing_new_is_not_fetched_again() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["write", "--today", "Ship it"]);

    let log = spy_on_git(&world, &alice);
    let fetches = || git_calls(&log, " fetch ");
    assert!(alice.ok(&["sync"]).is_empty());
    alice.ok(&["team"]);
    assert_eq!(fetches(), 0, "nothing was new, yet git fetch ran");

    // Someone pushes with plain git: the next read fetches and shows it.
    let checkout = Checkout::of(&world, &remote);
    checkout.put(
        "updates/zed/2026/2026-11-24.toml",
        "author = \"zed\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T08:00:00Z\ntoday = [\"By hand\"]\n",
    );
    checkout.push("zed by hand");
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(authors(&doc), ["alice", "zed"]);
    assert_eq!(fetches(), 1);

    // A branch deleted on the remote also counts as something new (pruned).
    git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["branch", "extra", "main"]),
    );
    alice.ok(&["sync"]);
    assert_eq!(fetches(), 2);
    git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["branch", "-D", "extra"]),
    );
    alice.ok(&["sync"]);
    assert_eq!(fetches(), 3);
    let tracked = git_ok(
        alice
            .git()
            .arg("--git-dir")
            .arg(alice.mirror("team"))
            .args(["branch", "-r"]),
    );
    assert!(!tracked.contains("extra"), "{tracked}");
}

/// A checkout with the branch checked out refuses pushes; say what to do
/// instead of git's fifteen lines about receive.denyCurrentBranch.
#[test]
fn a_checkout_as_the_remote_is_explained() {
    let world = World::new();
    let work = world.path().join("work");
    git_ok(
        git_plain()
            .args(["init", "--quiet", "-b", "main"])
            .arg(&work),
    );
    std::fs::write(work.join("README"), "hi\n").unwrap();
    git_ok(git_plain().arg("-C").arg(&work).args(["add", "."]));
    git_ok(
        git_plain()
            .arg("-C")
            .arg(&work)
            .args(["commit", "--quiet", "-m", "init"]),
    );
    for transport in ["git", "libgit2"] {
        let alice = world.person_on("alice", "UTC", transport);
        alice.set_env("ASYNC_UP_TRANSPORT", transport);
        let out = alice.run(&["init", work.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{transport}");
        let err = stderr(&out);
        assert!(
            err.contains("Share a bare repository"),
            "{transport}: {err}"
        );
        assert!(!err.contains("denyCurrentBranch"), "{err}");
    }
}

/// Puts a `git` first on `person`'s PATH that notes each call in a log, then
/// runs the real one. Returns the log's path.
fn spy_on_git(world: &World, person: &Person) -> std::path::PathBuf {
    let real_git = String::from_utf8(
        std::process::Command::new("sh")
            .args(["-c", "command -v git"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let spy_dir = world.path().join(format!("spy-{}", person.handle));
    std::fs::create_dir_all(&spy_dir).unwrap();
    let log = world
        .path()
        .join(format!("git-calls-{}.log", person.handle));
    let spy = spy_dir.join("git");
    std::fs::write(
        &spy,
        format!(
            "#!/bin/sh\necho \"$*\" >> '{}'\nexec '{}' \"$@\"\n",
            log.display(),
            real_git.trim()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&spy, std::fs::Permissions::from_mode(0o755)).unwrap();
    person.set_env(
        "PATH",
        &format!("{}:{}", spy_dir.display(), std::env::var("PATH").unwrap()),
    );
    log
}

/// How many logged git calls contain `what`.
fn git_calls(log: &Path, what: &str) -> usize {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(what))
        .count()
}

/// Over a network each git call is a connection (an ssh handshake on a real
/// server): `write` fetches once to catch up and then pushes, without a
/// second fetch in between.
#[test]
fn write_over_the_network_fetches_once_then_pushes() {
    let world = World::new();
    let base = world.path().join("served");
    std::fs::create_dir_all(&base).unwrap();
    let remote = base.join("team.git");
    git_ok(
        git_plain()
            .args(["init", "--quiet", "--bare", "-b", "main"])
            .arg(&remote),
    );
    let daemon = Daemon::start(&base);
    let url = daemon.url("team.git");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    alice.ok(&["init", &url]);
    bob.ok(&["init", &url]);
    bob.ok(&["write", "--today", "Something new for alice to fetch"]);

    let log = spy_on_git(&world, &alice);
    alice.ok(&["write", "--today", "Ship"]);
    assert_eq!(
        git_calls(&log, " fetch "),
        1,
        "{}",
        std::fs::read_to_string(&log).unwrap()
    );
    assert_eq!(git_calls(&log, " push "), 1);
    let doc = bob.json(&["team", "--format", "json"]);
    assert_eq!(authors(&doc), ["alice", "bob"]);
}
