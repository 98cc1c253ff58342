//! The machine async-up runs on: a full disk, no git identity, environment
//! variables as users type them, days off.

mod common;
use common::*;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A small tmpfs mounted for one test, unmounted on drop.
struct SmallDisk {
    dir: PathBuf,
    filler: PathBuf,
}

impl SmallDisk {
    /// Mounts a tmpfs of `size` (e.g. "2m") on a new folder in `root`;
    /// `None` (with the reason printed) where mounting is not permitted.
    fn mount(root: &Path, size: &str) -> Option<Self> {
        let dir = root.join("small-disk");
        std::fs::create_dir_all(&dir).unwrap();
        let out = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o"])
            .arg(format!("size={size}"))
            .arg("tmpfs")
            .arg(&dir)
            .output();
        match out {
            Ok(o) if o.status.success() => Some(SmallDisk {
                filler: dir.join("filler"),
                dir,
            }),
            Ok(o) => {
                eprintln!(
                    "SKIPPED: cannot mount a tmpfs here ({}); run as root to test a full disk",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("SKIPPED: cannot run mount ({e})");
                None
            }
        }
    }

    /// Fills every free byte.
    fn fill(&self) {
        let mut f = std::fs::File::create(&self.filler).unwrap();
        let chunk = vec![7u8; 4096];
        while f.write_all(&chunk).is_ok() {}
        let _ = f.flush();
        // Whatever is left in a partial page.
        while f.write_all(&[7u8]).is_ok() {}
    }

    fn free(&self) {
        std::fs::remove_file(&self.filler).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.dir)
            .status();
    }
}

