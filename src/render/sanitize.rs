//! Making teammates' text safe for a terminal. Anything that could move the
//! cursor, set a title, make a hyperlink, ring a bell or reorder text (C0 and
//! C1 controls, DEL, bidi overrides) becomes U+FFFD before it is printed.
//! Characters that take no room on screen ([`is_invisible`]: zero-width
//! spaces, joiners out of place, fillers, tag characters) are shown as
//! `<U+200B>`, so text that looks the same is the same.

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

/// Whether `c` shows as nothing (or as blank space where none seems to be):
/// the soft hyphen, the combining grapheme joiner, Hangul and Khmer fillers,
/// Mongolian variation selectors, zero-width spaces and joiners, the line and
/// paragraph separators, invisible operators and deprecated format
/// characters, the byte-order mark, interlinear annotations, shorthand and
/// musical format controls, tag characters, the other format characters of
/// Unicode category Cf and the braille blank. Variation selectors stay out:
/// they pick an emoji's or an ideograph's look, which is seen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c as u32,
        0x00ad
            | 0x034f
            | 0x115f
            | 0x1160
            | 0x17b4
            | 0x17b5
            | 0x180b..=0x180f
            | 0x200b..=0x200f
            | 0x2028
            | 0x2029
            | 0x2060..=0x206f
            | 0x3164
            | 0xfeff
            | 0xffa0
            | 0xfff9..=0xfffb
            | 0x1bca0..=0x1bca3
            | 0x1d173..=0x1d17a
            | 0xe0000..=0xe007f
            // Other format characters (Unicode category Cf) and blanks that
            // draw nothing: prepended number marks, the Syriac abbreviation
            // mark, Kaithi number signs, Egyptian format controls, the
            // braille blank, the Hangul and Khmer fillers' kin.
            | 0x0600..=0x0605
            | 0x06dd
            | 0x070f
            | 0x0890..=0x0891
            | 0x08e2
            | 0x110bd
            | 0x110cd
            | 0x13430..=0x1343f
            | 0x2800
    )
}

/// Whether a zero-width joiner or non-joiner at `at` does visible work: it
/// joins emoji (👩‍💻) or shapes Persian and Indic words, so it sits between
/// two characters outside ASCII that are themselves seen. Anywhere else (in
/// an ASCII word or a handle, at either end) it only hides a difference.
fn joins_visibly(chars: &[char], at: usize) -> bool {
    let seen = |c: &char| !c.is_ascii() && !c.is_whitespace() && !is_invisible(*c);
    matches!(chars[at], '\u{200c}' | '\u{200d}')
        && at > 0
        && chars.get(at - 1).is_some_and(seen)
        && chars.get(at + 1).is_some_and(seen)
}

/// One line of safe text: line breaks and tabs become spaces, other controls
/// U+FFFD, invisible characters a visible `<U+XXXX>`.
///
/// ```
/// use async_up::render::sanitize::clean;
/// assert_eq!(clean("hi\x1b]0;title\x07\nthere"), "hi\u{FFFD}]0;title\u{FFFD} there");
/// assert_eq!(clean("@bo\u{200b}b"), "@bo<U+200B>b");
/// ```
pub fn clean(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (at, &c) in chars.iter().enumerate() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_dangerous(c) => out.push(REPLACEMENT),
            c if is_invisible(c) && !joins_visibly(&chars, at) => {
                out.push_str(&format!("<U+{:04X}>", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// Safe text that keeps its line breaks (for messages of several lines).
pub fn clean_lines(s: &str) -> String {
    s.split('\n').map(clean).collect::<Vec<_>>().join("\n")
}

/// Escapes, inside already serialized JSON, the characters serde_json leaves
/// raw (DEL, C1 controls, bidi overrides, invisible characters). They only
/// occur inside strings, so a `\uXXXX` escape (a surrogate pair past U+FFFF)
/// keeps the JSON valid and its value the same, and shows them in a
/// terminal. The line breaks of pretty-printing are left alone; inside
/// strings serde escapes them.
pub fn escape_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && (is_dangerous(c) || is_invisible(c)) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
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

    #[test]
    fn invisible_characters_become_visible() {
        assert_eq!(
            clean("a\u{200b}b\u{feff}c\u{2028}d\u{ad}e\u{e0041}"),
            "a<U+200B>b<U+FEFF>c<U+2028>d<U+00AD>e<U+E0041>"
        );
        // Other format characters and the braille blank draw nothing either.
        assert_eq!(
            clean("a\u{2800}b\u{0605}c\u{13430}d"),
            "a<U+2800>b<U+0605>c<U+13430>d"
        );
        // A joiner inside an ASCII word or at an edge hides a difference...
        assert_eq!(clean("bo\u{200d}b\u{200c}"), "bo<U+200D>b<U+200C>");
        // ...but between emoji or in a Persian word it is part of what is seen.
        assert_eq!(clean("👩\u{200d}💻"), "👩\u{200d}💻");
        assert_eq!(clean("می\u{200c}خواهم"), "می\u{200c}خواهم");
        // JSON keeps the value and escapes it, past the BMP as a surrogate pair.
        let json = escape_json("\"\u{200b}\u{e0041}👩\u{200d}💻\"");
        assert_eq!(json, "\"\\u200b\\udb40\\udc41👩\\u200d💻\"");
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, "\u{200b}\u{e0041}👩\u{200d}💻");
    }
}
