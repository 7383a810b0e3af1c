#!/usr/bin/env bash
# bench/daemon.sh — the daemon's figures, each next to a baseline measured in the same run:
#
#   first answer   time from starting `shiprun daemon` (new home) to its first HTTP answer of any
#                  kind, and to its first 200 on /q/health/ready (the store open and migrated,
#                  the workers started), next to `java -version` (the floor of any JVM start)
#   idle RSS       the daemon's resident memory after it answered and sat idle 3 s, next to a JVM
#                  that only sleeps (same java, same heap defaults); goal ≤ 150 MB
#   drain          1,000 trivial jobs (TASK: true) triggered through the API as fast as one client
#                  can, spread over LINES lines (one line's runs go one at a time), until the last
#                  one ended; jobs/s next to 1,000 × `bash -c true` one after the other; goal
#                  ≥ 200 jobs/s on 2 cores; and the CPU time the daemon's JVM and its scripts used
#                  over the drain, per job (steadier than rates on a shared host)
#
# RUNS repetitions (default 3), medians and min–max. Fresh home per repetition under bench/out/.
# Needs python3 (an HTTP client with keep-alive) and curl. Writes bench/out/daemon.rows.tsv, the
# rows of bench/run's table. BENCH_QUICK=1: RUNS=1 and JOBS=100 unless set.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
if bench_quick; then
  runs="${RUNS:-1}"
  jobs="${JOBS:-100}"
else
  runs="${RUNS:-3}"
  jobs="${JOBS:-1000}"
fi
lines="${LINES:-8}"
concurrency="${CONCURRENCY:-$(nproc)}"
table="$out/daemon.table.txt"
rows_file="$out/daemon.rows.tsv"
work="$out/daemon"
mkdir -p "$out"
rm -f "$rows_file"
rm -rf "$work"
mkdir -p "$work"
token="made-up-bench-token"
export SHIPRUN_API_TOKEN="$token"

"$here/shiprun" --version >/dev/null # builds the CLI if needed, outside the timings

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
minmax() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s–%s", lo, hi }'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_mib() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# user+system CPU of a process, and of its children it waited for, in clock ticks
cpu_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13, $14 + $15 }' "/proc/$1/stat"; }

cat >"$work/Sleep.java" <<'JAVA'
public class Sleep {
  public static void main(String[] args) throws Exception {
    System.out.println("ready");
    Thread.sleep(600_000);
  }
}
JAVA
javac -d "$work" "$work/Sleep.java"

cat >"$work/drain.py" <<'PY'
import http.client, json, sys, time
port, token, jobs, lines = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
h = {"Authorization": "Bearer " + token}
c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
def call(method, path, body=None, ctype=None):
    headers = dict(h)
    if ctype:
        headers["Content-Type"] = ctype
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse()
    return r.status, r.read()
line = "resources:\n  - name: go\n    type: params\n    versionTemplate: {params: {X: \"1\"}}\njobs:\n  - name: t\n    type: runSh\n    steps:\n      - IN: go\n      - TASK: {script: ['true']}\n"
for i in range(lines):
    s, b = call("PUT", "/api/lines/drain-%d" % i, line, "application/yaml")
    assert s in (200, 201), (s, b)
start = time.monotonic()
for i in range(jobs):
    s, b = call("POST", "/api/lines/drain-%d/jobs/t/runs" % (i % lines))
    assert s == 202, (s, b)
queued = time.monotonic() - start
# Done when no run is queued and none is processing (every trigger was queued before this, and a
# queued run leaves that status only to process). Two answers of at most one run each: listing
# the ended runs at every poll, as this script first did, cost the daemon more than a job.
def waiting():
    for st in ("queued", "processing"):
        s, b = call("GET", "/api/runs?status=%s&limit=1" % st)
        if json.loads(b):
            return True
    return False
while waiting():
    time.sleep(0.05)
