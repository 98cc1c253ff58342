//! The crontab block `remind --install` writes, read back by croniter and
//! run as cron's sh would run it, with a binary and data dir under hostile
//! paths; the zone it leaves for the lines below it; one block per team.

mod common;
use common::schedule::*;
use common::*;

/// croniter's next fire times, in the block's CRON_TZ, for each of our lines.
const NEXT_FIRES: &str = r##"
import sys, datetime, zoneinfo
from croniter import croniter
text, start = sys.stdin.read(), sys.argv[1]
lines = text.split("# BEGIN async-up remind", 1)[1].splitlines()
zone = next(l.split("=", 1)[1] for l in lines if l.startswith("CRON_TZ="))
tz = zoneinfo.ZoneInfo(zone)
base = datetime.datetime.fromisoformat(start).astimezone(tz)
for line in lines:
    if line.startswith("# END"):
        break
    if line[:1].isdigit():
        expr = " ".join(line.split()[:5])
        assert croniter.is_valid(expr), expr
        it = croniter(expr, base)
        print(" ".join(it.get_next(datetime.datetime).strftime("%a.%H:%M") for _ in range(6)))
"##;

#[test]
fn cron_block_keeps_other_lines_parses_and_runs_the_hostile_command() {
    let Some(python) = croniter_python() else {
        return;
    };
    let world = World::new();
    let (alice, exe) = hostile_world(&world);
    let (table, cron_bin) = fake_crontab(&world);
    let cron = |args: &[&str]| run_with_path(&alice, &exe, args, Some(&cron_bin));
    let theirs =
        "MAILTO=ops@example.com\nCRON_TZ=Asia/Tokyo\n5 4 * * * /usr/local/bin/backup --all\n";
    std::fs::write(&table, theirs).unwrap();
    world.set_now("2026-11-24T12:00:00Z");
    alice.ok(&["me", "--focus", "09:00-09:30"]);
    let shown = succeeded(cron(&[
        "remind",
        "--install",
        "--scheduler",
        "cron",
        "--dry-run",
    ]));
    assert_eq!(
        std::fs::read_to_string(&table).unwrap(),
        theirs,
        "--dry-run changed nothing"
    );
    succeeded(cron(&["remind", "--install", "--scheduler", "cron"]));
    succeeded(cron(&["remind", "--install", "--scheduler", "cron"]));
    let installed = std::fs::read_to_string(&table).unwrap();
    assert!(shown.contains(&installed), "{shown}");
    assert!(installed.starts_with(theirs), "{installed}");
    assert!(
        installed.contains("# BEGIN async-up remind for team team (installed by: async-up --team team remind --install --scheduler cron;"),
        "{installed}"
    );
    assert_eq!(
        installed.matches("# BEGIN async-up remind").count(),
        1,
        "re-install is idempotent"
    );
    assert!(installed.contains("CRON_TZ=Europe/Berlin\n"), "{installed}");
    assert!(
        installed.contains("CRON_TZ=Asia/Tokyo\n# END async-up remind for team team\n"),
        "their zone is set back:\n{installed}"
    );
    // croniter reads the lines: 09:30 (past the focus block) and 11:30
    // Berlin time on workdays, from Tuesday 13:00 there.
    let fires = python_with(
        &python,
        NEXT_FIRES,
        &["2026-11-24T12:00:00+00:00"],
        &installed,
    );
    assert_eq!(
        fires,
        "Wed.09:30 Thu.09:30 Fri.09:30 Mon.09:30 Tue.09:30 Wed.09:30\nWed.11:30 Thu.11:30 Fri.11:30 Mon.11:30 Tue.11:30 Wed.11:30\n"
    );
    // The command, as cron hands it to sh, runs the hostile binary on the
    // hostile data dir with no XDG variables set.
    let line = installed.lines().find(|l| l.starts_with("30 9 ")).unwrap();
    let command = as_cron_runs(line.splitn(6, ' ').nth(5).unwrap());
    world.set_now("2026-11-24T09:00:00Z");
    let mut sh = alice.program("sh");
    sh.env_remove("XDG_DATA_HOME").args(["-c", &command]);
    let out = sh.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).contains("time for your update"));
    // Uninstall leaves exactly their lines.
    succeeded(cron(&["remind", "--uninstall", "--scheduler", "cron"]));
    assert_eq!(std::fs::read_to_string(&table).unwrap(), theirs);
}

/// A crontab command as cron hands it to sh: `\%` is a plain `%`, and a
/// bare `%` ends the command (what follows goes to its stdin).
fn as_cron_runs(command: &str) -> String {
    let mut out = String::new();
    let mut chars = command.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'%') => out.push(chars.next().unwrap()),
            '%' => break,
            c => out.push(c),
        }
    }
    out
}

/// For each job line of a crontab: the zone cron runs it in (CRON_TZ
/// applies to the lines after it; before any, the machine's zone, argv[1])
/// and its next fire from argv[2] there, as croniter computes it.
const ZONES: &str = r##"
import sys, datetime, zoneinfo
from croniter import croniter
zone, start = sys.argv[1], sys.argv[2]
for line in sys.stdin.read().splitlines():
    if line.startswith("CRON_TZ="):
        zone = line.split("=", 1)[1]
    elif line[:1].isdigit():
        expr = " ".join(line.split()[:5])
        base = datetime.datetime.fromisoformat(start).astimezone(zoneinfo.ZoneInfo(zone))
        at = croniter(expr, base).get_next(datetime.datetime).strftime("%a.%H:%M")
        print(line.split()[-1].strip("'"), zone, at)
"##;

