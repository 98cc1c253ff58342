//! One entry point for arbitrary bytes from a teammate: parse them as an
//! update and render them every way async-up can, checking the promises made
//! about untrusted input. Shared by the fuzz target (`fuzz/`) and the
//! property and corpus tests, so both exercise exactly the same path.
#![doc(hidden)]

use crate::model::{Member, Update};
use crate::render::{self, sanitize, BlockerRow, Entry, Out, TeamView};
use chrono::NaiveDate;

/// Parses `data` as an update file and a member file, renders what parses,
/// and panics if any promise is broken: no panic inside, no control
/// character in table or markdown output, JSON that parses back.
pub fn parse_and_render(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Member::from_toml("members/x.toml", text);
    let Ok(update) = Update::from_toml("updates/x/2026/2026-11-24.toml", text) else {
        return;
    };
    let roundtrip = Update::from_toml("again", &update.to_toml())
        .expect("an update that parsed must survive being written back");
    assert_eq!(roundtrip.yesterday, update.yesterday);
    assert_eq!(roundtrip.blockers, update.blockers);

    let view = TeamView {
        team: "fuzz".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date"),
        entries: vec![Entry {
            name: update.author.clone(),
            local_time: "Tue 09:00".into(),
            ago: "just now".into(),
            foreign_committer: Some(update.author.clone()),
            violation: update.today.first().cloned(),
            update: update.clone(),
        }],
        missing: vec![update.author.clone()],
        away: vec![render::AwayRow {
            handle: update.author.clone(),
            until: update.date,
            note: update.today.first().cloned(),
        }],
        members: vec![],
        questions: vec![],
    };
    let rows: Vec<BlockerRow> = update
        .blockers
        .iter()
        .map(|b| BlockerRow {
            author: update.author.clone(),
            id: b.id.clone(),
            text: b.text.clone(),
            since: b.since,
            age_days: 1,
            away: true,
        })
        .collect();
    let out = Out {
        color: false,
        width: Some(80),
    };
    let shown = [
        render::table::team(&out, &view),
        render::table::blockers(&out, &rows),
        render::table::log(&out, std::slice::from_ref(&update)),
        render::markdown::team(&view),
        render::markdown::blockers(&rows),
        render::markdown::log(&update.author, std::slice::from_ref(&update)),
    ];
    for text in &shown {
        if let Some(c) = text
            .chars()
            .find(|&c| c != '\n' && sanitize::is_dangerous(c))
        {
            panic!("{:?} reached the terminal in:\n{text}", c);
        }
    }
    for json in [
        render::json::team(&view),
        render::json::blockers(&rows),
        render::json::log(std::slice::from_ref(&update)),
    ] {
        if let Some(c) = json
            .chars()
            .find(|&c| c != '\n' && sanitize::is_dangerous(c))
        {
            panic!("{:?} left unescaped in JSON", c);
        }
        serde_json::from_str::<serde_json::Value>(&json).expect("JSON output parses");
    }
}
