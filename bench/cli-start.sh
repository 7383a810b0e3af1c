#!/usr/bin/env bash
# bench/cli-start.sh — wall time of a short CLI command next to the bare JVM, in one run:
#
#   java -version                    the baseline: a JVM that starts and stops
#   ./shiprun --help                 the launcher + Quarkus start, no pipeline work
#   ./shiprun validate <sample>      the issue's goal: at most 0.5 s on Java 17 with 2 cores
#
# <sample> is the first directory under samples/ (sorted) that holds shippable.yml or
# shippable.jobs.yml, else runner/src/test/resources/fixtures/valid; SAMPLE=DIR chooses another.
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
goal_s=0.5
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

commands=("java -version" "./shiprun --help" "./shiprun validate $sample")

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
  printf '%s\n' "$rows" | awk -F'\t' -v goal="$goal_s" '
    NR == 1 { base = $2 }
    { cmd[NR] = $1; med[NR] = $2; lo[NR] = $3; hi[NR] = $4 }
    END {
      printf "%-48s %9s %17s %12s %18s\n", "command", "median s", "min – max s", "× java -v", "goal ≤ " goal " s"
      for (i = 1; i <= NR; i++) {
        verdict = "-"
        if (cmd[i] ~ /shiprun validate/) verdict = (med[i] <= goal ? "PASS" : "MISS")
        printf "%-48s %9.3f %17s %12.2f %18s\n", cmd[i], med[i], sprintf("%.3f – %.3f", lo[i], hi[i]), med[i] / base, verdict
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
  if [[ $cmd == *"shiprun validate"* ]]; then
    goal="≤ $goal_s s"
    verdict="$(bench_verdict "$med" le "$goal_s")"
  fi
  bench_row "$rows_file" "CLI start: ${cmd#./}" "$(bench_calc %.3f v v="$med")" \
    "$(bench_calc '%.3f–%.3f' 'a, b' a="$lo" b="$hi")" s \
    "java -version" "$(bench_calc %.3f v v="$base_s") s" "$(bench_ratio "$med" "$base_s")" "$goal" "$verdict"
done <<<"$rows"
