//! The digest's signals on a hand-built week whose answers are known, and
//! the minimum group behind a team wellbeing figure.

mod common;
use common::*;
use serde_json::Value;

fn member(clone: &Checkout, handle: &str) {
    clone.put(
        &format!("members/{handle}.toml"),
        format!("handle = \"{handle}\"\nemail = \"{handle}@example.com\"\ntimezone = \"UTC\"\nhours = \"09:00-17:00\"\n"),
    );
}

fn update(clone: &Checkout, handle: &str, day: u32, hour: u32, body: &str) {
    clone.put(
        &format!("updates/{handle}/2026/2026-11-{day}.toml"),
        format!("author = \"{handle}\"\ndate = 2026-11-{day}\nwritten_at = 2026-11-{day}T{hour:02}:00:00Z\n{body}"),
    );
}

fn blocker(id: &str, text: &str, since: u32) -> String {
    format!("[[blockers]]\nid = \"{id}\"\ntext = \"{text}\"\nsince = 2026-11-{since}\n")
}

const WEEK: [u32; 5] = [16, 17, 18, 19, 20];

/// Monday 2026-11-16 to Friday 2026-11-20, each member built to fire one
/// rule (or none), with `insight` added to the team file.
fn week(insight: &str) -> (World, Person) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let lead = world.person("lead", "UTC");
    world.set_now("2026-11-13T09:00:00Z");
    lead.ok(&["init", remote.to_str().unwrap()]);
    let clone = Checkout::of(&world, &remote);
    let team = clone.read("async-up.toml");
    clone.put("async-up.toml", format!("{team}\n[insight]\n{insight}\n"));
    for h in [
        "stuck", "steady", "again", "waiting", "drifter", "owl", "helper",
    ] {
        member(&clone, h);
    }
    // stuck: the same plan four workdays running, spelt four ways.
    for (day, plan) in WEEK.iter().zip([
        "Ship the importer",
        "ship the  importer",
        " SHIP the importer ",
        "Ship the\timporter",
        "Write the release notes",
    ]) {
        let body = format!("yesterday = [\"importer work\"]\ntoday = [\"{plan}\"]\n");
        update(&clone, "stuck", *day, 9, &body);
    }
    // steady: a new plan each day, reported the next: nothing fires.
    for day in WEEK {
        let body = format!(
            "yesterday = [\"Task {}\"]\ntoday = [\"task {day}\"]\n",
            day - 1
        );
        update(&clone, "steady", day, 9, &body);
    }
    // again: "CI is red" resolved on Tuesday, back on Thursday under a new id.
    update(&clone, "again", 16, 9, &blocker("b1", "CI is red", 16));
    update(&clone, "again", 17, 9, "");
    update(&clone, "again", 18, 9, "");
    update(&clone, "again", 19, 9, &blocker("b2", "ci  is RED", 19));
    // waiting: three blockers open all week; w2 got an offer of help, w3
    // only a reaction, w1 only its author's own note.
    for day in WEEK {
        let body = [
            blocker("w1", "Need prod access", 16),
            blocker("w2", "Need a reviewer", 16),
            blocker("w3", "Need the <b>spec</b>", 16),
        ]
        .concat();
        update(&clone, "waiting", day, 9, &body);
    }
    clone.put(
        "replies/helper/2026/2026-11-17.toml",
        "[[reply]]\nto = \"waiting\"\ndate = 2026-11-16\nblocker = \"w2\"\noffer = true\nwritten_at = 2026-11-17T10:00:00Z\n\n\
         [[reply]]\nto = \"waiting\"\ndate = 2026-11-16\nblocker = \"w3\"\nreaction = \"👍\"\nwritten_at = 2026-11-17T10:01:00Z\n",
    );
    clone.put(
        "replies/waiting/2026/2026-11-17.toml",
        "[[reply]]\nto = \"waiting\"\ndate = 2026-11-16\nblocker = \"w1\"\ntext = \"still waiting\"\nwritten_at = 2026-11-17T10:00:00Z\n",
    );
    // drifter: four items planned, none ever reported.
    update(
        &clone,
        "drifter",
        16,
        9,
        "today = [\"p1\", \"p2\", \"p3\"]\n",
    );
    update(
        &clone,
        "drifter",
        17,
        9,
        "yesterday = [\"something else\"]\ntoday = [\"p4\"]\n",
    );
    update(&clone, "drifter", 18, 9, "yesterday = [\"other things\"]\n");
    // owl: four of five workdays written at 23:00 against 09:00-17:00.
    for day in WEEK {
        let hour = if day == 20 { 10 } else { 23 };
        update(&clone, "owl", day, hour, "");
    }
    clone.push("a week");
    world.set_now("2026-11-21T12:00:00Z");
    (world, lead)
}

const DIGEST: [&str; 6] = [
    "digest",
    "--since",
    "2026-11-16",
    "--until",
    "2026-11-20",
    "--format",
];

fn digest_json(lead: &Person) -> Value {
    let args = [&DIGEST[..], &["json"]].concat();
    lead.json(&args)
}

