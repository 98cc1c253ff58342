//! The library's one error type. `main` maps it to an exit code in one place;
//! every variant's message says what happened and, where it can, what to do.

use std::path::PathBuf;

/// Everything that can stop an async-up command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value given on the command line or in the environment is not acceptable.
    #[error("{0}")]
    Usage(String),

    /// A handle that does not match `^[a-z0-9][a-z0-9._-]{0,38}$`.
    #[error("invalid handle {0:?}: a handle is 1 to 39 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit")]
    InvalidHandle(String),

    /// The named team is not in the user config.
    #[error(
        "unknown team {name:?}; configured teams: {known}. Join one with `async-up init <REMOTE>`"
    )]
    UnknownTeam {
        /// The name asked for.
        name: String,
        /// The configured names, comma separated (or "none").
        known: String,
    },

    /// A file (config, update, member file) could not be parsed.
    #[error("{path}: {message}")]
    BadFile {
        /// Where the file lives (a path in the repo or on disk).
        path: String,
        /// What is wrong with it.
        message: String,
    },

    /// `write` was asked to write nothing.
    #[error("nothing to write: give --yesterday, --today, --blocker, --resolve or --mood, or run `async-up write` in a terminal to be asked")]
    NothingToWrite,

    /// The remote could not be reached; local work is kept.
    #[error("could not reach the remote {remote}: {message}")]
    Unreachable {
        /// The remote's URL.
        remote: String,
        /// What git said.
        message: String,
    },

    /// The server answered and said no: wrong credentials, a key it does not
    /// accept, no right to the repository. Not offline: trying again later
    /// changes nothing until someone fixes the cause.
    #[error("the remote {remote} refused access: {reason}\nto fix: {fix}\nanything you wrote stays committed locally; `async-up sync` pushes it once this is fixed")]
    Refused {
        /// The remote's URL (credentials removed).
        remote: String,
        /// The server's (or git's) own words.
        reason: String,
        /// What to do about it.
        fix: String,
    },

    /// The remote cannot be reached the way it is written, whatever the
    /// network does: an ssh alias or an unknown host key under libgit2.
    #[error("cannot connect to {remote}: {reason}\nto fix: {fix}")]
    CannotConnect {
        /// The remote's URL (credentials removed).
        remote: String,
        /// What went wrong.
        reason: String,
        /// What to do about it.
        fix: String,
    },

    /// The server refused a push for a reason other than someone pushing first.
    #[error("the remote refused the push: {reason}\nyour update is committed locally and still pending; fix the cause and run `async-up sync`")]
    PushRejected {
        /// The server's own words.
        reason: String,
    },

    /// Pushes kept losing the race to other writers.
    #[error("gave up pushing after {attempts} attempts because others kept pushing first; your update is committed locally, run `async-up sync` to try again")]
    PushContended {
        /// How many pushes were tried.
        attempts: u32,
    },

    /// A path is not a git repository.
    #[error("{path}: not a git repository ({message})")]
    NotARepo {
        /// The path given.
        path: PathBuf,
        /// What git said.
        message: String,
    },

    /// A view over several teams left out the teams named here (each
    /// warned about), after showing the others.
    #[error("could not read team(s) {0} (see the warnings above); the view shows the others, so it is incomplete")]
    TeamsLeftOut(String),

    /// `--require-fresh` was given and the remote could not be fetched.
    #[error("the remote could not be fetched and --require-fresh was given: {0}")]
    Stale(String),

    /// Another async-up (or a git it started) kept the mirror locked longer
    /// than this one waits.
    #[error("{holder} still holds {path} after {seconds} s; let it finish or end it, then run the command again (ASYNC_UP_LOCK_WAIT sets how many seconds to wait)")]
    Locked {
        /// The lock file.
        path: PathBuf,
        /// Who holds it, as far as the lock file says.
        holder: String,
        /// How long this command waited.
        seconds: u64,
    },

    /// A chat webhook did not take a post (`--post`).
    #[error("posting to {target} failed: {reason}\nto fix: {fix}")]
    Post {
        /// The webhook, its secret path left out.
        target: String,
        /// What happened: the HTTP status and the server's own words.
        reason: String,
        /// What to do about it.
        fix: String,
    },

    /// A git operation failed.
    #[error("git: {0}")]
    Git(git2::Error),

    /// The disk ran out of space. Every write async-up makes is atomic (a
    /// temporary file renamed, a lock file, a compare-and-swap of a ref), so
    /// a failed one leaves what was there before; `outcome` says what that
    /// means for the command.
    #[error("the disk is full (no space left on device) while {doing}: {detail}\n{outcome}\nFree some space on that disk (`async-up doctor` shows how much is left) and run the command again.")]
    DiskFull {
        /// What was being written.
        doing: String,
        /// What the system said.
        detail: String,
        /// Whether the change was saved, in words.
        outcome: String,
    },

    /// A filesystem operation failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },

    /// Writing to stdout failed because the reader went away (`| head`).
    #[error("broken pipe")]
    BrokenPipe,

    /// Warnings were raised and `--strict` was given.
    #[error("{0} problem(s) with files in the team repository (see the warnings above); --strict makes that an error")]
    Strict(usize),
}

impl Error {
    /// Wraps an I/O error with what was being done.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::BrokenPipe {
            return Error::BrokenPipe;
        }
        if is_storage_full(&source) {
            return Error::DiskFull {
                doing: context.into(),
                detail: source.to_string(),
                outcome: NOTHING_LOST.to_string(),
            };
        }
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// The same error with `outcome` saying what became of the change, when
    /// the disk was full; any other error as it is.
    pub fn with_outcome(self, outcome: &str) -> Self {
        match self {
            Error::DiskFull { doing, detail, .. } => Error::DiskFull {
                doing,
                detail,
                outcome: outcome.to_string(),
            },
            other => other,
        }
    }
}

/// What a failed atomic write leaves behind.
const NOTHING_LOST: &str = "Nothing that was saved before is lost or damaged.";

impl From<git2::Error> for Error {
    fn from(e: git2::Error) -> Self {
        if is_disk_full_text(e.message()) {
            return Error::DiskFull {
                doing: "writing to the repository".to_string(),
                detail: e.message().to_string(),
                outcome: NOTHING_LOST.to_string(),
            };
        }
        Error::Git(e)
    }
}

/// ENOSPC (and EDQUOT, a full quota): `StorageFull` or os error 28.
pub fn is_storage_full(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::StorageFull
        || e.kind() == std::io::ErrorKind::QuotaExceeded
        || raw_enospc(e)
}

#[cfg(unix)]
fn raw_enospc(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(libc::ENOSPC)
}

/// Windows' disk-full codes already map to `StorageFull`.
#[cfg(not(unix))]
fn raw_enospc(_: &std::io::Error) -> bool {
    false
}

/// Whether a message from git or libgit2 says the disk is full. Both pass on
/// the system's own words, `strerror(ENOSPC)`.
pub fn is_disk_full_text(message: &str) -> bool {
    let lower = message.to_ascii_lowercase();
    lower.contains("no space left on device") || lower.contains("disk quota exceeded")
}

/// Why a fetch or push did not happen, for a warning: a full disk is named
/// as such, never blamed on the remote.
pub fn offline_reason(remote: &str, message: &str) -> String {
    if is_disk_full_text(message) {
        format!("the disk is full, so nothing could be fetched from {remote} ({message})")
    } else {
        format!("could not reach {remote} ({message})")
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
