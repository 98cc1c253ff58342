//! Generates a realistic team repository for benchmarks, fast: one
//! `git fast-import` stream, one commit per update as async-up makes them,
//! then packed the way a clone would be.
//!
//!   cargo run --release --example gen_team_repo -- --members 200 --days 750 /tmp/team-m.git
//!   gen_team_repo --members 3000 --days 1 --all-write /tmp/team-3000.git
//!   gen_team_repo --members 10 --days 30 --big-folder 200000 /tmp/team-big.git
//!
//! `--all-write`: nobody misses a day or takes time away (with `--days 1`,
//! each member commits exactly once). `--big-folder N`: after the updates,
//! one commit adds N files to `assets/` (outside `updates/`), and one more
//! changes one of them: what a teammate could plant.
//!
//! M members across many zones write an update on each workday (Mon-Fri),
//! with 1-4 items per field; blockers open, carry over with their id and
//! date, and close; some members take time away; about one file in two
//! thousand is malformed. The last workday is 2026-11-24 (ASYNC_UP_NOW for
//! the benchmark). Deterministic: the same arguments give the same repo.
//!
//! Hostile extras, for the benchmarks of issue #13:
//!   --future-files N   N update files of almost 64 KiB dated after the last
//!                      workday (round-robin over members, a day apart), as
//!                      a teammate could plant them, in one last commit;
//!   --blocker-flood N  m0000 carries N open blockers in every update, the
//!                      oldest 5% replaced by new ones each day.

use std::io::Write;
use std::process::{Command, Stdio};

const ZONES: &[(&str, i32)] = &[
    ("America/Los_Angeles", -8 * 60),
    ("America/New_York", -5 * 60),
    ("America/Sao_Paulo", -3 * 60),
    ("Europe/London", 0),
    ("Europe/Berlin", 60),
    ("Africa/Nairobi", 3 * 60),
    ("Asia/Kolkata", 5 * 60 + 30),
    ("Asia/Singapore", 8 * 60),
    ("Asia/Tokyo", 9 * 60),
    ("Australia/Sydney", 11 * 60),
    ("Pacific/Auckland", 13 * 60),
];

const WORDS: &[&str] = &[
    "Review",
    "Ship",
    "Fix",
    "Refactor",
    "Test",
    "Deploy",
    "Document",
    "Pair on",
    "Investigate",
    "the login flow",
    "token refresh",
    "flaky CI",
    "the billing page",
    "search indexing",
    "PR #4821",
    "the migration",
    "staging",
    "release notes",
    "on-call handover",
    "metrics dashboard",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn items(&mut self) -> Vec<String> {
        (0..1 + self.below(4))
            .map(|_| {
                format!(
                    "{} {}",
                    WORDS[self.below(9) as usize],
                    WORDS[9 + self.below(11) as usize]
                )
            })
            .collect()
    }
}

fn toml_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
    format!("[{}]", quoted.join(", "))
}

struct Blocker {
    id: String,
    text: String,
    since: chrono::NaiveDate,
}