fn fired(doc: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = doc["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let who = s["person"].as_str().unwrap_or("team").to_string();
            (s["rule"].as_str().unwrap().to_string(), who)
        })
        .collect();
    out.sort();
    out
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<_> = list
        .iter()
        .map(|(r, w)| (r.to_string(), w.to_string()))
        .collect();
    out.sort();
    out
}

fn detail<'a>(doc: &'a Value, rule: &str) -> Vec<&'a str> {
    doc["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["rule"] == rule)
        .map(|s| s["detail"].as_str().unwrap())
        .collect()
}

#[test]
fn each_rule_fires_on_the_member_built_for_it_and_nowhere_else() {
    let (_world, lead) = week("per_person_wellbeing = true");
    let doc = digest_json(&lead);
    assert_eq!(
        fired(&doc),
        pairs(&[
            ("same-plan", "stuck"),
            ("blocker-reopened", "again"),
            ("blocker-unanswered", "waiting"),
            ("blocker-unanswered", "waiting"),
            ("plan-drift", "drifter"),
            ("after-hours", "owl"),
        ]),
        "{doc:#}"
    );
    let same = detail(&doc, "same-plan");
    assert!(
        same[0].contains("4 updates, 2026-11-16 to 2026-11-19"),
        "{same:?}"
    );
    let again = detail(&doc, "blocker-reopened");
    assert!(
        again[0].contains("2026-11-19") && again[0].contains("2026-11-17"),
        "{again:?}"
    );
    let unanswered = detail(&doc, "blocker-unanswered").join("\n");
    assert!(unanswered.contains("Need prod access") && unanswered.contains("Need the <b>spec</b>"));
    assert!(
        !unanswered.contains("reviewer"),
        "the offer answered w2: {unanswered}"
    );
    assert!(
        unanswered.contains("open 4 day(s) since 2026-11-16"),
        "{unanswered}"
    );
    assert!(detail(&doc, "plan-drift")[0].starts_with("4 of 4 planned item(s)"));
    assert!(detail(&doc, "after-hours")[0].contains("4 update(s) after hours, 5 workday(s)"));
    for s in doc["signals"].as_array().unwrap() {
        assert!(
            !s["why"].as_str().unwrap().is_empty(),
            "each signal says its rule: {s}"
        );
    }
}

#[test]
fn signals_show_in_every_format_as_text() {
    let (_world, lead) = week("per_person_wellbeing = true");
    let md = lead.ok(&[&DIGEST[..], &["markdown"]].concat());
    let at = md.find("## Signals").expect("a Signals section");
    let section = &md[at..];
    for rule in [
        "same-plan",
        "blocker-reopened",
        "blocker-unanswered",
        "plan-drift",
        "after-hours",
    ] {
        assert!(section.contains(rule), "{rule} in {section}");
    }
    assert!(
        !section.contains("<b>"),
        "teammate markup stays text: {section}"
    );
    let html = lead.ok(&[&DIGEST[..], &["html"]].concat());
    assert!(html.contains("<h2>Signals</h2>") && html.contains("&lt;b&gt;spec&lt;/b&gt;"));
    assert!(!html.contains("<b>spec"), "{html}");
    let slack: Value = serde_json::from_str(&lead.ok(&[&DIGEST[..], &["slack"]].concat())).unwrap();
    let text = slack.to_string();
    assert!(
        text.contains("*Signals* (6)") && text.contains("plan-drift"),
        "{text}"
    );
    assert!(!text.contains("<b>"), "{text}");
}

