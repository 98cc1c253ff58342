//! A team's own stand-up questions (`[[questions]]` in the team file) and
//! the answers stored under `[answers]` in an update.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// The kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// One line of text.
    Text,
    /// Several items.
    List,
    /// One of `options`.
    Choice,
    /// A number from 1 to 5.
    Scale,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Key under `[answers]`; a handle-like word.
    pub id: String,
    /// What is asked.
    pub prompt: String,
    /// The kind of answer.
    #[serde(default = "text")]
    pub kind: Kind,
    /// The choices, for `choice`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// Whether an answer is needed to write.
    #[serde(default)]
    pub required: bool,
}

fn text() -> Kind {
    Kind::Text
}

/// A stored answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Answer {
    /// A scale value.
    Number(i64),
    /// Text or a choice.
    Text(String),
    /// A list.
    List(Vec<String>),
}

impl Answer {
    /// The answer as one line for display.
    pub fn display(&self) -> String {
        match self {
            Answer::Number(n) => format!("{n}/5"),
            Answer::Text(t) => t.clone(),
            Answer::List(items) => items.join("; "),
        }
    }
}

impl Question {
    /// Turns the text typed for this question into an answer, checking it.
    pub fn parse_answer(&self, value: &str) -> Result<Option<Answer>> {
        let value = value.trim();
        if value.is_empty() {
            return Ok(None);
        }
        let bad = |why: String| Error::Usage(format!("answer to {:?}: {why}", self.id));
        Ok(Some(match self.kind {
            Kind::Text => Answer::Text(value.to_string()),
            Kind::List => Answer::List(
                value
                    .split(';')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
            ),
            Kind::Choice => {
                let chosen = self
                    .options
                    .iter()
                    .find(|o| o.eq_ignore_ascii_case(value))
                    .ok_or_else(|| {
                        bad(format!(
                            "{value:?} is not one of: {}",
                            self.options.join(", ")
                        ))
                    })?;
                Answer::Text(chosen.clone())
            }
            Kind::Scale => match value.parse::<i64>() {
                Ok(n) if (1..=5).contains(&n) => Answer::Number(n),
                _ => return Err(bad(format!("{value:?} is not a number from 1 to 5"))),
            },
        }))
    }
}

/// Splits `ID=VALUE` from `--answer`.
pub fn split_answer(s: &str) -> std::result::Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.to_string()))
        .ok_or_else(|| format!("{s:?} is not ID=VALUE"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_checked_by_kind() {
        let q = |kind, options: &[&str]| Question {
            id: "q".into(),
            prompt: "?".into(),
            kind,
            options: options.iter().map(|s| s.to_string()).collect(),
            required: false,
        };
        assert_eq!(
            q(Kind::Scale, &[]).parse_answer("4").unwrap(),
            Some(Answer::Number(4))
        );
        assert!(q(Kind::Scale, &[]).parse_answer("6").is_err());
        assert_eq!(
            q(Kind::Choice, &["Yes", "No"]).parse_answer("yes").unwrap(),
            Some(Answer::Text("Yes".into()))
        );
        assert!(q(Kind::Choice, &["Yes", "No"])
            .parse_answer("maybe")
            .is_err());
        assert_eq!(
            q(Kind::List, &[]).parse_answer("a; b;").unwrap(),
            Some(Answer::List(vec!["a".into(), "b".into()]))
        );
        assert_eq!(q(Kind::Text, &[]).parse_answer("  ").unwrap(), None);
    }
}
