//! Nothing a teammate writes is live in what others read. Hostile text in
//! every field a teammate controls goes through every markdown-producing
//! command of the real binary; a real CommonMark renderer (pulldown-cmark,
//! with GitHub's extensions) must see exactly the structure it sees for plain
//! words in the same places (no link, image, heading, list, code, emphasis or
//! HTML of the teammate's own), and the same words back, unescaped.
//!
//! The same holds under a hostile `[links]` mapping that links every item
//! whole, so that each hostile text is captured into an address: the only
//! links are the mapping's, their addresses stay on its host and hold only
//! address characters, and their text reads as typed.

mod common;
use common::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::path::Path;

/// What teammates might type to make their text do something.
const HOSTILE: &[&str] = &[
    "[click me](http://evil.example/login)",
    "![](http://tracker.example/pixel.png)",
    "<http://evil.example/auto>",
    "<img src=x onerror=alert(1)> <b>bold</b> <!-- hidden -->",
    "# heading",
    "###### small heading #",
    "1. ordered",
    "2) ordered too",
    "2026. A year",
    "- nested bullet",
    "+ plus bullet",
    "* star bullet",
    "> quoted",
    "*emphasis* **strong** _under_ __dunder__ ***both***",
    "~~strike~~ ~single~",
    "`code` ``double`` `unclosed",
    "```rust",
    "~~~",
    "    indented code",
    "\tindented by a tab",
    "---",
    "***",
    "___",
    "===",
    "| a | b |",
    "[ ] task box",
    "[^1] footnote",
    "[ref]: http://evil.example/def",
    "[[wiki link]]",
    "&lt;script&gt; &#x200B; &amp; &copy; R&D",
    "trailing backslash \\",
    "\\*escaped\\* \\[not\\]",
    "hard  ",
    "first line\n\n- injected item\n\n# injected heading\n\n    code\n",
    "line\r\nwith CRLF",
    "@channel @here @everyone @all @HERE (@here) @here.",
    "@alice please [review](http://evil.example/pr) @here",
    "keep snake_case_name, bob@example.com and @allison",
    "a*b*c and 2*3*4",
];

/// Whose texts mention `@alice` (so `mentions alice` lists them).
fn mentions_alice(i: usize) -> bool {
    HOSTILE[i].contains("@alice")
}

/// The same place in a harmless team: a word that a renderer leaves alone.
fn benign(i: usize) -> String {
    if mentions_alice(i) {
        format!("slot{i}z @alice")
    } else {
        format!("slot{i}z")
    }
}

/// What a reader must see of hostile text `i`: the same characters, on one
/// line, without surrounding blanks, mass mentions broken up.
fn expected(i: usize) -> String {
    let flat = HOSTILE[i].replace(['\n', '\r', '\t'], " ");
    let mut out = flat.trim().to_string();
    for mass in ["channel", "here", "everyone", "all", "HERE"] {
        out = out.replace(&format!("@{mass} "), &format!("@ {mass} "));
        out = out.replace(&format!("@{mass})"), &format!("@ {mass})"));
        out = out.replace(&format!("@{mass}."), &format!("@ {mass}."));
        if out.ends_with(&format!("@{mass}")) {
            out = format!("{}@ {mass}", &out[..out.len() - mass.len() - 1]);
        }
    }
    out
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
        | Options::ENABLE_WIKILINKS
}

/// A `[links]` mapping as a hostile maintainer (or someone who slipped it
/// past `audit`) might write it: one pattern capturing every item whole, and
/// targets that would be script, another scheme or break out of the address.
const HOSTILE_LINKS: &str = r##"
[links]
"(.+)" = "https://t.example/browse/$1"
"evil" = "javascript:alert(1)"
"here" = "https://e.example/\"><script>alert(1)</script>"
"(z)" = "$1"
"(?s).*" = "https://e.example/"
"##;

/// Where the mapping's links may go.
const LINK_HOST: &str = "https://t.example/browse/";