took = time.monotonic() - start
for st in ("failure", "error", "cancelled", "timeout", "interrupted"):
    s, b = call("GET", "/api/runs?status=%s&limit=1" % st)
    if json.loads(b):
        sys.exit("some runs ended %s" % st)
print("%.3f %.3f" % (queued, took))
PY

java_bin="$(command -v java)"
declare -a first_ms ready_ms jv_ms rss base_rss drain_s spawn_s trig_s cpu_ms child_ms
for ((r = 1; r <= runs; r++)); do
  # Baselines first: java -version, a sleeping JVM, 1,000 bash spawns.
  start=$(now); "$java_bin" -version >/dev/null 2>&1; jv_ms+=("$((($(now) - start) / 1000000))")
  "$java_bin" -cp "$work" Sleep >"$work/sleep.out" &
  sleeper=$!
  until [[ -s "$work/sleep.out" ]]; do sleep 0.05; done
  sleep 3
  base_rss+=("$(rss_mib "$sleeper")")
  kill "$sleeper"; wait "$sleeper" 2>/dev/null || true
  start=$(now); for ((i = 0; i < jobs; i++)); do bash -c true; done
  spawn_s+=("$(awk -v ns="$(($(now) - start))" 'BEGIN { printf "%.3f", ns / 1e9 }')")

  home="$work/home-$r"
  port="$(free_port)"
  start=$(now)
  "$here/shiprun" daemon --port "$port" --home "$home" --concurrency "$concurrency" \
    2>"$work/daemon-$r.err" &
  daemon=$!
  trap 'kill -TERM "$daemon" 2>/dev/null || true' EXIT
  until curl -s -o /dev/null "http://127.0.0.1:$port/q/health/live" 2>/dev/null; do
    kill -0 "$daemon" 2>/dev/null || { cat "$work/daemon-$r.err" >&2; exit 1; }
    sleep 0.01
  done
  first_ms+=("$((($(now) - start) / 1000000))")
  until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$daemon" 2>/dev/null || { cat "$work/daemon-$r.err" >&2; exit 1; }
    sleep 0.01
  done
  ready_ms+=("$((($(now) - start) / 1000000))")
  # The launcher is a bash script that execs java: the daemon's pid is the JVM's.
  sleep 3
  rss+=("$(rss_mib "$daemon")")
  read -r jvm0 kids0 < <(cpu_ticks "$daemon")
  if ! result="$(python3 "$work/drain.py" "$port" "$token" "$jobs" "$lines")"; then
    echo "bench/daemon.sh: the drain failed (see $work/daemon-$r.err)" >&2
    exit 1
  fi
  read -r queued took <<<"$result"
  read -r jvm1 kids1 < <(cpu_ticks "$daemon")
  tick_ms=$((1000 / $(getconf CLK_TCK)))
  cpu_ms+=("$(awk -v t=$((jvm1 - jvm0)) -v ms="$tick_ms" -v n="$jobs" 'BEGIN { printf "%.1f", t * ms / n }')")
  child_ms+=("$(awk -v t=$((kids1 - kids0)) -v ms="$tick_ms" -v n="$jobs" 'BEGIN { printf "%.1f", t * ms / n }')")
  drain_s+=("$took")
  trig_s+=("$queued")
  kill -TERM "$daemon"; wait "$daemon" || true
  trap - EXIT
done

