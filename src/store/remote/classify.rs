//! What a failed conversation with a remote means. Three kinds, never
//! confused, because each asks for something different:
//!
//! - **unreachable** (no such host, connection refused, timed out): work
//!   offline, keep the update, push it next time;
//! - **transient** (connection reset, the remote hung up, HTTP 5xx, too many
//!   connections): the server is there but busy, so try again after a
//!   jittered pause, and only after a few tries call it unreachable;
//! - **refused** (authentication failed, permission denied): the server
//!   answered and said no; waiting changes nothing, the user must act.
//!
//! The words come from git, ssh, curl, libgit2 or the server itself, so they
//! are matched loosely and in lower case; a refusal wins over the rest,
//! since ssh ends a refused login with the same "could not read from remote
//! repository" as a dropped connection.

use crate::error::Error;
use std::time::{Duration, Instant};

/// The kind of a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Unreachable,
    Transient,
    Refused,
}

/// A failed attempt: a network failure of some kind, or any other error.
pub(super) enum Failure {
    Net { kind: Kind, message: String },
    Other(Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Other(e)
    }
}

const REFUSED: [&str; 14] = [
    "authentication failed",
    "permission denied",
    "could not read username",
    "could not read password",
    "invalid username or password",
    "invalid credentials",
    "returned error: 401",
    "returned error: 403",
    "status code: 401",
    "status code: 403",
    "failed to authenticate",
    "authentication required",
    "no credentials worked",
    "too many redirects or authentication replays",
];

/// Words that say nobody answered, whatever else follows.
const UNREACHABLE: [&str; 10] = [
    "does not appear to be a git repository",
    "repository not exported",
    "not found",
    "could not resolve",
    "name or service not known",
    "connection refused",
    "no route to host",
    "network is unreachable",
    "timed out",
    "failed to resolve address",
];

/// Words that say the server was there and let go: git's own "could not
/// read from remote repository" comes last here, since it follows a refused
/// login and an unknown host too (both matched above); alone, it is a
/// connection dropped before a word (`git daemon` over its limit).
const TRANSIENT: [&str; 15] = [
    "connection reset",
    "hung up",
    "early eof",
    "broken pipe",
    "unexpected disconnect",
    "connection closed",
    "returned error: 5",
    "status code: 5",
    "service unavailable",
    "server busy",
    "too many connections",
    "too many children",
    "try again",
    "rpc failed",
    "could not read from remote repository",
];

/// Classifies git's (or libgit2's) words about a failure.
pub(super) fn kind_of(message: &str) -> Kind {
    let lower = message.to_ascii_lowercase();
    if REFUSED.iter().any(|m| lower.contains(m)) {
        Kind::Refused
    } else if UNREACHABLE.iter().any(|m| lower.contains(m)) {
        Kind::Unreachable
    } else if TRANSIENT.iter().any(|m| lower.contains(m)) {
        Kind::Transient
    } else {
        Kind::Unreachable
    }
}

/// git's stderr as one line of its own words: progress lines dropped, the
/// rest joined with "; ".
pub(super) fn message_of(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty() && !is_progress(l))
        .collect();
    if lines.is_empty() {
        NO_REASON.to_string()
    } else {
        lines.join("; ")
    }
}

/// A line of git's `--progress` output (its own or the server's), or of the
/// ref report a fetch or clone prints without `--quiet` (which async-up
/// leaves out: it silences the transfer progress the watchdog watches).
pub(super) fn is_progress(line: &str) -> bool {
    if line.starts_with("From ")
        || line.starts_with("To ")
        || line.starts_with("Cloning into")
        || line.starts_with(" * ")
        || line.starts_with(" - ")
        || line.starts_with(" + ")
        || line.starts_with("   ")
    {
        return true;
    }
    let line = line.strip_prefix("remote:").map_or(line, str::trim_start);
    [
        "Enumerating objects",
        "Counting objects",
        "Compressing objects",
        "Receiving objects",
        "Resolving deltas",
        "Writing objects",
        "Delta compression",
        "Total ",
        "Unpacking objects",
        "Checking connectivity",
    ]
    .iter()
    .any(|p| line.starts_with(p))
}

