#!/usr/bin/env bash
# bench/cli-start.sh — wall time of a short CLI command next to the bare JVM, in one run:
#
#   java -version                    the baseline: a JVM that starts and stops
#   ./shiprun --help                 the launcher and the CLI's start, no pipeline work; goal
#                                    (issue 20) ≤ 0.3 s
#   ./shiprun validate <sample>      goal (issue 2) ≤ 0.5 s on Java 17 with 2 cores
#   ./shiprun run samples/params-state --home H
#                                    the README's first command end to end (one trivial job, the
#                                    store opened, the run recorded), with a home H kept between
#                                    the runs (under bench/out/, new at each start of this script)
#                                    as a user's is; goal (issue 20) ≤ 0.6 s
#
# <sample> is the first directory under samples/ (sorted) that holds shippable.yml or
# shippable.jobs.yml, else runner/src/test/resources/fixtures/valid; SAMPLE=DIR chooses another.
# RUN_SAMPLE=DIR runs another line than samples/params-state.
# Times come from hyperfine (--warmup 3 --runs 15, JSON into bench/out/); when hyperfine is
# missing it is installed with apt-get (as root), and when that fails a bash loop times 15 runs
# after 3 warm-ups with date +%s%N. Medians, min–max, and ratios to `java -version` are printed,
# and bench/out/cli-start.rows.tsv gets the rows of bench/run's table. BENCH_QUICK=1: 1 warm-up and
# 3 runs (a smoke check of the harness).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
json="$out/cli-start-$stamp.json"
table="$out/cli-start.table.txt"
rows_file="$out/cli-start.rows.tsv"
work="$out/cli-start"
warmup=3
runs=15
mkdir -p "$out"
rm -f "$rows_file"
cd "$here"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
if bench_quick; then
  warmup=1
  runs=3
fi

if [[ ! -x ./shiprun ]]; then
  echo "cli-start: no ./shiprun launcher in $here yet; nothing to measure" >&2
  exit 1
fi

sample="${SAMPLE:-}"
if [[ -z "$sample" ]]; then
  for dir in samples/*/; do
    if [[ -f "$dir/shippable.yml" || -f "$dir/shippable.jobs.yml" ]]; then
      sample="${dir%/}"
      break
    fi
  done
fi
sample="${sample:-runner/src/test/resources/fixtures/valid}"

echo "cli-start: building if needed (./shiprun --version) ..." >&2
./shiprun --version >/dev/null

# The measured command must succeed, or we would time an error path.
code=0
./shiprun validate "$sample" >/dev/null 2>&1 || code=$?
if [[ $code -ne 0 ]]; then
  echo "cli-start: ./shiprun validate $sample fails (exit $code); choose another with SAMPLE=DIR" >&2
  exit 1
fi
run_sample="${RUN_SAMPLE:-samples/params-state}"
rm -rf "$work"
mkdir -p "$work"
home="${work#"$here"/}/home"
./shiprun run "$run_sample" --home "$home" >"$work/run.out" 2>&1 || code=$?
if [[ $code -ne 0 ]]; then
  echo "cli-start: ./shiprun run $run_sample fails (exit $code; $work/run.out); choose another with RUN_SAMPLE=DIR" >&2
  exit 1
fi

commands=("java -version" "./shiprun --help" "./shiprun validate $sample" "./shiprun run $run_sample --home $home")
# goal COMMAND: "seconds<TAB>issue" of the goal a command has, or nothing
goal() {
  case $1 in
    *"shiprun --help") printf '0.3\t20' ;;
    *"shiprun validate "*) printf '0.5\t2' ;;
    *"shiprun run "*) printf '0.6\t20' ;;
  esac
}

# One TSV line per command: command, median s, min s, max s, tool.
rows=""
if bench_have_hyperfine cli-start; then
  tool="hyperfine $(hyperfine --version | awk '{print $2}')"
  echo "cli-start: hyperfine --warmup $warmup --runs $runs --export-json $json ..." >&2
  hyperfine --warmup "$warmup" --runs "$runs" --export-json "$json" "${commands[@]}" >&2
  cp -f "$json" "$out/cli-start.json"
  rows="$(jq -r '.results[] | [.command, .median, .min, .max] | @tsv' "$json")"
else
  tool="bash loop, date +%s%N"
  for cmd in "${commands[@]}"; do
    rows+="$cmd"$'\t'"$(bench_loop "$warmup" "$runs" bash -c "$cmd")"$'\n'
  done
  rows="${rows%$'\n'}"
fi

{
  echo "CLI start, wall time ($tool, $warmup warm-ups, $runs runs; $(date -u +%F), $(nproc) cores,"
  echo "$(java -version 2>&1 | head -1 | sed 's/"//g'))"
  echo
  while IFS=$'\t' read -r cmd med lo hi; do
    printf '%s\t%s\t%s\t%s\t%s\n' "$cmd" "$med" "$lo" "$hi" "$(goal "$cmd")"
  done <<<"$rows" | awk -F'\t' '
    NR == 1 { base = $2 }
    { cmd[NR] = $1; med[NR] = $2; lo[NR] = $3; hi[NR] = $4; goal[NR] = $5; issue[NR] = $6 }
    END {
      printf "%-68s %9s %17s %12s %24s\n", "command", "median s", "min – max s", "× java -v", "goal (issue)"
      for (i = 1; i <= NR; i++) {
        verdict = "-"
        if (goal[i] != "") verdict = sprintf("≤ %s s (%s): %s", goal[i], issue[i], (med[i] <= goal[i] ? "PASS" : "MISS"))
        printf "%-68s %9.3f %17s %12.2f %24s\n", cmd[i], med[i], sprintf("%.3f – %.3f", lo[i], hi[i]), med[i] / base, verdict
      }
    }'
} | tee "$table"

# The rows of bench/run's table: each shiprun command next to `java -version` of the same run.
bench_rows_init "$rows_file"
base_s=""
while IFS=$'\t' read -r cmd med lo hi; do
  if [[ -z $base_s ]]; then
    base_s=$med
    continue
  fi
  goal="—" verdict="—"
  IFS=$'\t' read -r goal_s issue <<<"$(goal "$cmd")"
  if [[ -n $goal_s ]]; then
    goal="issue $issue: ≤ $goal_s s"
    verdict="$(bench_verdict "$med" le "$goal_s")"
  fi
  figure="CLI start: ${cmd#./}"
  [[ $cmd == *"shiprun run "* ]] && figure="shiprun run $run_sample, end to end (home kept between runs)"
  bench_row "$rows_file" "$figure" "$(bench_calc %.3f v v="$med")" \
    "$(bench_calc '%.3f–%.3f' 'a, b' a="$lo" b="$hi")" s \
    "java -version" "$(bench_calc %.3f v v="$base_s") s" "$(bench_ratio "$med" "$base_s")" "$goal" "$verdict"
done <<<"$rows"
