//! Starting the `git` binary on a mirror, safely. The mirror is async-up's
//! own: no hook may run in it, whether dropped into its `hooks/` folder or
//! named by a global `core.hooksPath` (a hook there would run on every fetch
//! and push, and could rewrite what is pushed). The `ext::` and `fd::`
//! transports run commands or read file descriptors and have no use here, so
//! they stay off even when the user's config allows them. Nobody can answer
//! a password prompt from inside async-up, so git never asks for one.
//!
//! Arguments that come from a user or a remote go after `--`, so git never
//! reads them as options (`--upload-pack=...` runs a command).

use std::io::IsTerminal;
use std::process::Command;

/// Config given to every git async-up starts. `-c` outranks every config
/// file, so a global or repository setting cannot turn these back on. They
/// travel to git's own children through `GIT_CONFIG_PARAMETERS`, except to
/// the other end of a push or fetch to a path, which git starts without
/// them: the remote's own side (its `pre-receive` hook, say) is the
/// remote's business, as it is for plain `git push`.
const SAFE_CONFIG: [&str; 3] = [
    // A file, not a folder: git finds no hook in it (checked on git 2.47 by
    // tests/git_safety.rs with real hooks that leave marker files).
    "core.hooksPath=/dev/null",
    "protocol.ext.allow=never",
    "protocol.fd.allow=never",
];

/// A `git` command with no hooks, no `ext::`/`fd::` transport and no
/// password prompt when nobody is at a terminal.
pub(crate) fn git() -> Command {
    let mut cmd = Command::new("git");
    for setting in SAFE_CONFIG {
        cmd.arg("-c").arg(setting);
    }
    if !std::io::stdin().is_terminal() {
        cmd.env("GIT_TERMINAL_PROMPT", "0");
    }
    cmd.stdin(std::process::Stdio::null());
    cmd
}

/// [`git`] working on the repository at `git_dir`. `--git-dir=PATH` as one
/// argument, so even a path starting with `-` stays a path.
pub(crate) fn git_on(git_dir: &std::path::Path) -> Command {
    let mut cmd = git();
    let mut arg = std::ffi::OsString::from("--git-dir=");
    arg.push(git_dir);
    cmd.arg(arg);
    cmd
}
