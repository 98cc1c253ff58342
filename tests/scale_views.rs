//! Cost bounded by what is shown (issue #13): views over a period choose
//! files by the date in their path before reading any, blocker tracking is
//! linear, and the HTML report stays a page a browser opens. Work is
//! counted (`ASYNC_UP_DEBUG_COUNTS=1`), never timed.

mod common;
use common::*;

/// A team on a pinned Tuesday with `lead` joined, and a plain-git checkout.
fn team() -> (World, Person, Checkout) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let lead = world.person("lead", "UTC");
    world.set_now("2026-11-24T12:00:00Z");
    lead.ok(&["init", remote.to_str().unwrap()]);
    lead.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    let clone = Checkout::of(&world, &remote);
    (world, lead, clone)
}

fn update_text(handle: &str, date: &str, extra: &str) -> String {
    format!("author = \"{handle}\"\ndate = {date}\nwritten_at = {date}T09:00:00Z\ntoday = [\"x\"]\n{extra}")
}

/// A valid update of almost 64 KiB: read, it would be accepted on its day.
fn big_update(handle: &str, date: &str) -> String {
    let mut text = update_text(handle, date, "yesterday = [");
    while text.len() < 64 * 1024 - 100 {
        text.push_str("\"padding padding padding padding\", ");
    }
    text.push_str("\"end\"]\n");
    text
}

#[test]
fn files_dated_after_the_period_are_never_parsed_and_warned_once() {
    let (world, lead, clone) = team();
    let page = world.path().join("r.html");
    for d in ["2026-11-23", "2026-11-24"] {
        clone.put(
            &format!("updates/mo/2026/{d}.toml"),
            update_text("mo", d, ""),
        );
    }
    // Tomorrow is allowed (a clock ahead) but after the period; next year
    // cannot be true. Both are as large as a file may be.
    clone.put(
        "updates/mo/2026/2026-11-25.toml",
        big_update("mo", "2026-11-25"),
    );
    clone.put(
        "updates/mo/2027/2027-03-01.toml",
        big_update("mo", "2027-03-01"),
    );
    clone.push("a teammate plants files dated ahead");
    for args in [
        &["digest", "--week"][..],
        &["stats", "--since", "4w"][..],
        &["report", "--html", page.to_str().unwrap()][..],
    ] {
        let out = lead.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(
            counter(&out, "update_files_parsed"),
            2,
            "{args:?} parsed only the two updates of the period: {}",
            stderr(&out)
        );
        let warned = stderr(&out)
            .lines()
            .filter(|l| l.contains("updates/mo/2027/2027-03-01.toml") && l.contains("after today"))
            .count();
        assert_eq!(warned, 1, "{args:?}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("2026-11-25.toml"),
            "{}",
            stderr(&out)
        );
    }
}

/// `stats` over `updates` days of one member carrying `per` blockers each
/// day (a tenth replaced daily): the blocker work counted.
fn blocker_work(per: usize, updates: usize) -> u64 {
    let (_world, lead, clone) = team();
    let start: chrono::NaiveDate = "2026-11-24".parse().unwrap();
    for day in 0..updates {
        let date = start - chrono::Days::new((updates - 1 - day) as u64);
        let first = day * per / 10;
        let blockers: Vec<String> = (first..first + per)
            .map(|i| {
                format!(
                    "{{id=\"b{i}\",text=\"t\",since={}}}",
                    start - chrono::Days::new(60)
                )
            })
            .collect();
        let d = date.to_string();
        clone.put(
            &format!("updates/flood/2026/{d}.toml"),
            update_text("flood", &d, &format!("blockers=[{}]\n", blockers.join(","))),
        );
    }
    clone.push("one member, many blockers");
    let out = lead.run(&["stats", "--since", "4w", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(counter(&out, "update_files_parsed"), updates as u64);
    counter(&out, "blocker_steps")
}

#[test]
fn blocker_tracking_is_linear_in_the_blockers_listed() {
    let small = blocker_work(100, 6);
    let large = blocker_work(800, 6);
    // Every listed blocker is looked at a bounded number of times: eight
    // times the blockers is about eight times the work, not sixty-four.
    assert!(small > 0);
    assert!(
        large <= 10 * small && large <= 3 * 800 * 6,
        "blocker work grew faster than the blockers: {small} -> {large}"
    );
}

#[test]
fn a_long_report_groups_days_caps_rows_and_refuses_absurd_spans() {
    let (world, lead, clone) = team();
    for d in ["2026-11-23", "2026-11-24", "2025-06-02"] {
        clone.put(
            &format!("updates/mo/{}/{d}.toml", &d[..4]),
            update_text("mo", d, ""),
        );
    }
    clone.push("two years of a small team");
    let page = world.path().join("long.html");
    let page_arg = page.to_str().unwrap();
    lead.ok(&["report", "--html", page_arg, "--since", "1y"]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("data-unit=\"week\""),
        "a year is shown by weeks"
    );
    let weeks = html.matches("<rect class=\"week\"").count();
    // Two members (lead, mo), 53 or 54 week columns each.
    assert!((106..=108).contains(&weeks), "{weeks} week cells");
    assert!(!html.contains("<g class=\"day\""));
    assert!(
        html.contains("@mo 2026-W48: wrote 2, missed 0"),
        "the week of the 23rd"
    );

    lead.ok(&["report", "--html", page_arg, "--since", "5y"]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("data-unit=\"month\""));
    assert_eq!(html.matches("<rect class=\"month\"").count(), 2 * 61);
    assert!(html.contains("@mo 2025-06: wrote 1,"), "June 2025 counted");

    // A short period is still one column per day.
    lead.ok(&["report", "--html", page_arg, "--since", "2w"]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html.matches("<g class=\"day\"").count(), 2 * 15);
    assert!(!html.contains("class=\"left-out\""));

    // Refused: nothing can be dated a thousand years ago.
    let out = lead.run(&["report", "--html", page_arg, "--since", "1000y"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("before 2000-01-01"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_report_on_a_big_team_says_who_it_left_out() {
    let (world, lead, clone) = team();
    for i in 0..305 {
        let h = format!("m{i:03}");
        clone.put(
            &format!("members/{h}.toml"),
            format!("handle = \"{h}\"\nemail = \"{h}@example.com\"\n"),
        );
    }
    clone.push("a big team");
    let page = world.path().join("big.html");
    lead.ok(&["report", "--html", page.to_str().unwrap()]);
    let html = std::fs::read_to_string(&page).unwrap();
    // 306 members (with the lead): 300 rows shown, 6 named as left out.
    assert_eq!(html.matches("<g class=\"day\"").count(), 300 * 28);
    assert!(
        html.contains("6 more member(s) not shown; <code>async-up stats --since 2026-10-28 --format json</code>"),
        "heatmap"
    );
    assert!(html.contains("id=\"team-left-out\">6 more member(s) not shown"));
}
