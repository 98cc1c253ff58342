//! Links to the work: references in updates link where the team file's
//! `[links]` maps them (markdown, HTML, Slack), stay text in tables and
//! JSON; a bad mapping entry is named and left out; `write --suggest`
//! offers the references in your branch names and commit messages.

mod common;
use common::*;
use std::path::Path;

const LINKS: &str = r##"
[links]
"PROJ-(\\d+)" = "https://tracker.example/browse/PROJ-$1"
"#(\\d+)" = "https://git.example/org/app/pull/$1"
"([\\w.-]+)/([\\w.-]+)#(\\d+)" = "https://git.example/$1/$2/pull/$3"
"##;

/// alice's team with `extra` appended to its team file (pushed by alice,
/// its maintainer) and an update naming PROJ-12, #45 and org/lib#7.
fn team_with(world: &World, extra: &str) -> Person {
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let checkout = Checkout::of(world, &remote);
    let team = checkout.read("async-up.toml");
    checkout.put("async-up.toml", format!("{team}{extra}"));
    checkout.push_as("alice@example.com", "links to the tracker");
    alice.ok(&["sync"]);
    alice.ok(&[
        "write",
        "--yesterday",
        "Finished PROJ-12 (billing)",
        "--today",
        "Review #45 and org/lib#7",
        "--blocker",
        "Waiting on PROJ-9",
    ]);
    alice
}

#[test]
fn mapped_references_link_in_markdown_html_and_slack_and_stay_text_elsewhere() {
    let world = World::new();
    let alice = team_with(&world, LINKS);
    let proj12 = "[PROJ-12](https://tracker.example/browse/PROJ-12)";
    let pr45 = "[#45](https://git.example/org/app/pull/45)";
    let lib7 = "[org/lib#7](https://git.example/org/lib/pull/7)";
    let proj9 = "[PROJ-9](https://tracker.example/browse/PROJ-9)";
    let team = alice.ok(&["team", "--format", "markdown"]);
    for link in [proj12, pr45, lib7, proj9] {
        assert!(team.contains(link), "{link} not in:\n{team}");
    }
    // Leftmost first, no nesting: #7 inside org/lib#7 is not a link of its own.
    assert!(!team.contains("app/pull/7"), "{team}");
    let blockers = alice.expect(1, &["blockers", "--format", "markdown"]);
    assert!(blockers.contains(proj9), "{blockers}");
    let log = alice.ok(&["log", "--format", "markdown"]);
    assert!(log.contains(proj12) && log.contains(lib7), "{log}");
    let search = alice.run(&["search", "PROJ", "--format", "markdown"]);
    assert!(stdout(&search).contains(proj12), "{}", stdout(&search));
    let digest = alice.ok(&["digest", "--since", "2026-11-20", "--format", "markdown"]);
    assert!(digest.contains(proj9), "{digest}");

    let html = alice.ok(&["digest", "--since", "2026-11-20", "--format", "html"]);
    assert!(
        html.contains(
            "<a href=\"https://tracker.example/browse/PROJ-9\" rel=\"noreferrer\">PROJ-9</a>"
        ),
        "{html}"
    );
    let page = alice.home.join("report.html");
    alice.ok(&["report", "--html", page.to_str().unwrap()]);
    let report = std::fs::read_to_string(&page).unwrap();
    assert!(
        report
            .contains("<a href=\"https://git.example/org/app/pull/45\" rel=\"noreferrer\">#45</a>"),
        "{report}"
    );

    let slack = alice.expect(1, &["blockers", "--format", "slack"]);
    assert!(
        slack.contains("<https://tracker.example/browse/PROJ-9|PROJ-9>"),
        "{slack}"
    );

    // Tables and JSON show the text as written.
    let table = alice.ok(&["team"]);
    assert!(table.contains("Finished PROJ-12 (billing)"), "{table}");
    assert!(!table.contains("https://"), "{table}");
    let json = alice.ok(&["team", "--format", "json"]);
    assert!(!json.contains("https://"), "{json}");
}

