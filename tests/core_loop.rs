//! The core loop end to end: three teammates in three zones share one bare
//! remote, write, read each other, carry and resolve blockers, race to push,
//! and write offline.

mod common;
use common::*;

const TEAM: &str = "standup";

fn three(world: &World) -> (Person, Person, Person, std::path::PathBuf) {
    let remote = world.bare_remote("standup.git", "trunk");
    let alice = world.person("alice", "Asia/Kolkata");
    let bob = world.person("bob", "America/Los_Angeles");
    let carol = world.person("carol", "Europe/Berlin");
    let url = remote.to_str().unwrap();
    alice.ok(&["init", url, "--timezone", "Asia/Kolkata"]);
    bob.ok(&["init", url, "--timezone", "America/Los_Angeles"]);
    carol.ok(&["init", url, "--timezone", "Europe/Berlin"]);
    (alice, bob, carol, remote)
}

#[test]
fn three_teammates_see_each_other() {
    let world = World::new();
    // 09:00 UTC: 14:30 in Kolkata, 01:00 in Los Angeles, 10:00 in Berlin.
    world.set_now("2026-11-24T09:00:00Z");
    let (alice, bob, carol, remote) = three(&world);

    // The remote's default branch (trunk) was detected, not assumed.
    let branches = git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["branch", "--list"]),
    );
    assert_eq!(branches.trim(), "* trunk", "{branches}");

    alice.ok(&[
        "write",
        "--yesterday",
        "Finished the OAuth flow",
        "--today",
        "Ship token refresh",
        "--blocker",
        "Waiting on @bob for staging credentials",
        "--mood",
        "4",
    ]);
    bob.ok(&["write", "--today", "Review PRs"]);
    carol.ok(&["write", "--today", "Plan the sprint"]);

    let doc = carol.json(&["team", "--format", "json"]);
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["team"], TEAM);
    assert_eq!(authors(&doc), ["alice", "bob", "carol"]);
    assert_eq!(doc["missing"], serde_json::json!([]));
    let a = &doc["updates"][0];
    assert_eq!(a["date"], "2026-11-24");
    assert_eq!(a["written_at"], "2026-11-24T14:30:00+05:30");
    assert_eq!(a["mood"], 4);
    assert_eq!(
        a["blockers"][0]["text"],
        "Waiting on @bob for staging credentials"
    );
    // Bob's update is dated by his own clock: still the 24th at 01:00 in LA.
    assert_eq!(doc["updates"][1]["date"], "2026-11-24");
    assert_eq!(doc["updates"][1]["written_at"], "2026-11-24T01:00:00-08:00");

    // Blockers: exit 1 while there is one.
    let blockers = bob.json(&["blockers", "--format", "json"]);
    assert_eq!(blockers["blockers"].as_array().unwrap().len(), 1);
    assert_eq!(blockers["blockers"][0]["author"], "alice");
    bob.expect(1, &["blockers"]);
    bob.expect(0, &["blockers", "--older-than", "2"]);

    // A second write the same day replaces only the fields it gives.
    alice.ok(&[
        "write",
        "--today",
        "Ship token refresh",
        "--today",
        "Pair with carol",
    ]);
    let doc = bob.json(&["team", "--format", "json", "--person", "alice"]);
    assert_eq!(authors(&doc), ["alice"]);
    assert_eq!(
        doc["updates"][0]["yesterday"],
        serde_json::json!(["Finished the OAuth flow"])
    );
    assert_eq!(
        doc["updates"][0]["today"],
        serde_json::json!(["Ship token refresh", "Pair with carol"])
    );
    assert_eq!(doc["updates"][0]["mood"], 4);

    // Three days later the blocker has carried over with its id and date.
    world.set_now("2026-11-27T09:00:00Z");
    alice.ok(&[
        "write",
        "--today",
        "Still waiting",
        "--blocker",
        "Waiting on @bob for staging credentials",
    ]);
    let b = carol.json(&["blockers", "--format", "json"]);
    let rows = b["blockers"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "same text must not duplicate: {b}");
    assert_eq!(rows[0]["since"], "2026-11-24");
    assert_eq!(rows[0]["age_days"], 3);
    carol.expect(1, &["blockers", "--older-than", "2"]);
    let id = rows[0]["id"].as_str().unwrap().to_string();

    // Bob and carol wrote nothing since the 24th: missing on the 27th.
    let doc = carol.json(&["team", "--format", "json"]);
    assert_eq!(authors(&doc), ["alice"]);
    assert_eq!(doc["missing"], serde_json::json!(["bob", "carol"]));
    // --date shows exactly that day.
    let doc = carol.json(&["team", "--format", "json", "--date", "2026-11-24"]);
    assert_eq!(authors(&doc), ["alice", "bob", "carol"]);

    // Resolving by id clears it for everyone.
    world.set_now("2026-11-28T09:00:00Z");
    alice.ok(&["write", "--today", "Deploy", "--resolve", &id]);
    carol.expect(0, &["blockers"]);
    let log = carol.json(&["log", "alice", "--format", "json"]);
    let dates: Vec<&str> = log["updates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-11-24", "2026-11-27", "2026-11-28"]);
    let log = carol.json(&["log", "alice", "--since", "2026-11-27", "--format", "json"]);
    assert_eq!(log["updates"].as_array().unwrap().len(), 2);
}