/// The link addresses in `md`.
fn link_dests(md: &str) -> Vec<String> {
    Parser::new_ext(md, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

/// An address the mapping made: on its host, only address characters.
fn assert_safe_dest(dest: &str, md: &str) {
    assert!(dest.starts_with(LINK_HOST), "{dest:?} in:\n{md}");
    assert!(
        dest.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~:/?#@!$&*+,;=%".contains(c)),
        "{dest:?} in:\n{md}"
    );
}

/// What a CommonMark renderer makes of `md`: its structure (every tag and
/// every non-text event, a link without its address) and its text content,
/// blocks ending in `¶`.
fn shape(md: &str) -> (Vec<String>, String) {
    let mut structure = Vec::new();
    let mut text = String::new();
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Start(Tag::Link { .. }) => structure.push("Link".into()),
            Event::Start(tag) => structure.push(format!("{tag:?}")),
            Event::End(end) => {
                structure.push(format!("/{end:?}"));
                if matches!(
                    end,
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::BlockQuote(_)
                ) {
                    text.push('¶');
                }
            }
            Event::SoftBreak => {
                structure.push("softbreak".into());
                text.push(' ');
            }
            other => structure.push(format!("{other:?}")),
        }
    }
    (structure, text)
}

/// Writes a TOML string.
fn toml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn toml_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| toml_str(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// Slots for the fields that are not lists of items.
const TEAM: usize = 0;
const NAME: usize = 13;
const AWAY_NOTE: usize = 2;
const BLOCKER_ID: usize = 15;
const BLOCKER_ID2: usize = 16;
const BLOCKER: usize = 36;
const RESOLVED: usize = 3;
const PROMPT: usize = 4;
const ANSWER: usize = 1;
/// A holiday's name in `holidays.toml` (HTML, a comment and markup).
const HOLIDAY: usize = 3;
const DROPPED_ID: usize = 29;
const DROPPED_ANSWER: usize = 35;
/// Committer name and email pass through git, which drops `<`, `>` and
/// line breaks: these slots hold text git keeps as it is.
const COMMITTER_NAME: usize = 13;
const COMMITTER_EMAIL: usize = 38;

/// A team whose member eve wrote `slot(i)` into every field she controls,
/// pushed with plain git under a committer identity of the same text; alice
/// reads it.
/// `links` is appended to the team file.
fn team_written_with(slot: &dyn Fn(usize) -> String, links: &str) -> (World, Person) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let eve = Checkout::of(&world, &remote);
    let items: Vec<String> = (0..HOSTILE.len()).map(slot).collect();
    eve.put(
        "async-up.toml",
        format!(
            "version = 1\nname = {}\n[[questions]]\nid = \"q\"\nprompt = {}\nkind = \"text\"\n{links}",
            toml_str(&slot(TEAM)),
            toml_str(&slot(PROMPT))
        ),
    );
    // A holiday for everyone on the day the team is read.
    eve.put(
        "holidays.toml",
        format!(
            "[[holiday]]\ndate = 2026-11-24\nname = {}\n",
            toml_str(&slot(HOLIDAY))
        ),
    );
    eve.put(
        "members/eve.toml",
        format!(
            "handle = \"eve\"\nname = {}\nemail = \"eve@example.com\"\ntimezone = \"UTC\"\njoined = 2026-11-01\n",
            toml_str(&slot(NAME))
        ),
    );
    eve.put(
        "members/zed.toml",
        format!(
            "handle = \"zed\"\nname = \"Zed\"\nemail = \"zed@example.com\"\ntimezone = \"UTC\"\njoined = 2026-11-01\n[[away]]\nfrom = 2026-11-20\nuntil = 2026-11-30\nnote = {}\n",
            toml_str(&slot(AWAY_NOTE))
        ),
    );
    let blocker = |id: usize, text: usize| {
        format!(
            "[[blockers]]\nid = {}\ntext = {}\nsince = 2026-11-20\n",
            toml_str(&slot(id)),
            toml_str(&slot(text))
        )
    };
    eve.put(
        "updates/eve/2026/2026-11-23.toml",
        format!(
            "author = \"eve\"\ndate = 2026-11-23\nwritten_at = 2026-11-23T09:00:00Z\nyesterday = []\ntoday = {}\n{}{}",
            toml_list(&items),
            blocker(BLOCKER_ID, RESOLVED),
            blocker(BLOCKER_ID2, BLOCKER)
        ),
    );
    eve.put(
        "updates/eve/2026/2026-11-24.toml",
        format!(
            "author = \"eve\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T08:00:00Z\nyesterday = {list}\ntoday = {list}\nmood = 3\n[answers]\nq = {}\n{} = {}\n{}",
            toml_str(&slot(ANSWER)),
            toml_str(&slot(DROPPED_ID)),
            toml_str(&slot(DROPPED_ANSWER)),
            blocker(BLOCKER_ID2, BLOCKER),
            list = toml_list(&items),
        ),
    );
    // Every text again as eve's replies to her own update, and an offer of
    // help on her blocker: replies pass through the same escaping.
    let mut replies: String = items
        .iter()
        .map(|text| {
            format!(
                "[[reply]]\nto = \"eve\"\ndate = 2026-11-24\ntext = {}\nwritten_at = 2026-11-24T09:00:00Z\n",
                toml_str(text)
            )
        })
        .collect();
    replies.push_str(&format!(
        "[[reply]]\nto = \"eve\"\ndate = 2026-11-24\nblocker = {}\ntext = {}\noffer = true\nwritten_at = 2026-11-24T09:01:00Z\n",
        toml_str(&slot(BLOCKER_ID2)),
        toml_str(&slot(ANSWER))
    ));
    eve.put("replies/eve/2026/2026-11-24.toml", replies);
    commit_as(&eve.dir, &slot(COMMITTER_NAME), &slot(COMMITTER_EMAIL));
    (world, alice)
}

