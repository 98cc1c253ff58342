//! Completions, man pages, JSON Schemas and examples: generated from the
//! clap definition and the serde types, committed, and kept honest. Regenerating must give the committed files,
//! the real shells must complete with them, mandoc must find no warning, and
//! every example must run against a real team repo.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;
use yaml_rust2::{Yaml, YamlLoader};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Whether `tool` is installed; CI (which installs them) must have it.
fn have(tool: &str) -> bool {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is missing: .ci/run installs it"
        );
        eprintln!("skipped: {tool} is not installed here (CI installs it)");
    }
    found
}

fn files_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn committed_completions_man_pages_and_schemas_are_up_to_date() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(assert_cmd::cargo::cargo_bin("async-up"))
        .arg("generate-assets")
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for dir in ["completions", "man", "schemas"] {
        let fresh = files_of(&tmp.path().join(dir));
        let committed = files_of(&Path::new(ROOT).join(dir));
        let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&fresh),
            names(&committed),
            "{dir}/: run `cargo run -- generate-assets .`"
        );
        for ((name, a), (_, b)) in fresh.iter().zip(&committed) {
            assert!(
                a == b,
                "{dir}/{name} is stale: run `cargo run -- generate-assets .`"
            );
        }
    }
    let pages = files_of(&Path::new(ROOT).join("man"));
    assert!(pages.iter().any(|(n, _)| n == "async-up-write.1"));
    let main_page =
        String::from_utf8_lossy(&pages.iter().find(|(n, _)| n == "async-up.1").unwrap().1)
            .to_string();
    assert!(
        main_page.contains(".SH \"EXIT STATUS\""),
        "the exit codes are in the man page"
    );
}

/// The exit codes are a list of code and meaning, sub-pages show the
/// command as it is typed, and every page named exists.
#[test]
fn man_pages_list_exit_codes_and_name_only_real_pages() {
    let pages = files_of(&Path::new(ROOT).join("man"));
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    for (name, bytes) in &pages {
        let roff = String::from_utf8_lossy(bytes);
        let lines: Vec<&str> = roff.lines().collect();
        let at = lines
            .iter()
            .position(|l| *l == ".SH \"EXIT STATUS\"")
            .unwrap_or_else(|| panic!("{name} has an EXIT STATUS section:\n{roff}"));
        for code in ["0", "1", "2"] {
            assert!(
                lines[at..]
                    .windows(2)
                    .any(|w| w[0] == ".TP" && w[1] == format!("\\fB{code}\\fR")),
                "{name}: exit code {code} as a .TP item:\n{roff}"
            );
        }
        assert!(
            !roff.contains("  0  success"),
            "{name}: no preformatted table"
        );
        let sub = name
            .strip_prefix("async-up-")
            .and_then(|n| n.strip_suffix(".1"));
        if let Some(sub) = sub {
            let synopsis = lines[lines.iter().position(|l| *l == ".SH SYNOPSIS").unwrap() + 1];
            assert!(
                synopsis.starts_with(&format!("\\fBasync\\-up {sub}\\fR")),
                "{name}: {synopsis}"
            );
        }
        let mut rest = roff.as_ref();
        while let Some(at) = rest.find("async\\-up") {
            rest = &rest[at..];
            let end = rest.find("(1)").filter(|e| {
                rest[..*e]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '\\' || c == '-')
            });
            if let Some(end) = end {
                let page = format!("{}.1", rest[..end].replace("\\-", "-"));
                assert!(
                    names.contains(&page.as_str()),
                    "{name} names {page}, which does not exist"
                );
            }
            rest = &rest[1..];
        }
    }
}

/// `mandoc -W all` finds nothing: no warning, and no style note either
/// (lower-case titles, trailing spaces and text lines over 80 bytes are
/// fixed in `src/generate.rs`, not accepted).
#[test]
fn man_pages_pass_mandoc_lint() {
    if !have("mandoc") {
        return;
    }
    for (name, _) in files_of(&Path::new(ROOT).join("man")) {
        let out = Command::new("mandoc")
            .args(["-T", "lint", "-W", "all"])
            .arg(Path::new(ROOT).join("man").join(&name))
            .output()
            .unwrap();
        assert!(
            out.status.success() && out.stdout.is_empty(),
            "mandoc on {name}: {}{}",
            stdout(&out),
            stderr(&out)
        );
    }
}

