//! `remind`: silent unless it is a working moment in your own zone and you
//! have not written today, whatever the zone, focus block, DST or time
//! away. The schedules that run it are in `remind_systemd.rs`, `remind_cron.rs`
//! and `remind_launchd.rs`.

mod common;
use common::*;
use std::path::Path;

/// Joins `person` to `remote` in `tz` on 2026-11-02, weeks before the dates
/// the tests look at.
fn join(world: &World, person: &Person, remote: &Path, tz: &str) {
    world.set_now("2026-11-02T09:00:00Z");
    person.ok(&["init", remote.to_str().unwrap(), "--timezone", tz]);
}

/// `remind` at `now`: its exit code and stdout.
fn remind_at(world: &World, person: &Person, now: &str) -> (i32, String) {
    world.set_now(now);
    let out = person.run(&["remind"]);
    let err = stderr(&out);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "remind at {now}: {err}"
    );
    assert_eq!(err, "", "remind at {now} wrote to stderr");
    (out.status.code().unwrap(), stdout(&out))
}

#[test]
fn reminds_on_workdays_within_hours_in_the_members_own_zone() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    // UTC+14 and UTC-12: the two ends of the clock, whose dates differ
    // from UTC's for most of the day. Each machine's TZ is UTC, so only
    // the member file's zone can get these right.
    let kiri = world.person("kiri", "UTC");
    let baker = world.person("baker", "UTC");
    join(&world, &kiri, &remote, "Pacific/Kiritimati");
    join(&world, &baker, &remote, "Etc/GMT+12");
    for (who, now, code, seen) in [
        // Tue 19:30 UTC is Wed 09:30 at UTC+14.
        (&kiri, "2026-11-24T19:30:00Z", 1, "Wed 2026-11-25 09:30"),
        // Fri 20:00 UTC is Sat 10:00 there: a weekend.
        (&kiri, "2026-11-27T20:00:00Z", 0, ""),
        // Sun 20:00 UTC is Mon 10:00 there.
        (&kiri, "2026-11-29T20:00:00Z", 1, "Mon 2026-11-30 10:00"),
        // Tue 09:00 UTC is Tue 23:00 there: off hours.
        (&kiri, "2026-11-24T09:00:00Z", 0, ""),
        // Sat 21:00 UTC is Sat 09:00 at UTC-12.
        (&baker, "2026-11-28T21:00:00Z", 0, ""),
        // Sat 10:00 UTC is Fri 22:00 there: a workday, off hours.
        (&baker, "2026-11-28T10:00:00Z", 0, ""),
        // Sat 05:00 UTC is Fri 17:00 there: the hours just ended.
        (&baker, "2026-11-28T04:59:00Z", 1, "Fri 2026-11-27 16:59"),
        (&baker, "2026-11-23T21:00:00Z", 1, "Mon 2026-11-23 09:00"),
    ] {
        let (got, out) = remind_at(&world, who, now);
        assert_eq!(got, code, "{} at {now}: {out}", who.handle);
        if code == 1 {
            assert!(out.contains("time for your update"), "{out}");
            assert!(out.contains(seen), "{now}: {out}");
        } else {
            assert_eq!(out, "", "silent at {now}");
        }
    }
    // Written today, in the member's date (the 25th at UTC+14 while UTC
    // says the 24th): silent, and again due on the next workday.
    world.set_now("2026-11-24T19:30:00Z");
    kiri.ok(&["write", "--today", "Reef survey"]);
    assert_eq!(remind_at(&world, &kiri, "2026-11-24T20:30:00Z").0, 0);
    assert_eq!(remind_at(&world, &kiri, "2026-11-25T19:30:00Z").0, 1);
    // Saved but not pushed counts as written.
    world.set_now("2026-11-23T21:00:00Z");
    baker
        .cmd()
        .args(["--offline", "write", "--today", "Buoys", "--no-push"])
        .assert()
        .success();
    assert_eq!(remind_at(&world, &baker, "2026-11-23T22:00:00Z").0, 0);
}

#[test]
fn focus_blocks_dst_and_time_away_keep_it_silent() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "Europe/Berlin");
    join(&world, &alice, &remote, "Europe/Berlin");
    alice.ok(&["me", "--hours", "09:00-17:30", "--focus", "09:00-10:00"]);
    for (now, code) in [
        // Fri 2026-10-23, CEST (UTC+2): 09:30 is focus, 10:30 working.
        ("2026-10-23T07:30:00Z", 0),
        ("2026-10-23T08:30:00Z", 1),
        // Mon 2026-10-26, CET (UTC+1) since Sunday: the same UTC hours are
        // an hour earlier on the wall: 08:30 off hours, 09:30 focus.
        ("2026-10-26T07:30:00Z", 0),
        ("2026-10-26T08:30:00Z", 0),
        ("2026-10-26T09:30:00Z", 1),
        // Evening and the weekend.
        ("2026-10-26T16:45:00Z", 0),
        ("2026-10-31T10:00:00Z", 0),
    ] {
        assert_eq!(remind_at(&world, &alice, now).0, code, "at {now}");
    }
    world.set_now("2026-11-23T10:00:00Z");
    alice.ok(&["away", "--from", "2026-11-24", "--until", "2026-11-26"]);
    assert_eq!(remind_at(&world, &alice, "2026-11-23T10:00:00Z").0, 1);
    assert_eq!(remind_at(&world, &alice, "2026-11-25T10:00:00Z").0, 0);
    assert_eq!(remind_at(&world, &alice, "2026-11-27T10:00:00Z").0, 1);
}

