//! Git as an attack surface: a remote that git would read as an option or
//! as a command to run, hooks in the mirror or in the user's global config,
//! and a member file squatted before its owner joins. Each attack is real:
//! it would create a marker file if it worked.

mod common;
use common::*;
use std::path::{Path, PathBuf};

const TRANSPORTS: [&str; 2] = ["git", "libgit2"];

/// A person who talks to remotes through `transport`.
fn person_with(world: &World, handle: &str, transport: &str) -> Person {
    let p = world.person(handle, "UTC");
    p.set_env("ASYNC_UP_TRANSPORT", transport);
    p
}

fn head_of(remote: &Path) -> String {
    let out = git_plain()
        .arg("--git-dir")
        .arg(remote)
        .args(["for-each-ref", "--format=%(refname) %(objectname)"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[test]
fn a_remote_that_git_would_read_as_an_option_is_refused_by_init() {
    let world = World::new();
    for transport in TRANSPORTS {
        let marker = world.path().join(format!("pwned-{transport}"));
        let alice = person_with(&world, "alice", transport);
        let evil = format!("--upload-pack=touch {};", marker.display());
        let out = alice.run(&["init", "--", &evil]);
        assert_eq!(out.status.code(), Some(2), "{transport}: {}", stderr(&out));
        assert!(!marker.exists(), "{transport}: the injected command ran");
        let err = stderr(&out);
        assert!(err.contains("--upload-pack"), "{transport}: {err}");
        assert!(err.contains("option"), "{transport}: {err}");
        assert!(!alice.config_file().exists(), "{transport}: team recorded");
    }
}

#[test]
fn an_ssh_host_or_user_that_is_an_option_is_refused() {
    let world = World::new();
    let alice = world.person("alice", "UTC");
    for evil in [
        "ssh://-oProxyCommand=touch%20x/repo",
        "ssh://-oProxyCommand=x@host/repo",
        "-oProxyCommand=x@host:repo",
        "file://--upload-pack=x/repo",
    ] {
        let out = alice.run(&["init", "--", evil]);
        assert_eq!(out.status.code(), Some(2), "{evil}: {}", stderr(&out));
        assert!(stderr(&out).contains("option"), "{evil}: {}", stderr(&out));
    }
}

#[test]
fn the_ext_transport_is_refused_even_when_git_would_allow_it() {
    let world = World::new();
    let alice = world.person("alice", "UTC");
    // A user (or a shared config file) that allows every protocol.
    let config = alice.home.join(".gitconfig");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("[protocol]\n\tallow = always\n");
    std::fs::write(&config, text).unwrap();
    let marker = world.path().join("pwned-ext");
    let evil = format!("ext::sh -c touch% {}", marker.display());
    let out = alice.run(&["init", &evil]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!marker.exists(), "the ext:: command ran");
    assert!(stderr(&out).contains("ext::"), "{}", stderr(&out));
}

#[test]
fn a_remote_in_the_user_config_that_is_an_option_runs_nothing() {
    let world = World::new();
    let marker = world.path().join("pwned-config");
    let alice = world.person("alice", "UTC");
    let config = alice.config_file();
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    // A shared config snippet pasted in: there is no mirror yet, so any
    // command would clone it.
    std::fs::write(
        &config,
        format!(
            "default_team = \"team\"\n[teams.team]\nremote = \"--upload-pack=touch {};\"\nhandle = \"alice\"\n",
            marker.display()
        ),
    )
    .unwrap();
    let out = alice.run(&["team"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--upload-pack"), "{}", stderr(&out));
    assert!(!marker.exists(), "team ran the injected command");

    let out = alice.run(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("--upload-pack"), "{}", stdout(&out));
    assert!(!marker.exists(), "doctor ran the injected command");
}

/// Hooks that each leave a marker in `markers` named after themselves and
/// the repository they ran in.
fn plant_hooks(dir: &Path, markers: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).unwrap();
    for hook in [
        "pre-push",
        "reference-transaction",
        "post-update",
        "pre-auto-gc",
        "post-checkout",
        "push-to-checkout",
    ] {
        let path = dir.join(hook);
        std::fs::write(
            &path,
            format!(
                "#!/bin/sh\ntouch '{}/{hook}-'\"$(basename \"$(cd \"${{GIT_DIR:-.}}\" && pwd)\")\"\n",
                markers.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// The hooks that ran in a mirror (or the clone that becomes one).
fn in_mirror(markers: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(markers)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("team-"))
        .collect();
    names.sort();
    names
}

#[test]
fn no_hook_runs_in_the_mirror_nor_from_a_global_hooks_path() {
    let world = World::new();
    for transport in TRANSPORTS {
        // The remote's folder is named apart from the mirror's: a push to a
        // path runs the remote's side (receive-pack and its hooks) as plain
        // `git push` would, which is the remote's business, not the mirror's.
        let remote = world.bare_remote(&format!("shared-{transport}.git"), "main");
        let team = format!("team-{transport}");
        let markers: PathBuf = world.path().join(format!("markers-{transport}"));
        std::fs::create_dir_all(&markers).unwrap();
        let alice = person_with(&world, "alice", transport);
        // A global core.hooksPath, as some users set for their own repos.
        let global_hooks = world.path().join(format!("global-hooks-{transport}"));
        plant_hooks(&global_hooks, &markers);
        let config = alice.home.join(".gitconfig");
        std::fs::write(
            &config,
            format!(
                "[user]\n\tname = Alice\n\temail = alice@example.com\n[core]\n\thooksPath = {}\n",
                global_hooks.display()
            ),
        )
        .unwrap();
        alice.ok(&["init", remote.to_str().unwrap(), "--team", &team]);
        assert_eq!(
            in_mirror(&markers),
            Vec::<String>::new(),
            "{transport}: init"
        );
        alice.ok(&["write", "--today", "one"]);
        assert_eq!(
            in_mirror(&markers),
            Vec::<String>::new(),
            "{transport}: write"
        );

        // Hooks dropped into the mirror itself, and a global hooksPath no more.
        std::fs::write(
            &config,
            "[user]\n\tname = Alice\n\temail = alice@example.com\n",
        )
        .unwrap();
        plant_hooks(&alice.mirror(&team).join("hooks"), &markers);
        // A teammate's push, so the next fetch has refs to update.
        let bob = person_with(&world, "bob", transport);
        bob.ok(&["init", remote.to_str().unwrap()]);
        alice.ok(&["write", "--today", "two"]);
        alice.ok(&["sync"]);
        alice.ok(&["team"]);
        assert_eq!(
            in_mirror(&markers),
            Vec::<String>::new(),
            "{transport}: mirror hooks"
        );
        // The pushes did arrive.
        assert!(
            alice.ok(&["log"]).contains("two"),
            "{transport}: the write was lost"
        );
    }
}

#[test]
fn init_refuses_a_member_file_squatted_under_your_handle() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let mallory = world.person("mallory", "UTC");
    mallory.ok(&["init", remote.to_str().unwrap()]);
    // Mallory claims carol's handle before carol joins.
    mallory.ok(&[
        "init",
        remote.to_str().unwrap(),
        "--team",
        "other",
        "--user",
        "carol",
    ]);
    let before = head_of(&remote);

    let carol = world.person("carol", "UTC");
    let out = carol.run(&["init", remote.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("members/carol.toml"), "{err}");
    assert!(err.contains("mallory@example.com"), "{err}");
    assert!(err.contains("--user"), "{err}");
    assert_eq!(head_of(&remote), before, "init pushed something");
    let config = std::fs::read_to_string(carol.config_file()).unwrap_or_default();
    assert!(
        !config.contains("[teams."),
        "the team was recorded:\n{config}"
    );

    // Another handle works.
    carol.ok(&["init", remote.to_str().unwrap(), "--user", "carol2"]);
}

#[test]
fn init_on_a_second_machine_adopts_your_own_member_file_in_any_case() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let carol = world.person("carol", "UTC");
    carol.ok(&["init", remote.to_str().unwrap(), "--timezone", "Asia/Tokyo"]);
    let laptop = world.person_on("carol", "UTC", "carol-laptop");
    std::fs::write(
        laptop.home.join(".gitconfig"),
        "[user]\n\tname = Carol\n\temail = Carol@Example.COM\n",
    )
    .unwrap();
    laptop.ok(&["init", remote.to_str().unwrap(), "--user", "carol"]);
    let out = laptop.ok(&["me"]);
    assert!(out.contains("Asia/Tokyo"), "{out}");
}
