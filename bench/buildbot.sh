#!/usr/bin/env bash
# bench/buildbot.sh — shiprun's daemon next to a peer, Debian's buildbot (master and worker), in
# one run on loopback, each started fresh per repetition, with the same work and the same baseline:
#
#   drain      JOBS trivial jobs (default 1,000) queued at once by one client, spread over LINES
#              lines (default 8, as bench/daemon.sh), until the last one ended; jobs/s next to JOBS ×
#              `bash -c true` one after the other (the baseline of bench/daemon.sh's drain).
#              shiprun: runs of a runSh job with `TASK: true` over LINES lines through the API
#              (bench/daemon-client.py), the daemon's --concurrency CONCURRENCY (default nproc, as
#              bench/daemon.sh); one line's runs go one at a time. buildbot: LINES builders of one
#              ShellCommand `true`, one SingleBranchScheduler each, collapseRequests off, one worker
#              with max_builds = CONCURRENCY (a builder runs one build at a time on a worker, as a
#              line does); builds queued by changes sent over the master's PB port, what `buildbot
#              sendchange` does, on one connection (bench/buildbot-client.py; Debian's buildbot
#              has no www, hence no REST API or force scheduler over HTTP).
#              Goal (issue 20): the daemon ≥ 0.35 × the baseline AND ahead of buildbot.
#   latency    one job when idle: trigger → finished (both polled every 5 ms: the daemon's
#              GET /api/runs/{id}, buildbot's sqlite store), LATENCY_RUNS times (default 7),
#              next to one `bash -c true`
#   CPU        the CPU time each system used over the drain, per job: the daemon's JVM and its
#              scripts; buildbot's master, worker and the worker's `true` (steadier than rates on
#              a shared host)
#
# RUNS repetitions (default 3), each: the spawns, then shiprun and buildbot one after the other
# (the order alternates); medians and min–max. Everything lives in a temp folder that is removed at
# the end, and the processes are stopped, on failure and Ctrl-C too. Needs Debian's buildbot and
# buildbot-worker (installed with apt-get when missing and root), python3 and curl. Writes
# bench/out/buildbot.rows.tsv and buildbot.table.txt. BENCH_QUICK=1: RUNS=1, JOBS=50 and
# LATENCY_RUNS=3 unless set.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
if bench_quick; then
  runs="${RUNS:-1}"
  jobs="${JOBS:-50}"
  latency_runs="${LATENCY_RUNS:-3}"
else
  runs="${RUNS:-3}"
  jobs="${JOBS:-1000}"
  latency_runs="${LATENCY_RUNS:-7}"
fi
lines="${LINES:-8}"
concurrency="${CONCURRENCY:-$(nproc)}"
table="$out/buildbot.table.txt"
rows_file="$out/buildbot.rows.tsv"
mkdir -p "$out"
rm -f "$rows_file" "$table"
token="made-up-bench-token"
export SHIPRUN_API_TOKEN="$token"

fix="as root: apt-get update && apt-get install -y buildbot buildbot-worker"
if ! command -v buildbot >/dev/null || ! command -v buildbot-worker >/dev/null; then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "bench/buildbot.sh: installing Debian's buildbot and buildbot-worker (apt-get update; apt-get install -y buildbot buildbot-worker) ..." >&2
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q buildbot buildbot-worker; } \
      >/dev/null 2>&1 || true
  fi
fi
if ! command -v buildbot >/dev/null || ! command -v buildbot-worker >/dev/null; then
  echo "bench/buildbot.sh: needs Debian's buildbot and buildbot-worker, which are not installed and cannot be installed by this user; $fix" >&2
  exit 1
fi
# The client speaks buildbot's PB with twisted: buildbot's own interpreter has it.
bb_python="$(head -n 1 "$(command -v buildbot)" | sed 's/^#! *//; s/ .*//')"
if ! "$bb_python" -c 'import twisted.spread.pb, buildbot' 2>/dev/null; then
  echo "bench/buildbot.sh: $bb_python (buildbot's interpreter) cannot import twisted and buildbot; reinstall them, $fix" >&2
  exit 1
fi
bb_version="$(buildbot --version 2>/dev/null | awk '/Buildbot version/ { print $3 }')"

