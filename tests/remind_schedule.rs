//! The schedules `remind --install` writes, checked by the tools that will
//! read them (systemd-analyze, croniter, plistlib), with a binary and data
//! dir under paths no format can take as they are; and `me` offering to
//! move them.

mod common;
use common::*;
use std::path::{Path, PathBuf};

/// Joins `person` to `remote` in `tz` on 2026-11-02.
fn join(world: &World, person: &Person, remote: &Path, tz: &str) {
    world.set_now("2026-11-02T09:00:00Z");
    person.ok(&["init", remote.to_str().unwrap(), "--timezone", tz]);
}

/// Writes an executable shell script.
fn write_script(path: &Path, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A tool the test needs: found, or the test is skipped with a reason
/// outside CI and fails in CI (where .ci/run installs it).
fn tool(path: &str, why: &str) -> Option<PathBuf> {
    let p = PathBuf::from(path);
    if p.exists() {
        return Some(p);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{path} is missing in CI: {why}"
    );
    eprintln!("skipped: {path} is missing ({why})");
    None
}

/// A folder name no shell, unit file or XML writer can take as it is.
const HOSTILE: &str = "odd dir/it's \"quoted\" $HOME %h \\back & <x>";

/// A person whose binary and data dir both live under hostile paths, on
/// a team in Berlin: returns the person and the copied binary.
fn hostile_world(world: &World) -> (Person, PathBuf) {
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "Europe/Berlin");
    let data = world.path().join(HOSTILE).join("data");
    alice.set_env("XDG_DATA_HOME", data.to_str().unwrap());
    join(world, &alice, &remote, "Europe/Berlin");
    let bin_dir = world.path().join(HOSTILE).join("bin");
    std::fs::create_dir_all(&bin_dir).unwrap();
    let exe = bin_dir.join("async-up");
    std::fs::copy(assert_cmd::cargo::cargo_bin("async-up"), &exe).unwrap();
    (alice, exe)
}

/// Runs the copied binary as `person`.
fn run_copy(person: &Person, exe: &Path, args: &[&str]) -> std::process::Output {
    run_with_path(person, exe, args, None)
}

/// The same with `first` put first on PATH.
fn run_with_path(
    person: &Person,
    exe: &Path,
    args: &[&str],
    first: Option<&Path>,
) -> std::process::Output {
    let mut cmd = person.program(exe.to_str().unwrap());
    if let Some(first) = first {
        cmd.env(
            "PATH",
            format!("{}:{}", first.display(), std::env::var("PATH").unwrap()),
        );
    }
    cmd.args(args).output().unwrap()
}

