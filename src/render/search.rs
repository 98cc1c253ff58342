//! `search` as a table for a terminal and as markdown. The matched texts
//! are teammates': cleaned for the terminal ([`clean`]) or escaped for
//! markdown ([`text`]), and so is the pattern, which is echoed back.

use super::fit::render_blocks;
use super::links::Links;
use super::markdown::{handle, linked, text};
use super::sanitize::clean;
use super::{Out, SearchHit};
use std::fmt::Write as _;

/// Where an item was, with its blocker's id when it has one.
fn field(h: &SearchHit) -> String {
    match &h.blocker {
        Some(id) => format!("{} [{id}]", h.field),
        None => h.field.to_string(),
    }
}

/// `search` as a table, handed to `emit` a block at a time: a word found in most of a
/// big team's years of updates (a third of a million rows) is printed as
/// it is laid out, never held as one table (1.5 GiB).
pub fn table_to(
    out: &Out,
    pattern: &str,
    hits: &[SearchHit],
    emit: &mut dyn FnMut(&str) -> crate::error::Result<()>,
) -> crate::error::Result<()> {
    if hits.is_empty() {
        return emit(&format!("Nothing matches {:?}.\n", clean(pattern)));
    }
    let rows = hits
        .iter()
        .map(|h| {
            vec![
                format!("@{}", clean(&h.author)),
                h.date.to_string(),
                clean(&field(h)),
                clean(&h.text),
            ]
        })
        .collect();
    render_blocks(out, &["From", "Date", "Field", "Text"], rows, emit)
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
