//! Slack Block Kit messages (`--format slack`), ready for an incoming
//! webhook: `{"text": fallback, "blocks": [...]}`.
//!
//! Slack's mrkdwn is not Markdown, so the markdown views cannot be reused:
//! it has no backslash escapes, bold is `*x*`, and `<...>` is a link or a
//! mention. Teammate text therefore goes through [`text`]: `&`, `<` and `>`
//! become entities (as Slack requires: no link, no `<!here>`), the mass
//! mentions `@here`, `@channel`, `@everyone` and `@all` become `@ here` and
//! so on, and the formatting characters `*`, `_`, `~` and `` ` `` become
//! look-alikes that Slack does not format (`∗`, `＿`, `∼`, `ˋ`), since
//! mrkdwn has no way to escape them. `_` inside a word stays (`snake_case`),
//! as Slack formats only at word boundaries.
//!
//! References the team's `[links]` maps become Slack links, `<href|text>`:
//! the address holds only [`super::links::is_url_char`] characters (`&` as
//! `&amp;`), and the text is escaped as above, so it cannot end the link.
//!
//! Block Kit limits are kept: a section's text is at most 3000 characters
//! (longer member sections are split at line ends, a longer line is cut), a
//! header 150, and a message 50 blocks; whatever is cut or left out is said
//! in the message itself.

use super::digest::Digest;
use super::links::Links;
use super::markdown::is_mass_mention;
use super::sanitize::{clean, escape_json};
use super::BlockerRow;
use serde_json::{json, Value};

/// Slack's limit on a section block's text, in characters.
pub const SECTION_LIMIT: usize = 3000;
/// Slack's limit on a header block's text, in characters.
pub const HEADER_LIMIT: usize = 150;
/// Slack's limit on blocks in one message.
pub const BLOCK_LIMIT: usize = 50;

/// Teammate text for plain_text fields: one line, entities for `&<>`, mass
/// mentions broken.
pub fn plain(s: &str) -> String {
    escape(s, false, &Links::none())
}

/// Teammate text for mrkdwn fields: as [`plain`], and no formatting.
///
/// ```
/// use async_up::render::slack::text;
/// assert_eq!(text("<!here> *b* @channel a&b"), "&lt;!here&gt; ∗b∗ @ channel a&amp;b");
/// assert_eq!(text("keep snake_case, _not_ this"), "keep snake_case, ＿not＿ this");
/// ```
pub fn text(s: &str) -> String {
    escape(s, true, &Links::none())
}

/// Teammate text for mrkdwn fields, as [`text`], with the references the
/// team maps as links.
pub fn linked(s: &str, links: &Links) -> String {
    escape(s, true, links)
}

fn escape(s: &str, mrkdwn: bool, links: &Links) -> String {
    let cleaned = clean(s);
    let trimmed = cleaned.trim();
    let found = links.find(trimmed);
    let mut next = found.iter().peekable();
    let chars: Vec<char> = trimmed.chars().collect();
    let in_word = |at: usize| {
        at > 0
            && chars[at - 1].is_alphanumeric()
            && chars.get(at + 1).is_some_and(|c| c.is_alphanumeric())
    };
    let mut out = String::with_capacity(cleaned.len() + 8);
    for (at, &c) in chars.iter().enumerate() {
        if let Some(f) = next.peek().filter(|f| f.start == at) {
            out.push_str(&format!("<{}|", f.href.replace('&', "&amp;")));
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' if is_mass_mention(&chars, at) => out.push_str("@ "),
            '*' if mrkdwn => out.push('\u{2217}'),
            '_' if mrkdwn && !in_word(at) => out.push('\u{ff3f}'),
            '~' if mrkdwn => out.push('\u{223c}'),
            '`' if mrkdwn => out.push('\u{02cb}'),
            c => out.push(c),
        }
        if next.next_if(|f| f.end == at + 1).is_some() {
            out.push('>');
        }
    }
    out
}

/// A handle in bold, `*@alice*`.
fn who(handle: &str) -> String {
    format!("*@{}*", text(handle))
}

