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