/// Commits and pushes everything under a committer identity of our choosing.
fn commit_as(dir: &Path, name: &str, email: &str) {
    let git = |args: &[&str]| {
        git_ok(
            git_plain()
                .arg("-C")
                .arg(dir)
                .env("GIT_AUTHOR_NAME", name)
                .env("GIT_AUTHOR_EMAIL", email)
                .env("GIT_COMMITTER_NAME", name)
                .env("GIT_COMMITTER_EMAIL", email)
                .args(args),
        )
    };
    git(&["add", "-A"]);
    git(&["commit", "--quiet", "-m", "eve's week"]);
    git(&["push", "--quiet", "origin", "HEAD"]);
}

/// Every markdown-producing command, as alice runs them.
const COMMANDS: &[&[&str]] = &[
    &["team", "--format", "markdown"],
    &["blockers", "--format", "markdown"],
    &["log", "eve", "--format", "markdown"],
    &["mentions", "alice", "--format", "markdown"],
    &[
        "digest",
        "--since",
        "2026-11-23",
        "--until",
        "2026-11-24",
        "--format",
        "markdown",
    ],
    &["audit", "--format", "markdown"],
    // Every item, blocker and reply of the record matches ".".
    &["search", "--regex", ".", "--format", "markdown"],
];

fn outputs(reader: &Person) -> Vec<String> {
    COMMANDS
        .iter()
        .map(|args| {
            let out = reader.run(args);
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{args:?}: {}",
                stderr(&out)
            );
            stdout(&out)
        })
        .collect()
}

/// `- 5ddcc80f4e ...` (an audit line) as `- COMMIT ...`.
fn mask_commits(md: &str) -> String {
    md.lines()
        .map(|line| match line.strip_prefix("- ") {
            Some(rest) if rest.len() > 10 && rest[..10].chars().all(|c| c.is_ascii_hexdigit()) => {
                format!("- COMMIT{}\n", &rest[10..])
            }
            _ => format!("{line}\n"),
        })
        .collect()
}

#[test]
fn hostile_text_stays_text_in_every_markdown_output() {
    let hostile = every_markdown_output_reads_as_typed("");
    for md in &hostile {
        assert!(
            link_dests(md).is_empty(),
            "a link of a teammate's own:\n{md}"
        );
    }
}

#[test]
fn hostile_text_captured_by_a_hostile_mapping_stays_inside_its_link() {
    let hostile = every_markdown_output_reads_as_typed(HOSTILE_LINKS);
    let dests: Vec<String> = hostile.iter().flat_map(|md| link_dests(md)).collect();
    // Every hostile text was captured into an address somewhere.
    assert!(dests.len() >= HOSTILE.len(), "{dests:?}");
    for md in &hostile {
        for dest in link_dests(md) {
            assert_safe_dest(&dest, md);
        }
    }
}