#[test]
fn bash_completes_subcommands_and_flags() {
    let script = format!(
        r#"source {ROOT}/completions/async-up.bash
fn=$(complete -p async-up | sed 's/.*-F \([^ ]*\).*/\1/')
complete_line() {{ COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${{#COMP_LINE}}; COMPREPLY=(); $fn async-up "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"; echo "${{COMPREPLY[@]}}"; }}
complete_line async-up te
complete_line async-up team --fo
complete_line async-up blockers --format ''
"#
    );
    let out = Command::new("bash").arg("-c").arg(script).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(lines[0].trim(), "team");
    assert!(
        lines[1].split_whitespace().any(|w| w == "--format"),
        "{lines:?}"
    );
    let formats: Vec<&str> = lines[2].split_whitespace().collect();
    assert!(
        formats.contains(&"json") && formats.contains(&"table"),
        "{lines:?}"
    );
}

#[test]
fn fish_completes_subcommands_and_flags() {
    if !have("fish") {
        return;
    }
    let script = format!(
        "source {ROOT}/completions/async-up.fish; complete -C 'async-up te'; echo ---; complete -C 'async-up team --fo'"
    );
    let out = Command::new("fish")
        .arg("--no-config")
        .arg("-c")
        .arg(script)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let (subs, flags) = text.split_once("---").unwrap();
    assert!(subs.lines().any(|l| l.starts_with("team")), "{text}");
    assert!(flags.lines().any(|l| l.starts_with("--format")), "{text}");
}

/// Completes `line` in an interactive zsh under zpty; true when `expected` shows.
fn zsh_completes(line: &str, expected: &str) -> bool {
    let dump = tempfile::tempdir().unwrap();
    let bin_dir = assert_cmd::cargo::cargo_bin("async-up")
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap());
    let out = Command::new("timeout")
        .args(["30", "zsh", "-f"])
        .arg(Path::new(ROOT).join("tests/support/zsh-complete.zsh"))
        .arg(ROOT)
        .arg(dump.path())
        .args([line, expected])
        .env("PATH", path)
        .output()
        .unwrap();
    stdout(&out).contains("found")
}

#[test]
fn zsh_completes_subcommands_and_flags() {
    if !have("zsh") {
        return;
    }
    assert!(zsh_completes("async-up te", "async-up team"));
    assert!(zsh_completes("async-up team --fo", "--format"));
    assert!(
        !zsh_completes("async-up xx", "async-up team"),
        "the check can fail"
    );
}

#[test]
fn examples_run_against_a_real_team_repo() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let bin_dir = assert_cmd::cargo::cargo_bin("async-up")
        .parent()
        .unwrap()
        .to_path_buf();

    // The prompt hook shows the marker until today's update is written.
    let prompt = format!("PS1='$ '; source {ROOT}/examples/prompt.sh; eval \"echo \\\"$PS1\\\"\"");
    let out = alice.shell(&prompt, &bin_dir);
    assert_eq!(stdout(&out).trim(), "[stand-up] $", "{}", stderr(&out));
    let out = alice.shell(&format!("sh {ROOT}/examples/reminder.sh"), &bin_dir);
    assert!(
        stdout(&out).contains("not written today's stand-up"),
        "{}",
        stdout(&out)
    );
    alice.ok(&["write", "--today", "examples", "--blocker", "old one"]);
    let out = alice.shell(&prompt, &bin_dir);
    assert_eq!(stdout(&out).trim(), "$");
    let out = alice.shell(&format!("sh {ROOT}/examples/reminder.sh"), &bin_dir);
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    // ... and how much the inbox holds, once a teammate has said something.
    let bob = world.person("bob", "UTC");
    bob.ok(&["init", remote.to_str().unwrap()]);
    bob.ok(&["reply", "alice", "Nice"]);
    alice.ok(&["sync"]);
    let out = alice.shell(&prompt, &bin_dir);
    assert_eq!(stdout(&out).trim(), "[1 unread] $", "{}", stderr(&out));

    // The CI examples' async-up steps, read as YAML and run in a checkout
    // of the team repo as the runner would run them.
    let clone = world.path().join("checkout");
    git_ok(
        git_plain()
            .args(["clone", "--quiet"])
            .arg(&remote)
            .arg(&clone),
    );
    // The digest is posted to a chat webhook on 127.0.0.1.
    let hook = Hook::start(vec![ok()]);
    alice.set_env("CHAT_WEBHOOK_URL", &hook.url);
    for file in CI_EXAMPLES {
        let scripts: Vec<String> = run_steps(&example(file))
            .into_iter()
            .filter(|s| s.trim_start().starts_with("async-up "))
            .collect();
        assert!(!scripts.is_empty(), "{file} runs async-up");
        for script in scripts {
            let out = alice.shell(&format!("cd {} && {script}", clone.display()), &bin_dir);
            let code = out.status.code();
            assert!(
                matches!(code, Some(0)),
                "{file}: {script} exited {code:?}: {}",
                stderr(&out)
            );
        }
    }
    let posted = hook.requests();
    assert_eq!(posted.len(), 1, "the digest was posted once");
    let message = posted[0].json();
    assert!(message["blocks"].is_array(), "{message}");
    assert!(message.to_string().contains("@alice"), "{message}");
    // Blockers newer than two days pass; three days later the same job fails.
    world.set_now("2026-11-27T09:00:00Z");
    let out = alice.shell(
        &format!(
            "cd {} && async-up --repo . blockers --older-than 2",
            clone.display()
        ),
        &bin_dir,
    );
    assert_eq!(out.status.code(), Some(1));

    // The starter team file parses as a team file.
    let starter = std::fs::read_to_string(Path::new(ROOT).join("examples/async-up.toml")).unwrap();
    let team = async_up::model::TeamFile::from_toml("examples/async-up.toml", &starter).unwrap();
    assert_eq!(team.name, "acme");
    assert!(team.signing.is_some());
    assert_eq!(team.questions.len(), 3);
    assert!(team.questions.iter().any(|q| q.required));
}

/// `source <(COMPLETE=bash async-up)` and friends complete what only the
/// running program knows: your teams, and the handles in your team's mirror.
#[test]
fn dynamic_completion_offers_teams_and_handles() {
    let world = World::new();
    let remote = world.bare_remote("standup.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    bob.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["init", remote.to_str().unwrap()]);

    let bash = alice
        .program("bash")
        .arg("-c")
        .arg(
            r#"source <(COMPLETE=bash async-up)
fn=$(complete -p async-up | sed 's/.*-F \([^ ]*\).*/\1/')
complete_line() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); $fn async-up "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; echo "${COMPREPLY[@]}"; }
complete_line async-up log b
complete_line async-up --team ''
complete_line async-up team --person ''
"#,
        )
        .output()
        .unwrap();
    assert!(bash.status.success(), "{}", stderr(&bash));
    let lines: Vec<String> = stdout(&bash).lines().map(str::to_string).collect();
    assert_eq!(lines[0].trim(), "bob", "{lines:?}");
    assert_eq!(lines[1].trim(), "standup", "{lines:?}");
    let persons: Vec<&str> = lines[2].split_whitespace().collect();
    assert_eq!(persons, ["alice", "bob"], "{lines:?}");

    if have("zsh") {
        let dump = tempfile::tempdir().unwrap();
        let zsh = |line: &str, expected: &str| {
            let out = alice
                .program("timeout")
                .args(["30", "zsh", "-f"])
                .arg(Path::new(ROOT).join("tests/support/zsh-complete.zsh"))
                .arg(ROOT)
                .arg(dump.path())
                .args([line, expected, "source <(COMPLETE=zsh async-up)"])
                .output()
                .unwrap();
            stdout(&out).contains("found")
        };
        assert!(zsh("async-up log b", "async-up log bob"));
        assert!(
            !zsh("async-up log x", "async-up log bob"),
            "the check can fail"
        );
    }

    if have("fish") {
        let fish = alice
            .program("fish")
            .args(["--no-config", "-c"])
            .arg("COMPLETE=fish async-up | source; complete -C 'async-up mentions '")
            .output()
            .unwrap();
        assert!(fish.status.success(), "{}", stderr(&fish));
        let text = stdout(&fish);
        let offered: Vec<&str> = text.lines().collect();
        assert!(
            offered.contains(&"alice") && offered.contains(&"bob"),
            "{offered:?}"
        );
    }
}

/// The CI examples, GitHub Actions workflows and one GitLab CI file.
const CI_EXAMPLES: [&str; 5] = [
    "weekly-digest.yml",
    "publish-report.yml",
    "github-actions-blockers.yml",
    "gitlab-ci-blockers.yml",
    "team-repo-audit.yml",
];

/// An example CI file parsed as YAML; a file that is not YAML fails here.
fn example(file: &str) -> Yaml {
    let text = std::fs::read_to_string(Path::new(ROOT).join("examples").join(file)).unwrap();
    let mut docs =
        YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{file} is not YAML: {e}"));
    assert_eq!(docs.len(), 1, "{file} is one YAML document");
    docs.remove(0)
}

fn jobs(doc: &Yaml) -> Vec<(String, &Yaml)> {
    let map = match &doc["jobs"] {
        Yaml::Hash(jobs) => jobs,
        // GitLab CI: every top-level key that holds a script is a job.
        _ => doc.as_hash().expect("a mapping at the top"),
    };
    map.iter()
        .filter(|(_, job)| job["steps"].as_vec().is_some() || job["script"].as_vec().is_some())
        .map(|(name, job)| (name.as_str().unwrap_or("?").to_string(), job))
        .collect()
}

/// Every shell script a runner would run, in order: GitHub `run:` steps,
/// GitLab `before_script` and `script` entries.
fn run_steps(doc: &Yaml) -> Vec<String> {
    let mut scripts = Vec::new();
    for (_, job) in jobs(doc) {
        for step in job["steps"].as_vec().into_iter().flatten() {
            scripts.extend(step["run"].as_str().map(str::to_string));
        }
        for key in ["before_script", "script"] {
            for line in job[key].as_vec().into_iter().flatten() {
                scripts.push(line.as_str().expect("script lines are strings").to_string());
            }
        }
    }
    scripts
}

fn github_workflows() -> Vec<(String, Yaml)> {
    let mut found: Vec<(String, Yaml)> = CI_EXAMPLES
        .iter()
        .filter(|f| !f.starts_with("gitlab"))
        .map(|f| (format!("examples/{f}"), example(f)))
        .collect();
    let dir = Path::new(ROOT).join(".github/workflows");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = YamlLoader::load_from_str(&text).unwrap().remove(0);
        found.push((path.strip_prefix(ROOT).unwrap().display().to_string(), doc));
    }
    found
}

/// Each examples/*.yml file is named in CI_EXAMPLES, so none goes untested.
#[test]
fn every_ci_example_is_tested() {
    let mut on_disk: Vec<String> = std::fs::read_dir(Path::new(ROOT).join("examples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".yml") || n.ends_with(".yaml"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CI_EXAMPLES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
    for file in CI_EXAMPLES {
        assert!(!jobs(&example(file)).is_empty(), "{file} has a job");
    }
}

/// Workflows as a careful team writes them: actions pinned to a commit with
/// the version beside it, least permissions, no token left in the checkout,
/// full history where audit reads it, async-up installed before it runs.
#[test]
fn workflows_pin_actions_and_declare_least_permissions() {
    let workflows = github_workflows();
    assert!(workflows.len() >= 5, "{}", workflows.len());
    for (file, doc) in &workflows {
        let text = std::fs::read_to_string(Path::new(ROOT).join(file)).unwrap();
        for line in text.lines().filter(|l| l.contains("uses:")) {
            let (_, rest) = line.split_once("uses:").unwrap();
            let (action, comment) = rest.split_once('#').unwrap_or((rest, ""));
            let sha = action.trim().rsplit_once('@').map_or("", |(_, r)| r);
            assert!(
                sha.len() == 40 && sha.chars().all(|c| c.is_ascii_hexdigit()),
                "{file}: pin {} to a full commit SHA",
                action.trim()
            );
            assert!(
                comment.trim().starts_with('v'),
                "{file}: say which version {} is (# vX.Y.Z)",
                action.trim()
            );
        }
        assert!(
            !doc["permissions"].is_badvalue(),
            "{file}: declare top-level permissions"
        );
        let scripts = run_steps(doc).join("\n");
        for (name, job) in jobs(doc) {
            let steps = job["steps"].as_vec().unwrap();
            let uses = |s: &Yaml| s["uses"].as_str().unwrap_or("").to_string();
            for step in steps
                .iter()
                .filter(|s| uses(s).starts_with("actions/checkout@"))
            {
                assert_eq!(
                    step["with"]["persist-credentials"].as_bool(),
                    Some(false),
                    "{file} {name}: checkout without persisting the token"
                );
                if scripts.contains(" audit") {
                    assert_eq!(
                        step["with"]["fetch-depth"].as_i64(),
                        Some(0),
                        "{file} {name}: audit needs the full history"
                    );
                }
            }
            let runs_async_up = steps
                .iter()
                .filter_map(|s| s["run"].as_str())
                .any(|r| r.lines().any(|l| l.trim_start().starts_with("async-up ")));
            let installs = steps.iter().any(|s| {
                uses(s).starts_with("taiki-e/install-action@")
                    && s["with"]["tool"].as_str() == Some("async-up")
            });
            assert!(
                !runs_async_up || installs,
                "{file} {name}: install async-up (taiki-e/install-action, tool: async-up)"
            );
        }
    }
    let pages = example("publish-report.yml");
    let deploy = &pages["jobs"]["deploy"];
    assert_eq!(deploy["environment"]["name"].as_str(), Some("github-pages"));
    assert!(deploy["environment"]["url"].as_str().is_some());
    assert_eq!(deploy["permissions"]["pages"].as_str(), Some("write"));
    assert_eq!(deploy["permissions"]["id-token"].as_str(), Some("write"));
    assert_eq!(pages["permissions"]["contents"].as_str(), Some("read"));
}

/// shellcheck on every script a CI example or workflow runs: GitHub runs
/// `run:` with bash, GitLab's rust image runs `script:` with sh. `${{ }}`
/// expressions are replaced by a plain word first, as actionlint does.
#[test]
fn ci_scripts_pass_shellcheck() {
    if !have("shellcheck") {
        return;
    }
    let mut checked = 0;
    let mut failures = Vec::new();
    let gitlab = example("gitlab-ci-blockers.yml");
    let all = github_workflows()
        .into_iter()
        .map(|(f, d)| (f, d, "bash"))
        .chain([("examples/gitlab-ci-blockers.yml".into(), gitlab, "sh")]);
    for (file, doc, shell) in all {
        for script in run_steps(&doc) {
            let mut plain = String::new();
            let mut rest = script.as_str();
            while let Some(at) = rest.find("${{") {
                plain.push_str(&rest[..at]);
                plain.push_str("EXPR");
                rest = rest[at..].split_once("}}").map_or("", |(_, r)| r);
            }
            plain.push_str(rest);
            let mut child = Command::new("shellcheck")
                .args(["-s", shell, "-"])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(plain.as_bytes())
                .unwrap();
            let out = child.wait_with_output().unwrap();
            checked += 1;
            if !out.status.success() {
                failures.push(format!("{file}:\n{}", stdout(&out)));
            }
        }
    }
    assert!(checked > 10, "{checked} scripts");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
