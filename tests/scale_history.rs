//! Cost bounded by what is shown (issue #13), for reads of a long history:
//! an update whose last change lies past the walk's bound is looked for
//! once, not on every `team`, and a long read lets go of the pack index
//! pages it searched without reading anything differently. Work is counted
//! (`ASYNC_UP_DEBUG_COUNTS=1`), never timed; the memory figures are in
//! `benches/org_scale.py`.

mod common;
use common::*;

fn update_text(handle: &str, date: &str) -> String {
    format!(
        "version = 1\nauthor = \"{handle}\"\ndate = {date}\nwritten_at = {date}T09:00:00Z\nyesterday = [\"{handle} did {date}\"]\ntoday = [\"x\"]\nmood = 4\n"
    )
}

#[test]
fn an_update_older_than_the_walk_is_looked_for_once() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let lead = world.person("lead", "UTC");
    lead.ok(&["init", remote.to_str().unwrap()]);
    lead.ok(&["write", "--today", "Plan"]);
    // Then 20,001 commits that touch nothing shown (a bot's notes file):
    // the lead's update is now further back than history is walked.
    let mut s = String::from(
        "commit refs/heads/main\ncommitter B <bot@example.com> 1795939200 +0000\ndata 1\nn\nfrom refs/heads/main^0\nM 100644 inline notes.txt\ndata 1\n0\n",
    );
    for i in 1..=20_000 {
        let body = i.to_string();
        s.push_str(&format!(
            "commit refs/heads/main\ncommitter B <bot@example.com> 1795939200 +0000\ndata 1\nn\nM 100644 inline notes.txt\ndata {}\n{body}\n",
            body.len()
        ));
    }
    fast_import(&remote, &s);
    lead.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    let first = lead.run(&["team", "--format", "json"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(
        counter(&first, "history_commits") >= 20_000,
        "the first read walks up to the bound: {}",
        stderr(&first)
    );
    for _ in 0..2 {
        let again = lead.run(&["team", "--no-fetch", "--format", "json"]);
        assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
        assert!(stdout(&again).contains("Plan"), "{}", stdout(&again));
        assert_eq!(
            counter(&again, "history_commits"),
            0,
            "an update out of the walk's reach was looked for again: {}",
            stderr(&again)
        );
    }
    // A new change to the file is looked for (and found) again.
    lead.ok(&["write", "--today", "Plan again"]);
    let after = lead.run(&["team", "--no-fetch", "--format", "json"]);
    assert!(stdout(&after).contains("Plan again"), "{}", stdout(&after));
    assert!(
        (1..20_000).contains(&counter(&after, "history_commits")),
        "the rewritten update's last commit is the newest: {}",
        stderr(&after)
    );
}

#[test]
fn a_long_read_releases_index_pages_and_reads_the_same() {
    let world = World::new();
    world.set_now("2026-11-24T12:00:00Z");
    let remote = world.bare_remote("team.git", "main");
    let lead = world.person("lead", "UTC");
    lead.ok(&["init", remote.to_str().unwrap()]);
    // Three members' 40 workdays each, then the whole history in one pack
    // (a real pack index to map).
    let clone = Checkout::of(&world, &remote);
    let mut day = chrono::NaiveDate::from_ymd_opt(2026, 9, 28).unwrap();
    let mut written = 0;
    while written < 40 {
        if chrono::Datelike::weekday(&day).number_from_monday() <= 5 {
            for h in ["ann", "bo", "cy"] {
                clone.put(
                    &format!("updates/{h}/2026/{day}.toml"),
                    update_text(h, &day.to_string()),
                );
            }
            written += 1;
        }
        day = day.succ_opt().unwrap();
    }
    for h in ["ann", "bo", "cy"] {
        clone.put(
            &format!("members/{h}.toml"),
            format!("handle = \"{h}\"\nname = \"{h}\"\nemail = \"{h}@example.com\"\ntimezone = \"UTC\"\n"),
        );
    }
    clone.push("forty days of three members");
    lead.ok(&["sync"]);
    git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(lead.mirror("team"))
            .args(["repack", "-a", "-d", "-q"]),
    );
    lead.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    // A small index is left mapped: releasing it costs more than it saves.
    let kept = lead.run(&["stats", "--since", "1y", "--no-fetch", "--format", "json"]);
    assert_eq!(kept.status.code(), Some(0), "{}", stderr(&kept));
    assert_eq!(
        counter(&kept, "pack_index_releases"),
        0,
        "{}",
        stderr(&kept)
    );
    // With the floor lowered, this small repo's index is released as a big
    // one is, and the same is read.
    lead.set_env("ASYNC_UP_DEBUG_INDEX_FLOOR", "0");
    std::fs::remove_dir_all(lead.mirror("team").join("async-up-facts")).unwrap();
    let out = lead.run(&["stats", "--since", "1y", "--no-fetch", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        counter(&out, "pack_index_releases") >= 1,
        "120 files read without releasing: {}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), stdout(&kept));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let members = doc["members"].as_array().unwrap();
    for h in ["ann", "bo", "cy"] {
        let m = members
            .iter()
            .find(|m| m["handle"] == h)
            .unwrap_or_else(|| panic!("{h} in {doc}"));
        assert_eq!(m["updates"], 40, "{h}: {m}");
    }
}

/// A team joined by `lead`, with a member ann added through a plain-git
/// checkout (not pushed yet).
fn ann_joined(world: &World) -> (std::path::PathBuf, Person, Checkout) {
    let remote = world.bare_remote("team.git", "main");
    let lead = world.person("lead", "UTC");
    lead.ok(&["init", remote.to_str().unwrap()]);
    let clone = Checkout::of(world, &remote);
    clone.put(
        "members/ann.toml",
        "handle = \"ann\"\nname = \"Ann\"\nemail = \"ann@example.com\"\ntimezone = \"UTC\"\n",
    );
    (remote, lead, clone)
}

#[test]
fn a_period_is_led_by_the_last_readable_update_before_it_even_a_year_back() {
    let world = World::new();
    world.set_now("2026-01-09T12:00:00Z");
    let (_remote, lead, clone) = ann_joined(&world);
    // The blocker opened last year; the newest file before the period does
    // not parse, so the lead is the one before it, in the year before.
    clone.put(
        "updates/ann/2025/2025-12-29.toml",
        format!(
            "{}blockers = [{{ id = \"b1\", text = \"waiting on keys\", since = 2025-12-29 }}]\n",
            update_text("ann", "2025-12-29")
        ),
    );
    clone.put("updates/ann/2026/2026-01-02.toml", "not toml [[[\n");
    clone.put(
        "updates/ann/2026/2026-01-06.toml",
        update_text("ann", "2026-01-06"),
    );
    clone.push("ann's days around new year");
    lead.ok(&["sync"]);
    let stats = lead.json(&[
        "stats",
        "--since",
        "2026-01-05",
        "--until",
        "2026-01-09",
        "--format",
        "json",
    ]);
    let ann = stats["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["handle"] == "ann")
        .unwrap()
        .clone();
    assert_eq!(ann["blockers_resolved"], 1, "{ann}");
    let digest = lead.json(&[
        "digest",
        "--since",
        "2026-01-05",
        "--until",
        "2026-01-09",
        "--format",
        "json",
    ]);
    let text = digest.to_string();
    assert!(text.contains("waiting on keys"), "{text}");
}

/// ann's week: a readable Monday, then a file that does not parse, one by
/// someone else, one over 64 KiB and one with a NUL byte.
fn a_troubled_week(world: &World) -> (std::path::PathBuf, Person) {
    world.set_now("2026-01-09T12:00:00Z");
    let (remote, lead, clone) = ann_joined(world);
    clone.put(
        "updates/ann/2026/2026-01-05.toml",
        update_text("ann", "2026-01-05"),
    );
    clone.put("updates/ann/2026/2026-01-06.toml", "not toml [[[\n");
    clone.put(
        "updates/ann/2026/2026-01-07.toml",
        update_text("ann", "2026-01-07").replace("author = \"ann\"", "author = \"bob\""),
    );
    clone.put(
        "updates/ann/2026/2026-01-08.toml",
        format!("x = \"{}\"\n", "a".repeat(70_000)),
    );
    clone.put("updates/ann/2026/2026-01-09.toml", "version = 1\0\n");
    clone.push("ann's troubled week");
    lead.ok(&["sync"]);
    (remote, lead)
}

#[test]
fn warnings_come_in_file_order_though_files_are_read_ahead() {
    let world = World::new();
    let (_remote, lead) = a_troubled_week(&world);
    for run in 0..2 {
        let out = lead.run(&[
            "stats",
            "--since",
            "2026-01-05",
            "--until",
            "2026-01-09",
            "--format",
            "json",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let err = stderr(&out);
        let at = |day: &str| {
            err.find(&format!("2026-01-{day}.toml"))
                .unwrap_or_else(|| panic!("no warning for the {day}th: {err}"))
        };
        assert!(
            at("06") < at("07") && at("07") < at("08") && at("08") < at("09"),
            "run {run}: warnings out of file order: {err}"
        );
    }
}

#[test]
fn a_read_with_repo_keeps_nothing_in_the_repository() {
    let world = World::new();
    let (remote, lead) = a_troubled_week(&world);
    let clone = Checkout::of(&world, &remote);
    for d in ["2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15"] {
        clone.put(&format!("updates/ann/2026/{d}.toml"), update_text("ann", d));
    }
    clone.push("a good week");
    world.set_now("2026-01-16T12:00:00Z");
    for args in [
        &["digest", "--week"][..],
        &["stats", "--since", "1y"][..],
        &["log", "ann"][..],
    ] {
        let mut argv = vec!["--repo", remote.to_str().unwrap()];
        argv.extend_from_slice(args);
        let out = lead.run(&argv);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert!(
        !remote.join("async-up-facts").exists(),
        "--repo wrote a cache into the repository it read"
    );
}

#[test]
fn a_second_digest_parses_nothing_its_lead_included() {
    let world = World::new();
    world.set_now("2026-01-16T12:00:00Z");
    let (_remote, lead, clone) = ann_joined(&world);
    // The week (from the 12th), the fortnight before it (from December
    // 29th), and a lead before both.
    let mut days: Vec<String> = ["2025-12-22", "2025-12-29", "2025-12-30", "2025-12-31"]
        .map(String::from)
        .to_vec();
    days.extend((1..=16).map(|d| format!("2026-01-{d:02}")));
    for day in &days {
        clone.put(
            &format!("updates/ann/{}/{day}.toml", &day[..4]),
            update_text("ann", day),
        );
    }
    clone.push("ann's January");
    lead.ok(&["sync"]);
    lead.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    let first = lead.run(&["digest", "--week", "--no-fetch"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(counter(&first, "update_files_parsed") > 0);
    let again = lead.run(&["digest", "--week", "--no-fetch"]);
    assert_eq!(stdout(&again), stdout(&first));
    assert_eq!(
        counter(&again, "update_files_parsed"),
        0,
        "the lead or a file of the period was parsed again: {}",
        stderr(&again)
    );
    assert!(
        counter(&again, "update_files_kept") >= 10,
        "{}",
        stderr(&again)
    );
}

/// A digest lists each member's folders through what earlier runs kept:
/// run again, it reads none of a big member's clean folders from the
/// object store (a small member's, or one with a stray entry, are read
/// again: not worth a file, or not the layout's); when a teammate
/// changes a file, the folders on its path are read again (not the year
/// left alone) and the change is shown; a damaged keep is read around.
/// Warnings for entries out of the layout come from the listing every run.
#[test]
fn a_second_digest_reads_no_folder_and_a_changed_one_is_read_again() {
    let world = World::new();
    world.set_now("2026-01-16T12:00:00Z");
    let (_remote, lead, clone) = ann_joined(&world);
    // December fills a year folder worth keeping (32 entries or more).
    let mut days: Vec<String> = (24..=30).map(|d| format!("2025-11-{d:02}")).collect();
    days.extend((1..=31).map(|d| format!("2025-12-{d:02}")));
    days.extend((1..=16).map(|d| format!("2026-01-{d:02}")));
    for day in &days {
        clone.put(
            &format!("updates/ann/{}/{day}.toml", &day[..4]),
            update_text("ann", day),
        );
    }
    // bo wrote twice: his folders are cheap to read and not kept.
    clone.put(
        "members/bo.toml",
        "handle = \"bo\"\nname = \"Bo\"\nemail = \"bo@example.com\"\ntimezone = \"UTC\"\n",
    );
    for day in ["2026-01-13", "2026-01-14"] {
        clone.put(
            &format!("updates/bo/2026/{day}.toml"),
            update_text("bo", day),
        );
    }
    clone.put("updates/ann/2026/notes.txt", "not an update");
    clone.put(
        "updates/ann/2026/2026-03-20.toml",
        update_text("ann", "2026-03-20"),
    );
    clone.push("ann's January, a stray note and a file dated ahead");
    lead.ok(&["sync"]);
    lead.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    let digest = || {
        let out = lead.run(&["digest", "--week", "--no-fetch"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let warnings: Vec<String> = stderr(&out)
            .lines()
            .filter(|l| l.starts_with("warning:"))
            .map(String::from)
            .collect();
        (out, warnings)
    };
    let (first, first_warnings) = digest();
    // ann's folder, 2025 and 2026; bo's folder and 2026.
    assert_eq!(counter(&first, "folders_read"), 5, "{}", stderr(&first));
    for name in ["notes.txt", "2026-03-20.toml"] {
        assert!(
            first_warnings.iter().any(|w| w.contains(name)),
            "{name}: {first_warnings:?}"
        );
    }
    // ann's 2026 folder holds a stray note: not kept, read again (and
    // warned about again); bo's folders are small.
    let (again, again_warnings) = digest();
    assert_eq!(counter(&again, "folders_read"), 3, "{}", stderr(&again));
    let facts = lead.mirror("team").join("async-up-facts");
    assert!(!facts.join("bo/folders").exists());
    assert_eq!(stdout(&again), stdout(&first));
    assert_eq!(again_warnings, first_warnings);

    // ann rewrites Wednesday: her folder and 2026 are new trees; 2025 is not.
    clone.put(
        "updates/ann/2026/2026-01-14.toml",
        update_text("ann", "2026-01-14").replace("ann did 2026-01-14", "ann rewrote wednesday"),
    );
    clone.push("ann rewrites Wednesday");
    lead.ok(&["sync"]);
    let (changed, _) = digest();
    assert_eq!(counter(&changed, "folders_read"), 4, "{}", stderr(&changed));
    let shown = stdout(&changed);
    assert!(shown.contains("ann rewrote wednesday"), "{shown}");
    assert!(!shown.contains("ann did 2026-01-14"), "{shown}");
    let (settled, _) = digest();
    assert_eq!(counter(&settled, "folders_read"), 3, "{}", stderr(&settled));

    // A damaged or garbled keep is read around, with the same result.
    let kept = lead.mirror("team").join("async-up-facts/ann/folders");
    let mut bytes = std::fs::read(&kept).expect("ann's folders are kept");
    let last = bytes.len() - 1;
    bytes[last] ^= 0x41;
    std::fs::write(&kept, &bytes).unwrap();
    let (damaged, damaged_warnings) = digest();
    assert!(counter(&damaged, "folders_read") >= 3);
    assert_eq!(stdout(&damaged), shown);
    assert_eq!(damaged_warnings, first_warnings);
    std::fs::write(&kept, b"async-up-folders 1\n\x01\x02").unwrap();
    let (garbled, _) = digest();
    assert_eq!(counter(&garbled, "folders_read"), 5);
    assert_eq!(stdout(&garbled), shown);
}

/// What is kept beside the mirror costs readers no more than what is there
/// to show: a folder too big to keep (a teammate's 2,000 long names, which
/// git compresses well) is read each time instead, and when planted
/// folders are removed from `updates/`, what was kept of them goes too.
#[test]
fn kept_folders_are_bounded_and_go_with_the_planted_folders() {
    let world = World::new();
    world.set_now("2026-01-16T12:00:00Z");
    let (remote, lead, clone) = ann_joined(&world);
    clone.push("ann joins");
    lead.ok(&["sync"]);
    // Three planted names, each with a year folder worth keeping, and a
    // fourth whose year folder holds 2,000 names of 200 bytes.
    let mut s = String::from(
        "commit refs/heads/main\ncommitter B <b@example.com> 1768564800 +0000\ndata 6\nplant\nfrom refs/heads/main^0\n",
    );
    for h in ["p1", "p2", "p3"] {
        for d in 1..=40 {
            let day = format!("2025-{:02}-{:02}", 1 + d / 28, 1 + d % 28);
            let body = update_text(h, &day);
            s.push_str(&format!(
                "M 100644 inline updates/{h}/2025/{day}.toml\ndata {}\n{body}\n",
                body.len()
            ));
        }
    }
    for i in 0..2000 {
        s.push_str(&format!(
            "M 100644 inline updates/p4/2026/{i:04}{}.toml\ndata 1\nx\n",
            "n".repeat(200)
        ));
    }
    // p5 carries p1's updates under its own name (nothing true of p5), and
    // p6 forty years of forty files each far ahead, and forty before 2000.
    for d in 1..=40 {
        let day = format!("2025-{:02}-{:02}", 1 + d / 28, 1 + d % 28);
        let body = update_text("p1", &day);
        s.push_str(&format!(
            "M 100644 inline updates/p5/2025/{day}.toml\ndata {}\n{body}\n",
            body.len()
        ));
    }
    for year in (1960..2000).chain(2100..2140) {
        for d in 1..=40 {
            let day = format!("{year}-{:02}-{:02}", 1 + d / 28, 1 + d % 28);
            let body = update_text("p6", &day);
            s.push_str(&format!(
                "M 100644 inline updates/p6/{year}/{day}.toml\ndata {}\n{body}\n",
                body.len()
            ));
        }
    }
    fast_import(&remote, &s);
    lead.ok(&["sync"]);
    lead.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    let out = lead.run(&["stats", "--since", "2y", "--no-fetch"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let kept = lead.mirror("team").join("async-up-facts");
    for h in ["p1", "p2", "p3"] {
        assert!(kept.join(h).join("folders").exists(), "{h}");
    }
    assert!(!kept.join("p4/folders").exists(), "2,000 long names kept");
    for h in ["p5", "p6"] {
        assert!(!kept.join(h).exists(), "{h}: nothing true, yet kept");
    }
    // Years far ahead are named once each, their files never listed.
    let err = stderr(&out);
    assert!(
        err.contains("updates/p6/2100: a year folder ahead of today"),
        "{err}"
    );
    assert!(
        err.contains("updates/p6/1999: a year folder before 2000"),
        "{err}"
    );
    for year in ["2100", "1999"] {
        assert!(!err.contains(&format!("updates/p6/{year}/")), "{err}");
    }
    let again = lead.run(&["stats", "--since", "2y", "--no-fetch"]);
    assert_eq!(stdout(&again), stdout(&out));
    // p4's folder and its big year are read again, p5's folder and year,
    // and p6's folder (its years are ahead of the period, never listed);
    // p1 to p3 are kept.
    assert_eq!(counter(&again, "folders_read"), 5, "{}", stderr(&again));

    // The planted folders are removed by a plain commit: the next read
    // (the index sees `updates/` change) forgets what was kept of them.
    let clone = Checkout::of(&world, &remote);
    for h in ["p1", "p2", "p3", "p4", "p5", "p6"] {
        std::fs::remove_dir_all(clone.dir.join("updates").join(h)).unwrap();
    }
    clone.push("unplant");
    lead.ok(&["sync"]);
    let out = lead.run(&["team", "--no-fetch"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        counter(&out, "kept_people_forgotten"),
        3,
        "{}",
        stderr(&out)
    );
    for h in ["p1", "p2", "p3"] {
        assert!(!kept.join(h).exists(), "{h} still kept");
    }

    // A link put where the kept folder was is not followed to empty
    // whatever it points at.
    let elsewhere = world.path().join("elsewhere");
    std::fs::create_dir_all(elsewhere.join("important")).unwrap();
    std::fs::write(elsewhere.join("important/f"), "x").unwrap();
    let _ = std::fs::remove_dir_all(&kept);
    std::os::unix::fs::symlink(&elsewhere, &kept).unwrap();
    clone.put(
        "updates/ann/2026/2026-01-15.toml",
        update_text("ann", "2026-01-15"),
    );
    clone.push("ann writes");
    lead.ok(&["sync"]);
    lead.ok(&["team", "--no-fetch"]);
    assert!(elsewhere.join("important/f").exists(), "followed the link");
}

/// A FIFO put where a kept file belongs (the index, the kept texts, a
/// member's kept updates and folders, the marker of the last fetch) is
/// read around, not waited on: the views come out as with nothing kept. A
/// FIFO for the user's config is an error naming it. A hang is killed
/// after a minute.
#[test]
fn a_fifo_in_place_of_a_kept_file_is_read_around() {
    let world = World::new();
    world.set_now("2026-01-16T12:00:00Z");
    let (_remote, lead, clone) = ann_joined(&world);
    for d in 1..=16 {
        let day = format!("2026-01-{d:02}");
        clone.put(
            &format!("updates/ann/2026/{day}.toml"),
            update_text("ann", &day),
        );
    }
    clone.push("ann's January");
    lead.ok(&["sync"]);
    let expected = lead.ok(&["digest", "--week", "--no-fetch"]);
    let fifo = |path: &std::path::Path| {
        let _ = std::fs::remove_file(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo on a path in the test's own temp dir.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    };
    let bounded = |args: &[&str]| {
        let mut child = lead
            .std_cmd()
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(60) {
                let _ = child.kill();
                panic!("{args:?} waited on a FIFO");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        child.wait_with_output().unwrap()
    };
    let mirror = lead.mirror("team");
    let kept = mirror.join("async-up-facts/ann");
    for path in [
        mirror.join("async-up-index.json"),
        mirror.join("async-up-texts"),
        mirror.join("async-up-fetched-at"),
        kept.join("2026"),
        kept.join("folders"),
    ] {
        fifo(&path);
    }
    let out = bounded(&["digest", "--week", "--no-fetch"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), expected);
    let out = bounded(&["search", "did", "--no-fetch"]);
    assert_eq!(out.status.code(), Some(1), "a match: {}", stderr(&out));
    let out = bounded(&["--offline", "team"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    fifo(&lead.config_file());
    let out = bounded(&["--offline", "team"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("config.toml") && err.contains("not a regular file"),
        "{err}"
    );
}

/// Parsed updates are kept only while their year folder holds them: a
/// teammate who rewrites every file of the month (or force-pushes new
/// contents) leaves the reader's kept updates the size they were, not one
/// copy more per rewrite.
#[test]
fn rewritten_updates_leave_nothing_kept_behind() {
    let world = World::new();
    world.set_now("2026-01-23T12:00:00Z");
    let (_remote, lead, clone) = ann_joined(&world);
    let write_month = |version: &str| {
        for d in 1..=20 {
            let day = format!("2026-01-{d:02}");
            clone.put(
                &format!("updates/ann/2026/{day}.toml"),
                update_text("ann", &day).replace("ann did", &format!("ann {version} did")),
            );
        }
    };
    let kept = lead.mirror("team").join("async-up-facts/ann/2026");
    let mut sizes = Vec::new();
    for version in ["v1", "v2", "v3"] {
        write_month(version);
        clone.push(&format!("ann's January, {version}"));
        lead.ok(&["sync"]);
        let log = lead.ok(&["log", "ann", "--since", "4w", "--no-fetch"]);
        assert!(log.contains(&format!("ann {version} did")), "{log}");
        lead.ok(&["stats", "--since", "4w", "--no-fetch"]);
        sizes.push(std::fs::metadata(&kept).expect("ann's January kept").len());
    }
    assert!(
        sizes[2] < sizes[0] * 3 / 2,
        "kept updates grew with each rewrite: {sizes:?}"
    );
}

/// A folder filled with files that cannot be shown (someone else's, in a
/// member's name) costs a bounded search on every read, not one file
/// each: past the hundred newest, the search stops and says so. Before,
/// 9,490 such files made every `team`, `blockers` and `digest` take 20 s.
#[test]
fn a_folder_of_files_that_cannot_be_shown_is_searched_a_bounded_way() {
    let world = World::new();
    world.set_now("2026-01-16T12:00:00Z");
    let (_remote, lead, clone) = ann_joined(&world);
    clone.put(
        "updates/ann/2024/2024-06-03.toml",
        update_text("ann", "2024-06-03"),
    );
    let mut day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    for _ in 0..300 {
        clone.put(
            &format!("updates/ann/2025/{day}.toml"),
            update_text("ann", &day.to_string())
                .replace("author = \"ann\"", "author = \"mallory\""),
        );
        day = day.succ_opt().unwrap();
    }
    clone.push("ann's folder flooded with mallory's files");
    lead.ok(&["sync"]);
    lead.set_env("ASYNC_UP_DEBUG_COUNTS", "1");
    for args in [
        &["team", "--no-fetch"][..],
        &["blockers", "--no-fetch"],
        &["digest", "--week", "--no-fetch"],
    ] {
        let out = lead.run(args);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(
            counter(&out, "update_files_parsed") <= 110,
            "{args:?} parsed every planted file: {}",
            counter(&out, "update_files_parsed")
        );
        let err = stderr(&out);
        assert!(
            err.contains("updates/ann: none of its 100 newest files looked at can be shown"),
            "{args:?}: {err}"
        );
    }
}

/// The bound on looking back is the views': `write` looks back as far as it
/// takes for the update it carries open blockers over from, so files a
/// teammate planted after yours never drop your blockers unseen.
#[test]
fn write_carries_blockers_over_past_planted_files() {
    let world = World::new();
    world.set_now("2025-09-01T09:00:00Z");
    let remote = world.bare_remote("team.git", "main");
    let ann = world.person("ann", "UTC");
    ann.ok(&["init", remote.to_str().unwrap()]);
    ann.ok(&[
        "write",
        "--today",
        "leave starts",
        "--blocker",
        "Waiting on creds",
    ]);
    let clone = Checkout::of(&world, &remote);
    let mut day = chrono::NaiveDate::from_ymd_opt(2025, 9, 2).unwrap();
    for _ in 0..150 {
        clone.put(
            &format!("updates/ann/2025/{day}.toml"),
            "<<<<<<< HEAD\nbroken\n",
        );
        day = day.succ_opt().unwrap();
    }
    clone.push("a bad merge in ann's folder");
    world.set_now("2026-01-16T09:00:00Z");
    ann.ok(&["write", "--today", "back from leave"]);
    let doc = ann.json(&["blockers", "--format", "json"]);
    let texts: Vec<&str> = doc["blockers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["text"].as_str())
        .collect();
    assert_eq!(texts, ["Waiting on creds"], "{doc}");
}

/// The views' bound counts each file once: 99 unreadable files before a
/// member's real update leave it shown (the 100th file read), 100 hide it
/// with the warning, whether the newest files come from the index or not.
#[test]
fn the_look_back_bound_counts_each_file_once() {
    for (junk, shown) in [(99, true), (100, false)] {
        let world = World::new();
        world.set_now("2025-09-01T09:00:00Z");
        let (_remote, lead, clone) = ann_joined(&world);
        clone.put(
            "updates/ann/2025/2025-09-01.toml",
            format!(
                "{}blockers = [{{ id = \"b1\", text = \"waiting on keys\", since = 2025-09-01 }}]\n",
                update_text("ann", "2025-09-01")
            ),
        );
        let mut day = chrono::NaiveDate::from_ymd_opt(2025, 9, 2).unwrap();
        for _ in 0..junk {
            clone.put(&format!("updates/ann/2025/{day}.toml"), "<<<<<<< HEAD\n");
            day = day.succ_opt().unwrap();
        }
        clone.push("ann's folder");
        world.set_now("2026-01-16T09:00:00Z");
        lead.ok(&["sync"]);
        let out = lead.run(&["blockers", "--no-fetch"]);
        let err = stderr(&out);
        assert_eq!(
            stdout(&out).contains("waiting on keys"),
            shown,
            "{junk} unreadable files: {}{err}",
            stdout(&out)
        );
        assert_eq!(
            err.contains("none of its 100 newest files"),
            !shown,
            "{err}"
        );
    }
}