fn main() {
    let mut members = 10usize;
    let mut days = 30usize;
    let mut hostile = Hostile::default();
    let mut out = None;
    let mut all_write = false;
    let mut big_folder = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--members" => {
                members = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--members N")
            }
            "--days" => days = args.next().and_then(|v| v.parse().ok()).expect("--days N"),
            "--all-write" => all_write = true,
            "--big-folder" => {
                big_folder = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--big-folder N")
            }
            "--future-files" | "--blocker-flood" => hostile.option(&a, args.next()),
            other => out = Some(other.to_string()),
        }
    }
    let out = out.expect(
        "usage: gen_team_repo [--members N] [--days N] [--all-write] [--big-folder N] OUT.git",
    );
    let _ = std::fs::remove_dir_all(&out);
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .status()
            .expect("git");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "--quiet", "--bare", "-b", "main", &out]);

    let mut import = Command::new("git")
        .args(["--git-dir", &out, "fast-import", "--quiet"])
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import");
    let mut stream = std::io::BufWriter::new(import.stdin.take().unwrap());
    let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ (members as u64) << 20 ^ days as u64);

    // Workdays ending on Tuesday 2026-11-24.
    let last = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let mut workdays = Vec::new();
    let mut d = last;
    while workdays.len() < days {
        if chrono::Datelike::weekday(&d).number_from_monday() <= 5 {
            workdays.push(d);
        }
        d = d.pred_opt().unwrap();
    }
    workdays.reverse();
    let start_secs = workdays[0]
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp()
        - 86_400;

    // The first commit: team file and member files.
    let mut first = String::new();
    first.push_str("commit refs/heads/main\n");
    first.push_str(&format!(
        "committer Lead <lead@example.com> {start_secs} +0000\n"
    ));
    let msg = "async-up: team";
    first.push_str(&format!("data {}\n{msg}\n", msg.len()));
    let team = "version = 1\nname = \"bench\"\n";
    first.push_str(&format!(
        "M 100644 inline async-up.toml\ndata {}\n{team}\n",
        team.len()
    ));
    for m in 0..members {
        let (zone, _) = ZONES[m % ZONES.len()];
        let body = format!(
            "handle = \"m{m:04}\"\nname = \"Member {m}\"\nemail = \"m{m:04}@example.com\"\ntimezone = \"{zone}\"\n"
        );
        first.push_str(&format!(
            "M 100644 inline members/m{m:04}.toml\ndata {}\n{body}\n",
            body.len()
        ));
    }
    stream.write_all(first.as_bytes()).unwrap();

    let mut open: Vec<Vec<Blocker>> = (0..members).map(|_| Vec::new()).collect();
    let mut away_until: Vec<usize> = vec![0; members];
    let mut files = 0u64;
    let mut flood = Flood::new(hostile.blocker_flood);
    for (day_index, date) in workdays.iter().enumerate() {
        for m in 0..members {
            if day_index < away_until[m] {
                continue;
            }
            if !all_write && rng.below(400) == 0 {
                away_until[m] = day_index + 3 + rng.below(8) as usize;
                continue;
            }
            if !all_write && rng.below(20) == 0 {
                continue; // a missed day
            }
            let (_, offset_min) = ZONES[m % ZONES.len()];
            let local_secs = 8 * 3600 + rng.below(4 * 3600) as i64;
            let when = date.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp() + local_secs
                - i64::from(offset_min) * 60;
            let offset = format!(
                "{}{:02}:{:02}",
                if offset_min < 0 { '-' } else { '+' },
                offset_min.abs() / 60,
                offset_min.abs() % 60
            );
            let local = chrono::DateTime::from_timestamp(when + i64::from(offset_min) * 60, 0)
                .unwrap()
                .naive_utc();
            open[m].retain(|_| rng.below(10) >= 3);
            if rng.below(15) == 0 {
                open[m].push(Blocker {
                    id: format!("{:06x}", rng.below(0xff_ffff)),
                    text: format!(
                        "Waiting on @m{:04} for {}",
                        rng.below(members as u64),
                        WORDS[9 + rng.below(11) as usize]
                    ),
                    since: *date,
                });
            }
            let mut body = format!(
                "version = 1\nauthor = \"m{m:04}\"\ndate = {date}\nwritten_at = {}{offset}\nyesterday = {}\ntoday = {}\n",
                local.format("%Y-%m-%dT%H:%M:%S"),
                toml_list(&rng.items()),
                toml_list(&rng.items()),
            );
            if rng.below(3) == 0 {
                body.push_str(&format!("mood = {}\n", 1 + rng.below(5)));
            }
            let flooding = m == 0 && hostile.blocker_flood > 0;
            if flooding {
                body.push_str(&flood.day(*date));
                assert!(
                    body.len() < 64 * 1024,
                    "--blocker-flood too large for a file"
                );
            }
            for b in open[m].iter().filter(|_| !flooding) {
                body.push_str(&format!(
                    "\n[[blockers]]\nid = \"{}\"\ntext = \"{}\"\nsince = {}\n",
                    b.id, b.text, b.since
                ));
            }
            if rng.below(2000) == 0 {
                body = format!("this is not toml [[[ {}\n", rng.next());
            }
            let path = format!(
                "updates/m{m:04}/{}/{date}.toml",
                chrono::Datelike::year(date)
            );
            let msg = format!("async-up: m{m:04} {date}");
            let mut commit = String::with_capacity(body.len() + 200);
            commit.push_str("commit refs/heads/main\n");
            commit.push_str(&format!(
                "committer Member {m} <m{m:04}@example.com> {when} {}\n",
                offset.replace(':', "")
            ));
            commit.push_str(&format!("data {}\n{msg}\n", msg.len()));
            commit.push_str(&format!(
                "M 100644 inline {path}\ndata {}\n{body}\n",
                body.len()
            ));
            stream.write_all(commit.as_bytes()).unwrap();
            files += 1;
        }
    }
    if big_folder > 0 {
        let when = last.and_hms_opt(23, 0, 0).unwrap().and_utc().timestamp();
        let mut planted = format!(
            "commit refs/heads/main\ncommitter Lead <lead@example.com> {when} +0000\ndata 7\nassets\n"
        );
        for i in 0..big_folder {
            let body = format!("asset {i}\n");
            planted.push_str(&format!(
                "M 100644 inline assets/a{i:07}.txt\ndata {}\n{body}\n",
                body.len()
            ));
        }
        let one = "changed\n";
        planted.push_str(&format!(
            "commit refs/heads/main\ncommitter Lead <lead@example.com> {} +0000\ndata 7\nchange\nM 100644 inline assets/a{:07}.txt\ndata {}\n{one}\n",
            when + 60,
            big_folder / 2,
            one.len()
        ));
        stream.write_all(planted.as_bytes()).unwrap();
    }
    if hostile.future_files > 0 {
        let commit = future_files(hostile.future_files, members, last, &mut rng);
        stream.write_all(commit.as_bytes()).unwrap();
        files += hostile.future_files as u64;
    }
    stream.flush().unwrap();
    drop(stream);
    assert!(import.wait().unwrap().success(), "fast-import failed");
    // Packed as a clone receives it: one pack, git's default delta depth.
    git(&["--git-dir", &out, "repack", "-adq"]);
    git(&["--git-dir", &out, "prune-packed"]);
    println!(
        "{out}: {members} members, {} workdays, {files} update files",
        workdays.len()
    );
}

