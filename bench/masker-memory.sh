#!/usr/bin/env bash
# bench/masker-memory.sh — the secret masker's memory per secret: the heap a masker keeps for N
# made-up secrets with all their derived forms and both its automata (dev.shiprun.bench.MaskerMemory,
# one JVM per set and run, serial GC: used heap after a full GC with the masker, less without it),
# and the heap it peaked at while it was built (the heap pools' peaks, uncollected garbage
# included: a rough figure).
#
#   40x1, 40x100, 40x2000   1, 100, 2,000 secrets of 40 chars
#   mixed                   2,000 secrets: 1,800 of 8 – 64 chars, 200 of 4 KiB (100 one line, 100
#                           PEM-like keys of 64-char lines)
#
# Baseline: the secrets' own text (chars; one byte each), so the ratio is the bytes the masker keeps
# per byte of secret. Goals (issue 14): at most 10 KB (10,000 bytes) per secret of 40 chars among
# 2,000, at most 100 MB (10^8 bytes) for the 2,000 mixed ones.
#
# MASK_MEMORY_RUNS repetitions (default 3; BENCH_QUICK=1: 1), medians and min–max. MASK_MEMORY_SETS
# picks the sets (default all four). MASK_MEMORY_JAR measures another build of the bench jar (e.g.
# an older commit's, for a before/after in one session). Writes bench/out/masker-memory.table.txt
# and bench/out/masker-memory.rows.tsv (the rows of bench/run's table).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
table="$out/masker-memory.table.txt"
rows_file="$out/masker-memory.rows.tsv"
mkdir -p "$out"
rm -f "$rows_file"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

if bench_quick; then
  runs="${MASK_MEMORY_RUNS:-1}"
else
  runs="${MASK_MEMORY_RUNS:-3}"
fi
read -r -a sets <<<"${MASK_MEMORY_SETS:-40x1 40x100 40x2000 mixed}"
jar="${MASK_MEMORY_JAR:-$here/bench/jmh/target/benchmarks.jar}"
[[ -z ${MASK_MEMORY_JAR:-} ]] && bench_jmh_jar "$here" masker-memory
goal_per_secret=10000
goal_mixed=100000000

rm -f "$out/masker-memory.medians.tmp"
declare -A retained peak millis chars count
for ((r = 1; r <= runs; r++)); do
  for set in "${sets[@]}"; do
    # A heap large enough for the masker of before the memory work (≈ 1 GB peak for "mixed").
    line="$(java -XX:+UseSerialGC -Xmx4g -cp "$jar" dev.shiprun.bench.MaskerMemory "$set")"
    IFS=$'\t' read -r _ n c kept top ms <<<"$line"
    count[$set]=$n
    chars[$set]=$c
    retained[$set]+="$kept "
    peak[$set]+="$top "
    millis[$set]+="$ms "
    echo "masker-memory: run $r of $runs, $set: retained $kept bytes, peak $top, $ms ms" >&2
  done
done

median() { # median VALUES…: "median<TAB>min<TAB>max" as integers
  printf '%s\n' "$@" | bench_stats %.0f
}
kib() { bench_calc %.1f 'b / 1024' b="$1"; }
mib() { bench_calc %.1f 'b / 1048576' b="$1"; }

{
  echo "secret masker memory ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs;"
  echo "$(java -version 2>&1 | head -1 | sed 's/"//g'), -XX:+UseSerialGC; jar ${jar/#$here\//})"
  echo
  printf '%-8s %7s %8s %9s %13s %10s %8s %9s %7s\n' set secrets chars "kept, MiB" "min–max" \
    "per secret" "÷ chars" "peak, MiB" "make ms"
  for set in "${sets[@]}"; do
    # shellcheck disable=SC2086 # the values are one word each
    IFS=$'\t' read -r med lo hi <<<"$(median ${retained[$set]})"
    # shellcheck disable=SC2086
    IFS=$'\t' read -r top _ _ <<<"$(median ${peak[$set]})"
    # shellcheck disable=SC2086
    IFS=$'\t' read -r ms _ _ <<<"$(median ${millis[$set]})"
    printf '%-8s %7s %8s %9s %13s %10s %8s %9s %7s\n' "$set" "${count[$set]}" "${chars[$set]}" \
      "$(mib "$med")" "$(mib "$lo")–$(mib "$hi")" "$(kib $((med / count[$set]))) KiB" \
      "$(bench_ratio "$med" "${chars[$set]}")" "$(mib "$top")" "$ms"
    printf '%s\t%s\t%s\t%s\n' "$set" "$med" "$lo" "$hi" >>"$out/masker-memory.medians.tmp"
  done
} | tee "$table"

bench_rows_init "$rows_file"
while IFS=$'\t' read -r set med lo hi; do
  case $set in
    40x2000)
      per=$((med / 2000))
      bench_row "$rows_file" "masker memory per secret of 40 chars, among 2,000" "$per" \
        "$((lo / 2000))–$((hi / 2000))" bytes "the secret's own text" "40 bytes" \
        "$(bench_ratio "$per" 40)" "issue 14: ≤ 10 KB ($goal_per_secret bytes)" \
        "$(bench_verdict "$per" le "$goal_per_secret")"
      ;;
    mixed)
      bench_row "$rows_file" "masker memory, 2,000 secrets of mixed length (200 of 4 KiB)" \
        "$(mib "$med")" "$(mib "$lo")–$(mib "$hi")" MiB "the secrets' own text" \
        "$(mib "${chars[$set]}") MiB" "$(bench_ratio "$med" "${chars[$set]}")" \
        "issue 14: ≤ 100 MB ($(mib "$goal_mixed") MiB)" "$(bench_verdict "$med" le "$goal_mixed")"
      ;;
  esac
done <"$out/masker-memory.medians.tmp"
rm -f "$out/masker-memory.medians.tmp"
{
  echo
  echo "goals (issue 14): per secret of 40 chars among 2,000 ≤ $goal_per_secret bytes;" \
    "2,000 mixed ≤ $goal_mixed bytes"
  awk -F'\t' 'NR > 1 { printf "  %s: %s %s  %s\n", $1, $2, $4, $9 }' "$rows_file"
} | tee -a "$table"
