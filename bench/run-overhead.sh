#!/usr/bin/env bash
# bench/run-overhead.sh — what shiprun adds per job, next to the cost of spawning bash, in one run:
#
#   spawn        200 × `bash -c true`, one after the other (the floor: a job is at least a bash)
#   chain-1      `shiprun run` of a line with 1 trivial runSh job (TASK: true)
#   chain-200    `shiprun run` of a chain of 200 trivial runSh jobs (job i reads job i-1)
#
# Per-job overhead = (chain-200 − chain-1) / 199 − spawn / 200: the JVM start, the store open and
# the YAML load cancel out, what is left is everything shiprun does per job (run row, versions,
# build folder, shipctl, environment, the bash, the process-tree check, the job version). The
# issue's goal: ≤ 5 ms per job above the spawn cost.
#
# Each shiprun run uses a fresh home under bench/out/ and --parallel 1. RUNS repetitions (default
# 5), medians and min–max printed. Uses the packaged CLI (./shiprun builds it when needed).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
runs="${RUNS:-5}"
table="$out/run-overhead.table.txt"
work="$out/run-overhead"
mkdir -p "$out"
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
chain 200 "$work/chain-200"

"$here/shiprun" --version >/dev/null # builds the CLI if needed, outside the timings

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
minmax() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s–%s", lo, hi }'; }

declare -a spawn one two
for ((r = 1; r <= runs; r++)); do
  start=$(now)
  for ((i = 0; i < 200; i++)); do bash -c true; done
  spawn+=("$((($(now) - start) / 1000000))")
  for n in 1 200; do
    home="$work/home-$n-$r"
    start=$(now)
    "$here/shiprun" run "$work/chain-$n" --home "$home" --parallel 1 >/dev/null 2>"$work/err-$n-$r.txt" \
      || { echo "run-overhead: chain-$n failed, see $work/err-$n-$r.txt" >&2; exit 1; }
    ms=$((($(now) - start) / 1000000))
    if ((n == 1)); then one+=("$ms"); else two+=("$ms"); fi
    rm -rf "$home"
  done
  echo "run-overhead: repetition $r of $runs: spawn×200 ${spawn[-1]} ms, chain-1 ${one[-1]} ms, chain-200 ${two[-1]} ms" >&2
done

s=$(printf '%s\n' "${spawn[@]}" | median)
a=$(printf '%s\n' "${one[@]}" | median)
b=$(printf '%s\n' "${two[@]}" | median)
per_job=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", (b - a) / 199 }')
per_spawn=$(awk -v s="$s" 'BEGIN { printf "%.2f", s / 200 }')
over=$(awk -v p="$per_job" -v s="$per_spawn" 'BEGIN { printf "%.1f", p - s }')
{
  echo "| figure | median | min–max | note |"
  echo "| --- | ---: | ---: | --- |"
  echo "| 200 × bash -c true | $s ms | $(printf '%s\n' "${spawn[@]}" | minmax) ms | $per_spawn ms per spawn |"
  echo "| shiprun run, 1 job | $a ms | $(printf '%s\n' "${one[@]}" | minmax) ms | JVM start, store, YAML |"
  echo "| shiprun run, 200 jobs | $b ms | $(printf '%s\n' "${two[@]}" | minmax) ms | chain, --parallel 1 |"
  echo "| per job | $per_job ms | | (chain-200 − chain-1) / 199 |"
  echo "| per job above a spawn | $over ms | | goal ≤ 5 ms |"
} | tee "$table"
