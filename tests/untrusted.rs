//! The fuzz target's code as ordinary tests: its regression corpus, and a
//! property test over generated hostile update files (CI has no nightly
//! toolchain for cargo fuzz; see fuzz/README.md).

use async_up::untrusted::parse_and_render;

#[test]
fn fuzz_corpus_still_passes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/parse_render");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| parse_and_render(&data));
        assert!(result.is_ok(), "corpus file {} fails", path.display());
        n += 1;
    }
    assert!(n >= 5, "the corpus is there");
}

/// A small deterministic generator: the same seed gives the same inputs.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Text that mixes the characters most likely to break things.
    fn nasty_string(&mut self) -> String {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            " ",
            "@bob",
            "\\u001b",
            "\\u001b[31m",
            "\\u001b]0;t\\u0007",
            "\\u009b",
            "\\u202e",
            "\\u2066",
            "\\u007f",
            "\\r",
            "\\n",
            "\\t",
            "\\b",
            "\\u0000",
            "\\\"",
            "\\\\",
            "|",
            "<",
            ">",
            "*",
            "`",
            "#",
            "é",
            "日本",
            "🙂",
            "\\u200f",
            "\\u0085",
            "\\u200b",
            "\\u200d",
            "\\u2028",
            "\\ufeff",
            "\\U000e0041",
            "[x](http://e)",
            "![](http://p)",
            "_",
            "~",
            "&amp;",
            "@here",
            "@All",
            "1.",
        ];
        let len = self.below(12);
        (0..len)
            .map(|_| PIECES[self.below(PIECES.len() as u64) as usize])
            .collect()
    }

    fn list(&mut self) -> String {
        let n = self.below(4);
        let items: Vec<String> = (0..n)
            .map(|_| format!("\"{}\"", self.nasty_string()))
            .collect();
        format!("[{}]", items.join(", "))
    }

    fn update_file(&mut self) -> Vec<u8> {
        let mut text = format!(
            "author = \"a\"\ndate = 2026-11-{:02}\nwritten_at = 2026-11-24T09:00:00{}\nyesterday = {}\ntoday = {}\n",
            1 + self.below(30),
            ["Z", "+14:00", "-12:00", "+05:30"][self.below(4) as usize],
            self.list(),
            self.list(),
        );
        if self.below(2) == 0 {
            text.push_str(&format!("mood = {}\n", self.below(8)));
        }
        for _ in 0..self.below(3) {
            text.push_str(&format!(
                "[[blockers]]\nid = \"{}\"\ntext = \"{}\"\nsince = 2026-11-20\n",
                self.nasty_string(),
                self.nasty_string()
            ));
        }
        let mut bytes = text.into_bytes();
        // Sometimes damage it: flip, drop or insert bytes anywhere.
        for _ in 0..self.below(3) {
            if bytes.is_empty() {
                break;
            }
            let at = self.below(bytes.len() as u64) as usize;
            match self.below(3) {
                0 => bytes[at] = self.below(256) as u8,
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, self.below(256) as u8),
            }
        }
        bytes
    }
}

#[test]
fn generated_hostile_updates_never_break_a_promise() {
    let seed = std::env::var("ASYNC_UP_PROP_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15_u64);
    let mut gen = Gen(seed);
    let mut parsed = 0;
    for case in 0..3000 {
        let data = gen.update_file();
        let ok_before =
            async_up::model::Update::from_toml("x", std::str::from_utf8(&data).unwrap_or(""))
                .is_ok();
        let result = std::panic::catch_unwind(|| parse_and_render(&data));
        assert!(
            result.is_ok(),
            "seed {seed} case {case} breaks a promise; input:\n{}",
            String::from_utf8_lossy(&data)
        );
        parsed += usize::from(ok_before);
    }
    // The generator must reach the renderers, not just the parser's errors.
    assert!(parsed > 500, "only {parsed} of 3000 generated files parsed");
}
