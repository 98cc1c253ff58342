//! Posting to chat: `--format slack` is a Block Kit message in which nothing
//! a teammate wrote formats, links or pings; `--post URL` sends it (or
//! markdown) to a real HTTP server on 127.0.0.1, retries a busy one, and
//! fails with the server's words but never the webhook's secret.

mod common;
use common::*;
use serde_json::Value;
use std::time::Duration;

/// What a teammate might type to make a chat message do something.
const HOSTILE: &str =
    "<!here> *urgent* _now_ ~gone~ `code` @channel @everyone & <https://evil.example|click>";
/// The same text as Slack must receive it.
const HOSTILE_SLACK: &str = "&lt;!here&gt; ∗urgent∗ ＿now＿ ∼gone∼ ˋcodeˋ @ channel @ everyone &amp; &lt;https://evil.example|click&gt;";

/// A team where alice is blocked by hostile text and planned hostile text.
fn team() -> (World, Person) {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&["write", "--today", HOSTILE, "--blocker", HOSTILE]);
    world.set_now("2026-11-25T09:00:00Z");
    (world, alice)
}

/// Every mrkdwn and plain text in a Block Kit message.
fn texts(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for b in doc["blocks"].as_array().expect("blocks") {
        match b["type"].as_str().unwrap() {
            "header" | "section" => out.push(b["text"]["text"].as_str().unwrap().to_string()),
            "context" => {
                for e in b["elements"].as_array().unwrap() {
                    out.push(e["text"].as_str().unwrap().to_string());
                }
            }
            other => panic!("unexpected block type {other}"),
        }
    }
    out
}

