//! Output that follows the terminal's conventions: colour by `NO_COLOR`,
//! `CLICOLOR`, `CLICOLOR_FORCE` and `TERM=dumb` (with `--color` winning),
//! ASCII where the locale is not UTF-8, a terminal that reports 0 columns
//! read as one of unknown width, and narrow tables that wrap at spaces.

mod common;
use common::*;

fn seeded() -> (World, Person) {
    let world = World::new();
    let alice = world.person("alice", "UTC");
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["write", "--today", "Draft the plan", "--mood", "2"]);
    world.set_now("2026-11-24T09:00:00Z");
    alice.ok(&[
        "write",
        "--yesterday",
        "Finished the OAuth flow",
        "--today",
        "Ship token refresh for the billing service",
        "--blocker",
        "Waiting on @bob for staging credentials",
        "--mood",
        "4",
    ]);
    (world, alice)
}

fn coloured(p: &Person, args: &[&str]) -> bool {
    p.expect(1, args).contains('\x1b')
}

#[test]
fn colour_follows_no_color_clicolor_and_clicolor_force() {
    let (_world, alice) = seeded();
    assert!(!coloured(&alice, &["blockers"]), "no colour in a pipe");
    alice.set_env("CLICOLOR_FORCE", "1");
    assert!(
        coloured(&alice, &["blockers"]),
        "CLICOLOR_FORCE colours a pipe"
    );
    assert!(
        !coloured(&alice, &["blockers", "--color", "never"]),
        "--color wins"
    );
    alice.set_env("NO_COLOR", "1");
    assert!(
        !coloured(&alice, &["blockers"]),
        "NO_COLOR wins over CLICOLOR_FORCE"
    );
    assert!(
        coloured(&alice, &["blockers", "--color", "always"]),
        "--color wins"
    );
}

/// Runs `line` in bash on a pseudo-terminal; returns what it printed.
fn on_a_terminal(p: &Person, env: &[(&str, &str)], line: &str) -> String {
    let mut cmd = p.program("bash");
    cmd.env("TERM", "xterm").arg("-c").arg(line);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut session = rexpect::session::spawn_command(cmd, Some(20_000)).expect("a pty");
    session.exp_eof().expect("the command ends")
}

#[test]
fn colour_on_a_terminal_unless_clicolor_0_or_term_dumb() {
    let (_world, alice) = seeded();
    let line = "stty cols 200 rows 40; async-up blockers";
    assert!(on_a_terminal(&alice, &[], line).contains("\x1b["));
    let plain = on_a_terminal(&alice, &[("TERM", "dumb")], line);
    assert!(
        !plain.contains('\x1b') && plain.contains("staging"),
        "{plain:?}"
    );
    let plain = on_a_terminal(&alice, &[("CLICOLOR", "0")], line);
    assert!(
        !plain.contains('\x1b') && plain.contains("staging"),
        "{plain:?}"
    );
    let forced = on_a_terminal(
        &alice,
        &[("TERM", "dumb")],
        &format!("{line} --color always"),
    );
    assert!(forced.contains("\x1b["), "{forced:?}");
}

