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
    // No `help` subcommand in the pages: it has no page of its own.
    let cmd = Cli::command().disable_help_subcommand(true);
    write_man(&man, "async-up", None, cmd.clone())?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("async-up-{}", sub.get_name());
        // The page is async-up-write(1); its synopsis is the command as typed.
        let page = sub
            .clone()
            .name(name.clone())
            .display_name(name.clone())
            .bin_name(format!("async-up {}", sub.get_name()));
        write_man(&man, &name, Some("async-up"), page)?;
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

/// One page: clap_mangen's sections, then EXIT STATUS (a `.TP` list),
/// ENVIRONMENT and, for a subcommand, SEE ALSO the main page.
fn write_man(dir: &Path, name: &str, parent: Option<&str>, cmd: clap::Command) -> Result<()> {
    let has_version = cmd.get_version().is_some();
    let page = clap_mangen::Man::new(cmd)
        .title(name.to_uppercase())
        .date(MAN_DATE);
    let mut buffer = Vec::new();
    let render = |buffer: &mut Vec<u8>| -> std::io::Result<()> {
        page.render_title(buffer)?;
        page.render_name_section(buffer)?;
        page.render_synopsis_section(buffer)?;
        page.render_description_section(buffer)?;
        page.render_options_section(buffer)?;
        if parent.is_none() {
            page.render_subcommands_section(buffer)?;
        }
        buffer.extend_from_slice(exit_status_and_environment().as_bytes());
        if let Some(parent) = parent {
            buffer.extend_from_slice(format!(".SH \"SEE ALSO\"\n.BR {parent} (1)\n").as_bytes());
        }
        if has_version {
            page.render_version_section(buffer)?;
        }
        Ok(())
    };
    render(&mut buffer).map_err(|e| Error::io(format!("rendering the man page of {name}"), e))?;
    let roff = tidy_roff(&String::from_utf8_lossy(&buffer));
    let path = dir.join(format!("{name}.1"));
    std::fs::write(&path, roff).map_err(|e| Error::io(format!("writing {}", path.display()), e))
}

/// The EXIT STATUS and ENVIRONMENT sections, from the help's text
/// ([`crate::cli::EXIT_CODES`]): "  CODE  meaning" lines under "Exit
/// codes:", then the "Environment: " line.
fn exit_status_and_environment() -> String {
    let mut roff = String::from(".SH \"EXIT STATUS\"\n");
    let mut environment = "";
    for line in crate::cli::EXIT_CODES.lines().skip(1) {
        if let Some(names) = line.strip_prefix("Environment: ") {
            environment = names;
        }
        let Some((code, meaning)) = line.trim_start().split_once("  ") else {
            continue;
        };
        if line.starts_with("  ") && code.starts_with(|c: char| c.is_ascii_digit()) {
            roff.push_str(&format!(
                ".TP\n\\fB{}\\fR\n{}\n",
                escape(code),
                escape(meaning.trim())
            ));
        }
    }
    if !environment.is_empty() {
        roff.push_str(&format!(".SH ENVIRONMENT\n{}\n", escape(environment)));
    }
    roff
}

/// Text made safe for roff: backslashes and hyphens escaped, and a line
/// that would start with a control character guarded.
fn escape(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}

/// clap_mangen puts a line break right before or after a paragraph break,
/// which man page linters warn about; the paragraph break alone says it all.
/// Trailing spaces go, and text lines longer than 80 bytes are broken at
/// spaces (filled text reads the same; `mandoc -W all` asks for it).
fn tidy_roff(roff: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut filled = true;
    for line in roff.lines() {
        let line = line.trim_end();
        // Each section clap_mangen renders defines the quote string again.
        let defines_aq = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
        if defines_aq && lines.iter().any(|l| l == line) {
            continue;
        }
        let is_break = |l: &str| l == ".sp" || l.is_empty();
        if is_break(line) && lines.last().is_some_and(|l| l == ".br") {
            lines.pop();
        }
        if line == ".br" && lines.last().is_some_and(|l| is_break(l)) {
            continue;
        }
        match line {
            ".nf" | ".EX" => filled = false,
            ".fi" | ".EE" => filled = true,
            _ => {}
        }
        if filled && !line.starts_with(['.', '\'']) {
            lines.extend(wrap(line, 80));
        } else {
            lines.push(line.to_string());
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Breaks a roff text line at spaces into lines of at most `width` bytes
/// where a space allows; a piece that would start with `.` or `'` (a
/// control line) is guarded with `\&`, and an escaped space (`\ `) is
/// never a break.
fn wrap(line: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut word = String::new();
    let flush_word = |current: &mut String, word: &mut String, out: &mut Vec<String>| {
        if word.is_empty() {
            return;
        }
        if !current.is_empty() && current.len() + 1 + word.len() > width {
            out.push(std::mem::take(current));
        }
        if current.is_empty() {
            if word.starts_with(['.', '\'']) && !out.is_empty() {
                current.push_str("\\&");
            }
        } else {
            current.push(' ');
        }
        current.push_str(word);
        word.clear();
    };
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            word.push(c);
            if let Some(next) = chars.next() {
                word.push(next);
            }
        } else if c == ' ' {
            flush_word(&mut current, &mut word, &mut out);
        } else {
            word.push(c);
        }
    }
    flush_word(&mut current, &mut word, &mut out);
    if !current.is_empty() || out.is_empty() {
        out.push(current);
    }
    out
}
