//! The hermetic test world: real bare remotes in a temp dir, and teammates
//! each with their own HOME, XDG dirs, git config, zone and a shared clock.
#![allow(dead_code)]

pub mod hook;
#[allow(unused_imports)]
pub use hook::{answer, ok, Hook, Request, SECRET};
pub mod schedule;
pub mod schema;
pub mod servers;

use assert_cmd::Command;
use std::cell::RefCell;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::rc::Rc;

/// A temp dir holding remotes and people, with one clock for all of them.
pub struct World {
    pub root: tempfile::TempDir,
    clock: Rc<RefCell<String>>,
}

/// One teammate on their own machine.
pub struct Person {
    pub handle: String,
    pub home: PathBuf,
    pub tz: String,
    clock: Rc<RefCell<String>>,
    extra_env: RefCell<Vec<(String, String)>>,
}

impl World {
    pub fn new() -> Self {
        World {
            root: tempfile::tempdir().expect("temp dir"),
            clock: Rc::new(RefCell::new("2026-11-24T09:00:00Z".to_string())),
        }
    }

    pub fn path(&self) -> &Path {
        self.root.path()
    }

    /// Sets the clock every person sees (RFC 3339).
    pub fn set_now(&self, now: &str) {
        *self.clock.borrow_mut() = now.to_string();
    }

    /// A new empty bare repository whose HEAD names `branch`.
    pub fn bare_remote(&self, name: &str, branch: &str) -> PathBuf {
        let path = self.path().join(name);
        let out = git_plain()
            .args(["init", "--quiet", "--bare", "-b", branch])
            .arg(&path)
            .output()
            .expect("git init");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        path
    }

    pub fn person(&self, handle: &str, tz: &str) -> Person {
        self.person_on(handle, tz, handle)
    }

    /// A person on a machine of their own called `machine` (one person can have two).
    pub fn person_on(&self, handle: &str, tz: &str, machine: &str) -> Person {
        let home = self.path().join("people").join(machine);
        std::fs::create_dir_all(&home).unwrap();
        let gitconfig = home.join(".gitconfig");
        let mut name = handle.to_string();
        name[..1].make_ascii_uppercase();
        std::fs::write(
            &gitconfig,
            format!("[user]\n\tname = {name}\n\temail = {handle}@example.com\n"),
        )
        .unwrap();
        Person {
            handle: handle.to_string(),
            home,
            tz: tz.to_string(),
            clock: self.clock.clone(),
            extra_env: RefCell::new(Vec::new()),
        }
    }
}

/// git with no user or system config at all, for setting up fixtures.
pub fn git_plain() -> std::process::Command {
    let mut cmd = std::process::Command::new("git");
    cmd.env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Fixture")
        .env("GIT_AUTHOR_EMAIL", "fixture@example.com")
        .env("GIT_COMMITTER_NAME", "Fixture")
        .env("GIT_COMMITTER_EMAIL", "fixture@example.com");
    cmd
}

impl Person {
    fn apply_env(&self, cmd: &mut std::process::Command) {
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("XDG_DATA_HOME", self.home.join(".local/share"))
            .env("XDG_CACHE_HOME", self.home.join(".cache"))
            .env("GIT_CONFIG_GLOBAL", self.home.join(".gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("ASYNC_UP_NOW", self.clock.borrow().as_str())
            .env("TZ", &self.tz)
            .env("LANG", "C.UTF-8")
            .env("USER", &self.handle);
        for (k, v) in self.extra_env.borrow().iter() {
            cmd.env(k, v);
        }
    }

    /// Sets an extra environment variable for every later command.
    pub fn set_env(&self, key: &str, value: &str) {
        let mut env = self.extra_env.borrow_mut();
        env.retain(|(k, _)| k != key);
        env.push((key.to_string(), value.to_string()));
    }

    /// The async-up binary in this person's environment.
    pub fn cmd(&self) -> Command {
        let mut std_cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("async-up"));
        self.apply_env(&mut std_cmd);
        Command::from_std(std_cmd)
    }

    /// The same, as a plain std Command (for spawning).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("async-up"));
        self.apply_env(&mut cmd);
        cmd
    }

