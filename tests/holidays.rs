//! The team's holidays (`holidays.toml`): a day off for the members of its
//! regions, on each member's own date, in every view; a broken file warns
//! and is ignored; changing it is a maintainer's job.
//!
//! The week of Monday 2026-12-21 to Friday 2026-12-25, hand-built:
//! - Tue 22 "Team day" for everyone; Thu 24 "Heiligabend" for de; Fri 25
//!   "Christmas" for de and us.
//! - de (Berlin, region de) wrote Mon, Wed and Thu (a holiday): 2 workdays.
//! - us (New York, region us) wrote Mon, Wed: 3 workdays (Mon, Wed, Thu).
//! - none (UTC, no region) wrote Mon, Wed, Thu, Fri: 4 workdays.

mod common;
use common::*;
use std::path::PathBuf;

const HOLIDAYS: &str = "[[holiday]]\ndate = 2026-12-22\nname = \"Team day\"\n\n\
[[holiday]]\ndate = 2026-12-24\nname = \"Heiligabend\"\nregions = [\"de\"]\n\n\
[[holiday]]\ndate = 2026-12-25\nname = \"Christmas\"\nregions = [\"de\", \"us\"]\n";

struct Team {
    world: World,
    remote: PathBuf,
    de: Person,
    us: Person,
    none: Person,
}

fn update(clone: &Checkout, handle: &str, date: &str, at: &str) {
    clone.put(
        &format!("updates/{handle}/2026/{date}.toml"),
        format!("author = \"{handle}\"\ndate = {date}\nwritten_at = {at}\ntoday = [\"work\"]\n"),
    );
}

fn team() -> Team {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let de = world.person("de", "Europe/Berlin");
    let us = world.person("us", "America/New_York");
    let none = world.person("none", "UTC");
    world.set_now("2026-12-01T12:00:00Z");
    for (p, zone) in [
        (&de, "Europe/Berlin"),
        (&us, "America/New_York"),
        (&none, "UTC"),
    ] {
        p.ok(&["init", remote.to_str().unwrap(), "--timezone", zone]);
    }
    de.ok(&["me", "--region", "DE"]);
    us.ok(&["me", "--region", "us"]);
    // de seeded the repo, so de is its maintainer.
    let clone = Checkout::of(&world, &remote);
    clone.put("holidays.toml", HOLIDAYS);
    clone.push_as("de@example.com", "holidays");
    for (handle, days, offset) in [
        ("de", &["21", "23", "24"][..], "+01:00"),
        ("us", &["21", "23"][..], "-05:00"),
        ("none", &["21", "23", "24", "25"][..], "Z"),
    ] {
        for d in days {
            let date = format!("2026-12-{d}");
            update(&clone, handle, &date, &format!("{date}T10:00:00{offset}"));
        }
        clone.push_as(&format!("{handle}@example.com"), handle);
    }
    // `status` reads the mirror as it is: bring everyone's up to date.
    for p in [&de, &us, &none] {
        p.ok(&["sync"]);
    }
    Team {
        world,
        remote,
        de,
        us,
        none,
    }
}

