//! `write --edit` never throws an edit away, and the typo guard on mentions
//! speaks once, when the mention is new.

mod common;
use common::*;
use rexpect::session::spawn_command;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// An editor script that breaks the TOML on its first run and, on its
/// second, checks the error is shown at the top and repairs the file.
/// It counts its runs in `runs`.
fn two_step_editor(dir: &Path) -> (PathBuf, PathBuf) {
    let runs = dir.join("runs");
    let editor = dir.join("editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\necho run >> '{runs}'\nif [ \"$(wc -l < '{runs}')\" -eq 1 ]; then\n  echo 'broken = [' >> \"$1\"\n  exit 0\nfi\nhead -n 1 \"$1\" | grep -q '^# ' || exit 7\nsed -i -e '/^broken = \\[$/d' -e 's/^today = .*/today = [\"Fixed on the second try\"]/' \"$1\"\n",
            runs = runs.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    (editor, runs)
}

fn runs(file: &Path) -> usize {
    std::fs::read_to_string(file)
        .map(|s| s.lines().count())
        .unwrap_or(0)
}

/// alice, whose kept edits land in the world's temp dir, not the machine's.
fn person_with_tmp(world: &World) -> Person {
    let alice = world.person("alice", "UTC");
    let tmp = world.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    alice.set_env("TMPDIR", tmp.to_str().unwrap());
    alice
}

fn today(person: &Person) -> serde_json::Value {
    person.json(&["team", "--format", "json"])["updates"][0]["today"].clone()
}

#[test]
fn on_a_terminal_a_bad_edit_is_reopened_with_the_error_on_top() {
    let world = World::new();
    let alice = person_with_tmp(&world);
    let (editor, counter) = two_step_editor(world.path());
    alice.set_env("EDITOR", editor.to_str().unwrap());
    let mut cmd = alice.std_cmd();
    cmd.env("TERM", "xterm")
        .args(["write", "--edit", "--today", "draft"]);
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    p.exp_string("edit again? [Y/n]").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(250));
    p.send_line("").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(runs(&counter), 2);
    assert_eq!(
        today(&alice),
        serde_json::json!(["Fixed on the second try"])
    );
}

#[test]
fn on_a_terminal_declining_keeps_the_edit() {
    let world = World::new();
    let alice = person_with_tmp(&world);
    let (editor, counter) = two_step_editor(world.path());
    alice.set_env("EDITOR", editor.to_str().unwrap());
    let mut cmd = alice.std_cmd();
    cmd.env("TERM", "xterm")
        .args(["write", "--edit", "--today", "Typed with care"]);
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    p.exp_string("edit again? [Y/n]").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(250));
    p.send_line("n").unwrap();
    let (_, kept) = p.exp_regex(r"kept in (\S+\.toml)").unwrap();
    let path = kept.trim_start_matches("kept in ").to_string();
    p.exp_eof().unwrap();
    assert_eq!(runs(&counter), 1);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Typed with care"), "{text}");
    let _ = std::fs::remove_file(path);
}

#[test]
fn without_a_terminal_a_bad_edit_is_kept_and_its_path_printed() {
    let world = World::new();
    let alice = person_with_tmp(&world);
    let (editor, counter) = two_step_editor(world.path());
    alice.set_env("EDITOR", editor.to_str().unwrap());
    let out = alice.run(&["write", "--edit", "--today", "Typed with care"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(
        runs(&counter),
        1,
        "no terminal: the editor is not opened again"
    );
    let path = err
        .split_whitespace()
        .find(|w| w.ends_with(".toml") && w.starts_with('/'))
        .unwrap_or_else(|| panic!("no kept file named in: {err}"));
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("Typed with care"), "{text}");
    assert!(text.contains("broken = ["), "{text}");
    assert!(text.starts_with("# "), "the error is on top: {text}");
    let _ = std::fs::remove_file(path);
    // A failing editor keeps the draft too.
    alice.set_env("EDITOR", "false");
    let out = alice.run(&["write", "--edit", "--today", "Also kept"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("exited with status 1"), "{err}");
    assert!(err.contains("kept in /"), "{err}");
}

#[test]
fn without_a_terminal_or_an_editor_vi_is_not_started() {
    let world = World::new();
    let alice = world.person("alice", "UTC");
    let bin = world.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let marker = world.path().join("vi-ran");
    let vi = bin.join("vi");
    std::fs::write(&vi, format!("#!/bin/sh\ntouch '{}'\n", marker.display())).unwrap();
    std::fs::set_permissions(&vi, std::fs::Permissions::from_mode(0o755)).unwrap();
    alice.set_env(
        "PATH",
        &format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
    );
    let out = alice.run(&["write", "--edit", "--today", "x"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("$EDITOR"), "{err}");
    assert!(!marker.exists(), "vi was started without a terminal");
}

#[test]
fn a_mention_of_a_non_member_is_warned_once() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    world.set_now("2026-11-23T09:00:00Z");
    let out = alice.run(&["write", "--today", "x", "--blocker", "Waiting on @zed"]);
    assert!(
        stderr(&out).contains("@zed is not a member"),
        "{}",
        stderr(&out)
    );
    // The blocker carries over; the mention is not new, so no warning.
    world.set_now("2026-11-24T09:00:00Z");
    let out = alice.run(&["write", "--today", "y"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("@zed"), "{}", stderr(&out));
    // A second write of the same day does not repeat it either...
    let out = alice.run(&["write", "--mood", "3"]);
    assert!(!stderr(&out).contains("@zed"), "{}", stderr(&out));
    // ...but a new mention in this write is checked.
    let out = alice.run(&["write", "--today", "Pair with @zed"]);
    assert!(
        stderr(&out).contains("@zed is not a member"),
        "{}",
        stderr(&out)
    );
}
