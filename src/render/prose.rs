//! Lines of prose (what follows a table: who is missing or away, threads,
//! the inbox, `status`) fitted to the terminal's width as tables are: broken
//! at spaces, a continued line indented two past its own, and a word or id
//! wider than the terminal (or a `quoted command`) kept whole rather than
//! split. Where no width is known (no terminal and no `COLUMNS`), nothing
//! changes: scripts read whole lines.

use super::Out;
use unicode_width::UnicodeWidthStr;

/// `text`, each line wider than `out`'s width broken at spaces.
pub fn wrap(out: &Out, text: &str) -> String {
    match out.width {
        Some(width) => wrap_to(text, usize::from(width)),
        None => text.to_string(),
    }
}

fn wrap_to(text: &str, width: usize) -> String {
    let mut wrapped = String::with_capacity(text.len() + text.len() / 16);
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if body.width() <= width {
            wrapped.push_str(line);
            continue;
        }
        let indent = body.len() - body.trim_start_matches(' ').len();
        let hang = " ".repeat((indent + 2).min(width / 2));
        wrapped.push_str(&body[..indent]);
        let mut column = indent;
        let mut first = true;
        for word in words(&body[indent..]) {
            let w = word.width();
            if !first && column + 1 + w > width {
                wrapped.push('\n');
                wrapped.push_str(&hang);
                column = hang.len();
                first = true;
            }
            if !first {
                wrapped.push(' ');
                column += 1;
            }
            wrapped.push_str(&word);
            column += w;
            first = false;
        }
        wrapped.push_str(end);
    }
    wrapped
}

/// The words of `text`, split at spaces, except inside a `quoted command`:
/// a command to run is never broken across lines.
fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut open = false;
    for part in text.split(' ').filter(|w| !w.is_empty()) {
        match words.last_mut() {
            Some(last) if open => {
                last.push(' ');
                last.push_str(part);
            }
            _ => words.push(part.to_string()),
        }
        if part.matches('`').count() % 2 == 1 {
            open = !open;
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::wrap_to;

    #[test]
    fn long_lines_break_at_spaces_with_a_hanging_indent() {
        let text = "Missing: @alice, @bob, @carol-the-long-handle, @dan\nshort\n";
        assert_eq!(
            wrap_to(text, 20),
            "Missing: @alice,\n  @bob,\n  @carol-the-long-handle,\n  @dan\nshort\n"
        );
        // An indented line keeps its indent and hangs two past it.
        assert_eq!(
            wrap_to("  • one two three", 10),
            "  • one\n    two\n    three"
        );
        // Wide characters count as two columns.
        assert_eq!(wrap_to("日本語 日本語", 8), "日本語\n  日本語");
        // Lines that fit are left exactly as they are, spaces included.
        assert_eq!(wrap_to("a  b\n", 10), "a  b\n");
        // A quoted command stays on one line.
        assert_eq!(
            wrap_to("not written: run `async-up write` now", 20),
            "not written: run\n  `async-up write`\n  now"
        );
    }
}