#[test]
fn the_digest_posts_as_block_kit_with_teammate_text_inert() {
    let (_world, alice) = team();
    let hook = Hook::start(vec![ok()]);
    let out = alice.run(&["digest", "--week", "--format", "slack", "--post", &hook.url]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(stdout(&out), "", "a post prints nothing on stdout");
    assert!(
        err.contains("posted the digest to http://127.0.0.1:"),
        "{err}"
    );
    assert!(
        !err.contains(SECRET),
        "the webhook's secret was shown: {err}"
    );
    let got = hook.requests();
    assert_eq!(got.len(), 1);
    let req = &got[0];
    assert_eq!(req.line, format!("POST /services/{SECRET} HTTP/1.1"));
    assert!(req
        .header("content-type")
        .is_some_and(|c| c.starts_with("application/json")));
    let doc = req.json();
    assert!(doc["text"]
        .as_str()
        .unwrap()
        .contains("digest, 2026-11-23 to 2026-11-25"));
    let blocks = doc["blocks"].as_array().unwrap();
    assert_eq!(blocks[0]["type"], "header");
    assert_eq!(blocks[0]["text"]["type"], "plain_text");
    let sections: Vec<&Value> = blocks.iter().filter(|b| b["type"] == "section").collect();
    assert_eq!(sections[0]["text"]["type"], "mrkdwn");
    let member = sections[0]["text"]["text"].as_str().unwrap();
    assert!(member.starts_with("*@alice*\n*2026-11-23*\n"), "{member}");
    assert!(
        member.contains(&format!("• planned: {HOSTILE_SLACK}\n")),
        "{member}"
    );
    assert!(
        member.contains(&format!("• blocker opened 2026-11-23: {HOSTILE_SLACK}")),
        "{member}"
    );
    // The open blockers, then the signals last.
    let open = sections[sections.len() - 2]["text"]["text"]
        .as_str()
        .unwrap();
    let signals = sections.last().unwrap()["text"]["text"].as_str().unwrap();
    assert!(signals.starts_with("*Signals* ("), "{signals}");
    assert_eq!(
        open,
        format!("*Open blockers* (1)\n• *@alice*: {HOSTILE_SLACK} (2d, since 2026-11-23)")
    );
    for t in texts(&doc) {
        for live in ["<!", "<http", "@channel", "@everyone", "*urgent*", "`code`"] {
            assert!(!t.contains(live), "{live} is live in {t}");
        }
        assert!(t.chars().count() <= 3000);
    }
}

#[test]
fn slack_format_prints_the_message_and_keeps_to_block_kit_limits() {
    let (world, alice) = team();
    // Twenty long blockers: more text than one section may hold.
    world.set_now("2026-11-25T10:00:00Z");
    for i in 0..20 {
        let long = format!("{i} {}", "word ".repeat(60));
        alice.ok(&["write", "--blocker", &long]);
    }
    let huge = format!("*{}*", "x".repeat(4000));
    alice.ok(&["write", "--blocker", &huge]);
    let doc: Value = serde_json::from_str(&alice.expect(1, &["blockers", "--format", "slack"]))
        .expect("slack format is JSON");
    assert_eq!(doc["text"], "22 open blocker(s)");
    let blocks = doc["blocks"].as_array().unwrap();
    assert!(blocks.len() > 2 && blocks.len() <= 50);
    let all = texts(&doc);
    assert!(all.iter().all(|t| t.chars().count() <= 3000));
    assert!(
        all.iter()
            .any(|t| t.contains("(cut: Slack shows 3000 characters per section)")),
        "a cut says so"
    );
    assert!(all.concat().contains("• *@alice*: ∗xxx"));
}

#[test]
fn blockers_post_markdown_retry_a_server_error_and_still_exit_1() {
    let (_world, alice) = team();
    let hook = Hook::start(vec![answer("500 Internal Server Error", "", "oops"), ok()]);
    let out = alice.run(&["blockers", "--format", "markdown", "--post", &hook.url]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let got = hook.requests();
    assert_eq!(got.len(), 2, "one retry after the 500");
    assert_eq!(got[0].body, got[1].body);
    let doc = got[1].json();
    let text = doc["text"]
        .as_str()
        .expect("markdown goes as {\"text\": ...}");
    assert!(
        text.starts_with("- @alice: &lt;!here&gt; \\*urgent\\*"),
        "{text}"
    );
    assert!(!text.contains("@channel") && !text.contains("<!here>"));
}

#[test]
fn a_busy_server_is_asked_again_after_its_retry_after() {
    let (_world, alice) = team();
    let hook = Hook::start(vec![
        answer("429 Too Many Requests", "Retry-After: 1\r\n", "slow down"),
        ok(),
    ]);
    let out = alice.run(&["digest", "--format", "markdown", "--post", &hook.url]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = hook.requests();
    assert_eq!(got.len(), 2);
    let waited = got[1].at - got[0].at;
    assert!(
        waited >= Duration::from_millis(950),
        "waited only {waited:?}"
    );
    assert!(got[1].json()["text"].as_str().unwrap().starts_with("# "));
}

#[test]
fn a_refused_post_exits_2_with_the_status_and_the_servers_words_sanitised() {
    let (_world, alice) = team();
    let words = format!("invalid_token \x1b[31mfor /services/{SECRET}\x1b[0m");
    let hook = Hook::start(vec![answer("403 Forbidden", "", &words)]);
    let out = alice.run(&["blockers", "--format", "slack", "--post", &hook.url]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("HTTP 403 Forbidden: invalid_token"), "{err}");
    assert!(err.contains("posting to http://127.0.0.1:"), "{err}");
    assert!(!err.contains(SECRET), "the secret was shown: {err}");
    assert!(
        !err.contains('\x1b'),
        "a terminal escape got through: {err:?}"
    );
    assert_eq!(hook.requests().len(), 1, "a 403 is not tried again");
    // A server that stays busy is given up on, boundedly.
    let busy = answer("503 Service Unavailable", "Retry-After: 0\r\n", "down");
    let hook = Hook::start(vec![busy.clone(), busy.clone(), busy.clone(), busy]);
    let out = alice.run(&["digest", "--format", "slack", "--post", &hook.url]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("HTTP 503 Service Unavailable: down (tried 4 times)"),
        "{err}"
    );
    assert_eq!(hook.requests().len(), 4);
}

#[test]
fn only_http_urls_and_chat_formats_are_posted() {
    let (_world, alice) = team();
    for url in [
        "file:///etc/passwd",
        "ftp://example.com/x",
        "example.com/hook",
    ] {
        let out = alice.run(&["digest", "--post", url]);
        assert_eq!(out.status.code(), Some(2), "{url}");
        assert!(
            stderr(&out).contains("http:// or https://"),
            "{}",
            stderr(&out)
        );
    }
    let out = alice.run(&[
        "blockers",
        "--post",
        "https://hooks.example.com/s/XXSECRETXX",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("--format slack") && !err.contains("XXSECRETXX"),
        "{err}"
    );
}

/// Mattermost, Teams and Discord render a list only where it starts a
/// block: after a blank line (or a heading), never straight under a line
/// of text; and Discord has only three heading levels.
#[test]
fn digest_markdown_uses_what_every_chat_renders() {
    let (_world, alice) = team();
    let md = alice.ok(&["digest", "--week"]);
    let lines: Vec<&str> = md.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("- ") && i > 0 {
            let before = lines[i - 1];
            assert!(
                before.is_empty() || before.starts_with("- "),
                "a list right under {before:?}:\n{md}"
            );
        }
        if line.starts_with('#') {
            let level = line.chars().take_while(|c| *c == '#').count();
            assert!(level <= 3 && line[level..].starts_with(' '), "{line}");
        }
    }
}