#[test]
fn shows_it_on_the_desktop_and_fetches_only_when_asked() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    let laptop = world.person_on("alice", "UTC", "laptop");
    join(&world, &alice, &remote, "UTC");
    join(&world, &laptop, &remote, "UTC");
    // A notifier that records what it was asked to show.
    let bin = world.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let shown = world.path().join("shown");
    write_script(
        &bin.join("notify-send"),
        &format!("printf '%s\\n' \"$@\" >> '{}'\n", shown.display()),
    );
    alice.set_env(
        "PATH",
        &format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
    );
    world.set_now("2026-11-28T10:00:00Z");
    alice.expect(0, &["remind"]);
    assert!(!shown.exists(), "nothing shown on a Saturday");
    world.set_now("2026-11-24T10:00:00Z");
    alice.expect(1, &["remind"]);
    let text = std::fs::read_to_string(&shown).unwrap();
    assert!(text.contains("time for your update"), "{text}");

    // Written on the other machine: without --fetch the mirror does not
    // know, and no fetch is tried (the remote is gone: no warning).
    laptop.ok(&["write", "--today", "From the laptop"]);
    let moved = world.path().join("team-elsewhere.git");
    std::fs::rename(&remote, &moved).unwrap();
    let out = alice.run(&["remind"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "", "no network without --fetch");
    let out = alice.run(&["remind", "--fetch"]);
    assert!(
        stderr(&out).contains("showing local data"),
        "{}",
        stderr(&out)
    );
    std::fs::rename(&moved, &remote).unwrap();
    alice.expect(0, &["remind", "--fetch"]);
    alice.expect(0, &["remind"]);
}

#[test]
fn without_fetch_a_missing_or_damaged_mirror_is_an_error_not_a_fetch() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    join(&world, &alice, &remote, "UTC");
    // The remote is now a listener that takes connections and never
    // answers: any fetch would connect to it (and hang).
    let silent = common::servers::FaultProxy::start(common::servers::free_port());
    silent.set_limit(0);
    // Its own start-up check connected once: wait until that is counted.
    for _ in 0..500 {
        if silent.connections() > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let before = silent.connections();
    assert_eq!(before, 1);
    let config = std::fs::read_to_string(alice.config_file()).unwrap();
    let url = format!("http://127.0.0.1:{}/team.git", silent.port);
    let moved = config.replace(remote.to_str().unwrap(), &url);
    assert_ne!(moved, config);
    std::fs::write(alice.config_file(), moved).unwrap();
    world.set_now("2026-11-24T10:00:00Z");
    // A damaged mirror (HEAD garbled) is left where it is, untouched.
    let mirror = alice.mirror("team");
    std::fs::write(mirror.join("HEAD"), "garbage\n").unwrap();
    for what in ["damaged", "missing"] {
        let out = alice.run(&["remind"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{what}: {err}");
        assert!(err.contains(what), "{what}: {err}");
        assert!(err.contains("async-up --team team sync"), "{err}");
        assert!(err.contains("remind --fetch"), "{err}");
        assert!(!err.contains("rebuilding"), "{err}");
        assert_eq!(
            silent.connections(),
            before,
            "{what}: no connection without --fetch"
        );
        assert!(
            mirror.exists() == (what == "damaged"),
            "{what}: left as it was"
        );
        let _ = std::fs::remove_dir_all(&mirror);
    }
    // --fetch does rebuild it (here from the real remote again).
    std::fs::write(alice.config_file(), config).unwrap();
    alice.expect(1, &["remind", "--fetch"]);
    assert!(mirror.exists());
}

/// Writes an executable shell script.
fn write_script(path: &Path, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn install_flags_are_checked() {
    let world = World::new();
    let alice = world.person("alice", "UTC");
    for args in [
        &["remind", "--dry-run"][..],
        &["remind", "--scheduler", "cron"],
        &["remind", "--install", "--at", "9am", "--scheduler", "cron"],
        &["remind", "--at", "09:00"],
    ] {
        let out = alice.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn a_holiday_of_the_members_region_keeps_it_silent() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let anna = world.person("anna", "UTC");
    let ben = world.person("ben", "UTC");
    join(&world, &anna, &remote, "Europe/Berlin");
    join(&world, &ben, &remote, "America/New_York");
    anna.ok(&["me", "--region", "de"]);
    ben.ok(&["me", "--region", "us"]);
    // anna seeded the repo, so she is its maintainer.
    let clone = Checkout::of(&world, &remote);
    clone.put(
        "holidays.toml",
        "[[holiday]]\ndate = 2026-12-24\nname = \"Heiligabend\"\nregions = [\"de\"]\n",
    );
    clone.push_as("anna@example.com", "holidays");
    world.set_now("2026-12-01T12:00:00Z");
    anna.ok(&["sync"]);
    ben.ok(&["sync"]);
    // Thu 24 Dec, 09:30 in Berlin: anna's holiday, not ben's.
    assert_eq!(
        remind_at(&world, &anna, "2026-12-24T08:30:00Z"),
        (0, String::new())
    );
    // 09:30 in New York: ben works that day.
    assert_eq!(remind_at(&world, &ben, "2026-12-24T14:30:00Z").0, 1);
    // The day before, in Berlin, is a workday.
    assert_eq!(remind_at(&world, &anna, "2026-12-23T08:30:00Z").0, 1);
}
