//! Formats do what they say: each command accepts only the formats it really
//! produces, markdown parses as markdown, HTML as HTML; and no value typed on
//! the command line, however foreign its characters, makes a parser panic.

mod common;
use common::*;

/// Inputs with characters outside ASCII where parsers slice by bytes:
/// a two-byte letter last, digits of other scripts, fullwidth units, emoji.
const FOREIGN: [&str; 8] = [
    "2é",
    "é",
    "1٣d",
    "２w",
    "7ｄ",
    "🙂",
    "2026-11-2４",
    "09:00-1７:00",
];

#[test]
fn no_value_with_foreign_characters_makes_a_parser_panic() {
    let world = World::new();
    let remote = world.bare_remote("t.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let flags: [&[&str]; 17] = [
        &["log", "--since"],
        &["stats", "--since"],
        &["stats", "--until"],
        &["digest", "--since"],
        &["digest", "--until"],
        &["report", "--html", "r.html", "--since"],
        &["team", "--date"],
        &["blockers", "--older-than"],
        &["write", "--today", "x", "--no-push", "--date"],
        &["write", "--today", "x", "--no-push", "--mood"],
        &["write", "--today", "x", "--no-push", "--answer"],
        &["me", "--hours"],
        &["me", "--focus"],
        &["me", "--workdays"],
        &["me", "--timezone"],
        &["away", "--until"],
        &["log"],
    ];
    for flag in flags {
        for value in FOREIGN {
            let mut args: Vec<&str> = vec!["--offline"];
            args.extend_from_slice(flag);
            args.push(value);
            let out = alice.run(&args);
            let err = stderr(&out);
            assert_eq!(
                out.status.code(),
                Some(2),
                "async-up {args:?} should refuse {value:?}:\n{err}"
            );
            assert!(!err.contains("panicked"), "{args:?}: {err}");
            assert!(!err.trim().is_empty(), "{args:?} says why");
        }
    }
}

/// The CommonMark structure of `text`: headings, list items, strong spans.
fn markdown_shape(text: &str) -> (usize, usize, usize) {
    use pulldown_cmark::{Event, Parser, Tag};
    let (mut headings, mut items, mut strong) = (0, 0, 0);
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => headings += 1,
            Event::Start(Tag::Item) => items += 1,
            Event::Start(Tag::Strong) => strong += 1,
            _ => {}
        }
    }
    (headings, items, strong)
}

#[test]
fn each_command_accepts_only_the_formats_it_produces() {
    let world = World::new();
    let remote = world.bare_remote("t.git", "main");
    let alice = world.person("alice", "UTC");
    let bob = world.person("bob", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    bob.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&[
        "write",
        "--today",
        "Pair with @bob",
        "--blocker",
        "Waiting on @bob",
    ]);
    // A commit to alice's files by someone else, for audit to report.
    let checkout = Checkout::of(&world, &remote);
    checkout.put("updates/alice/2026/2026-11-23.toml", "version = 1\nauthor = \"alice\"\ndate = 2026-11-23\nwritten_at = 2026-11-23T09:00:00Z\ntoday = [\"forged\"]\n");
    checkout.push_as("mallory@example.com", "forged");
    bob.ok(&["sync"]);

    // mentions: a heading and one list item per mention, as CommonMark reads it.
    let md = bob.ok(&["mentions", "--format", "markdown"]);
    assert_eq!(markdown_shape(&md), (1, 2, 0), "{md}");
    assert!(md.contains("@alice"), "{md}");
    // audit: a strong summary and one item per violation.
    let out = bob.run(&["audit", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let md = stdout(&out);
    let (headings, items, strong) = markdown_shape(&md);
    assert_eq!((headings, strong), (0, 1), "{md}");
    assert!(items >= 1, "{md}");
    assert!(md.contains("mallory@example.com"), "{md}");

    // digest --format html is a page, not markdown in a file.
    let html = bob.ok(&["digest", "--week", "--format", "html"]);
    assert!(html.starts_with("<!doctype html>"), "{html}");
    assert!(html.trim_end().ends_with("</html>"), "{html}");
    assert!(html.contains("<h1>") && !html.contains("\n# "), "{html}");

    // Formats a command does not produce are refused by name.
    for args in [
        &["mentions", "--format", "html"][..],
        &["audit", "--format", "html"],
        &["stats", "--format", "markdown"],
        &["digest", "--format", "table"],
        &["team", "--format", "html"],
        &["blockers", "--format", "html"],
        &["log", "--format", "html"],
    ] {
        let out = bob.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("possible values"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}