#[test]
fn a_bad_mapping_entry_is_named_and_left_out_and_the_rest_still_links() {
    let world = World::new();
    let many: String = (0..40)
        .map(|i| format!("\"zz{i}-(\\\\d+)\" = \"https://x.example/$1\"\n"))
        .collect();
    let bad = format!(
        "{LINKS}\"(unclosed\" = \"https://x.example/\"\n\"XSS-(\\\\d+)\" = \"javascript:alert($1)\"\n\"HOST-(\\\\w+)\" = \"https://$1.example/\"\n\"NUM-(\\\\d+)\" = 7\n\"USER-(\\\\d+)\" = \"https://good.example@evil.example/$1\"\n\"NOHOST-(\\\\d+)\" = \"https://@/x/$1\"\n\"{}\" = \"https://x.example/\"\n{many}",
        "a".repeat(300)
    );
    let alice = team_with(&world, &bad);
    let out = alice.run(&["team", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    for (key, why) in [
        ("\"(unclosed\"", "not a valid pattern"),
        ("\"XSS-(\\\\d+)\"", "must start with https:// or http://"),
        ("\"HOST-(\\\\w+)\"", "host must be written out"),
        ("\"NUM-(\\\\d+)\"", "must be a string"),
        ("\"USER-(\\\\d+)\"", "user name before its host"),
        ("\"NOHOST-(\\\\d+)\"", "user name before its host"),
        ("\"aaaa", "longer than 200"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(&format!("async-up.toml: [links] {key}")))
            .unwrap_or_else(|| panic!("{key} not named in:\n{err}"));
        assert!(line.contains(why), "{line}");
    }
    assert!(
        err.contains("[links] has 50 patterns; only the first 32 are used"),
        "{err}"
    );
    // The good entries still link; the bad ones made nothing live.
    let md = stdout(&out);
    assert!(
        md.contains("[PROJ-12](https://tracker.example/browse/PROJ-12)"),
        "{md}"
    );
    assert!(!md.contains("javascript"), "{md}");
    // Under --strict the warnings are an error.
    let strict = alice.run(&["--strict", "team", "--format", "markdown"]);
    assert_eq!(strict.status.code(), Some(2), "{}", stderr(&strict));
}

#[test]
fn a_bang_before_a_link_is_no_image_and_dots_do_not_climb_out_of_the_address() {
    let world = World::new();
    let alice = team_with(&world, LINKS);
    alice.ok(&[
        "write",
        "--yesterday",
        "!PROJ-12 vs ![x](https://e.example/y.png)",
        "--today",
        "see ../..#1 and org/..#5 and org/a.b#6",
    ]);
    let md = alice.ok(&["team", "--format", "markdown"]);
    assert!(
        md.contains("\\![PROJ-12](https://tracker.example/browse/PROJ-12) vs !\\[x\\]"),
        "{md}"
    );
    assert!(!md.replace("\\!", "").contains("!["), "an image in:\n{md}");
    assert!(!md.contains("/../") && !md.contains("%2E"), "{md}");
    assert!(md.contains("(https://git.example/org/a.b/pull/6)"), "{md}");
    // `#1` on its own still links where the repo pattern would have climbed.
    assert!(
        md.contains("[#1](https://git.example/org/app/pull/1)"),
        "{md}"
    );
}

fn commit(repo: &Path, when: &str, message: &str) {
    let file = repo.join(format!("{}.txt", when.replace(':', "-")));
    std::fs::write(&file, message).unwrap();
    git_ok(git_plain().arg("-C").arg(repo).args(["add", "."]));
    git_ok(
        git_plain()
            .arg("-C")
            .arg(repo)
            .env("GIT_AUTHOR_EMAIL", "alice@example.com")
            .env("GIT_AUTHOR_DATE", when)
            .env("GIT_COMMITTER_DATE", when)
            .args(["commit", "--quiet", "-m", message]),
    );
}

#[test]
fn suggestions_offer_the_references_in_branch_names_and_commit_messages() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let app = alice.home.join("src").join("app");
    git_ok(
        git_plain()
            .args(["init", "--quiet", "-b", "main"])
            .arg(&app),
    );
    // Before the window (a day back, as there is no previous update).
    commit(&app, "2026-11-22T10:00:00Z", "Set up the project");
    git_ok(git_plain().arg("-C").arg(&app).args([
        "checkout",
        "--quiet",
        "-b",
        "feature/PROJ-12-billing",
    ]));
    commit(
        &app,
        "2026-11-23T11:00:00Z",
        "Add invoice export\n\nThe export runs nightly.\n\nRefs: #45\nFixes org/repo#7",
    );
    commit(
        &app,
        "2026-11-23T12:00:00Z",
        "Fix rounding in PROJ-12 totals",
    );
    git_ok(git_plain().arg("-C").arg(&app).args([
        "checkout",
        "--quiet",
        "-b",
        "318-login-copy",
        "main",
    ]));
    commit(
        &app,
        "2026-11-23T13:00:00Z",
        "Login copy, see https://git.example/org/app/pull/319",
    );
    let config = std::fs::read_to_string(alice.config_file()).unwrap();
    std::fs::write(
        alice.config_file(),
        format!("[activity]\nrepos = [\"~/src/*\"]\n\n{config}"),
    )
    .unwrap();
    world.set_now("2026-11-24T09:00:00Z");
    let out = alice.ok(&["write", "--suggest"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            // The checked-out branch first; each commit with its references,
            // those already in its summary not repeated.
            "app/318-login-copy: Login copy, see https://git.example/org/app/pull/319 (#318)",
            "app/feature/PROJ-12-billing: Add invoice export (PROJ-12, #45, org/repo#7)",
            "app/feature/PROJ-12-billing: Fix rounding in PROJ-12 totals",
        ],
        "{out}"
    );
}

#[test]
fn a_reference_the_report_cuts_short_does_not_link_to_another_ticket() {
    let world = World::new();
    let alice = team_with(&world, LINKS);
    // The report's "Now" table cuts a cell at 200 characters: here in the
    // middle of PROJ-12345, which must not become a link to PROJ-12.
    let long = format!("{} PROJ-12345 next", "x".repeat(192));
    alice.ok(&["write", "--today", &long, "--today", "then PROJ-77"]);
    let page = alice.home.join("report.html");
    alice.ok(&["report", "--html", page.to_str().unwrap()]);
    let report = std::fs::read_to_string(&page).unwrap();
    assert!(report.contains(" PROJ-12…"), "{report}");
    assert!(!report.contains("browse/PROJ-12\""), "{report}");
}

/// `doctor` names each `[links]` entry left out (a warning: nothing fails
/// yet), passes a good mapping, and fails a team file that does not parse.
#[test]
fn doctor_names_a_bad_links_entry_and_a_broken_team_file() {
    let world = World::new();
    let alice = team_with(
        &world,
        &format!("{LINKS}\"BAD-(\\\\d+)\" = \"javascript:alert($1)\"\n"),
    );
    let out = alice.ok(&["doctor"]);
    assert!(
        out.lines()
            .any(|l| l.starts_with("WARN  links:") && l.contains("BAD-")),
        "{out}"
    );
    assert!(!out.contains("ok    links"), "{out}");

    let world = World::new();
    let alice = team_with(&world, LINKS);
    let out = alice.ok(&["doctor"]);
    assert!(out.contains("ok    links: 3 pattern(s)"), "{out}");

    let checkout = Checkout::of(&world, &world.path().join("team.git"));
    checkout.put("async-up.toml", "[links\nnot toml\n");
    checkout.push_as("alice@example.com", "a broken team file");
    alice.ok(&["sync"]);
    let out = alice.expect(1, &["doctor"]);
    assert!(
        out.lines()
            .any(|l| l.starts_with("FAIL  team file:") && l.contains("async-up.toml")),
        "{out}"
    );

    // A symlink where the team file should be is named, not taken for none.
    std::fs::remove_file(checkout.dir.join("async-up.toml")).unwrap();
    std::os::unix::fs::symlink("members/alice.toml", checkout.dir.join("async-up.toml")).unwrap();
    checkout.push_as("alice@example.com", "a team file that is a link");
    alice.ok(&["sync"]);
    let out = alice.expect(1, &["doctor"]);
    assert!(
        out.lines()
            .any(|l| l.starts_with("FAIL  team file:") && l.contains("a symlink")),
        "{out}"
    );
}
