#!/usr/bin/env python3
"""Org-scale benchmark: whole-process figures for async-up on generated team
repos, beside what git itself needs for the same work.

    benches/org_scale.py            # sizes S and M
    benches/org_scale.py S M L      # L is 1,000 members x 750 workdays
    benches/org_scale.py BIG T3K    # shapes: a planted folder, many members
    benches/org_scale.py FUT B1 B5  # hostile: files dated ahead, a blocker flood
    benches/org_scale.py M500 L K3  # issue #13: 200 x 500, 1,000 and 3,000 members

Views over a long period keep what they parse beside the mirror
(`async-up-facts/`): "first" rows are one run with none kept, the others
the median after a warm-up.

Builds the release binary and the generator, generates each size once into
target/bench-repos (reused later), joins it through a local mirror, then
prints one table: median wall time of several runs after a warm-up, peak
memory (max RSS) and the ratio to the git baseline. Figures only: nothing is
asserted. No network: the remote is a path.
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = {"S": (10, 30), "M": (200, 750), "L": (1000, 750), "M30": (200, 30),
         # Issue #13: a year of stats on 200 x 500; report --since 5y at 3,000.
         "M500": (200, 500), "K3": (3000, 60)}
# Hostile repos (issue #13): generator options, and the commands to time.
HOSTILE = {
    # 2,000 files of almost 64 KiB dated after today, planted by teammates.
    "FUT": (200, 30, ["--future-files", "2000"], [
        ["team", "--no-fetch"],
        ["digest", "--week", "--no-fetch"],
        ["stats", "--since", "4w", "--no-fetch"],
        ["report", "--html", "{home}/r.html", "--no-fetch"],
    ]),
    # One member carrying 1,700 open blockers in every update, a year and five
    # (issue #13: every command under 100 MiB, stats --since 5y under 1 s).
    "B1": (10, 260, ["--blocker-flood", "1700"], [
        ["team", "--no-fetch"],
        ["blockers", "--no-fetch"],
        ["log", "m0000", "--no-fetch"],
        ["stats", "--since", "1y", "--no-fetch"],
        ["digest", "--week", "--no-fetch"],
        ["digest", "--since", "1y", "--no-fetch"],
        ["report", "--html", "{home}/r.html", "--since", "1y", "--no-fetch"],
    ]),
    "B5": (10, 1300, ["--blocker-flood", "1700"], [
        ["team", "--no-fetch"],
        ["blockers", "--no-fetch"],
        ["log", "m0000", "--no-fetch"],
        ["stats", "--since", "1y", "--no-fetch"],
        ["stats", "--since", "5y", "--no-fetch"],
        ["digest", "--week", "--no-fetch"],
        ["report", "--html", "{home}/r.html", "--since", "5y", "--no-fetch"],
    ]),
}
RUNS = int(os.environ.get("BENCH_RUNS", "9"))
NOW = "2026-11-24T23:00:00Z"


def sh(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def measure(argv, env, stdin_file=None, runs=RUNS):
    """Median wall seconds and max peak RSS (MiB) of `argv`, after a warm-up.

    Times are taken around the process itself. Peak memory comes from GNU
    time when installed (the process's own maximum RSS); without it, from
    wait4, which also counts this Python process's pages before exec."""
    times, peaks = [], []
    for i in range(runs + 1):
        stdin = open(stdin_file, "rb") if stdin_file else subprocess.DEVNULL
        start = time.perf_counter()
        # stderr to a file: a pipe nobody reads fills up on many warnings.
        err = tempfile.TemporaryFile()
        proc = subprocess.Popen(argv, env=env, stdin=stdin, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if stdin_file:
            stdin.close()
        code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        if code not in (0, 1):
            sys.exit(f"{' '.join(argv)} exited {code}: {err.read().decode()}")
        err.close()
        if i > 0:
            times.append(elapsed)
            peaks.append(usage.ru_maxrss / 1024)
    if GNU_TIME:
        stdin = open(stdin_file, "rb") if stdin_file else subprocess.DEVNULL
        out = subprocess.run([GNU_TIME, "-f", "%M"] + argv, env=env, stdin=stdin,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if stdin_file:
            stdin.close()
        peaks = [int(out.stderr.strip().splitlines()[-1]) / 1024]
    return statistics.median(times), max(peaks)


def joined(binary, repo, label):
    """A hermetic home that joined a copy of `repo` (writes never touch the cache)."""
    home = tempfile.mkdtemp(prefix=f"async-up-bench-{label}-")
    env = {
        "PATH": os.environ["PATH"], "HOME": home, "TZ": "UTC", "ASYNC_UP_NOW": NOW,
        "XDG_CONFIG_HOME": f"{home}/.config", "XDG_DATA_HOME": f"{home}/.local/share",
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": f"{home}/.gitconfig",
    }
    with open(env["GIT_CONFIG_GLOBAL"], "w") as f:
        f.write("[user]\n\tname = Bench\n\temail = m0001@example.com\n")
    remote = os.path.join(home, "remote.git")
    shutil.copytree(repo, remote)
    start = time.perf_counter()
    sh(binary, "-q", "init", remote, "--user", "m0001", env=env)
    joined.took = time.perf_counter() - start
    return home, env, f"{home}/.local/share/async-up/teams/remote.git"


def aging(binary, cache, days=250):
    """A mirror after a year of daily write+sync, against the same mirror freshly packed."""
    repo = os.path.join(cache, "team-200x30.git")
    if not os.path.exists(os.path.join(repo, "HEAD")):
        sh(os.path.join(ROOT, "target/release/examples/gen_team_repo"), "--members", "200", "--days", "30", repo)
    home, env, mirror = joined(binary, repo, "aging")
    start = time.time()
    for day in range(days):
        day_env = dict(env, ASYNC_UP_NOW=f"2027-{1 + day // 28:02d}-{1 + day % 28:02d}T09:00:00Z")
        sh(binary, "-q", "write", "--today", f"day {day}", env=day_env)
    took = time.time() - start
    late = dict(env, ASYNC_UP_NOW="2027-12-31T09:00:00Z")
    aged = measure([binary, "team", "--no-fetch", "--format", "json"], late)
    loose = sum(len(files) for _, _, files in os.walk(os.path.join(mirror, "objects")) if _ != os.path.join(mirror, "objects", "pack"))
    sh("git", "--git-dir", mirror, "repack", "-adfq", env=env)
    fresh = measure([binary, "team", "--no-fetch", "--format", "json"], late)
    shutil.rmtree(home)
    return [
        ("AGE", f"{days} days of write+sync ({took:.0f} s)", took * 1000 / days, 0.0, "per write"),
        ("AGE", "team after a year of use", aged[0] * 1000, aged[1], f"{aged[0] / fresh[0]:.2f}x fresh ({loose} loose files)"),
        ("AGE", "team, same mirror repack -adf", fresh[0] * 1000, fresh[1], ""),
    ]


# Shapes whose cost once grew with the square of something a teammate can
# make big: the generator's arguments, and the function that measures it.
SHAPES = {
    # 200,000 files planted in one folder outside updates/, one changed.
    "BIG": ["--members", "10", "--days", "30", "--big-folder", "200000"],
    # Members who each committed once (the first read after joining judges
    # every one of those commits).
    "T1K": ["--members", "1000", "--days", "1", "--all-write"],
    "T3K": ["--members", "3000", "--days", "1", "--all-write"],
    "T10K": ["--members", "10000", "--days", "1", "--all-write"],
}


def generated(generator, cache, name, args):
    repo = os.path.join(cache, f"shape-{name}.git")
    if not os.path.exists(os.path.join(repo, "HEAD")):
        print(f"generating {name}: {' '.join(args)} ...", file=sys.stderr)
        sh(generator, *args, repo)
    return repo


def first_run(argv, env, mirror):
    """Wall seconds and peak MiB of one run with nothing kept from earlier
    runs (the parsed updates a long period keeps beside the mirror)."""
    shutil.rmtree(os.path.join(mirror, "async-up-facts"), ignore_errors=True)
    if GNU_TIME:
        start = time.perf_counter()
        out = subprocess.run([GNU_TIME, "-f", "%M"] + argv, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        took = time.perf_counter() - start
        if out.returncode not in (0, 1):
            sys.exit(f"{' '.join(argv)} exited {out.returncode}: {out.stderr}")
        return took, int(out.stderr.strip().splitlines()[-1]) / 1024
    return once(argv, env), 0.0


def once(argv, env):
    """Wall seconds of one run (exit 0 or 1)."""
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode()}")
    return time.perf_counter() - start


def shape(binary, generator, cache, name):
    """`team` the first time after the shape arrives, and `audit` of the
    whole history, beside git walking the same history."""
    args = SHAPES[name]
    repo = generated(generator, cache, name, args)
    rows = []
    if "--big-folder" in args:
        # Joined before the planted commits; the first team fetches them.
        base_args = args[:args.index("--big-folder")]
        base = generated(generator, cache, name + "-base", base_args)
        home, env, mirror = joined(binary, base, name)
        sh("git", "--git-dir", os.path.join(home, "remote.git"), "fetch", "-q", repo, "+main:main", env=env)
        rows.append((name, "first team, fetching the plant, once", once([binary, "team", "--format", "json"], env) * 1000, 0.0, ""))
    else:
        home, env, mirror = joined(binary, repo, name)
        rows.append((name, "init (join), once", joined.took * 1000, 0.0, ""))
        rows.append((name, "first team after init, once", once([binary, "team", "--no-fetch", "--format", "json"], env) * 1000, 0.0, ""))
    git_log = measure(["git", "--git-dir", mirror, "log", "--format=%ce", "--", "updates/"], env, runs=3)
    git_raw = measure(["git", "--git-dir", mirror, "log", "--raw", "--format=%H", "main"], env, runs=3)
    t, mem = measure([binary, "team", "--no-fetch", "--format", "json"], env)
    rows.append((name, "team --no-fetch --format json", t * 1000, mem, ""))
    t, mem = measure([binary, "audit", "--no-fetch", "--format", "json"], env, runs=3)
    rows.append((name, "audit --no-fetch", t * 1000, mem, f"{t / git_raw[0]:.2f}x git log --raw"))
    rows.append((name, "git log --format=%ce -- updates/", git_log[0] * 1000, git_log[1], ""))
    rows.append((name, "git log --raw (every commit's diff)", git_raw[0] * 1000, git_raw[1], ""))
    shutil.rmtree(home)
    return rows


def main():
    sizes = sys.argv[1:] or ["S", "M"]
    os.chdir(ROOT)
    subprocess.run(["cargo", "build", "--release", "-q", "--bin", "async-up", "--example", "gen_team_repo"], check=True)
    binary = os.path.join(ROOT, "target/release/async-up")
    generator = os.path.join(ROOT, "target/release/examples/gen_team_repo")
    cache = os.path.join(ROOT, "target/bench-repos")
    os.makedirs(cache, exist_ok=True)
    rows = []
    for size in [s for s in sizes if s in HOSTILE]:
        members, days, options, commands = HOSTILE[size]
        repo = os.path.join(cache, f"team-{size.lower()}-{members}x{days}.git")
        if not os.path.exists(os.path.join(repo, "HEAD")):
            print(f"generating {size}: {members} members x {days} workdays {' '.join(options)} ...", file=sys.stderr)
            sh(generator, "--members", str(members), "--days", str(days), *options, repo)
        home, env, mirror = joined(binary, repo, size)
        for argv in commands:
            argv = [a.replace("{home}", home) for a in argv]
            name = " ".join(a for a in argv if a != "--no-fetch" and not a.startswith(home))
            first, first_mem = first_run([binary] + argv, env, mirror)
            rows.append((size, f"{name}, first", first * 1000, first_mem, ""))
            t, mem = measure([binary] + argv, env, runs=min(RUNS, 3))
            extra = ""
            if argv[0] == "report":
                extra = f"page {os.path.getsize(os.path.join(home, 'r.html')) / 1e6:.2f} MB"
            rows.append((size, name, t * 1000, mem, extra))
        shutil.rmtree(home)
    for size in [s for s in sizes if s in SIZES or s in SHAPES]:
        if size in SHAPES:
            rows.extend(shape(binary, generator, cache, size))
            continue
        members, days = SIZES[size]
        repo = os.path.join(cache, f"team-{members}x{days}.git")
        if not os.path.exists(os.path.join(repo, "HEAD")):
            print(f"generating {size}: {members} members x {days} workdays ...", file=sys.stderr)
            sh(generator, "--members", str(members), "--days", str(days), repo)
        home, env, mirror = joined(binary, repo, size)
        init_took = joined.took
        # Once, right after joining: builds the index and learns who last
        # committed each shown update.
        start = time.perf_counter()
        team = json.loads(sh(binary, "team", "--no-fetch", "--format", "json", env=env))
        first_read = time.perf_counter() - start
        clone_dir = os.path.join(home, "plain-clone.git")
        start = time.perf_counter()
        # What a user would run on the same path (git hardlinks a local clone).
        sh("git", "clone", "--quiet", "--bare", os.path.join(home, "remote.git"), clone_dir, env=env)
        git_clone = time.perf_counter() - start
        shutil.rmtree(clone_dir)
        tip = sh("git", "--git-dir", mirror, "rev-parse", "refs/heads/main", env=env).strip()
        wanted = [f"{tip}:updates/{u['author']}/{u['date'][:4]}/{u['date']}.toml" for u in team["updates"]]
        wanted += [f"{tip}:members/m{m:04}.toml" for m in range(members)]
        batch = os.path.join(home, "blobs.txt")
        with open(batch, "w") as f:
            f.write("\n".join(wanted) + "\n")
        git_batch = measure(["git", "--git-dir", mirror, "cat-file", "--batch"], env, stdin_file=batch)
        since = sh("date", "-u", "-d", "2026-11-24 -1 year", "+%Y-%m-%d").strip()
        log_blobs = sh("git", "--git-dir", mirror, "ls-tree", "-r", "--name-only", "main", "updates/m0002/", env=env).split()
        log_batch = os.path.join(home, "log.txt")
        with open(log_batch, "w") as f:
            f.write("\n".join(f"{tip}:{p}" for p in log_blobs if p.rsplit("/", 1)[-1] >= since) + "\n")
        git_log = measure(["git", "--git-dir", mirror, "cat-file", "--batch"], env, stdin_file=log_batch)
        git_fetch = measure(["git", "--git-dir", mirror, "fetch", "-q", "origin"], env)
        # A year of everyone's updates (what stats --since 1y reads), and this week's.
        all_files = sh("git", "--git-dir", mirror, "ls-tree", "-r", "--name-only", "main", "updates/", env=env).split()
        year_batch = os.path.join(home, "year.txt")
        with open(year_batch, "w") as f:
            f.write("\n".join(f"{tip}:{p}" for p in all_files if p.rsplit("/", 1)[-1] >= since) + "\n")
        git_year = measure(["git", "--git-dir", mirror, "cat-file", "--batch"], env, stdin_file=year_batch, runs=3)
        week_batch = os.path.join(home, "week.txt")
        with open(week_batch, "w") as f:
            f.write("\n".join(f"{tip}:{p}" for p in all_files if p.rsplit("/", 1)[-1] >= "2026-11-23") + "\n")
        git_week = measure(["git", "--git-dir", mirror, "cat-file", "--batch"], env, stdin_file=week_batch)

        def row(name, argv, baseline=None, base_name=""):
            t, mem = measure([binary] + argv, env)
            ratio = f"{t / baseline[0]:.2f}x {base_name}" if baseline else ""
            rows.append((size, name, t * 1000, mem, ratio))

        # init also writes, commits and pushes a member file: no git baseline.
        rows.append((size, "init (join), once", init_took * 1000, 0.0, ""))
        rows.append((size, "first team after init, once", first_read * 1000, 0.0, ""))
        row("--version (process floor)", ["--version"])
        row("team --no-fetch --format json", ["team", "--no-fetch", "--format", "json"], git_batch, "cat-file")
        row("team --no-fetch (table)", ["team", "--no-fetch"], git_batch, "cat-file")
        row("blockers --no-fetch", ["blockers", "--no-fetch"], git_batch, "cat-file")
        row("log m0002 --since 1y", ["log", "m0002", "--since", "1y", "--no-fetch"], git_log, "cat-file")
        row("write --no-push", ["write", "--no-push", "--today", "bench"])
        row("sync (nothing to do)", ["sync"], git_fetch, "git fetch")
        t, mem = first_run([binary, "stats", "--since", "1y", "--no-fetch"], env, mirror)
        rows.append((size, "stats --since 1y, first", t * 1000, mem, f"{t / git_year[0]:.2f}x cat-file (a year)"))
        row("stats --since 1y", ["stats", "--since", "1y", "--no-fetch"], git_year, "cat-file (a year)")
        row("digest --week", ["digest", "--week", "--no-fetch"], git_week, "cat-file (the week)")
        page = os.path.join(home, "report.html")
        t, mem = first_run([binary, "report", "--html", page, "--since", "5y", "--no-fetch"], env, mirror)
        rows.append((size, "report --since 5y, first", t * 1000, mem, ""))
        row("report --since 5y", ["report", "--html", page, "--since", "5y", "--no-fetch"])
        rows[-1] = rows[-1][:4] + (f"page {os.path.getsize(page) / 1e6:.2f} MB",)
        rows.append((size, "git cat-file --batch (a year of updates)", git_year[0] * 1000, git_year[1], ""))
        rows.append((size, "git cat-file --batch (team blobs)", git_batch[0] * 1000, git_batch[1], ""))
        rows.append((size, "git cat-file --batch (log blobs)", git_log[0] * 1000, git_log[1], ""))
        rows.append((size, "git fetch (nothing new)", git_fetch[0] * 1000, git_fetch[1], ""))
        rows.append((size, "git clone --bare (same path), once", git_clone * 1000, 0.0, ""))
        shutil.rmtree(home)

    if os.environ.get("BENCH_AGING", "1") == "1":
        rows.extend(aging(binary, cache))
    print(f"\n{'size':<5} {'command':<36} {'median ms':>10} {'peak MiB':>9}  ratio")
    for size, name, ms, mem, ratio in rows:
        print(f"{size:<5} {name:<36} {ms:>10.1f} {mem:>9.1f}  {ratio}")


if __name__ == "__main__":
    main()
