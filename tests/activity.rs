//! Suggestions for "yesterday" from real local repositories: only commits
//! you authored since your previous update, grouped by repository and branch.

mod common;
use common::*;
use std::path::Path;

fn commit(repo: &Path, email: &str, when: &str, message: &str) {
    let file = repo.join(format!("{}.txt", message.replace(' ', "_")));
    std::fs::write(&file, message).unwrap();
    git_ok(git_plain().arg("-C").arg(repo).args(["add", "."]));
    git_ok(
        git_plain()
            .arg("-C")
            .arg(repo)
            .env("GIT_AUTHOR_EMAIL", email)
            .env("GIT_AUTHOR_DATE", when)
            .env("GIT_COMMITTER_DATE", when)
            .args(["commit", "--quiet", "-m", message]),
    );
}

#[test]
fn only_your_commits_since_your_previous_update_are_suggested() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let src = alice.home.join("src");
    for name in ["api", "web"] {
        git_ok(
            git_plain()
                .args(["init", "--quiet", "-b", "main"])
                .arg(src.join(name)),
        );
    }
    std::fs::create_dir_all(src.join("not-a-repo")).unwrap();
    let api = src.join("api");
    let web = src.join("web");
    commit(
        &api,
        "alice@example.com",
        "2026-11-22T10:00:00Z",
        "Old work",
    );
    // The previous update, on the 23rd at 09:00.
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["write", "--today", "Plan the sprint"]);
    commit(
        &api,
        "alice@example.com",
        "2026-11-23T11:00:00Z",
        "Fix token refresh",
    );
    commit(
        &api,
        "bob@example.com",
        "2026-11-23T12:00:00Z",
        "Bob's change",
    );
    git_ok(
        git_plain()
            .arg("-C")
            .arg(&api)
            .args(["checkout", "--quiet", "-b", "feature"]),
    );
    commit(
        &api,
        "alice@example.com",
        "2026-11-23T15:00:00Z",
        "Add refresh tests",
    );
    commit(
        &web,
        "alice@example.com",
        "2026-11-23T16:00:00Z",
        "Login page copy",
    );
    let mut config = std::fs::read_to_string(alice.config_file()).unwrap();
    config = format!("[activity]\nrepos = [\"~/src/*\"]\n\n{config}");
    std::fs::write(alice.config_file(), config).unwrap();

    world.set_now("2026-11-24T09:00:00Z");
    let out = alice.ok(&["write", "--suggest"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            // On main and on the checked-out feature branch: listed once, under feature.
            "api/feature: Fix token refresh",
            "api/feature: Add refresh tests",
            "web/main: Login page copy",
            "Plan the sprint"
        ],
        "{out}"
    );
    // --suggest writes nothing.
    assert_eq!(
        alice.json(&["log", "--format", "json"])["updates"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    alice.ok(&["write", "--from-activity", "--today", "Review"]);
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(doc["updates"][0]["yesterday"].as_array().unwrap().len(), 4);
    assert_eq!(
        doc["updates"][0]["yesterday"][0],
        "api/feature: Fix token refresh"
    );
    let _ = remote;
}

/// Adds `n` commits by alice to `repo`'s main, one a minute up to
/// 2026-11-24T08:00Z, with `message(i)` each, through `git fast-import`.
fn many_commits(repo: &Path, n: usize, message: impl Fn(usize) -> String) {
    let end = 1_795_939_200; // 2026-11-24T08:00:00Z
    let mut stream = String::new();
    for i in 0..n {
        let when = end - 60 * (n - i) as i64;
        let msg = message(i);
        stream.push_str(&format!(
            "commit refs/heads/main\nmark :{}\nauthor A <alice@example.com> {when} +0000\ncommitter A <alice@example.com> {when} +0000\ndata {}\n{msg}\n",
            i + 1,
            msg.len()
        ));
        if i > 0 {
            stream.push_str(&format!("from :{i}\n"));
        }
    }
    fast_import(repo, &stream);
}

/// Points `count` more branches (`b<from>`…) at `repo`'s main.
fn branches(repo: &Path, from: usize, count: usize) {
    for i in from..from + count {
        git_ok(
            git_plain()
                .arg("-C")
                .arg(repo)
                .args(["branch", &format!("b{i}"), "main"]),
        );
    }
}

/// alice in a team, with `~/src/*` as her activity repos and an empty
/// repository `~/src/app`; it is 2026-11-24T09:00Z.
fn alice_with_app(world: &World) -> (Person, std::path::PathBuf, std::path::PathBuf) {
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let app = alice.home.join("src").join("app");
    git_ok(
        git_plain()
            .args(["init", "--quiet", "-b", "main"])
            .arg(&app),
    );
    let config = std::fs::read_to_string(alice.config_file()).unwrap();
    std::fs::write(
        alice.config_file(),
        format!("{config}\n[activity]\nrepos = [\"~/src/*\"]\n"),
    )
    .unwrap();
    world.set_now("2026-11-24T09:00:00Z");
    (alice, app, remote)
}

fn commits_visited(out: &std::process::Output) -> u64 {
    stderr(out)
        .lines()
        .filter_map(|l| l.strip_prefix("async-up-count activity_commits_visited "))
        .map(|v| v.parse().unwrap())
        .next()
        .unwrap_or(0)
}

#[test]
fn shared_history_is_walked_once_however_many_branches_and_the_offer_is_capped() {
    let world = World::new();
    let (alice, app, _) = alice_with_app(&world);
    many_commits(&app, 120, |i| format!("c{i} PROJ-{i}"));
    alice.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    branches(&app, 0, 5);
    let few = alice.run(&["write", "--suggest"]);
    branches(&app, 5, 55);
    let many = alice.run(&["write", "--suggest"]);
    assert_eq!(many.status.code(), Some(0), "{}", stderr(&many));
    let (few, many_visited) = (commits_visited(&few), commits_visited(&many));
    assert!(few > 0 && few <= 121, "{few} commits visited for 120");
    assert_eq!(few, many_visited, "60 branches over the same history");
    let out = stdout(&many);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 51, "{out}");
    // The newest 50, oldest first, then what was left out.
    assert_eq!(lines[0], "app/main: c70 PROJ-70", "{out}");
    assert_eq!(lines[49], "app/main: c119 PROJ-119", "{out}");
    assert_eq!(lines[50], "… 70 more commits not shown", "{out}");
    alice.ok(&["write", "--from-activity", "--today", "x"]);
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(doc["updates"][0]["yesterday"].as_array().unwrap().len(), 50);
}

