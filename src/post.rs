//! `--post URL`: sends a rendered message to a chat webhook (Slack,
//! Mattermost, Microsoft Teams, Discord) over http or https.
//!
//! A webhook URL is a secret (whoever has it can post to the channel), so it
//! is never shown whole: messages name the scheme and host and hide the
//! rest ([`Webhook::shown`]), and the secret part is taken out of anything
//! the server says. A busy server (429, or a 5xx) is asked again a bounded
//! number of times, waiting as long as its `Retry-After` says (up to
//! [`MAX_WAIT`]); anything else that is not a 2xx ends with the status and
//! the server's own words, sanitised.
//!
//! ureq with native-tls: libssh2 already links the system's OpenSSL, so TLS
//! costs no new C build and uses the system's CA store; nothing is loaded
//! until a post is made, so other commands start as fast as before.

use crate::error::{Error, Result};
use crate::render::chat::TextService;
use crate::render::sanitize::clean;
use std::io::Read;
use std::time::Duration;

/// How many times a post is tried in all.
pub const ATTEMPTS: u32 = 4;
/// The longest wait between tries the server may ask for.
pub const MAX_WAIT: Duration = Duration::from_secs(60);
/// How much of the server's answer is read for an error message.
const ANSWER_BYTES: u64 = 4096;
/// How much of it is shown.
const ANSWER_CHARS: usize = 300;

/// A parsed webhook URL.
#[derive(Debug, Clone)]
pub struct Webhook {
    url: String,
    host: String,
    shown: String,
    secret: String,
}

impl Webhook {
    /// Parses `url`: http or https, a host, no blanks or controls.
    pub fn parse(url: &str) -> Result<Webhook> {
        let bad = |why: &str| {
            Error::Usage(format!(
                "--post {}: {why}; give the webhook's http:// or https:// URL",
                shown_of(url)
            ))
        };
        let (scheme, rest) = url.split_once("://").ok_or_else(|| bad("not a URL"))?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(bad("only http and https URLs can be posted to"));
        }
        if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad("the URL has blanks or control characters in it"));
        }
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..end];
        let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        let host = host_port
            .rsplit_once(':')
            .filter(|(_, port)| port.chars().all(|c| c.is_ascii_digit()))
            .map_or(host_port, |(h, _)| h)
            .to_ascii_lowercase();
        if host.is_empty() {
            return Err(bad("the URL has no host"));
        }
        Ok(Webhook {
            url: url.to_string(),
            shown: shown_of(url),
            secret: rest[end..].to_string(),
            host,
        })
    }

    /// The URL as it may be shown: scheme and host, the rest hidden.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Which body a markdown message needs here: Discord's webhooks take
    /// `content`, every other service `text`.
    pub fn text_service(&self) -> TextService {
        let h = self.host.trim_end_matches('.');
        let discord = ["discord.com", "discordapp.com"]
            .iter()
            .any(|d| h == *d || h.ends_with(&format!(".{d}")));
        if discord {
            TextService::Discord
        } else {
            TextService::Text
        }
    }

    /// Posts `body` (JSON) and returns once the server took it.
    pub fn send(&self, body: &str) -> Result<()> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(30)))
            .user_agent(concat!("async-up/", env!("CARGO_PKG_VERSION")))
            .tls_config(
                ureq::tls::TlsConfig::builder()
                    .provider(ureq::tls::TlsProvider::NativeTls)
                    .root_certs(ureq::tls::RootCerts::PlatformVerifier)
                    .build(),
            )
            .build()
            .into();
        let mut attempt = 1;
        loop {
            let response = agent
                .post(&self.url)
                .header("Content-Type", "application/json; charset=utf-8")
                .send(body);
            let mut response = match response {
                Ok(r) => r,
                Err(e) => return Err(self.unreachable(&e)),
            };
            let status = response.status();
            if status.is_success() {
                return Ok(());
            }
            let retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            let mut answer = Vec::new();
            let _ = response
                .body_mut()
                .as_reader()
                .take(ANSWER_BYTES)
                .read_to_end(&mut answer);
            let words = self.words(&String::from_utf8_lossy(&answer));
            let code = status.as_u16();
            let busy = code == 429 || status.is_server_error();
            let wait = retry_after.unwrap_or(Duration::from_secs(1 << (attempt - 1)));
            if busy && attempt < ATTEMPTS && wait <= MAX_WAIT {
                std::thread::sleep(wait);
                attempt += 1;
                continue;
            }
            let reason = format!(
                "HTTP {code}{}{}{}",
                status
                    .canonical_reason()
                    .map(|r| format!(" {r}"))
                    .unwrap_or_default(),
                if words.is_empty() {
                    String::new()
                } else {
                    format!(": {words}")
                },
                match (busy, wait > MAX_WAIT) {
                    (true, true) => format!(
                        " (the server asked to wait {} s, longer than async-up waits)",
                        wait.as_secs()
                    ),
                    (true, false) => format!(" (tried {attempt} times)"),
                    _ => String::new(),
                }
            );
            let fix = if busy {
                "the chat service is busy or failing; run the command again later"
            } else if status.is_redirection() {
                "the webhook has moved; use the URL the chat service gives now"
            } else {
                "check that the webhook URL is current (a removed webhook answers 404 or 403) and that the format suits the service: --format slack for Slack, markdown for Mattermost, Teams or Discord"
            };
            return Err(Error::Post {
                target: self.shown.clone(),
                reason,
                fix: fix.to_string(),
            });
        }
    }

    /// Server or library words made fit to show: one line, no controls,
    /// the secret part of the URL taken out, cut short.
    fn words(&self, raw: &str) -> String {
        let mut s = clean(raw).split_whitespace().collect::<Vec<_>>().join(" ");
        if self.secret.len() > 1 {
            s = s.replace(&self.secret, "/…");
        }
        if s.chars().count() > ANSWER_CHARS {
            s = s.chars().take(ANSWER_CHARS).collect::<String>() + "…";
        }
        s
    }

    fn unreachable(&self, e: &ureq::Error) -> Error {
        Error::Post {
            target: self.shown.clone(),
            reason: format!("no answer: {}", self.words(&e.to_string())),
            fix: "check the network and the webhook's host, then run the command again".into(),
        }
    }
}

