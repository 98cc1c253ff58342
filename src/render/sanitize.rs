//! Making teammates' text safe for a terminal. Anything that could move the
//! cursor, set a title, make a hyperlink, ring a bell or reorder text (C0 and
//! C1 controls, DEL, bidi overrides) becomes U+FFFD before it is printed.

/// The character shown in place of a control character.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Whether `c` must never reach a terminal as it is.
pub fn is_dangerous(c: char) -> bool {
    let code = c as u32;
    code < 0x20
        || code == 0x7f
        || (0x80..=0x9f).contains(&code)
        || matches!(code, 0x061c | 0x200e | 0x200f | 0x202a..=0x202e | 0x2066..=0x2069)
}

/// One line of safe text: line breaks and tabs become spaces, other controls U+FFFD.
///
/// ```
/// use async_up::render::sanitize::clean;
/// assert_eq!(clean("hi\x1b]0;title\x07\nthere"), "hi\u{FFFD}]0;title\u{FFFD} there");
/// ```
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if is_dangerous(c) => REPLACEMENT,
            c => c,
        })
        .collect()
}

/// Safe text that keeps its line breaks (for messages of several lines).
pub fn clean_lines(s: &str) -> String {
    s.split('\n').map(clean).collect::<Vec<_>>().join("\n")
}

/// Escapes, inside already serialized JSON, the characters serde_json leaves
/// raw (DEL, C1 controls, bidi overrides). They only occur inside strings, so
/// a `\uXXXX` escape keeps the JSON valid and the terminal safe. The line
/// breaks of pretty-printing are left alone; inside strings serde escapes them.
pub fn escape_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && is_dangerous(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_dangerous_survives() {
        let nasty =
            "a\x1b[31mred\x1b]0;title\x07\x1b]8;;http://x\x1b\\link\r\x08\u{9b}2J\u{202e}txt\u{7f}";
        let cleaned = clean(nasty);
        assert!(!cleaned.chars().any(is_dangerous), "{cleaned:?}");
        assert!(cleaned.contains("red"));
        let json = escape_json("\"\u{9b}\u{202e}\"");
        assert_eq!(json, "\"\\u009b\\u202e\"");
    }
}
