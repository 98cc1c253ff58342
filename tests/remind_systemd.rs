//! The systemd units `remind --install` writes, checked by systemd-analyze
//! with a binary and data dir under paths no unit file takes as they are;
//! one timer per team; and `me` offering to move a team's schedule.

mod common;
use common::schedule::*;
use common::*;

#[test]
fn systemd_timer_fires_at_nine_in_the_members_zone_and_verifies() {
    let Some(analyze) = tool("/usr/bin/systemd-analyze", "it checks the units") else {
        return;
    };
    let world = World::new();
    let (alice, exe) = hostile_world(&world);
    world.set_now("2026-11-24T12:00:00Z");
    let shown = succeeded(run_copy(
        &alice,
        &exe,
        &["remind", "--install", "--scheduler", "systemd", "--dry-run"],
    ));
    let units = alice.home.join(".config/systemd/user");
    assert!(!units.exists(), "--dry-run wrote nothing");
    let out = run_copy(
        &alice,
        &exe,
        &["remind", "--install", "--scheduler", "systemd"],
    );
    assert!(
        stderr(&out).contains("systemctl --user daemon-reload"),
        "{}",
        stderr(&out)
    );
    succeeded(out);
    let timer = std::fs::read_to_string(units.join("async-up-remind-team.timer")).unwrap();
    let service = std::fs::read_to_string(units.join("async-up-remind-team.service")).unwrap();
    assert!(
        shown.contains(&timer) && shown.contains(&service),
        "--dry-run shows exactly what is written:\n{shown}"
    );
    let calendars: Vec<&str> = timer
        .lines()
        .filter_map(|l| l.strip_prefix("OnCalendar="))
        .collect();
    assert_eq!(
        calendars,
        [
            "Mon,Tue,Wed,Thu,Fri 09:00 Europe/Berlin",
            "Mon,Tue,Wed,Thu,Fri 11:00 Europe/Berlin"
        ]
    );
    // systemd parses the units, and finds the binary the hostile path names.
    let runtime = world.path().join("runtime");
    std::fs::create_dir_all(&runtime).unwrap();
    let out = std::process::Command::new(&analyze)
        .args(["verify", "--user"])
        .arg(units.join("async-up-remind-team.timer"))
        .arg(units.join("async-up-remind-team.service"))
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("XDG_CONFIG_HOME", alice.home.join(".config"))
        .env("HOME", &alice.home)
        .current_dir(&alice.home)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(
        stderr(&out),
        "",
        "systemd-analyze verify found nothing to say"
    );
    // The executable path holds characters systemd refuses there, so
    // /bin/sh execs it; read back as systemd reads the words, the command
    // and its environment run the hostile binary on the hostile data dir.
    let exec = service
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .unwrap();
    let argv = unit_words(exec, true);
    assert_eq!(argv[..3], ["/bin/sh", "-c", "exec \"$0\" \"$@\""]);
    assert_eq!(argv[3], exe.to_str().unwrap());
    let mut cmd = alice.program(&argv[0]);
    cmd.env_remove("XDG_DATA_HOME").args(&argv[1..]);
    for line in service
        .lines()
        .filter_map(|l| l.strip_prefix("Environment="))
    {
        let word = unit_words(line, false).remove(0);
        let (k, v) = word.split_once('=').unwrap();
        cmd.env(k, v);
    }
    world.set_now("2026-11-24T09:00:00Z");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("time for your update"));
    // It fires at 09:00 on Berlin's wall clock, whichever side of DST.
    for spec in calendars.iter().take(1) {
        let out = std::process::Command::new(&analyze)
            .args(["calendar", "--iterations=5", spec])
            .env("TZ", "Europe/Berlin")
            .output()
            .unwrap();
        let text = stdout(&out);
        assert!(out.status.success(), "{text}{}", stderr(&out));
        let fires: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("Next elapse") || l.contains("Iter."))
            .collect();
        assert_eq!(fires.len(), 5, "{text}");
        for f in fires {
            assert!(f.contains(" 09:00:00 CE"), "{f}");
            assert!(!f.contains("Sat") && !f.contains("Sun"), "{f}");
        }
    }
    // A bad value is caught by the same check (so it can fail).
    let bad = world.path().join("bad.timer");
    std::fs::write(&bad, timer.replace("09:00 Europe", "25:00 Europe")).unwrap();
    let out = std::process::Command::new(&analyze)
        .args(["verify", "--user"])
        .arg(&bad)
        .env("XDG_RUNTIME_DIR", &runtime)
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("Failed to parse calendar"),
        "{}",
        stderr(&out)
    );
    succeeded(run_copy(&alice, &exe, &["remind", "--uninstall"]));
    assert!(!units.join("async-up-remind-team.timer").exists());
    assert!(!units.join("async-up-remind-team.service").exists());
}