/// `s` cut to `max` characters, ending in an ellipsis when cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn header(s: &str) -> Value {
    json!({"type": "header", "text": {"type": "plain_text", "text": cut(s, HEADER_LIMIT), "emoji": false}})
}

fn section(s: &str) -> Value {
    json!({"type": "section", "text": {"type": "mrkdwn", "text": s}})
}

fn context(s: &str) -> Value {
    json!({"type": "context", "elements": [{"type": "mrkdwn", "text": s}]})
}

/// Section blocks holding `lines`, each at most [`SECTION_LIMIT`]
/// characters: split at line ends, a line too long alone is cut and says so.
fn sections(lines: &[String]) -> Vec<Value> {
    const CUT: &str = " … (cut: Slack shows 3000 characters per section)";
    let mut blocks = Vec::new();
    let mut current = String::new();
    for line in lines {
        let line = if line.chars().count() > SECTION_LIMIT {
            let keep = SECTION_LIMIT - CUT.chars().count();
            let mut kept: String = line.chars().take(keep).collect();
            // Every `<` left is a link of ours (teammates' are entities):
            // one cut open would swallow the rest, so it goes whole.
            if let Some(open) = kept.rfind('<').filter(|at| !kept[*at..].contains('>')) {
                kept.truncate(open);
            }
            format!("{kept}{CUT}")
        } else {
            line.clone()
        };
        let len = current.chars().count();
        if len > 0 && len + 1 + line.chars().count() > SECTION_LIMIT {
            blocks.push(section(&current));
            current.clear();
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(&line);
    }
    if !current.is_empty() {
        blocks.push(section(&current));
    }
    blocks
}

/// The message: at most [`BLOCK_LIMIT`] blocks, the last one saying how
/// many were left out and where to see them all.
fn message(fallback: &str, mut blocks: Vec<Value>, whole: &str) -> String {
    if blocks.len() > BLOCK_LIMIT {
        let left_out = blocks.len() - (BLOCK_LIMIT - 1);
        blocks.truncate(BLOCK_LIMIT - 1);
        blocks.push(context(&format!(
            "{left_out} more block(s) left out: Slack shows {BLOCK_LIMIT} per message. Run `{whole}` for all of it."
        )));
    }
    let doc = json!({"text": fallback, "blocks": blocks});
    let pretty = serde_json::to_string_pretty(&doc).expect("a message serializes");
    format!("{}\n", escape_json(&pretty))
}

/// `digest --format slack`.
pub fn digest(d: &Digest, links: &Links) -> String {
    let text = |s: &str| linked(s, links);
    let title = format!("{} digest, {} to {}", plain(&d.team), d.since, d.until);
    let mut blocks = vec![header(&title)];
    for m in &d.members {
        let mut lines = vec![who(&m.handle)];
        if m.away_days > 0 {
            lines[0].push_str(&format!(" · away {} day(s)", m.away_days));
        }
        if !m.holidays.is_empty() {
            lines[0].push_str(&format!(" · {} holiday(s)", m.holidays.len()));
        }
        if m.days.is_empty() {
            lines.push("No updates in this period.".into());
        }
        for day in &m.days {
            lines.push(format!("*{}*", day.date));
            lines.extend(
                day.planned
                    .iter()
                    .map(|p| format!("• planned: {}", text(p))),
            );
            match &day.reported {
                Some(r) if !r.is_empty() => {
                    lines.extend(r.iter().map(|x| format!("• reported next: {}", text(x))));
                }
                Some(_) => lines.push("• reported next: nothing".into()),
                None => lines.push("• reported next: no later update yet".into()),
            }
            let thread = super::thread::lines(&day.replies);
            lines.extend(thread.iter().map(|l| format!("• reply: {}", text(l))));
        }
        for b in &m.blockers_opened {
            lines.push(format!("• blocker opened {}: {}", b.since, text(&b.text)));
        }
        for b in &m.blockers_resolved {
            lines.push(format!(
                "• blocker resolved {} after {} day(s): {}",
                b.resolved.as_deref().unwrap_or("?"),
                b.days.unwrap_or(0),
                text(&b.text)
            ));
        }
        blocks.extend(sections(&lines));
    }
    let mut open = vec![format!("*Open blockers* ({})", d.open_blockers.len())];
    if d.open_blockers.is_empty() {
        open.push("None.".into());
    }
    for b in &d.open_blockers {
        open.push(format!(
            "• {}: {} ({}d, since {})",
            who(&b.author),
            text(&b.text),
            b.age_days,
            b.since
        ));
        open.extend(thread(&b.replies, links));
    }
    blocks.extend(sections(&open));
    let mut signals = vec![format!("*Signals* ({})", d.signals.len())];
    signals.extend(
        d.signals
            .iter()
            .map(|s| format!("• {}", text(&super::digest::signal_line(s)))),
    );
    blocks.extend(sections(&signals));
    let fallback = format!("{title}: {} open blocker(s)", d.open_blockers.len());
    message(&fallback, blocks, "async-up digest")
}

/// `blockers --format slack`: each blocker, then who offered help and the
/// replies to it, indented under it.
pub fn blockers(rows: &[BlockerRow], links: &Links) -> String {
    let fallback = format!("{} open blocker(s)", rows.len());
    let mut blocks = vec![header(&format!("Open blockers ({})", rows.len()))];
    if rows.is_empty() {
        blocks.push(section("No open blockers."));
    }
    let mut lines: Vec<String> = Vec::new();
    for r in rows {
        lines.push(format!(
            "• {}{}: {} (id {}, since {}, {}d)",
            who(&r.author),
            if r.away { " (away)" } else { "" },
            linked(&r.text, links),
            text(&r.id),
            r.since,
            r.age_days
        ));
        lines.extend(thread(&r.replies, links));
    }
    blocks.extend(sections(&lines));
    message(&fallback, blocks, "async-up blockers")
}

/// Who offered help on a blocker, then the replies to it, indented under it.
fn thread(replies: &[crate::model::reply::FoundReply], links: &Links) -> Vec<String> {
    let mut lines = Vec::new();
    let offers = super::thread::offers(replies);
    if !offers.is_empty() {
        let names: Vec<String> = offers.iter().map(|h| who(h)).collect();
        lines.push(format!("    ◦ offers help: {}", names.join(", ")));
    }
    for line in super::thread::lines(replies) {
        lines.push(format!("    ◦ {}", linked(&line, links)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_split_and_cut_within_the_limits() {
        let long = "x".repeat(5000);
        let lines = vec!["a".repeat(2000), "b".repeat(2000), long];
        let blocks = sections(&lines);
        assert_eq!(blocks.len(), 3);
        for b in &blocks {
            let t = b["text"]["text"].as_str().unwrap();
            assert!(t.chars().count() <= SECTION_LIMIT, "{}", t.len());
        }
        assert!(blocks[2]["text"]["text"]
            .as_str()
            .unwrap()
            .ends_with("per section)"));
    }

    #[test]
    fn a_cut_never_leaves_a_link_open() {
        let line = format!("• see <https://t.example/x|{}> after", "a".repeat(3100));
        let blocks = sections(&[line]);
        let t = blocks[0]["text"]["text"].as_str().unwrap();
        assert!(t.chars().count() <= SECTION_LIMIT, "{}", t.len());
        assert_eq!(t.matches('<').count(), t.matches('>').count(), "{t}");
        assert!(t.starts_with("• see  … (cut"), "{t}");
    }

    #[test]
    fn a_message_keeps_to_fifty_blocks_and_says_what_was_left_out() {
        let blocks: Vec<Value> = (0..70).map(|i| section(&i.to_string())).collect();
        let doc: Value = serde_json::from_str(&message("f", blocks, "async-up x")).unwrap();
        let blocks = doc["blocks"].as_array().unwrap();
        assert_eq!(blocks.len(), BLOCK_LIMIT);
        let last = blocks[49]["elements"][0]["text"].as_str().unwrap();
        assert!(last.starts_with("21 more block(s) left out"), "{last}");
    }
}
