//! Completions and man pages, generated from the clap definition (the one
//! source of truth), and the JSON Schemas of `--format json`, generated from
//! the serde types that write it, by the hidden `async-up generate-assets
//! <DIR>` command. The results are committed under `completions/`, `man/`
//! and `schemas/`; a test regenerates them and fails when they differ.

use crate::cli::Cli;
use crate::error::{Error, Result};
use clap::CommandFactory;
use clap_complete::Shell;
use std::path::Path;

/// The date on the man pages: fixed, so regenerating gives the same files.
const MAN_DATE: &str = "2026-11-24";

/// The shells completions are written for.
pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::Elvish,
    Shell::PowerShell,
];

/// Writes `completions/`, `man/` and `schemas/` under `root`.
pub fn write_all(root: &Path) -> Result<()> {
    let completions = root.join("completions");
    let man = root.join("man");
    let schemas = root.join("schemas");
    for dir in [&completions, &man, &schemas] {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
    }
    for shell in SHELLS {
        let mut cmd = Cli::command();
        let path = clap_complete::generate_to(shell, &mut cmd, "async-up", &completions)
            .map_err(|e| Error::io(format!("writing {shell} completions"), e))?;
        if shell == Shell::Bash {
            fix_bash_names(&path)?;
        }
    }
    let cmd = Cli::command();
    write_man(&man, "async-up", cmd.clone())?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("async-up-{}", sub.get_name());
        let page = sub.clone().name(name.clone()).display_name(name.clone());
        write_man(&man, &name, page)?;
    }
    for (name, schema) in crate::render::json::schemas() {
        let path = schemas.join(format!("{name}.json"));
        let text = serde_json::to_string_pretty(&schema).expect("a schema serializes") + "\n";
        std::fs::write(&path, text)
            .map_err(|e| Error::io(format!("writing {}", path.display()), e))?;
    }
    Ok(())
}

/// clap_complete names the bash states of a hyphenated binary two ways
/// (`async__up__subcmd__team` where it sets them, `async__subcmd__up__...`
/// where it matches them), so nothing after the subcommand completed. One
/// spelling makes subcommand flags complete; the bash test proves it.
fn fix_bash_names(path: &Path) -> Result<()> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("reading {}", path.display()), e))?;
    let fixed = text.replace("async__subcmd__up", "async__up");
    std::fs::write(path, fixed).map_err(|e| Error::io(format!("writing {}", path.display()), e))
}

fn write_man(dir: &Path, name: &str, cmd: clap::Command) -> Result<()> {
    let mut buffer = Vec::new();
    clap_mangen::Man::new(cmd)
        .date(MAN_DATE)
        .render(&mut buffer)
        .map_err(|e| Error::io(format!("rendering the man page of {name}"), e))?;
    let roff = tidy_roff(&String::from_utf8_lossy(&buffer));
    let path = dir.join(format!("{name}.1"));
    std::fs::write(&path, roff).map_err(|e| Error::io(format!("writing {}", path.display()), e))
}

/// clap_mangen puts a line break right before or after a paragraph break,
/// which man page linters warn about; the paragraph break alone says it all.
fn tidy_roff(roff: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in roff.lines() {
        let is_break = |l: &str| l == ".sp" || l.is_empty();
        if is_break(line) && lines.last() == Some(&".br") {
            lines.pop();
        }
        if line == ".br" && lines.last().is_some_and(|l| is_break(l)) {
            continue;
        }
        lines.push(line);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
