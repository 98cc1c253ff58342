//! The HTML report is accessible: axe-core finds no violation of any impact
//! in headless Chromium, chart marks keep 3:1 against the page and differ by
//! shape as well as colour, and every chart has a table as its text
//! alternative.

mod common;
use common::*;
use std::path::{Path, PathBuf};

fn member(clone: &Checkout, handle: &str, extra: &str) {
    clone.put(
        &format!("members/{handle}.toml"),
        format!("handle = \"{handle}\"\nemail = \"{handle}@example.com\"\ntimezone = \"UTC\"\nhours = \"09:00-17:00\"\n{extra}"),
    );
}

fn update(clone: &Checkout, handle: &str, date: &str, body: &str) {
    clone.put(
        &format!("updates/{handle}/2026/{date}.toml"),
        format!("author = \"{handle}\"\ndate = {date}\nwritten_at = {date}T10:00:00Z\n{body}"),
    );
}

const HOSTILE: &str = "<img src=x onerror=alert(1)> & \\\"quotes\\\"";

/// Saturday 14 to Friday 20 November 2026, seen on Friday at noon: every
/// kind of heatmap day, an open and a resolved blocker, mood and after-hours.
fn report() -> (World, PathBuf) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let lead = world.person("lead", "UTC");
    world.set_now("2026-11-13T09:00:00Z");
    lead.ok(&["init", remote.to_str().unwrap()]);
    let clone = Checkout::of(&world, &remote);
    let team = clone.read("async-up.toml");
    clone.put(
        "async-up.toml",
        format!("{team}\n[insight]\nper_person_wellbeing = true\n"),
    );
    // ann: wrote Mon and Tue, missed Wed, away Thu, Fri not over yet.
    member(
        &clone,
        "ann",
        "[[away]]\nfrom = 2026-11-19\nuntil = 2026-11-19\n",
    );
    let blocker = format!("[[blockers]]\nid = \"b1\"\ntext = \"{HOSTILE}\"\nsince = 2026-11-16\n");
    update(
        &clone,
        "ann",
        "2026-11-16",
        &format!("today = [\"a\"]\nmood = 4\n{blocker}"),
    );
    update(
        &clone,
        "ann",
        "2026-11-17",
        &format!("today = [\"b\"]\nmood = 2\n{blocker}"),
    );
    // bob: joined Wednesday; a blocker from Wednesday gone on Thursday.
    member(&clone, "bob", "joined = 2026-11-18\n");
    update(
        &clone,
        "bob",
        "2026-11-18",
        "today = [\"c\"]\nmood = 5\n[[blockers]]\nid = \"b2\"\ntext = \"Waiting on creds\"\nsince = 2026-11-18\n",
    );
    update(&clone, "bob", "2026-11-19", "today = [\"d\"]\n");
    update(&clone, "bob", "2026-11-20", "today = [\"e\"]\n");
    // ann answers bob's update of Friday with a reaction and six replies,
    // the oldest of which the team table leaves out; bob offers help with
    // her blocker.
    let mut replies = String::from(
        "[[reply]]\nto = \"bob\"\ndate = 2026-11-20\nreaction = \"👍\"\nwritten_at = 2026-11-20T11:00:00Z\n",
    );
    for n in 1..=6 {
        replies.push_str(&format!(
            "[[reply]]\nto = \"bob\"\ndate = 2026-11-20\ntext = \"reply {n} {HOSTILE}\"\nwritten_at = 2026-11-20T11:1{n}:00Z\n"
        ));
    }
    clone.put("replies/ann/2026/2026-11-20.toml", replies);
    clone.put(
        "replies/bob/2026/2026-11-20.toml",
        "[[reply]]\nto = \"ann\"\ndate = 2026-11-17\nblocker = \"b1\"\noffer = true\nwritten_at = 2026-11-20T11:01:00Z\n",
    );
    clone.push("history");
    world.set_now("2026-11-20T12:00:00Z");
    let page = world.path().join("report.html");
    lead.ok(&[
        "report",
        "--html",
        page.to_str().unwrap(),
        "--since",
        "2026-11-14",
    ]);
    (world, page)
}

