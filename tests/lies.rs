//! Lies are flagged, not shown as truth: files that parse but cannot be
//! true (a date in the wrong year folder, duplicate blocker ids, a blocker
//! opened after its update, dates before 2000 or far ahead, impossible member
//! settings, folders that are not handles) get one warning naming the file,
//! are never shown as fact, and `--strict` (or `ASYNC_UP_STRICT`) exits 2.

mod common;
use common::*;

/// Tuesday 2026-11-24, 09:00 UTC: alice wrote today, the reader joined, and
/// a clone is ready to push whatever a teammate with plain git pushes.
struct Team {
    _world: World,
    reader: Person,
    clone: Checkout,
}

fn team() -> Team {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["write", "--today", "the real update"]);
    let reader = world.person("reader", "UTC");
    reader.ok(&["init", remote.to_str().unwrap()]);
    // A clean team reads without a word, even under --strict.
    let out = reader.run(&["team", "--strict"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "no warnings on a clean team");
    let clone = Checkout::of(&world, &remote);
    Team {
        _world: world,
        reader,
        clone,
    }
}

fn update(handle: &str, date: &str, body: &str) -> String {
    format!("author = \"{handle}\"\ndate = {date}\nwritten_at = {date}T08:00:00Z\n{body}")
}

fn member(handle: &str, extra: &str) -> String {
    format!("handle = \"{handle}\"\nemail = \"{handle}@example.com\"\n{extra}")
}

/// Runs `args`, asserts exit 0 and that each of `paths` is named exactly once on stderr.
fn warned_once(p: &Person, args: &[&str], paths: &[&str]) -> std::process::Output {
    let out = p.run(args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    for path in paths {
        assert_eq!(
            err.matches(&format!("warning: {path}:")).count(),
            1,
            "{args:?}: one warning naming {path:?}, got:\n{err}"
        );
    }
    out
}

/// Asserts `--strict` and ASYNC_UP_STRICT exit 2, listing the problems.
fn strict_fails(p: &Person, args: &[&str], path: &str) {
    let mut strict = vec!["--strict"];
    strict.extend(args);
    let out = p.run(&strict);
    assert_eq!(out.status.code(), Some(2), "--strict {args:?}");
    assert!(stderr(&out).contains(path), "{}", stderr(&out));
    assert!(stderr(&out).contains("--strict"), "{}", stderr(&out));
    for (value, code) in [
        ("1", 2),
        ("yes", 2),
        ("true", 2),
        ("0", 0),
        ("no", 0),
        ("false", 0),
    ] {
        let out = p
            .cmd()
            .env("ASYNC_UP_STRICT", value)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "ASYNC_UP_STRICT={value} {args:?}"
        );
    }
}

