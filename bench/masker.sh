#!/usr/bin/env bash
# bench/masker.sh — the secret masker through a pipe, next to `cat` through the same pipe, and its
# peak memory, in one run:
#
#   baseline     cat LOG | cat >/dev/null                       a pipe that does nothing
#   masker       cat LOG | java … dev.shiprun.bench.MaskPipe SECRETS >/dev/null
#                MaskPipe masks stdin to stdout as the engine masks a job's output, with the same
#                classes: 64 KiB reads straight into the buffer of one OutputLines (its intake, as
#                the engine reads a job's output; the engine's line rules on bytes), its
#                ByteMaskingStream masking the UTF-8 bytes of every secret's derived forms (base64
#                at three alignments, URL, JSON, shell, lines) without decoding, whole lines out
#   peak RSS     of the masker (GNU time, %M), next to the same masker over the first 1/8 of LOG
#   JMH          MaskerBenchmark: the masker in-process, the char stream in 64 KiB chunks and line
#                by line, the engine's byte path (bytes), next to the char stream with nothing to
#                mask (chars/s, shown as MiB/s)
#
# LOG is MASK_MIB MiB (default 1024) of log-like text with MASK_SECRETS made-up secrets (default
# 100) from dev.shiprun.bench.LogFile, written once under bench/out/ and reused while it has that
# size: issue 4's benchmark (1 GiB, 100 secrets); until the byte masker the default was 256 MiB
# with 50 secrets, where the JVM's start is a larger share. RUNS repetitions (MASK_RUNS, default 5), each timing the baseline, then the masker, then
# the masker over 1/8 of LOG (both RSS figures from the same repetition); medians and min–max.
# MASK_JAVA_OPTS are the masker JVM's flags, by default the daemon's (serial GC, -Xms32m, heap
# given back after a burst: ./shiprun): the daemon masks every job's output and lives long, so
# its JIT (C2) and heap settings are the ones that matter; `shiprun run` runs C1 only.
#
# Goals: throughput at least 0.5 × the raw pipe (issue 20, as issue 4); memory flat (issue 4).
# "Flat" is checked as: the peak RSS over LOG is at most 1.25 × the peak RSS over its first 1/8 (a
# buffer that grew with the input would be ≈ 8 ×; the JVM's own heap growth and JIT code stay well
# under 1.25 ×).
#
# MASK_JMH=0 skips the JMH part (≈ 2.5 min); BENCH_QUICK=1: 32 MiB, 3 runs, JMH with 1 iteration
# of 1 s and no warm-up (a smoke check of the harness, not figures). Writes the table to
# bench/out/masker.table.txt and bench/out/masker.rows.tsv, the rows of bench/run's table.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
jar="$here/bench/jmh/target/benchmarks.jar"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
table="$out/masker.table.txt"
rows_file="$out/masker.rows.tsv"
mkdir -p "$out"
rm -f "$rows_file"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

if bench_quick; then
  mib="${MASK_MIB:-32}"
  runs="${MASK_RUNS:-3}"
  jmh_opts=(-wi 0 -i 1 -r 1s)
else
  mib="${MASK_MIB:-1024}"
  runs="${MASK_RUNS:-5}"
  jmh_opts=()
fi
count="${MASK_SECRETS:-100}"
read -r -a java_opts <<<"${MASK_JAVA_OPTS:--XX:+UseSerialGC -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30}"
goal_ratio=0.5
goal_flat=1.25
small_mib=$(((mib + 7) / 8))

# GNU time gives the peak RSS (%M); bash's own `time` keyword cannot.
if ! bench_tool masker /usr/bin/time time; then
  echo "masker: GNU time (/usr/bin/time) is missing and cannot be installed: apt-get install time" >&2
  exit 1
fi
if [[ ${MASK_JMH:-1} != 0 ]] && ! bench_tool masker jq; then
  echo "masker: no jq to read JMH's results; the JMH part is skipped" >&2
  MASK_JMH=0
fi

bench_jmh_jar "$here" masker

# The input, made once: bytes are what the pipe moves, so the file must have exactly MIB MiB.
log="$out/masker-${mib}MiB-${count}secrets.log"
secrets="$out/masker-${count}secrets.txt"
if [[ ! -f $log || ! -f $secrets || $(stat -c %s "$log") -ne $((mib << 20)) ]]; then
  echo "masker: writing $log ($mib MiB, $count secrets) ..." >&2
  java -cp "$jar" dev.shiprun.bench.LogFile "$log.tmp" "$secrets" "$mib" "$count"
  mv -f "$log.tmp" "$log"
fi

mask() { # mask RSS_FILE: the masker as a filter, its peak RSS (KiB) into RSS_FILE
  /usr/bin/time -f %M -o "$1" java "${java_opts[@]}" -cp "$jar" dev.shiprun.bench.MaskPipe "$secrets"
}

