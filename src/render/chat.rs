//! The JSON body that carries a markdown view to a chat webhook other than
//! Slack's Block Kit: `{"text": ...}` for Mattermost, Microsoft Teams
//! connectors, Rocket.Chat and Slack's own plain messages, and
//! `{"content": ..., "allowed_mentions": {"parse": []}}` for Discord, whose
//! webhooks take `content`, limit it to 2000 characters, and show HTML
//! entities as typed (so `&lt;` becomes `\<` there, Discord's own escape).
//! A message over the service's limit is cut at a line end and says so.

use super::sanitize::escape_json;
use serde_json::json;

/// Where a markdown message goes, as far as its body is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextService {
    /// `{"text": ...}`: Mattermost, Teams, Rocket.Chat, Slack.
    Text,
    /// `{"content": ...}`: Discord.
    Discord,
}

impl TextService {
    /// The most characters one message may carry.
    pub fn limit(self) -> usize {
        match self {
            // Mattermost's limit; Teams takes about 28 KB, Slack 40000.
            TextService::Text => 16_383,
            TextService::Discord => 2000,
        }
    }
}

/// `markdown` cut at a line end to fit `limit` characters, with a last line
/// saying how many lines were left out.
fn fit(markdown: &str, limit: usize, whole: &str) -> String {
    if markdown.chars().count() <= limit {
        return markdown.to_string();
    }
    let lines: Vec<&str> = markdown.lines().collect();
    // Room for the note, whose number takes at most 7 digits.
    let room = limit.saturating_sub(100 + whole.len());
    let mut kept = String::new();
    let mut count = 0;
    for line in &lines {
        if kept.chars().count() + line.chars().count() + 1 > room {
            break;
        }
        kept.push_str(line);
        kept.push('\n');
        count += 1;
    }
    let left_out = lines.len() - count;
    format!("{kept}\n_{left_out} more line(s) left out to fit the chat's limit: run `{whole}` for all of it._\n")
}

/// The webhook body for a markdown message; `whole` is the command that
/// shows all of it.
pub fn body(markdown: &str, service: TextService, whole: &str) -> String {
    let doc = match service {
        TextService::Text => json!({ "text": fit(markdown, service.limit(), whole) }),
        TextService::Discord => {
            let discord = markdown
                .replace("&lt;", "\\<")
                .replace("&gt;", "\\>")
                .replace("&amp;", "&");
            json!({
                "content": fit(&discord, service.limit(), whole),
                "allowed_mentions": { "parse": [] },
            })
        }
    };
    escape_json(&serde_json::to_string(&doc).expect("a message serializes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discord_gets_content_its_own_escapes_and_no_pings() {
        let doc: serde_json::Value = serde_json::from_str(&body(
            "- a &lt;@123&gt; &amp; b\n",
            TextService::Discord,
            "x",
        ))
        .unwrap();
        assert_eq!(doc["content"], "- a \\<@123\\> & b\n");
        assert_eq!(doc["allowed_mentions"]["parse"], serde_json::json!([]));
        assert!(doc.get("text").is_none());
    }

    #[test]
    fn a_long_message_is_cut_at_a_line_end_and_says_so() {
        let md: String = (0..500).map(|i| format!("- line {i}\n")).collect();
        let doc: serde_json::Value =
            serde_json::from_str(&body(&md, TextService::Discord, "async-up digest")).unwrap();
        let content = doc["content"].as_str().unwrap();
        assert!(content.chars().count() <= 2000);
        assert!(content.contains("more line(s) left out"), "{content}");
        assert!(content.contains("- line 10\n"));
    }
}
