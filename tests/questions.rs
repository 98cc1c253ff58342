//! A team's own questions: asked in order, answered with --answer or at the
//! prompt (through a real pseudo-terminal), stored under [answers], shown.

mod common;
use common::*;
use rexpect::session::{spawn_command, PtySession};

const QUESTIONS: &str = r#"
[[questions]]
id = "focus"
prompt = "Main focus today"
kind = "choice"
options = ["Deep work", "Meetings", "Support"]
required = true

[[questions]]
id = "energy"
prompt = "Energy"
kind = "scale"

[[questions]]
id = "wins"
prompt = "Wins"
kind = "list"
"#;

fn team_with_questions() -> (World, Person, std::path::PathBuf) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let clone = Checkout::of(&world, &remote);
    let team_file = clone.read("async-up.toml");
    clone.put("async-up.toml", format!("{team_file}{QUESTIONS}"));
    clone.push("our questions");
    alice.ok(&["sync"]);
    (world, alice, remote)
}

#[test]
fn answers_from_flags_are_checked_stored_and_shown() {
    let (_world, alice, remote) = team_with_questions();
    let before = git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["rev-parse", "main"]),
    );
    for (args, says) in [
        (
            vec!["write", "--today", "x"],
            "requires an answer to \"focus\"",
        ),
        (
            vec!["write", "--today", "x", "--answer", "focus=napping"],
            "not one of: Deep work, Meetings, Support",
        ),
        (
            vec![
                "write",
                "--today",
                "x",
                "--answer",
                "focus=Meetings",
                "--answer",
                "energy=9",
            ],
            "not a number from 1 to 5",
        ),
        (
            vec!["write", "--today", "x", "--answer", "mood=5"],
            "no question \"mood\"; its questions: focus, energy, wins",
        ),
        (
            vec!["write", "--today", "x", "--answer", "nonsense"],
            "is not ID=VALUE",
        ),
    ] {
        let out = alice.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    let after = git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["rev-parse", "main"]),
    );
    assert_eq!(before, after, "nothing was written");

    alice.ok(&[
        "write",
        "--today",
        "x",
        "--answer",
        "focus=meetings",
        "--answer",
        "energy=4",
        "--answer",
        "wins=shipped; fixed CI",
    ]);
    let file = git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["show", "main:updates/alice/2026/2026-11-24.toml"]),
    );
    assert!(file.contains("[answers]"), "{file}");
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(
        doc["updates"][0]["answers"],
        serde_json::json!({"energy": 4, "focus": "Meetings", "wins": ["shipped", "fixed CI"]})
    );
    let table = alice.ok(&["team"]);
    assert!(
        table.contains("Answers") && table.contains("Main focus today: Meetings"),
        "{table}"
    );
    let md = alice.ok(&["team", "--format", "markdown"]);
    // In the order the team asks them, not by id.
    assert!(
        md.contains("- Main focus today: Meetings\n- Energy: 4/5\n- Wins: shipped; fixed CI\n"),
        "{md}"
    );
    // A second write the same day keeps earlier answers and changes one.
    alice.ok(&["write", "--answer", "energy=2"]);
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(doc["updates"][0]["answers"]["energy"], 2);
    assert_eq!(doc["updates"][0]["answers"]["focus"], "Meetings");
}

fn answer(p: &mut PtySession, text: &str) {
    std::thread::sleep(std::time::Duration::from_millis(250));
    p.send(text).unwrap();
    p.flush().unwrap();
}

#[test]
fn the_interactive_write_asks_the_team_questions_in_order() {
    let (_world, alice, _remote) = team_with_questions();
    let mut cmd = alice.std_cmd();
    cmd.env("TERM", "xterm").arg("write");
    let mut p = spawn_command(cmd, Some(20_000)).unwrap();
    p.exp_string("Yesterday").unwrap();
    answer(&mut p, "Planning\r");
    p.exp_string("Today").unwrap();
    answer(&mut p, "Interviews\r");
    p.exp_string("New blocker").unwrap();
    answer(&mut p, "\r");
    p.exp_string("Mood").unwrap();
    answer(&mut p, "\r");
    p.exp_string("Main focus today").unwrap();
    p.exp_string("Support").unwrap();
    // Down once: Meetings.
    answer(&mut p, "\x1b[B");
    answer(&mut p, "\r");
    p.exp_string("Energy (1-5)").unwrap();
    answer(&mut p, "3\r");
    p.exp_string("Wins").unwrap();
    answer(&mut p, "hired someone; \r");
    p.exp_eof().unwrap();
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(
        doc["updates"][0]["answers"],
        serde_json::json!({"energy": 3, "focus": "Meetings", "wins": ["hired someone"]})
    );
    assert_eq!(
        doc["updates"][0]["today"],
        serde_json::json!(["Interviews"])
    );
}
