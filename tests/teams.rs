//! The lead's view across teams: `--team` more than once or `--all-teams`
//! on team, blockers, digest, stats and report, against real remotes (bare
//! repos, a git daemon, a stalling proxy, a port nobody listens on).

mod common;

use common::servers::{self, FaultProxy};
use common::*;
use std::time::Duration;

/// How long a command may take before the test calls it a hang.
const HANG: Duration = Duration::from_secs(60);

/// alice in teams alpha and beta (a blocker in each), bob in beta only.
fn two_teams(world: &World) -> (Person, Person) {
    let alpha = world.bare_remote("alpha.git", "main");
    let beta = world.bare_remote("beta.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    alice.ok(&["--team", "alpha", "init", alpha.to_str().unwrap()]);
    alice.ok(&["--team", "beta", "init", beta.to_str().unwrap()]);
    bob.ok(&["--team", "beta", "init", beta.to_str().unwrap()]);
    alice.ok(&[
        "--team",
        "alpha",
        "write",
        "--today",
        "alpha work",
        "--blocker",
        "alpha blocked",
    ]);
    alice.ok(&[
        "--team",
        "beta",
        "write",
        "--today",
        "beta work",
        "--blocker",
        "beta blocked",
    ]);
    bob.ok(&["--team", "beta", "write", "--today", "bob work"]);
    (alice, bob)
}

fn teams_of(entries: &serde_json::Value) -> Vec<String> {
    entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["team"].as_str().unwrap_or("-").to_string())
        .collect()
}

#[test]
fn blockers_over_several_teams_mark_each_entry_and_gate_once() {
    let world = World::new();
    let (alice, bob) = two_teams(&world);
    // JSON: the same document, each entry carrying its team; alice once per team.
    let doc = alice.json(&["blockers", "--all-teams", "--format", "json"]);
    let mut teams = teams_of(&doc["blockers"]);
    teams.sort();
    assert_eq!(teams, ["alpha", "beta"], "{doc:#}");
    assert!(doc["blockers"]
        .as_array()
        .unwrap()
        .iter()
        .all(|b| b["author"] == "alice"));
    alice.expect(1, &["--team", "alpha", "--team", "beta", "blockers"]);
    // A table gains a Team column; markdown a heading per team.
    let table = alice.expect(1, &["blockers", "--team", "alpha", "--team", "beta"]);
    assert!(
        table.contains("Team") && table.contains("alpha") && table.contains("beta"),
        "{table}"
    );
    let md = alice.expect(1, &["blockers", "--all-teams", "--format", "markdown"]);
    assert!(
        md.contains("## alpha\n") && md.contains("## beta\n"),
        "{md}"
    );
    assert!(md.find("alpha blocked") < md.find("## beta"), "{md}");
    // One team selected: the single-team output, no team column or key.
    let one = alice.expect(1, &["blockers", "--team", "alpha"]);
    assert!(!one.contains("Team"), "{one}");
    let doc = alice.json(&["blockers", "--team", "alpha", "--format", "json"]);
    assert!(doc["blockers"][0].get("team").is_none(), "{doc:#}");
    // No blocker in any team: exit 0.
    alice.ok(&[
        "--team",
        "alpha",
        "write",
        "--resolve",
        "all",
        "--today",
        "free",
    ]);
    alice.ok(&[
        "--team",
        "beta",
        "write",
        "--resolve",
        "all",
        "--today",
        "free",
    ]);
    alice.ok(&["blockers", "--all-teams"]);
    // bob has joined one team: --all-teams is that team, still marked.
    let doc = bob.json(&["blockers", "--all-teams", "--format", "json"]);
    assert_eq!(doc["blockers"].as_array().unwrap().len(), 0);
}

