//! Team names from the user config, `--team` and `ASYNC_UP_TEAM` become
//! folder and file names (`teams/<name>.git`, `<stem>-<name>.html`): a name
//! that is not a plain name is refused before it is used as a path, and a
//! view over several teams says which team a network warning is about.

mod common;

use common::*;

/// alice in team alpha, with a project of her own beside the async-up data
/// dir: `~/victim`, a git repo with a commit she cares about.
fn alice_with_a_project(world: &World) -> (Person, std::path::PathBuf) {
    let alpha = world.bare_remote("alpha.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["--team", "alpha", "init", alpha.to_str().unwrap()]);
    let victim = alice.home.join("victim");
    git_ok(git_plain().arg("init").arg("-q").arg(&victim));
    git_ok(git_plain().arg("-C").arg(&victim).args([
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "precious work",
    ]));
    (alice, victim)
}

fn add_team(alice: &Person, name: &str, remote: &str) {
    let config = std::fs::read_to_string(alice.config_file()).unwrap();
    std::fs::write(
        alice.config_file(),
        format!("{config}\n[teams.{name:?}]\nremote = {remote:?}\nhandle = \"alice\"\n"),
    )
    .unwrap();
}

#[test]
fn a_team_name_that_is_a_path_is_refused_and_nothing_is_moved() {
    let world = World::new();
    let (alice, victim) = alice_with_a_project(&world);
    let alpha = world.path().join("alpha.git");
    // teams/../../../../victim/.git is ~/victim/.git.
    let evil = "../../../../victim/";
    add_team(&alice, evil, alpha.to_str().unwrap());
    let config = alice.config_file().display().to_string();
    for args in [
        &["blockers", "--all-teams"][..],
        &["--team", evil, "blockers"][..],
        &["--team", evil, "status"][..],
    ] {
        let out = alice.run(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(&config) && err.contains(evil),
            "{args:?}: {err}"
        );
        assert!(err.contains("letters, digits"), "{args:?}: {err}");
    }
    alice.set_env("ASYNC_UP_TEAM", evil);
    assert_eq!(alice.run(&["blockers"]).status.code(), Some(2));
    let log = git_ok(
        git_plain()
            .arg("-C")
            .arg(&victim)
            .args(["log", "--oneline"]),
    );
    assert!(log.contains("precious work"), "{log}");
    let left: Vec<String> = std::fs::read_dir(&victim)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(!left.iter().any(|n| n.contains("damaged")), "{left:?}");
}

#[test]
fn names_starting_with_a_dot_or_differing_only_in_case_are_refused() {
    let world = World::new();
    let (alice, _victim) = alice_with_a_project(&world);
    let alpha = world.path().join("alpha.git");
    let clean = std::fs::read_to_string(alice.config_file()).unwrap();
    for name in ["..", ".", ".hidden", "x y", "a/b", ""] {
        std::fs::write(alice.config_file(), &clean).unwrap();
        add_team(&alice, name, alpha.to_str().unwrap());
        let out = alice.run(&["team", "--all-teams"]);
        assert_eq!(out.status.code(), Some(2), "{name:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("{name:?}")),
            "{}",
            stderr(&out)
        );
    }
    // On macOS and Windows Alpha.git and alpha.git are one folder.
    std::fs::write(alice.config_file(), &clean).unwrap();
    add_team(&alice, "Alpha", alpha.to_str().unwrap());
    let out = alice.run(&["team", "--all-teams"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("differ only in case"),
        "{}",
        stderr(&out)
    );
    // Nor does `init` write such a twin beside a hand-edited name.
    std::fs::write(
        alice.config_file(),
        clean.replace("[teams.alpha]", "[teams.Alpha]"),
    )
    .unwrap();
    let beta = world.bare_remote("beta.git", "main");
    let out = alice.run(&["--team", "alpha", "init", beta.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("only in case"), "{}", stderr(&out));
    assert!(!std::fs::read_to_string(alice.config_file())
        .unwrap()
        .contains("[teams.alpha]"));
    // A name given on the command line or in the environment is checked
    // the same way, before any lookup.
    std::fs::write(alice.config_file(), &clean).unwrap();
    let out = alice.run(&["--team", "../x", "team"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("letters, digits"), "{}", stderr(&out));
    alice.set_env("ASYNC_UP_TEAM", "..");
    let out = alice.run(&["stats"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("ASYNC_UP_TEAM"), "{}", stderr(&out));
}

#[test]
fn network_warnings_of_several_teams_name_the_team() {
    let world = World::new();
    let alpha = world.bare_remote("alpha.git", "main");
    let beta = world.bare_remote("beta.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["--team", "alpha", "init", alpha.to_str().unwrap()]);
    alice.ok(&["--team", "beta", "init", beta.to_str().unwrap()]);
    // alpha moved to a new home; beta's server is gone.
    let moved = world.path().join("alpha-moved.git");
    std::fs::rename(&alpha, &moved).unwrap();
    let gone = world.path().join("beta-gone.git");
    std::fs::rename(&beta, &gone).unwrap();
    let config = std::fs::read_to_string(alice.config_file()).unwrap();
    std::fs::write(
        alice.config_file(),
        config.replace(alpha.to_str().unwrap(), moved.to_str().unwrap()),
    )
    .unwrap();
    let out = alice.run(&["team", "--all-teams"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let line = |what: &str| {
        err.lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("no {what:?} in {err}"))
            .to_string()
    };
    assert!(
        line("remote moved").starts_with("warning: team alpha: "),
        "{err}"
    );
    assert!(
        line("showing local data").starts_with("warning: team beta: "),
        "{err}"
    );
    // One team: as before, no prefix.
    let err = stderr(&alice.run(&["--team", "beta", "team"]));
    assert!(
        line_of(&err, "showing local data").starts_with("warning: could not reach"),
        "{err}"
    );
}

fn line_of(text: &str, what: &str) -> String {
    text.lines()
        .find(|l| l.contains(what))
        .unwrap_or_else(|| panic!("no {what:?} in {text}"))
        .to_string()
}
