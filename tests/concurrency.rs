//! Many writers at once, and writers killed at any moment: every update that
//! was acknowledged reaches the remote exactly once, and every repo stays sound.

mod common;
use common::*;
use std::path::Path;
use std::process::Stdio;

fn fsck(git_dir: &Path) {
    let out = git_plain()
        .arg("--git-dir")
        .arg(git_dir)
        .args(["fsck", "--full", "--no-dangling"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git fsck {}: {}{}",
        git_dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn files_on_remote(remote: &Path, branch: &str) -> Vec<String> {
    let out = git_ok(git_plain().arg("--git-dir").arg(remote).args([
        "ls-tree",
        "-r",
        "--name-only",
        branch,
        "updates",
    ]));
    out.lines().map(str::to_string).collect()
}

fn many_writers(url_for: impl Fn(&World) -> (String, std::path::PathBuf, Option<Daemon>)) {
    const WRITERS: usize = 16;
    let world = World::new();
    let (url, remote, _daemon) = url_for(&world);
    let people: Vec<Person> = (0..WRITERS)
        .map(|i| world.person(&format!("w{i:02}"), "UTC"))
        .collect();
    for p in &people {
        p.ok(&["init", &url]);
    }
    let children: Vec<_> = people
        .iter()
        .map(|p| {
            p.std_cmd()
                .args(["write", "--today", &format!("update from {}", p.handle)])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for (p, child) in people.iter().zip(children) {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}: {}", p.handle, stderr(&out));
        assert!(
            stderr(&out).contains("pushed 1 update"),
            "{}: {}",
            p.handle,
            stderr(&out)
        );
    }
    let files = files_on_remote(&remote, "main");
    assert_eq!(files.len(), WRITERS, "{files:?}");
    for p in &people {
        assert!(files.contains(&format!("updates/{}/2026/2026-11-24.toml", p.handle)));
    }
    fsck(&remote);
    for p in &people {
        fsck(&p.mirror("team"));
    }
    let doc = people[0].json(&["team", "--format", "json"]);
    assert_eq!(authors(&doc).len(), WRITERS);
}

#[test]
fn sixteen_writers_at_once_over_a_path() {
    many_writers(|world| {
        let remote = world.bare_remote("team.git", "main");
        (remote.to_str().unwrap().to_string(), remote, None)
    });
}

#[test]
fn sixteen_writers_at_once_over_git_daemon() {
    many_writers(|world| {
        let base = world.path().join("served");
        std::fs::create_dir_all(&base).unwrap();
        let remote = world.bare_remote("served/team.git", "main");
        let daemon = Daemon::start(&base);
        (daemon.url("team.git"), remote, Some(daemon))
    });
}

/// A tiny deterministic generator, so a failing run can be repeated.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound
    }
}

#[test]
fn killed_at_random_moments_loses_nothing_acknowledged() {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    let seed = std::env::var("ASYNC_UP_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_u64);
    let mut rng = Lcg(seed);
    let mut acknowledged = Vec::new();
    let mut killed = 0;
    for day in 1..=30u32 {
        let date = format!("2026-10-{day:02}");
        let text = format!("update {day}");
        let mut child = alice
            .std_cmd()
            .args(["write", "--date", &date, "--today", &text])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Somewhere between start-up and the end of the push.
        std::thread::sleep(std::time::Duration::from_micros(rng.next(150_000)));
        let _ = child.kill(); // SIGKILL
        let out = child.wait_with_output().unwrap();
        match out.status.code() {
            Some(0) => acknowledged.push((date, text)),
            None => killed += 1,
            Some(code) => panic!("write exited {code}: {}", stderr(&out)),
        }
    }
    // The next runs recover by themselves.
    let out = alice.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "seed {seed}: {}", stderr(&out));
    alice.ok(&["write", "--today", "after the storm"]);
    let files = files_on_remote(&remote, "main");
    for (date, text) in &acknowledged {
        let path = format!("updates/alice/2026/{date}.toml");
        assert!(
            files.contains(&path),
            "seed {seed}: acknowledged {path} is not on the remote"
        );
        let body = git_ok(
            git_plain()
                .arg("--git-dir")
                .arg(&remote)
                .args(["show", &format!("main:{path}")]),
        );
        assert!(body.contains(text.as_str()), "{body}");
    }
    fsck(&remote);
    fsck(&alice.mirror("team"));
    eprintln!(
        "seed {seed}: {} acknowledged, {killed} killed",
        acknowledged.len()
    );
    assert!(killed > 0 || !acknowledged.is_empty());
}