/// This machine's zone as cron reads it: /etc/localtime, UTC without one.
fn machine_zone() -> String {
    match std::fs::read_link("/etc/localtime") {
        Ok(link) => link
            .to_string_lossy()
            .split_once("zoneinfo/")
            .map(|(_, z)| z.to_string())
            .expect("a zoneinfo link"),
        Err(_) => "UTC".into(),
    }
}

#[test]
fn lines_below_the_block_keep_the_machines_zone_and_it_stays_in_place() {
    let Some(python) = croniter_python() else {
        return;
    };
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    // The two ends of the clock: neither is this machine's zone.
    let zone = if machine_zone() == "Pacific/Kiritimati" {
        "Etc/GMT+12"
    } else {
        "Pacific/Kiritimati"
    };
    let alice = world.person("alice", "UTC");
    join(&world, &alice, &remote, zone);
    let (table, cron_bin) = fake_crontab(&world);
    let exe = assert_cmd::cargo::cargo_bin("async-up");
    let cron = |args: &[&str]| succeeded(run_with_path(&alice, &exe, args, Some(&cron_bin)));
    let theirs = "MAILTO=ops@example.com\n5 4 * * * /usr/local/bin/backup\n";
    std::fs::write(&table, theirs).unwrap();
    cron(&["remind", "--install", "--scheduler", "cron"]);
    // Added later, below our block, with `crontab -e`.
    let mut text = std::fs::read_to_string(&table).unwrap();
    text.push_str("30 2 * * * /usr/local/bin/rotate-logs\n");
    std::fs::write(&table, &text).unwrap();
    let zones = |text: &str| {
        python_with(
            &python,
            ZONES,
            &[&machine_zone(), "2026-11-24T12:00:00+00:00"],
            text,
        )
    };
    let machine = machine_zone();
    let expected = |ours: &str| {
        format!(
            "/usr/local/bin/backup {machine} Wed.04:05\nremind {zone} {ours}\nremind {zone} {ours2}\n/usr/local/bin/rotate-logs {machine} Wed.02:30\n",
            ours2 = ours.replace("09:", "11:")
        )
    };
    assert_eq!(zones(&text), expected("Wed.09:00"), "{text}");
    // A re-install (new hours) rewrites the block where it is: the line
    // below stays below, in the machine's zone.
    alice.ok(&["me", "--hours", "09:30-17:00"]);
    cron(&["remind", "--install", "--scheduler", "cron"]);
    let again = std::fs::read_to_string(&table).unwrap();
    assert!(
        again.ends_with("\n30 2 * * * /usr/local/bin/rotate-logs\n"),
        "{again}"
    );
    assert!(again.starts_with(theirs), "{again}");
    assert_eq!(zones(&again), expected("Wed.09:30"), "{again}");
    cron(&["remind", "--uninstall", "--scheduler", "cron"]);
    assert_eq!(
        std::fs::read_to_string(&table).unwrap(),
        format!("{theirs}30 2 * * * /usr/local/bin/rotate-logs\n")
    );
}

#[test]
fn each_team_has_its_own_block_and_an_older_unnamed_one_is_the_default_teams() {
    let world = World::new();
    let alice = two_teams(&world, "Europe/Berlin");
    let (table, cron_bin) = fake_crontab(&world);
    let exe = assert_cmd::cargo::cargo_bin("async-up");
    let cron = |args: &[&str]| succeeded(run_with_path(&alice, &exe, args, Some(&cron_bin)));
    // A block from before blocks were named per team: no --team, so it
    // reminds about the default team.
    let old = "# BEGIN async-up remind (installed by: async-up remind --install --scheduler cron; remove with: async-up remind --uninstall --scheduler cron)\nCRON_TZ=Europe/Berlin\n0 9 * * 1,2,3,4,5 '/x/async-up' 'remind'\n# END async-up remind\n";
    let theirs = "5 4 * * * /usr/local/bin/backup\n";
    std::fs::write(&table, format!("{theirs}{old}")).unwrap();
    world.set_now("2026-11-24T12:00:00Z");
    cron(&[
        "--team",
        "teamb",
        "remind",
        "--install",
        "--scheduler",
        "cron",
    ]);
    cron(&[
        "remind",
        "--install",
        "--scheduler",
        "cron",
        "--at",
        "08:15",
    ]);
    let text = std::fs::read_to_string(&table).unwrap();
    assert_eq!(text.matches("# BEGIN async-up remind").count(), 2, "{text}");
    assert!(
        !text.contains("# END async-up remind\n"),
        "the old block was replaced:\n{text}"
    );
    for (team, at) in [("team", " --at 08:15"), ("teamb", "")] {
        let begin = format!("# BEGIN async-up remind for team {team} (installed by: async-up --team {team} remind --install --scheduler cron{at}; remove with: async-up --team {team} remind --uninstall --scheduler cron)\n");
        let block = &text[text
            .find(&begin)
            .unwrap_or_else(|| panic!("{begin}\n{text}"))..];
        let block = &block[..block.find("# END").unwrap()];
        assert!(
            block.contains(&format!("'--team' '{team}' 'remind'\n")),
            "{block}"
        );
    }
    // The old block's place is kept: team's block comes first.
    assert!(
        text.find("for team team").unwrap() < text.find("for team teamb").unwrap(),
        "{text}"
    );
    cron(&[
        "--team",
        "team",
        "remind",
        "--uninstall",
        "--scheduler",
        "cron",
    ]);
    let text = std::fs::read_to_string(&table).unwrap();
    assert!(
        text.contains("for team teamb") && !text.contains("for team team "),
        "{text}"
    );
    cron(&["--team", "teamb", "remind", "--uninstall"]);
    assert_eq!(std::fs::read_to_string(&table).unwrap(), theirs);
}