#[test]
fn after_hours_names_nobody_unless_the_team_opts_in() {
    let (_world, lead) = week("per_person_wellbeing = false");
    let doc = digest_json(&lead);
    let after: Vec<&Value> = doc["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["rule"] == "after-hours")
        .collect();
    assert_eq!(after.len(), 1, "{doc:#}");
    assert_eq!(after[0]["person"], Value::Null);
    assert!(!after[0]["detail"].as_str().unwrap().contains("owl"));
    // Seven wrote; ask for more and the team-wide signal is held back too.
    let (_world, lead) = week("min_group = 8");
    assert!(!fired(&digest_json(&lead))
        .iter()
        .any(|(r, _)| r == "after-hours"));
}

#[test]
fn thresholds_come_from_the_team_file() {
    let (_world, lead) = week(
        "per_person_wellbeing = true\nsame_plan_days = 5\nblocker_days = 5\nplan_drift_percent = 100",
    );
    let rules: Vec<String> = fired(&digest_json(&lead))
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    assert!(!rules.contains(&"same-plan".to_string()), "{rules:?}");
    assert!(
        !rules.contains(&"blocker-unanswered".to_string()),
        "{rules:?}"
    );
    // 4 of 4 is 100%: still drift.
    assert!(rules.contains(&"plan-drift".to_string()), "{rules:?}");
}

#[test]
fn out_of_range_insight_settings_are_named() {
    for (setting, key) in [
        ("min_group = 0", "min_group"),
        ("min_group = 100000", "min_group"),
        ("same_plan_days = 1", "same_plan_days"),
        ("plan_drift_percent = 101", "plan_drift_percent"),
        ("blocker_days = \"<b>soon</b>\"", "blocker_days"),
        ("min_group = -3", "min_group"),
    ] {
        let (_world, lead) = week(setting);
        let out = lead.run(&[&DIGEST[..], &["json"]].concat());
        let err = stderr(&out);
        assert!(
            err.contains("async-up.toml") && err.contains(key),
            "{setting}: {err}"
        );
    }
}

fn stats_json(lead: &Person) -> Value {
    lead.json(&[
        "stats",
        "--since",
        "2026-11-16",
        "--until",
        "2026-11-20",
        "--format",
        "json",
    ])
}

#[test]
fn a_team_mood_of_fewer_than_min_group_is_withheld_with_the_reason() {
    // Moods from two people only, though seven wrote.
    let (world, lead) = week("per_person_wellbeing = false");
    let clone = Checkout::of(&world, &world.path().join("team.git"));
    update(&clone, "helper", 16, 9, "mood = 2\n");
    update(&clone, "lead", 16, 9, "mood = 4\n");
    clone.push("two moods");
    let doc = stats_json(&lead);
    let team = &doc["team"];
    assert_eq!(team["mood_average"], Value::Null, "{team:#}");
    assert!(team["after_hours"].is_number(), "seven wrote: {team:#}");
    let reasons = team["withheld"].to_string();
    assert!(reasons.contains("2 member(s) gave a mood") && reasons.contains("min_group"));
    let table = lead.ok(&["stats", "--since", "2026-11-16", "--until", "2026-11-20"]);
    let row = table.lines().find(|l| l.contains("team")).unwrap();
    assert!(row.contains("withheld"), "{table}");
    assert!(table.contains("team mood withheld: 2 member(s)"), "{table}");
    let html = world.path().join("report.html");
    lead.ok(&[
        "report",
        "--since",
        "2026-11-16",
        "--html",
        html.to_str().unwrap(),
    ]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("id=\"mood-withheld\""), "{page}");
    // A team that accepts groups of two sees the figure.
    let (world, lead) = week("min_group = 2");
    let clone = Checkout::of(&world, &world.path().join("team.git"));
    update(&clone, "helper", 16, 9, "mood = 2\n");
    update(&clone, "lead", 16, 9, "mood = 4\n");
    clone.push("two moods");
    let doc = stats_json(&lead);
    assert_eq!(doc["team"]["mood_average"], 3.0);
    assert!(doc["team"].get("withheld").is_none());
}

#[test]
fn a_day_with_fewer_than_min_group_moods_does_not_move_the_team_figures() {
    // Monday three moods of 4, written in hours; Tuesday alice alone, a
    // mood of 1 written at 22:00. Periods that differ by Tuesday must not
    // give away her mood, nor that she wrote after hours.
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let lead = world.person("lead", "UTC");
    world.set_now("2026-11-13T09:00:00Z");
    lead.ok(&["init", remote.to_str().unwrap()]);
    let clone = Checkout::of(&world, &remote);
    for h in ["alice", "bob", "carol"] {
        member(&clone, h);
        update(&clone, h, 16, 10, "mood = 4\n");
    }
    update(&clone, "alice", 17, 22, "mood = 1\n");
    clone.push("a week");
    world.set_now("2026-11-20T12:00:00Z");
    let team = |until: &str| {
        let doc = lead.json(&[
            "stats",
            "--since",
            "2026-11-16",
            "--until",
            until,
            "--format",
            "json",
        ]);
        doc["team"].clone()
    };
    let (monday, both) = (team("2026-11-16"), team("2026-11-17"));
    assert_eq!(monday["mood_average"], 4.0, "{monday:#}");
    assert_eq!(both["mood_average"], 4.0, "{both:#}");
    assert_eq!(monday["after_hours"], 0.0, "{monday:#}");
    assert_eq!(both["after_hours"], 0.0, "{both:#}");
    // Tuesday alone stands for one person: withheld.
    let doc = lead.json(&[
        "stats",
        "--since",
        "2026-11-17",
        "--until",
        "2026-11-17",
        "--format",
        "json",
    ]);
    assert_eq!(doc["team"]["mood_average"], Value::Null, "{doc:#}");
    assert_eq!(doc["team"]["after_hours"], Value::Null, "{doc:#}");
    // The table's team row shows the same after-hours share.
    let table = lead.ok(&["stats", "--since", "2026-11-16", "--until", "2026-11-17"]);
    let row = table.lines().find(|l| l.contains("team")).unwrap();
    assert!(row.contains(" 0% ") && !row.contains("25%"), "{table}");
    // A team that shows wellbeing per person counts every day.
    let text = clone.read("async-up.toml");
    clone.put(
        "async-up.toml",
        format!("{text}\n[insight]\nper_person_wellbeing = true\n"),
    );
    clone.push("per person");
    assert_eq!(team("2026-11-17")["mood_average"], 3.25);
}