/// Posts a rendered view: a Block Kit message (`--format slack`) as it is,
/// markdown in the body the webhook's service takes ([`crate::render::chat`]).
/// `whole` is the command that shows all of it, named when a message is cut.
pub fn rendered(hook: &Webhook, block_kit: bool, text: &str, whole: &str) -> Result<()> {
    if block_kit {
        hook.send(text)
    } else {
        hook.send(&crate::render::chat::body(text, hook.text_service(), whole))
    }
}

/// The `--post` error for a format no chat takes.
pub fn unpostable(format: &str) -> Error {
    Error::Usage(format!(
        "--post sends --format slack (Slack) or --format markdown (Mattermost, Teams, Discord), not {format}"
    ))
}

/// `url` with everything after the host hidden, and no user or password.
fn shown_of(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return "(not a URL)".to_string();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest[..end]
        .rsplit_once('@')
        .map_or(&rest[..end], |(_, h)| h);
    let tail = if end < rest.len() { "/…" } else { "" };
    clean(&format!("{scheme}://{authority}{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_webhook_is_shown_without_its_secret() {
        let w = Webhook::parse("https://user:pw@hooks.slack.com/services/T0/B0/SECRET").unwrap();
        assert_eq!(w.shown(), "https://hooks.slack.com/…");
        assert_eq!(w.text_service(), TextService::Text);
        let w = Webhook::parse("https://discord.com/api/webhooks/1/tok").unwrap();
        assert_eq!(w.text_service(), TextService::Discord);
        assert_eq!(
            w.words("bad token /api/webhooks/1/tok here"),
            "bad token /… here"
        );
    }

    #[test]
    fn only_http_and_https_urls_are_taken() {
        for bad in [
            "ftp://x/y",
            "file:///etc/passwd",
            "hooks.slack.com/x",
            "https:///x",
            "https://h/a b",
        ] {
            let e = Webhook::parse(bad).unwrap_err().to_string();
            assert!(e.starts_with("--post "), "{bad}: {e}");
        }
    }
}