fn state_of(doc: &serde_json::Value, handle: &str) -> String {
    doc["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["handle"] == handle)
        .unwrap_or_else(|| panic!("{handle} in {doc}"))["state"]
        .as_str()
        .unwrap()
        .to_string()
}

fn holidays_in(doc: &serde_json::Value) -> Vec<(String, String)> {
    doc["holidays"]
        .as_array()
        .unwrap_or_else(|| panic!("no holidays in {doc}"))
        .iter()
        .map(|h| {
            (
                h["handle"].as_str().unwrap().to_string(),
                h["name"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn team_shows_holidays_by_region_and_nobody_on_one_is_missing() {
    let t = team();
    // Friday noon UTC: Christmas for de and us, a workday for none.
    t.world.set_now("2026-12-25T12:00:00Z");
    let doc = t.none.json(&["team", "--format", "json"]);
    assert_eq!(state_of(&doc, "de"), "holiday");
    assert_eq!(state_of(&doc, "us"), "holiday");
    assert_eq!(state_of(&doc, "none"), "working");
    // us last wrote Wednesday and Thursday was a workday for them: only
    // the holiday keeps them from missing.
    assert_eq!(doc["missing"], serde_json::json!([]), "{doc}");
    assert_eq!(
        holidays_in(&doc),
        [pair("de", "Christmas"), pair("us", "Christmas")]
    );
    let table = t.none.ok(&["team"]);
    assert!(
        table.contains("Holiday: @de (Christmas), @us (Christmas)"),
        "{table}"
    );
    let md = t.none.ok(&["team", "--format", "markdown"]);
    assert!(md.contains("**Holiday:** @de (Christmas)"), "{md}");

    // Thursday is a holiday only for de: us did not write and is missing.
    let doc = t
        .none
        .json(&["team", "--format", "json", "--date", "2026-12-24"]);
    assert_eq!(holidays_in(&doc), [pair("de", "Heiligabend")]);
    assert_eq!(doc["missing"], serde_json::json!(["us"]), "{doc}");
    // A holiday without regions is everyone's, with or without a region.
    let doc = t
        .none
        .json(&["team", "--format", "json", "--date", "2026-12-22"]);
    assert_eq!(
        holidays_in(&doc),
        [
            pair("de", "Team day"),
            pair("none", "Team day"),
            pair("us", "Team day")
        ]
    );
    assert_eq!(doc["missing"], serde_json::json!([]), "{doc}");
}

#[test]
fn a_holiday_falls_on_each_members_own_date() {
    let t = team();
    // 23:30 UTC on the 24th: already Christmas in Berlin, Thursday evening
    // in New York.
    t.world.set_now("2026-12-24T23:30:00Z");
    let doc = t.none.json(&["team", "--format", "json"]);
    assert_eq!(state_of(&doc, "de"), "holiday");
    assert_eq!(state_of(&doc, "us"), "off_hours");
    // us has not written Thursday's update, in their zone.
    let out = t.us.expect(1, &["status"]);
    assert!(out.contains("has not written"), "{out}");
    // Five hours later it is Christmas in New York too.
    t.world.set_now("2026-12-25T05:30:00Z");
    let out = t.us.ok(&["status"]);
    assert!(
        out.contains("us has a holiday (Christmas): no update expected today (2026-12-25)"),
        "{out}"
    );
    assert_eq!(
        state_of(&t.none.json(&["team", "--format", "json"]), "us"),
        "holiday"
    );
}

#[test]
fn status_says_so_on_a_holiday_and_exits_0() {
    let t = team();
    t.world.set_now("2026-12-22T12:00:00Z");
    for p in [&t.de, &t.us, &t.none] {
        let out = p.ok(&["status"]);
        assert!(out.contains("has a holiday (Team day)"), "{out}");
    }
    // A regional holiday is nobody else's.
    t.world.set_now("2026-12-24T20:00:00Z");
    assert!(t.us.expect(1, &["status"]).contains("has not written"));
    t.world.set_now("2026-12-25T12:00:00Z");
    assert!(t.de.ok(&["status"]).contains("has a holiday (Christmas)"));
}

#[test]
fn stats_count_a_holiday_as_no_workday() {
    let t = team();
    t.world.set_now("2026-12-26T12:00:00Z");
    let doc = t.none.json(&[
        "stats",
        "--since",
        "2026-12-21",
        "--until",
        "2026-12-25",
        "--format",
        "json",
    ]);
    let figures = |handle: &str| {
        let m = doc["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["handle"] == handle)
            .unwrap()
            .clone();
        (
            m["workdays"].as_u64().unwrap(),
            m["updates"].as_u64().unwrap(),
            m["participation"].as_f64().unwrap(),
        )
    };
    // de wrote on a holiday too: participation stays 1, never above.
    assert_eq!(figures("de"), (2, 2, 1.0));
    assert_eq!(figures("us").0, 3);
    assert_eq!(figures("us").1, 2);
    assert_eq!(figures("none"), (4, 4, 1.0));
    assert_eq!(doc["team"]["workdays"], 9);
    assert_eq!(doc["team"]["updates"], 8);
}

#[test]
fn digest_and_report_show_holidays() {
    let t = team();
    t.world.set_now("2026-12-26T12:00:00Z");
    let period = ["--since", "2026-12-21", "--until", "2026-12-25"];
    let mut args = vec!["digest", "--format", "json"];
    args.extend(period);
    let doc = t.none.json(&args);
    let of = |handle: &str| {
        doc["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["handle"] == handle)
            .unwrap()["holidays"]
            .clone()
    };
    assert_eq!(
        of("de"),
        serde_json::json!([
            {"date": "2026-12-22", "name": "Team day"},
            {"date": "2026-12-24", "name": "Heiligabend"},
            {"date": "2026-12-25", "name": "Christmas"},
        ])
    );
    assert_eq!(
        of("none"),
        serde_json::json!([{"date": "2026-12-22", "name": "Team day"}])
    );
    let mut args = vec!["digest"];
    args.extend(period);
    let md = t.none.ok(&args);
    assert!(
        md.contains("Holidays: 2026-12-22 Team day, 2026-12-25 Christmas."),
        "{md}"
    );

    let page = t.world.path().join("report.html");
    t.none.ok(&[
        "report",
        "--html",
        page.to_str().unwrap(),
        "--since",
        "2026-12-21",
    ]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("@de 2026-12-25: holiday<"), "{html}");
    assert!(html.contains("@us 2026-12-24: missed<"), "{html}");
    assert!(html.contains("@none 2026-12-22: holiday<"), "{html}");
}

#[test]
fn a_broken_holidays_file_warns_and_views_go_on() {
    let t = team();
    t.world.set_now("2026-12-25T12:00:00Z");
    let clone = Checkout::of(&t.world, &t.remote);
    clone.put("holidays.toml", "[[holiday]\ndate = 2026-12-25\n");
    clone.push_as("de@example.com", "broken");
    let out = t.none.run(&["team", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("holidays.toml") && err.contains("no holidays apply until it is fixed"),
        "{err}"
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["missing"], serde_json::json!(["us"]));

    // An entry that cannot be used is named and skipped; the rest apply.
    let long = "x".repeat(81);
    clone.put(
        "holidays.toml",
        format!("{HOLIDAYS}\n[[holiday]]\ndate = 2026-12-25\nname = \"{long}\"\n[[holiday]]\ndate = 2026-12-25\nname = \"Boxing\"\nregion = [\"us\"]\n"),
    );
    clone.push_as("de@example.com", "long");
    let out = t.none.run(&["team", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("holidays.toml: holiday 4 (2026-12-25): name is over 80 characters; skipped"),
        "{err}"
    );
    assert!(
        err.contains("holidays.toml: holiday 5: unknown field `region`"),
        "{err}"
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["missing"], serde_json::json!([]));
}

#[test]
fn only_a_maintainer_may_change_the_holidays() {
    let t = team();
    // The fixture's holidays came from de, the maintainer.
    let out = t.none.run(&["audit", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let clone = Checkout::of(&t.world, &t.remote);
    clone.put(
        "holidays.toml",
        format!("{HOLIDAYS}[[holiday]]\ndate = 2026-12-28\nname = \"Mine\"\n"),
    );
    clone.push_as("us@example.com", "a day off for all");
    let out = t.none.expect(1, &["audit"]);
    assert!(
        out.contains(
            "changed the trust anchor holidays.toml, but us@example.com is not a maintainer"
        ),
        "{out}"
    );
}

#[test]
fn region_round_trips_through_a_hand_edited_member_file() {
    let t = team();
    let clone = Checkout::of(&t.world, &t.remote);
    let text = clone.read("members/us.toml");
    assert!(text.contains("region = \"us\""), "{text}");
    clone.put(
        "members/us.toml",
        format!(
            "# New York office\n{}",
            text.replace("region = \"us\"\n", "")
        ),
    );
    clone.push_as("us@example.com", "comment");
    t.us.ok(&["sync"]);
    t.us.ok(&["me", "--region", "us-ny"]);
    let clone = Checkout::of(&t.world, &t.remote);
    let text = clone.read("members/us.toml");
    assert!(
        text.starts_with("# New York office\n") && text.contains("region = \"us-ny\""),
        "{text}"
    );
    let out = t.us.expect(2, &["me", "--region", "<us>"]);
    assert!(out.is_empty());
}

#[test]
fn a_holidays_file_of_ten_years_of_a_dozen_regions_is_read_whole() {
    let t = team();
    // 1,200 entries (under the 2,000 allowed), about 90 KB: more than an
    // update or member file may be, and a realistic holidays file.
    let regions = [
        "de", "us", "in", "fr", "es", "gb", "nl", "it", "pl", "se", "br", "jp",
    ];
    let first = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let mut text = String::new();
    for i in 0..1199u64 {
        text.push_str(&format!(
            "[[holiday]]\ndate = {}\nname = \"Day of the Republic\"\nregions = [\"{}\"]\n\n",
            first + chrono::Days::new(i * 3),
            regions[i as usize % 12]
        ));
    }
    text.push_str("[[holiday]]\ndate = 2026-12-25\nname = \"Christmas\"\n");
    assert!(text.len() > 64 * 1024, "{}", text.len());
    let clone = Checkout::of(&t.world, &t.remote);
    clone.put("holidays.toml", &text);
    clone.push_as("de@example.com", "ten years of holidays");
    t.world.set_now("2026-12-25T12:00:00Z");
    let out = t.none.run(&["--strict", "team", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(state_of(&doc, "none"), "holiday", "{doc}");
    t.us.ok(&["sync"]);
    assert!(t.us.ok(&["status"]).contains("has a holiday (Christmas)"));
    // Past its own cap the file is still refused, with a warning naming it.
    let huge = format!("# {}\n{text}", "x".repeat(600 * 1024));
    clone.put("holidays.toml", huge);
    clone.push_as("de@example.com", "too big");
    let out = t.none.run(&["team", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("holidays.toml") && stderr(&out).contains("byte limit"),
        "{}",
        stderr(&out)
    );
}