#[test]
fn interleaved_pushes_rebuild_on_the_new_tip() {
    let world = World::new();
    let (alice, bob, carol, remote) = three(&world);
    // Everyone commits locally first, so every push after the first is behind.
    alice.ok(&["write", "--today", "a", "--no-push"]);
    bob.ok(&["write", "--today", "b", "--no-push"]);
    carol.ok(&["write", "--today", "c", "--no-push"]);
    // Bob pushes first, then carol (non-fast-forward: rebuilt), then alice.
    let out = bob.run(&["sync"]);
    assert!(stderr(&out).contains("pushed 1 update"), "{}", stderr(&out));
    carol.ok(&["sync"]);
    alice.ok(&["sync"]);
    for p in [&alice, &bob, &carol] {
        let doc = p.json(&["team", "--format", "json"]);
        assert_eq!(authors(&doc), ["alice", "bob", "carol"], "as {}", p.handle);
    }
    // History on the remote is linear: no merges, nothing forced.
    let merges = git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["rev-list", "--merges", "trunk"]),
    );
    assert!(merges.trim().is_empty());
    let count = git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["rev-list", "--count", "trunk"]),
    );
    assert_eq!(count.trim(), "6", "3 joins + 3 updates");
    let out = alice.run(&["sync"]);
    assert!(stderr(&out).contains("up to date"), "{}", stderr(&out));
}

