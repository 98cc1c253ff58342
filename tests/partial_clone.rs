//! A repo with big files elsewhere: the mirror is a partial clone that never
//! downloads blobs over the file limit, and every command still works.

mod common;
use common::*;

/// `n` bytes that do not compress.
fn noise(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn mirror_of(person: &Person) -> std::path::PathBuf {
    let teams = person.home.join(".local/share/async-up/teams");
    let entry = std::fs::read_dir(&teams).unwrap().next().unwrap().unwrap();
    entry.path()
}

fn has_object(mirror: &std::path::Path, oid: &str) -> bool {
    git_plain()
        .arg("--git-dir")
        .arg(mirror)
        .args(["cat-file", "-e", oid])
        // Never fetch a missing object just to answer.
        .env("GIT_NO_LAZY_FETCH", "1")
        .output()
        .unwrap()
        .status
        .success()
}

fn ok_or_found(person: &Person, args: &[&str]) {
    let out = person.run(args);
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "{args:?}: {code:?}\n{}",
        stderr(&out)
    );
}

/// Serves a team whose history holds a 5 MB blob outside `updates/` and an
/// update file over the limit; bob joins it through a git daemon.
fn big_files_elsewhere(allow_filter: bool) {
    let world = World::new();
    let base = world.path().join("served");
    std::fs::create_dir_all(&base).unwrap();
    let remote = world.bare_remote("served/team.git", "main");
    git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["config", "uploadpack.allowFilter"])
            .arg(allow_filter.to_string()),
    );
    let daemon = Daemon::start(&base);
    let url = daemon.url("team.git");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", &url]);
    alice.ok(&["write", "--today", "seeding"]);
    let checkout = Checkout::of(&world, &remote);
    let big = noise(5 * 1024 * 1024);
    checkout.put("assets/big.bin", &big);
    let mut huge_update = b"today = \"".to_vec();
    // Over the cap of every file async-up reads (holidays.toml's, 512 KiB).
    huge_update.extend(std::iter::repeat_n(b'a', 600 * 1024));
    huge_update.extend(b"\"\n");
    checkout.put("updates/alice/2026/2026-11-20.toml", &huge_update);
    // A holidays file over an update's cap but within its own is read, so
    // the filter lets it through.
    let holidays: String = (0..1200)
        .map(|i| {
            format!(
                "[[holiday]]\ndate = {}\nname = \"Day of the Republic\"\nregions = [\"de\"]\n\n",
                chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(i * 3)
            )
        })
        .collect();
    assert!(holidays.len() > 64 * 1024);
    checkout.put("holidays.toml", &holidays);
    checkout.push_as("alice@example.com", "big files");
    let oid_of = |path: &str| {
        git_ok(
            git_plain()
                .arg("--git-dir")
                .arg(&remote)
                .args(["rev-parse", &format!("HEAD:{path}")]),
        )
        .trim()
        .to_string()
    };
    let big_oid = oid_of("assets/big.bin");
    let huge_oid = oid_of("updates/alice/2026/2026-11-20.toml");
    let holidays_oid = oid_of("holidays.toml");

    let bob = world.person("bob", "UTC");
    bob.ok(&["init", &url]);
    let mirror = mirror_of(&bob);
    assert_eq!(has_object(&mirror, &big_oid), !allow_filter);
    assert_eq!(has_object(&mirror, &huge_oid), !allow_filter);
    assert!(has_object(&mirror, &holidays_oid));

    bob.ok(&["team"]);
    let out = bob.run(&["log", "alice"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2026-11-20.toml") && stderr(&out).contains("skipped"),
        "the update over the limit is skipped with a warning: {}",
        stderr(&out)
    );
    bob.ok(&["write", "--today", "after a partial clone"]);
    alice.ok(&["write", "--today", "second", "--blocker", "none really"]);
    bob.ok(&["sync"]);
    let doc = bob.json(&["team", "--format", "json"]);
    assert_eq!(authors(&doc), ["alice", "bob"]);
    let html = world.path().join("report.html");
    let html = html.to_str().unwrap();
    for args in [
        &["audit"][..],
        &["stats"],
        &["digest"],
        &["report", "--html", html],
        &["log"],
        &["doctor"],
    ] {
        ok_or_found(&bob, args);
    }
    // The push went through without the missing blobs, and bob's mirror
    // still lacks them.
    assert_eq!(has_object(&mirror, &big_oid), !allow_filter);
    let on_remote = git_ok(git_plain().arg("--git-dir").arg(&remote).args([
        "log",
        "--format=%an",
        "-1",
        "main",
    ]));
    assert!(!on_remote.trim().is_empty());

    // bob's day on the remote grows over the limit while he writes it
    // again offline: the merge cannot read the remote's version, missing or
    // not, and says so.
    bob.ok(&["write", "--today", "offline edit", "--no-push"]);
    let checkout = Checkout::of(&world, &remote);
    checkout.put("updates/bob/2026/2026-11-24.toml", &huge_update);
    checkout.push_as("bob@example.com", "bob's day too big");
    let out = bob.run(&["sync"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("not found"), "{err}");
    assert!(err.contains("larger than 65536 bytes"), "{err}");

    // The mirror's maintenance (`git gc --auto`) works without the blobs.
    git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&mirror)
            .env("GIT_NO_LAZY_FETCH", "1")
            .args(["gc", "--quiet"]),
    );
    assert_eq!(has_object(&mirror, &big_oid), !allow_filter);
    bob.ok(&["team"]);
}

#[test]
fn a_filtering_server_never_sends_big_blobs() {
    big_files_elsewhere(true);
}

#[test]
fn a_server_that_ignores_the_filter_sends_everything() {
    big_files_elsewhere(false);
}
