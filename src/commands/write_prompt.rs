//! The interactive part of `write`: prompts on the terminal. Pick lists are
//! dialoguer's; text is typed through [`crate::line_input`], which redraws
//! correctly when a long answer wraps.

use crate::error::{Error, Result};
use crate::line_input;
use crate::model::question::{Answer, Kind, Question};
use crate::model::{update::Changes, Update};
use dialoguer::{theme::SimpleTheme, MultiSelect, Select};
use std::collections::BTreeMap;

/// Asks one of the team's questions; `None` when left empty (and allowed).
fn ask_question(q: &Question, before: Option<String>) -> Result<Option<Answer>> {
    let prompt = crate::render::sanitize::clean(&q.prompt);
    if q.kind == Kind::Choice && !q.options.is_empty() {
        let items: Vec<String> = q
            .options
            .iter()
            .map(|o| crate::render::sanitize::clean(o))
            .collect();
        let start = before
            .and_then(|b| q.options.iter().position(|o| *o == b))
            .unwrap_or(0);
        let picked = Select::with_theme(&SimpleTheme)
            .with_prompt(prompt)
            .items(&items)
            .default(start)
            .interact()
            .map_err(prompt_error)?;
        return Ok(Some(Answer::Text(q.options[picked].clone())));
    }
    let hint = match q.kind {
        Kind::List => " (items separated by ';')",
        Kind::Scale => " (1-5)",
        _ => "",
    };
    let answer = line_input::ask(
        &format!("{prompt}{hint}"),
        &before.unwrap_or_default(),
        |s| {
            if q.required && s.trim().is_empty() {
                return Err("an answer is required".to_string());
            }
            q.parse_answer(s).map(|_| ()).map_err(|e| e.to_string())
        },
    )?;
    q.parse_answer(&answer)
}

fn prompt_error(e: dialoguer::Error) -> Error {
    match e {
        dialoguer::Error::IO(io) => Error::io("reading your answer", io),
    }
}

fn split_items(text: &str) -> Vec<String> {
    text.split(';')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn ask_list(prompt: &str, initial: &[String]) -> Result<Vec<String>> {
    let answer = line_input::ask(
        &format!("{prompt} (items separated by ';')"),
        &initial.join("; "),
        |_| Ok(()),
    )?;
    Ok(split_items(&answer))
}

/// Asks yesterday, today, which open blockers still hold, new blockers and
/// mood. Yesterday starts from the previous update's today.
pub fn ask(
    previous: Option<&Update>,
    same_day: Option<&Update>,
    questions: &[Question],
    suggested: &[String],
) -> Result<Changes> {
    let yesterday_start = match (same_day, previous) {
        (Some(s), _) if !s.yesterday.is_empty() => s.yesterday.clone(),
        (_, Some(p)) => p.today.clone(),
        _ => Vec::new(),
    };
    let today_start = same_day.map(|s| s.today.clone()).unwrap_or_default();
    // Only real activity brings up the picker; without it the previous
    // update's today is simply typed in already.
    let only_previous = suggested
        .iter()
        .all(|s| previous.is_some_and(|p| p.today.contains(s)));
    let yesterday_start = if only_previous || same_day.is_some_and(|s| !s.yesterday.is_empty()) {
        yesterday_start
    } else {
        let labels: Vec<String> = suggested
            .iter()
            .map(|s| crate::render::sanitize::clean(s))
            .collect();
        let picked = MultiSelect::with_theme(&SimpleTheme)
            .with_prompt("Yesterday: pick from your activity (space toggles, enter confirms)")
            .items(&labels)
            .defaults(&vec![true; labels.len()])
            .interact()
            .map_err(prompt_error)?;
        picked.into_iter().map(|i| suggested[i].clone()).collect()
    };
    let yesterday = ask_list("Yesterday", &yesterday_start)?;
    let today = ask_list("Today", &today_start)?;

    let open = same_day
        .or(previous)
        .map(|u| u.blockers.clone())
        .unwrap_or_default();
    let mut resolve = Vec::new();
    if !open.is_empty() {
        let labels: Vec<String> = open
            .iter()
            .map(|b| crate::render::sanitize::clean(&format!("{} (since {})", b.text, b.since)))
            .collect();
        let keep = MultiSelect::with_theme(&SimpleTheme)
            .with_prompt("Which blockers still hold? (space toggles, enter confirms)")
            .items(&labels)
            .defaults(&vec![true; labels.len()])
            .interact()
            .map_err(prompt_error)?;
        for (i, b) in open.iter().enumerate() {
            if !keep.contains(&i) {
                resolve.push(b.id.clone());
            }
        }
    }
    let mut new_blockers = Vec::new();
    loop {
        let text = line_input::ask("New blocker (empty to finish)", "", |_| Ok(()))?;
        if text.trim().is_empty() {
            break;
        }
        new_blockers.push(text);
    }
    let mood = line_input::ask("Mood 1-5 (empty to skip)", "", |s| match s.trim() {
        "" | "1" | "2" | "3" | "4" | "5" => Ok(()),
        _ => Err("a number from 1 to 5, or empty".to_string()),
    })?;
    let mut answers = BTreeMap::new();
    for q in questions {
        let before = same_day
            .and_then(|s| s.answers.get(&q.id))
            .map(|a| a.display());
        if let Some(a) = ask_question(q, before)? {
            answers.insert(q.id.clone(), a);
        }
    }
    Ok(Changes {
        answers,
        yesterday: Some(yesterday),
        today: Some(today),
        new_blockers,
        resolve,
        resolve_all: false,
        mood: mood.trim().parse().ok(),
    })
}
