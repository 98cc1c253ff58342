//! The interactive write, driven through a real pseudo-terminal, and the
//! `--edit` path through a real editor process.

mod common;
use common::*;
use rexpect::session::{spawn_command, PtySession};

/// Types like a person: only once the prompt is on screen and has settled.
/// Keys sent while the prompt is still switching the terminal to raw mode
/// can be dropped by the terminal, which no real typist runs into.
fn answer(p: &mut PtySession, text: &str) {
    std::thread::sleep(std::time::Duration::from_millis(250));
    p.send(text).unwrap();
    p.flush().unwrap();
}

#[test]
fn prompts_prefill_yesterday_and_ask_which_blockers_hold() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&[
        "write",
        "--today",
        "Ship token refresh",
        "--blocker",
        "Waiting on creds",
        "--blocker",
        "Flaky CI",
    ]);
    world.set_now("2026-11-24T09:00:00Z");

    let mut cmd = alice.std_cmd();
    cmd.env("TERM", "xterm").arg("write");
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    p.exp_string("Yesterday").unwrap();
    // The previous update's today is already typed in: just accept it.
    p.exp_string("Ship token refresh").unwrap();
    answer(&mut p, "\r");
    p.exp_string("Today").unwrap();
    answer(&mut p, "Deploy; Write release notes\r");
    p.exp_string("Which blockers still hold?").unwrap();
    p.exp_string("Flaky CI").unwrap();
    // Untick the first (Waiting on creds), keep the second.
    answer(&mut p, " ");
    answer(&mut p, "\r");
    p.exp_string("New blocker").unwrap();
    answer(&mut p, "Waiting on QA\r");
    p.exp_string("New blocker").unwrap();
    answer(&mut p, "\r");
    p.exp_string("Mood").unwrap();
    answer(&mut p, "9\r");
    p.exp_string("1 to 5").unwrap();
    // Clear the rejected answer, then give a valid one.
    answer(&mut p, "\x7f5\r");
    p.exp_eof().unwrap();

    let doc = alice.json(&["team", "--format", "json"]);
    let u = &doc["updates"][0];
    assert_eq!(u["date"], "2026-11-24");
    assert_eq!(u["yesterday"], serde_json::json!(["Ship token refresh"]));
    assert_eq!(
        u["today"],
        serde_json::json!(["Deploy", "Write release notes"])
    );
    assert_eq!(u["mood"], 5);
    let texts: Vec<&str> = u["blockers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Flaky CI", "Waiting on QA"]);
}

#[test]
fn edit_opens_the_editor_on_the_update() {
    let world = World::new();
    let alice = world.person("alice", "UTC");
    let editor = world.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nsed -i 's/^today = .*/today = [\"Edited in the editor\"]/' \"$1\"\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    alice.set_env("EDITOR", editor.to_str().unwrap());
    // A failed edit is kept: in the world's temp dir, not the machine's.
    std::fs::create_dir_all(world.path().join("tmp")).unwrap();
    alice.set_env("TMPDIR", world.path().join("tmp").to_str().unwrap());
    alice.ok(&["write", "--edit", "--today", "draft"]);
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(
        doc["updates"][0]["today"],
        serde_json::json!(["Edited in the editor"])
    );

    // An edit that breaks the TOML writes nothing.
    std::fs::write(&editor, "#!/bin/sh\necho 'today = [' > \"$1\"\n").unwrap();
    let out = alice.run(&["write", "--edit"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the edited update"),
        "{}",
        stderr(&out)
    );
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(
        doc["updates"][0]["today"],
        serde_json::json!(["Edited in the editor"])
    );

    // An editor that fails, or is not there, writes nothing either.
    for (editor, says) in [
        ("false", "exited with status 1"),
        ("/nonexistent/editor", "could not be found"),
    ] {
        alice.set_env("EDITOR", editor);
        let out = alice.run(&["write", "--edit", "--today", "Not this"]);
        assert_eq!(out.status.code(), Some(2), "{editor}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{editor}: {}", stderr(&out));
    }
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(
        doc["updates"][0]["today"],
        serde_json::json!(["Edited in the editor"])
    );
    // An editor given with arguments, and an empty VISUAL, as git takes them.
    std::fs::write(
        &editor,
        "#!/bin/sh\n[ \"$1\" = --wait ] || exit 3\nsed -i 's/^today = .*/today = [\"With arguments\"]/' \"$2\"\n",
    )
    .unwrap();
    alice.set_env("VISUAL", "");
    alice.set_env("EDITOR", &format!("{} --wait", editor.display()));
    alice.ok(&["write", "--edit"]);
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(
        doc["updates"][0]["today"],
        serde_json::json!(["With arguments"])
    );
}

/// With `[activity] repos` set, the interactive write first offers your own
/// commits since your previous update; what you untick stays out.
#[test]
fn activity_is_offered_as_a_pick_list() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["write", "--today", "Plan the sprint"]);

    let repo = alice.home.join("src/api");
    git_ok(
        git_plain()
            .args(["init", "--quiet", "-b", "main"])
            .arg(&repo),
    );
    for (when, message) in [
        ("2026-11-23T11:00:00Z", "Fix token refresh"),
        ("2026-11-23T15:00:00Z", "Add refresh tests"),
    ] {
        std::fs::write(repo.join(format!("{when}.txt")), message).unwrap();
        git_ok(git_plain().arg("-C").arg(&repo).args(["add", "."]));
        git_ok(
            git_plain()
                .arg("-C")
                .arg(&repo)
                .env("GIT_AUTHOR_EMAIL", "alice@example.com")
                .env("GIT_AUTHOR_DATE", when)
                .env("GIT_COMMITTER_DATE", when)
                .args(["commit", "--quiet", "-m", message]),
        );
    }
    let config = std::fs::read_to_string(alice.config_file()).unwrap();
    std::fs::write(
        alice.config_file(),
        format!("[activity]\nrepos = [\"~/src/*\"]\n\n{config}"),
    )
    .unwrap();
    world.set_now("2026-11-24T09:00:00Z");

    let mut cmd = alice.std_cmd();
    cmd.env("TERM", "xterm").arg("write");
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    p.exp_string("pick from your activity").unwrap();
    p.exp_string("Plan the sprint").unwrap();
    // The cursor is on the first suggestion: untick it, keep the rest.
    answer(&mut p, " ");
    answer(&mut p, "\r");
    p.exp_string("Yesterday").unwrap();
    answer(&mut p, "\r");
    p.exp_string("Today").unwrap();
    answer(&mut p, "Review\r");
    p.exp_string("New blocker").unwrap();
    answer(&mut p, "\r");
    p.exp_string("Mood").unwrap();
    answer(&mut p, "\r");
    p.exp_eof().unwrap();

    let doc = alice.json(&["team", "--format", "json"]);
    let u = &doc["updates"][0];
    assert_eq!(u["date"], "2026-11-24");
    assert_eq!(
        u["yesterday"],
        serde_json::json!(["api/main: Add refresh tests", "Plan the sprint"])
    );
    assert_eq!(u["today"], serde_json::json!(["Review"]));
}
