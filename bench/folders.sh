#!/usr/bin/env bash
# bench/folders.sh — `shiprun validate DIR` on a line spread over folders: the generated line of
# at least 10,000 YAML lines cut into 20 folders (team-NN/pipelines/shippable.{resources,jobs}.yml),
# against the same text in one folder, measured in-process after the JVM has started
# (dev.shiprun.bench.FolderTree): the first load in a fresh JVM with the launcher's flags (what one
# `shiprun validate` pays after start-up), and warm loads in one JVM. Prints the tree/flat ratio
# and the goal: the first load of the tree under 1000 ms.
#
#   bench/folders.sh                  5 fresh JVMs per shape, then 10 warm rounds (≈ 1 min)
#   BENCH_QUICK=1 bench/folders.sh    2 fresh JVMs per shape, 3 warm rounds (a smoke check)
#   BENCH_LINES=20000 BENCH_FOLDERS=40 bench/folders.sh
#
# Steps: builds bench/jmh/target/benchmarks.jar when it is older than its sources, generates both
# shapes into bench/out/folders/, checks that each loads with no diagnostic (every timed load
# checks it), prints a table and writes bench/out/folders.table.txt. Figures: ms, median of the
# runs (min – max). On 2 shared cores noise is ±10–15 %: compare the ratio, from one run.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
jar="$here/bench/jmh/target/benchmarks.jar"
data="$out/folders"
table="$out/folders.table.txt"
lines=${BENCH_LINES:-10000}
folders=${BENCH_FOLDERS:-20}
goal_ms=1000
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

firsts=5 rounds=10
if bench_quick; then
  firsts=2 rounds=3
fi
# The launcher's flags for validate (runner/src/main/dist/bin/shiprun): C1 only, serial GC.
jvm=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto)

cd "$here"
bench_jmh_jar "$here" folders
rm -rf "$data"
mkdir -p "$data"
java "${jvm[@]}" -cp "$jar" dev.shiprun.bench.FolderTree generate "$data" "$lines" "$folders" >&2

# median MIN–MAX of numbers, one per line
stats() {
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2);
    printf "%.0f\t%.0f – %.0f", m, v[1], v[NR] }'
}

first() {
  local shape=$1 i
  for ((i = 0; i < firsts; i++)); do
    java "${jvm[@]}" -cp "$jar" dev.shiprun.bench.FolderTree first "$data/$shape" | awk '{ print $2 }'
  done | stats
}

echo "folders: $firsts fresh JVMs per shape, then $rounds warm rounds ..." >&2
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
first_tree="$(first tree)"
first_flat="$(first flat)"
warm="$(java "${jvm[@]}" -cp "$jar" dev.shiprun.bench.FolderTree warm "$data" "$rounds")"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
warm_tree="$(awk '$2 == "tree" { printf "%.0f\t%.0f – %.0f", $3, $4, $5 }' <<<"$warm")"
warm_flat="$(awk '$2 == "flat" { printf "%.0f\t%.0f – %.0f", $3, $4, $5 }' <<<"$warm")"
ratio() { awk -v a="${1%%$'\t'*}" -v b="${2%%$'\t'*}" 'BEGIN { printf "%.2f", a / b }'; }
verdict="$(awk -v t="${first_tree%%$'\t'*}" -v g="$goal_ms" 'BEGIN { print (t < g ? "PASS" : "MISS") }')"

{
  echo "validate DIR, in-process after JVM start: ≥ $lines lines of YAML in $folders folders (tree)"
  echo "vs the same text in one folder (flat); $(date -u +%F' '%H:%M) UTC, $(nproc) cores,"
  echo "$(java -version 2>&1 | head -1 | sed 's/"//g'); load average $load_before → $load_after"
  echo
  printf '%-34s %10s %16s %12s\n' figure "median ms" "min – max ms" "tree/flat"
  printf '%-34s %10s %16s %12s\n' "first load, fresh JVM: tree" "${first_tree%%$'\t'*}" "${first_tree#*$'\t'}" "$(ratio "$first_tree" "$first_flat")"
  printf '%-34s %10s %16s %12s\n' "first load, fresh JVM: flat" "${first_flat%%$'\t'*}" "${first_flat#*$'\t'}" "—"
  printf '%-34s %10s %16s %12s\n' "warm load: tree" "${warm_tree%%$'\t'*}" "${warm_tree#*$'\t'}" "$(ratio "$warm_tree" "$warm_flat")"
  printf '%-34s %10s %16s %12s\n' "warm load: flat" "${warm_flat%%$'\t'*}" "${warm_flat#*$'\t'}" "—"
  echo
  echo "goal: the first load of the tree under $goal_ms ms: $verdict"
} | tee "$table"