rate() { awk -v n="$jobs" -v s="$1" 'BEGIN { printf "%.1f", n / s }'; }
m_first=$(printf '%s\n' "${first_ms[@]}" | median)
m_ready=$(printf '%s\n' "${ready_ms[@]}" | median)
m_jv=$(printf '%s\n' "${jv_ms[@]}" | median)
m_rss=$(printf '%s\n' "${rss[@]}" | median)
m_base=$(printf '%s\n' "${base_rss[@]}" | median)
m_drain=$(printf '%s\n' "${drain_s[@]}" | median)
m_spawn=$(printf '%s\n' "${spawn_s[@]}" | median)
m_trig=$(printf '%s\n' "${trig_s[@]}" | median)
m_cpu=$(printf '%s\n' "${cpu_ms[@]}" | median)
m_child=$(printf '%s\n' "${child_ms[@]}" | median)
{
  echo "daemon ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $runs runs, concurrency $concurrency, $lines lines)"
  printf '%-34s %-22s %-28s %-10s %s\n' figure shiprun baseline ratio goal
  printf '%-34s %-22s %-28s %-10s %s\n' "first HTTP answer after start" \
    "$m_first ms ($(printf '%s\n' "${first_ms[@]}" | minmax))" \
    "java -version $m_jv ms" "$(awk -v a="$m_first" -v b="$m_jv" 'BEGIN { printf "%.1f×", a / b }')" "—"
  printf '%-34s %-22s %-28s %-10s %s\n' "ready (store open, workers up)" \
    "$m_ready ms ($(printf '%s\n' "${ready_ms[@]}" | minmax))" \
    "java -version $m_jv ms" "$(awk -v a="$m_ready" -v b="$m_jv" 'BEGIN { printf "%.1f×", a / b }')" "—"
  printf '%-34s %-22s %-28s %-10s %s\n' "idle RSS" \
    "$m_rss MiB ($(printf '%s\n' "${rss[@]}" | minmax))" \
    "sleeping JVM $m_base MiB" "$(awk -v a="$m_rss" -v b="$m_base" 'BEGIN { printf "%.1f×", a / b }')" "≤ 150 MB"
  printf '%-34s %-22s %-28s %-10s %s\n' "drain $jobs trivial jobs" \
    "$(rate "$m_drain") jobs/s ($m_drain s)" \
    "bash -c true: $(rate "$m_spawn")/s" "$(awk -v a="$m_spawn" -v b="$m_drain" 'BEGIN { printf "%.2f", a / b }')" "≥ 200 jobs/s"
  printf '%-34s %-22s\n' "  of which triggering (one client)" "$(rate "$m_trig") triggers/s ($m_trig s)"
  printf '%-34s %-22s\n' "  CPU per job: the daemon's JVM" "$m_cpu ms ($(printf '%s\n' "${cpu_ms[@]}" | minmax)); its scripts (setsid, bash) $m_child ms"
} | tee "$table"

# The rows of bench/run's table. The goal says 150 MB: 150 × 10^6 bytes = 143.05 MiB.
bench_rows_init "$rows_file"
bench_row "$rows_file" "daemon: first HTTP answer after start" "$m_first" "$(printf '%s\n' "${first_ms[@]}" | minmax)" ms \
  "java -version" "$m_jv ms" "$(bench_ratio "$m_first" "$m_jv")" "—" "—"
bench_row "$rows_file" "daemon: ready (store open, workers up)" "$m_ready" "$(printf '%s\n' "${ready_ms[@]}" | minmax)" ms \
  "java -version" "$m_jv ms" "$(bench_ratio "$m_ready" "$m_jv")" "—" "—"
bench_row "$rows_file" "daemon: idle RSS" "$m_rss" "$(printf '%s\n' "${rss[@]}" | minmax)" MiB \
  "a sleeping JVM" "$m_base MiB" "$(bench_ratio "$m_rss" "$m_base")" "≤ 150 MB (143.1 MiB)" \
  "$(bench_verdict "$m_rss" le 143.05)"
rates=()
for took in "${drain_s[@]}"; do rates+=("$(rate "$took")"); done
IFS=$'\t' read -r rate_med rate_lo rate_hi <<<"$(printf '%s\n' "${rates[@]}" | bench_stats %.1f)"
bench_row "$rows_file" "daemon: drain of $jobs trivial jobs ($lines lines, concurrency $concurrency)" \
  "$rate_med" "$rate_lo–$rate_hi" "jobs/s" "bash -c true, one after another" "$(rate "$m_spawn")/s" \
  "$(bench_ratio "$rate_med" "$(rate "$m_spawn")")" "≥ 200 jobs/s" "$(bench_verdict "$rate_med" ge 200)"
