//! Fitting a table to the terminal: no word or id is split where the
//! longest words fit (each column at least as wide as its longest word),
//! and when they cannot all fit, each row is shown on its own as a
//! two-column table of field and value. Where the locale is not UTF-8,
//! borders and marks are ASCII.

use super::Out;
use comfy_table::{presets, Attribute, Cell, ColumnConstraint, ContentArrangement, Table, Width};
use unicode_width::UnicodeWidthStr;

/// Our own marks, in UTF-8 or in ASCII.
pub(super) struct Marks {
    pub bullet: &'static str,
    pub warning: &'static str,
    pub dot: &'static str,
    pub reply: &'static str,
}

pub(super) fn marks(out: &Out) -> Marks {
    if out.ascii {
        Marks {
            bullet: "*",
            warning: "!",
            dot: "-",
            reply: ">",
        }
    } else {
        Marks {
            bullet: "•",
            warning: "⚠",
            dot: "·",
            reply: "↳",
        }
    }
}

fn new_table(out: &Out) -> Table {
    let mut table = Table::new();
    table
        .load_preset(if out.ascii {
            presets::ASCII_FULL_CONDENSED
        } else {
            presets::UTF8_FULL_CONDENSED
        })
        .set_content_arrangement(ContentArrangement::Dynamic);
    // The width is decided in `Out` (a terminal of 0 columns is one of
    // unknown width); comfy-table must not ask the terminal again.
    table.force_no_tty();
    if let Some(w) = out.width {
        table.set_width(w);
    }
    if out.color {
        table.enforce_styling();
    }
    table
}

/// The widest word (or id) and the widest line of `text`.
fn widths(text: &str) -> (usize, usize) {
    let word = text.split_whitespace().map(|w| w.width()).max();
    let line = text.lines().map(|l| l.width()).max();
    (word.unwrap_or(0), line.unwrap_or(0))
}

/// The widest line of `text` wrapped at spaces to `width`.
fn wrapped_width(text: &str, width: usize) -> usize {
    let mut widest = 0;
    for line in text.lines() {
        let mut current = 0;
        for word in line.split(' ').map(|w| w.width()) {
            current = match current {
                0 => word,
                c if c + 1 + word <= width => c + 1 + word,
                c => {
                    widest = widest.max(c);
                    word
                }
            };
        }
        widest = widest.max(current);
    }
    widest
}

/// Fixes each column's width so that no word is split: at least its
/// longest word, the room left shared by what each column would take
/// unwrapped. Says false, changing nothing, when the longest words do not
/// fit in `width` together with the borders and padding.
fn keep_words_whole(table: &mut Table, columns: &[Vec<&Cell>], width: u16) -> bool {
    let (least, natural): (Vec<usize>, Vec<usize>) = columns
        .iter()
        .map(|cells| {
            cells
                .iter()
                .map(|c| widths(&c.content()))
                .fold((1, 1), |(w, l), (cw, cl)| (w.max(cw), l.max(cl)))
        })
        .unzip();
    let room = usize::from(width).saturating_sub(3 * columns.len() + 1);
    if natural.iter().sum::<usize>() <= room {
        return true;
    }
    if least.iter().sum::<usize>() > room {
        return false;
    }
    // Water-filling, as comfy-table arranges: a column that fits in its
    // share of the room gets what it needs, and so does a column whose
    // longest word is wider than its share; the others share the rest.
    let mut given: Vec<Option<usize>> = vec![None; least.len()];
    let mut left = room;
    loop {
        let open: Vec<usize> = (0..given.len()).filter(|i| given[*i].is_none()).collect();
        if open.is_empty() {
            break;
        }
        let share = left / open.len();
        // Longest words first (they must fit), then columns that fit whole.
        let mut fixed: Vec<(usize, usize)> = open
            .iter()
            .filter(|&&i| least[i] > share)
            .map(|&i| (i, least[i]))
            .collect();
        if fixed.is_empty() {
            fixed = open
                .iter()
                .filter(|&&i| natural[i] <= share)
                .map(|&i| (i, natural[i]))
                .collect();
        }
        if fixed.is_empty() {
            for (n, &i) in open.iter().enumerate() {
                // The remainder goes to the first columns, one each.
                given[i] = Some(share + usize::from(n < left % open.len()));
            }
            break;
        }
        for (i, w) in fixed {
            given[i] = Some(w);
            left = left.saturating_sub(w);
        }
    }
    // A wrapped column needs only its longest line once wrapped.
    let given = given.into_iter().enumerate().map(|(i, g)| {
        let g = g.unwrap_or(1);
        let wrapped = columns[i].iter().map(|c| wrapped_width(&c.content(), g));
        wrapped.max().unwrap_or(g).min(g).max(least[i])
    });
    for (column, w) in table.column_iter_mut().zip(given) {
        // comfy-table's widths include the padding on either side.
        let w = u16::try_from(w).unwrap_or(u16::MAX) + column.padding_width();
        column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(w)));
    }
    true
}

/// Renders rows under `header`, fitted to the width (see the module doc).
pub(super) fn render(out: &Out, header: &[&str], rows: Vec<Vec<Cell>>) -> String {
    let head: Vec<Cell> = header
        .iter()
        .map(|h| Cell::new(h).add_attribute(Attribute::Bold))
        .collect();
    let mut table = new_table(out);
    table.set_header(head.clone());
    for row in &rows {
        table.add_row(row.clone());
    }
    let Some(width) = out.width else {
        return format!("{table}\n");
    };
    let columns: Vec<Vec<&Cell>> = (0..header.len())
        .map(|i| {
            std::iter::once(&head[i])
                .chain(rows.iter().filter_map(|r| r.get(i)))
                .collect()
        })
        .collect();
    if keep_words_whole(&mut table, &columns, width) {
        return format!("{table}\n");
    }
    // Too narrow for every column: one small table of field and value per row.
    let mut text = String::new();
    for row in rows {
        let mut card = new_table(out);
        for (i, (name, value)) in head.iter().zip(row).enumerate() {
            if i == 0 || !value.content().is_empty() {
                card.add_row(vec![name.clone(), value]);
            }
        }
        let cells: Vec<Cell> = card
            .row_iter()
            .flat_map(|r| r.cell_iter().cloned())
            .collect();
        let fields: Vec<&Cell> = cells.iter().step_by(2).collect();
        let values: Vec<&Cell> = cells.iter().skip(1).step_by(2).collect();
        keep_words_whole(&mut card, &[fields, values], width);
        text.push_str(&format!("{card}\n"));
    }
    text
}