# What is timed must mask: no secret may come through, every line must come out, and it must
# have masked something (the log has a secret line every 200 lines). Not timed.
check="$out/masker-check"
head -c $((small_mib << 20)) "$log" | mask "$check.rss" >"$check.out" 2>"$check.err" \
  || { echo "masker: MaskPipe failed: $(cat "$check.err")" >&2; exit 1; }
if grep -qF -f "$secrets" "$check.out"; then
  echo "masker: a secret came through MaskPipe (see $check.out)" >&2
  exit 1
fi
lines() { awk 'END { print NR }'; } # counts a last line without a newline too
if [[ $(head -c $((small_mib << 20)) "$log" | lines) -ne $(lines <"$check.out") ]] \
  || ! grep -q '^masked [1-9]' "$check.err"; then
  echo "masker: MaskPipe lost lines or masked nothing: $(cat "$check.err")" >&2
  exit 1
fi
echo "masker: check on $small_mib MiB: $(cat "$check.err"), no secret left" >&2
rm -f "$check.out"

now() { date +%s%N; }
mibs() { bench_calc %.1f 'm / (ns / 1e9)' m="$1" ns="$2"; }

cat "$log" >/dev/null # into the page cache, so that no run reads the disk
declare -a cat_rate mask_rate mask_rss small_rss cat_rss fixed_ms
for ((r = 1; r <= runs; r++)); do
  # Both pipelines start with cat and end in a process under GNU time, so they differ only in
  # what reads the pipe.
  start=$(now)
  # shellcheck disable=SC2002 # the pipe is what is measured
  cat "$log" | /usr/bin/time -f %M -o "$out/masker-cat.rss" cat >/dev/null
  cat_rate+=("$(mibs "$mib" "$(($(now) - start))")")
  cat_rss+=("$(bench_calc %.1f 'k / 1024' k="$(tail -1 "$out/masker-cat.rss")")")

  start=$(now)
  # shellcheck disable=SC2002 # the pipe is what is measured
  cat "$log" | mask "$out/masker.rss" >/dev/null 2>"$out/masker.err" \
    || { echo "masker: MaskPipe failed: $(cat "$out/masker.err")" >&2; exit 1; }
  mask_rate+=("$(mibs "$mib" "$(($(now) - start))")")
  mask_rss+=("$(bench_calc %.1f 'k / 1024' k="$(tail -1 "$out/masker.rss")")")

  head -c $((small_mib << 20)) "$log" | mask "$out/masker-small.rss" >/dev/null 2>"$out/masker.err" \
    || { echo "masker: MaskPipe failed: $(cat "$out/masker.err")" >&2; exit 1; }
  small_rss+=("$(bench_calc %.1f 'k / 1024' k="$(tail -1 "$out/masker-small.rss")")")

  # What every masker run pays before its first byte (JVM start, the automaton of every form of
  # every secret): the masker on no input. Shown in this script's table only, to read the
  # throughput by: the pipe figure includes it, as a job's first output would.
  start=$(now)
  mask "$out/masker-empty.rss" </dev/null >/dev/null 2>"$out/masker.err" \
    || { echo "masker: MaskPipe failed: $(cat "$out/masker.err")" >&2; exit 1; }
  fixed_ms+=("$((($(now) - start) / 1000000))")
  echo "masker: repetition $r of $runs: cat ${cat_rate[-1]} MiB/s, masker ${mask_rate[-1]} MiB/s," \
    "peak RSS ${mask_rss[-1]} MiB ($mib MiB) / ${small_rss[-1]} MiB ($small_mib MiB)" >&2
done

stats() { printf '%s\n' "$@" | bench_stats %.1f; }
IFS=$'\t' read -r cat_med cat_lo cat_hi <<<"$(stats "${cat_rate[@]}")"
IFS=$'\t' read -r mask_med mask_lo mask_hi <<<"$(stats "${mask_rate[@]}")"
IFS=$'\t' read -r rss_med rss_lo rss_hi <<<"$(stats "${mask_rss[@]}")"
IFS=$'\t' read -r small_med small_lo small_hi <<<"$(stats "${small_rss[@]}")"
IFS=$'\t' read -r cat_rss_med _ _ <<<"$(stats "${cat_rss[@]}")"
IFS=$'\t' read -r fixed_med fixed_lo fixed_hi <<<"$(printf '%s\n' "${fixed_ms[@]}" | bench_stats %.0f)"
ratio="$(bench_ratio "$mask_med" "$cat_med")"
flat="$(bench_ratio "$rss_med" "$small_med")"

