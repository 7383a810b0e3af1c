#!/usr/bin/env bash
# bench/shipctl.sh — wall time of one shipctl call next to a bare bash, in one run:
#
#   bash -c true                                   the baseline: a bash that starts and stops
#   jq -n true                                     what jq alone costs (the floor of a jq call)
#   shipctl get_resource_version_name app          a getter: bash builtins only, no subprocess
#   shipctl get_resource_version_key app <key>     a jq-using call (version.json of the IN)
#
# shipctl is runner/src/main/resources/shipctl/shipctl, called by its path as a job would through
# PATH; the job it reads is a small folder made under bench/out/ (APP_META, APP_VERSIONNAME,
# version.json). Times come from hyperfine (-N: no intermediate shell, --warmup 10 --runs 100,
# JSON into bench/out/); when hyperfine is missing it is installed with apt-get (as root), and
# when that fails a bash loop times 100 runs after 10 warm-ups with date +%s%N. Medians, min–max
# and ratios to `bash -c true` are printed, and bench/out/shipctl.rows.tsv gets the rows of
# bench/run's table: the getter next to `bash -c true`, the jq-using call next to `jq -n true`
# (what any jq call costs, whatever shipctl does). No goal is set for either: issue 3 asks for
# "fast — bash, not a JVM per call" and a figure next to `bash -c true`, no number.
# BENCH_QUICK=1: 3 warm-ups and 20 runs.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
json="$out/shipctl-$stamp.json"
table="$out/shipctl.table.txt"
rows_file="$out/shipctl.rows.tsv"
warmup=10
runs=100
mkdir -p "$out"
rm -f "$rows_file"
cd "$here"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
if bench_quick; then
  warmup=3
  runs=20
fi

shipctl="$here/runner/src/main/resources/shipctl/shipctl"
if [[ ! -x $shipctl ]]; then
  echo "shipctl-bench: no executable $shipctl" >&2
  exit 1
fi
if [[ $shipctl == *[[:space:]]* ]]; then
  # hyperfine -N splits commands on whitespace.
  echo "shipctl-bench: the path $shipctl holds a space; move the checkout" >&2
  exit 1
fi

# The job the calls read: one IN "app" with a version.
job="$out/shipctl-job"
mkdir -p "$job/IN/app/image"
cat >"$job/IN/app/version.json" <<'EOF'
{"name": "app", "type": "image",
 "version": {"versionId": 456, "versionNumber": 12, "versionName": "1.0.12",
             "propertyBag": {"shaData": {"commitSha": "3f2a9c1"}}}}
EOF
export APP_META="$job/IN/app" APP_VERSIONNAME="1.0.12" APP_TYPE=image

# Each call must succeed with the expected value, or we would time an error path.
check() {
  local expected=$1 got
  shift
  got="$("$@")" || { echo "shipctl-bench: $* fails" >&2; exit 1; }
  [[ $got == "$expected" ]] || { echo "shipctl-bench: $* printed '$got', not '$expected'" >&2; exit 1; }
}
check 1.0.12 "$shipctl" get_resource_version_name app
check 3f2a9c1 "$shipctl" get_resource_version_key app shaData.commitSha

commands=(
  "bash -c true"
  "jq -n true"
  "$shipctl get_resource_version_name app"
  "$shipctl get_resource_version_key app shaData.commitSha"
)
# Shorter names for the table.
labels=(
  "bash -c true"
  "jq -n true"
  "shipctl get_resource_version_name app"
  "shipctl get_resource_version_key app shaData.commitSha"
)

# One TSV line per command: median s, min s, max s (in the order of $commands).
rows=""
if bench_have_hyperfine shipctl-bench; then
  tool="hyperfine $(hyperfine --version | awk '{print $2}') -N"
  echo "shipctl-bench: hyperfine -N --warmup $warmup --runs $runs --export-json $json ..." >&2
  hyperfine -N --warmup "$warmup" --runs "$runs" --export-json "$json" "${commands[@]}" >&2
  cp -f "$json" "$out/shipctl.json"
  rows="$(jq -r '.results[] | [.median, .min, .max] | @tsv' "$json")"
else
  tool="bash loop, date +%s%N"
  for cmd in "${commands[@]}"; do
    # shellcheck disable=SC2086 # the commands are words, as hyperfine -N splits them
    rows+="$(bench_loop "$warmup" "$runs" $cmd)"$'\n'
  done
  rows="${rows%$'\n'}"
fi

{
  echo "shipctl call, wall time ($tool, $warmup warm-ups, $runs runs; $(date -u +%F), $(nproc) cores,"
  echo "$(bash --version | head -1), $(jq --version))"
  echo
  paste <(printf '%s\n' "${labels[@]}") <(printf '%s\n' "$rows") | awk -F'\t' '
    NR == 1 { base = $2 }
    { cmd[NR] = $1; med[NR] = $2; lo[NR] = $3; hi[NR] = $4 }
    END {
      printf "%-56s %10s %19s %14s\n", "command", "median ms", "min – max ms", "× bash -c true"
      for (i = 1; i <= NR; i++) {
        printf "%-56s %10.2f %19s %14.2f\n", cmd[i], med[i] * 1000,
          sprintf("%.2f – %.2f", lo[i] * 1000, hi[i] * 1000), med[i] / base
      }
    }'
} | tee "$table"

# The rows of bench/run's table (ms). rows: bash, jq, getter, jq-using call, in that order.
bench_rows_init "$rows_file"
mapfile -t ms < <(printf '%s\n' "$rows" | awk -F'\t' '{ printf "%.2f\t%.2f–%.2f\n", $1 * 1000, $2 * 1000, $3 * 1000 }')
IFS=$'\t' read -r bash_ms _ <<<"${ms[0]}"
IFS=$'\t' read -r jq_ms _ <<<"${ms[1]}"
IFS=$'\t' read -r getter_ms getter_range <<<"${ms[2]}"
IFS=$'\t' read -r call_ms call_range <<<"${ms[3]}"
bench_row "$rows_file" "shipctl getter (get_resource_version_name)" "$getter_ms" "$getter_range" ms \
  "bash -c true" "$bash_ms ms" "$(bench_ratio "$getter_ms" "$bash_ms")" "—" "—"
bench_row "$rows_file" "shipctl jq-using call (get_resource_version_key)" "$call_ms" "$call_range" ms \
  "jq -n true" "$jq_ms ms" "$(bench_ratio "$call_ms" "$jq_ms")" "—" "—"