#[test]
fn team_stats_and_digest_show_each_team_apart() {
    let world = World::new();
    let (alice, _bob) = two_teams(&world);
    let doc = alice.json(&["team", "--all-teams", "--format", "json"]);
    let mut updates: Vec<(String, String)> = doc["updates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["team"].as_str().unwrap().into(),
                u["author"].as_str().unwrap().into(),
            )
        })
        .collect();
    updates.sort();
    assert_eq!(
        updates,
        [
            ("alpha".into(), "alice".into()),
            ("beta".into(), "alice".into()),
            ("beta".into(), "bob".into())
        ],
        "{doc:#}"
    );
    assert_eq!(
        teams_of(&doc["members"]),
        ["alpha", "beta", "beta"],
        "{doc:#}"
    );
    assert!(doc["missing_by_team"]["alpha"].is_array(), "{doc:#}");
    let md = alice.ok(&["team", "--all-teams", "--format", "markdown"]);
    assert!(
        md.contains("## alpha stand-up") && md.contains("## beta stand-up"),
        "{md}"
    );
    let table = alice.ok(&["team", "--all-teams"]);
    assert!(
        table.contains("alpha work") && table.contains("bob work"),
        "{table}"
    );

    let stats = alice.json(&["stats", "--all-teams", "--format", "json"]);
    assert_eq!(teams_of(&stats["teams"]), ["alpha", "beta"], "{stats:#}");
    assert_eq!(
        teams_of(&stats["members"]),
        ["alpha", "beta", "beta"],
        "{stats:#}"
    );
    let table = alice.ok(&["stats", "--all-teams"]);
    assert!(
        table.contains("Team alpha") && table.contains("Team beta"),
        "{table}"
    );

    let digest = alice.json(&["digest", "--all-teams", "--format", "json"]);
    assert_eq!(
        teams_of(&digest["members"]),
        ["alpha", "beta", "beta"],
        "{digest:#}"
    );
    assert_eq!(teams_of(&digest["open_blockers"]).len(), 2, "{digest:#}");
    let md = alice.ok(&["digest", "--all-teams"]);
    assert_eq!(md.matches(" digest, ").count(), 2, "{md}");
    // Formats of one team only say so rather than guess.
    let err = stderr(&alice.run(&["digest", "--all-teams", "--format", "html"]));
    assert!(err.contains("markdown or json"), "{err}");
}

