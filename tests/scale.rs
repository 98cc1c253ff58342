//! Cost bounded by what is shown, not by what a teammate planted or how big
//! the team is: the history readers' work is counted (never timed) at two
//! sizes small enough for CI, and must grow linearly between them. The
//! figures themselves come from `benches/org_scale.py`.

mod common;
use async_up::store::work::{self, Work};
use async_up::store::Store;
use common::{fast_import, git_plain};
use std::path::Path;

/// Feeds a `git fast-import` stream into a new bare repo at `dir`.
fn import(dir: &Path, stream: &str) {
    let out = git_plain()
        .args(["init", "--quiet", "--bare", "-b", "main"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    fast_import(dir, stream);
}

fn commit(stream: &mut String, email: &str, when: u64, files: &[(String, String)]) {
    stream.push_str(&format!(
        "commit refs/heads/main\ncommitter X <{email}> {when} +0000\ndata 1\nc\n"
    ));
    for (path, body) in files {
        stream.push_str(&format!(
            "M 100644 inline {path}\ndata {}\n{body}\n",
            body.len()
        ));
    }
}

fn member(m: usize) -> (String, String) {
    (
        format!("members/m{m:04}.toml"),
        format!("handle = \"m{m:04}\"\nname = \"M\"\nemail = \"m{m:04}@example.com\"\ntimezone = \"UTC\"\n"),
    )
}

fn update(m: usize) -> (String, String) {
    (
        format!("updates/m{m:04}/2026/2026-11-24.toml"),
        format!("version = 1\nauthor = \"m{m:04}\"\ndate = 2026-11-24\nwritten_at = 2026-11-24T09:00:00Z\nyesterday = [\"a\"]\ntoday = [\"b\"]\n"),
    )
}

/// Work done by `f` on this thread.
fn counted(f: impl FnOnce()) -> Work {
    work::reset();
    f();
    work::work()
}

/// Asserts that `big` (at twice the size of `small`) is at most about twice
/// `small`: linear, where a quadratic cost would be four times.
fn assert_linear(what: &str, small: u64, big: u64) {
    assert!(small > 0, "{what}: nothing counted");
    assert!(
        big <= small * 5 / 2 + 16,
        "{what} grew from {small} to {big} when the size doubled: not linear"
    );
}

/// A commit adding `n` files to one folder outside `updates/` (and a member
/// with an update), then a commit changing one of those files.
fn big_folder(dir: &Path, n: usize) {
    let mut s = String::new();
    let mut files = vec![
        (
            "async-up.toml".to_string(),
            "version = 1\nname = \"t\"\n".to_string(),
        ),
        member(1),
        update(1),
    ];
    files.extend((0..n).map(|i| (format!("big/f{i:06}.txt"), format!("{i}"))));
    commit(&mut s, "m0001@example.com", 1_700_000_000, &files);
    let changed = vec![(format!("big/f{:06}.txt", n / 2), "changed".to_string())];
    commit(&mut s, "m0001@example.com", 1_700_000_100, &changed);
    import(dir, &s);
}

#[test]
fn tree_diff_of_a_big_folder_is_linear() {
    let root = tempfile::tempdir().unwrap();
    let mut counts = Vec::new();
    for n in [200, 400] {
        let dir = root.path().join(format!("big{n}.git"));
        big_folder(&dir, n);
        let repo = git2::Repository::open_bare(&dir).unwrap();
        let tip = repo
            .revparse_single("main")
            .unwrap()
            .peel_to_commit()
            .unwrap();
        let (old, new) = (tip.parent(0).unwrap().tree().unwrap(), tip.tree().unwrap());
        let mut changes = Vec::new();
        let w = counted(|| changes = async_up::store::tree_changes(&repo, Some(&old), Some(&new)));
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].path, format!("big/f{:06}.txt", n / 2));
        let audit = counted(|| {
            let report = async_up::trust::audit(&repo, tip.id(), None).unwrap();
            assert!(report.violations.is_empty(), "{:?}", report.violations);
        });
        counts.push((w.tree_entries, audit.tree_entries));
    }
    assert_linear(
        "tree entries for one changed file",
        counts[0].0,
        counts[1].0,
    );
    assert_linear("tree entries for the audit", counts[0].1, counts[1].1);
}

/// A team file and `n` member files (as a lead seeds a team: `audit`
/// reports each member file as not committed by its member), then one
/// commit per member adding their update, each by that member.
fn many_members(dir: &Path, n: usize) {
    let mut s = String::new();
    let mut seed = vec![(
        "async-up.toml".to_string(),
        "version = 1\nname = \"t\"\n".to_string(),
    )];
    seed.extend((0..n).map(member));
    commit(&mut s, "lead@example.com", 1_700_000_000, &seed);
    for m in 0..n {
        let email = format!("m{m:04}@example.com");
        commit(&mut s, &email, 1_700_000_100 + m as u64, &[update(m)]);
    }
    import(dir, &s);
}

#[test]
fn the_first_read_of_many_members_is_linear() {
    let root = tempfile::tempdir().unwrap();
    let mut counts = Vec::new();
    for n in [200, 400] {
        let dir = root.path().join(format!("team{n}.git"));
        many_members(&dir, n);
        let store = Store::open_external(&dir).unwrap();
        let paths: Vec<String> = (0..n).map(|m| update(m).0).collect();
        let w = counted(|| {
            let marks = async_up::trust::marks::marks(&store, None, &paths).unwrap();
            assert_eq!(marks.len(), n);
            assert!(marks.values().all(|m| m.violation.is_none()));
        });
        let tip = store.tip().unwrap();
        let audit = counted(|| {
            let report = async_up::trust::audit(store.repo(), tip, None).unwrap();
            assert_eq!(report.commits_checked, n + 1);
            let seed = report
                .violations
                .iter()
                .filter(|v| v.path.starts_with("members/"));
            assert_eq!(seed.count(), n, "{:?}", report.violations.first());
            assert_eq!(report.violations.len(), n, "{:?}", report.violations.last());
        });
        counts.push((w, audit));
    }
    let (small, big) = (counts[0], counts[1]);
    assert_linear("paths checked", small.0.path_checks, big.0.path_checks);
    assert_linear(
        "member files parsed (marks)",
        small.0.member_parses,
        big.0.member_parses,
    );
    assert_linear(
        "member files parsed (audit)",
        small.1.member_parses,
        big.1.member_parses,
    );
    // Every commit after the seed sees the same members/ folder: reading it
    // again for each member looked up would cost the team's size each time.
    for (what, w) in [("marks", big.0), ("audit", big.1)] {
        assert!(
            w.member_folder_reads <= 4,
            "{what} read the members/ folder {} times for two versions of it",
            w.member_folder_reads
        );
    }
}
