//! One entry point for arbitrary bytes from a teammate: parse them as an
//! update and render them every way async-up can, checking the promises made
//! about untrusted input. Shared by the fuzz target (`fuzz/`) and the
//! property and corpus tests, so both exercise exactly the same path.
#![doc(hidden)]

use crate::model::reply::{FoundReply, Reply};
use crate::model::{Member, Update};
use crate::render::links::Links;
use crate::render::{self, sanitize, BlockerRow, Entry, Out, TeamView};
use chrono::NaiveDate;

/// Parses `data` as an update file and a member file, renders what parses,
/// and panics if any promise is broken: no panic inside, no control or
/// invisible character in table or markdown output, no mass mention in
/// markdown, JSON that escapes them and parses back.
pub fn parse_and_render(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Member::from_toml("members/x.toml", text);
    let _ = crate::model::holiday::Holidays::from_toml("holidays.toml", text);
    let Ok(update) = Update::from_toml("updates/x/2026/2026-11-24.toml", text) else {
        return;
    };
    let roundtrip = Update::from_toml("again", &update.to_toml())
        .expect("an update that parsed must survive being written back");
    assert_eq!(roundtrip.yesterday, update.yesterday);
    assert_eq!(roundtrip.blockers, update.blockers);

    // The same hostile text as a teammate's reply, on the update and on
    // its first blocker: replies go through the same escaping as updates.
    let replies: Vec<FoundReply> = [None, update.blockers.first().map(|b| b.id.clone())]
        .into_iter()
        .map(|blocker| FoundReply {
            author: update.author.clone(),
            file_date: update.date,
            blob: String::new(),
            reply: Reply {
                to: update.author.clone(),
                date: update.date,
                offer: blocker.is_some(),
                blocker,
                item: None,
                text: update.today.first().or(update.yesterday.first()).cloned(),
                reaction: None,
                written_at: update.written_at,
            },
        })
        .collect();
    let view = TeamView {
        links: Links::none(),
        team: "fuzz".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date"),
        entries: vec![Entry {
            name: update.author.clone(),
            local_time: "Tue 09:00".into(),
            ago: "just now".into(),
            foreign_committer: Some(update.author.clone()),
            violation: update.today.first().cloned(),
            update: update.clone(),
            replies: replies.clone(),
        }],
        missing: vec![update.author.clone()],
        away: vec![render::AwayRow {
            handle: update.author.clone(),
            until: update.date,
            note: update.today.first().cloned(),
        }],
        // A holiday's name is a teammate's text too (holidays.toml).
        holidays: vec![render::HolidayRow {
            handle: update.author.clone(),
            name: update.today.first().cloned().unwrap_or_default(),
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
            replies: replies.clone(),
        })
        .collect();
    let out = Out {
        color: false,
        width: Some(80),
        ascii: false,
    };
    let markdown = [
        render::markdown::team(&view, &Links::none()),
        render::markdown::blockers(&rows, &Links::none()),
        render::markdown::log(
            &update.author,
            std::slice::from_ref(&update),
            &replies,
            &Links::none(),
        ),
    ];
    for text in &markdown {
        if let Some(at) = mass_mention(text) {
            panic!("a mass mention at byte {at} pings a chat in:\n{text}");
        }
    }
    let shown = [
        render::table::team(&out, &view),
        render::table::blockers(&out, &rows),
        render::table::log(&out, std::slice::from_ref(&update), &replies),
    ];
    for text in shown.iter().chain(&markdown) {
        let chars: Vec<char> = text.chars().collect();
        for (at, &c) in chars.iter().enumerate() {
            if c != '\n' && sanitize::is_dangerous(c) {
                panic!("{c:?} reached the terminal in:\n{text}");
            }
            // A joiner kept between two visible non-ASCII characters is seen
            // (emoji); wrapping may put a line break after it.
            let joins = matches!(c, '\u{200c}' | '\u{200d}')
                && at > 0
                && !chars[at - 1].is_ascii()
                && chars
                    .get(at + 1)
                    .is_none_or(|n| !n.is_ascii() || n.is_whitespace());
            if sanitize::is_invisible(c) && !joins {
                panic!("{c:?} is hidden in:\n{text}");
            }
        }
    }
    for json in [
        render::json::team(&view),
        render::json::blockers(&rows),
        render::json::log(std::slice::from_ref(&update), &replies),
    ] {
        if let Some(c) = json
            .chars()
            .find(|&c| c != '\n' && (sanitize::is_dangerous(c) || sanitize::is_invisible(c)))
        {
            panic!("{:?} left unescaped in JSON", c);
        }
        serde_json::from_str::<serde_json::Value>(&json).expect("JSON output parses");
    }
}

/// Where `@here`, `@channel`, `@everyone` or `@all` stands as a word.
fn mass_mention(text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    ["@here", "@channel", "@everyone", "@all"]
        .iter()
        .flat_map(|m| lower.match_indices(m).map(|(at, m)| (at, at + m.len())))
        .find(|&(at, end)| {
            let before = lower[..at].chars().next_back();
            let after = lower[end..].chars().next();
            !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        })
        .map(|(at, _)| at)
}
