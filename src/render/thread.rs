//! Replies and reactions as every view shows them: which replies belong to
//! an update or a blocker, reactions counted with who gave them, replies as
//! a short thread. The lines here are plain, unescaped text built from
//! teammate input; each renderer escapes them for its format (terminal
//! [`super::sanitize::clean`], markdown [`super::markdown::text`]) exactly as
//! it does an update's items.

use crate::model::reply::FoundReply;
use chrono::NaiveDate;

/// The replies to `author`'s update of `date`, oldest first.
pub fn to_update(all: &[FoundReply], author: &str, date: NaiveDate) -> Vec<FoundReply> {
    all.iter()
        .filter(|r| r.reply.to == author && r.reply.date == date)
        .cloned()
        .collect()
}

/// The replies to `author`'s blocker `id`, whichever day's update they
/// answered: a blocker keeps its id while it stays open.
pub fn to_blocker(all: &[FoundReply], author: &str, id: &str) -> Vec<FoundReply> {
    all.iter()
        .filter(|r| r.reply.to == author && r.reply.blocker.as_deref() == Some(id))
        .cloned()
        .collect()
}

/// Who offered help, in the order they offered, each once.
pub fn offers(replies: &[FoundReply]) -> Vec<String> {
    let mut who: Vec<String> = Vec::new();
    for r in replies.iter().filter(|r| r.reply.offer) {
        if !who.contains(&r.author) {
            who.push(r.author.clone());
        }
    }
    who
}

/// What a reply answers, as a prefix: "on blocker b1", "on today item 2".
fn target(r: &FoundReply) -> String {
    match (&r.reply.blocker, r.reply.item) {
        (Some(id), _) => format!(" on blocker {id}"),
        (None, Some(n)) => format!(" on today item {n}"),
        (None, None) => String::new(),
    }
}

/// The thread as lines: first each reaction with its count and who gave
/// it (`👍 2 @bob @carol`, per target), then each reply in order
/// (`@bob on blocker b1: I can help with this (offers help)`).
pub fn lines(replies: &[FoundReply]) -> Vec<String> {
    let mut reactions: Vec<(String, String, Vec<String>)> = Vec::new();
    for r in replies {
        let Some(glyph) = &r.reply.reaction else {
            continue;
        };
        let on = target(r);
        match reactions
            .iter_mut()
            .find(|(g, t, _)| g == glyph && *t == on)
        {
            Some((_, _, who)) if !who.contains(&r.author) => who.push(r.author.clone()),
            Some(_) => {}
            None => reactions.push((glyph.clone(), on, vec![r.author.clone()])),
        }
    }
    let mut out: Vec<String> = reactions
        .into_iter()
        .map(|(glyph, on, who)| {
            let names: Vec<String> = who.iter().map(|h| format!("@{h}")).collect();
            format!("{glyph} {}{on}: {}", who.len(), names.join(" "))
        })
        .collect();
    for r in replies.iter().filter(|r| r.reply.reaction.is_none()) {
        // One line, without blanks at either end, as an item reads.
        let text = r
            .reply
            .shown_text()
            .unwrap_or_default()
            .replace(['\n', '\r', '\t'], " ");
        let text = text.trim();
        let offer = if r.reply.offer && r.reply.text.is_some() {
            " (offers help)"
        } else {
            ""
        };
        out.push(format!("@{}{}: {text}{offer}", r.author, target(r)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::reply::Reply;

    fn found(author: &str, text: Option<&str>, reaction: Option<&str>) -> FoundReply {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-24T10:00:00Z").unwrap();
        FoundReply {
            author: author.into(),
            file_date: at.date_naive(),
            blob: String::new(),
            reply: Reply {
                to: "alice".into(),
                date: at.date_naive(),
                blocker: None,
                item: None,
                text: text.map(str::to_string),
                reaction: reaction.map(str::to_string),
                offer: false,
                written_at: at,
            },
        }
    }

    #[test]
    fn reactions_are_counted_and_replies_threaded() {
        let mut offer = found("carol", None, None);
        offer.reply.blocker = Some("b1".into());
        offer.reply.offer = true;
        let replies = [
            found("bob", None, Some("👍")),
            found("bob", Some("nice"), None),
            found("carol", None, Some("👍")),
            offer,
        ];
        assert_eq!(
            lines(&replies),
            [
                "👍 2: @bob @carol",
                "@bob: nice",
                "@carol on blocker b1: I can help with this"
            ]
        );
        assert_eq!(offers(&replies), ["carol"]);
    }
}
