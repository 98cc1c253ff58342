//! A bound on every wait for a remote. A stalled network, a server that
//! accepts and never answers, a proxy that swallows the stream: without a
//! bound, `write` would hang with the update committed and nobody told.
//!
//! The bound is on *no progress*, not on the whole operation: a big first
//! fetch on a slow link may take minutes, but it keeps moving. The system
//! git runs in a process group of its own under a watchdog that counts any
//! byte on its stdout or stderr (fetch, push and clone run with
//! `--progress`) as progress and kills the whole group (git, ssh, a remote
//! helper) after the bound passes in silence. ssh and http get their own
//! keepalive and low-speed settings too, unless the user set their own.
//! libgit2 gets its server connect and read timeouts and a transfer watchdog.

use crate::error::{Error, Result};
use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::OnceLock;
use std::time::Duration;

/// The environment variable that sets the bound, in seconds (wins over the config).
pub const ENV: &str = "ASYNC_UP_NETWORK_TIMEOUT";
/// The bound when nothing sets it.
pub const DEFAULT: Duration = Duration::from_secs(30);

static CONFIGURED: OnceLock<Duration> = OnceLock::new();

/// Resolves the bound from `ASYNC_UP_NETWORK_TIMEOUT`, else the user
/// config's `network_timeout`, else 30 s, for the rest of the process.
pub fn configure(from_config: Option<u64>, config_file: &std::path::Path) -> Result<Duration> {
    let bound = match std::env::var(ENV).ok().filter(|v| !v.trim().is_empty()) {
        Some(value) => parse(&value).ok_or_else(|| {
            Error::Usage(format!(
                "{ENV}={value:?} is not a number of seconds (a whole number from 1); unset it or give e.g. {ENV}=30"
            ))
        })?,
        None => match from_config {
            // The same range as the variable: 0 would bound nothing, and
            // 99999999999 seconds is no bound either.
            Some(secs @ 1..=MAX_SECS) => Duration::from_secs(secs),
            Some(secs) => {
                return Err(Error::BadFile {
                    path: config_file.display().to_string(),
                    message: format!(
                        "network_timeout = {secs}: give a number of seconds from 1 to {MAX_SECS}"
                    ),
                })
            }
            None => DEFAULT,
        },
    };
    let _ = CONFIGURED.set(bound);
    Ok(bound)
}

/// The longest bound: a day without progress.
const MAX_SECS: u64 = 86_400;

fn parse(value: &str) -> Option<Duration> {
    let secs: u64 = value.trim().parse().ok()?;
    (1..=MAX_SECS)
        .contains(&secs)
        .then(|| Duration::from_secs(secs))
}

/// The bound in effect: as configured, else from the environment, else 30 s.
pub fn bound() -> Duration {
    *CONFIGURED.get_or_init(|| {
        std::env::var(ENV)
            .ok()
            .and_then(|v| parse(&v))
            .unwrap_or(DEFAULT)
    })
}

/// How a timeout reads in messages: "timed out after 30 s".
pub fn timed_out_message() -> String {
    format!("timed out after {} s", bound().as_secs())
}

/// Adds ssh and http no-progress settings for `url` to a git command, each
/// only when the user has not set their own: a user's `core.sshCommand` or
/// `GIT_SSH_COMMAND` may be a wrapper that takes other options.
pub(super) fn add_transport_settings(cmd: &mut Command, url: &str) {
    let secs = bound().as_secs().max(1);
    let user = |key: &str| {
        crate::gitconfig::open().is_some_and(|c| c.get_string(key).is_ok_and(|v| !v.is_empty()))
    };
    let env_set = |key: &str| std::env::var_os(key).is_some_and(|v| !v.is_empty());
    if is_ssh(url) && !env_set("GIT_SSH_COMMAND") && !env_set("GIT_SSH") && !user("core.sshCommand")
    {
        // Keepalives every half bound: two unanswered ones end the connection.
        let alive = secs.div_ceil(2);
        cmd.arg("-c").arg(format!(
            "core.sshCommand=ssh -o ConnectTimeout={secs} -o ServerAliveInterval={alive} -o ServerAliveCountMax=2"
        ));
    }
    if is_http(url) && !env_set("GIT_HTTP_LOW_SPEED_LIMIT") && !user("http.lowSpeedLimit") {
        cmd.arg("-c").arg("http.lowSpeedLimit=1");
        cmd.arg("-c").arg(format!("http.lowSpeedTime={secs}"));
    }
}

