//! git's progress on a terminal during `init`, and none of it without one
//! or with `-q`.

mod common;
use common::*;
use rexpect::session::spawn_command;

/// A team served by a git daemon, with some history to receive.
fn served(world: &World) -> (Daemon, String) {
    let base = world.path().join("served");
    std::fs::create_dir_all(&base).unwrap();
    world.bare_remote("served/team.git", "main");
    let daemon = Daemon::start(&base);
    let url = daemon.url("team.git");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", &url]);
    alice.ok(&["write", "--today", "something to receive"]);
    (daemon, url)
}

#[test]
fn init_on_a_terminal_shows_git_receiving_objects() {
    let world = World::new();
    let (_daemon, url) = served(&world);
    let bob = world.person("bob", "UTC");
    let mut cmd = bob.std_cmd();
    cmd.env("TERM", "xterm").args(["init", &url]);
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    p.exp_string("Receiving objects: 100%").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn without_a_terminal_or_with_quiet_no_progress_is_printed() {
    let world = World::new();
    let (_daemon, url) = served(&world);
    let bob = world.person("bob", "UTC");
    let out = bob.run(&["init", &url]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("Receiving objects"),
        "{}",
        stderr(&out)
    );

    let carol = world.person("carol", "UTC");
    let mut cmd = carol.std_cmd();
    cmd.env("TERM", "xterm").args(["-q", "init", &url]);
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    let all = p.exp_eof().unwrap();
    assert!(!all.contains("Receiving objects"), "{all}");
}

/// async-up's own counter for long reads: on a terminal it appears (here
/// at once, with the delay set to 0); with `-q` or off a terminal it does not.
#[test]
fn a_long_read_shows_its_counter_on_a_terminal_only() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["write", "--today", "Counted"]);
    alice.set_env("ASYNC_UP_PROGRESS_DELAY_MS", "0");
    let mut cmd = alice.std_cmd();
    cmd.env("TERM", "xterm").args(["stats", "--no-fetch"]);
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    p.exp_string("reading updates, members:").unwrap();
    p.exp_eof().unwrap();

    let mut cmd = alice.std_cmd();
    cmd.env("TERM", "xterm").args(["-q", "stats", "--no-fetch"]);
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    let all = p.exp_eof().unwrap();
    assert!(!all.contains("reading updates"), "{all}");

    let out = alice.run(&["stats", "--no-fetch"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("reading updates"),
        "{}",
        stderr(&out)
    );
}
