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