#[test]
fn an_update_in_the_wrong_year_folder_is_flagged_and_counted_once() {
    let t = team();
    let lie = "updates/alice/2025/2026-11-24.toml";
    t.clone.put(
        lie,
        update("alice", "2026-11-24", "today = [\"the copy\"]\n"),
    );
    // bob has only a misplaced file: he is missing, not shown with it.
    let bob = "updates/bob/2025/2026-11-24.toml";
    t.clone.put(
        bob,
        update("bob", "2026-11-24", "today = [\"misplaced\"]\n"),
    );
    t.clone.push("misplaced copies");

    let out = warned_once(&t.reader, &["team", "--format", "json"], &[lie, bob]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(authors(&doc), ["alice"], "{doc}");
    assert!(doc.get("warnings").is_none(), "JSON on stdout unchanged");
    assert!(!stdout(&out).contains("misplaced"));

    let out = warned_once(&t.reader, &["log", "alice", "--format", "json"], &[lie]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let updates = doc["updates"].as_array().unwrap();
    assert_eq!(updates.len(), 1, "read once, from its own folder: {doc}");
    assert_eq!(updates[0]["today"][0], "the real update");

    let out = warned_once(&t.reader, &["stats", "--format", "json"], &[lie, bob]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let alice = doc["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["handle"] == "alice")
        .unwrap();
    assert_eq!(alice["updates"], 1, "counted once: {doc}");
    strict_fails(&t.reader, &["log", "alice"], lie);
    strict_fails(&t.reader, &["stats"], lie);
}

#[test]
fn file_names_that_are_not_dates_are_named_in_full() {
    let t = team();
    let a = "updates/alice/2026/today.toml";
    let b = "updates/alice/notes.toml";
    let c = "updates/alice/26";
    t.clone.put(a, update("alice", "2026-11-24", ""));
    t.clone.put(b, update("alice", "2026-11-24", ""));
    t.clone.put(
        &format!("{c}/2026-11-24.toml"),
        update("alice", "2026-11-24", ""),
    );
    t.clone.push("not dates");
    warned_once(&t.reader, &["log", "alice"], &[a, b, c]);
    warned_once(&t.reader, &["team"], &[a]);
    strict_fails(&t.reader, &["log", "alice"], a);
}

#[test]
fn blockers_that_cannot_be_true_are_flagged_not_listed() {
    let t = team();
    let dup = "updates/carol/2026/2026-11-24.toml";
    t.clone.put(
        dup,
        update(
            "carol",
            "2026-11-24",
            "[[blockers]]\nid = \"same\"\ntext = \"first\"\nsince = 2026-11-20\n[[blockers]]\nid = \"same\"\ntext = \"second\"\nsince = 2026-11-21\n",
        ),
    );
    let later = "updates/dave/2026/2026-11-24.toml";
    t.clone.put(
        later,
        update(
            "dave",
            "2026-11-24",
            "[[blockers]]\nid = \"b1\"\ntext = \"from the future\"\nsince = 2026-11-30\n",
        ),
    );
    t.clone.push("impossible blockers");

    let out = warned_once(&t.reader, &["team", "--format", "json"], &[dup, later]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(authors(&doc), ["alice"], "{doc}");
    let err = stderr(&out);
    assert!(err.contains("blocker id \"same\""), "{err}");
    assert!(err.contains("2026-11-30"), "{err}");
    let out = t.reader.run(&["blockers", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "no blocker shown: {}",
        stderr(&out)
    );
    assert!(!stdout(&out).contains("first") && !stdout(&out).contains("future"));
    strict_fails(&t.reader, &["team"], dup);
}

#[test]
fn dates_before_2000_or_far_ahead_are_flagged() {
    let t = team();
    let old = "updates/erin/1999/1999-12-31.toml";
    t.clone
        .put(old, update("erin", "1999-12-31", "today = [\"party\"]\n"));
    let ahead = "updates/alice/2027/2027-03-01.toml";
    t.clone.put(
        ahead,
        update("alice", "2027-03-01", "today = [\"prophecy\"]\n"),
    );
    // One day ahead is a clock or zone a day off, not a lie: no warning.
    let tomorrow = "updates/frank/2026/2026-11-25.toml";
    t.clone.put(
        tomorrow,
        update("frank", "2026-11-25", "today = [\"early\"]\n"),
    );
    let since = "updates/gus/2026/2026-11-24.toml";
    t.clone.put(
        since,
        update(
            "gus",
            "2026-11-24",
            "[[blockers]]\nid = \"b\"\ntext = \"ancient\"\nsince = 1970-01-01\n",
        ),
    );
    t.clone.push("odd dates");

    // A year folder before 2000 holds no true date: the folder is named
    // once, its files never listed.
    let old_year = "updates/erin/1999";
    let out = warned_once(&t.reader, &["log", "erin", "--format", "json"], &[old_year]);
    assert!(!stderr(&out).contains(old), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["updates"].as_array().unwrap().len(), 0, "{doc}");
    let out = warned_once(&t.reader, &["log", "alice", "--format", "json"], &[ahead]);
    assert!(!stdout(&out).contains("prophecy"));
    // team reads only the latest files: the one far ahead is named, never shown.
    let out = warned_once(&t.reader, &["team", "--format", "json"], &[ahead, since]);
    assert!(!stdout(&out).contains("prophecy"));
    assert!(!stdout(&out).contains("early"), "not shown as current");
    assert!(!stderr(&out).contains(tomorrow), "{}", stderr(&out));
    // stats reads both before and in its period: still one warning each.
    warned_once(&t.reader, &["stats"], &[ahead, old_year, since]);
    strict_fails(&t.reader, &["team"], ahead);
}

#[test]
fn impossible_member_settings_are_flagged_once_and_resolved_alike() {
    let t = team();
    let cases = [
        ("gina", "timezone = \"Mars/Olympus\"\n", "Mars/Olympus"),
        (
            "hank",
            "timezone = \"UTC\"\nhours = \"25:00-26:00\"\n",
            "25:00-26:00",
        ),
        ("ivan", "timezone = \"UTC\"\nworkdays = []\n", "workdays"),
        (
            "jane",
            "timezone = \"UTC\"\nworkdays = [\"Funday\"]\n",
            "Funday",
        ),
        (
            "kurt",
            "timezone = \"UTC\"\nhours = \"10:00-10:00\"\n",
            "10:00-10:00",
        ),
        ("lena", "timezone = \"UTC\"\nfocus = [\"9-11\"]\n", "9-11"),
    ];
    for (h, extra, _) in &cases {
        t.clone.put(&format!("members/{h}.toml"), member(h, extra));
    }
    // A night shift is legitimate: no warning.
    t.clone.put(
        "members/night.toml",
        member("night", "timezone = \"UTC\"\nhours = \"22:00-06:00\"\n"),
    );
    t.clone.push("odd settings");

    let paths: Vec<String> = cases
        .iter()
        .map(|(h, _, _)| format!("members/{h}.toml"))
        .collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let out = warned_once(&t.reader, &["team", "--format", "json"], &paths);
    let err = stderr(&out);
    for (_, _, says) in &cases {
        assert!(err.contains(says), "names {says}: {err}");
    }
    assert!(!err.contains("members/night.toml"), "{err}");
    let team: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let out = warned_once(&t.reader, &["stats", "--format", "json"], &paths);
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();

    // team and stats resolve ivan's empty workdays the same way: Mon-Fri,
    // so he is missing today and expected on the period's workdays.
    let missing = team["missing"].as_array().unwrap();
    assert!(missing.iter().any(|m| m == "ivan"), "{team}");
    let ivan = stats["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["handle"] == "ivan")
        .unwrap();
    assert_eq!(
        ivan["workdays"], 19,
        "Mon-Fri over 2026-10-28..2026-11-23: {stats}"
    );
    let state = |h: &str| {
        team["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["handle"] == h)
            .unwrap()["state"]
            .clone()
    };
    assert_eq!(state("ivan"), "working", "Tuesday 09:00 on Mon-Fri");
    assert_eq!(state("night"), "off_hours");
    strict_fails(&t.reader, &["stats"], "members/gina.toml");
}

#[test]
fn folders_that_are_not_handles_are_named_sanitised() {
    let t = team();
    let body = update("alice", "2026-11-24", "today = [\"hijack\"]\n");
    t.clone.put("updates/Alice/2026/2026-11-24.toml", &body);
    t.clone.put("updates/new\nline/2026/2026-11-24.toml", &body);
    t.clone
        .put("updates/esc\x1b[31m/2026/2026-11-24.toml", &body);
    t.clone.put("updates/notafolder", "just a file\n");
    std::os::unix::fs::symlink("alice", t.clone.dir.join("updates/linked")).unwrap();
    t.clone.push("odd folders");

    let out = warned_once(
        &t.reader,
        &["team", "--format", "json"],
        &[
            "updates/Alice",
            "updates/new line",
            "updates/esc\u{FFFD}[31m",
            "updates/notafolder",
            "updates/linked",
        ],
    );
    let err = stderr(&out);
    assert!(!err.contains('\x1b'), "sanitised: {err:?}");
    assert!(err.contains("symlink"), "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(authors(&doc), ["alice"]);
    // -q silences notes, never warnings about the team's data.
    let out = t.reader.run(&["-q", "team"]);
    assert!(stderr(&out).contains("updates/Alice:"), "{}", stderr(&out));
    strict_fails(&t.reader, &["team"], "updates/Alice");
}
