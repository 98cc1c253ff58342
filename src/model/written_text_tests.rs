//! The exact text of every file the program writes, pinned: teammates on
//! other versions of async-up read these files, and a change of the `toml`
//! crate must not change a byte of them (array style, string quoting and
//! escapes, dates, tables). The texts are those `toml` 0.8 wrote.

use super::member::Away;
use super::question::{Answer, Kind, Question};
use super::reply::{Reply, ReplyFile};
use super::team_file::{Insight, Signing};
use super::{Blocker, Member, TeamFile, Update};
use crate::config::{TeamConfig, UserConfig};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::BTreeMap;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn update() -> Update {
    Update {
        version: 1,
        author: "alice".into(),
        date: day("2026-11-24"),
        written_at: at("2026-11-24T09:12:03+05:30"),
        yesterday: vec![
            "shipped \"quotes\" and 'apostrophes'".into(),
            "path C:\\temp\\new".into(),
            "two\nlines".into(),
            "tab\there, bell \u{7}, escape \u{1b}, delete \u{7f}".into(),
            "ünïcode 🎉 and a # not a comment = 1".into(),
            "".into(),
        ],
        today: vec!["''' and \"\"\" inside".into()],
        mood: Some(4),
        answers: BTreeMap::from([
            ("focus".to_string(), Answer::Number(3)),
            ("notes".to_string(), Answer::Text("it's fine".into())),
            (
                "plan".to_string(),
                Answer::List(vec!["a".into(), "b \"c\"".into()]),
            ),
            ("with-dash".to_string(), Answer::List(Vec::new())),
        ]),
        blockers: vec![
            Blocker {
                id: "b1".into(),
                text: "waiting on \"ops\"".into(),
                since: day("2026-11-20"),
            },
            Blocker {
                id: "b-2".into(),
                text: "review\nof 'db'".into(),
                since: day("2026-11-24"),
            },
        ],
    }
}

#[test]
fn an_update_with_blockers_answers_and_mood_is_written_exactly() {
    let update = update();
    assert_eq!(update.to_toml(), UPDATE);
    let path = "updates/alice/2026/2026-11-24.toml";
    assert_eq!(Update::from_toml(path, UPDATE).unwrap(), update);
}

#[test]
fn an_update_without_content_keeps_its_empty_lists() {
    let update = Update {
        yesterday: Vec::new(),
        today: Vec::new(),
        mood: None,
        answers: BTreeMap::new(),
        blockers: Vec::new(),
        ..update()
    };
    assert_eq!(update.to_toml(), EMPTY_UPDATE);
}

#[test]
fn a_member_file_is_written_exactly() {
    let mut member = Member::bare("bob");
    member.name = Some("Bob \"B\" O'Neil".into());
    member.email = Some("bob@example.com".into());
    member.timezone = Some("Asia/Kolkata".into());
    member.workdays = Some(vec!["Mon-Thu".into(), "Sat".into()]);
    member.hours = Some("09:00-17:30".into());
    member.joined = Some(day("2026-01-05"));
    member.focus = vec!["09:00-11:00".into()];
    member.away = vec![
        Away {
            from: day("2026-12-24"),
            until: day("2027-01-02"),
            note: Some("skiing ⛷".into()),
        },
        Away {
            from: day("2027-02-01"),
            until: day("2027-02-01"),
            note: None,
        },
    ];
    member.region = Some("de".into());
    assert_eq!(member.to_toml(), MEMBER);
    assert_eq!(
        Member::from_toml("members/bob.toml", MEMBER).unwrap(),
        member
    );
    assert_eq!(Member::bare("c").to_toml(), "handle = \"c\"\n");
}

#[test]
fn a_reply_file_is_written_exactly() {
    let offer = Reply {
        to: "alice".into(),
        date: day("2026-11-24"),
        blocker: Some("b1".into()),
        item: None,
        text: None,
        reaction: None,
        offer: true,
        written_at: at("2026-11-24T10:00:00-03:30"),
    };
    let text = Reply {
        blocker: None,
        item: Some(2),
        text: Some("nice \"work\"\nreally".into()),
        reaction: Some("❤️".into()),
        offer: false,
        written_at: at("2026-11-24T10:00:00Z"),
        ..offer.clone()
    };
    let file = ReplyFile {
        version: 1,
        replies: vec![offer, text],
    };
    assert_eq!(file.to_toml(), REPLY);
    let path = "replies/bob/2026/2026-11-24.toml";
    assert_eq!(ReplyFile::from_toml(path, REPLY).unwrap(), file);
    let empty = ReplyFile {
        version: 1,
        replies: Vec::new(),
    };
    assert_eq!(empty.to_toml(), "version = 1\nreply = []\n");
}