#[test]
fn an_update_over_the_read_limit_is_refused_before_anything_is_written() {
    let world = World::new();
    let (alice, _, remote) = alice_with_app(&world);
    let big = "y".repeat(70_000);
    let out = alice.run(&["write", "--today", &big, "--yesterday", "ok"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("65536") && err.contains("nothing was written"),
        "{err}"
    );
    assert!(!err.contains("pushed"), "{err}");
    let log = alice.json(&["log", "--format", "json"]);
    assert_eq!(log["updates"].as_array().unwrap().len(), 0, "{log}");
    let checkout = Checkout::of(&world, &remote);
    assert!(!checkout.dir.join("updates").exists());
}

#[test]
fn suggestions_from_hostile_commits_are_clean_and_short_in_the_pushed_file() {
    let world = World::new();
    let (alice, app, remote) = alice_with_app(&world);
    many_commits(&app, 2, |i| match i {
        0 => "Fix \u{1b}]0;PWNED\u{7} title \u{1b}[2J clear \u{202e}evil\u{202c} ok".to_string(),
        _ => format!("Big {}\n\nRefs: PROJ-2", "y".repeat(70_000)),
    });
    git_ok(git_plain().arg("-C").arg(&app).args([
        "checkout",
        "--quiet",
        "-b",
        "PROJ-1-\u{202e}gnp.exe",
    ]));
    let shown = alice.ok(&["write", "--suggest"]);
    alice.ok(&["write", "--from-activity", "--today", "x"]);
    let checkout = Checkout::of(&world, &remote);
    let file = checkout.read("updates/alice/2026/2026-11-24.toml");
    for text in [&shown, &file] {
        for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\u{202c}'] {
            assert!(!text.contains(bad), "{bad:?} in:\n{text}");
        }
    }
    let doc = alice.json(&["team", "--format", "json"]);
    let yesterday = doc["updates"][0]["yesterday"].as_array().unwrap().clone();
    assert_eq!(yesterday.len(), 2, "{doc}");
    for item in &yesterday {
        let item = item.as_str().unwrap();
        assert!(
            item.chars().count() <= 200,
            "{} chars",
            item.chars().count()
        );
    }
    // The long summary is cut; the references after it stay.
    let long = yesterday[1].as_str().unwrap();
    assert!(long.contains("y… (PROJ-1, PROJ-2)"), "{long}");
}