/// Each heatmap cell's title and mark: the markup after its `<title>`.
fn cells(html: &str) -> Vec<(String, String)> {
    html.split("<g class=\"day\"")
        .skip(1)
        .map(|g| {
            let g = &g[..g.find("</g>").expect("a closed cell")];
            let title = g
                .split_once("<title>")
                .and_then(|(_, t)| t.split_once("</title>"))
                .expect("each cell has a title");
            (title.0.to_string(), title.1.to_string())
        })
        .collect()
}

/// Markup with every colour the same: what is left when colour is not seen.
fn without_colour(markup: &str) -> String {
    let mut out = String::new();
    let mut rest = markup;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let hex = rest[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        out.push_str("COLOUR");
        rest = &rest[at + 1 + hex..];
    }
    out.push_str(rest);
    out
}

#[test]
fn marks_differ_by_shape_not_only_by_colour() {
    let (_world, page) = report();
    let html = std::fs::read_to_string(&page).unwrap();
    let cells = cells(&html);
    // lead, ann and bob.
    assert_eq!(cells.len(), 3 * 7, "one cell per member and day");
    let mut shapes: Vec<(&str, String)> = Vec::new();
    for (title, mark) in &cells {
        let kind = title.rsplit_once(": ").unwrap().1;
        let shape = without_colour(mark);
        match shapes.iter().find(|(k, _)| *k == kind) {
            Some((_, s)) => assert_eq!(*s, shape, "{kind} is drawn one way"),
            None => shapes.push((kind, shape)),
        }
    }
    let mut kinds: Vec<&str> = shapes.iter().map(|(k, _)| *k).collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "away",
            "before joining",
            "day off",
            "missed",
            "not over yet",
            "wrote"
        ]
    );
    for (i, (k, s)) in shapes.iter().enumerate() {
        for (k2, s2) in &shapes[i + 1..] {
            assert_ne!(s, s2, "{k} and {k2} differ only by colour");
        }
    }
    // Open and resolved blockers too, apart from where their bars end.
    let bars: Vec<String> = html
        .split("<g class=\"blocker\"")
        .skip(1)
        .map(|g| {
            let g = &g[g.find("</title>").unwrap()..g.find("</g>").unwrap()];
            without_colour(g)
                .chars()
                .map(|c| {
                    if c.is_ascii_digit() || c == '.' {
                        '0'
                    } else {
                        c
                    }
                })
                .collect()
        })
        .collect();
    assert_eq!(bars.len(), 2);
    assert_ne!(bars[0], bars[1], "open and resolved differ only by colour");
}

/// WCAG relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

fn contrast_with_white(hex: &str) -> f64 {
    1.05 / (luminance(hex) + 0.05)
}

