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

/// The thread as [`lines`] makes it, bounded for a page that shows many
/// updates: every reaction count (at most `max` lines of them) and the
/// newest `max` replies. Also says how many lines were left out.
pub fn newest(replies: &[FoundReply], max: usize) -> (Vec<String>, usize) {
    let mut texts: Vec<&FoundReply> = replies
        .iter()
        .filter(|r| r.reply.reaction.is_none())
        .collect();
    texts.sort_by_key(|r| r.reply.written_at);
    let mut more = texts.len().saturating_sub(max);
    let kept: Vec<FoundReply> = replies
        .iter()
        .filter(|r| r.reply.reaction.is_some())
        .chain(texts.into_iter().skip(more))
        .cloned()
        .collect();
    let shown_texts = kept.iter().filter(|r| r.reply.reaction.is_none()).count();
    let mut out = lines(&kept);
    let reaction_lines = out.len() - shown_texts;
    if reaction_lines > max {
        out.drain(max..reaction_lines);
        more += reaction_lines - max;
    }
    (out, more)
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

    #[test]
    fn a_bounded_thread_keeps_the_newest_replies_and_counts_the_rest() {
        let mut replies = vec![found("bob", None, Some("👍"))];
        for (n, minute) in [(1, 30), (2, 10), (3, 20)] {
            let mut r = found("bob", Some(&format!("r{n}")), None);
            r.reply.written_at = format!("2026-11-24T10:{minute}:00Z").parse().unwrap();
            replies.push(r);
        }
        let (shown, more) = newest(&replies, 2);
        assert_eq!(shown, ["👍 1: @bob", "@bob: r3", "@bob: r1"]);
        assert_eq!(more, 1);
    }
}
