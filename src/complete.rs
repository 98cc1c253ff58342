//! Values for dynamic shell completion (`source <(COMPLETE=bash async-up)`):
//! the teams in your config and the handles in a team's mirror. Read-only,
//! offline and silent, since it runs on every Tab: whatever cannot be read
//! completes nothing.

use crate::config::{Paths, UserConfig};
use crate::model::{layout, Handle};
use clap_complete::engine::CompletionCandidate;

/// The teams you have joined, each with its remote as the description.
pub fn teams() -> Vec<CompletionCandidate> {
    let Some((_, config)) = config() else {
        return Vec::new();
    };
    config
        .teams
        .iter()
        .filter(|(name, _)| Handle::from_loose(name).is_some_and(|h| h.as_str() == *name))
        .map(|(name, team)| {
            CompletionCandidate::new(name)
                .help(Some(crate::render::sanitize::clean(&team.remote).into()))
        })
        .collect()
}

/// The handles of the team `ASYNC_UP_TEAM` or your default team names (the
/// local-only team without one): everyone with a member file or updates,
/// as the mirror had them at the last fetch.
pub fn handles() -> Vec<CompletionCandidate> {
    let Some((paths, config)) = config() else {
        return Vec::new();
    };
    let team = std::env::var("ASYNC_UP_TEAM")
        .ok()
        .filter(|t| !t.is_empty())
        .or(config.default_team);
    let mirror = match team {
        Some(name) => match paths.mirror(&name) {
            Ok(path) => path,
            Err(_) => return Vec::new(),
        },
        None => paths.local_team(),
    };
    let Ok(repo) = git2::Repository::open_bare(mirror) else {
        return Vec::new();
    };
    let Ok(tree) = repo.head().and_then(|h| h.peel_to_tree()) else {
        return Vec::new();
    };
    let names_in = |folder: &str, suffix: &str| -> Vec<String> {
        tree.get_path(std::path::Path::new(folder))
            .and_then(|e| e.to_object(&repo))
            .and_then(|o| o.peel_to_tree())
            .map(|t| {
                t.iter()
                    .filter_map(|e| e.name()?.strip_suffix(suffix).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut handles: Vec<String> = names_in(layout::MEMBERS_DIR, ".toml")
        .into_iter()
        .chain(names_in(layout::UPDATES_DIR, ""))
        .filter(|name| Handle::parse(name).is_ok())
        .collect();
    handles.sort();
    handles.dedup();
    handles.into_iter().map(CompletionCandidate::new).collect()
}

fn config() -> Option<(Paths, UserConfig)> {
    let paths = Paths::discover().ok()?;
    let config = UserConfig::load_quietly(&paths.config_file).ok()?;
    Some((paths, config))
}