# JMH: the masker in-process (no pipe, no JVM start), one line per benchmark:
# name, median MiB/s, min, max.
jmh_rows=""
if [[ ${MASK_JMH:-1} != 0 ]]; then
  json="$out/masker-jmh-$stamp.json"
  echo "masker: java -jar $jar MaskerBenchmark -rf json -rff $json ${jmh_opts[*]}" >&2
  java -jar "$jar" MaskerBenchmark -rf json -rff "$json" "${jmh_opts[@]}" \
    | tee "$out/masker-jmh-$stamp.log" >&2
  cp -f "$json" "$out/masker-jmh.json"
  jmh_rows="$(jq -r '.[] | (.primaryMetric.rawData | flatten | sort | map(. / 1048576)) as $r
    | [ (.benchmark | sub(".*\\."; "")),
        (if ($r | length) % 2 == 1 then $r[($r | length - 1) / 2]
         else ($r[($r | length) / 2 - 1] + $r[($r | length) / 2]) / 2 end),
        $r[0], $r[-1] ] | @tsv' "$json")"
fi
jmh() { # jmh NAME: "median<TAB>min–max" in MiB/s, or nothing
  printf '%s\n' "$jmh_rows" | awk -F'\t' -v n="$1" '$1 == n { printf "%.1f\t%.1f–%.1f", $2, $3, $4 }'
}

{
  echo "secret masker ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs;"
  echo "$mib MiB of log-like text, $count secrets with their derived forms; $(java -version 2>&1 | head -1 | sed 's/"//g'),"
  echo "masker JVM: ${java_opts[*]})"
  echo
  printf '%-52s %12s %20s %14s\n' figure median min–max "× baseline"
  printf '%-52s %12s %20s %14s\n' "cat | cat (baseline), MiB/s" "$cat_med" "$cat_lo–$cat_hi" 1.00
  printf '%-52s %12s %20s %14s\n' "cat | MaskPipe, MiB/s" "$mask_med" "$mask_lo–$mask_hi" "$ratio"
  printf '%-52s %12s %20s %14s\n' "peak RSS of MaskPipe over $small_mib MiB (baseline), MiB" "$small_med" "$small_lo–$small_hi" 1.00
  printf '%-52s %12s %20s %14s\n' "peak RSS of MaskPipe over $mib MiB, MiB" "$rss_med" "$rss_lo–$rss_hi" "$flat"
  printf '%-52s %12s\n' "peak RSS of cat, MiB" "$cat_rss_med"
  printf '%-52s %12s %20s\n' "MaskPipe on no input (JVM start, automaton), ms" "$fixed_med" "$fixed_lo–$fixed_hi"
  if [[ -n $jmh_rows ]]; then
    IFS=$'\t' read -r floor _ <<<"$(jmh chunksWithoutSecrets)"
    for name in chunksWithoutSecrets chunks lines bytes; do
      IFS=$'\t' read -r med range <<<"$(jmh "$name")"
      printf '%-52s %12s %20s %14s\n' "JMH $name, MiB/s" "$med" "$range" "$(bench_ratio "$med" "$floor")"
    done
  fi
  echo
  echo "goals:"
  echo "  (issue 20) throughput at least $goal_ratio × cat through a pipe: $ratio  $(bench_verdict "$ratio" ge "$goal_ratio")"
  echo "  (issue 4) memory flat (peak RSS over $mib MiB at most $goal_flat × over $small_mib MiB): $flat  $(bench_verdict "$flat" le "$goal_flat")"
} | tee "$table"

# The rows of bench/run's table.
bench_rows_init "$rows_file"
bench_row "$rows_file" "masker through a pipe ($mib MiB, $count secrets)" "$mask_med" "$mask_lo–$mask_hi" MiB/s \
  "cat | cat" "$cat_med MiB/s" "$ratio" "issue 20: ≥ $goal_ratio × baseline" "$(bench_verdict "$ratio" ge "$goal_ratio")"
bench_row "$rows_file" "masker peak RSS over $mib MiB" "$rss_med" "$rss_lo–$rss_hi" MiB \
  "the same over $small_mib MiB" "$small_med MiB" "$flat" "issue 4, flat: ≤ $goal_flat × baseline" "$(bench_verdict "$flat" le "$goal_flat")"
if [[ -n $jmh_rows ]]; then
  IFS=$'\t' read -r floor _ <<<"$(jmh chunksWithoutSecrets)"
  IFS=$'\t' read -r med range <<<"$(jmh chunks)"
  bench_row "$rows_file" "masker in-process, 64 KiB chunks (JMH)" "$med" "$range" MiB/s \
    "nothing to mask (JMH)" "$floor MiB/s" "$(bench_ratio "$med" "$floor")" "—" "—"
  IFS=$'\t' read -r med range <<<"$(jmh lines)"
  bench_row "$rows_file" "masker in-process, line by line (JMH)" "$med" "$range" MiB/s \
    "nothing to mask (JMH)" "$floor MiB/s" "$(bench_ratio "$med" "$floor")" "—" "—"
  IFS=$'\t' read -r med range <<<"$(jmh bytes)"
  bench_row "$rows_file" "masker in-process, bytes as the engine masks (JMH)" "$med" "$range" MiB/s \
    "nothing to mask (JMH)" "$floor MiB/s" "$(bench_ratio "$med" "$floor")" "—" "—"
fi
