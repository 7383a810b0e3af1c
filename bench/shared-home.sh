#!/usr/bin/env bash
# bench/shared-home.sh [ROUNDS] — two `shiprun run` of one line on one home, started together,
# ROUNDS times (default 20): a stress check of the home's locking, not a timing. The line's job
# counts its runs in its own state ($JOB_STATE/count.txt, read back from $JOB_PREVIOUS_STATE).
# Prints the exit codes that were not 0, the runs that waited for the other ("waiting  for …"),
# and lost updates (a count seen twice); exits 1 when any run crashed or an update was lost.
# The bounded version is runner/src/test/java/dev/shiprun/runner/cli/SharedHomeIT.java.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds="${1:-20}"
work="$(mktemp -d "${TMPDIR:-/tmp}/shiprun-shared-home.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/counter" "$work/out"
cat > "$work/counter/shippable.yml" <<'YAML'
jobs:
  - name: count
    type: runSh
    steps:
      - TASK:
          script:
            - |
              count=0
              if [ -f "$JOB_PREVIOUS_STATE/count.txt" ]; then
                count=$(cat "$JOB_PREVIOUS_STATE/count.txt")
              fi
              count=$((count + 1))
              echo "$count" > "$JOB_STATE/count.txt"
              echo "$count" >> "$MARKS/counts"
YAML

"$here/shiprun" --version >/dev/null # builds the jar first when it is missing or old
crashes=0
for ((i = 1; i <= rounds; i++)); do
  for n in 1 2; do
    "$here/shiprun" run "$work/counter" --home "$work/home" --env "MARKS=$work" \
      >"$work/out/$i.$n.out" 2>"$work/out/$i.$n.err" &
  done
  for n in 1 2; do
    if ! wait -n; then
      crashes=$((crashes + 1))
    fi
  done
done
for f in "$work"/out/*.err; do
  if grep -q 'internal error\|Exception' "$f"; then
    echo "crash: $(basename "$f"): $(head -n 3 "$f")"
  fi
done
waited="$(cat "$work"/out/*.err | grep -c '^waiting  for ' || true)"
runs=$((2 * rounds))
lost=$((runs - $(sort -u "$work/counts" | wc -l)))
echo "rounds: $rounds, runs: $runs, exits not 0: $crashes, waited: $waited, lost updates: $lost"
echo "last count: $(tail -n 1 "$work/counts") (expected $runs)"
[[ $crashes -eq 0 && $lost -eq 0 && "$(tail -n 1 "$work/counts")" == "$runs" ]]
