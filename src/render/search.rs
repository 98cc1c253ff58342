//! `search` as a table for a terminal and as markdown. The matched texts
//! are teammates': cleaned for the terminal ([`clean`]) or escaped for
//! markdown ([`text`]), and so is the pattern, which is echoed back.

use super::fit::render;
use super::links::Links;
use super::markdown::{handle, linked, text};
use super::sanitize::clean;
use super::{Out, SearchHit};
use comfy_table::Cell;
use std::fmt::Write as _;

/// Where an item was, with its blocker's id when it has one.
fn field(h: &SearchHit) -> String {
    match &h.blocker {
        Some(id) => format!("{} [{id}]", h.field),
        None => h.field.to_string(),
    }
}

/// `search` as a table.
pub fn table(out: &Out, pattern: &str, hits: &[SearchHit]) -> String {
    if hits.is_empty() {
        return format!("Nothing matches {:?}.\n", clean(pattern));
    }
    let cells = hits
        .iter()
        .map(|h| {
            vec![
                Cell::new(format!("@{}", clean(&h.author))),
                Cell::new(h.date.to_string()),
                Cell::new(clean(&field(h))),
                Cell::new(clean(&h.text)),
            ]
        })
        .collect();
    render(out, &["From", "Date", "Field", "Text"], cells)
}

/// `search --format markdown`.
pub fn markdown(pattern: &str, hits: &[SearchHit], links: &Links) -> String {
    if hits.is_empty() {
        return format!("Nothing matches {}.\n", text(pattern));
    }
    let mut out = format!("## Matches for {}\n\n", text(pattern));
    for h in hits {
        let _ = writeln!(
            out,
            "- {} ({}, {}): {}",
            handle(&h.author),
            h.date,
            text(&field(h)),
            linked(&h.text, links)
        );
    }
    out
}