#[test]
fn offline_write_is_kept_and_pushed_later() {
    let world = World::new();
    let (alice, bob, _carol, remote) = three(&world);
    let away = world.path().join("moved-away.git");
    std::fs::rename(&remote, &away).unwrap();

    let out = alice.run(&["write", "--today", "On a plane"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("could not reach the remote"), "{err}");
    assert!(err.contains("committed locally"), "{err}");
    assert!(!err.contains("pushed 1"), "{err}");

    // Reading while offline warns and shows local data.
    let out = alice.run(&["team", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("showing local data"),
        "{}",
        stderr(&out)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(authors(&doc), ["alice"]);
    // CI that must not judge stale data.
    alice.expect(2, &["blockers", "--require-fresh"]);
    // sync says it failed, and keeps the update.
    let out = alice.run(&["sync"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("1 update(s) stay committed locally"),
        "{}",
        stderr(&out)
    );

    std::fs::rename(&away, &remote).unwrap();
    let out = alice.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("pushed 1 update"), "{}", stderr(&out));
    let doc = bob.json(&["team", "--format", "json"]);
    assert_eq!(
        doc["updates"][0]["today"],
        serde_json::json!(["On a plane"])
    );
}

#[test]
fn offline_flag_never_touches_the_network() {
    let world = World::new();
    let (alice, bob, _carol, remote) = three(&world);
    alice.ok(&["--offline", "write", "--today", "local only"]);
    let log =
        git_ok(
            git_plain()
                .arg("--git-dir")
                .arg(&remote)
                .args(["log", "--format=%s", "trunk"]),
        );
    assert!(!log.contains("alice 2026-11-24"), "{log}");
    assert_eq!(
        authors(&bob.json(&["team", "--format", "json"])),
        Vec::<String>::new()
    );
    alice.ok(&["sync"]);
    assert_eq!(authors(&bob.json(&["team", "--format", "json"])), ["alice"]);
}

#[test]
fn same_person_same_date_on_two_machines_converges() {
    let world = World::new();
    let remote = world.bare_remote("standup.git", "trunk");
    let laptop = world.person_on("dana", "UTC", "dana-laptop");
    let desktop = world.person_on("dana", "UTC", "dana-desktop");
    let url = remote.to_str().unwrap();
    laptop.ok(&["init", url]);
    desktop.ok(&["init", url]);
    world.set_now("2026-11-24T09:00:00Z");
    laptop.ok(&["write", "--today", "from the laptop", "--no-push"]);
    world.set_now("2026-11-24T10:00:00Z");
    desktop.ok(&["write", "--today", "from the desktop"]);
    // Both changed `today`: clocks decide nothing, the edit being synced
    // is kept and the user is told which field it replaced.
    let out = laptop.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("your `today` replaced the version from the remote"),
        "{}",
        stderr(&out)
    );
    for p in [&laptop, &desktop] {
        let doc = p.json(&["team", "--format", "json"]);
        assert_eq!(
            doc["updates"][0]["today"],
            serde_json::json!(["from the laptop"])
        );
    }
}

#[test]
fn several_teams_side_by_side() {
    let world = World::new();
    let work = world.bare_remote("work.git", "main");
    let club = world.bare_remote("club.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", work.to_str().unwrap()]);
    alice.ok(&["--team", "chess", "init", club.to_str().unwrap()]);
    // The first team joined is the default.
    alice.ok(&["write", "--today", "work thing"]);
    alice.ok(&["write", "--team", "chess", "--today", "opening prep"]);
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(doc["team"], "work");
    assert_eq!(
        doc["updates"][0]["today"],
        serde_json::json!(["work thing"])
    );
    let doc = alice.json(&["team", "--format", "json", "--team", "chess"]);
    assert_eq!(doc["team"], "chess");
    assert_eq!(
        doc["updates"][0]["today"],
        serde_json::json!(["opening prep"])
    );
    alice.set_env("ASYNC_UP_TEAM", "chess");
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(doc["team"], "chess");
    // Joining a second remote under a taken name is refused.
    let out = alice.run(&["--team", "chess", "init", work.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already joined"), "{}", stderr(&out));
}

/// The local-only team's hint says joining shares what was written there:
/// the first team joined gets those updates (dates it already has are kept
/// as the team has them), and a second team does not get them again.
#[test]
fn joining_the_first_team_brings_updates_written_before() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let url = remote.to_str().unwrap();

    // On another machine alice already joined and wrote the 24th.
    let laptop = world.person_on("alice", "UTC", "laptop");
    laptop.ok(&["init", url]);
    laptop.ok(&["write", "--today", "From the laptop"]);

    let desk = world.person_on("alice", "UTC", "desk");
    world.set_now("2026-11-23T09:00:00Z");
    desk.ok(&["write", "--today", "Before joining"]);
    world.set_now("2026-11-24T10:00:00Z");
    desk.ok(&["write", "--today", "Also before joining"]);

    let out = desk.run(&["init", url]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("brought 1 update(s)"),
        "{}",
        stderr(&out)
    );
    let log = laptop.json(&["log", "--format", "json"]);
    let todays: Vec<_> = log["updates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["date"].clone(), u["today"][0].clone()))
        .collect();
    assert_eq!(
        todays,
        [
            ("2026-11-23".into(), "Before joining".into()),
            ("2026-11-24".into(), "From the laptop".into())
        ]
    );

    let other = world.bare_remote("other.git", "main");
    let out = desk.run(&["--team", "other", "init", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("brought"), "{}", stderr(&out));
    let log = desk.json(&["--team", "other", "log", "--format", "json"]);
    assert_eq!(log["updates"].as_array().unwrap().len(), 0);
}

/// `write` starts from what the team has now: the previous update may have
/// been written on another machine (its blockers carry over), and a
/// teammate who joined since the last fetch is no typo.
#[test]
fn write_starts_from_what_the_team_has_now() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let url = remote.to_str().unwrap();
    let desk = world.person_on("alice", "UTC", "desk");
    let laptop = world.person_on("alice", "UTC", "laptop");
    desk.ok(&["init", url]);
    laptop.ok(&["init", url]);
    world.set_now("2026-11-23T09:00:00Z");
    laptop.ok(&["write", "--today", "Draft", "--blocker", "Waiting on creds"]);
    let bob = world.person("bob", "UTC");
    bob.ok(&["init", url]);

    world.set_now("2026-11-24T09:00:00Z");
    let out = desk.run(&["write", "--today", "Pair with @bob"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("not a member"), "{}", stderr(&out));
    let doc = bob.json(&["team", "--format", "json", "--person", "alice"]);
    let update = &doc["updates"][0];
    assert_eq!(update["date"], "2026-11-24");
    assert_eq!(update["blockers"][0]["text"], "Waiting on creds");

    // Out of reach: written from the mirror, said once, kept for later.
    let away = world.path().join("moved-away.git");
    std::fs::rename(&remote, &away).unwrap();
    let out = desk.run(&["write", "--today", "Offline"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).matches("could not reach").count(),
        1,
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("1 update(s) will be pushed"),
        "{}",
        stderr(&out)
    );
}

/// Someone rewrites the remote's history (squashes it, removes files on
/// purpose). A teammate's next sync pushes only what they wrote and had not
/// pushed yet; it never puts back what was taken out.
#[test]
fn a_rewritten_remote_is_not_undone() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let url = remote.to_str().unwrap();
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    alice.ok(&["init", url]);
    bob.ok(&["init", url]);
    for day in ["16", "17", "18"] {
        world.set_now(&format!("2026-11-{day}T09:00:00Z"));
        alice.ok(&["write", "--today", &format!("Day {day}")]);
    }
    bob.ok(&["team"]);
    world.set_now("2026-11-19T09:00:00Z");
    bob.ok(&["write", "--no-push", "--today", "Not pushed yet"]);

    // The admin removes alice's 16th and squashes everything into one commit.
    let admin = Checkout::of(&world, &remote);
    git_ok(git_plain().arg("-C").arg(&admin.dir).args([
        "rm",
        "--quiet",
        "updates/alice/2026/2026-11-16.toml",
    ]));
    git_ok(
        git_plain()
            .arg("-C")
            .arg(&admin.dir)
            .args(["commit", "--quiet", "-m", "remove"]),
    );
    git_ok(
        git_plain()
            .arg("-C")
            .arg(&admin.dir)
            .args(["checkout", "--quiet", "--orphan", "squashed"]),
    );
    git_ok(
        git_plain()
            .arg("-C")
            .arg(&admin.dir)
            .args(["commit", "--quiet", "-m", "squashed"]),
    );
    git_ok(git_plain().arg("-C").arg(&admin.dir).args([
        "push",
        "--quiet",
        "--force",
        "origin",
        "squashed:main",
    ]));

    let out = bob.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("pushed 1 update(s)"),
        "{}",
        stderr(&out)
    );
    let files = git_ok(git_plain().arg("--git-dir").arg(&remote).args([
        "ls-tree",
        "-r",
        "--name-only",
        "main",
    ]));
    assert!(
        !files.contains("2026-11-16"),
        "the removed file came back:\n{files}"
    );
    assert!(
        files.contains("updates/alice/2026/2026-11-17.toml"),
        "{files}"
    );
    assert!(
        files.contains("updates/bob/2026/2026-11-19.toml"),
        "{files}"
    );
    let log =
        git_ok(
            git_plain()
                .arg("--git-dir")
                .arg(&remote)
                .args(["log", "--format=%s", "main"]),
        );
    assert_eq!(
        log.lines().collect::<Vec<_>>(),
        ["async-up: bob 2026-11-19", "squashed"]
    );
}
