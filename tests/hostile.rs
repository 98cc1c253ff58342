//! Every file in the team repo is someone else's input. Broken, oversized,
//! misplaced or non-regular entries are skipped with one warning naming them
//! (or ignored, for things that are not files); the rest of the view prints.

mod common;
use common::*;
use std::path::Path;

struct Repo {
    world: World,
    reader: Person,
    clone: Checkout,
}

/// A team where alice wrote a good update, and a clone to vandalise it from.
fn team_with_clone() -> Repo {
    let world = World::new();
    let remote = world.bare_remote("team.git", "main");
    let alice = world.person("alice", "UTC");
    alice.ok(&["init", remote.to_str().unwrap()]);
    alice.ok(&[
        "write",
        "--today",
        "good update",
        "--blocker",
        "real blocker",
    ]);
    let reader = world.person("reader", "UTC");
    reader.ok(&["init", remote.to_str().unwrap()]);
    let clone = Checkout::of(&world, &remote);
    Repo {
        world,
        reader,
        clone,
    }
}

impl Repo {
    fn put(&self, path: &str, bytes: &[u8]) {
        self.clone.put(path, bytes);
    }

    fn push(&self, message: &str) {
        self.clone.push(message);
    }
}

/// `audit` on the vandalised history finds a forgery for every member whose
/// files the vandal (committing as the fixture identity) touched.
fn audit_finds(repo: &Repo, owners: &[&str]) {
    let out = repo.reader.run(&["audit", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let flagged: Vec<String> = doc["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["member"].as_str().unwrap_or("").to_string())
        .collect();
    for owner in owners {
        assert!(
            flagged.iter().any(|f| f == owner),
            "audit missed the forgery in {owner}'s area: {doc}"
        );
    }
    assert!(
        doc["violations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["committer"]
                .as_str()
                .unwrap()
                .contains("fixture@example.com")),
        "only the vandal is accused: {doc}"
    );
}

fn today_path(handle: &str) -> String {
    format!("updates/{handle}/2026/2026-11-24.toml")
}

fn valid(handle: &str) -> String {
    format!("author = \"{handle}\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T08:00:00Z\ntoday = [\"fine\"]\n")
}

#[test]
fn broken_files_are_skipped_with_one_warning_each() {
    let repo = team_with_clone();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("malformed", b"author = \"malformed\"\ndate = 2026-11-24\ntoday = [\"unclosed\"\n".to_vec()),
        ("wrongtype", b"author = \"wrongtype\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T08:00:00Z\ntoday = 42\n".to_vec()),
        ("missingkey", b"author = \"missingkey\"\ntoday = [\"no date\"]\n".to_vec()),
        ("badutf8", b"author = \"badutf8\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T08:00:00Z\ntoday = [\"\xff\xfe\"]\n".to_vec()),
        ("nulbyte", b"author = \"nulbyte\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T08:00:00Z\ntoday = [\"a\0b\"]\n".to_vec()),
        ("badmood", b"author = \"badmood\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T08:00:00Z\nmood = 99\n".to_vec()),
        ("huge", {
            let mut v = valid("huge").into_bytes();
            v.extend(format!("yesterday = [\"{}\"]\n", "x".repeat(70 * 1024)).bytes());
            v
        }),
        ("nested", format!("author = \"nested\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T08:00:00Z\nx = {}1{}\n", "[".repeat(5000), "]".repeat(5000)).into_bytes()),
    ];
    for (handle, bytes) in &cases {
        repo.put(&today_path(handle), bytes);
    }
    repo.push("vandalism");

    let out = repo.reader.run(&["team", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "exit code unchanged: {}",
        stderr(&out)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(authors(&doc), ["alice"], "the good update still shows");
    let err = stderr(&out);
    for (handle, _) in &cases {
        let path = today_path(handle);
        let n = err.matches(path.as_str()).count();
        assert_eq!(n, 1, "one warning naming {path}, got:\n{err}");
    }
    assert!(err.contains("over the 65536 byte limit"), "{err}");
    assert!(!err.contains('\0'));
    // Broken members are missing, not crashes.
    let missing = doc["missing"].as_array().unwrap();
    assert!(missing.iter().any(|m| m == "malformed"), "{doc}");

    // --strict turns the warnings into exit 2; blockers keep their own exit code otherwise.
    let out = repo.reader.run(&["team", "--strict"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--strict"), "{}", stderr(&out));
    repo.reader.expect(1, &["blockers"]);
    repo.reader.expect(2, &["blockers", "--strict"]);
    let owners: Vec<&str> = cases.iter().map(|(h, _)| *h).collect();
    audit_finds(&repo, &owners);
}

#[test]
fn misplaced_and_misnamed_files_are_never_used() {
    let repo = team_with_clone();
    // An update in the wrong person's folder.
    repo.put(&today_path("bob"), valid("mallory").as_bytes());
    // A date inside that disagrees with the file name.
    repo.put(
        "updates/carol/2026/2026-11-24.toml",
        valid("carol")
            .replace("2026-11-24\n", "2026-11-20\n")
            .as_bytes(),
    );
    // A file name that is not a date, and a folder that is not a handle.
    repo.put("updates/dave/2026/notes.toml", valid("dave").as_bytes());
    repo.put(
        "updates/dave/2026/2026-11-24.toml",
        valid("dave").as_bytes(),
    );
    repo.put(
        "updates/Evil Name/2026/2026-11-24.toml",
        valid("alice").as_bytes(),
    );
    repo.put(
        "updates/..%2f/2026/2026-11-24.toml",
        valid("alice").as_bytes(),
    );
    repo.put("members/Bad Name.toml", b"handle = \"x\"\n");
    repo.push("misplaced");

    let out = repo.reader.run(&["team", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(authors(&doc), ["alice", "dave"]);
    let err = stderr(&out);
    assert!(
        err.contains("updates/bob/2026/2026-11-24.toml: author \"mallory\" does not match"),
        "{err}"
    );
    assert!(
        err.contains("updates/carol/2026/2026-11-24.toml: date 2026-11-20 inside does not match"),
        "{err}"
    );
    assert!(
        err.contains("notes.toml: not named YYYY-MM-DD.toml"),
        "{err}"
    );
    assert!(
        err.contains("members/Bad Name.toml: file name is not a valid handle"),
        "{err}"
    );
    audit_finds(
        &repo,
        &["bob", "carol", "dave", "Evil Name", "..%2f", "Bad Name"],
    );
}

fn gitlink_and_symlinks(clone: &Path) {
    // A symlink pointing outside the repo, in place of an update and a member file.
    std::fs::create_dir_all(clone.join("updates/sym/2026")).unwrap();
    std::os::unix::fs::symlink(
        "/etc/passwd",
        clone.join("updates/sym/2026/2026-11-24.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink("/etc/hostname", clone.join("members/sym.toml")).unwrap();
    // A symlinked person folder.
    std::os::unix::fs::symlink("alice", clone.join("updates/linked")).unwrap();
    git_ok(git_plain().arg("-C").arg(clone).args(["add", "-A"]));
    // A submodule entry where an update should be.
    let head = git_ok(git_plain().arg("-C").arg(clone).args(["rev-parse", "HEAD"]));
    let cacheinfo = format!("160000,{},updates/sub/2026/2026-11-24.toml", head.trim());
    git_ok(git_plain().arg("-C").arg(clone).args([
        "update-index",
        "--add",
        "--cacheinfo",
        &cacheinfo,
    ]));
}

#[test]
fn symlinks_and_submodules_are_ignored_never_followed() {
    let repo = team_with_clone();
    gitlink_and_symlinks(&repo.clone.dir);
    let c = &repo.clone.dir;
    git_ok(
        git_plain()
            .arg("-C")
            .arg(c)
            .args(["commit", "--quiet", "-m", "links"]),
    );
    git_ok(
        git_plain()
            .arg("-C")
            .arg(c)
            .args(["push", "--quiet", "origin", "HEAD:main"]),
    );

    let out = repo.reader.run(&["team", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains("root:"), "a symlink was followed");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(authors(&doc), ["alice"]);
    repo.reader.ok(&["team"]);
    repo.reader.expect(1, &["blockers"]);
    let _ = &repo.world;
    audit_finds(&repo, &["sym", "linked", "sub"]);
}

#[test]
fn a_blob_of_tens_of_megabytes_is_skipped_unread() {
    let repo = team_with_clone();
    let mut huge = valid("huge").into_bytes();
    huge.extend(std::iter::repeat_n(b'#', 30 * 1024 * 1024));
    repo.put(&today_path("huge"), &huge);
    repo.push("a 30 MB update");
    let out = repo.reader.run(&["team", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("updates/huge/2026/2026-11-24.toml: 31457")
            && err.contains("over the 65536 byte limit"),
        "{err}"
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(authors(&doc), ["alice"]);
    audit_finds(&repo, &["huge"]);
}