/// The words of a unit file value as systemd reads them: double-quoted,
/// C escapes, `%%` a `%` and, in arguments when `exec`, `$$` a `$`.
fn unit_words(value: &str, exec: bool) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            continue;
        }
        assert_eq!(c, '"', "every word is quoted: {value}");
        let mut word = String::new();
        loop {
            match chars.next().expect("closing quote") {
                '"' => break,
                '\\' => word.push(chars.next().unwrap()),
                '%' => word.push(chars.next().filter(|c| *c == '%').expect("%%")),
                '$' if exec && !words.is_empty() => {
                    word.push(chars.next().filter(|c| *c == '$').expect("$$"))
                }
                c => word.push(c),
            }
        }
        words.push(word);
    }
    words
}

#[test]
fn me_offers_to_move_the_schedule_of_the_team_it_edits() {
    let world = World::new();
    let alice = two_teams(&world, "Europe/Berlin");
    alice.ok(&[
        "remind",
        "--install",
        "--scheduler",
        "systemd",
        "--at",
        "08:15",
    ]);
    let timer = alice
        .home
        .join(".config/systemd/user/async-up-remind-team.timer");
    // Another team's settings: nothing to say about team's schedule.
    let out = alice.run(&["--team", "teamb", "me", "--timezone", "Asia/Tokyo"]);
    assert!(!stderr(&out).contains("reminder"), "{}", stderr(&out));
    // Without a terminal it says how; the schedule stays.
    let out = alice.run(&["me", "--timezone", "Asia/Tokyo"]);
    assert!(
        stderr(&out)
            .contains("async-up --team team remind --install --scheduler systemd --at 08:15"),
        "{}",
        stderr(&out)
    );
    assert!(std::fs::read_to_string(&timer)
        .unwrap()
        .contains("08:15 Europe/Berlin"));
    // On a terminal, yes installs it again in the new zone, keeping --at.
    let mut cmd = alice.std_cmd();
    cmd.env("TERM", "xterm")
        .args(["--team", "team", "me", "--hours", "08:00-16:00"]);
    let mut p = rexpect::session::spawn_command(cmd, Some(20_000)).unwrap();
    p.exp_string("update it? [Y/n]").unwrap();
    p.send_line("y").unwrap();
    p.exp_eof().unwrap();
    let text = std::fs::read_to_string(&timer).unwrap();
    assert!(
        text.contains("OnCalendar=Mon,Tue,Wed,Thu,Fri 08:15 Asia/Tokyo"),
        "{text}"
    );
    assert!(
        text.contains("OnCalendar=Mon,Tue,Wed,Thu,Fri 10:15 Asia/Tokyo"),
        "{text}"
    );
}

#[test]
fn each_team_has_its_own_timer_and_the_unnamed_one_is_the_default_teams() {
    let world = World::new();
    let alice = two_teams(&world, "Europe/Berlin");
    let units = alice.home.join(".config/systemd/user");
    let unit = |name: &str| units.join(name);
    // Units from before they were named per team: no --team, so they
    // remind about the default team.
    std::fs::create_dir_all(&units).unwrap();
    let header = "# Installed by: async-up remind --install --scheduler systemd\n";
    std::fs::write(
        unit("async-up-remind.timer"),
        format!("{header}[Timer]\nOnCalendar=Mon 09:00 UTC\n"),
    )
    .unwrap();
    std::fs::write(
        unit("async-up-remind.service"),
        format!("{header}[Service]\nExecStart=\"/x/async-up\" \"remind\"\n"),
    )
    .unwrap();
    alice.ok(&[
        "--team",
        "teamb",
        "remind",
        "--install",
        "--scheduler",
        "systemd",
    ]);
    assert!(
        unit("async-up-remind.timer").exists(),
        "not teamb's to replace"
    );
    let out = alice.run(&[
        "remind",
        "--install",
        "--scheduler",
        "systemd",
        "--at",
        "08:15",
    ]);
    assert!(
        stderr(&out).contains("async-up-remind.timer"),
        "{}",
        stderr(&out)
    );
    assert!(!unit("async-up-remind.timer").exists() && !unit("async-up-remind.service").exists());
    for (team, at) in [("team", " --at 08:15"), ("teamb", "")] {
        let timer =
            std::fs::read_to_string(unit(&format!("async-up-remind-{team}.timer"))).unwrap();
        let service =
            std::fs::read_to_string(unit(&format!("async-up-remind-{team}.service"))).unwrap();
        let installed = format!("# Installed by: async-up --team {team} remind --install --scheduler systemd{at}\n# Remove with: async-up --team {team} remind --uninstall --scheduler systemd\n");
        assert!(timer.starts_with(&installed), "{timer}");
        assert!(
            service.contains(&format!(" \"--team\" \"{team}\" \"remind\"\n")),
            "{service}"
        );
    }
    alice.ok(&["--team", "teamb", "remind", "--uninstall"]);
    assert!(
        !unit("async-up-remind-teamb.timer").exists()
            && !unit("async-up-remind-teamb.service").exists()
    );
    assert!(unit("async-up-remind-team.timer").exists());
}
