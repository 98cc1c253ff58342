//! The processes async-up started (git fetches and pushes, mostly), so that
//! an interrupted async-up ends them instead of leaving them behind. A git
//! left running after its async-up died keeps the mirror lock (it inherits
//! it, see [`super::Store::lock`]) and can stall forever on a dead network.
//!
//! Code that starts a child in a process group of its own (to end it and
//! its helpers, ssh or `git-remote-https`, together) registers the group:
//! either through [`spawn`], which starts and registers under one lock so a
//! signal cannot fall in between, or with [`register`] right after its own
//! spawn and [`unregister`] once the child is reaped.
//!
//! On SIGINT or SIGTERM, `main` calls [`terminate_all`]: every registered
//! group gets SIGTERM, and so does every process below this one (on Linux,
//! found in `/proc`), registered or not. What has not exited after a grace
//! period gets SIGKILL. From then on [`spawn`] refuses to start anything.
//!
//! Off Unix there are no process groups or signals to send: a child is
//! ended with its own children by `taskkill /T /F` (see [`kill_group`]).

use std::collections::BTreeSet;
use std::process::{Child, Command};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Registered process groups, and whether the process is shutting down.
static GROUPS: Mutex<Registry> = Mutex::new(Registry {
    groups: BTreeSet::new(),
    closing: false,
});
/// While set, SIGINT belongs to an editor in the foreground (as in git).
static INTERRUPTS_HELD: AtomicBool = AtomicBool::new(false);
/// How long the children get to exit after SIGTERM.
const GRACE: Duration = Duration::from_secs(2);
#[cfg(unix)]
const TERM: i32 = libc::SIGTERM;
#[cfg(unix)]
const KILL: i32 = libc::SIGKILL;
#[cfg(not(unix))]
const TERM: i32 = 15;
#[cfg(not(unix))]
const KILL: i32 = 9;

struct Registry {
    groups: BTreeSet<i32>,
    closing: bool,
}

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    GROUPS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Notes that process group `pgid` was started by this process. When the
/// process is already shutting down, the group is ended at once.
pub fn register(pgid: i32) {
    let mut reg = registry();
    if reg.closing {
        signal_group(pgid, KILL);
    } else if pgid > 1 {
        reg.groups.insert(pgid);
    }
}

/// Forgets process group `pgid`: its leader has been reaped.
pub fn unregister(pgid: i32) {
    registry().groups.remove(&pgid);
}

/// Starts `cmd` as the leader of a new process group and registers the
/// group; refuses once a signal has asked this process to end.
pub fn spawn(cmd: &mut Command) -> std::io::Result<Child> {
    let mut reg = registry();
    if reg.closing {
        return Err(std::io::Error::new(
            std::io::ErrorKind::Interrupted,
            "async-up is ending on a signal",
        ));
    }
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(cmd, 0);
    // A SIGKILL gives async-up no chance to end its children: on Linux the
    // kernel ends them when it dies, or a git stalled on the network would
    // hold the mirror lock (which it inherits) for ever.
    #[cfg(target_os = "linux")]
    // SAFETY: prctl(2) is async-signal-safe, and runs in the child between
    // fork and exec with nothing else to disturb.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(cmd, || {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
    let child = cmd.spawn()?;
    let pgid = child.id() as i32;
    reg.groups.insert(pgid);
    Ok(child)
}

/// Whether a signal has asked this process to end.
pub fn closing() -> bool {
    registry().closing
}

/// Lets SIGINT go to a foreground child (an editor) until dropped: Ctrl-C in
/// the editor is the editor's, as git does while `git commit` edits.
pub fn hold_interrupts() -> InterruptsHeld {
    INTERRUPTS_HELD.store(true, Ordering::SeqCst);
    InterruptsHeld(())
}

/// See [`hold_interrupts`].
pub struct InterruptsHeld(());

impl Drop for InterruptsHeld {
    fn drop(&mut self) {
        INTERRUPTS_HELD.store(false, Ordering::SeqCst);
    }
}

/// Whether SIGINT should be left to a foreground editor.
pub fn interrupts_held() -> bool {
    INTERRUPTS_HELD.load(Ordering::SeqCst)
}