"$here/shiprun" --version >/dev/null # builds the CLI if needed, outside the timings
bench_daemon_warm "$here" # records the daemon's class-data archive, outside the timings

work="$(mktemp -d "${TMPDIR:-/tmp}/bench-buildbot.XXXXXX")"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  rm -rf "$work"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# stop PID…: stops those processes (TERM) and waits for them.
stop() {
  local pid keep=() p
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
  for p in "${pids[@]}"; do [[ " $* " == *" $p "* ]] || keep+=("$p"); done
  pids=("${keep[@]}")
}

# wait_for FILE PATTERN COUNT PID WHAT: waits (≤ 120 s) until FILE has COUNT lines matching PATTERN;
# fails with FILE's end when PID died first or the time ran out.
wait_for() {
  local file=$1 pattern=$2 count=$3 pid=$4 what=$5 deadline=$((SECONDS + 120))
  until [[ -f $file && $(grep -c -- "$pattern" "$file" || true) -ge $count ]]; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS > deadline)); then
      echo "bench/buildbot.sh: $what did not come up; the end of $file:" >&2
      tail -n 30 "$file" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.05
  done
}

tick_ms=$((1000 / $(getconf CLK_TCK)))
# cpu_ms BEFORE AFTER: CPU milliseconds per job between two sums of clock ticks
cpu_ms() { bench_calc %.1f '(b - a) * ms / n' a="$1" b="$2" ms="$tick_ms" n="$jobs"; }
# ticks PID…: the sum of their CPU and of their waited-for children, in clock ticks
ticks() {
  local pid own kids sum=0
  for pid in "$@"; do
    read -r own kids < <(bench_cpu_ticks "$pid")
    sum=$((sum + own + kids))
  done
  echo "$sum"
}

spawn_s=() s_lat=() s_rate=() s_cpu=() b_lat=() b_rate=() b_cpu=()

shiprun_side() { # shiprun_side REPETITION
  local r=$1 port home log daemon result queued took c0 c1
  port="$(bench_free_port)"
  home="$work/shiprun-home-$r"
  log="$work/daemon-$r.log"
  bench_daemon_start "$here" "$port" "$home" "$concurrency" "$log"
  daemon=$bench_daemon_pid
  pids+=("$daemon")
  bench_daemon_wait "$port" /q/health/ready "$log" ok
  sleep 3
  result="$(python3 "$here/bench/daemon-client.py" latency "$port" "$token" "$latency_runs")" \
    || { echo "bench/buildbot.sh: shiprun's latency failed; the end of its log:" >&2; tail -n 30 "$log" >&2; return 1; }
  mapfile -t -O "${#s_lat[@]}" s_lat <<<"$result"
  c0="$(ticks "$daemon")"
  result="$(python3 "$here/bench/daemon-client.py" drain "$port" "$token" "$jobs" "$lines")" \
    || { echo "bench/buildbot.sh: shiprun's drain failed; the end of its log:" >&2; tail -n 30 "$log" >&2; return 1; }
  c1="$(ticks "$daemon")"
  read -r queued took <<<"$result"
  s_rate+=("$(bench_calc %.1f 'n / s' n="$jobs" s="$took")")
  s_cpu+=("$(cpu_ms "$c0" "$c1")")
  echo "bench/buildbot.sh: repetition $r, shiprun: drain ${s_rate[-1]} jobs/s (queued in $queued s), CPU ${s_cpu[-1]} ms per job" >&2
  stop "$daemon"
}

