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