#[test]
fn the_team_file_is_written_exactly() {
    let mut team = TeamFile::seeded("Team \"X\"", "alice");
    team.signing = Some(Signing {
        required: true,
        allowed_signers: "allowed_signers".into(),
    });
    let question = |id: &str, prompt: &str, kind, options: &[&str], required| Question {
        id: id.into(),
        prompt: prompt.into(),
        kind,
        options: options.iter().map(|o| o.to_string()).collect(),
        required,
    };
    team.questions = vec![
        question("focus", "How focused?", Kind::Scale, &[], true),
        question("pick", "Pick one", Kind::Choice, &["a", "b c"], false),
    ];
    team.insight = Some(Insight {
        min_group: Some(4),
        ..Default::default()
    });
    let link = |target: &str| toml::Value::String(target.into());
    team.links.insert(
        "PROJ-(\\d+)".into(),
        link("https://tracker.example/browse/PROJ-$1"),
    );
    team.links
        .insert("plain".into(), link("https://x.example/"));
    assert_eq!(team.to_toml(), TEAM);
    assert_eq!(TeamFile::from_toml("async-up.toml", TEAM).unwrap(), team);
    assert_eq!(TeamFile::new("t").to_toml(), "version = 1\nname = \"t\"\n");
}

#[test]
fn the_user_config_is_written_exactly() {
    let team = |remote: &str| TeamConfig {
        remote: remote.into(),
        handle: None,
        name: None,
        email: None,
        timezone: None,
        signing_key: None,
    };
    let mut config = UserConfig {
        default_team: Some("work".into()),
        handle: Some("alice".into()),
        network_timeout: Some(45),
        ..Default::default()
    };
    config.activity.repos = vec!["~/src/*".into(), "/abs/path with space".into()];
    let work = TeamConfig {
        name: Some("Alice".into()),
        timezone: Some("Europe/Berlin".into()),
        signing_key: Some("~/.ssh/id_ed25519".into()),
        ..team("git@example.com:t/standup.git")
    };
    let odd = TeamConfig {
        handle: Some("al".into()),
        ..team("/tmp/x.git")
    };
    config.teams.insert("work".into(), work);
    config.teams.insert("we ird.team".into(), odd);
    assert_eq!(crate::keep_toml::edit(None, &config, &config), CONFIG);
    let empty = UserConfig::default();
    assert_eq!(crate::keep_toml::edit(None, &empty, &empty), "[teams]\n");
}

const UPDATE: &str = r##"version = 1
author = "alice"
date = 2026-11-24
written_at = 2026-11-24T09:12:03+05:30
yesterday = ["""shipped "quotes" and 'apostrophes'""", 'path C:\temp\new', """
two
lines""", "tab\there, bell \u0007, escape \u001B, delete \u007F", "ünïcode 🎉 and a # not a comment = 1", ""]
today = ["''' and \"\"\" inside"]
mood = 4

[answers]
focus = 3
notes = "it's fine"
plan = ["a", 'b "c"']
with-dash = []

[[blockers]]
id = "b1"
text = 'waiting on "ops"'
since = 2026-11-20

[[blockers]]
id = "b-2"
text = """
review
of 'db'"""
since = 2026-11-24
"##;

const EMPTY_UPDATE: &str = r##"version = 1
author = "alice"
date = 2026-11-24
written_at = 2026-11-24T09:12:03+05:30
yesterday = []
today = []
"##;

const MEMBER: &str = r##"handle = "bob"
name = """Bob "B" O'Neil"""
email = "bob@example.com"
timezone = "Asia/Kolkata"
workdays = ["Mon-Thu", "Sat"]
hours = "09:00-17:30"
joined = 2026-01-05
focus = ["09:00-11:00"]
region = "de"

[[away]]
from = 2026-12-24
until = 2027-01-02
note = "skiing ⛷"

[[away]]
from = 2027-02-01
until = 2027-02-01
"##;

const REPLY: &str = r##"version = 1

[[reply]]
to = "alice"
date = 2026-11-24
blocker = "b1"
offer = true
written_at = 2026-11-24T10:00:00-03:30

[[reply]]
to = "alice"
date = 2026-11-24
item = 2
text = """
nice "work"
really"""
reaction = "❤️"
written_at = 2026-11-24T10:00:00Z
"##;

const TEAM: &str = r##"version = 1
name = 'Team "X"'
maintainers = ["alice"]

[signing]
required = true
allowed_signers = "allowed_signers"

[[questions]]
id = "focus"
prompt = "How focused?"
kind = "scale"
required = true

[[questions]]
id = "pick"
prompt = "Pick one"
kind = "choice"
options = ["a", "b c"]
required = false

[insight]
per_person_wellbeing = false
min_group = 4

[links]
'PROJ-(\d+)' = "https://tracker.example/browse/PROJ-$1"
plain = "https://x.example/"
"##;

const CONFIG: &str = r##"default_team = "work"
handle = "alice"
network_timeout = 45

[activity]
repos = ["~/src/*", "/abs/path with space"]

[teams."we ird.team"]
remote = "/tmp/x.git"
handle = "al"

[teams.work]
remote = "git@example.com:t/standup.git"
name = "Alice"
timezone = "Europe/Berlin"
signing_key = "~/.ssh/id_ed25519"
"##;