/// Asserts success and returns stdout.
fn ok(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "stdout:\n{}\nstderr:\n{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

#[test]
fn systemd_timer_fires_at_nine_in_the_members_zone_and_verifies() {
    let Some(analyze) = tool("/usr/bin/systemd-analyze", "it checks the units") else {
        return;
    };
    let world = World::new();
    let (alice, exe) = hostile_world(&world);
    world.set_now("2026-11-24T12:00:00Z");
    let shown = ok(run_copy(
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
    ok(out);
    let timer = std::fs::read_to_string(units.join("async-up-remind.timer")).unwrap();
    let service = std::fs::read_to_string(units.join("async-up-remind.service")).unwrap();
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
        .arg(units.join("async-up-remind.timer"))
        .arg(units.join("async-up-remind.service"))
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
    ok(run_copy(&alice, &exe, &["remind", "--uninstall"]));
    assert!(!units.join("async-up-remind.timer").exists());
    assert!(!units.join("async-up-remind.service").exists());
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

/// A `crontab` that keeps the table in a file, as cron's own tool would;
/// returns the table and the folder to put first on PATH.
fn fake_crontab(world: &World) -> (PathBuf, PathBuf) {
    let bin = world.path().join("cron-bin");
    std::fs::create_dir_all(&bin).unwrap();
    let table = world.path().join("crontab.txt");
    write_script(
        &bin.join("crontab"),
        &format!(
            "f='{}'\ncase \"$1\" in\n-l) [ -f \"$f\" ] || {{ echo \"no crontab for $USER\" >&2; exit 1; }}; cat \"$f\" ;;\n-) cat > \"$f\" ;;\n*) exit 2 ;;\nesac\n",
            table.display()
        ),
    );
    (table, bin)
}

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
    let python = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/ci-tools/bin/python3");
    let Some(python) = tool(
        python.to_str().unwrap(),
        "croniter parses the crontab (.ci/run installs it)",
    ) else {
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
    let shown = ok(cron(&[
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
    ok(cron(&["remind", "--install", "--scheduler", "cron"]));
    ok(cron(&["remind", "--install", "--scheduler", "cron"]));
    let installed = std::fs::read_to_string(&table).unwrap();
    assert!(shown.contains(&installed), "{shown}");
    assert!(installed.starts_with(theirs), "{installed}");
    assert_eq!(
        installed.matches("# BEGIN async-up remind").count(),
        1,
        "re-install is idempotent"
    );
    assert!(installed.contains("CRON_TZ=Europe/Berlin\n"), "{installed}");
    assert!(
        installed.contains("CRON_TZ=Asia/Tokyo\n# END async-up remind"),
        "their zone is set back:\n{installed}"
    );
    // croniter reads the lines: 09:30 (past the focus block) and 11:30
    // Berlin time on workdays, from Tuesday 13:00 there.
    let mut child = std::process::Command::new(&python)
        .args(["-c", NEXT_FIRES, "2026-11-24T12:00:00+00:00"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(installed.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
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
    ok(cron(&["remind", "--uninstall", "--scheduler", "cron"]));
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

/// plistlib's reading of the agent: label, program arguments, environment
/// and calendar entries, one per line.
const READ_PLIST: &str = r##"
import plistlib, sys, json
d = plistlib.load(open(sys.argv[1], "rb"))
print(json.dumps(d))
"##;

fn read_plist(path: &Path) -> serde_json::Value {
    let out = std::process::Command::new("python3")
        .args(["-c", READ_PLIST])
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "plistlib: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn launchd_agent_parses_and_converts_to_the_machines_zone() {
    let world = World::new();
    let (alice, exe) = hostile_world(&world);
    world.set_now("2026-11-24T12:00:00Z");
    ok(run_copy(
        &alice,
        &exe,
        &[
            "remind",
            "--install",
            "--scheduler",
            "launchd",
            "--at",
            "08:45",
        ],
    ));
    let plist = alice
        .home
        .join("Library/LaunchAgents/async-up.remind.plist");
    let doc = read_plist(&plist);
    assert_eq!(doc["Label"], "async-up.remind");
    assert_eq!(
        doc["ProgramArguments"],
        serde_json::json!([exe.to_str().unwrap(), "remind"])
    );
    let data = world.path().join(HOSTILE).join("data");
    assert_eq!(
        doc["EnvironmentVariables"]["XDG_DATA_HOME"],
        data.to_str().unwrap()
    );
    let entries = doc["StartCalendarInterval"].as_array().unwrap();
    let at: Vec<String> = entries
        .iter()
        .map(|e| {
            format!(
                "{}.{:02}:{:02}",
                e["Weekday"],
                e["Hour"].as_u64().unwrap(),
                e["Minute"].as_u64().unwrap()
            )
        })
        .collect();
    assert_eq!(
        at,
        [
            "1.08:45", "1.10:45", "2.08:45", "2.10:45", "3.08:45", "3.10:45", "4.08:45", "4.10:45",
            "5.08:45", "5.10:45"
        ]
    );
    // The program and its environment, as launchd would start them.
    let args: Vec<&str> = doc["ProgramArguments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    world.set_now("2026-11-24T09:00:00Z");
    let out = alice
        .program(args[0])
        .env(
            "XDG_DATA_HOME",
            doc["EnvironmentVariables"]["XDG_DATA_HOME"]
                .as_str()
                .unwrap(),
        )
        .args(&args[1..])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // On a machine in New York, 08:45 in Berlin is 02:45 there (in November).
    let out = alice
        .program(exe.to_str().unwrap())
        .env("TZ", "America/New_York")
        .args([
            "remind",
            "--install",
            "--scheduler",
            "launchd",
            "--at",
            "08:45",
        ])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("not your Europe/Berlin"),
        "{}",
        stderr(&out)
    );
    let doc = read_plist(&plist);
    let first = &doc["StartCalendarInterval"][0];
    assert_eq!(
        (
            first["Weekday"].as_u64(),
            first["Hour"].as_u64(),
            first["Minute"].as_u64()
        ),
        (Some(1), Some(2), Some(45))
    );
    ok(run_copy(
        &alice,
        &exe,
        &["remind", "--uninstall", "--scheduler", "launchd"],
    ));
    assert!(!plist.exists());
}

#[test]
fn me_offers_to_move_an_installed_schedule() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "Europe/Berlin");
    join(&world, &alice, &remote, "Europe/Berlin");
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
        .join(".config/systemd/user/async-up-remind.timer");
    // Without a terminal it says how; the schedule stays.
    let out = alice.run(&["me", "--timezone", "Asia/Tokyo"]);
    assert!(
        stderr(&out).contains("async-up remind --install --scheduler systemd --at 08:15"),
        "{}",
        stderr(&out)
    );
    assert!(std::fs::read_to_string(&timer)
        .unwrap()
        .contains("08:15 Europe/Berlin"));
    // On a terminal, yes installs it again in the new zone, keeping --at.
    let mut cmd = alice.std_cmd();
    cmd.env("TERM", "xterm")
        .args(["me", "--hours", "08:00-16:00"]);
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