#[test]
fn chart_marks_keep_3_to_1_against_the_page() {
    let (_world, page) = report();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("background:#fff}"), "the page is white");
    let mut checked = 0;
    for chart in ["participation", "blockers", "mood", "after-hours"] {
        let start = html
            .find(&format!("<svg id=\"{chart}\""))
            .unwrap_or_else(|| panic!("chart {chart}"));
        let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
        for attr in ["fill=\"#", "stroke=\"#"] {
            for (at, _) in svg.match_indices(attr) {
                let hex = &svg[at + attr.len()..at + attr.len() + 6];
                let ratio = contrast_with_white(hex);
                assert!(
                    ratio >= 3.0,
                    "{chart}: #{hex} has {ratio:.2}:1 against the page, under 3:1"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "only {checked} colours found");
}

#[test]
fn every_chart_has_a_table_and_the_page_a_main_landmark() {
    let (_world, page) = report();
    let html = std::fs::read_to_string(&page).unwrap();
    let main = html.find("<main>").expect("a <main> landmark");
    assert!(main < html.find("<h1>").unwrap());
    assert!(html.find("</main>").unwrap() > html.find("id=\"team\"").unwrap());
    for (chart, summary) in [
        ("participation", "Participation as a table"),
        ("blockers", "Blockers as a table"),
        ("mood", "Mood as a table"),
        ("after-hours", "After-hours share as a table"),
    ] {
        let at = html.find(&format!("<svg id=\"{chart}\"")).unwrap();
        let next_chart = html[at + 5..]
            .find("<svg id=")
            .map_or(html.len(), |n| at + 5 + n);
        let after = &html[at..next_chart];
        assert!(
            after.contains(&format!("<details><summary>{summary}</summary>")),
            "{chart} has no table after it"
        );
    }
    let row = |who: &str| {
        let at = html
            .find(&format!("<th scope=\"row\">@{who}</th>"))
            .unwrap();
        &html[at..at + html[at..].find("</tr>").unwrap()]
    };
    assert_eq!(
        row("ann"),
        "<th scope=\"row\">@ann</th><td>2</td><td>1: 11-18</td><td>1: 11-19</td><td>2</td><td>1</td><td>0</td>"
    );
    assert!(
        row("bob").ends_with("<td>3</td><td>none</td><td>none</td><td>0</td><td>0</td><td>4</td>")
    );
    assert!(html.contains("<td>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</td><td>2026-11-16</td><td>still open</td><td>4</td>"));
    assert!(
        html.contains("<td>Waiting on creds</td><td>2026-11-18</td><td>2026-11-19</td><td>1</td>")
    );
    assert!(html.contains("<th scope=\"row\">2026-11-16</th><td>4.0</td>"));
}

/// Where the npm tools are; .ci/run installs them.
fn tools() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/a11y-tools")
}

/// Why the axe test cannot run here, if it cannot. In CI that is a failure.
fn missing() -> Option<String> {
    let have = |tool: &str| {
        std::process::Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let why = if !Path::new("/usr/bin/chromium").exists() {
        "/usr/bin/chromium is not installed"
    } else if !have("node") {
        "node is not installed"
    } else if !tools().join("node_modules/playwright-core").exists()
        || !tools().join("node_modules/axe-core").exists()
    {
        "playwright-core and axe-core are not in target/a11y-tools (.ci/run installs them)"
    } else {
        return None;
    };
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{why}: CI must run the accessibility test"
    );
    Some(why.to_string())
}

#[test]
fn the_report_passes_axe_core_in_chromium() {
    let (_world, page) = report();
    if let Some(why) = missing() {
        eprintln!("skipped: {why}");
        return;
    }
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("node")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/a11y/axe.cjs"))
        .arg(tools())
        .arg("/usr/bin/chromium")
        .arg(&page)
        .arg(profile.path())
        .env("HOME", profile.path())
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "the axe runner failed:\n{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON from the runner");
    let violations = doc["violations"].as_array().unwrap();
    assert!(
        violations.is_empty(),
        "axe-core {} found:\n{}",
        doc["axe"],
        serde_json::to_string_pretty(violations).unwrap()
    );
}

#[test]
fn the_team_table_shows_replies_reactions_and_offers_under_the_latest_update() {
    let (_world, page) = report();
    let html = std::fs::read_to_string(&page).unwrap();
    let team = &html[html.find("id=\"team\"").unwrap()..];
    let team = &team[..team.find("</table>").unwrap()];
    assert!(team.contains("<th scope=\"col\">Replies</th>"), "{team}");
    let bob = &team[team.find("<td>@bob</td>").expect("bob's row")..];
    let bob = &bob[..bob.find("</tr>").unwrap()];
    assert!(bob.contains("<li>👍 1: @ann</li>"), "{bob}");
    // The newest five replies, escaped, and how many more there are.
    let escaped = "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;";
    for n in 2..=6 {
        assert!(
            bob.contains(&format!("<li>@ann: reply {n} {escaped}</li>")),
            "{bob}"
        );
    }
    assert!(!bob.contains("reply 1 "), "{bob}");
    assert!(bob.contains("1 more reply not shown"), "{bob}");
    // bob's offer of help, under ann's update of Tuesday, her latest.
    let ann = &team[team.find("<td>@ann</td>").expect("ann's row")..];
    let ann = &ann[..ann.find("</tr>").unwrap()];
    assert!(
        ann.contains("<li>@bob on blocker b1: I can help with this</li>"),
        "{ann}"
    );
}
