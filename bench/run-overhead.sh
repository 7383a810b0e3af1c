#!/usr/bin/env bash
# bench/run-overhead.sh — what shiprun adds per job, next to the cost of spawning bash, in one run:
#
#   spawn        200 × `bash -c true`, one after the other (the floor: a job is at least a bash)
#   chain-1      `shiprun run` of a line with 1 trivial runSh job (TASK: true)
#   chain-200    `shiprun run` of a chain of 200 (CHAIN) trivial runSh jobs (job i reads job i-1)
#
# Per-job overhead = (chain-200 − chain-1) / 199 − spawn / 200: the JVM start, the store open and
# the YAML load cancel out, what is left is everything shiprun does per job (run row, versions,
# build folder, shipctl, environment, the bash, the process-tree check, the job version). The
# goal of issues 3 and 20: ≤ 5 ms per job above the spawn cost.
#
# Each shiprun run uses a fresh home under bench/out/ and --parallel 1. RUNS repetitions (default
# 5), medians and min–max printed; the per-job figures are computed per repetition (each
# repetition times its own spawns and both chains one after the other, so a busy minute hits all
# three) and their median and min–max shown. CHAIN sets the long chain's length (default 200).
# BENCH_QUICK=1: RUNS=2, CHAIN=50 unless set. Uses the packaged CLI (./shiprun builds it when
# needed). Writes bench/out/run-overhead.rows.tsv, the row of bench/run's table.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
if bench_quick; then
  runs="${RUNS:-2}"
  long="${CHAIN:-50}"
else
  runs="${RUNS:-5}"
  long="${CHAIN:-200}"
fi
goal_ms=5
table="$out/run-overhead.table.txt"
rows_file="$out/run-overhead.rows.tsv"
work="$out/run-overhead"
mkdir -p "$out"
rm -f "$rows_file"
rm -rf "$work"
mkdir -p "$work"

chain() { # chain N DIR: a line of N runSh jobs, job i reads job i-1
  local n=$1 dir=$2 i
  mkdir -p "$dir"
  {
    echo "resources:"
    echo "  - name: go"
    echo "    type: params"
    echo "    versionTemplate: {params: {X: \"1\"}}"
    echo "jobs:"
    for ((i = 1; i <= n; i++)); do
      echo "  - name: job-$i"
      echo "    type: runSh"
      echo "    steps:"
      if ((i == 1)); then echo "      - IN: go"; else echo "      - IN: job-$((i - 1))"; fi
      echo "      - TASK:"
      echo "          script:"
      echo "            - 'true'"
    done
  } >"$dir/shippable.yml"
}
chain 1 "$work/chain-1"
chain "$long" "$work/chain-$long"

"$here/shiprun" --version >/dev/null # builds the CLI if needed, outside the timings

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
minmax() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s–%s", lo, hi }'; }

declare -a spawn one two per_job over
for ((r = 1; r <= runs; r++)); do
  start=$(now)
  for ((i = 0; i < 200; i++)); do bash -c true; done
  spawn+=("$((($(now) - start) / 1000000))")
  for n in 1 "$long"; do
    home="$work/home-$n-$r"
    start=$(now)
    "$here/shiprun" run "$work/chain-$n" --home "$home" --parallel 1 >/dev/null 2>"$work/err-$n-$r.txt" \
      || { echo "run-overhead: chain-$n failed, see $work/err-$n-$r.txt" >&2; exit 1; }
    ms=$((($(now) - start) / 1000000))
    if ((n == 1)); then one+=("$ms"); else two+=("$ms"); fi
    rm -rf "$home"
  done
  per_job+=("$(bench_calc %.2f '(b - a) / (n - 1)' a="${one[-1]}" b="${two[-1]}" n="$long")")
  over+=("$(bench_calc %.2f "p - s / 200" p="${per_job[-1]}" s="${spawn[-1]}")")
  echo "run-overhead: repetition $r of $runs: spawn×200 ${spawn[-1]} ms, chain-1 ${one[-1]} ms, chain-$long ${two[-1]} ms, ${over[-1]} ms per job above a spawn" >&2
done

s=$(printf '%s\n' "${spawn[@]}" | median)
a=$(printf '%s\n' "${one[@]}" | median)
b=$(printf '%s\n' "${two[@]}" | median)
per_spawn=$(awk -v s="$s" 'BEGIN { printf "%.2f", s / 200 }')
IFS=$'\t' read -r job_med job_lo job_hi <<<"$(printf '%s\n' "${per_job[@]}" | bench_stats %.1f)"
IFS=$'\t' read -r over_med over_lo over_hi <<<"$(printf '%s\n' "${over[@]}" | bench_stats %.1f)"
{
  echo "| figure | median | min–max | note |"
  echo "| --- | ---: | ---: | --- |"
  echo "| 200 × bash -c true | $s ms | $(printf '%s\n' "${spawn[@]}" | minmax) ms | $per_spawn ms per spawn |"
  echo "| shiprun run, 1 job | $a ms | $(printf '%s\n' "${one[@]}" | minmax) ms | JVM start, store, YAML |"
  echo "| shiprun run, $long jobs | $b ms | $(printf '%s\n' "${two[@]}" | minmax) ms | chain, --parallel 1 |"
  echo "| per job | $job_med ms | $job_lo–$job_hi ms | (chain-$long − chain-1) / $((long - 1)), per repetition |"
  echo "| per job above a spawn | $over_med ms | $over_lo–$over_hi ms | goal ≤ $goal_ms ms |"
} | tee "$table"

# The row of bench/run's table: a job next to a spawn; the goal is on the difference.
bench_rows_init "$rows_file"
bench_row "$rows_file" "shiprun run: per job, chain of $long trivial jobs" "$job_med" "$job_lo–$job_hi" ms \
  "bash -c true (one spawn)" "$per_spawn ms" "$(bench_ratio "$job_med" "$per_spawn")" \
  "issue 20: ≤ baseline + $goal_ms ms" "$(bench_verdict "$over_med" le "$goal_ms")"
