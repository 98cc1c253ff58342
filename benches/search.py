#!/usr/bin/env python3
"""Search benchmark (issue #15): `async-up search` on 200 members x 1 year
(260 workdays) with a reply file from one member in ten each day, beside
`git grep -i -c WORD -- updates replies` over the same files in a checkout.
The issue asks for search within 2x of git grep.

    benches/search.py               # a common word, a rare one, two words
    BENCH_RUNS=3 benches/search.py

Also times team, blockers and log on the same team with and without its
reply files: what walking replies/ costs the views that show threads.

Uses org_scale.py's generator, joining and timing (release build; repos
cached in target/bench-repos). Figures only: nothing is asserted.
"""
import os, random, shutil, statistics, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import org_scale  # noqa: E402
from org_scale import ROOT, RUNS, joined, sh  # noqa: E402

MEMBERS, DAYS = 200, 260
PHRASES = ["Nice, ship it", "Can @m{:04} review the token refresh?", "Seen, thanks",
           "I paired on the flaky CI last week", "Ping me about the login flow"]
# What to look for: a word in about half the files, one in a few replies,
# two words that must both appear.
CASES = [["refresh"], ["paired"], ["flaky", "ci"]]


def measure(argv, env, runs=RUNS):
    """Median wall seconds, median CPU seconds (user + system, all threads)
    and peak RSS (MiB) of `argv` after a warm-up. On a loaded machine the
    CPU time is the steadier figure."""
    walls, cpus, peaks = [], [], []
    for i in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit(f"{' '.join(argv)} failed")
        if i > 0:
            walls.append(wall)
            cpus.append(usage.ru_utime + usage.ru_stime)
            peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def with_replies(generator, cache):
    """The generated team with reply files added, one commit per replier."""
    base = os.path.join(cache, f"team-{MEMBERS}x{DAYS}.git")
    if not os.path.exists(os.path.join(base, "HEAD")):
        print(f"generating {MEMBERS} members x {DAYS} workdays ...", file=sys.stderr)
        sh(generator, "--members", str(MEMBERS), "--days", str(DAYS), base)
    repo = os.path.join(cache, f"team-{MEMBERS}x{DAYS}-replies.git")
    if os.path.exists(os.path.join(repo, "HEAD")):
        return repo
    print("adding replies ...", file=sys.stderr)
    tmp = repo + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    sh("git", "clone", "--quiet", "--bare", base, tmp)
    paths = sh("git", "--git-dir", tmp, "ls-tree", "-r", "--name-only", "main", "updates/").split()
    by_date = {}
    for p in paths:
        _, handle, _, name = p.split("/")
        by_date.setdefault(name[:-5], []).append(handle)
    rng = random.Random(15)
    files = {}  # replier -> [(date, body)]
    for date, writers in sorted(by_date.items()):
        for replier in writers:
            if rng.random() >= 0.1:
                continue
            body = ""
            for _ in range(rng.randint(1, 3)):
                text = rng.choice(PHRASES).format(rng.randrange(MEMBERS))
                body += (f'[[reply]]\nto = "{rng.choice(writers)}"\ndate = {date}\n'
                         f'text = "{text}"\nwritten_at = {date}T16:00:00Z\n\n')
            files.setdefault(replier, []).append((date, body))
    stream = []
    when = 1764028800  # 2026-11-25T00:00:00Z, after every update
    for n, (replier, entries) in enumerate(sorted(files.items())):
        # Only the first commit names its parent: fast-import chains the rest.
        parent = "from refs/heads/main^0\n" if n == 0 else ""
        stream.append(f"commit refs/heads/main\ncommitter R <{replier}@example.com> {when} +0000\n"
                      f"data 7\nreplies\n{parent}")
        for date, body in entries:
            data = body.encode()
            stream.append(f"M 100644 inline replies/{replier}/{date[:4]}/{date}.toml\ndata {len(data)}\n{body}\n")
    subprocess.run(["git", "--git-dir", tmp, "fast-import", "--quiet"], input="".join(stream),
                   text=True, check=True)
    sh("git", "--git-dir", tmp, "repack", "-adq")
    os.rename(tmp, repo)
    count = sum(len(e) for e in files.values())
    print(f"{repo}: {len(paths)} update files, {count} reply files", file=sys.stderr)
    return repo


def main():
    os.chdir(ROOT)
    subprocess.run(["cargo", "build", "--release", "-q", "--bin", "async-up", "--example", "gen_team_repo"], check=True)
    binary = os.path.join(ROOT, "target/release/async-up")
    generator = os.path.join(ROOT, "target/release/examples/gen_team_repo")
    cache = os.path.join(ROOT, "target/bench-repos")
    os.makedirs(cache, exist_ok=True)
    repo = with_replies(generator, cache)
    home, env, mirror = joined(binary, repo, "search")
    checkout = os.path.join(home, "checkout")
    sh("git", "clone", "--quiet", os.path.join(home, "remote.git"), checkout, env=env)
    # Once, so the index is built and every commit judged, as after any read.
    org_scale.once([binary, "team", "--no-fetch"], env)
    rows = []
    # A regex parses every file in the period: what words cost before the
    # raw-text check.
    rows.append(("search --regex refresh (parses all)",
                 *measure([binary, "search", "--regex", "refresh", "--no-fetch", "--format", "json"], env), ""))
    for words in CASES:
        t, cpu, mem = measure([binary, "search", *words, "--no-fetch", "--format", "json"], env)
        # git grep has no "all of these words" for one line: -e W --and -e W.
        pattern = sum([["-e", w] if i == 0 else ["--and", "-e", w] for i, w in enumerate(words)], [])
        g, gcpu, gmem = measure(["git", "-C", checkout, "grep", "-i", "-c", *pattern, "--", "updates", "replies"], env)
        name = " ".join(words)
        rows.append((f"search {name}", t, cpu, mem, f"{t / g:.2f}x git grep ({cpu / gcpu:.2f}x CPU)"))
        rows.append((f"git grep -i -c {name}", g, gcpu, gmem, ""))
    # What reading replies/ adds to the views that show threads: the same
    # team with and without reply files.
    base = os.path.join(cache, f"team-{MEMBERS}x{DAYS}.git")
    bhome, benv, _ = joined(binary, base, "search-base")
    org_scale.once([binary, "team", "--no-fetch"], benv)
    for argv in (["team"], ["blockers"], ["log", "m0002", "--since", "1y"]):
        t, cpu, mem = measure([binary, *argv, "--no-fetch", "--format", "json"], env)
        b, bcpu, bmem = measure([binary, *argv, "--no-fetch", "--format", "json"], benv)
        name = " ".join(argv)
        rows.append((f"{name} (with replies)", t, cpu, mem, f"{t / b:.2f}x without ({cpu / bcpu:.2f}x CPU)"))
        rows.append((f"{name} (no replies/)", b, bcpu, bmem, ""))
    shutil.rmtree(bhome)
    shutil.rmtree(home)
    print(f"\n{'command':<36} {'median ms':>10} {'CPU ms':>8} {'peak MiB':>9}  ratio")
    for name, wall, cpu, mem, ratio in rows:
        print(f"{name:<36} {wall * 1000:>10.1f} {cpu * 1000:>8.1f} {mem:>9.1f}  {ratio}")


if __name__ == "__main__":
    main()