/// Ends every process this one started: SIGTERM, a grace period, then
/// SIGKILL. Marks the process as closing, so nothing new is started.
pub fn terminate_all() {
    let groups: Vec<i32> = {
        let mut reg = registry();
        reg.closing = true;
        reg.groups.iter().copied().collect()
    };
    let pids = descendants();
    for &g in &groups {
        signal_group(g, TERM);
    }
    for &p in &pids {
        signal_pid(p, TERM);
    }
    let started = Instant::now();
    while started.elapsed() < GRACE
        && (groups.iter().any(|&g| group_alive(g)) || pids.iter().any(|&p| pid_alive(p)))
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    for &g in &groups {
        signal_group(g, KILL);
    }
    for &p in pids.iter().filter(|&&p| pid_alive(p)) {
        signal_pid(p, KILL);
    }
}

/// Ends the group that `spawn` started with `pgid` at its head, at once.
pub fn kill_group(pgid: i32) {
    signal_group(pgid, KILL);
}

#[cfg(unix)]
fn signal_group(pgid: i32, signal: i32) {
    if pgid > 1 {
        // SAFETY: kill(2) on a negative pid signals a process group we started.
        unsafe {
            libc::kill(-pgid, signal);
        }
    }
}

/// Off Unix only the final kill is sent, to the child and its children.
#[cfg(not(unix))]
fn signal_group(pid: i32, signal: i32) {
    if pid > 1 && signal == KILL {
        let _ = Command::new("taskkill")
            .args(["/T", "/F", "/PID", &pid.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }
}

#[cfg(not(unix))]
fn signal_pid(pid: i32, signal: i32) {
    signal_group(pid, signal);
}

#[cfg(unix)]
fn signal_pid(pid: i32, signal: i32) {
    if pid > 1 {
        // SAFETY: kill(2) on a process below this one.
        unsafe {
            libc::kill(pid, signal);
        }
    }
}

#[cfg(not(unix))]
fn group_alive(_: i32) -> bool {
    false
}

#[cfg(unix)]
fn group_alive(pgid: i32) -> bool {
    // SAFETY: signal 0 only checks that the group exists.
    pgid > 1 && unsafe { libc::kill(-pgid, 0) } == 0 && {
        #[cfg(target_os = "linux")]
        {
            proc_table()
                .iter()
                .any(|p| p.pgid == pgid && p.state != 'Z')
        }
        #[cfg(not(target_os = "linux"))]
        {
            true
        }
    }
}

fn pid_alive(pid: i32) -> bool {
    #[cfg(target_os = "linux")]
    {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|s| parse_stat(pid, &s))
            .is_some_and(|p| p.state != 'Z')
    }
    #[cfg(all(unix, not(target_os = "linux")))]
    {
        // SAFETY: signal 0 only checks that the process exists.
        unsafe { libc::kill(pid, 0) == 0 }
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// Every live process below this one, whatever its group, so a child that
/// was not registered is ended too. Empty where there is no `/proc`: there
/// only registered groups are ended.
fn descendants() -> Vec<i32> {
    #[cfg(target_os = "linux")]
    {
        let me = std::process::id() as i32;
        let table = proc_table();
        let mut found = Vec::new();
        let mut parents = vec![me];
        while let Some(parent) = parents.pop() {
            for p in table.iter().filter(|p| p.ppid == parent) {
                parents.push(p.pid);
                if p.state != 'Z' {
                    found.push(p.pid);
                }
            }
        }
        found
    }
    #[cfg(not(target_os = "linux"))]
    {
        Vec::new()
    }
}

#[cfg(target_os = "linux")]
struct Proc {
    pid: i32,
    ppid: i32,
    pgid: i32,
    state: char,
}

#[cfg(target_os = "linux")]
fn proc_table() -> Vec<Proc> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.flatten()
        .filter_map(|e| {
            let pid: i32 = e.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
            parse_stat(pid, &stat)
        })
        .collect()
}

/// `/proc/PID/stat`: "pid (comm) state ppid pgrp ..."; comm may hold spaces
/// and parentheses, so the fields are read after the last `)`.
#[cfg(target_os = "linux")]
fn parse_stat(pid: i32, stat: &str) -> Option<Proc> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let ppid = fields.next()?.parse().ok()?;
    let pgid = fields.next()?.parse().ok()?;
    Some(Proc {
        pid,
        ppid,
        pgid,
        state,
    })
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn stat_lines_with_odd_names() {
        let p = parse_stat(42, "42 (git (remote) x) S 7 42 7 0 -1").unwrap();
        assert_eq!((p.pid, p.ppid, p.pgid, p.state), (42, 7, 42, 'S'));
        assert!(parse_stat(1, "garbage").is_none());
    }
}
