//! The launchd agent `remind --install` writes, read back by plistlib, run
//! as launchd would start it, and converted to the machine's zone.

mod common;
use common::schedule::*;
use common::*;
use std::path::Path;

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
    succeeded(run_copy(
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
        .join("Library/LaunchAgents/async-up.remind.team.plist");
    let doc = read_plist(&plist);
    assert_eq!(doc["Label"], "async-up.remind.team");
    assert_eq!(
        doc["ProgramArguments"],
        serde_json::json!([exe.to_str().unwrap(), "--team", "team", "remind"])
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
    succeeded(run_copy(
        &alice,
        &exe,
        &["remind", "--uninstall", "--scheduler", "launchd"],
    ));
    assert!(!plist.exists());
}