/// A failure from git's stderr. A git that failed without a word was cut
/// off mid-conversation (a busy `git daemon` kills connections over its
/// limit), which is transient: nothing unreachable goes unexplained.
pub(super) fn from_stderr(stderr: &[u8]) -> Failure {
    let message = message_of(stderr);
    let kind = if message == NO_REASON {
        Kind::Transient
    } else {
        kind_of(&message)
    };
    Failure::Net { kind, message }
}

const NO_REASON: &str = "git gave no reason";

/// A failure from libgit2: its timeout and authentication codes first,
/// then its words.
pub(super) fn from_libgit2(e: &git2::Error) -> Failure {
    let message = e.message().to_string();
    let kind = match e.code() {
        git2::ErrorCode::Timeout => {
            return Failure::Net {
                kind: Kind::Unreachable,
                message: super::timeout::timed_out_message(),
            }
        }
        git2::ErrorCode::Auth => Kind::Refused,
        _ if message.to_ascii_lowercase().contains("timed out") => {
            return Failure::Net {
                kind: Kind::Unreachable,
                message: super::timeout::timed_out_message(),
            }
        }
        _ => kind_of(&message),
    };
    Failure::Net { kind, message }
}

/// How many times a transient failure is tried in all.
const TRANSIENT_TRIES: u32 = 8;
/// No new try starts after this long.
const TRANSIENT_BUDGET: Duration = Duration::from_secs(60);

/// Runs `attempt`, trying again after a jittered pause while it fails in a
/// transient way; then turns what is left into the library's errors.
pub(super) fn with_retries<T>(
    url: &str,
    transport: super::Transport,
    mut attempt: impl FnMut() -> Result<T, Failure>,
) -> crate::error::Result<T> {
    let started = Instant::now();
    let mut tries = 0;
    loop {
        tries += 1;
        match attempt() {
            Ok(value) => return Ok(value),
            Err(Failure::Other(e)) => return Err(e),
            Err(Failure::Net {
                kind: Kind::Transient,
                message,
            }) => {
                if tries >= TRANSIENT_TRIES || started.elapsed() > TRANSIENT_BUDGET {
                    return Err(Error::Unreachable {
                        remote: super::redact(url),
                        message: format!("{message} (still failing after {tries} tries)"),
                    });
                }
                pause(tries);
            }
            Err(Failure::Net {
                kind: Kind::Unreachable,
                message,
            }) => return Err(super::hints::unreachable(url, transport, message)),
            Err(Failure::Net {
                kind: Kind::Refused,
                message,
            }) => return Err(super::hints::refused(url, message)),
        }
    }
}

/// Full jitter under a doubling ceiling: 250 ms, 500 ms, ... up to 4 s.
fn pause(tries: u32) {
    let ceiling_ms = (250u64 << tries.min(4)).min(4000);
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0)
        ^ std::process::id().wrapping_mul(2_654_435_761);
    let pause = u64::from(seed.wrapping_mul(2_246_822_519)) % ceiling_ms;
    std::thread::sleep(Duration::from_millis(pause.max(50)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_three_kinds_apart() {
        for (words, kind) in [
            ("fatal: Authentication failed for 'http://h/t.git/'", Kind::Refused),
            ("git@h: Permission denied (publickey).; fatal: Could not read from remote repository.", Kind::Refused),
            ("fatal: could not read Username for 'https://h': terminal prompts disabled", Kind::Refused),
            ("fatal: unable to access 'http://h/t.git/': The requested URL returned error: 503", Kind::Transient),
            ("fatal: the remote end hung up unexpectedly", Kind::Transient),
            ("fatal: read error: Connection reset by peer", Kind::Transient),
            ("fatal: Could not read from remote repository.; Please make sure you have the correct access rights; and the repository exists.", Kind::Transient),
            ("fatal: '/srv/x.git' does not appear to be a git repository; fatal: Could not read from remote repository.", Kind::Unreachable),
            ("fatal: unable to connect to 127.0.0.1: Connection refused", Kind::Unreachable),
            ("ssh: Could not resolve hostname nowhere: Name or service not known; fatal: Could not read from remote repository.", Kind::Unreachable),
        ] {
            assert_eq!(kind_of(words), kind, "{words}");
        }
    }

    #[test]
    fn drops_progress_lines() {
        let stderr = b"remote: Counting objects: 3\rReceiving objects: 100% (3/3)\nfatal: the remote end hung up unexpectedly\n";
        assert_eq!(
            message_of(stderr),
            "fatal: the remote end hung up unexpectedly"
        );
    }
}
