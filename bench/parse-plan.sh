#!/usr/bin/env bash
# bench/parse-plan.sh — parse + validate + plan a generated assembly line of n jobs and n
# resources (n = 10,000 and 20,000), in one JMH run, and print ms per op, the 20k/10k ratio and
# the goals (10k under 1000 ms, issue 2; 20k at most 2.2 × 10k, issue 20).
#
#   bench/parse-plan.sh                      the full run (JMH settings from the annotations:
#                                            1 fork, serial GC, 2 GiB heap; parseValidatePlan
#                                            (the goal) 10 warm-up and 5 measured iterations of
#                                            4 s, the others 3 and 5 of 2 s: ≈ 6 min in all)
#   bench/parse-plan.sh -wi 1 -i 2           any JMH option is passed on (here: fewer iterations)
#   bench/parse-plan.sh -p n=10000           one size only (no ratio then)
#   bench/parse-plan.sh 'parse$' -prof jfr   a benchmark regex and a JMH profiler
#   BENCH_QUICK=1 bench/parse-plan.sh        a smoke check: parseValidatePlan only, 1 warm-up and
#                                            2 measured iterations of 1 s (with no arguments)
#
# Steps: builds bench/jmh/target/benchmarks.jar when it is older than its sources (./mvnw -q -B
# -Pbench -pl bench/jmh -am package -DskipTests), checks that the generated line is valid and plan-clean (LineCheck, no timing),
# runs JMH with -rf json into bench/out/, and prints the table from that JSON (needs jq; it is
# installed with apt-get when missing and we are root), and writes bench/out/parse-plan.rows.tsv,
# the parseValidatePlan rows of bench/run's table.
#
# Figures: JMH AverageTime, ms per operation; "median" is the median of the measured iterations,
# "score ± error" JMH's mean and 99.9 % half-interval. Ratios and goals use the medians. On 2
# shared cores run-to-run noise is ±10–15 %: compare ratios from one run, not figures across runs.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
jar="$here/bench/jmh/target/benchmarks.jar"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
json="$out/parse-plan-$stamp.json"
table="$out/parse-plan.table.txt"
rows_file="$out/parse-plan.rows.tsv"
goal_ms=1000
goal_ratio=2.2
mkdir -p "$out"
rm -f "$rows_file"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

cd "$here"
bench_jmh_jar "$here" parse-plan
if bench_quick && [[ $# -eq 0 ]]; then
  # The goal's rows only, with JMH's shortest sensible settings: checks the harness, not the code.
  set -- 'parseValidatePlan$' -wi 1 -w 1s -i 2 -r 1s
fi

echo "parse-plan: checking the generated line (valid and plan-clean) ..." >&2
# shellcheck disable=SC2086 # BENCH_CHECK_SIZES is a list of sizes, one argument each
java -Xmx2g -cp "$jar" dev.shiprun.bench.LineCheck ${BENCH_CHECK_SIZES:-1000} >&2

# A first argument that is not an option picks benchmark methods (a regex, e.g. 'parse$').
include='ParseValidatePlanBenchmark'
if [[ $# -gt 0 && "$1" != -* ]]; then
  include="ParseValidatePlanBenchmark\.($1)"
  shift
fi
echo "parse-plan: java -jar $jar '$include' -rf json -rff $json $*" >&2
java -jar "$jar" "$include" -rf json -rff "$json" "$@" | tee "$out/parse-plan-$stamp.log" >&2
cp -f "$json" "$out/parse-plan.json"

if ! bench_tool parse-plan jq; then
  echo "parse-plan: no jq; results are in $json (JMH's own summary is above)" >&2
  exit 0
fi

# One TSV line per benchmark and size: name, n, median, score, error, min, max.
rows="$(jq -r '.[] | (.primaryMetric.rawData | flatten | sort) as $r
  | [ (.benchmark | sub(".*\\."; "")), (.params.n // "-"),
      (if ($r | length) % 2 == 1 then $r[($r | length - 1) / 2]
       else ($r[($r | length) / 2 - 1] + $r[($r | length) / 2]) / 2 end),
      .primaryMetric.score, .primaryMetric.scoreError, $r[0], $r[-1] ] | @tsv' "$json")"

{
  echo "parse + validate + plan, generated line of n jobs + n resources (JMH, ms/op, $(date -u +%F),"
  echo "$(nproc) cores, $(java -version 2>&1 | head -1 | sed 's/"//g'); json: ${json#"$here"/})"
  echo
  printf '%-18s %6s %12s %24s %22s %9s\n' benchmark n "median ms" "score ± error ms" "min – max ms" "20k/10k"
  printf '%s\n' "$rows" | awk -F'\t' '
    { name[NR] = $1; n[NR] = $2; med[NR] = $3; sc[NR] = $4; er[NR] = $5; lo[NR] = $6; hi[NR] = $7
      if ($2 == "10000") base[$1] = $3 }
    END {
      for (i = 1; i <= NR; i++) {
        ratio = "-"
        if (n[i] == "20000" && (name[i] in base) && base[name[i]] > 0) ratio = sprintf("%.2f", med[i] / base[name[i]])
        printf "%-18s %6s %12.1f %24s %22s %9s\n", name[i], n[i], med[i], sprintf("%.1f ± %.1f", sc[i], er[i]), sprintf("%.1f – %.1f", lo[i], hi[i]), ratio
      }
    }'
  echo
  printf '%s\n' "$rows" | awk -F'\t' -v goal_ms="$goal_ms" -v goal_ratio="$goal_ratio" '
    $1 == "parseValidatePlan" && $2 == "10000" { t10 = $3 }
    $1 == "parseValidatePlan" && $2 == "20000" { t20 = $3 }
    END {
      print "goals (parseValidatePlan, medians):"
      if (t10 != "") printf "  n=10000 under %d ms: %.1f ms  %s\n", goal_ms, t10, (t10 < goal_ms ? "PASS" : "MISS")
      else print "  n=10000 under 1000 ms: not measured in this run"
      if (t10 != "" && t20 != "") { r = t20 / t10; printf "  linear, 20000/10000 at most %.1f: %.2f  %s\n", goal_ratio, r, (r <= goal_ratio ? "PASS" : "MISS") }
      else print "  linear, 20000/10000 at most 2.2: not measured in this run (needs both sizes)"
    }'
} | tee "$table"

# The rows of bench/run's table: the goal's benchmark; the 20,000 row's baseline is the 10,000 row.
bench_rows_init "$rows_file"
pvp() { printf '%s\n' "$rows" | awk -F'\t' -v n="$1" '$1 == "parseValidatePlan" && $2 == n { printf "%.1f\t%.1f–%.1f", $3, $6, $7 }'; }
IFS=$'\t' read -r t10 range10 <<<"$(pvp 10000)"
IFS=$'\t' read -r t20 range20 <<<"$(pvp 20000)"
if [[ -n $t10 ]]; then
  bench_row "$rows_file" "parse+validate+plan, 10k jobs + 10k resources (JMH)" "$t10" "$range10" ms \
    "—" "—" "—" "issue 2: < $goal_ms ms" "$(bench_verdict "$t10" lt "$goal_ms")"
fi
if [[ -n $t20 ]]; then
  ratio="$(bench_ratio "$t20" "${t10:-}")"
  bench_row "$rows_file" "parse+validate+plan, 20k jobs + 20k resources (JMH)" "$t20" "$range20" ms \
    "the 10k row" "${t10:-—} ms" "$ratio" "issue 20: ratio ≤ $goal_ratio" "$(bench_verdict "$ratio" le "$goal_ratio")"
fi
