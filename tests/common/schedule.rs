//! Helpers for the tests of the schedules `remind --install` writes
//! (`remind_systemd.rs`, `remind_cron.rs`, `remind_launchd.rs`): people on
//! hostile paths, a `crontab` that keeps its table in a file, and the tools
//! that read the schedules back.

use super::{stderr, stdout, Person, World};
use std::path::{Path, PathBuf};

/// Joins `person` to `remote` in `tz` on 2026-11-02.
pub fn join(world: &World, person: &Person, remote: &Path, tz: &str) {
    world.set_now("2026-11-02T09:00:00Z");
    person.ok(&["init", remote.to_str().unwrap(), "--timezone", tz]);
}

/// Writes an executable shell script.
pub fn write_script(path: &Path, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A tool the test needs: found, or the test is skipped with a reason
/// outside CI and fails in CI (where .ci/run installs it).
pub fn tool(path: &str, why: &str) -> Option<PathBuf> {
    let p = PathBuf::from(path);
    if p.exists() {
        return Some(p);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{path} is missing in CI: {why}"
    );
    eprintln!("skipped: {path} is missing ({why})");
    None
}

/// The python with croniter that .ci/run installs into target/ci-tools.
pub fn croniter_python() -> Option<PathBuf> {
    let python = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/ci-tools/bin/python3");
    tool(
        python.to_str().unwrap(),
        "croniter parses the crontab (.ci/run installs it)",
    )
}

/// Runs `python -c script args` with `input` on stdin; returns stdout.
pub fn python_with(python: &Path, script: &str, args: &[&str], input: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new(python)
        .args(["-c", script])
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

/// A folder name no shell, unit file or XML writer can take as it is.
pub const HOSTILE: &str = "odd dir/it's \"quoted\" $HOME %h \\back & <x>";

/// A person whose binary and data dir both live under hostile paths, on
/// a team (called `team`) in Berlin: returns the person and the copied
/// binary.
pub fn hostile_world(world: &World) -> (Person, PathBuf) {
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "Europe/Berlin");
    let data = world.path().join(HOSTILE).join("data");
    alice.set_env("XDG_DATA_HOME", data.to_str().unwrap());
    join(world, &alice, &remote, "Europe/Berlin");
    let bin_dir = world.path().join(HOSTILE).join("bin");
    std::fs::create_dir_all(&bin_dir).unwrap();
    let exe = bin_dir.join("async-up");
    std::fs::copy(assert_cmd::cargo::cargo_bin("async-up"), &exe).unwrap();
    (alice, exe)
}

/// A person on two teams, `team` (the default: joined first) and `teamb`.
pub fn two_teams(world: &World, tz: &str) -> Person {
    let a = world.bare_remote("team.git", "main");
    let b = world.bare_remote("teamb.git", "main");
    let alice = world.person("alice", tz);
    join(world, &alice, &a, tz);
    join(world, &alice, &b, tz);
    alice
}

/// Runs the copied binary as `person`.
pub fn run_copy(person: &Person, exe: &Path, args: &[&str]) -> std::process::Output {
    run_with_path(person, exe, args, None)
}

/// The same with `first` put first on PATH.
pub fn run_with_path(
    person: &Person,
    exe: &Path,
    args: &[&str],
    first: Option<&Path>,
) -> std::process::Output {
    let mut cmd = person.program(exe.to_str().unwrap());
    if let Some(first) = first {
        cmd.env(
            "PATH",
            format!("{}:{}", first.display(), std::env::var("PATH").unwrap()),
        );
    }
    cmd.args(args).output().unwrap()
}

/// Asserts success and returns stdout.
pub fn succeeded(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "stdout:\n{}\nstderr:\n{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

/// A `crontab` that keeps the table in a file, as cron's own tool would;
/// returns the table and the folder to put first on PATH.
pub fn fake_crontab(world: &World) -> (PathBuf, PathBuf) {
    let bin = world.path().join("cron-bin");
    std::fs::create_dir_all(&bin).unwrap();
    let table = world.path().join("crontab.txt");
    write_script(
        &bin.join("crontab"),
        &format!(
            "f='{}'\ncase \"$1\" in\n-l) [ -f \"$f\" ] || {{ echo \"no crontab for $USER\" >&2; exit 1; }}; cat \"$f\" ;;\n-) cat > \"$f\" ;;\n*) exit 2 ;;\nesac\n",
            table.display()
        ),
    );
    (table, bin)
}