/// Runs every markdown command on a harmless team and on a hostile one,
/// both with `links` in the team file, and checks that the hostile output
/// has the harmless one's structure and reads as typed; returns it.
fn every_markdown_output_reads_as_typed(links: &str) -> Vec<String> {
    let (_plain_world, plain_reader) = team_written_with(&benign, links);
    let (_world, reader) = team_written_with(&|i| HOSTILE[i].to_string(), links);
    // Commit ids (in `audit`) differ between the two teams.
    let plain = outputs(&plain_reader)
        .iter()
        .map(|o| mask_commits(o))
        .collect::<Vec<_>>();
    let hostile = outputs(&reader)
        .iter()
        .map(|o| mask_commits(o))
        .collect::<Vec<_>>();
    for ((args, plain), hostile) in COMMANDS.iter().zip(&plain).zip(&hostile) {
        let (plain_structure, plain_text) = shape(plain);
        let (structure, text) = shape(hostile);
        // Each slot must be in the plain output, or the test proves nothing.
        assert!(plain.contains("slot"), "{args:?} shows no slot:\n{plain}");
        assert_eq!(
            structure, plain_structure,
            "{args:?}: teammate text changed the document's structure:\n{hostile}"
        );
        let mut want = plain_text;
        for i in (0..HOSTILE.len()).rev() {
            want = want.replace(&benign(i), &expected(i));
        }
        assert_eq!(
            text, want,
            "{args:?}: teammate text reads differently:\n{hostile}"
        );
        for mass in ["@here", "@channel", "@everyone", "@all "] {
            assert!(
                !hostile.to_lowercase().contains(mass),
                "{args:?} lets {mass} ping a chat:\n{hostile}"
            );
        }
    }
    // Between them the commands show every hostile text.
    let all = hostile.join("\n");
    let rendered: String = hostile.iter().map(|md| shape(md).1).collect();
    for (i, text) in HOSTILE.iter().enumerate() {
        assert!(
            rendered.contains(&expected(i)),
            "{text:?} is shown nowhere:\n{all}"
        );
    }
    hostile
}

/// Tags in an HTML page: `<name`, lower-cased.
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| !c.is_whitespace() && *c != '>')
                .collect::<String>()
                .to_lowercase()
        })
        .collect()
}

/// What a browser shows of `html`: the page's text with its entities decoded.
fn shown(html: &str) -> String {
    let mut shown = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => shown.push(c),
            _ => {}
        }
    }
    shown
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn the_digest_shows_reply_threads_and_offers_of_help() {
    let (_world, reader) = team_written_with(&|i| HOSTILE[i].to_string(), "");
    let period = ["digest", "--since", "2026-11-23", "--until", "2026-11-24"];
    let html = reader.ok(&[&period[..], &["--format", "html"]].concat());
    let page = shown(&html);
    let md = reader.ok(&[&period[..], &["--format", "markdown"]].concat());
    let (_, read) = shape(&md);
    // eve's replies to her update of the 24th, under that day, and her
    // offer of help under her open blocker.
    for (i, hostile) in HOSTILE.iter().enumerate() {
        let typed = hostile.replace(['\n', '\r', '\t'], " ");
        let want = format!("reply: @eve: {}", typed.trim());
        assert!(page.contains(&want), "{want:?} not in:\n{html}");
        let want = format!("reply: @eve: {}", expected(i));
        assert!(read.contains(&want), "{want:?} not in:\n{md}");
    }
    let offer = "(offers help)";
    assert!(page.contains(offer) && read.contains(offer), "{html}\n{md}");
    // Slack too: every reply under its day, the offer under the blocker.
    let slack = reader.ok(&[&period[..], &["--format", "slack"]].concat());
    let doc: serde_json::Value = serde_json::from_str(&slack).unwrap();
    let texts: String = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["text"]["text"].as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let replies = texts.matches("• reply: @eve").count();
    assert!(replies > HOSTILE.len(), "{replies} replies in:\n{texts}");
    assert!(texts.contains("◦ offers help: *@eve*"), "{texts}");
}

#[test]
fn the_html_digest_and_report_show_teammate_text_as_text() {
    let html = html_shows_every_text_as_typed("");
    assert!(!tags(&html).contains(&"a".to_string()), "{html}");
}

