//! Figures for leads on hand-built histories whose answers are known.

mod common;
use common::*;

fn member(clone: &Checkout, handle: &str, tz: &str, extra: &str) {
    clone.put(
        &format!("members/{handle}.toml"),
        format!("handle = \"{handle}\"\nemail = \"{handle}@example.com\"\ntimezone = \"{tz}\"\nhours = \"09:00-17:00\"\n{extra}"),
    );
}

fn update(clone: &Checkout, handle: &str, date: &str, at: &str, body: &str) {
    clone.put(
        &format!("updates/{handle}/2026/{date}.toml"),
        format!("author = \"{handle}\"\ndate = {date}\nwritten_at = {at}\n{body}"),
    );
}

/// The week of Monday 2026-11-16 to Friday 2026-11-20.
fn history(per_person_wellbeing: bool) -> (World, Person) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let lead = world.person("lead", "UTC");
    world.set_now("2026-11-13T09:00:00Z");
    lead.ok(&["init", remote.to_str().unwrap()]);
    let clone = Checkout::of(&world, &remote);
    let team = clone.read("async-up.toml");
    clone.put(
        "async-up.toml",
        format!("{team}\n[insight]\nper_person_wellbeing = {per_person_wellbeing}\n"),
    );
    // three: Mon, Tue, Wed of five workdays; a blocker from Monday gone on Wednesday.
    member(&clone, "three", "UTC", "");
    update(&clone, "three", "2026-11-16", "2026-11-16T09:00:00Z", "today = [\"Build login\"]\nmood = 4\n[[blockers]]\nid = \"b1\"\ntext = \"Waiting on creds\"\nsince = 2026-11-16\n");
    update(&clone, "three", "2026-11-17", "2026-11-17T09:00:00Z", "yesterday = [\"Built half of login\"]\ntoday = [\"Finish login\"]\nmood = 2\n[[blockers]]\nid = \"b1\"\ntext = \"Waiting on creds\"\nsince = 2026-11-16\n");
    update(
        &clone,
        "three",
        "2026-11-18",
        "2026-11-18T09:00:00Z",
        "yesterday = [\"Finished login\"]\nmood = 5\n",
    );
    // away2: away Tuesday and Wednesday, wrote the other three days; also a Saturday update.
    member(
        &clone,
        "away2",
        "Europe/Berlin",
        "[[away]]\nfrom = 2026-11-17\nuntil = 2026-11-18\n",
    );
    for d in ["16", "19", "20", "21"] {
        update(
            &clone,
            "away2",
            &format!("2026-11-{d}"),
            &format!("2026-11-{d}T09:00:00+01:00"),
            "today = [\"x\"]\n",
        );
    }
    // night: five updates, one written at 23:00 local against 09:00-17:00.
    member(&clone, "night", "America/New_York", "");
    for d in ["16", "17", "18", "19"] {
        update(
            &clone,
            "night",
            &format!("2026-11-{d}"),
            &format!("2026-11-{d}T10:00:00-05:00"),
            "today = [\"y\"]\n",
        );
    }
    update(
        &clone,
        "night",
        "2026-11-20",
        "2026-11-20T23:00:00-05:00",
        "today = [\"late\"]\n",
    );
    // Either side of the date line, every local workday written.
    member(&clone, "east", "Pacific/Kiritimati", "");
    member(&clone, "west", "Etc/GMT+12", "");
    for d in ["16", "17", "18", "19", "20"] {
        update(
            &clone,
            "east",
            &format!("2026-11-{d}"),
            &format!("2026-11-{d}T10:00:00+14:00"),
            "today = [\"e\"]\n",
        );
        update(
            &clone,
            "west",
            &format!("2026-11-{d}"),
            &format!("2026-11-{d}T10:00:00-12:00"),
            "today = [\"w\"]\n",
        );
    }
    // newbie joined on Wednesday and wrote Thursday: 1 of 3 workdays.
    member(&clone, "newbie", "UTC", "joined = 2026-11-18\n");
    update(
        &clone,
        "newbie",
        "2026-11-19",
        "2026-11-19T09:00:00Z",
        "today = [\"Onboarding\"]\n",
    );
    // later joined after the week: nothing was expected of them in it.
    member(&clone, "later", "UTC", "joined = 2026-11-23\n");
    clone.push("history");
    world.set_now("2026-11-22T12:00:00Z");
    (world, lead)
}

