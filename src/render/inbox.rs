//! `inbox` as text for a terminal and as markdown: one short section per
//! kind of news, each line one thing. Teammate text is cleaned for the
//! terminal ([`clean`]) or escaped for markdown ([`text`]) like every view.

use super::markdown::{handle, text};
use super::sanitize::clean;
use super::{thread, InboxView, Out};
use crate::model::Update;

/// One update on one line, plain: "today: a; b · blockers: c [b1]".
fn update_line(u: &Update) -> String {
    let mut parts = Vec::new();
    if !u.yesterday.is_empty() {
        parts.push(format!("yesterday: {}", u.yesterday.join("; ")));
    }
    if !u.today.is_empty() {
        parts.push(format!("today: {}", u.today.join("; ")));
    }
    if !u.blockers.is_empty() {
        let b: Vec<String> = u
            .blockers
            .iter()
            .map(|b| format!("{} [{}]", b.text, b.id))
            .collect();
        parts.push(format!("blockers: {}", b.join("; ")));
    }
    parts.join(" · ")
}

/// Each section as (title, lines of plain text with the author apart).
fn sections(view: &InboxView) -> Vec<(&'static str, Vec<(String, String)>)> {
    let updates = view
        .updates
        .iter()
        .map(|u| (u.author.clone(), format!("{}: {}", u.date, update_line(u))))
        .collect();
    let replies = view
        .replies
        .iter()
        .flat_map(|r| {
            thread::lines(std::slice::from_ref(r))
                .into_iter()
                .map(|line| (String::new(), format!("on your {}: {line}", r.reply.date)))
        })
        .collect();
    let mentions = view
        .mentions
        .iter()
        .map(|m| {
            (
                m.author.clone(),
                format!("{} ({}): {}", m.date, m.kind, m.text),
            )
        })
        .collect();
    let blockers = |rows: &[super::BlockerRow]| {
        rows.iter()
            .map(|b| {
                (
                    b.author.clone(),
                    format!("{} [{}] since {}", b.text, b.id, b.since),
                )
            })
            .collect()
    };
    vec![
        ("Updates", updates),
        ("Replies to you", replies),
        ("Mentions of you", mentions),
        ("Blockers opened", blockers(&view.blockers_opened)),
        ("Blockers resolved", blockers(&view.blockers_resolved)),
    ]
}

fn since(view: &InboxView) -> String {
    match view.since {
        Some(t) => format!("since {}", t.format("%Y-%m-%d %H:%M %:z")),
        None => "everything current".to_string(),
    }
}

/// `inbox` for a terminal.
pub fn table(out: &Out, view: &InboxView) -> String {
    let bullet = super::fit::marks(out).bullet;
    let mut s = format!("Inbox for {}, {}\n", clean(&view.team), since(view));
    if view.is_empty() {
        s.push_str("Nothing new.\n");
        return super::prose::wrap(out, &s);
    }
    for (title, lines) in sections(view) {
        if lines.is_empty() {
            continue;
        }
        s.push_str(&format!("{title} ({}):\n", lines.len()));
        for (who, line) in lines {
            let who = match who.is_empty() {
                true => String::new(),
                false => format!("@{} ", clean(&who)),
            };
            s.push_str(&format!("  {bullet} {who}{}\n", clean(&line)));
        }
    }
    super::prose::wrap(out, &s)
}

/// `inbox --format markdown`.
pub fn markdown(view: &InboxView) -> String {
    let mut s = format!("## Inbox for {}, {}\n\n", text(&view.team), since(view));
    if view.is_empty() {
        s.push_str("Nothing new.\n");
        return s;
    }
    for (title, lines) in sections(view) {
        if lines.is_empty() {
            continue;
        }
        s.push_str(&format!("**{title}**\n"));
        for (who, line) in lines {
            match who.is_empty() {
                true => s.push_str(&format!("- {}\n", text(&line))),
                false => s.push_str(&format!("- {} {}\n", handle(&who), text(&line))),
            }
        }
        s.push('\n');
    }
    s
}
