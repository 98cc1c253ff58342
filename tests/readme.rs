//! The README cannot rot: every command it shows runs here, in order, in a
//! hermetic home, and CI runs exactly the test command it gives.

mod common;
use common::*;

/// The `$ ` lines of the README's console blocks.
fn readme_commands() -> Vec<String> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut in_console = false;
    let mut commands = Vec::new();
    for line in readme.lines() {
        if line.starts_with("```") {
            in_console = line == "```console";
            continue;
        }
        if in_console {
            if let Some(cmd) = line.strip_prefix("$ ") {
                commands.push(cmd.to_string());
            }
        }
    }
    commands
}

#[test]
fn ci_runs_the_readme_test_command() {
    let commands = readme_commands();
    let test_cmd = commands
        .iter()
        .find(|c| c.starts_with("cargo test"))
        .expect("the README gives a test command");
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(
        ci.lines().any(|l| l.trim() == test_cmd),
        ".ci/run must run `{test_cmd}`"
    );
}

#[test]
fn every_readme_command_runs() {
    let world = World::new();
    let me = world.person("alice", "Europe/Berlin");
    let bin_dir = assert_cmd::cargo::cargo_bin("async-up")
        .parent()
        .unwrap()
        .to_path_buf();
    let commands = readme_commands();
    assert!(commands.len() >= 10, "found {commands:?}");
    let mut ran = 0;
    for line in &commands {
        if line.starts_with("cargo test") {
            continue; // CI itself runs it (checked above).
        }
        // The quick start builds and runs through cargo; here the binary is built already.
        let line = line.replace("cargo run -q --", "async-up");
        let out = me.shell(&line, &bin_dir);
        let code = out.status.code();
        let allowed_found = line.contains("blockers");
        assert!(
            code == Some(0) || (allowed_found && code == Some(1)),
            "README command failed: {line}\nexit {code:?}\nstdout:\n{}\nstderr:\n{}",
            stdout(&out),
            stderr(&out)
        );
        ran += 1;
    }
    assert!(ran >= 10);
    // The walk-through leaves a team with alice's updates in it.
    let doc = me.json(&["team", "--format", "json"]);
    assert_eq!(authors(&doc), ["alice"]);
}

/// The README's morning (the `console morning` block): each command and the
/// lines shown after it (`...` stands for lines left out).
fn readme_morning() -> Vec<(String, Vec<String>)> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let block = readme
        .split("```console morning\n")
        .nth(1)
        .expect("the README shows a morning")
        .split("\n```")
        .next()
        .unwrap();
    let mut steps: Vec<(String, Vec<String>)> = Vec::new();
    for line in block.lines() {
        match line.strip_prefix("$ ") {
            Some(cmd) => steps.push((cmd.to_string(), Vec::new())),
            None => steps.last_mut().unwrap().1.push(line.to_string()),
        }
    }
    steps
}

#[test]
fn the_readme_morning_runs_as_shown() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    let carol = world.person("carol", "UTC");
    for p in [&alice, &bob, &carol] {
        p.ok(&["init", remote.to_str().unwrap()]);
    }
    // Yesterday bob wrote and read his inbox; since then alice wrote with
    // a blocker and carol answered bob.
    world.set_now("2026-11-23T09:00:00Z");
    bob.ok(&["write", "--today", "Fix the flaky test"]);
    world.set_now("2026-11-23T09:02:00Z");
    bob.run(&["inbox"]);
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&[
        "write",
        "--today",
        "Ship token refresh",
        "--today",
        "Review #42",
        "--blocker",
        "Waiting on creds",
    ]);
    carol.ok(&["reply", "bob", "Nice, the flaky test is gone"]);
    world.set_now("2026-11-24T09:30:00Z");

    let bin_dir = assert_cmd::cargo::cargo_bin("async-up")
        .parent()
        .unwrap()
        .to_path_buf();
    let steps = readme_morning();
    assert!(steps.len() >= 4, "{steps:?}");
    for (cmd, shown) in &steps {
        let out = bob.shell(&format!("NO_COLOR=1 COLUMNS=200 {cmd}"), &bin_dir);
        let code = out.status.code();
        assert!(
            code == Some(0) || (cmd.ends_with("inbox") && code == Some(1)),
            "README command failed: {cmd}\nexit {code:?}\n{}",
            stderr(&out)
        );
        // Every line shown is printed, in order; `...` skips lines.
        let printed = stdout(&out);
        let mut lines = printed.lines();
        let mut skipping = false;
        for want in shown {
            if want == "..." {
                skipping = true;
                continue;
            }
            let got = if skipping {
                lines.find(|l| l.trim_end() == want)
            } else {
                lines.next().filter(|l| l.trim_end() == want)
            };
            assert!(
                got.is_some(),
                "README morning: `{cmd}` does not print {want:?}; it prints:\n{printed}"
            );
        }
        if !skipping {
            assert_eq!(lines.next(), None, "`{cmd}` prints more:\n{printed}");
        }
    }
}