    /// Runs async-up with `args`, returning the output whatever the exit code.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run async-up")
    }

    /// Runs async-up and asserts it exits with `code`; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        self.expect(0, args)
    }

    pub fn expect(&self, code: i32, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "async-up {args:?} as {}\nstdout:\n{}\nstderr:\n{}",
            self.handle,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if code != 2 && schema::asks_for_json(args) {
            schema::validate(args, &out.stdout);
        }
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Runs async-up and parses stdout as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        assert!(
            matches!(out.status.code(), Some(0) | Some(1)),
            "async-up {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        schema::validate(args, &out.stdout);
        serde_json::from_slice(&out.stdout).expect("JSON on stdout")
    }

    /// Any program in this person's environment, with the async-up binary's
    /// folder first on the PATH.
    pub fn program(&self, name: &str) -> std::process::Command {
        let mut cmd = std::process::Command::new(name);
        self.apply_env(&mut cmd);
        let bin = assert_cmd::cargo::cargo_bin("async-up");
        cmd.env(
            "PATH",
            format!(
                "{}:{}",
                bin.parent().unwrap().display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .current_dir(&self.home);
        cmd
    }

    /// git in this person's environment.
    pub fn git(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new("git");
        self.apply_env(&mut cmd);
        cmd
    }

    /// A bash command line in this person's environment, run from their home,
    /// with `extra_path` put before PATH.
    pub fn shell(&self, line: &str, extra_path: &Path) -> Output {
        let mut cmd = std::process::Command::new("bash");
        self.apply_env(&mut cmd);
        let path = format!(
            "{}:{}",
            extra_path.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        cmd.env("PATH", path)
            .arg("-c")
            .arg(line)
            .current_dir(&self.home)
            .output()
            .expect("run bash")
    }

    /// The person's mirror of team `team`.
    pub fn mirror(&self, team: &str) -> PathBuf {
        self.home
            .join(".local/share/async-up/teams")
            .join(format!("{team}.git"))
    }

    pub fn config_file(&self) -> PathBuf {
        self.home.join(".config/async-up/config.toml")
    }
}

/// Runs git and returns stdout, asserting success.
pub fn git_ok(cmd: &mut std::process::Command) -> String {
    let out = cmd.output().expect("run git");
    assert!(
        out.status.success(),
        "git failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// The handles of the updates in a `team --format json` document.
pub fn authors(doc: &serde_json::Value) -> Vec<String> {
    doc["updates"]
        .as_array()
        .expect("updates array")
        .iter()
        .map(|u| u["author"].as_str().unwrap().to_string())
        .collect()
}

/// A `git daemon` serving `base` on 127.0.0.1, with push enabled; killed on drop.
pub struct Daemon {
    child: Child,
    pub port: u16,
}

impl Daemon {
    pub fn start(base: &Path) -> Self {
        Self::start_with(base, &[])
    }

    /// A daemon with extra options (`--max-connections=2`, say).
    pub fn start_with(base: &Path, extra: &[&str]) -> Self {
        let port = {
            let l = TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        // Run git-daemon itself: `git daemon` would start it as a child of
        // its own, which killing `git` leaves running.
        let exec_path =
            String::from_utf8(git_plain().arg("--exec-path").output().unwrap().stdout).unwrap();
        let mut daemon = std::process::Command::new(Path::new(exec_path.trim()).join("git-daemon"));
        daemon
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null");
        let child = daemon
            .args([
                "--export-all",
                "--enable=receive-pack",
                "--reuseaddr",
                "--listen=127.0.0.1",
            ])
            .arg(format!("--port={port}"))
            .args(extra)
            .arg(format!("--base-path={}", base.display()))
            .arg(base)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("git daemon (install git-daemon-sysvinit or git's daemon)");
        let daemon = Daemon { child, port };
        for _ in 0..200 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return daemon;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        panic!("git daemon did not start on port {port}");
    }

    pub fn url(&self, repo: &str) -> String {
        format!("git://127.0.0.1:{}/{repo}", self.port)
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// The work counter `name` a run printed with `ASYNC_UP_DEBUG_COUNTS=1`
/// (0 when it never counted).
pub fn counter(out: &Output, name: &str) -> u64 {
    stderr(out)
        .lines()
        .filter_map(|l| l.strip_prefix("async-up-count "))
        .filter_map(|l| l.split_once(' '))
        .find(|(n, _)| *n == name)
        .map_or(0, |(_, v)| v.parse().unwrap())
}

/// Feeds a `git fast-import` stream to the repository at `repo` (bare or
/// not): thousands of commits in a second.
pub fn fast_import(repo: &Path, stream: &str) {
    use std::io::Write;
    let mut child = git_plain()
        .arg("-C")
        .arg(repo)
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stream.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
}

/// A clone of a team remote made with the git CLI, for writing into the
/// team repo the way a teammate with plain git (or bad intentions) would.
pub struct Checkout {
    pub dir: PathBuf,
}

impl Checkout {
    /// Clones `remote` into a new folder of the world.
    pub fn of(world: &World, remote: &Path) -> Self {
        let mut n = 0;
        let dir = loop {
            let candidate = world.path().join(format!("checkout-{n}"));
            if !candidate.exists() {
                break candidate;
            }
            n += 1;
        };
        git_ok(git_plain().args(["clone", "--quiet"]).arg(remote).arg(&dir));
        Checkout { dir }
    }

    /// Writes a file, creating its folders.
    pub fn put(&self, path: &str, content: impl AsRef<[u8]>) {
        let full = self.dir.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, content).unwrap();
    }

    /// Reads a file.
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.dir.join(path)).unwrap()
    }

    /// Commits everything as the fixture identity and pushes.
    pub fn push(&self, message: &str) {
        self.push_as("fixture@example.com", message);
    }

    /// Commits everything with `email` as author and committer, rebases on
    /// the remote and pushes.
    pub fn push_as(&self, email: &str, message: &str) {
        let git = |args: &[&str]| {
            git_ok(
                git_plain()
                    .arg("-C")
                    .arg(&self.dir)
                    .env("GIT_AUTHOR_EMAIL", email)
                    .env("GIT_COMMITTER_EMAIL", email)
                    .args(args),
            )
        };
        git(&["add", "-A"]);
        git(&["commit", "--quiet", "-m", message]);
        git(&["pull", "--quiet", "--rebase", "origin"]);
        git(&["push", "--quiet", "origin", "HEAD"]);
    }
}

/// A new passphrase-less ed25519 key `dir/name` for `email`: its private key
/// path and its public line.
pub fn keygen(dir: &Path, name: &str, email: &str) -> (PathBuf, String) {
    std::fs::create_dir_all(dir).unwrap();
    let key = dir.join(name);
    git_ok(
        std::process::Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", email, "-f"])
            .arg(&key),
    );
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    (key, public.trim().to_string())
}

/// Plain git in `dir`, committing as `email` (author and committer), the
/// way a teammate with push access writes; returns stdout, trimmed.
pub fn git_as(dir: &Path, email: &str, args: &[&str]) -> String {
    git_ok(
        git_plain()
            .arg("-C")
            .arg(dir)
            .env("GIT_AUTHOR_EMAIL", email)
            .env("GIT_COMMITTER_EMAIL", email)
            .args(args),
    )
    .trim()
    .to_string()
}
