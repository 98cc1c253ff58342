//! Faults of the network and the remote, against real servers on
//! 127.0.0.1: a stalling proxy in front of `git daemon`, lighttpd serving
//! `git http-backend` behind basic auth (and a 503 in front of it), an sshd
//! of the test's own, and a daemon with a tiny connection limit. Every
//! command must return, say which of unreachable, transient or refused it
//! met, and keep the update committed.

mod common;

use common::servers::{self, FaultProxy, ANSWER_503};
use common::*;
use std::path::PathBuf;
use std::time::Duration;

/// How long a command may take before the test calls it a hang. Generous:
/// the point is that it returns at all.
const HANG: Duration = Duration::from_secs(30);

fn code(out: &std::process::Output) -> Option<i32> {
    out.status.code()
}

/// Whether any of the person's mirrors has a commit whose files hold `text`.
fn mirror_has(person: &Person, text: &str) -> bool {
    let teams = person.home.join(".local/share/async-up/teams");
    std::fs::read_dir(&teams)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".git"))
        .any(|e| {
            git_ok(
                git_plain()
                    .arg("--git-dir")
                    .arg(e.path())
                    .args(["log", "-p", "--all"]),
            )
            .contains(text)
        })
}

fn remote_has(remote: &std::path::Path, text: &str) -> bool {
    git_ok(
        git_plain()
            .arg("--git-dir")
            .arg(remote)
            .args(["log", "-p", "--all"]),
    )
    .contains(text)
}

fn served(world: &World) -> (PathBuf, PathBuf) {
    let base = world.path().join("served");
    std::fs::create_dir_all(&base).unwrap();
    let remote = world.bare_remote("served/team.git", "main");
    (base, remote)
}

fn stalled_server(transport: &str, forwarded: usize) {
    let world = World::new();
    let (base, _remote) = served(&world);
    let daemon = Daemon::start(&base);
    let seed = world.person("seed", "UTC");
    seed.ok(&["init", &daemon.url("team.git")]);
    let proxy = FaultProxy::start(daemon.port);
    let url = format!("git://127.0.0.1:{}/team.git", proxy.port);
    let alice = world.person("alice", "UTC");
    alice.set_env("ASYNC_UP_TRANSPORT", transport);
    alice.ok(&["init", &url]);
    alice.set_env("ASYNC_UP_NETWORK_TIMEOUT", "2");
    proxy.set_limit(forwarded);

    let out = servers::run_within(
        alice.std_cmd().args(["write", "--today", "stalled write"]),
        HANG,
    );
    assert_eq!(code(&out), Some(0), "{transport}: {}", stderr(&out));
    assert!(
        stderr(&out).contains("timed out after 2 s"),
        "{transport}: {}",
        stderr(&out)
    );
    assert!(mirror_has(&alice, "stalled write"), "{transport}");

    let out = servers::run_within(alice.std_cmd().arg("sync"), HANG);
    assert_eq!(code(&out), Some(2), "{transport}: {}", stderr(&out));
    assert!(
        stderr(&out).contains("timed out after 2 s"),
        "{transport}: {}",
        stderr(&out)
    );

    let out = servers::run_within(alice.std_cmd().arg("team"), HANG);
    assert_eq!(code(&out), Some(0), "{transport}: {}", stderr(&out));
    assert!(
        stderr(&out).contains("timed out after 2 s") && stderr(&out).contains("last fetched"),
        "{transport}: {}",
        stderr(&out)
    );
}

#[test]
fn a_server_that_never_answers_times_out_through_git() {
    stalled_server("git", 0);
}

#[test]
fn a_server_that_stops_mid_answer_times_out_through_git() {
    stalled_server("git", 60);
}

#[test]
fn a_server_that_never_answers_times_out_through_libgit2() {
    stalled_server("libgit2", 0);
}

#[test]
fn a_server_that_stops_mid_answer_times_out_through_libgit2() {
    stalled_server("libgit2", 60);
}

