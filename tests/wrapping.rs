//! Text prompts on a narrow terminal (60 columns), checked on the screen a
//! person would see: a small VT100 replays everything async-up wrote.

mod common;
use common::*;

/// Enough of a VT100 to tell what a person sees: printable text with
/// wrapping at `width`, CR, LF, backspace, cursor moves and erases.
fn screen(bytes: &str, width: usize) -> Vec<String> {
    let mut rows: Vec<Vec<char>> = vec![vec![' '; width]];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = bytes.chars().peekable();
    let grow = |rows: &mut Vec<Vec<char>>, row: usize| {
        while rows.len() <= row {
            rows.push(vec![' '; width]);
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\r' => col = 0,
            '\n' => {
                row += 1;
                grow(&mut rows, row);
            }
            '\x08' => col = col.min(width - 1).saturating_sub(1),
            '\x1b' => {
                if chars.next() == Some('[') {
                    let mut params = String::new();
                    let mut end = ' ';
                    for p in chars.by_ref() {
                        if p.is_ascii_digit() || p == ';' || p == '?' {
                            params.push(p);
                        } else {
                            end = p;
                            break;
                        }
                    }
                    let n: usize = params.trim_start_matches('?').parse().unwrap_or(0);
                    let n1 = n.max(1);
                    col = col.min(width - 1);
                    match end {
                        'A' => row = row.saturating_sub(n1),
                        'B' => {
                            row += n1;
                            grow(&mut rows, row);
                        }
                        'C' => col = (col + n1).min(width - 1),
                        'D' => col = col.saturating_sub(n1),
                        'G' => col = (n1 - 1).min(width - 1),
                        'K' => {
                            let range = match n {
                                0 => col..width,
                                1 => 0..col + 1,
                                _ => 0..width,
                            };
                            rows[row][range].fill(' ');
                        }
                        'J' if n == 0 => {
                            rows[row][col..].fill(' ');
                            for r in rows.iter_mut().skip(row + 1) {
                                r.fill(' ');
                            }
                        }
                        _ => {}
                    }
                }
            }
            c if c.is_control() => {}
            c => {
                if col >= width {
                    col = 0;
                    row += 1;
                    grow(&mut rows, row);
                }
                rows[row][col] = c;
                col += 1;
            }
        }
    }
    rows.into_iter()
        .map(|r| r.into_iter().collect::<String>().trim_end().to_string())
        .collect()
}

#[test]
fn a_vt_screen_in_the_test_wraps_and_erases() {
    let shown = screen("abcdefgh\r\n12\x1b[1A\r\x1b[2Kxy\x1b[J", 5);
    assert_eq!(shown, ["abcde", "xy", ""]);
    assert_eq!(screen("abcdefg", 5), ["abcde", "fg"]);
}

#[test]
fn long_answers_at_60_columns_leave_no_stale_lines() {
    use rexpect::session::spawn_command;
    let world = World::new();
    let alice = world.person("alice", "UTC");
    world.set_now("2026-11-23T09:00:00Z");
    alice.ok(&[
        "write",
        "--today",
        "Finish moving the billing service onto the new queue",
        "--today",
        "Review the pull requests from the weekend",
    ]);
    world.set_now("2026-11-24T09:00:00Z");
    let mut cmd = alice.program("bash");
    cmd.env("TERM", "xterm")
        .arg("-c")
        .arg("stty cols 60 rows 40; exec async-up write");
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    let mut seen = String::new();
    let mut expect = |p: &mut rexpect::session::PtySession, needle: &str| {
        let before = p.exp_string(needle).unwrap();
        seen.push_str(&before);
        seen.push_str(needle);
    };
    let type_slowly = |p: &mut rexpect::session::PtySession, text: &str| {
        std::thread::sleep(std::time::Duration::from_millis(250));
        p.send(text).unwrap();
        p.flush().unwrap();
    };
    expect(&mut p, "the weekend");
    // Keep yesterday as it was, and add to it.
    type_slowly(&mut p, "; and a bit more\r");
    expect(&mut p, "Today");
    type_slowly(
        &mut p,
        "Write the migration guide for the billing team; pair with carol on it",
    );
    // Back to the start of the wrapped text (Home), type there, then Enter.
    type_slowly(&mut p, "\x1b[HNow: \r");
    expect(&mut p, "New blocker");
    type_slowly(&mut p, "\r");
    expect(&mut p, "Mood");
    // A rejected answer shows an error under it, then goes away.
    type_slowly(&mut p, "9\r");
    expect(&mut p, "1 to 5");
    type_slowly(&mut p, "\x7f4\r");
    seen.push_str(&p.exp_eof().unwrap());
    let rows = screen(&seen, 60);
    let text: Vec<&String> = rows.iter().filter(|r| !r.is_empty()).collect();
    let count = |needle: &str| text.iter().filter(|r| r.contains(needle)).count();
    assert_eq!(count("Yesterday"), 1, "{text:#?}");
    assert_eq!(count("Today"), 1, "{text:#?}");
    assert_eq!(count("Finish moving"), 1, "{text:#?}");
    assert_eq!(count("Write the migration"), 1, "{text:#?}");
    for (i, r) in text.iter().enumerate() {
        assert!(
            !text[i + 1..].contains(r),
            "a stale copy of {r:?} is left on screen:\n{text:#?}"
        );
    }
    let doc = alice.json(&["team", "--format", "json"]);
    let update = &doc["updates"][0];
    assert_eq!(update["yesterday"].as_array().unwrap().len(), 3, "{doc}");
    assert_eq!(update["today"].as_array().unwrap().len(), 2, "{doc}");
    assert!(update["today"][0]
        .as_str()
        .unwrap()
        .starts_with("Now: Write the migration"));
    assert_eq!(update["mood"], 4);
    assert_eq!(count("error"), 0, "{text:#?}");
}
