//! Dates are the author's local date, from UTC-12 to UTC+14 and across DST
//! changes at midnight, and every reader sees the same update under the same date.

mod common;
use common::*;

#[test]
fn extreme_zones_put_updates_on_their_local_date() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let west = world.person("west", "Etc/GMT+12"); // UTC-12
    let east = world.person("east", "Pacific/Kiritimati"); // UTC+14
    let url = remote.to_str().unwrap();
    west.ok(&["init", url, "--timezone", "Etc/GMT+12"]);
    east.ok(&["init", url, "--timezone", "Pacific/Kiritimati"]);
    // One instant, two dates 26 hours apart.
    world.set_now("2026-11-24T11:30:00Z");
    west.ok(&["write", "--today", "late on the 23rd"]);
    east.ok(&["write", "--today", "early on the 25th"]);
    for reader in [&west, &east] {
        let doc = reader.json(&["team", "--format", "json"]);
        let dates: Vec<(&str, &str)> = doc["updates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| (u["author"].as_str().unwrap(), u["date"].as_str().unwrap()))
            .collect();
        assert_eq!(
            dates,
            [("east", "2026-11-25"), ("west", "2026-11-23")],
            "as {}",
            reader.handle
        );
        assert_eq!(doc["updates"][1]["written_at"], "2026-11-23T23:30:00-12:00");
        assert_eq!(doc["updates"][0]["written_at"], "2026-11-25T01:30:00+14:00");
        assert_eq!(
            doc["missing"],
            serde_json::json!([]),
            "both are current in their own zone"
        );
    }
    let file = git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(&remote)
            .args(["show", "main:updates/east/2026/2026-11-25.toml"]),
    );
    assert!(file.contains("date = 2026-11-25"), "{file}");
}

#[test]
fn dst_change_at_midnight() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let cl = world.person("santiago", "America/Santiago");
    let reader = world.person("reader", "Asia/Tokyo");
    cl.ok(&[
        "init",
        remote.to_str().unwrap(),
        "--timezone",
        "America/Santiago",
    ]);
    reader.ok(&["init", remote.to_str().unwrap(), "--timezone", "Asia/Tokyo"]);
    // Clocks jump from 00:00 to 01:00 on 2026-09-06.
    world.set_now("2026-09-06T03:59:00Z");
    cl.ok(&["write", "--today", "before the jump"]);
    world.set_now("2026-09-06T04:00:00Z");
    cl.ok(&["write", "--today", "after the jump"]);
    let log = reader.json(&["log", "santiago", "--format", "json"]);
    let got: Vec<(&str, &str)> = log["updates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["date"].as_str().unwrap(),
                u["written_at"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2026-09-05", "2026-09-05T23:59:00-04:00"),
            ("2026-09-06", "2026-09-06T01:00:00-03:00")
        ]
    );
    // Clocks fall back from 00:00 to 23:00 on 2026-04-05: the repeated hour stays on the 4th.
    world.set_now("2026-04-05T02:30:00Z");
    cl.ok(&["write", "--date", "2026-04-04", "--today", "first 23:30"]);
    world.set_now("2026-04-05T03:30:00Z");
    cl.ok(&["write", "--today", "second 23:30"]);
    let log = reader.json(&[
        "log",
        "santiago",
        "--since",
        "2026-04-01",
        "--format",
        "json",
    ]);
    let u = &log["updates"][0];
    assert_eq!(u["date"], "2026-04-04");
    assert_eq!(u["today"], serde_json::json!(["second 23:30"]));
    assert_eq!(u["written_at"], "2026-04-04T23:30:00-04:00");
}

#[test]
fn a_skewed_clock_does_not_hide_updates_from_today() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let fast = world.person("fast", "UTC");
    let reader = world.person("reader", "UTC");
    fast.ok(&["init", remote.to_str().unwrap()]);
    reader.ok(&["init", remote.to_str().unwrap()]);
    // fast's clock runs 20 minutes ahead: "written" after the reader's now.
    world.set_now("2026-11-24T09:20:00Z");
    fast.ok(&["write", "--today", "from the future"]);
    world.set_now("2026-11-24T09:00:00Z");
    let doc = reader.json(&["team", "--format", "json"]);
    assert_eq!(authors(&doc), ["fast"]);
    let table = reader.ok(&["team"]);
    assert!(table.contains("in the future"), "{table}");
}
