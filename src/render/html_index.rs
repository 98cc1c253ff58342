//! The page `report --html FILE` writes over several teams: one link per
//! team to that team's own report beside it, with its headline figures.
//! Each team keeps its own page, so no chart mixes teams and each page
//! stays the one a single-team report is.

use super::html::esc;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// What the index says about one team's page.
pub struct Summary {
    /// The team's title (its team file's name, else the joined name).
    pub title: String,
    /// Participation over the period, 0 to 1.
    pub participation: f64,
    /// Blockers opened in the period.
    pub blockers_opened: u32,
}

/// One line of the index.
pub struct Entry {
    /// The name the team was joined under.
    pub team: String,
    /// Its page's file name, beside the index.
    pub file: String,
    /// `None` when the team could not be read.
    pub summary: Option<Summary>,
}

/// The page of team `team` beside the index `index`: `<stem>-<team>.html`,
/// the name kept to letters, digits, `.`, `_` and `-` (a config is edited
/// by hand, and a name must not reach another folder).
pub fn team_page(index: &Path, team: &str) -> PathBuf {
    let stem = index
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "report".to_string());
    let safe: String = team
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    index.with_file_name(format!("{stem}-{safe}.html"))
}

/// The pages of `teams` beside the index `index`, in the same order, or
/// why they cannot be written: two teams whose pages would be one file
/// (the same name once made safe, or names differing only in case, which
/// macOS and Windows keep in one file) would overwrite each other's page.
/// Team names are checked when the config is read, so this does not
/// happen; it is refused here all the same, before any page is written.
pub fn team_pages(index: &Path, teams: &[String]) -> Result<Vec<PathBuf>, String> {
    let pages: Vec<PathBuf> = teams.iter().map(|t| team_page(index, t)).collect();
    let folded = |p: &Path| p.to_string_lossy().to_lowercase();
    for (i, page) in pages.iter().enumerate() {
        if let Some(j) = pages[..i].iter().position(|p| folded(p) == folded(page)) {
            return Err(format!(
                "teams {:?} and {:?} would share the page {}; rename one of them in the config",
                teams[j],
                teams[i],
                page.display()
            ));
        }
    }
    Ok(pages)
}

/// The index page.
pub fn index(entries: &[Entry]) -> String {
    let mut page = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Stand-up reports</title>\n<style>{}</style></head>\n<body>\n<main>\n<h1>Stand-up reports</h1>\n<ul id=\"teams\">\n",
        super::html_access::CSS
    );
    for e in entries {
        match &e.summary {
            Some(s) => {
                let _ = writeln!(
                    page,
                    "<li><a href=\"{}\">{}</a> ({}): participation {:.0}%, {} blocker(s) opened</li>",
                    esc(&e.file),
                    esc(&s.title),
                    esc(&e.team),
                    s.participation * 100.0,
                    s.blockers_opened
                );
            }
            None => {
                let _ = writeln!(
                    page,
                    "<li>{}: could not be read; see the warnings of the run that wrote this page</li>",
                    esc(&e.team)
                );
            }
        }
    }
    page.push_str("</ul>\n</main>\n</body></html>\n");
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_page_stays_beside_the_index() {
        let at = team_page(Path::new("out/report.html"), "../../etc/x y");
        assert_eq!(at, Path::new("out/report-.._.._etc_x_y.html"));
    }

    #[test]
    fn two_teams_never_share_a_page() {
        let index = Path::new("out/r.html");
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let pages = team_pages(index, &names(&["a", "b"])).unwrap();
        assert_eq!(
            pages,
            [Path::new("out/r-a.html"), Path::new("out/r-b.html")]
        );
        for pair in [["x y", "x/y"], ["Web", "web"]] {
            let err = team_pages(index, &names(&pair)).unwrap_err();
            assert!(err.contains("would share the page"), "{err}");
        }
    }
}