#[test]
fn a_full_disk_is_named_and_loses_nothing_on_the_local_team() {
    let world = World::new();
    let Some(disk) = SmallDisk::mount(world.path(), "2m") else {
        return;
    };
    let alice = world.person("alice", "UTC");
    alice.set_env("XDG_DATA_HOME", disk.dir.to_str().unwrap());
    alice.ok(&["write", "--today", "First thing"]);
    disk.fill();
    world.set_now("2026-11-25T09:00:00Z");
    let out = alice.run(&["write", "--today", "Second thing"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("disk is full"), "{err}");
    assert!(err.contains("not saved"), "{err}");
    // Reading still works and shows what was saved.
    let shown = alice.ok(&["team", "--date", "2026-11-24"]);
    assert!(shown.contains("First thing"), "{shown}");
    let doctor = alice.run(&["doctor"]);
    let text = stdout(&doctor);
    assert!(text.contains("disk"), "{text}");
    assert!(text.contains("free"), "{text}");
    // With space again the same write works and nothing was damaged.
    disk.free();
    alice.ok(&["write", "--today", "Second thing"]);
    let shown = alice.ok(&["team"]);
    assert!(shown.contains("Second thing"), "{shown}");
    let fsck = alice
        .git()
        .arg("--git-dir")
        .arg(disk.dir.join("async-up/local.git"))
        .args(["fsck", "--no-progress"])
        .output()
        .unwrap();
    assert!(fsck.status.success(), "{}", stderr(&fsck));
}

#[test]
fn a_full_disk_is_not_an_unreachable_remote() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let bob = world.person("bob", "UTC");
    bob.ok(&["init", remote.to_str().unwrap()]);
    let Some(disk) = SmallDisk::mount(world.path(), "2m") else {
        return;
    };
    let alice = world.person("alice", "UTC");
    alice.set_env("XDG_DATA_HOME", disk.dir.to_str().unwrap());
    alice.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["write", "--today", "Alice plans"]);
    // Something new to fetch, then no room to fetch it into.
    bob.ok(&[
        "write",
        "--today",
        "Bob plans",
        "--blocker",
        "Big".repeat(300).as_str(),
    ]);
    disk.fill();
    let out = alice.run(&["team"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(stdout(&out).contains("Alice plans"), "{}", stdout(&out));
    assert!(err.contains("disk is full"), "{err}");
    assert!(!err.contains("could not reach"), "{err}");
    let out = alice.run(&["write", "--today", "More"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("disk is full"), "{err}");
    assert!(!err.contains("could not reach"), "{err}");
    disk.free();
    alice.ok(&["write", "--today", "More"]);
    let shown = alice.ok(&["team"]);
    assert!(shown.contains("Bob plans"), "{shown}");
    assert!(shown.contains("More"), "{shown}");
}

#[test]
fn doctor_says_when_there_is_no_config_and_shows_the_member_zone() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let out = alice.run(&["doctor"]);
    let text = stdout(&out);
    assert!(
        text.contains("config: no config file yet (defaults)"),
        "{text}"
    );
    assert!(text.contains("disk: "), "{text}");
    alice.ok(&["init", remote.to_str().unwrap(), "--timezone", "Asia/Tokyo"]);
    let text = alice.ok(&["doctor"]);
    assert!(text.contains("ok    config: "), "{text}");
    assert!(!text.contains("no config file yet"), "{text}");
    // The machine is in UTC, the member file says Tokyo: both are shown.
    let zone = text
        .lines()
        .find(|l| l.contains("time zone"))
        .unwrap_or_default()
        .to_string();
    assert!(zone.contains("Asia/Tokyo"), "{text}");
    assert!(zone.contains("2026-11-24 18:00 +09:00"), "{text}");
    assert!(zone.contains("this machine is in UTC"), "{text}");
    alice.ok(&["me", "--timezone", "UTC"]);
    let text = alice.ok(&["doctor"]);
    let zone = text.lines().find(|l| l.contains("time zone")).unwrap();
    assert!(zone.contains("UTC"), "{zone}");
    assert!(!zone.contains("this machine"), "{zone}");
}

#[test]
fn boolean_variables_take_what_users_type_and_errors_name_the_variable() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    // Offline means the remote is never asked: take it away to tell.
    std::fs::rename(&remote, world.path().join("gone.git")).unwrap();
    for on in ["1", "true", "yes", "TRUE", "Yes"] {
        alice.set_env("ASYNC_UP_OFFLINE", on);
        let out = alice.run(&["write", "--today", "x"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{on}: {err}");
        assert!(!err.contains("could not reach"), "{on}: {err}");
        assert!(err.contains("committed locally"), "{on}: {err}");
    }
    for off in ["0", "false", "no", "", "NO"] {
        alice.set_env("ASYNC_UP_OFFLINE", off);
        let out = alice.run(&["write", "--today", "y"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{off:?}: {err}");
        assert!(err.contains("could not reach"), "{off:?}: {err}");
    }
    for (var, bad) in [("ASYNC_UP_OFFLINE", "maybe"), ("ASYNC_UP_STRICT", "2")] {
        let quiet = world.person("quiet", "UTC");
        quiet.set_env(var, bad);
        let out = quiet.run(&["status"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains(&format!(
                "{var}: expected 1/true/yes or 0/false/no, got \"{bad}\""
            )),
            "{err}"
        );
    }
    // Strict: the same words, and empty is unset.
    let bob = world.person("bob", "UTC");
    for (value, code) in [("1", 0), ("yes", 0), ("", 0), ("no", 0)] {
        bob.set_env("ASYNC_UP_STRICT", value);
        let out = bob.run(&["write", "--today", "z"]);
        assert_eq!(out.status.code(), Some(code), "{value:?}: {}", stderr(&out));
    }
    // An empty ASYNC_UP_TEAM is no team given: the default one is used.
    alice.set_env("ASYNC_UP_OFFLINE", "1");
    alice.set_env("ASYNC_UP_TEAM", "");
    alice.ok(&["status"]);
    alice.set_env("ASYNC_UP_TEAM", "team");
    alice.ok(&["status"]);
    alice.set_env("ASYNC_UP_TEAM", "nope");
    let err = stderr(&alice.run(&["status"]));
    assert!(err.contains("unknown team \"nope\""), "{err}");
}

#[test]
fn status_does_not_nag_on_days_off_or_while_away() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap(), "--timezone", "UTC"]);
    // Tuesday: not written yet.
    alice.expect(1, &["status", "-q"]);
    // Saturday.
    world.set_now("2026-11-28T10:00:00Z");
    let out = alice.ok(&["status"]);
    assert!(out.contains("day off"), "{out}");
    assert!(alice.ok(&["status", "-q"]).is_empty());
    // A six-day week counts Saturday.
    alice.ok(&["me", "--workdays", "Mon-Sat"]);
    alice.expect(1, &["status", "-q"]);
    // Away over Monday to Wednesday.
    alice.ok(&["away", "--from", "2026-11-30", "--until", "2026-12-02"]);
    world.set_now("2026-12-01T10:00:00Z");
    let out = alice.ok(&["status"]);
    assert!(out.contains("away until 2026-12-02"), "{out}");
    world.set_now("2026-12-03T10:00:00Z");
    alice.expect(1, &["status"]);
    // The local-only team (no member file) keeps Mon-Fri.
    let bob = world.person("bob", "UTC");
    world.set_now("2026-11-29T10:00:00Z");
    assert!(bob.ok(&["status"]).contains("day off"));
}

/// A person on a fresh machine: no git identity anywhere, no USER.
fn nobody(world: &World, machine: &str) -> Person {
    let p = world.person_on(machine, "UTC", machine);
    std::fs::remove_file(p.home.join(".gitconfig")).unwrap();
    p.set_env("USER", "");
    p
}

#[test]
fn the_quick_start_works_without_a_git_identity() {
    let world = World::new();
    let fresh = nobody(&world, "fresh");
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let quick = readme
        .lines()
        .find_map(|l| l.strip_prefix("$ cargo run -q -- write"))
        .expect("the quick start in the README");
    let line = format!("async-up write{quick}").replace("cargo run -q --", "async-up");
    let bin_dir = assert_cmd::cargo::cargo_bin("async-up")
        .parent()
        .unwrap()
        .to_path_buf();
    let out = fresh.shell(&line, &bin_dir);
    let shown = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{shown}\n{}", stderr(&out));
    assert!(shown.contains("Try async-up"), "{shown}");
    // Nobody else writes to a local-only team: nothing to call foreign.
    assert!(!shown.contains("committed by"), "{shown}");
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn joining_without_an_email_asks_for_one_or_says_to_pass_it() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let fresh = nobody(&world, "fresh");
    let out = fresh.run(&["init", remote.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--email"), "{err}");
    assert!(err.contains("user.email"), "{err}");
    assert!(!fresh.config_file().exists());
    let out = fresh.run(&["init", remote.to_str().unwrap(), "--email", "not an email"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    fresh.ok(&[
        "init",
        remote.to_str().unwrap(),
        "--email",
        "dana@example.com",
    ]);
    let checkout = Checkout::of(&world, &remote);
    let member = checkout.read("members/dana.toml");
    assert!(member.contains("dana@example.com"), "{member}");
    assert!(!member.contains("localhost"), "{member}");
    fresh.ok(&["write", "--today", "Hello"]);
    let log = git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["log", "-1", "--format=%ce"]),
    );
    assert_eq!(log.trim(), "dana@example.com");
    assert!(fresh
        .ok(&["doctor"])
        .contains("ok    email: dana@example.com"));
    fresh.ok(&["audit"]);
}

#[test]
fn joining_on_a_terminal_asks_for_the_email() {
    use rexpect::session::spawn_command;
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let fresh = nobody(&world, "erin");
    let mut cmd = fresh.std_cmd();
    cmd.args(["init", remote.to_str().unwrap(), "--user", "erin"]);
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    p.exp_string("email").expect("asks for an email");
    p.send_line("erin@example.com").unwrap();
    p.exp_eof().unwrap();
    let checkout = Checkout::of(&world, &remote);
    assert!(checkout
        .read("members/erin.toml")
        .contains("erin@example.com"));
}

#[test]
fn views_are_headed_with_the_team_files_name() {
    let world = World::new();
    let remote = world.bare_remote("standup.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["write", "--today", "x"]);
    let checkout = Checkout::of(&world, &remote);
    let team_file = checkout.read("async-up.toml").replace(
        "name = \"standup\"",
        "name = \"Acme\\nPlatform \\u001b[31m<b>\"",
    );
    checkout.put("async-up.toml", team_file);
    checkout.push_as("alice@example.com", "rename the team");
    let table = alice.ok(&["team"]);
    let first = table.lines().next().unwrap();
    assert!(first.starts_with("Acme Platform"), "{table}");
    assert!(!table.contains('\u{1b}'), "{table}");
    let md = alice.ok(&["team", "--format", "markdown"]);
    assert!(md.contains("## Acme Platform"), "{md}");
    assert!(md.contains("&lt;b&gt;"), "{md}");
    let doc = alice.json(&["team", "--format", "json"]);
    assert!(
        doc["team"].as_str().unwrap().starts_with("Acme Platform"),
        "{doc}"
    );
    let digest = alice.ok(&["digest", "--week"]);
    assert!(digest.contains("Acme Platform"), "{digest}");
    let page = world.path().join("report.html");
    alice.ok(&["report", "--html", page.to_str().unwrap()]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("Acme Platform"), "report");
    // A team file with no usable name: the config's name.
    let team_file = checkout
        .read("async-up.toml")
        .lines()
        .map(|l| {
            if l.starts_with("name =") {
                "name = \"  \""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    checkout.put("async-up.toml", team_file);
    checkout.push_as("alice@example.com", "blank name");
    assert!(alice.ok(&["team"]).starts_with("standup ·"));
}

#[test]
fn help_and_readme_say_what_the_commands_do() {
    use clap::CommandFactory;
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let cmd = async_up::cli::Cli::command();
    // Every format a subcommand offers is listed where the README describes it.
    for sub in cmd.get_subcommands() {
        let Some(format) = sub.get_arguments().find(|a| a.get_id() == "format") else {
            continue;
        };
        let offered: Vec<String> = format
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_string())
            .collect();
        let prefix = format!("- `async-up {} ", sub.get_name());
        let Some(line) = readme.lines().find(|l| l.starts_with(&prefix)) else {
            continue;
        };
        let Some(listed) = line
            .split("[--format ")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
        else {
            continue;
        };
        if listed == "..." {
            continue;
        }
        let listed: Vec<&str> = listed.split('|').collect();
        for value in &offered {
            assert!(
                listed.contains(&value.as_str()),
                "`{}` offers --format {value} but the README lists {listed:?}",
                sub.get_name()
            );
        }
    }
    // team's help states the rule it applies.
    let mut cmd = async_up::cli::Cli::command();
    let team = cmd.find_subcommand_mut("team").unwrap();
    let help = team.render_long_help().to_string();
    assert!(!help.contains("today or yesterday"), "{help}");
    assert!(help.contains("previous workday"), "{help}");
}