buildbot_side() { # buildbot_side REPETITION
  local r=$1 port mpid wpid result queued took c0 c1
  local master="$work/master-$r" worker="$work/worker-$r"
  port="$(bench_free_port)"
  buildbot create-master -q "$master" >/dev/null
  cat >"$master/master.cfg" <<EOF
# bench/buildbot.sh's master: $lines builders of one trivial shell step on one local worker.
from buildbot.plugins import changes, schedulers, steps, util, worker

c = BuildmasterConfig = {}
c['buildbotNetUsageData'] = None
c['title'] = 'bench'
c['buildbotURL'] = 'http://127.0.0.1/'
c['db'] = {'db_url': 'sqlite:///state.sqlite'}
c['protocols'] = {'pb': {'port': 'tcp:$port:interface=127.0.0.1'}}
c['workers'] = [worker.Worker('w', 'made-up-worker-pass', max_builds=$concurrency)]
c['change_source'] = [changes.PBChangeSource(user='bench', passwd='made-up-change-pass')]
# One build per change, as one run per trigger: buildbot merges queued requests unless told not to.
c['collapseRequests'] = False
factory = util.BuildFactory([steps.ShellCommand(command=['true'], name='true')])
names = ['line-%d' % i for i in range($lines)]
c['builders'] = [util.BuilderConfig(name=n, workernames=['w'], factory=factory) for n in names]
c['schedulers'] = [
    schedulers.SingleBranchScheduler(name=n, builderNames=[n], treeStableTimer=None,
                                     change_filter=util.ChangeFilter(branch=n))
    for n in names]
EOF
  buildbot checkconfig "$master" >/dev/null
  buildbot start --nodaemon "$master" >"$work/master-$r.out" 2>&1 &
  mpid=$!
  pids+=("$mpid")
  wait_for "$master/twistd.log" "BuildMaster is running" 1 "$mpid" "buildbot's master"
  buildbot-worker create-worker -q "$worker" "127.0.0.1:$port" w made-up-worker-pass >/dev/null
  buildbot-worker start --nodaemon "$worker" >"$work/worker-$r.out" 2>&1 &
  wpid=$!
  pids+=("$wpid")
  wait_for "$master/twistd.log" "Worker w attached to" "$lines" "$wpid" "buildbot's worker"
  sleep 3
  result="$("$bb_python" "$here/bench/buildbot-client.py" "$port" "$master/state.sqlite" latency "$latency_runs")" \
    || { echo "bench/buildbot.sh: buildbot's latency failed; the end of its log:" >&2; tail -n 30 "$master/twistd.log" >&2; return 1; }
  mapfile -t -O "${#b_lat[@]}" b_lat <<<"$result"
  c0="$(ticks "$mpid" "$wpid")"
  result="$("$bb_python" "$here/bench/buildbot-client.py" "$port" "$master/state.sqlite" drain "$jobs" "$lines")" \
    || { echo "bench/buildbot.sh: buildbot's drain failed; the end of its log:" >&2; tail -n 30 "$master/twistd.log" >&2; return 1; }
  c1="$(ticks "$mpid" "$wpid")"
  read -r queued took <<<"$result"
  b_rate+=("$(bench_calc %.1f 'n / s' n="$jobs" s="$took")")
  b_cpu+=("$(cpu_ms "$c0" "$c1")")
  echo "bench/buildbot.sh: repetition $r, buildbot: drain ${b_rate[-1]} builds/s (queued in $queued s), CPU ${b_cpu[-1]} ms per build" >&2
  stop "$wpid" "$mpid"
}

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= runs; r++)); do
  echo "bench/buildbot.sh: repetition $r of $runs: $jobs × bash -c true ..." >&2
  spawn_s+=("$(bench_spawns "$jobs")")
  if ((r % 2)); then
    shiprun_side "$r"
    buildbot_side "$r"
  else
    buildbot_side "$r"
    shiprun_side "$r"
  fi
done
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

stats() { printf '%s\n' "$@" | bench_stats "${format:-%.1f}"; }
IFS=$'\t' read -r spawn _ _ <<<"$(format=%.3f stats "${spawn_s[@]}")"
spawn_rate="$(bench_calc %.1f 'n / s' n="$jobs" s="$spawn")"
spawn_ms="$(bench_calc %.2f 's * 1000 / n' n="$jobs" s="$spawn")"
# The statistics of latencies given in seconds, in milliseconds.
stats_ms() {
  local v ms=()
  for v in "$@"; do ms+=("$(bench_calc %.1f 'v * 1000' v="$v")"); done
  stats "${ms[@]}"
}
IFS=$'\t' read -r sl sl_lo sl_hi <<<"$(stats_ms "${s_lat[@]}")"
IFS=$'\t' read -r bl bl_lo bl_hi <<<"$(stats_ms "${b_lat[@]}")"
IFS=$'\t' read -r sr sr_lo sr_hi <<<"$(stats "${s_rate[@]}")"
IFS=$'\t' read -r br br_lo br_hi <<<"$(stats "${b_rate[@]}")"
IFS=$'\t' read -r sc sc_lo sc_hi <<<"$(stats "${s_cpu[@]}")"
IFS=$'\t' read -r bc bc_lo bc_hi <<<"$(stats "${b_cpu[@]}")"
s_share="$(bench_calc %.4f 'a / b' a="$sr" b="$spawn_rate")"
verdict=MISS
if [[ $(bench_verdict "$s_share" ge 0.35) == PASS && $(bench_verdict "$sr" gt "$br") == PASS ]]; then
  verdict=PASS
