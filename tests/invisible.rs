//! Characters that take no room on screen (zero-width spaces and joiners,
//! separators, fillers, tag characters) hide differences in what teammates
//! wrote: `@al\u{200b}ice` looks like a mention of alice and is not. People
//! see them as `<U+200B>` in tables, markdown and HTML; JSON keeps the very
//! string, written with `\uXXXX` escapes.

mod common;
use common::*;

fn toml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn toml_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| toml_str(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// Invisible characters, one per kind, with the form a reader sees.
const INVISIBLE: &[(&str, &str)] = &[
    ("\u{200b}", "<U+200B>"),
    ("\u{200c}", "<U+200C>"),
    ("\u{200d}", "<U+200D>"),
    ("\u{2028}", "<U+2028>"),
    ("\u{2029}", "<U+2029>"),
    ("\u{2060}", "<U+2060>"),
    ("\u{2064}", "<U+2064>"),
    ("\u{feff}", "<U+FEFF>"),
    ("\u{ad}", "<U+00AD>"),
    ("\u{180e}", "<U+180E>"),
    ("\u{34f}", "<U+034F>"),
    ("\u{115f}", "<U+115F>"),
    ("\u{3164}", "<U+3164>"),
    ("\u{ffa0}", "<U+FFA0>"),
    ("\u{e0041}", "<U+E0041>"),
];

fn is_invisible(c: char) -> bool {
    INVISIBLE.iter().any(|(s, _)| s.starts_with(c))
}

#[test]
fn invisible_characters_are_shown_not_hidden() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let eve = Checkout::of(&world, &remote);
    let texts: Vec<String> = INVISIBLE
        .iter()
        .map(|(c, _)| format!("@al{c}ice x"))
        .collect();
    let emoji = "👩\u{200d}💻 at work".to_string();
    let mut today = texts.clone();
    today.push(emoji.clone());
    eve.put(
        "members/eve.toml",
        "handle = \"eve\"\nname = \"Eve\u{200b}\"\nemail = \"eve@example.com\"\ntimezone = \"UTC\"\njoined = 2026-11-01\n",
    );
    eve.put(
        "updates/eve/2026/2026-11-24.toml",
        format!(
            "author = \"eve\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T08:00:00Z\ntoday = {}\n[[blockers]]\nid = \"k3\u{200b}\"\ntext = {}\nsince = 2026-11-20\n",
            toml_list(&today),
            toml_str(&texts[0])
        ),
    );
    // The same texts as replies to her update, one on her blocker.
    let replied: Vec<String> = INVISIBLE
        .iter()
        .map(|(c, _)| format!("@al{c}ice replied"))
        .collect();
    let replies: String = replied
        .iter()
        .enumerate()
        .map(|(n, text)| {
            format!(
                "[[reply]]\nto = \"eve\"\ndate = 2026-11-24\n{}text = {}\nwritten_at = 2026-11-24T09:00:00Z\n",
                if n == 0 { "blocker = \"k3\u{200b}\"\n" } else { "" },
                toml_str(text)
            )
        })
        .collect();
    eve.put("replies/eve/2026/2026-11-24.toml", replies);
    eve.push("invisible ink");
    for args in [
        vec!["team"],
        vec!["team", "--format", "markdown"],
        vec!["blockers"],
        vec!["blockers", "--format", "markdown"],
        vec!["log", "eve"],
        vec!["log", "eve", "--format", "markdown"],
        vec!["digest", "--format", "markdown"],
        vec!["digest", "--format", "html"],
    ] {
        let out = stdout(&alice.run(&args));
        let hidden: Vec<String> = out
            .chars()
            .filter(|&c| is_invisible(c))
            .map(|c| format!("U+{:04X}", c as u32))
            .collect();
        // The joiner inside the emoji is the one that stays.
        let hidden: Vec<String> = hidden.into_iter().filter(|c| c != "U+200D").collect();
        assert!(hidden.is_empty(), "{args:?} hides {hidden:?}:\n{out}");
        // Markdown and HTML write `<` as `&lt;`, which renders as `<`.
        let shown = out.replace("&lt;", "<").replace("&gt;", ">");
        assert!(shown.contains("<U+200B>"), "{args:?}:\n{out}");
        if args[0] != "blockers" {
            for (_, visible) in INVISIBLE {
                assert!(shown.contains(visible), "{args:?} misses {visible}:\n{out}");
            }
            assert!(shown.contains("👩\u{200d}💻"), "{args:?} breaks the emoji");
        }
        if args[0] != "digest" {
            let replies = if args[0] == "blockers" {
                1
            } else {
                INVISIBLE.len()
            };
            for (_, visible) in &INVISIBLE[..replies] {
                let reply = format!("@al{visible}ice replied");
                assert!(shown.contains(&reply), "{args:?} misses {reply}:\n{out}");
            }
        }
    }
    let raw = stdout(&alice.run(&["team", "--format", "json"]));
    assert!(
        !raw.chars().any(is_invisible),
        "JSON shows them as escapes: {raw}"
    );
    assert!(
        raw.contains("\\u200b") && raw.contains("\\udb40\\udc41"),
        "{raw}"
    );
    let doc: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let got: Vec<String> = doc["updates"][0]["today"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(got, today, "JSON still parses to the very text");
    let got: Vec<&str> = doc["updates"][0]["replies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(got, replied, "replies too");
    // The HTML report carries none of them either.
    let page = world.path().join("report.html");
    alice.ok(&["report", "--html", page.to_str().unwrap()]);
    let html = std::fs::read_to_string(page).unwrap();
    assert!(!html.chars().any(|c| is_invisible(c) && c != '\u{200d}'));
    assert!(html.contains("&lt;U+200B&gt;"), "{html}");
}
