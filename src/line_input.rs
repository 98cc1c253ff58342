//! A one-line text prompt that stays right when the answer is longer than
//! the terminal is wide.
//!
//! dialoguer 0.11's `Input` redraws only the terminal row the cursor is on:
//! a prefilled "yesterday" or a long answer that wraps at 60 columns leaves
//! stale copies of its first rows on screen after Enter or a validation
//! error. This prompt redraws the whole block instead (back to its first
//! row, erase to the end of the screen, print again), so what is on screen
//! is always exactly the prompt and the text.

use crate::error::{Error, Result};
use dialoguer::console::{measure_text_width, Key, Term};

/// Asks for one line on the terminal (stderr), starting from `initial`.
/// `check` is run on Enter; its error is shown under the text, which stays
/// for the person to correct.
pub fn ask(
    prompt: &str,
    initial: &str,
    check: impl Fn(&str) -> std::result::Result<(), String>,
) -> Result<String> {
    let term = Term::stderr();
    if !term.is_term() {
        return Err(Error::Usage(
            "cannot ask: stderr is not a terminal; give the answer as a flag".into(),
        ));
    }
    let chars: Vec<char> = initial.chars().collect();
    let mut block = Block {
        prompt: format!("{}: ", crate::render::sanitize::clean(prompt)),
        pos: chars.len(),
        chars,
        error: None,
        cursor_row: 0,
    };
    let io = |e| Error::io("reading your answer", e);
    block.draw(&term).map_err(io)?;
    loop {
        match term.read_key().map_err(io)? {
            Key::Enter => {
                let text: String = block.chars.iter().collect();
                match check(&text) {
                    Ok(()) => {
                        block.error = None;
                        block.finish(&term).map_err(io)?;
                        return Ok(text);
                    }
                    Err(e) => block.error = Some(e),
                }
            }
            Key::Char(c) if !c.is_control() => {
                block.chars.insert(block.pos, c);
                block.pos += 1;
            }
            Key::Backspace if block.pos > 0 => {
                block.pos -= 1;
                block.chars.remove(block.pos);
            }
            Key::Del if block.pos < block.chars.len() => {
                block.chars.remove(block.pos);
            }
            Key::ArrowLeft => block.pos = block.pos.saturating_sub(1),
            Key::ArrowRight => block.pos = (block.pos + 1).min(block.chars.len()),
            Key::Home | Key::Char('\u{1}') => block.pos = 0,
            Key::End | Key::Char('\u{5}') => block.pos = block.chars.len(),
            // Ctrl-U: erase back to the start, as in a shell.
            Key::Char('\u{15}') => {
                block.chars.drain(..block.pos);
                block.pos = 0;
            }
            _ => continue,
        }
        block.draw(&term).map_err(io)?;
    }
}

/// The prompt, the text being edited and where the cursor is in it.
struct Block {
    prompt: String,
    chars: Vec<char>,
    pos: usize,
    error: Option<String>,
    /// The row (from the block's first) the terminal cursor is on now.
    cursor_row: usize,
}

/// Where each character lands on a terminal `width` columns wide, as the
/// terminal itself wraps: a character that does not fit goes to the next
/// row. Returns the row and column after the last one (the column may
/// equal `width`: the terminal's pending wrap).
fn layout(text: impl Iterator<Item = char>, width: usize) -> (usize, usize) {
    let (mut row, mut col) = (0, 0);
    for c in text {
        let w = measure_text_width(c.encode_utf8(&mut [0; 4]));
        if col + w > width {
            row += 1;
            col = 0;
        }
        col += w;
    }
    (row, col)
}

/// A character as shown: control characters and bidi overrides (from an old
/// update or a commit message, say) never reach the terminal as themselves.
fn shown(c: char) -> char {
    if c.is_control() || crate::render::sanitize::is_dangerous(c) {
        '\u{fffd}'
    } else {
        c
    }
}

impl Block {
    /// Moves back to the block's first row and erases everything below.
    fn rewind(&self) -> String {
        let mut out = String::new();
        if self.cursor_row > 0 {
            out.push_str(&format!("\x1b[{}A", self.cursor_row));
        }
        out.push_str("\r\x1b[J");
        out
    }

    fn draw(&mut self, term: &Term) -> std::io::Result<()> {
        let width = usize::from(term.size().1).max(2);
        let mut out = self.rewind();
        let all = || {
            self.prompt
                .chars()
                .chain(self.chars.iter().copied().map(shown))
        };
        out.extend(all());
        let (mut end_row, end_col) = layout(all(), width);
        // At the very end of a full row the terminal waits to wrap; move on
        // to the next row so the cursor can be put there and counted.
        if end_col >= width {
            out.push_str("\r\n");
            end_row += 1;
        }
        if let Some(error) = &self.error {
            let text = format!("error: {}", crate::render::sanitize::clean(error));
            out.push_str("\r\n");
            out.push_str(&text);
            let (rows, _) = layout(text.chars(), width);
            end_row += 1 + rows;
        }
        let before = self
            .prompt
            .chars()
            .chain(self.chars[..self.pos].iter().copied().map(shown));
        let (mut row, mut col) = layout(before, width);
        if col >= width {
            row += 1;
            col = 0;
        }
        if end_row > row {
            out.push_str(&format!("\x1b[{}A", end_row - row));
        }
        out.push('\r');
        if col > 0 {
            out.push_str(&format!("\x1b[{col}C"));
        }
        self.cursor_row = row;
        term.write_str(&out)?;
        term.flush()
    }

    /// Leaves the answer on screen once, as `prompt: text`, and moves below it.
    fn finish(&mut self, term: &Term) -> std::io::Result<()> {
        let mut out = self.rewind();
        out.extend(
            self.prompt
                .chars()
                .chain(self.chars.iter().copied().map(shown)),
        );
        out.push_str("\r\n");
        self.cursor_row = 0;
        term.write_str(&out)?;
        term.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::{layout, shown};

    #[test]
    fn controls_and_bidi_overrides_are_shown_replaced() {
        for c in ['\u{1b}', '\u{7}', '\u{202e}', '\u{2066}', '\u{200f}'] {
            assert_eq!(shown(c), '\u{fffd}', "{:?}", c);
        }
        assert_eq!(shown('é'), 'é');
    }

    #[test]
    fn wraps_as_a_terminal_does() {
        assert_eq!(layout("abcde".chars(), 5), (0, 5));
        assert_eq!(layout("abcdef".chars(), 5), (1, 1));
        // A wide character that does not fit starts the next row.
        assert_eq!(layout("abcd日".chars(), 5), (1, 2));
        assert_eq!(layout("".chars(), 5), (0, 0));
    }
}