fi

{
  echo "shiprun's daemon next to buildbot $bb_version ($(date -u +%FT%TZ), $(nproc) cores, load $load_start at the start, $load_end at the end;"
  echo "$runs repetitions, $jobs jobs over $lines lines/builders, concurrency/max_builds $concurrency, $latency_runs latencies per repetition)"
  printf '%-36s %-26s %-26s %-28s %s\n' figure shiprun buildbot "bash -c true" "shiprun ÷ buildbot"
  printf '%-36s %-26s %-26s %-28s %s\n' "drain of $jobs trivial jobs" "$sr jobs/s ($sr_lo–$sr_hi)" \
    "$br builds/s ($br_lo–$br_hi)" "$spawn_rate/s one after another" "$(bench_ratio "$sr" "$br")"
  printf '%-36s %-26s %-26s %-28s %s\n' "  as a share of the spawns" "$(bench_ratio "$sr" "$spawn_rate")×" \
    "$(bench_ratio "$br" "$spawn_rate")×" "goal: shiprun ≥ 0.35× and ahead" "$verdict"
  printf '%-36s %-26s %-26s %-28s %s\n' "one job when idle, trigger → end" "$sl ms ($sl_lo–$sl_hi)" \
    "$bl ms ($bl_lo–$bl_hi)" "$spawn_ms ms per spawn" "$(bench_ratio "$sl" "$bl")"
  printf '%-36s %-26s %-26s %-28s %s\n' "CPU per job over the drain" "$sc ms ($sc_lo–$sc_hi)" \
    "$bc ms ($bc_lo–$bc_hi)" "—" "$(bench_ratio "$sc" "$bc")"
} | tee "$table"

bench_rows_init "$rows_file"
bench_row "$rows_file" "daemon: drain of $jobs trivial jobs next to buildbot ($lines lines, concurrency $concurrency)" \
  "$sr" "$sr_lo–$sr_hi" jobs/s "bash -c true, one after another" "$spawn_rate/s" "$(bench_ratio "$sr" "$spawn_rate")" \
  "issue 20: ≥ 0.35 × baseline and ahead of buildbot ($br/s)" "$verdict"
bench_row "$rows_file" "buildbot: drain of $jobs trivial builds ($lines builders, max_builds $concurrency)" \
  "$br" "$br_lo–$br_hi" builds/s "bash -c true, one after another" "$spawn_rate/s" "$(bench_ratio "$br" "$spawn_rate")" "—" "—"
bench_row "$rows_file" "daemon: one run's latency when idle (trigger → end)" "$sl" "$sl_lo–$sl_hi" ms \
  "bash -c true (one spawn)" "$spawn_ms ms" "$(bench_ratio "$sl" "$spawn_ms")" "—" "—"
bench_row "$rows_file" "buildbot: one build's latency when idle (change → end)" "$bl" "$bl_lo–$bl_hi" ms \
  "bash -c true (one spawn)" "$spawn_ms ms" "$(bench_ratio "$bl" "$spawn_ms")" "—" "—"
bench_row "$rows_file" "daemon: CPU per job over the drain (JVM + scripts)" "$sc" "$sc_lo–$sc_hi" ms \
  "—" "—" "—" "—" "—"
bench_row "$rows_file" "buildbot: CPU per build over the drain (master + worker + true)" "$bc" "$bc_lo–$bc_hi" ms \
  "—" "—" "—" "—" "—"