#[test]
fn an_invalid_network_timeout_names_the_variable() {
    let world = World::new();
    let alice = world.person("alice", "UTC");
    alice.set_env("ASYNC_UP_NETWORK_TIMEOUT", "soon");
    let out = alice.run(&["team"]);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("ASYNC_UP_NETWORK_TIMEOUT"),
        "{}",
        stderr(&out)
    );
    // The config takes the same range as the variable: no bound of 3,000
    // years.
    let remote = world.bare_remote("team.git", "main");
    let bob = world.person("bob", "UTC");
    bob.ok(&["init", remote.to_str().unwrap()]);
    let config = std::fs::read_to_string(bob.config_file()).unwrap();
    std::fs::write(
        bob.config_file(),
        format!("network_timeout = 99999999999\n{config}"),
    )
    .unwrap();
    let out = bob.run(&["team"]);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("network_timeout = 99999999999: give a number of seconds from 1 to 86400"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn version_reports_the_transport_from_the_config() {
    let world = World::new();
    let alice = world.person("alice", "UTC");
    std::fs::create_dir_all(alice.config_file().parent().unwrap()).unwrap();
    std::fs::write(alice.config_file(), "transport = \"libgit2\"\n").unwrap();
    let out = alice.ok(&["--version"]);
    assert!(out.contains("transport: libgit2"), "{out}");
}

fn credential_helper(person: &Person, user: &str, password: &str) {
    let gitconfig = person.home.join(".gitconfig");
    let mut text = std::fs::read_to_string(&gitconfig).unwrap();
    if let Some(i) = text.find("[credential]") {
        text.truncate(i);
    }
    text.push_str(&format!(
        "[credential]\n\thelper = \"!f() {{ echo username={user}; echo password={password}; }}; f\"\n"
    ));
    std::fs::write(gitconfig, text).unwrap();
}

#[test]
fn a_wrong_http_password_is_refused_not_offline_through_git() {
    wrong_http_password("git");
}

#[test]
fn a_wrong_http_password_is_refused_not_offline_through_libgit2() {
    wrong_http_password("libgit2");
}

fn wrong_http_password(transport: &str) {
    let world = World::new();
    let (base, remote) = served(&world);
    let web = servers::lighttpd_git(&world.path().join("web"), &base, "alice", "right-horse");
    let url = format!("http://127.0.0.1:{}/git/team.git", web.port);
    let alice = world.person("alice", "UTC");
    alice.set_env("ASYNC_UP_TRANSPORT", transport);
    credential_helper(&alice, "alice", "right-horse");
    alice.ok(&["init", &url]);
    alice.ok(&["write", "--today", "first over http"]);
    assert!(remote_has(&remote, "first over http"));

    credential_helper(&alice, "alice", "wrong-horse");
    let out = servers::run_within(
        alice
            .std_cmd()
            .args(["write", "--today", "second over http"]),
        HANG,
    );
    assert_eq!(code(&out), Some(2), "{transport}: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("refused"), "{err}");
    assert!(err.contains("check the credentials"), "{err}");
    assert!(!err.contains("could not reach"), "{err}");
    assert!(mirror_has(&alice, "second over http"));
    assert!(!remote_has(&remote, "second over http"));

    credential_helper(&alice, "alice", "right-horse");
    alice.ok(&["sync"]);
    assert!(remote_has(&remote, "second over http"));
}

#[test]
fn http_503_is_retried_then_unreachable() {
    let world = World::new();
    let (base, _remote) = served(&world);
    let web = servers::lighttpd_git(&world.path().join("web"), &base, "alice", "pw");
    let proxy = FaultProxy::start(web.port);
    let url = format!("http://127.0.0.1:{}/git/team.git", proxy.port);
    let alice = world.person("alice", "UTC");
    alice.set_env("ASYNC_UP_TRANSPORT", "git");
    credential_helper(&alice, "alice", "pw");
    alice.ok(&["init", &url]);

    proxy.set_limit(ANSWER_503);
    let before = proxy.connections();
    let out = servers::run_within(
        alice.std_cmd().args(["write", "--today", "while busy"]),
        Duration::from_secs(120),
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("could not reach") && err.contains("503"),
        "{err}"
    );
    assert!(
        proxy.connections() - before >= 3,
        "retried: {}",
        proxy.connections() - before
    );
    assert!(mirror_has(&alice, "while busy"));

    let out = servers::run_within(alice.std_cmd().arg("sync"), Duration::from_secs(120));
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
}

/// A person whose ssh config calls the sshd `teamhost`, with `key` as the
/// identity; the system ssh reads the config through `core.sshCommand`
/// (ssh takes ~ from the password database, not from HOME).
fn ssh_person(
    world: &World,
    handle: &str,
    server: &servers::Server,
    key: &std::path::Path,
) -> Person {
    let person = world.person(handle, "UTC");
    let ssh = person.home.join(".ssh");
    std::fs::create_dir_all(&ssh).unwrap();
    std::fs::write(ssh.join("known_hosts"), server.known_hosts_line()).unwrap();
    let user = String::from_utf8(
        std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    std::fs::write(
        ssh.join("config"),
        format!(
            "Host teamhost\n  HostName 127.0.0.1\n  Port {}\n  User {}\n  IdentityFile {}\n  IdentitiesOnly yes\n  UserKnownHostsFile {}\n  StrictHostKeyChecking yes\n  BatchMode yes\n",
            server.port,
            user.trim(),
            key.display(),
            ssh.join("known_hosts").display()
        ),
    )
    .unwrap();
    let gitconfig = person.home.join(".gitconfig");
    let mut text = std::fs::read_to_string(&gitconfig).unwrap();
    text.push_str(&format!(
        "[core]\n\tsshCommand = ssh -F {}\n",
        ssh.join("config").display()
    ));
    std::fs::write(gitconfig, text).unwrap();
    person
}

struct SshWorld {
    world: World,
    server: servers::Server,
    remote: PathBuf,
    good_key: PathBuf,
    bad_key: PathBuf,
}

fn ssh_world() -> SshWorld {
    let world = World::new();
    let (_base, remote) = served(&world);
    let keys = world.path().join("keys");
    let good_key = keys.join("good");
    let bad_key = keys.join("bad");
    let good = servers::ssh_key(&good_key);
    servers::ssh_key(&bad_key);
    let server = servers::sshd(&world.path().join("sshd"), &good);
    SshWorld {
        world,
        server,
        remote,
        good_key,
        bad_key,
    }
}

#[test]
fn an_ssh_alias_works_through_git() {
    let w = ssh_world();
    let alice = ssh_person(&w.world, "alice", &w.server, &w.good_key);
    alice.set_env("ASYNC_UP_TRANSPORT", "git");
    let url = format!("teamhost:{}", w.remote.display());
    alice.ok(&["init", &url]);
    let out = alice.run(&["write", "--today", "over ssh"]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("pushed"), "{}", stderr(&out));
    assert!(remote_has(&w.remote, "over ssh"));
    let doc = alice.json(&["team", "--format", "json"]);
    assert_eq!(authors(&doc), ["alice"]);
}

#[test]
fn an_ssh_key_the_server_does_not_accept_is_refused_not_offline() {
    let w = ssh_world();
    let url = format!("teamhost:{}", w.remote.display());
    let bob = ssh_person(&w.world, "bob", &w.server, &w.bad_key);
    bob.set_env("ASYNC_UP_TRANSPORT", "git");
    let out = servers::run_within(bob.std_cmd().args(["init", &url]), HANG);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("refused") && err.contains("Permission denied"),
        "{err}"
    );
    assert!(err.contains("your ssh key"), "{err}");

    // Joined with a good key, then the key changes: the update stays.
    let alice = ssh_person(&w.world, "alice", &w.server, &w.good_key);
    alice.set_env("ASYNC_UP_TRANSPORT", "git");
    alice.ok(&["init", &url]);
    let config = alice.home.join(".ssh/config");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace(
            &w.good_key.display().to_string(),
            &w.bad_key.display().to_string(),
        ),
    )
    .unwrap();
    let out = servers::run_within(alice.std_cmd().args(["write", "--today", "key gone"]), HANG);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("your ssh key"), "{}", stderr(&out));
    assert!(mirror_has(&alice, "key gone"));
}