fn is_http(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn is_ssh(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["ssh://", "git+ssh://", "ssh+git://"]
        .iter()
        .any(|p| lower.starts_with(p))
        || (!url.contains("://") && !super::is_plain_path(url))
}

/// What a git run left behind.
pub(super) struct Ran {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// A git run that ended without an exit status of its own.
pub(super) enum RunError {
    /// No byte came for the whole bound; the group was killed.
    TimedOut,
    /// git could not be started.
    Io(std::io::Error),
}

enum Event {
    Activity,
    ReaderDone,
    Exited(std::io::Result<ExitStatus>),
}

/// Runs `cmd` in a process group of its own; kills the group when neither
/// stdout nor stderr has moved for the bound.
pub(super) fn run(cmd: &mut Command) -> std::result::Result<Ran, RunError> {
    let bound = bound();
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Registered, so that Ctrl-C or SIGTERM ends the group too.
    let mut child = crate::store::children::spawn(cmd).map_err(RunError::Io)?;
    let pid = child.id() as i32;
    let (tx, rx) = mpsc::channel();
    let stdout = reader(child.stdout.take(), tx.clone(), false);
    let stderr = reader(child.stderr.take(), tx.clone(), super::progress::enabled());
    std::thread::spawn(move || {
        let _ = tx.send(Event::Exited(child.wait()));
    });
    let mut timed_out = false;
    let mut readers_done = 0;
    let mut exited = None;
    while exited.is_none() || readers_done < 2 {
        // Once git has exited, a grandchild may still hold the pipes open
        // (an ssh control master): wait for them a moment, not for ever.
        let wait = if exited.is_some() {
            Duration::from_millis(200)
        } else {
            bound
        };
        match rx.recv_timeout(wait) {
            Ok(Event::Activity) => {}
            Ok(Event::ReaderDone) => readers_done += 1,
            Ok(Event::Exited(status)) => exited = Some(status),
            Err(_) if exited.is_some() => break,
            Err(_) => {
                timed_out = true;
                crate::store::children::kill_group(pid);
            }
        }
    }
    crate::store::children::unregister(pid);
    if timed_out {
        return Err(RunError::TimedOut);
    }
    let status = exited
        .expect("the loop ends after the exit")
        .map_err(RunError::Io)?;
    Ok(Ran {
        status,
        stdout: take(&stdout),
        stderr: take(&stderr),
    })
}

type Buffer = std::sync::Arc<std::sync::Mutex<Vec<u8>>>;

/// Collects a pipe, and with `show` passes git's progress counters in it
/// through to stderr.
fn reader(pipe: Option<impl Read + Send + 'static>, tx: mpsc::Sender<Event>, show: bool) -> Buffer {
    let buffer = Buffer::default();
    let out = buffer.clone();
    std::thread::spawn(move || {
        let mut shown = show.then(super::progress::PassThrough::default);
        if let Some(mut pipe) = pipe {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = pipe.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                if let Ok(mut b) = out.lock() {
                    // A server may talk for ever; keep the first megabyte.
                    if b.len() < 1 << 20 {
                        b.extend_from_slice(&chunk[..n]);
                    }
                }
                if let Some(shown) = shown.as_mut() {
                    shown.feed(&chunk[..n]);
                }
                let _ = tx.send(Event::Activity);
            }
        }
        if let Some(shown) = shown.as_mut() {
            shown.finish();
        }
        let _ = tx.send(Event::ReaderDone);
    });
    buffer
}

fn take(buffer: &Buffer) -> Vec<u8> {
    buffer
        .lock()
        .map(|mut b| std::mem::take(&mut *b))
        .unwrap_or_default()
}

/// Gives libgit2 the bound as its server connect and read timeouts, once.
pub(super) fn apply_to_libgit2() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| {
        let ms = i32::try_from(bound().as_millis()).unwrap_or(i32::MAX);
        // SAFETY: set before any libgit2 network call of this process, from
        // one thread; libgit2 reads these options when it opens a socket.
        unsafe {
            let _ = git2::opts::set_server_connect_timeout_in_milliseconds(ms);
            let _ = git2::opts::set_server_timeout_in_milliseconds(ms);
        }
    });
}