/// The text without ANSI escape sequences.
fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for e in chars.by_ref() {
                if e.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_terminal_of_0_columns_is_one_of_unknown_width() {
    let (_world, alice) = seeded();
    let shown = on_a_terminal(&alice, &[], "stty cols 0 rows 0; async-up team");
    let shown = strip_escapes(&shown);
    assert!(
        shown.contains("Ship token refresh for the billing service"),
        "not one-character columns:\n{shown}"
    );
}

#[test]
fn ascii_where_the_locale_is_not_utf8() {
    let (_world, alice) = seeded();
    alice.ok(&["write", "--today", "Café with @bob", "--no-push"]);
    let non_ascii = |text: &str| -> Vec<char> {
        text.chars()
            .filter(|c| !c.is_ascii() && *c != 'é')
            .collect()
    };
    for (k, v) in [("LANG", "C"), ("LC_ALL", "C"), ("LC_CTYPE", "POSIX")] {
        let p = World::new().person("x", "UTC");
        drop(p);
        alice.set_env("LANG", "C.UTF-8");
        alice.set_env("LC_ALL", "");
        alice.set_env("LC_CTYPE", "");
        alice.set_env(k, v);
        for args in [&["team"][..], &["log"], &["mentions", "bob"], &["stats"]] {
            let text = alice.ok(args);
            assert!(non_ascii(&text).is_empty(), "{k}={v} {args:?}:\n{text}");
            assert!(
                text.contains("Café") || args[0] == "stats",
                "{args:?}: teammates' text stays:\n{text}"
            );
        }
        let text = alice.expect(1, &["blockers"]);
        assert!(non_ascii(&text).is_empty(), "{k}={v} blockers:\n{text}");
        let stats = alice.ok(&["stats", "--since", "2026-11-23"]);
        assert!(
            stats.contains('#') || stats.contains('='),
            "an ASCII mood ramp:\n{stats}"
        );
    }
    // LC_ALL wins over LANG, LC_CTYPE over LANG.
    alice.set_env("LANG", "C");
    alice.set_env("LC_ALL", "en_US.UTF-8");
    assert!(alice.ok(&["team"]).contains('│'));
    alice.set_env("LC_ALL", "");
    alice.set_env("LC_CTYPE", "C.utf8");
    assert!(alice.ok(&["team"]).contains('│'));
}

#[test]
fn at_40_columns_words_and_ids_are_not_split() {
    let (_world, alice) = seeded();
    alice.set_env("COLUMNS", "40");
    let id = alice.json(&["blockers", "--format", "json"])["blockers"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    for (code, args) in [(0, &["team"][..]), (1, &["blockers"]), (0, &["log"])] {
        let text = alice.expect(code, args);
        let words: Vec<&str> = text
            .lines()
            .flat_map(|l| l.split(|c: char| !(c.is_alphanumeric() || c == '@' || c == '-')))
            .filter(|w| !w.is_empty())
            .collect();
        for l in text.lines() {
            assert!(l.chars().count() <= 40, "{args:?} wider than 40:\n{text}");
        }
        let mut expected = vec!["Waiting", "staging", "credentials", "@bob", "2026-11-24"];
        expected.push(&id);
        if args[0] != "blockers" {
            expected.extend(["Finished", "refresh", "billing", "service"]);
        }
        for w in expected {
            assert!(words.contains(&w), "{args:?} split {w:?}:\n{text}");
        }
    }
}

/// What follows a table (threads, who is away or missing), the inbox and
/// `status` fit a 40-column terminal too, broken at spaces with every
/// handle whole; in a pipe with no width they stay one line each.
#[test]
fn at_40_columns_lines_after_tables_and_the_inbox_wrap_at_spaces() {
    let world = World::new();
    // Everyone joins the week before; Monday passes with nothing written.
    world.set_now("2026-11-18T09:00:00Z");
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let handles = [
        "bartholomew-long",
        "cassiopeia-long",
        "demetrius-long",
        "evangeline-long",
    ];
    for h in handles {
        let p = world.person(h, "UTC");
        p.ok(&["init", remote.to_str().unwrap()]);
    }
    let bob = world.person("bob", "UTC");
    bob.ok(&["init", remote.to_str().unwrap()]);
    world.set_now("2026-11-24T09:00:00Z");
    bob.ok(&[
        "away",
        "--from",
        "2026-11-23",
        "--until",
        "2026-11-27",
        "--note",
        "Conference in Lisbon with the platform team",
    ]);
    alice.ok(&[
        "write",
        "--today",
        "Ship token refresh",
        "--blocker",
        "Waiting on @bob",
    ]);
    let carol = world.person("carol", "UTC");
    carol.ok(&["init", remote.to_str().unwrap()]);
    carol.ok(&[
        "reply",
        "alice",
        "I can pair on the token refresh this afternoon if @bob is still away",
    ]);
    alice.ok(&["sync"]);

    let wrapped = |args: &[&str], code: i32| {
        let text = alice.expect(code, args);
        for l in text.lines() {
            assert!(l.chars().count() <= 40, "{args:?} wider than 40:\n{text}");
        }
        text
    };
    alice.set_env("COLUMNS", "40");
    let team = wrapped(&["team"], 0);
    for h in handles {
        assert!(team.contains(&format!("@{h}")), "{h} split:\n{team}");
    }
    assert!(
        team.contains("Missing:") && team.contains("Away:"),
        "{team}"
    );
    assert!(team.contains("afternoon"), "{team}");
    let inbox = wrapped(&["inbox"], 1);
    assert!(inbox.contains("afternoon"), "{inbox}");
    wrapped(&["status"], 0);
    let stats = wrapped(&["stats", "--since", "4w"], 0);
    assert!(stats.contains("withheld"), "{stats}");

    // No width known: whole lines, as a script reads them.
    alice.set_env("COLUMNS", "");
    let whole = alice.ok(&["team"]);
    assert!(
        whole
            .lines()
            .any(|l| l.starts_with("Missing:")
                && handles.iter().all(|h| l.contains(&format!("@{h}")))),
        "{whole}"
    );
}
