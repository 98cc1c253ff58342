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

/// A README block tagged `console NAME` (a morning, a lead's teams, a
/// reminder install): each command and the lines shown after it (`...`
/// stands for lines left out).
fn readme_block(name: &str) -> Vec<(String, Vec<String>)> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let block = readme
        .split(&format!("```console {name}\n"))
        .nth(1)
        .unwrap_or_else(|| panic!("the README has no `console {name}` block"))
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

/// Runs the steps of README block `name` as `who`, each command's exit code
/// 0 (or one `found` accepts, 1), and checks that each prints the lines
/// shown, in order (`...` skips lines). `printed` picks what a step prints
/// from its output.
fn runs_as_shown(
    name: &str,
    who: &Person,
    found: &dyn Fn(&str) -> bool,
    printed: &dyn Fn(&std::process::Output) -> String,
) {
    let bin_dir = assert_cmd::cargo::cargo_bin("async-up")
        .parent()
        .unwrap()
        .to_path_buf();
    let steps = readme_block(name);
    assert!(!steps.is_empty(), "{name}: {steps:?}");
    for (cmd, shown) in &steps {
        let out = who.shell(&format!("NO_COLOR=1 COLUMNS=200 {cmd}"), &bin_dir);
        let code = out.status.code();
        assert!(
            code == Some(0) || (found(cmd) && code == Some(1)),
            "README {name}: command failed: {cmd}\nexit {code:?}\n{}",
            stderr(&out)
        );
        let printed = printed(&out);
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
                "README {name}: `{cmd}` does not print {want:?}; it prints:\n{printed}"
            );
        }
        if !skipping {
            assert_eq!(lines.next(), None, "`{cmd}` prints more:\n{printed}");
        }
    }
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

    assert!(readme_block("morning").len() >= 4);
    runs_as_shown("morning", &bob, &|cmd| cmd.ends_with("inbox"), &|out| {
        stdout(out)
    });
}

/// The "Across teams" block: a lead's morning over two teams, web (alice,
/// blocked for three days) and mobile (bob).
#[test]
fn the_readme_teams_morning_runs_as_shown() {
    let world = World::new();
    let web = world.bare_remote("web.git", "main");
    let mobile = world.bare_remote("mobile.git", "main");
    let lead = world.person("lead", "UTC");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    for (who, team, remote) in [
        (&lead, "web", &web),
        (&lead, "mobile", &mobile),
        (&alice, "web", &web),
        (&bob, "mobile", &mobile),
    ] {
        who.ok(&["--team", team, "init", remote.to_str().unwrap()]);
    }
    world.set_now("2026-11-20T09:00:00Z");
    alice.ok(&[
        "write",
        "--today",
        "Ship token refresh",
        "--blocker",
        "Waiting on creds",
    ]);
    world.set_now("2026-11-24T08:30:00Z");
    alice.ok(&[
        "write",
        "--today",
        "Review #42",
        "--blocker",
        "Waiting on creds",
    ]);
    bob.ok(&["write", "--today", "Release 2.3 to the store"]);
    world.set_now("2026-11-24T09:30:00Z");
    runs_as_shown("teams", &lead, &|cmd| cmd.contains("blockers"), &|out| {
        stdout(out)
    });
}

/// The "Reminders" block: what an install would write, then an install and
/// its removal, without a systemd user manager (as in a container or over
/// ssh). Paths under the home are shown from `~`.
#[test]
fn the_readme_reminder_install_runs_as_shown() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "Europe/Berlin");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let home = alice.home.display().to_string();
    runs_as_shown("remind", &alice, &|_| false, &|out| {
        format!("{}{}", stdout(out), stderr(out)).replace(&home, "~")
    });
}
