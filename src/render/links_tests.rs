//! Unit tests of [`super`]: matching, cost, and the checks on targets.

use super::*;

fn links(pairs: &[(&str, &str)]) -> (Links, Vec<String>) {
    let mut team = TeamFile::new("t");
    for (p, t) in pairs {
        team.links
            .insert(p.to_string(), toml::Value::String(t.to_string()));
    }
    Links::from_team(Some(&team))
}

#[test]
fn leftmost_then_longest_wins_and_nothing_nests() {
    let (l, w) = links(&[
        ("#(\\d+)", "https://git.example/pull/$1"),
        ("([a-z]+/[a-z]+)#(\\d+)", "https://git.example/$1/pull/$2"),
    ]);
    assert!(w.is_empty(), "{w:?}");
    let found = l.find("see org/app#7 and #8");
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].start, found[0].end), (4, 13));
    assert_eq!(found[0].href, "https://git.example/org%2Fapp/pull/7");
    assert_eq!(found[1].href, "https://git.example/pull/8");
}

#[test]
fn many_matches_in_a_long_text_stay_fast() {
    let (l, _) = links(&[
        ("#(\\d+)", "https://git.example/pull/$1"),
        ("NEVER-(\\d+)", "https://t.example/$1"),
    ]);
    let text = "é #1 ".repeat(40_000);
    let started = std::time::Instant::now();
    let found = l.find(&text);
    assert_eq!(found.len(), 40_000);
    assert_eq!((found[1].start, found[1].end), (7, 9));
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

/// The README's `owner/repo#N` pattern and a ticket slug over text in
/// which every slug match runs to the end and is overlapped by a repo
/// link: each pattern's searches together scan the text about once.
#[test]
fn overlapping_patterns_scan_the_text_a_bounded_number_of_times() {
    let (l, _) = links(&[
        (
            "([\\w.-]+)/([\\w.-]+)#(\\d+)",
            "https://git.example/$1/$2/pull/$3",
        ),
        ("T-(\\S+)", "https://t.example/browse/$1"),
    ]);
    let work = |n: usize| {
        let text = "x/T-#1".repeat(n);
        let (found, searched) = l.find_counted(&text);
        assert_eq!(found.len(), n);
        assert_eq!(found[1].href, "https://git.example/x/T-/pull/1");
        (text.len() as u64, searched)
    };
    let (small, small_work) = work(1_000);
    let (large, large_work) = work(4_000);
    assert!(
        small_work <= 4 * small && large_work <= 4 * large,
        "{small_work} bytes searched for {small}, {large_work} for {large}"
    );
}

#[test]
fn unsafe_targets_are_left_out() {
    for target in [
        "javascript:alert(1)",
        "$1",
        "https://$1.example/x",
        "https://x.example/\"onclick",
        "https://x.example/$2",
        "data:text/html,x",
        "https://good.example@evil.example/$1",
        "https://@/x/$1",
        "https://:443/x/$1",
    ] {
        let (l, w) = links(&[("T-(\\d+)", target)]);
        assert!(l.is_empty(), "{target}");
        assert_eq!(w.len(), 1, "{target}");
        assert!(
            w[0].starts_with("async-up.toml: [links] \"T-(\\\\d+)\""),
            "{w:?}"
        );
    }
    // Patterns whose shortest match is empty, even where empty text itself
    // does not match (a word boundary needs a word).
    for pattern in ["x*", "\\b", "(?m)^", "\\bPROJ-\\d*|\\b"] {
        let (l, w) = links(&[(pattern, "https://x.example/")]);
        assert!(l.is_empty() && w[0].contains("empty"), "{pattern}: {w:?}");
    }
    let (l, w) = links(&[("a{1000}{1000}", "https://x.example/")]);
    assert!(
        l.is_empty() && w[0].contains("not a valid pattern"),
        "{w:?}"
    );
}

#[test]
fn a_capture_of_only_dots_does_not_link() {
    let (l, _) = links(&[(
        "([\\w.-]+)/([\\w.-]+)#(\\d+)",
        "https://git.example/$1/$2/pull/$3",
    )]);
    let hrefs: Vec<String> = l
        .find("see ../..#1 and org/.#5 and a.b/c..d#6")
        .into_iter()
        .map(|f| f.href)
        .collect();
    // Browsers read `%2E%2E` as `..` too, so such a match stays text.
    assert_eq!(hrefs, ["https://git.example/a.b/c..d/pull/6"]);
}

#[test]
fn captured_text_cannot_leave_the_address() {
    let (l, _) = links(&[("T-(\\S+)", "https://t.example/browse/$1")]);
    let html = html("T-\"><script>x</script>", &l);
    assert_eq!(
        html,
        "<a href=\"https://t.example/browse/%22%3E%3Cscript%3Ex%3C%2Fscript%3E\" rel=\"noreferrer\">T-&quot;&gt;&lt;script&gt;x&lt;/script&gt;</a>"
    );
}
