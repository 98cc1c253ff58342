//! Whose schedule it is. A member of several teams has one reminder per
//! team, so each schedule is named by its team (the systemd unit, the cron
//! block's markers, the launchd label) and runs `async-up --team NAME
//! remind`. Schedules installed before that carried no name, and ran a
//! bare `async-up remind` unless `--team` was given: such a schedule is the
//! team its command names, else the default team's, so installing or
//! removing that team's schedule replaces or removes it too.

use super::Scheduler;
use crate::error::{Error, Result};
use chrono::NaiveTime;

/// The team a schedule reminds about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// What names the schedule's files: the team's name, or `local` for
    /// the local-only team (no team joined).
    pub key: String,
    /// The `--team` its commands carry (none for the local-only team).
    pub team: Option<String>,
    /// Whether a bare `async-up remind` reminds about this team now.
    pub is_default: bool,
}

impl Owner {
    /// The owner for `team` (`None`: the local-only team). The name goes
    /// into file names and unit names, so it must be a plain team name.
    pub fn new(team: Option<String>, is_default: bool) -> Result<Owner> {
        let key = team.clone().unwrap_or_else(|| "local".to_string());
        let plain = !key.is_empty()
            && !key.starts_with('.')
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        if !plain {
            return Err(Error::Usage(format!(
                "team name {:?} cannot name a schedule: it must be letters, digits, '.', '_' or '-'",
                crate::render::sanitize::clean(&key)
            )));
        }
        Ok(Owner {
            key,
            team,
            is_default,
        })
    }

    /// Whether a schedule from before schedules were named, whose file
    /// (or block) reads `text`, is this team's.
    pub fn owns_unnamed(&self, text: &str) -> bool {
        match team_in_command(text) {
            Some(team) => self.team.as_deref() == Some(team.as_str()),
            None => self.is_default,
        }
    }

    /// ` --team NAME`, or nothing for the local-only team.
    fn flag(&self) -> String {
        self.team
            .as_deref()
            .map(|t| format!(" --team {t}"))
            .unwrap_or_default()
    }

    /// The command that installs this team's schedule again, with `--at`
    /// when it was given.
    pub fn install_command(&self, scheduler: Scheduler, at: Option<NaiveTime>) -> String {
        let at = at
            .map(|t| format!(" --at {}", super::hhmm(t)))
            .unwrap_or_default();
        format!(
            "async-up{} remind --install --scheduler {}{at}",
            self.flag(),
            scheduler.name()
        )
    }

    /// The command that removes it.
    pub fn uninstall_command(&self, scheduler: Scheduler) -> String {
        format!(
            "async-up{} remind --uninstall --scheduler {}",
            self.flag(),
            scheduler.name()
        )
    }
}

/// The team after the first `--team` in a schedule's command, however the
/// format quotes it: `"--team" "a"` (systemd), `'--team' 'a'` (cron),
/// `<string>--team</string> <string>a</string>` (launchd).
fn team_in_command(text: &str) -> Option<String> {
    let (_, rest) = text.split_once("--team")?;
    let quotes: &[char] = &['\'', '"'];
    let rest = rest.trim_start_matches(quotes);
    let rest = rest.strip_prefix("</string>").unwrap_or(rest).trim_start();
    let rest = rest.strip_prefix("<string>").unwrap_or(rest);
    let rest = rest.trim_start_matches(|c: char| quotes.contains(&c) || c == ' ');
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        .collect();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unnamed_schedule_is_the_team_its_command_names_else_the_default() {
        let a = Owner::new(Some("a".into()), true).unwrap();
        let b = Owner::new(Some("b".into()), false).unwrap();
        let bare = "ExecStart=\"/bin/async-up\" \"remind\"";
        assert!(a.owns_unnamed(bare) && !b.owns_unnamed(bare));
        for text in [
            "ExecStart=\"/bin/async-up\" \"--team\" \"b\" \"remind\"",
            "0 9 * * 1 '/bin/async-up' '--team' 'b' 'remind'",
            "<string>--team</string>\n\t\t<string>b</string>",
        ] {
            assert!(b.owns_unnamed(text) && !a.owns_unnamed(text), "{text}");
        }
        assert!(Owner::new(Some("../x".into()), false).is_err());
        assert_eq!(Owner::new(None, true).unwrap().key, "local");
    }
}
