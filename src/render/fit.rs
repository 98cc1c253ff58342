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
/// What a cell shows, whether made yet or still its text.
trait Content {
    fn text(&self) -> std::borrow::Cow<'_, str>;
}

impl Content for Cell {
    fn text(&self) -> std::borrow::Cow<'_, str> {
        self.content().into()
    }
}

impl Content for String {
    fn text(&self) -> std::borrow::Cow<'_, str> {
        self.as_str().into()
    }
}

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
fn keep_words_whole<C: Content>(table: &mut Table, columns: &[Vec<&C>], width: u16) -> bool {
    let (least, natural): (Vec<usize>, Vec<usize>) = columns
        .iter()
        .map(|cells| {
            cells
                .iter()
                .map(|c| widths(&c.text()))
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
        let wrapped = columns[i].iter().map(|c| wrapped_width(&c.text(), g));
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
        text.push_str(&card(out, &head, row, width));
    }
    text
}

/// One row as a small table of field and value.
fn card(out: &Out, head: &[Cell], row: Vec<Cell>, width: u16) -> String {
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
    format!("{card}\n")
}

/// About how many lines [`render_blocks`] lays out at a time.
const BLOCK_LINES: usize = 2048;

/// Where each block of about [`BLOCK_LINES`] lines ends: a row is as tall
/// as its tallest cell, and one row of a thousand lines is a block alone.
fn block_ends(rows: &[Vec<String>]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut lines = 0;
    for (i, row) in rows.iter().enumerate() {
        lines += row
            .iter()
            .map(|c| c.lines().count())
            .max()
            .unwrap_or(1)
            .max(1);
        if lines >= BLOCK_LINES {
            ends.push(i + 1);
            lines = 0;
        }
    }
    if ends.last() != Some(&rows.len()) {
        ends.push(rows.len());
    }
    ends
}

/// The text [`render`] makes of rows of plain cells, handed to `emit` a
/// block of rows at a time:
/// column widths are worked out over every row first, so the blocks join
/// into the same table, but no table of every row (with its own copy of
/// every line) is ever made. For long tables, such as `log` over a year of
/// a member listing a thousand blockers a day.
pub(super) fn render_blocks(
    out: &Out,
    header: &[&str],
    rows: Vec<Vec<String>>,
    emit: &mut dyn FnMut(&str) -> crate::error::Result<()>,
) -> crate::error::Result<()> {
    let ends = block_ends(&rows);
    let cells = |row: Vec<String>| row.into_iter().map(Cell::new).collect::<Vec<_>>();
    if ends.len() <= 1 {
        return emit(&render(out, header, rows.into_iter().map(cells).collect()));
    }
    let head: Vec<Cell> = header
        .iter()
        .map(|h| Cell::new(h).add_attribute(Attribute::Bold))
        .collect();
    let header_text: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let columns: Vec<Vec<&String>> = (0..header.len())
        .map(|i| {
            std::iter::once(&header_text[i])
                .chain(rows.iter().filter_map(|r| r.get(i)))
                .collect()
        })
        .collect();
    let mut probe = new_table(out);
    probe.set_header(head.clone());
    if let Some(width) = out.width {
        if !keep_words_whole(&mut probe, &columns, width) {
            // Cards, one per row, as `render` makes them.
            drop(columns);
            for row in rows {
                emit(&card(out, &head, cells(row), width))?;
            }
            return Ok(());
        }
    }
    drop(columns);
    // The width each column gets: the one fitted above, else its widest
    // line as the table measures it, over every block.
    let mut natural = probe.column_max_content_widths();
    let starts = std::iter::once(0).chain(ends.iter().copied());
    for block in starts.zip(&ends).map(|(start, end)| &rows[start..*end]) {
        let mut table = new_table(out);
        for row in block {
            table.add_row(row.iter().map(Cell::new).collect::<Vec<_>>());
        }
        for (n, w) in natural.iter_mut().zip(table.column_max_content_widths()) {
            *n = (*n).max(w);
        }
    }
    let widths: Vec<u16> = probe
        .column_iter()
        .zip(natural)
        .map(|(column, natural)| match column.constraint() {
            Some(ColumnConstraint::Absolute(Width::Fixed(w))) => *w,
            _ => natural.max(1) + column.padding_width(),
        })
        .collect();
    let mut rows = rows.into_iter();
    let mut done = 0;
    for (n, end) in ends.iter().enumerate() {
        let block: Vec<Vec<String>> = rows.by_ref().take(end - done).collect();
        done = *end;
        let (first, last) = (n == 0, n + 1 == ends.len());
        let mut table = new_table(out);
        if first {
            table.set_header(head.clone());
        }
        for row in block {
            table.add_row(cells(row));
        }
        for (column, w) in table.column_iter_mut().zip(&widths) {
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(*w)));
        }
        let text = table.to_string();
        let mut lines: Vec<&str> = text.lines().collect();
        if !last {
            lines.pop(); // the bottom border
        }
        let skip = usize::from(!first); // the top border
        let mut chunk = lines[skip.min(lines.len())..].join("\n");
        chunk.push('\n');
        emit(&chunk)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_join_into_the_table_render_makes() {
        let rows: Vec<Vec<String>> = (0..1500)
            .map(|i| {
                vec![
                    format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                    format!("• item {i}\n• a longer item {}", "word ".repeat(i % 9)),
                    if i % 5 == 0 {
                        String::new()
                    } else {
                        format!("ünïcode {i}")
                    },
                    (0..i % 7)
                        .map(|b| format!("b [{b:03}]"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    if i == 333 {
                        "a-very-long-unbreakable-word-here".to_string()
                    } else {
                        "3/5".to_string()
                    },
                ]
            })
            .collect();
        let header = ["Date", "Yesterday", "Today", "Blockers", "Mood"];
        assert!(block_ends(&rows).len() >= 3, "several blocks");
        for width in [None, Some(200), Some(70), Some(40), Some(12)] {
            for (ascii, color) in [(false, false), (true, true)] {
                let out = Out {
                    color,
                    width,
                    ascii,
                };
                let cells = rows
                    .iter()
                    .map(|r| r.iter().map(Cell::new).collect())
                    .collect();
                let whole = render(&out, &header, cells);
                let mut joined = String::new();
                render_blocks(&out, &header, rows.clone(), &mut |t| {
                    joined.push_str(t);
                    Ok(())
                })
                .unwrap();
                if whole != joined {
                    let (w, j): (Vec<_>, Vec<_>) =
                        (whole.lines().collect(), joined.lines().collect());
                    let at = w
                        .iter()
                        .zip(&j)
                        .position(|(a, b)| a != b)
                        .unwrap_or(w.len().min(j.len()));
                    panic!(
                        "width {width:?} ascii {ascii}: line {at} of {}/{}:\n{:?}\n{:?}\n{:?}",
                        w.len(),
                        j.len(),
                        w.get(at.saturating_sub(1)),
                        w.get(at),
                        j.get(at)
                    );
                }
            }
        }
    }
}
