//! Save first, then talk to the network; and an interrupted async-up ends
//! what it started. The remote is a real `git://` URL served by a listener
//! that accepts and never answers, so a real git client stalls on it.

mod common;
use common::*;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A TCP listener that accepts connections and never says a word.
struct Staller {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Staller {
    fn on(port: u16) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind the staller");
        listener.set_nonblocking(true).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut held = Vec::new();
            while !flag.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => held.push(stream),
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        Staller {
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for Staller {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// git-daemon serving `base` on `port`, with push enabled.
struct DaemonOn(Child);

impl DaemonOn {
    fn start(base: &Path, port: u16) -> Self {
        let exec_path =
            String::from_utf8(git_plain().arg("--exec-path").output().unwrap().stdout).unwrap();
        let child = std::process::Command::new(Path::new(exec_path.trim()).join("git-daemon"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .args([
                "--export-all",
                "--enable=receive-pack",
                "--reuseaddr",
                "--listen=127.0.0.1",
            ])
            .arg(format!("--port={port}"))
            .arg(format!("--base-path={}", base.display()))
            .arg(base)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("git daemon");
        let daemon = DaemonOn(child);
        wait_for("git daemon to listen", || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        daemon
    }
}

impl Drop for DaemonOn {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Polls `ready` with a generous bound; the bound only stops a broken test
/// from hanging, it is not a claim about speed.
fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        if ready() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for {what}");
}

/// (pid, ppid, pgid, state, name) of every process, from /proc.
fn processes() -> Vec<(i32, i32, i32, char, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let name = stat[open + 1..close].to_string();
        let rest: Vec<&str> = stat[close + 1..].split_whitespace().collect();
        if rest.len() < 3 {
            continue;
        }
        let state = rest[0].chars().next().unwrap_or('?');
        out.push((
            pid,
            rest[1].parse().unwrap_or(0),
            rest[2].parse().unwrap_or(0),
            state,
            name,
        ));
    }
    out
}

/// Every process below `root`: (pid, pgid, name).
fn descendants(root: i32) -> Vec<(i32, i32, String)> {
    let all = processes();
    let mut found = Vec::new();
    let mut parents = vec![root];
    while let Some(parent) = parents.pop() {
        for (pid, ppid, pgid, _, name) in &all {
            if *ppid == parent {
                found.push((*pid, *pgid, name.clone()));
                parents.push(*pid);
            }
        }
    }
    found
}

/// Live (not zombie) processes among `pids` or in the groups `pgids`.
fn survivors(pids: &[i32], pgids: &[i32]) -> Vec<String> {
    processes()
        .into_iter()
        .filter(|(pid, _, pgid, state, _)| {
            *state != 'Z' && (pids.contains(pid) || pgids.contains(pgid))
        })
        .map(|(pid, _, pgid, _, name)| format!("{name} (pid {pid}, group {pgid})"))
        .collect()
}

fn committed_in_mirror(mirror: &Path, path: &str) -> bool {
    git_plain()
        .arg("--git-dir")
        .arg(mirror)
        .args(["cat-file", "-e", &format!("refs/heads/main:{path}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn on_remote(remote: &Path, path: &str) -> Option<String> {
    let out = git_plain()
        .arg("--git-dir")
        .arg(remote)
        .args(["show", &format!("main:{path}")])
        .output()
        .unwrap();
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).to_string())
}

/// A team served over `git://` on `port`, alice joined, then the server
/// replaced by one that never answers.
struct Stalled {
    world: World,
    alice: Person,
    base: PathBuf,
    port: u16,
    staller: Option<Staller>,
}

fn stalled_team() -> Stalled {
    let world = World::new();
    let base = world.path().join("srv");
    world.bare_remote("srv/team.git", "main");
    let port = free_port();
    let alice = world.person("alice", "UTC");
    {
        let _daemon = DaemonOn::start(&base, port);
        alice.ok(&["init", &format!("git://127.0.0.1:{port}/team.git")]);
    }
    alice.set_env("ASYNC_UP_LOCK_WAIT", "5");
    let staller = Some(Staller::on(port));
    Stalled {
        world,
        alice,
        base,
        port,
        staller,
    }
}

const TODAY_FILE: &str = "updates/alice/2026/2026-11-24.toml";

/// Starts a write against the stalled remote, in a process group of its
/// own (so a signal reaches only async-up, as `kill PID` does), and waits
/// until its update is in the mirror and a git child is talking to the remote.
fn stalled_write(t: &Stalled) -> Child {
    use std::os::unix::process::CommandExt;
    let mut child = t
        .alice
        .std_cmd()
        .args(["write", "--today", "Saved before the network"])
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mirror = t.alice.mirror("team");
    let pid = child.id() as i32;
    let started = Instant::now();
    while !committed_in_mirror(&mirror, TODAY_FILE) {
        if started.elapsed() > Duration::from_secs(20) || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "the update was not committed to the mirror while the remote stalled\n{}",
                stderr(&out)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    wait_for("a git child talking to the remote", || {
        descendants(pid)
            .iter()
            .any(|(_, _, name)| name.starts_with("git"))
    });
    child
}

fn wait_exit(child: &mut Child) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("async-up did not exit after the signal");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn interrupted_write_is_kept_and_pushed_later(signal: i32, code: Option<i32>) {
    let mut t = stalled_team();
    let mut child = stalled_write(&t);
    let pid = child.id() as i32;
    let below = descendants(pid);
    let pids: Vec<i32> = below.iter().map(|(p, _, _)| *p).collect();
    let mut pgids: Vec<i32> = below.iter().map(|(_, g, _)| *g).collect();
    pgids.push(pid);
    // SAFETY: sending a signal to a child we started.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    let status = wait_exit(&mut child);
    let mut err = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), code, "{status:?}\n{err}");
    // The git children are gone (give the kernel a moment to reap them).
    let mut left = survivors(&pids, &pgids);
    for _ in 0..100 {
        if left.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
        left = survivors(&pids, &pgids);
    }
    assert!(left.is_empty(), "still running: {left:?}\n{err}");
    // The lock is free: this process can take it, and a command that needs it runs.
    let lock = std::fs::File::open(t.alice.mirror("team").join("async-up.lock")).unwrap();
    lock.try_lock().expect("the mirror lock is released");
    drop(lock);
    t.alice.ok(&["write", "--no-push", "--mood", "4"]);
    // The update stayed; the next sync against a working remote pushes it.
    assert!(committed_in_mirror(&t.alice.mirror("team"), TODAY_FILE));
    t.staller = None;
    let _daemon = DaemonOn::start(&t.base, t.port);
    t.alice.ok(&["sync"]);
    let pushed = on_remote(&t.base.join("team.git"), TODAY_FILE).expect("pushed");
    assert!(pushed.contains("Saved before the network"), "{pushed}");
    assert!(pushed.contains("mood = 4"), "{pushed}");
    drop(t.world);
}

#[test]
fn sigint_ends_the_stalled_fetch_and_keeps_the_update() {
    interrupted_write_is_kept_and_pushed_later(libc::SIGINT, Some(130));
}

#[test]
fn sigterm_ends_the_stalled_fetch_and_keeps_the_update() {
    interrupted_write_is_kept_and_pushed_later(libc::SIGTERM, Some(143));
}

/// SIGKILL leaves async-up no chance to end its children: they end with it
/// (the kernel tells them), or a stalled git would hold the mirror lock for
/// ever and no later write could be saved.
#[test]
fn sigkill_takes_the_stalled_git_with_it() {
    interrupted_write_is_kept_and_pushed_later(libc::SIGKILL, None);
}

#[test]
fn a_held_lock_is_named_and_waited_on_within_a_bound() {
    let t = stalled_team();
    let mut first = stalled_write(&t);
    let pid = first.id();
    // A command that needs the lock says who holds it and gives up in time.
    t.alice.set_env("ASYNC_UP_LOCK_WAIT", "1");
    let out = t.alice.run(&["sync"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("waiting for another async-up (pid {pid})")),
        "{err}"
    );
    assert!(err.contains("async-up.lock"), "{err}");
    // --offline commands never wait for it: reads, and a write committed locally.
    for args in [
        &["--offline", "team"][..],
        &["--offline", "blockers"][..],
        &["--offline", "write", "--mood", "3"][..],
    ] {
        let out = t.alice.run(args);
        let err = stderr(&out);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {err}");
        assert!(!err.contains("waiting for"), "{args:?}: {err}");
    }
    // SAFETY: sending a signal to a child we started.
    assert_eq!(unsafe { libc::kill(pid as i32, libc::SIGTERM) }, 0);
    assert_eq!(wait_exit(&mut first).code(), Some(143));
}

/// `away` (and `me`, through the same path) saves the member file before
/// it asks the network, too.
#[test]
fn away_is_saved_before_the_stalled_fetch() {
    use std::os::unix::process::CommandExt;
    let t = stalled_team();
    let mut child = t
        .alice
        .std_cmd()
        .args(["away", "--until", "2026-12-01", "--note", "Saved first"])
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mirror = t.alice.mirror("team");
    let saved = || {
        git_plain()
            .arg("--git-dir")
            .arg(&mirror)
            .args(["show", "refs/heads/main:members/alice.toml"])
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("Saved first"))
    };
    let started = Instant::now();
    while !saved() {
        if started.elapsed() > Duration::from_secs(20) || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the away period was not committed while the remote stalled");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    // SAFETY: sending a signal to a child we started.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGTERM) }, 0);
    assert_eq!(wait_exit(&mut child).code(), Some(143));
}