#[test]
fn an_ssh_alias_under_libgit2_names_the_fix() {
    let w = ssh_world();
    let alice = ssh_person(&w.world, "alice", &w.server, &w.good_key);
    alice.set_env("ASYNC_UP_TRANSPORT", "libgit2");
    let url = format!("teamhost:{}", w.remote.display());
    let out = servers::run_within(alice.std_cmd().args(["init", &url]), HANG);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("alias"), "{err}");
    assert!(
        err.contains("transport = \"git\"") && err.contains("ssh-keyscan"),
        "{err}"
    );
    assert!(!err.contains("could not reach"), "{err}");

    // doctor gives the same fix for a team already in the config.
    std::fs::create_dir_all(alice.config_file().parent().unwrap()).unwrap();
    std::fs::write(
        alice.config_file(),
        format!("default_team = \"team\"\n[teams.team]\nremote = \"{url}\"\nhandle = \"alice\"\n"),
    )
    .unwrap();
    let out = servers::run_within(alice.std_cmd().arg("doctor"), HANG);
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        all.contains("transport = \"git\"") && all.contains("ssh-keyscan"),
        "{all}"
    );
}

#[test]
fn many_writers_against_a_connection_limit_all_land() {
    let world = World::new();
    let (base, remote) = served(&world);
    let daemon = Daemon::start_with(&base, &["--max-connections=2"]);
    let url = daemon.url("team.git");
    let people: Vec<Person> = (0..12)
        .map(|i| {
            let p = world.person(&format!("w{i:02}"), "UTC");
            p.set_env("ASYNC_UP_TRANSPORT", "git");
            p.ok(&["init", &url]);
            p
        })
        .collect();
    let children: Vec<_> = people
        .iter()
        .map(|p| {
            p.std_cmd()
                .args(["write", "--today", &format!("{} under load", p.handle)])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for (p, child) in people.iter().zip(children) {
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert_eq!(code(&out), Some(0), "{}: {err}", p.handle);
        assert!(!err.contains("could not reach"), "{}: {err}", p.handle);
    }
    for p in &people {
        assert!(
            remote_has(&remote, &format!("{} under load", p.handle)),
            "{}",
            p.handle
        );
    }
}

/// A first clone over a slow link that keeps moving is not a stall: the
/// watchdog must see the download itself, not only git's words. A pack of
/// about 200 KB at 14 KB/s takes 14 s against an 8 s bound (git reports
/// transfer progress about once a second). The bound leaves room for the
/// server to build the pack on a loaded machine before the first byte; at
/// 4 s that wait alone tripped it. The noise stays under the mirror's blob
/// filter (512 KiB, for holidays.toml), so it is downloaded.
#[test]
fn a_slow_download_that_keeps_moving_is_not_killed() {
    let world = World::new();
    let (base, remote) = served(&world);
    let daemon = Daemon::start(&base);
    let seed = world.person("seed", "UTC");
    seed.ok(&["init", &daemon.url("team.git")]);
    // Incompressible bytes outside updates/, so the pack stays big.
    let clone = Checkout::of(&world, &remote);
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let noise: Vec<u8> = (0..200_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    clone.put("assets/noise.bin", noise);
    clone.push("a big file");
    let proxy = FaultProxy::start(daemon.port);
    proxy.set_rate(14_000);
    let url = format!("git://127.0.0.1:{}/team.git", proxy.port);
    let alice = world.person("alice", "UTC");
    alice.set_env("ASYNC_UP_NETWORK_TIMEOUT", "8");
    let out = servers::run_within(alice.std_cmd().args(["init", &url]), HANG);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
}