#[test]
fn commands_of_one_team_refuse_several() {
    let world = World::new();
    let (alice, _bob) = two_teams(&world);
    let out = alice.run(&["--team", "alpha", "--team", "beta", "write", "--today", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("more than once"), "{}", stderr(&out));
    let out = alice.run(&["blockers", "--all-teams", "--team", "alpha"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--all-teams and --team"),
        "{}",
        stderr(&out)
    );
    let out = alice.run(&["blockers", "--team", "alpha", "--team", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope"), "{}", stderr(&out));
}

/// alpha served by a git daemon straight, beta through a proxy that can stall.
fn served_teams(world: &World) -> (Daemon, FaultProxy, Person) {
    let base = world.path().join("served");
    std::fs::create_dir_all(&base).unwrap();
    world.bare_remote("served/alpha.git", "main");
    world.bare_remote("served/beta.git", "main");
    let daemon = Daemon::start(&base);
    let proxy = FaultProxy::start(daemon.port);
    let alice = world.person("alice", "UTC");
    alice.ok(&["--team", "alpha", "init", &daemon.url("alpha.git")]);
    let beta = format!("git://127.0.0.1:{}/beta.git", proxy.port);
    alice.ok(&["--team", "beta", "init", &beta]);
    alice.ok(&[
        "--team",
        "beta",
        "write",
        "--today",
        "b",
        "--blocker",
        "beta blocked",
    ]);
    (daemon, proxy, alice)
}

#[test]
fn a_stalled_team_shows_from_its_mirror_and_the_others_fresh() {
    let world = World::new();
    let (daemon, proxy, alice) = served_teams(&world);
    let bob = world.person("bob", "UTC");
    bob.ok(&["--team", "alpha", "init", &daemon.url("alpha.git")]);
    bob.ok(&[
        "--team",
        "alpha",
        "write",
        "--today",
        "a",
        "--blocker",
        "fresh from alpha",
    ]);
    proxy.set_limit(0);
    alice.set_env("ASYNC_UP_NETWORK_TIMEOUT", "2");
    let out = servers::run_within(
        alice
            .std_cmd()
            .args(["blockers", "--all-teams", "--format", "json"]),
        HANG,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    schema::validate(&["blockers", "--format", "json"], &out.stdout);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = doc.to_string();
    assert!(
        text.contains("fresh from alpha") && text.contains("beta blocked"),
        "{doc:#}"
    );
    assert!(
        err.contains("timed out after 2 s") && err.contains("last fetched"),
        "{err}"
    );
    // A gate that must judge fresh data refuses, naming the team.
    let out = servers::run_within(
        alice
            .std_cmd()
            .args(["blockers", "--all-teams", "--require-fresh"]),
        HANG,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("team beta"), "{}", stderr(&out));
}

#[test]
fn a_team_with_no_data_fails_the_gate_after_the_others_show() {
    let world = World::new();
    let alpha = world.bare_remote("alpha.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["--team", "alpha", "init", alpha.to_str().unwrap()]);
    alice.ok(&["write", "--today", "a"]);
    // gamma was joined on another machine: no mirror here, and nothing
    // listens on its port.
    let config = std::fs::read_to_string(alice.config_file()).unwrap();
    let port = servers::free_port();
    std::fs::write(
        alice.config_file(),
        format!("{config}\n[teams.gamma]\nremote = \"git://127.0.0.1:{port}/gamma.git\"\n"),
    )
    .unwrap();
    for args in [
        &["blockers", "--all-teams", "--format", "json"][..],
        &["team", "--all-teams", "--format", "json"][..],
    ] {
        let out = servers::run_within(alice.std_cmd().args(args), HANG);
        let err = stderr(&out);
        // No blocker in alpha, yet the gate fails: gamma was not judged.
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("team gamma:") && err.contains("left out"),
            "{err}"
        );
        assert!(err.contains("could not read team(s) gamma"), "{err}");
        schema::validate(args, &out.stdout);
        assert!(
            stdout(&out).contains("alpha") || args[0] == "blockers",
            "{}",
            stdout(&out)
        );
    }
}

#[test]
fn fetches_of_several_teams_overlap() {
    let world = World::new();
    let base = world.path().join("served");
    std::fs::create_dir_all(&base).unwrap();
    for name in ["one", "two", "three"] {
        world.bare_remote(&format!("served/{name}.git"), "main");
    }
    let daemon = Daemon::start(&base);
    let proxy = FaultProxy::start(daemon.port);
    let alice = world.person("alice", "UTC");
    for name in ["one", "two", "three"] {
        let url = format!("git://127.0.0.1:{}/{name}.git", proxy.port);
        alice.ok(&["--team", name, "init", &url]);
    }
    // Every fetch stalls until its timeout: one after the other, no two
    // connections would ever be open at once.
    proxy.set_limit(0);
    alice.set_env("ASYNC_UP_NETWORK_TIMEOUT", "3");
    let out = servers::run_within(alice.std_cmd().args(["team", "--all-teams"]), HANG);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).matches("timed out after 3 s").count(),
        3,
        "{}",
        stderr(&out)
    );
    assert!(
        proxy.most_open_at_once() >= 3,
        "{}",
        proxy.most_open_at_once()
    );
}

#[test]
fn a_hostile_team_name_is_refused_and_stays_text() {
    let world = World::new();
    let alpha = world.bare_remote("alpha.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["--team", "alpha", "init", alpha.to_str().unwrap()]);
    alice.ok(&["write", "--today", "a", "--blocker", "b"]);
    // A pasted config names a team with markup and a terminal escape: not
    // a name that can be a folder, so the config is refused, naming it.
    let config = std::fs::read_to_string(alice.config_file()).unwrap();
    std::fs::write(
        alice.config_file(),
        config.replace("[teams.alpha]", "[teams.\"<img src=x>\\u001b[31m\"]"),
    )
    .unwrap();
    let out = alice.run(&["blockers", "--all-teams", "--no-fetch"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("config.toml") && err.contains("<img src=x>") && err.contains("letters"),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn report_over_several_teams_writes_a_page_each_and_an_index() {
    let world = World::new();
    let (alice, _bob) = two_teams(&world);
    let config = std::fs::read_to_string(alice.config_file()).unwrap();
    let port = servers::free_port();
    std::fs::write(
        alice.config_file(),
        format!("{config}\n[teams.gamma]\nremote = \"git://127.0.0.1:{port}/gamma.git\"\n"),
    )
    .unwrap();
    let index = world.path().join("site/index.html");
    let out = servers::run_within(
        alice
            .std_cmd()
            .args(["report", "--all-teams", "--html"])
            .arg(&index),
        HANG,
    );
    // gamma has no data: the pages of the others are written, then exit 2.
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let page = std::fs::read_to_string(&index).unwrap();
    assert!(
        page.contains("href=\"index-alpha.html\"") && page.contains("href=\"index-beta.html\""),
        "{page}"
    );
    assert!(page.contains("<li>gamma: could not be read"), "{page}");
    for team in ["alpha", "beta"] {
        let own =
            std::fs::read_to_string(world.path().join(format!("site/index-{team}.html"))).unwrap();
        assert!(own.contains(&format!("{team} stand-up report")), "{own}");
    }
    assert!(!world.path().join("site/index-gamma.html").exists());
}
