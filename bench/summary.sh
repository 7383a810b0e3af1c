#!/usr/bin/env bash
# bench/summary.sh — bench/run's one table, made from the rows files the scripts leave in
# bench/out/ (NAME.rows.tsv, format in bench/lib.sh): printed as aligned text, and written to
# bench/out/summary.txt and, as Markdown for docs/benchmarks.md, to bench/out/summary.md.
# bench/run calls it at the end; run it alone to see the table again without measuring.
#
# On top: the date, the command, the machine (cores, memory, load average, java -version) and the
# git commit, from bench/out/run.info when bench/run wrote it (else as of now). A script that
# failed, or left no rows, gets a row saying so (verdict FAILED, or "not run").
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
out="$here/out"
root="$(cd "$here/.." && pwd)"
# The order of the issue's list (issue 6, the masker's memory of issue 14 after the masker, the
# daemon next to buildbot, then the container figures and the web page); other rows files come
# after.
order=(cli-start parse-plan run-overhead shipctl masker masker-memory daemon buildbot containers web)
mkdir -p "$out"

info() { # info KEY: a value bench/run recorded, or nothing
  [[ -f $out/run.info ]] && awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$out/run.info"
  return 0
}
commit() {
  local id
  id="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [[ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
    id+=" + uncommitted changes"
  fi
  printf '%s' "$id"
}

started="$(info started)"
command="$(info command)"
load="$(info load)"
if [[ -n $load ]]; then
  load+=" (at the end)"
else
  load="$(cut -d' ' -f1-3 /proc/loadavg) (now)"
fi
id="$(info commit)"
header=(
  "shiprun benchmarks: ${command:-the rows files in bench/out/}"
  "date:    ${started:-$(date -u +%FT%TZ)}${started:+ to $(info finished)}"
  "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $load"
  "java:    $(java -version 2>&1 | head -1 | sed 's/"//g')"
  "commit:  ${id:-$(commit)}"
)

# All rows, in order, as one TSV stream; a script with no rows gets one row that says why.
status_of() { # status_of NAME: "exit<TAB>seconds<TAB>load" from bench/run, or nothing
  [[ -f $out/run.status.tsv ]] && awk -F'\t' -v n="$1" '$1 == n { print $2 "\t" $3 "\t" $4 }' "$out/run.status.tsv"
  return 0
}
names=("${order[@]}")
for file in "$out"/*.rows.tsv; do
  [[ -e $file ]] || continue
  name="$(basename "$file" .rows.tsv)"
  [[ " ${order[*]} " == *" $name "* ]] || names+=("$name")
done
rows="$(
  for name in "${names[@]}"; do
    file="$out/$name.rows.tsv"
    IFS=$'\t' read -r code _ _ <<<"$(status_of "$name")"
    if [[ -n ${code:-} && $code != 0 ]]; then
      printf '%s\t%s\t—\t\t—\t—\t—\t—\tFAILED\n' "bench/$name.sh" "failed (exit $code)"
    elif [[ -s $file ]] && grep -qv '^#' "$file"; then
      grep -v '^#' "$file"
    else
      printf '%s\t%s\t—\t\t—\t—\t—\t—\t—\n' "bench/$name.sh" "not run (no $name.rows.tsv)"
    fi
  done
)"

# Columns: figure | shiprun: median (min–max) | baseline, same run | ratio | goal | verdict.
# LC_ALL=C and a width that skips UTF-8 continuation bytes: mawk counts bytes, and "–", "≤", "×"
# are several bytes each but one column on screen.
table() { # table text|md
  printf '%s\n' "$rows" | LC_ALL=C awk -F'\t' -v mode="$1" '
    function width(s, t) { t = s; gsub(/[\200-\277]/, "", t); return length(t) }
    function pad(s, w) { while (width(s) < w) s = s " "; return s }
    function lpad(s, w) { while (width(s) < w) s = " " s; return s }
    {
      n++
      cell[n, 1] = $1
      cell[n, 2] = ($3 == "—" || $3 == "") ? $2 " " $4 : $2 " " $4 " (" $3 ")"
      cell[n, 3] = ($5 == "—") ? "—" : $5 ": " $6
      cell[n, 4] = ($7 ~ /^[0-9.]+$/) ? $7 "×" : "—"
      cell[n, 5] = $8
      cell[n, 6] = $9
      sub(/ +$/, "", cell[n, 2])
    }
    END {
      head[1] = "figure"; head[2] = "shiprun: median (min–max)"; head[3] = "baseline, same run"
      head[4] = "ratio"; head[5] = "goal"; head[6] = "verdict"
      if (mode == "md") {
        print "| " head[1] " | " head[2] " | " head[3] " | " head[4] " | " head[5] " | " head[6] " |"
        print "| --- | ---: | --- | ---: | --- | --- |"
        for (i = 1; i <= n; i++) {
          line = "|"
          for (c = 1; c <= 6; c++) {
            v = cell[i, c]
            gsub(/\|/, "\\|", v)
            if (c == 6 && (v == "PASS" || v == "MISS" || v == "FAILED")) v = "**" v "**"
            line = line " " v " |"
          }
          print line
        }
        exit
      }
      for (c = 1; c <= 6; c++) w[c] = width(head[c])
      for (i = 1; i <= n; i++) for (c = 1; c <= 6; c++) if (width(cell[i, c]) > w[c]) w[c] = width(cell[i, c])
      line = ""
      for (c = 1; c <= 6; c++) line = line (c == 4 ? lpad(head[c], w[c]) : pad(head[c], w[c])) (c < 6 ? "  " : "")
      print line
      line = ""
      for (c = 1; c <= 6; c++) { d = ""; while (length(d) < w[c]) d = d "-"; line = line d (c < 6 ? "  " : "") }
      print line
      for (i = 1; i <= n; i++) {
        line = ""
        for (c = 1; c <= 6; c++) line = line (c == 4 ? lpad(cell[i, c], w[c]) : pad(cell[i, c], w[c])) (c < 6 ? "  " : "")
        sub(/ +$/, "", line)
        print line
      }
    }'
}

footer() {
  printf '%s\n' "$rows" | awk -F'\t' '
    $9 == "PASS" { p++ } $9 == "MISS" { m++ } $9 == "FAILED" { f++ }
    END { printf "verdicts: %d PASS, %d MISS, %d FAILED; ratio = shiprun ÷ baseline", p, m, f }'
  if [[ -f $out/run.status.tsv ]]; then
    printf '\nscripts (seconds, 1-min load average when it started):'
    awk -F'\t' '{ printf " %s %ss (load %s)%s", $1, $3, $4, (NR < n ? "," : "") }' n="$(wc -l <"$out/run.status.tsv")" "$out/run.status.tsv"
  fi
  echo
}

{
  printf '%s\n' "${header[@]}"
  echo
  table text
  echo
  footer
} | tee "$out/summary.txt"

{
  echo '```text'
  printf '%s\n' "${header[@]}"
  echo '```'
  echo
  table md
  echo
  footer
} >"$out/summary.md"
echo "(Markdown: ${out#"$root"/}/summary.md)"
