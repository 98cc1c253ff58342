#!/usr/bin/env bash
# Many writers against one bare remote: every acknowledged update must land.
#
#   benches/writers.sh [--daemon] [--transport git|libgit2]
#   WRITERS=32 WRITES=10 benches/writers.sh
#
# Each writer has its own HOME and mirror and writes WRITES updates (one per
# date) as fast as it can, all writers at once. Prints writers, updates
# acknowledged (exit 0 and "pushed"), updates on the remote, lost (must be
# 0), writes reported offline ("could not reach": must be 0 while the server
# is up), push attempts per write (median and max) and wall time. Figures
# only: nothing here is asserted by the test suite.
#
# The burst case of issue #12: 100 writers at the same moment against a git
# daemon with its default limit of 32 connections, which kills connections
# over the limit (all come from 127.0.0.1):
#
#   WRITERS=100 WRITES=1 benches/writers.sh --daemon
set -euo pipefail
cd "$(dirname "$0")/.."

WRITERS=${WRITERS:-32}
WRITES=${WRITES:-10}
DAEMON=0
TRANSPORT=git
while [ $# -gt 0 ]; do
  case "$1" in
    --daemon) DAEMON=1 ;;
    --transport) TRANSPORT=$2; shift ;;
    *) echo "usage: $0 [--daemon] [--transport git|libgit2]" >&2; exit 2 ;;
  esac
  shift
done

cargo build --release --quiet
BIN=$PWD/target/release/async-up
TMP=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "keeping $TMP"
DAEMON_PID=
cleanup() { [ -n "$DAEMON_PID" ] && kill "$DAEMON_PID" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$TMP"; }
trap cleanup EXIT

export GIT_CONFIG_NOSYSTEM=1
git init --quiet --bare -b main "$TMP/served/team.git"
URL=$TMP/served/team.git
if [ "$DAEMON" = 1 ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  # git-daemon itself, not `git daemon`, so killing it leaves nothing behind.
  GIT_CONFIG_GLOBAL=/dev/null "$(git --exec-path)/git-daemon" --export-all --enable=receive-pack --reuseaddr \
    --listen=127.0.0.1 --port="$PORT" --base-path="$TMP/served" "$TMP/served" >/dev/null 2>&1 &
  DAEMON_PID=$!
  for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.05; done
  URL=git://127.0.0.1:$PORT/team.git
fi

as_writer() { # i, command...
  local i=$1; shift
  local home=$TMP/w$i
  env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    GIT_CONFIG_GLOBAL="$home/.gitconfig" GIT_CONFIG_NOSYSTEM=1 TZ=UTC \
    ASYNC_UP_TRANSPORT="$TRANSPORT" ASYNC_UP_NOW=2026-11-24T09:00:00Z "$@"
}

for i in $(seq -w 1 "$WRITERS"); do
  mkdir -p "$TMP/w$i"
  printf '[user]\n\tname = Writer %s\n\temail = w%s@example.com\n' "$i" "$i" > "$TMP/w$i/.gitconfig"
  as_writer "$i" "$BIN" -q init "$URL"
done

start=$(date +%s.%N)
pids=()
for i in $(seq -w 1 "$WRITERS"); do
  (
    for j in $(seq -f %02g 1 "$WRITES"); do
      if ! out=$(as_writer "$i" "$BIN" write --date "2026-10-$j" --today "w$i day $j" 2>&1); then
        echo "fail w$i 2026-10-$j $(tr '\n' ' ' <<<"$out")"
      elif grep -q "could not reach" <<<"$out"; then
        echo "offline w$i 2026-10-$j $(tr '\n' ' ' <<<"$out")"
      elif grep -q "pushed" <<<"$out"; then
        attempts=$(sed -n 's/.* after \([0-9]*\) attempts.*/\1/p' <<<"$out")
        echo "ok w$i 2026-10-$j ${attempts:-1}"
      else
        echo "fail w$i 2026-10-$j $(tr '\n' ' ' <<<"$out")"
      fi
    done > "$TMP/result-$i"
  ) &
  pids+=($!)
done
wait "${pids[@]}"
end=$(date +%s.%N)

cat "$TMP"/result-* > "$TMP/all"
acked=$(grep -c '^ok' "$TMP/all" || true)
on_remote=$(git --git-dir="$TMP/served/team.git" ls-tree -r --name-only main updates | wc -l)
lost=0
while read -r _ who date _; do
  git --git-dir="$TMP/served/team.git" cat-file -e "main:updates/$who/2026/$date.toml" 2>/dev/null || lost=$((lost + 1))
done < <(grep '^ok' "$TMP/all")
read -r median max < <(grep '^ok' "$TMP/all" | awk '{print $4}' | sort -n |
  awk '{a[NR]=$1} END {if (NR==0) {print "- -"} else {print a[int((NR+1)/2)], a[NR]}}')
fsck=clean
git --git-dir="$TMP/served/team.git" fsck --full --no-dangling >/dev/null 2>&1 || fsck=FAILED

printf '%-28s %s\n' \
  "transport" "$TRANSPORT $( [ "$DAEMON" = 1 ] && echo "over git://" || echo "over a path")" \
  "writers" "$WRITERS" \
  "writes each" "$WRITES" \
  "updates acknowledged" "$acked" \
  "updates on the remote" "$on_remote" \
  "lost" "$lost" \
  "push attempts (median/max)" "$median/$max" \
  "failed writes" "$(grep -c '^fail' "$TMP/all" || true)" \
  "reported offline" "$(grep -c '^offline' "$TMP/all" || true)" \
  "remote fsck" "$fsck" \
  "wall time" "$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f s", e - s}')"
grep -E '^(fail|offline)' "$TMP/all" | head -3 || true
