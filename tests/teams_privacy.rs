//! The team wellbeing figures (mood, after hours) of `stats` over several
//! teams: the combined figure must not give away what a team's own
//! withholds, by subtraction or by counting one person once per team.

mod common;

use common::*;
use serde_json::Value;

/// `lead` in every team of `teams` (name, members); each member writes
/// one update with `mood` on Tuesday 2026-11-24 in each of their teams.
fn teams(world: &World, teams: &[(&str, &[(&str, u8)])]) -> Person {
    let lead = world.person("lead", "UTC");
    for (name, members) in teams {
        let remote = world.bare_remote(&format!("{name}.git"), "main");
        lead.ok(&["--team", name, "init", remote.to_str().unwrap()]);
        for (handle, _) in *members {
            let p = world.person(handle, "UTC");
            p.ok(&["--team", name, "init", remote.to_str().unwrap()]);
        }
    }
    world.set_now("2026-11-24T10:00:00Z");
    for (name, members) in teams {
        for (handle, mood) in *members {
            let mood = mood.to_string();
            world
                .person(handle, "UTC")
                .ok(&["--team", name, "write", "--today", "work", "--mood", &mood]);
        }
    }
    lead
}

fn stats(lead: &Person, teams: &[&str]) -> Value {
    let mut args: Vec<&str> = Vec::new();
    for t in teams {
        args.extend(["--team", t]);
    }
    args.extend(["stats", "--since", "2026-11-24", "--format", "json"]);
    lead.json(&args)
}

fn team_of<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["teams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["team"] == name)
        .unwrap_or_else(|| panic!("{name} in {doc:#}"))
}

#[test]
fn a_withheld_team_figure_cannot_be_had_by_subtraction() {
    let world = World::new();
    let lead = teams(
        &world,
        &[
            ("small", &[("alice", 1)]),
            ("big", &[("bob", 5), ("carol", 5), ("dave", 5)]),
            ("other", &[("bob", 3), ("carol", 3), ("dave", 3)]),
        ],
    );
    let doc = stats(&lead, &["small", "big"]);
    assert_eq!(
        team_of(&doc, "small")["mood_average"],
        Value::Null,
        "{doc:#}"
    );
    assert_eq!(team_of(&doc, "big")["mood_average"], 5.0, "{doc:#}");
    // Combined with big's own (5 from three), 4.0 would give alice's 1.
    let team = &doc["team"];
    assert_eq!(team["mood_average"], Value::Null, "{team:#}");
    assert_eq!(team["after_hours"], Value::Null, "{team:#}");
    assert!(team["withheld"].to_string().contains("small"), "{team:#}");
    // When every team's own shows, so does the combined figure.
    let doc = stats(&lead, &["big", "other"]);
    assert_eq!(doc["team"]["mood_average"], 4.0, "{doc:#}");
    assert!(doc["team"].get("withheld").is_none(), "{doc:#}");
}

#[test]
fn the_same_two_people_in_two_teams_are_not_a_group() {
    let world = World::new();
    let lead = teams(
        &world,
        &[
            ("x", &[("alice", 1), ("bob", 2)]),
            ("y", &[("alice", 1), ("bob", 2)]),
        ],
    );
    let doc = stats(&lead, &["x", "y"]);
    for t in ["x", "y"] {
        assert_eq!(team_of(&doc, t)["mood_average"], Value::Null, "{doc:#}");
    }
    let team = &doc["team"];
    assert_eq!(team["mood_average"], Value::Null, "{team:#}");
    assert_eq!(team["after_hours"], Value::Null, "{team:#}");
    let table = lead.ok(&[
        "--team",
        "x",
        "--team",
        "y",
        "stats",
        "--since",
        "2026-11-24",
    ]);
    assert!(!table.contains("1.5"), "{table}");
}