fn of<'a>(doc: &'a serde_json::Value, handle: &str) -> &'a serde_json::Value {
    doc["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["handle"] == handle)
        .unwrap()
}

#[test]
fn stats_match_the_known_figures() {
    let (_world, lead) = history(true);
    let doc = lead.json(&[
        "stats",
        "--since",
        "2026-11-16",
        "--until",
        "2026-11-20",
        "--format",
        "json",
    ]);
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["since"], "2026-11-16");
    assert_eq!(doc["until"], "2026-11-20");
    let three = of(&doc, "three");
    assert_eq!(
        (three["workdays"].as_u64(), three["updates"].as_u64()),
        (Some(5), Some(3))
    );
    assert_eq!(three["participation"], 0.6);
    assert_eq!(three["blockers_opened"], 1);
    assert_eq!(three["blockers_resolved"], 1);
    assert_eq!(three["median_unblock_days"], 2.0);
    let away2 = of(&doc, "away2");
    assert_eq!(
        (away2["workdays"].as_u64(), away2["updates"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(away2["participation"], 1.0);
    assert_eq!(away2["away_days"], 2);
    let night = of(&doc, "night");
    assert_eq!(night["participation"], 1.0);
    assert_eq!(night["after_hours"], 0.2);
    assert_eq!(three["after_hours"], 0.0);
    for h in ["east", "west"] {
        assert_eq!(of(&doc, h)["participation"], 1.0, "{h}");
        assert_eq!(of(&doc, h)["after_hours"], 0.0, "{h}");
    }
    // The lead joined but wrote nothing: 0 of 5.
    assert_eq!(of(&doc, "lead")["participation"], 0.0);
    let newbie = of(&doc, "newbie");
    assert_eq!(
        (newbie["workdays"].as_u64(), newbie["updates"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(of(&doc, "later")["workdays"], 0);
    let team = &doc["team"];
    assert_eq!(team["workdays"], 5 + 3 + 5 + 5 + 5 + 5 + 3);
    assert_eq!(team["updates"], 3 + 3 + 5 + 5 + 5 + 1);
    assert_eq!(team["blockers_resolved"], 1);
    assert!(lead
        .ok(&["stats", "--since", "2026-11-16", "--until", "2026-11-20"])
        .contains("60% (3/5)"));
    let table = lead.ok(&["stats", "--since", "2026-11-16", "--until", "2026-11-20"]);
    let later = table.lines().find(|l| l.contains("@later")).unwrap();
    assert_eq!(later.split('┆').nth(1).map(str::trim), Some("-"), "{later}");
    // No mood given: a dash, not a row of empty points.
    let mood = later.split('┆').nth(5).unwrap();
    assert_eq!(mood.trim().trim_end_matches('│').trim(), "-", "{later}");
}

#[test]
fn wellbeing_stays_aggregate_unless_the_team_opts_in() {
    let (world, lead) = history(false);
    let doc = lead.json(&[
        "stats",
        "--since",
        "2026-11-16",
        "--until",
        "2026-11-20",
        "--format",
        "json",
    ]);
    assert_eq!(of(&doc, "night")["after_hours"], serde_json::Value::Null);
    assert_eq!(of(&doc, "three")["mood_average"], serde_json::Value::Null);
    // The team aggregate still has after-hours: 1 late update of 22 in the
    // period, from seven writers. Only `three` gave moods, so the team's
    // mood would be theirs: withheld below [insight] min_group (3).
    assert_eq!(doc["team"]["after_hours"], 0.045);
    assert_eq!(doc["team"]["mood_average"], serde_json::Value::Null);
    assert!(doc["team"]["withheld"][0]
        .as_str()
        .unwrap()
        .contains("1 member(s) gave a mood"));
    let table = lead.ok(&["stats", "--since", "2026-11-16", "--until", "2026-11-20"]);
    assert!(!table.contains("▆▂█"), "no one person's moods: {table}");
    let clone = Checkout::of(&world, &world.path().join("team.git"));
    let team = clone.read("async-up.toml");
    clone.put("async-up.toml", format!("{team}min_group = 1\n"));
    clone.push("groups of one");
    let doc = lead.json(&[
        "stats",
        "--since",
        "2026-11-16",
        "--until",
        "2026-11-20",
        "--format",
        "json",
    ]);
    assert_eq!(doc["team"]["mood_average"], 3.667);
    let table = lead.ok(&["stats", "--since", "2026-11-16", "--until", "2026-11-20"]);
    assert!(table.contains("▆▂█"), "team mood sparkline: {table}");
}

#[test]
fn digest_sets_plans_beside_reports_and_lists_blockers() {
    let (_world, lead) = history(true);
    let doc = lead.json(&[
        "digest",
        "--since",
        "2026-11-16",
        "--until",
        "2026-11-20",
        "--format",
        "json",
    ]);
    let three = of(&doc, "three");
    assert_eq!(
        three["days"][0]["planned"],
        serde_json::json!(["Build login"])
    );
    assert_eq!(
        three["days"][0]["reported"],
        serde_json::json!(["Built half of login"])
    );
    assert_eq!(
        three["days"][2]["reported"],
        serde_json::Value::Null,
        "no later update yet"
    );
    assert_eq!(three["blockers_resolved"][0]["days"], 2);
    assert_eq!(of(&doc, "away2")["away_days"], 2);
    assert_eq!(doc["open_blockers"], serde_json::json!([]));
    let md = lead.ok(&["digest", "--since", "2026-11-16", "--until", "2026-11-20"]);
    assert!(
        md.contains("- planned: Build login\n- reported next: Built half of login"),
        "{md}"
    );
    assert!(
        md.contains("blocker resolved 2026-11-18 after 2 day(s): Waiting on creds"),
        "{md}"
    );
    let week = lead.ok(&["digest", "--week"]);
    assert!(week.contains("2026-11-16 to 2026-11-22"), "{week}");
    let html = lead.ok(&["digest", "--week", "--format", "html"]);
    assert!(html.starts_with("<!doctype html>") && !html.contains("<script"));
}

/// Whether chromium is installed; CI (which installs it) must have it.
fn chromium() -> Option<&'static str> {
    let found = std::process::Command::new("sh")
        .args(["-c", "command -v chromium"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is missing: .ci/run installs it"
        );
        eprintln!("skipped: chromium is not installed here (CI installs it)");
        return None;
    }
    Some("chromium")
}

#[test]
fn the_html_report_is_self_contained_and_renders_in_chromium() {
    let (world, lead) = history(false);
    let page = world.path().join("public/report.html");
    let out = lead.run(&[
        "report",
        "--html",
        page.to_str().unwrap(),
        "--since",
        "2026-11-16",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    for forbidden in ["<script", " src=", " href=", "url(", "@import"] {
        assert!(
            !html.contains(forbidden),
            "the page must not load anything: found {forbidden}"
        );
    }
    // 8 members x 7 days (Monday 16th to Sunday 22nd).
    assert_eq!(html.matches("class=\"day\"").count(), 8 * 7);
    assert!(html.contains("@newbie 2026-11-17: before joining"));
    assert!(html.contains("@newbie 2026-11-18: missed"));
    assert!(
        html.contains("@three 2026-11-19: missed"),
        "a missed workday is shown"
    );
    assert!(html.contains("@away2 2026-11-17: away"));
    assert!(html.contains("class=\"blocker\""));
    assert!(html.contains("Waiting on creds (since 2026-11-16, resolved 2026-11-18)"));

    let Some(browser) = chromium() else { return };
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    let dom = stdout(&out);
    let log = stderr(&out);
    assert!(out.status.success(), "chromium failed: {log}");
    for id in ["participation", "blockers", "mood", "after-hours", "team"] {
        assert!(
            dom.contains(&format!("id=\"{id}\"")),
            "{id} is in the rendered page"
        );
    }
    assert_eq!(
        dom.matches("class=\"day\"").count(),
        8 * 7,
        "the heatmap rendered"
    );
    for bad in [
        "CONSOLE",
        "Uncaught",
        "Failed to load resource",
        "ERR_NAME_NOT_RESOLVED",
    ] {
        assert!(!log.contains(bad), "chromium reported {bad}: {log}");
    }
}

/// A day still under way counts once it is written: at 09:00 UTC on
/// Tuesday it is still Monday night in Los Angeles, and a Londoner who has
/// not written yet this morning is not behind either.
#[test]
fn a_day_under_way_counts_once_written() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let lead = world.person("lead", "UTC");
    let west = world.person("west", "America/Los_Angeles");
    world.set_now("2026-11-16T09:00:00Z");
    lead.ok(&["init", remote.to_str().unwrap()]);
    west.ok(&[
        "init",
        remote.to_str().unwrap(),
        "--timezone",
        "America/Los_Angeles",
    ]);
    // Monday the 23rd: both write (18:00 in Los Angeles).
    world.set_now("2026-11-24T02:00:00Z");
    west.ok(&["write", "--today", "Monday, west"]);
    lead.ok(&["write", "--date", "2026-11-23", "--today", "Monday, lead"]);
    // Tuesday 09:00 UTC: the lead has written, west's Tuesday has not begun.
    world.set_now("2026-11-24T09:00:00Z");
    lead.ok(&["write", "--today", "Tuesday, lead"]);
    let doc = lead.json(&["stats", "--since", "2026-11-23", "--format", "json"]);
    let of = |h: &str| {
        let m = doc["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["handle"] == h)
            .unwrap();
        (
            m["workdays"].as_u64().unwrap(),
            m["updates"].as_u64().unwrap(),
        )
    };
    assert_eq!(of("lead"), (2, 2));
    assert_eq!(of("west"), (1, 1));
    let page = world.path().join("report.html");
    lead.ok(&[
        "report",
        "--html",
        page.to_str().unwrap(),
        "--since",
        "2026-11-23",
    ]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("@west 2026-11-24: not over yet"), "{html}");
    assert!(html.contains("@lead 2026-11-24: wrote"));
    // Once west's Tuesday is over without an update, it counts as missed.
    world.set_now("2026-11-25T09:00:00Z");
    let doc = lead.json(&[
        "stats",
        "--since",
        "2026-11-23",
        "--until",
        "2026-11-24",
        "--format",
        "json",
    ]);
    let west_now = doc["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["handle"] == "west")
        .unwrap();
    assert_eq!(
        (west_now["workdays"].as_u64(), west_now["updates"].as_u64()),
        (Some(2), Some(1))
    );
}

/// Days before a member joined are neither workdays nor counted updates: an
/// update backfilled to before `joined` must not lift participation (6
/// updates over 5 workdays showed as 1) nor count as written.
#[test]
fn updates_backfilled_to_before_joining_do_not_count() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let ann = world.person("ann", "UTC");
    // Joins on Monday 2026-11-23.
    world.set_now("2026-11-23T09:00:00Z");
    ann.ok(&["init", remote.to_str().unwrap()]);
    world.set_now("2026-11-27T16:00:00Z");
    for date in [
        "2026-11-18",
        "2026-11-19",
        "2026-11-20",
        "2026-11-23",
        "2026-11-24",
    ] {
        ann.ok(&["write", "--date", date, "--today", "work"]);
    }
    let doc = ann.json(&[
        "stats",
        "--since",
        "2026-11-16",
        "--until",
        "2026-11-27",
        "--format",
        "json",
    ]);
    let me = of(&doc, "ann");
    // Monday to Thursday; Friday is under way and not written yet.
    assert_eq!(me["workdays"], 4, "{me}");
    assert_eq!(me["updates"], 2, "only the days since joining count: {me}");
    assert!(me["participation"].as_f64().unwrap() <= 1.0);
    assert!(
        (me["participation"].as_f64().unwrap() - 0.5).abs() < 1e-9,
        "{me}"
    );
}

/// `report --html` into something that is not a regular file writes into it:
/// replacing it would put a file where a FIFO (or, as root, `/dev/null`)
/// was.
#[test]
fn a_report_written_into_a_fifo_goes_through_it() {
    use std::os::unix::fs::FileTypeExt;
    let (world, lead) = history(false);
    let fifo = world.path().join("report.fifo");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo on a path in the test's own temp dir.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let path = fifo.clone();
    let reader = std::thread::spawn(move || std::fs::read_to_string(path));
    lead.ok(&[
        "report",
        "--html",
        fifo.to_str().unwrap(),
        "--since",
        "2026-11-16",
    ]);
    assert!(
        std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO was replaced by a file"
    );
    let page = reader.join().unwrap().unwrap();
    assert!(page.contains("<html"), "{page}");
}
