//! A blocker flood (issue #13): one member listing hundreds of blockers in
//! every update. The views over a period read each file once and hold one
//! update's blockers at a time, so what they hold does not grow with the
//! length of the history. Work is counted (`ASYNC_UP_DEBUG_COUNTS=1`),
//! never timed.

mod common;
use common::*;

const PER: usize = 200;

/// A team where `flood` wrote `days` daily updates up to Tuesday
/// 2026-11-24, each carrying `PER` blockers (a tenth replaced daily).
fn flooded(days: usize) -> (World, Person) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let lead = world.person("lead", "UTC");
    world.set_now("2026-11-24T12:00:00Z");
    lead.ok(&["init", remote.to_str().unwrap()]);
    lead.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    let clone = Checkout::of(&world, &remote);
    let last: chrono::NaiveDate = "2026-11-24".parse().unwrap();
    for day in 0..days {
        let date = last - chrono::Days::new((days - 1 - day) as u64);
        let first = day * PER / 10;
        let blockers: Vec<String> = (first..first + PER)
            .map(|i| format!("{{id=\"b{i}\",text=\"t{i}\",since=2026-01-05}}"))
            .collect();
        clone.put(
            &format!("updates/flood/2026/{date}.toml"),
            format!(
                "author = \"flood\"\ndate = {date}\nwritten_at = {date}T09:00:00Z\n\
                 today = [\"x\"]\nmood = 3\nblockers=[{}]\n",
                blockers.join(",")
            ),
        );
    }
    clone.push("one member, many blockers every day");
    (world, lead)
}

/// Runs `args` and returns (files read, peak blockers held): a file is
/// read by parsing it or from what an earlier run kept of it.
fn work(lead: &Person, args: &[&str]) -> (u64, u64) {
    let out = lead.run(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    (
        counter(&out, "update_files_parsed") + counter(&out, "update_files_kept"),
        counter(&out, "blockers_held"),
    )
}

#[test]
fn views_over_a_flood_hold_one_update_of_blockers_at_a_time() {
    for days in [8, 32] {
        let (world, lead) = flooded(days);
        let page = world.path().join("r.html");
        for args in [
            &["stats", "--since", "1y", "--format", "json"][..],
            &["report", "--html", page.to_str().unwrap(), "--since", "1y"][..],
        ] {
            let (parsed, held) = work(&lead, args);
            assert_eq!(parsed, days as u64, "{args:?}: each file read once");
            assert!(held > 0, "{args:?}: blockers were counted");
            assert!(
                held <= 2 * PER as u64,
                "{args:?} over {days} days held {held} blockers at once"
            );
        }
    }
}

#[test]
fn figures_over_a_flood_are_the_same_streamed() {
    let (_world, lead) = flooded(12);
    let out = lead.run(&["stats", "--since", "4w", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let flood = json["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["handle"] == "flood")
        .unwrap()
        .clone();
    // 12 days, a tenth (20) replaced each day after the first: 200 + 11 x 20
    // opened (all since 2026-01-05, before the period: none opened in it),
    // 11 x 20 resolved.
    assert_eq!(flood["blockers_resolved"], 220, "{flood}");
    assert_eq!(flood["blockers_opened"], 0, "{flood}");
}

#[test]
fn log_over_a_flood_holds_rows_not_every_update() {
    for days in [8, 32] {
        let (_world, lead) = flooded(days);
        let (parsed, held) = work(&lead, &["log", "flood"]);
        assert_eq!(parsed, days as u64, "each file read once");
        assert!(held > 0, "blockers were counted");
        assert!(
            held <= PER as u64,
            "log over {days} days held {held} parsed blockers at once"
        );
        let out = lead.run(&["log", "flood"]);
        let shown = stdout(&out);
        assert!(
            shown.contains("t0 [b0]")
                && shown.contains(&format!("[b{}]", (days - 1) * PER / 10 + PER - 1))
        );
    }
}

#[test]
fn a_second_run_reads_the_flood_parsed_by_the_first() {
    let (_world, lead) = flooded(40);
    let mut shown = Vec::new();
    for run in 0..2 {
        for args in [
            &["stats", "--since", "1y", "--format", "json"][..],
            &["log", "flood", "--format", "json"][..],
        ] {
            let out = lead.run(args);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
            let (parsed, kept) = (
                counter(&out, "update_files_parsed"),
                counter(&out, "update_files_kept"),
            );
            if run == 0 && args[0] == "stats" {
                assert_eq!((parsed, kept), (40, 0), "{args:?}");
            } else {
                assert_eq!((parsed, kept), (0, 40), "{args:?} run {run}");
            }
            shown.push(stdout(&out));
        }
    }
    assert_eq!(shown[0], shown[2], "stats the same from what was kept");
    assert_eq!(shown[1], shown[3], "log the same from what was kept");
    assert!(shown[1].contains("\"t399\""), "{}", &shown[1][..200]);
}