#[test]
fn the_html_digest_and_report_link_only_to_the_mapping_and_show_captured_text_as_text() {
    let html = html_shows_every_text_as_typed(HOSTILE_LINKS);
    let anchors: Vec<&str> = html.split("<a ").skip(1).collect();
    assert!(anchors.len() >= 20, "{html}");
    for a in anchors {
        let rest = a
            .strip_prefix("href=\"")
            .unwrap_or_else(|| panic!("<a {a}"));
        let (dest, after) = rest.split_once('"').unwrap();
        assert_safe_dest(&dest.replace("&amp;", "&"), &html);
        assert!(after.starts_with(" rel=\"noreferrer\">"), "<a {a}");
    }
}

/// The digest as HTML for a hostile team with `links` in its team file:
/// only the page's own tags (and links), every text shown as typed. Then
/// the report's team table, whose reply threads hold the same texts: only
/// its own tags, each reply shown as typed. Returns both.
fn html_shows_every_text_as_typed(links: &str) -> String {
    let (world, reader) = team_written_with(&|i| HOSTILE[i].to_string(), links);
    let html = reader.ok(&[
        "digest",
        "--since",
        "2026-11-23",
        "--until",
        "2026-11-24",
        "--format",
        "html",
    ]);
    let allowed = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "ul", "li",
        "p", "em", "a",
    ];
    for tag in tags(&html) {
        let name = tag.trim_start_matches('/');
        assert!(allowed.contains(&name), "<{tag}> in:\n{html}");
    }
    let shown = shown(&html);
    for i in (0..HOSTILE.len()).filter(|&i| ![NAME, AWAY_NOTE, PROMPT, ANSWER].contains(&i)) {
        let want = HOSTILE[i].replace(['\n', '\r', '\t'], " ");
        assert!(
            shown.contains(&want),
            "{want:?} is not shown as typed:\n{html}"
        );
    }
    let file = world.path().join("report.html");
    reader.ok(&[
        "report",
        "--html",
        file.to_str().unwrap(),
        "--since",
        "2026-11-23",
    ]);
    let report = std::fs::read_to_string(&file).unwrap();
    let team = &report[report.find("<table id=\"team\"").expect("a team table")..];
    let team = &team[..team.find("</table>").unwrap() + "</table>".len()];
    for tag in tags(team) {
        let name = tag.trim_start_matches('/');
        let allowed = ["table", "tr", "th", "td", "ul", "li", "a"];
        assert!(allowed.contains(&name), "<{tag}> in:\n{team}");
    }
    let typed: Vec<String> = HOSTILE
        .iter()
        .map(|h| h.replace(['\n', '\r', '\t'], " ").trim().to_string())
        .collect();
    let replies: Vec<String> = team
        .split("<li>")
        .skip(1)
        .map(|li| crate::shown(&li[..li.find("</li>").unwrap()]))
        .collect();
    assert!(replies.len() >= 5, "{team}");
    for reply in &replies {
        let as_typed = reply
            .strip_prefix("@eve: ")
            .is_some_and(|text| typed.iter().any(|t| t == text));
        assert!(
            as_typed || reply.ends_with("(offers help)") || reply.ends_with("not shown"),
            "{reply:?} is not a reply shown as typed:\n{team}"
        );
    }
    format!("{html}\n{team}")
}

/// The hostile mapping, compiled as the commands compile it.
fn hostile_links() -> async_up::render::links::Links {
    use async_up::model::TeamFile;
    let team =
        TeamFile::from_toml("async-up.toml", &format!("name = \"t\"\n{HOSTILE_LINKS}")).unwrap();
    let (links, warnings) = async_up::render::links::Links::from_team(Some(&team));
    // Everything but the pattern that captures whole items is refused.
    assert_eq!(warnings.len(), 4, "{warnings:?}");
    links
}

