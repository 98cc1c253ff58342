//! Reading a TOML file into a serde type, with the error a person can act
//! on. The `toml` parser checks a document's structure before it decodes
//! its strings and numbers, and reports the first problem it met, so an
//! unclosed quote on line 1 would be reported as the line after it (a key
//! with no value). On failure the document is parsed again, collecting
//! every problem, and the one that starts first in the text is reported.
//! Files that read cost nothing more.

use serde::de::DeserializeOwned;

/// `text` read as a `T`; the error is the problem that comes first in the text.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, toml::de::Error> {
    toml::from_str(text).map_err(|e| first_problem(text).unwrap_or(e))
}

/// A parser for `text` with what [`from_str`] reports when it does not parse.
pub fn document(text: &str) -> Result<toml::Deserializer<'_>, toml::de::Error> {
    toml::Deserializer::parse(text).map_err(|e| first_problem(text).unwrap_or(e))
}

/// The syntax error that starts first in `text`, if it has any.
fn first_problem(text: &str) -> Option<toml::de::Error> {
    let (_, errors) = toml::de::DeTable::parse_recoverable(text);
    errors
        .into_iter()
        .min_by_key(|e| e.span().map_or(usize::MAX, |span| span.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> String {
        let e = from_str::<toml::Table>(text).unwrap_err().to_string();
        e.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_is() {
        let m = message("author = \"alice\nx\"\n");
        assert!(m.starts_with("TOML parse error at line 1, column "), "{m}");
        assert!(m.contains("author = \"alice"), "{m}");
    }

    #[test]
    fn a_file_that_reads_is_read() {
        let table: toml::Table = from_str("a = 1\n").unwrap();
        assert_eq!(table["a"].as_integer(), Some(1));
        assert!(document("a = [\n").is_err());
    }

    #[test]
    fn a_bad_update_is_named_with_its_problem_on_one_line() {
        let path = "updates/alice/2026/2026-11-24.toml";
        let head = "author = \"alice\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T09:12:03Z\n";
        let cases = [
            ("author = \"alice\nx\"\n", "line 1, column 16"),
            (&format!("{head}mood = \"high\"\n") as &str, "expected u8"),
            (&format!("{head}author = \"bob\"\n"), "duplicate key"),
            (
                &format!("{head}[[blockers]]\nid = 'b'\ntext = 't'\nsince = 2026-13-01\n"),
                "month",
            ),
            ("author = \"alice\"\n", "missing field `date`"),
            (
                "author = 'a'\ndate = 2026-11-24\nwritten_at = 2026-11-24T09:12:03\n",
                "offset",
            ),
        ];
        for (text, what) in cases {
            let e = crate::model::Update::from_toml(path, text)
                .unwrap_err()
                .to_string();
            assert!(e.starts_with(&format!("{path}: ")), "{e}");
            assert!(e.contains(what), "{what:?} not in {e}");
            assert!(!e.contains('\n'), "{e}");
        }
    }
}
