#!/usr/bin/env bash
# bench/daemon.sh — the daemon's figures, each next to a baseline measured in the same run:
#
#   first answer   time from starting `shiprun daemon` (new home) to its first HTTP answer of any
#                  kind, and to its first 200 on /q/health/ready (the store open and migrated,
#                  the workers started), next to `java -version` (the floor of any JVM start);
#                  goal (issue 20): ready ≤ 1 s
#   idle RSS       the daemon's resident memory after it answered and sat idle 3 s, next to a JVM
#                  that only sleeps (same java, same heap defaults); goal (issue 20) ≤ 100 MB
#   drain          1,000 trivial jobs (TASK: true) triggered through the API as fast as one client
#                  can (bench/daemon-client.py), spread over LINES lines (one line's runs go one at
#                  a time), until the last one ended; jobs/s next to 1,000 × `bash -c true` one
#                  after the other; goal (issue 20) ≥ 0.35 × that rate (bench/buildbot.sh adds
#                  "and ahead of buildbot"); and the CPU time the daemon's JVM and its scripts used
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
bench_daemon_warm "$here" # records the daemon's class-data archive, outside the timings

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
minmax() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s–%s", lo, hi }'; }
rss_mib() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

cat >"$work/Sleep.java" <<'JAVA'
public class Sleep {
  public static void main(String[] args) throws Exception {
    System.out.println("ready");
    Thread.sleep(600_000);
  }
}
JAVA
javac -d "$work" "$work/Sleep.java"

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
  spawn_s+=("$(bench_spawns "$jobs")")

  home="$work/home-$r"
  port="$(bench_free_port)"
  start=$(now)
  bench_daemon_start "$here" "$port" "$home" "$concurrency" "$work/daemon-$r.err"
  daemon=$bench_daemon_pid
  trap 'kill -TERM "$daemon" 2>/dev/null || true' EXIT
  bench_daemon_wait "$port" /q/health/live "$work/daemon-$r.err"
  first_ms+=("$((($(now) - start) / 1000000))")
  bench_daemon_wait "$port" /q/health/ready "$work/daemon-$r.err" ok
  ready_ms+=("$((($(now) - start) / 1000000))")
  sleep 3
  rss+=("$(rss_mib "$daemon")")
  read -r jvm0 kids0 < <(bench_cpu_ticks "$daemon")
  if ! result="$(python3 "$here/bench/daemon-client.py" drain "$port" "$token" "$jobs" "$lines")"; then
    echo "bench/daemon.sh: the drain failed (see $work/daemon-$r.err)" >&2
    exit 1
  fi
  read -r queued took <<<"$result"
  read -r jvm1 kids1 < <(bench_cpu_ticks "$daemon")
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
    "java -version $m_jv ms" "$(awk -v a="$m_ready" -v b="$m_jv" 'BEGIN { printf "%.1f×", a / b }')" "≤ 1 s"
  printf '%-34s %-22s %-28s %-10s %s\n' "idle RSS" \
    "$m_rss MiB ($(printf '%s\n' "${rss[@]}" | minmax))" \
    "sleeping JVM $m_base MiB" "$(awk -v a="$m_rss" -v b="$m_base" 'BEGIN { printf "%.1f×", a / b }')" "≤ 100 MB"
  printf '%-34s %-22s %-28s %-10s %s\n' "drain $jobs trivial jobs" \
    "$(rate "$m_drain") jobs/s ($m_drain s)" \
    "bash -c true: $(rate "$m_spawn")/s" "$(awk -v a="$m_spawn" -v b="$m_drain" 'BEGIN { printf "%.2f", a / b }')" "≥ 0.35"
  printf '%-34s %-22s\n' "  of which triggering (one client)" "$(rate "$m_trig") triggers/s ($m_trig s)"
  printf '%-34s %-22s\n' "  CPU per job: the daemon's JVM" "$m_cpu ms ($(printf '%s\n' "${cpu_ms[@]}" | minmax)); its scripts (setsid, bash) $m_child ms"
} | tee "$table"

# The rows of bench/run's table, with issue 20's goals. 100 MB = 100 × 10^6 bytes = 95.37 MiB.
bench_rows_init "$rows_file"
bench_row "$rows_file" "daemon: first HTTP answer after start" "$m_first" "$(printf '%s\n' "${first_ms[@]}" | minmax)" ms \
  "java -version" "$m_jv ms" "$(bench_ratio "$m_first" "$m_jv")" "—" "—"
bench_row "$rows_file" "daemon: ready (store open, workers up)" "$m_ready" "$(printf '%s\n' "${ready_ms[@]}" | minmax)" ms \
  "java -version" "$m_jv ms" "$(bench_ratio "$m_ready" "$m_jv")" "issue 20: ≤ 1 s" "$(bench_verdict "$m_ready" le 1000)"
bench_row "$rows_file" "daemon: idle RSS" "$m_rss" "$(printf '%s\n' "${rss[@]}" | minmax)" MiB \
  "a sleeping JVM" "$m_base MiB" "$(bench_ratio "$m_rss" "$m_base")" "issue 20: ≤ 100 MB (95.37 MiB)" \
  "$(bench_verdict "$m_rss" le 95.37)"
rates=()
for took in "${drain_s[@]}"; do rates+=("$(rate "$took")"); done
IFS=$'\t' read -r rate_med rate_lo rate_hi <<<"$(printf '%s\n' "${rates[@]}" | bench_stats %.1f)"
bench_row "$rows_file" "daemon: drain of $jobs trivial jobs ($lines lines, concurrency $concurrency)" \
  "$rate_med" "$rate_lo–$rate_hi" "jobs/s" "bash -c true, one after another" "$(rate "$m_spawn")/s" \
  "$(bench_ratio "$rate_med" "$(rate "$m_spawn")")" "issue 20: ≥ 0.35 × baseline" \
  "$(bench_verdict "$(bench_calc %.4f 'a / b' a="$rate_med" b="$(rate "$m_spawn")")" ge 0.35)"