/// The hostile extras (see the module doc).
#[derive(Default)]
struct Hostile {
    future_files: usize,
    blocker_flood: usize,
}

impl Hostile {
    fn option(&mut self, name: &str, value: Option<String>) {
        let n = value
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name} N"));
        match name {
            "--future-files" => self.future_files = n,
            _ => self.blocker_flood = n,
        }
    }
}

/// One member's flood of blockers: `n` open at once, the oldest 5% closed
/// and as many new ones opened each day (short ids and texts, so an update
/// stays under the 64 KiB file limit).
struct Flood {
    open: std::collections::VecDeque<(String, chrono::NaiveDate)>,
    n: usize,
    next: u32,
}

impl Flood {
    fn new(n: usize) -> Self {
        Flood {
            open: std::collections::VecDeque::new(),
            n,
            next: 0,
        }
    }

    fn day(&mut self, date: chrono::NaiveDate) -> String {
        let churn = (self.n / 20).max(1).min(self.open.len());
        self.open.drain(..churn);
        while self.open.len() < self.n {
            // Base-36, three characters: 46,656 ids, reused only long after
            // they were closed (the queue closes the oldest first).
            let mut id = String::new();
            let mut v = self.next % 46_656;
            for _ in 0..3 {
                id.insert(0, char::from_digit(v % 36, 36).unwrap());
                v /= 36;
            }
            self.next += 1;
            self.open.push_back((id, date));
        }
        let items: Vec<String> = self
            .open
            .iter()
            .map(|(id, since)| format!("{{id=\"{id}\",text=\"b\",since={since}}}"))
            .collect();
        format!("blockers=[{}]\n", items.join(","))
    }
}

/// One commit planting `n` update files of almost 64 KiB dated after `last`,
/// valid TOML a reader would accept if it read them on their day.
fn future_files(n: usize, members: usize, last: chrono::NaiveDate, rng: &mut Rng) -> String {
    let when = last.and_hms_opt(23, 0, 0).unwrap().and_utc().timestamp();
    let mut commit = format!(
        "commit refs/heads/main\ncommitter Member 0 <m0000@example.com> {when} +0000\ndata 21\nasync-up: future days\n"
    );
    for i in 0..n {
        let m = i % members;
        let date = last + chrono::Days::new(1 + (i / members) as u64);
        let mut body = format!(
            "version = 1\nauthor = \"m{m:04}\"\ndate = {date}\nwritten_at = {date}T09:00:00Z\nyesterday = [\"x\"]\ntoday = ["
        );
        while body.len() < 64 * 1024 - 200 {
            body.push_str(&format!("{:?}, ", rng.items().join(" ")));
        }
        body.push_str("\"end\"]\n");
        commit.push_str(&format!(
            "M 100644 inline updates/m{m:04}/{}/{date}.toml\ndata {}\n{body}\n",
            chrono::Datelike::year(&date),
            body.len()
        ));
    }
    commit
}