#[test]
fn each_hostile_text_captured_into_a_link_stays_inside_it() {
    use async_up::render::{markdown::linked, slack};
    let links = hostile_links();
    for (i, hostile) in HOSTILE.iter().enumerate() {
        for (before, after) in [("- ", "\n- next\n"), ("### ", " (@eve)\n\n- item\n")] {
            let plain = format!("{before}{}{after}", linked(&benign(i), &links));
            let md = format!("{before}{}{after}", linked(hostile, &links));
            let (plain_structure, plain_text) = shape(&plain);
            let (structure, rendered) = shape(&md);
            assert_eq!(structure, plain_structure, "{hostile:?} as {md:?}");
            assert_eq!(
                rendered,
                plain_text.replace(&benign(i), &expected(i)),
                "{hostile:?} as {md:?}"
            );
            let dests = link_dests(&md);
            assert_eq!(dests.len(), 1, "{md}");
            assert_safe_dest(&dests[0], &md);
        }
        // In Slack, one link whose text cannot end it early.
        let s = slack::linked(hostile, &links);
        assert!(s.starts_with(&format!("<{LINK_HOST}")), "{s}");
        assert_eq!(s.matches('<').count(), 1, "{s}");
        assert_eq!(s.matches('>').count(), 1, "{s}");
        assert!(s.ends_with('>'), "{s}");
        let (dest, _) = s[1..].split_once('|').unwrap();
        assert_safe_dest(&dest.replace("&amp;", "&"), &s);
    }
}

#[test]
fn each_hostile_text_stays_text_wherever_markdown_puts_it() {
    use async_up::render::markdown::text;
    for (i, hostile) in HOSTILE.iter().enumerate() {
        for (before, after) in [
            ("- ", "\n- next\n"),
            ("# ", " digest, 2026-11-24\n"),
            ("### ", " (@eve), 2026-11-24\n\n- item\n"),
            ("**Away:** @zed until 2026-11-30 (", ")\n"),
            ("**Holiday:** @eve (", ")\n"),
            ("Holidays: 2026-11-24 ", ".\n"),
            ("- planned: ", "\n- reported next: done\n"),
        ] {
            let plain = format!("{before}{}{after}", benign(i));
            let md = format!("{before}{}{after}", text(hostile));
            let (plain_structure, plain_text) = shape(&plain);
            let (structure, rendered) = shape(&md);
            assert_eq!(structure, plain_structure, "{hostile:?} as {md:?}");
            assert_eq!(
                rendered,
                plain_text.replace(&benign(i), &expected(i)),
                "{hostile:?} as {md:?}"
            );
        }
    }
}

#[test]
fn underscores_beside_a_link_open_no_emphasis() {
    use async_up::model::TeamFile;
    use async_up::render::{links::Links, markdown::linked};
    let team = TeamFile::from_toml(
        "async-up.toml",
        "name = \"t\"\n[links]\n\"PROJ-(\\\\d+)\" = \"https://t.example/browse/PROJ-$1\"\n",
    )
    .unwrap();
    let (links, warnings) = Links::from_team(Some(&team));
    assert!(warnings.is_empty(), "{warnings:?}");
    let typed = "PROJ-1_x_PROJ-2 and a_PROJ-3_b *PROJ-4*";
    let md = linked(typed, &links);
    let (structure, text) = shape(&md);
    assert_eq!(text, format!("{typed}¶"), "{md}");
    let kinds: Vec<&str> = structure
        .iter()
        .map(String::as_str)
        .filter(|s| !s.starts_with("Link") && !s.starts_with("/Link"))
        .collect();
    assert_eq!(kinds, ["Paragraph", "/Paragraph"], "{md}");
    assert_eq!(link_dests(&md).len(), 4, "{md}");
}

#[test]
fn slack_blockers_show_offers_of_help_and_replies_as_text() {
    let (_world, reader) = team_written_with(&|i| HOSTILE[i].to_string(), "");
    let out = reader.run(&["blockers", "--format", "slack"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<String> = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["text"]["text"].as_str().map(str::to_string))
        .collect();
    let all = texts.join("\n");
    // eve offered help on her own blocker, with the ANSWER slot's text.
    assert!(all.contains("◦ offers help: *@eve*"), "{all}");
    assert!(
        all.contains("◦ @eve on blocker ") && all.contains("(offers help)"),
        "{all}"
    );
    // Slack's markup stays text: no link, mention or formatting of eve's.
    assert!(!all.contains('<'), "{all}");
    for mass in ["@here", "@channel", "@everyone", "@all "] {
        assert!(!all.to_lowercase().contains(mass), "{mass} in {all}");
    }
}
