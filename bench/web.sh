#!/usr/bin/env bash
# bench/web.sh — the daemon's web page in Debian's headless chromium, on a generated line of 500
# jobs and 500 resources (dev.shiprun.runner.web.WebBenchLine), each figure next to a baseline
# measured in the same run:
#
#   graph drawn     navigation start → the page's performance mark 'graph-drawn' (the SVG inserted),
#                   and → the first frame after it ('graph-painted', a probe the bench installs),
#                   median of LOADS loads in one signed-in tab; goal < 1 s. Baseline: the same SVG
#                   (GET /api/lines/bench/picture) inline in a static HTML file from python3's
#                   http.server, navigation start → DOMContentLoaded and → the first frame after
#                   load: what the browser alone needs to draw that picture
#   memory          the page's JS heap after a GC and its DOM nodes (CDP Performance.getMetrics),
#                   the largest renderer process's RSS (the tab), next to the static page's
#   SVG size        the picture's bytes as the API sends it
#   live update     UPDATES runs of leaf jobs (each changes one node) triggered through the API:
#                   the run's finishedAt (daemon) → its node's data-status turning final in the
#                   page (a MutationObserver the bench installs); goal < 500 ms. Baseline: the same
#                   run's finishedAt → the SSE event reaching the same tab on a second, bench-only
#                   EventSource (the daemon and the browser, without the page's work)
#
# Needs chromium and chromium-driver (installed with apt-get when missing and root), python3, curl.
# The browser half is dev.shiprun.runner.web.WebBench (test scope), run on the test classpath.
# Writes bench/out/web.rows.tsv and web.table.txt. BENCH_QUICK=1: LOADS=3 and UPDATES=3 unless
# set. Part of bench/run, after containers.sh.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
if bench_quick; then
  loads="${LOADS:-3}"
  updates="${UPDATES:-3}"
else
  loads="${LOADS:-11}"
  updates="${UPDATES:-15}"
fi
jobs="${JOBS:-500}"
groups=$(((jobs + 9) / 10))
if ((updates > groups)); then
  echo "bench/web.sh: UPDATES ($updates) must not exceed the line's $groups leaf jobs" >&2
  exit 2
fi
table="$out/web.table.txt"
rows_file="$out/web.rows.tsv"
work="$out/web"
mkdir -p "$out"
rm -f "$rows_file"
rm -rf "$work"
mkdir -p "$work/static"
token="made-up-bench-token-for-the-page"
export SHIPRUN_API_TOKEN="$token"

bench_tool bench/web.sh /usr/bin/chromium chromium || { echo "bench/web.sh: needs chromium" >&2; exit 1; }
bench_tool bench/web.sh /usr/bin/chromedriver chromium-driver \
  || { echo "bench/web.sh: needs chromium-driver" >&2; exit 1; }

"$here/shiprun" --version >/dev/null # builds the CLI if needed, outside the timings
bench_daemon_warm "$here" # records the daemon's class-data archive, outside the timings
echo "bench/web.sh: compiling the tests and writing their classpath ..." >&2
(cd "$here" && ./mvnw -B -o -q test-compile dependency:build-classpath -pl runner -am \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test) >&2
cp="$here/runner/target/test-classes:$here/runner/target/classes:$(cat "$work/cp.txt")"
bench() { java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$cp" dev.shiprun.runner.web.WebBench "$@"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

bench line "$work/shippable.yml" "$groups"
port="$(free_port)"
"$here/shiprun" daemon --port "$port" --home "$work/home" 2>"$work/daemon.err" >"$work/daemon.out" &
pids+=($!)
until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$work/daemon.err" >&2; exit 1; }
  sleep 0.05
done
api="http://127.0.0.1:$port"
status="$(curl -s -o "$work/put.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/yaml' --data-binary @"$work/shippable.yml" "$api/api/lines/bench")"
[[ $status == 201 ]] || { echo "bench/web.sh: PUT the line: $status $(cat "$work/put.json")" >&2; exit 1; }
curl -sf -H "Authorization: Bearer $token" "$api/api/lines/bench/picture" >"$work/static/line.svg"
svg_bytes="$(stat -c %s "$work/static/line.svg")"
{
  printf '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>bench line</title></head>\n<body>'
  sed '1{/^<?xml/d}' "$work/static/line.svg"
  printf '</body></html>\n'
} >"$work/static/index.html"
static_port="$(free_port)"
python3 -m http.server "$static_port" --bind 127.0.0.1 --directory "$work/static" \
  >"$work/static.log" 2>&1 &
pids+=($!)
until curl -sf -o /dev/null "http://127.0.0.1:$static_port/index.html"; do sleep 0.05; done

echo "bench/web.sh: the static SVG page, $loads loads ..." >&2
bench static "http://127.0.0.1:$static_port/index.html" "$loads" >"$work/static.txt"
echo "bench/web.sh: the daemon's page, $loads loads and $updates live updates ..." >&2
bench page "$api/" bench "$loads" "$updates" >"$work/page.txt"

# KEY FILE [FIELD]: the values of KEY in FILE (field 2 by default)
values() { awk -v k="$1" -v f="${3:-2}" '$1 == k { print $f }' "$2"; }
# KEY FILE [FIELD]: median, min and max of those values, or "—" three times when there are none
stats() { values "$@" | bench_stats %.1f || printf '—\t—\t—\n'; }
one() { values "$1" "$2" | head -n 1; }
IFS=$'\t' read -r drawn drawn_lo drawn_hi <<<"$(stats drawn "$work/page.txt")"
IFS=$'\t' read -r painted painted_lo painted_hi <<<"$(stats painted "$work/page.txt")"
IFS=$'\t' read -r picture picture_lo picture_hi <<<"$(stats picture "$work/page.txt")"
IFS=$'\t' read -r s_drawn _ _ <<<"$(stats drawn "$work/static.txt")"
IFS=$'\t' read -r s_painted _ _ <<<"$(stats painted "$work/static.txt")"
IFS=$'\t' read -r update update_lo update_hi <<<"$(stats update "$work/page.txt")"
IFS=$'\t' read -r event event_lo event_hi <<<"$(stats update "$work/page.txt" 3)"
mib() { bench_calc %.1f 'b / 1048576' b="$1"; }
heap="$(mib "$(one heap "$work/page.txt")")"
s_heap="$(mib "$(one heap "$work/static.txt")")"
rss="$(bench_calc %.1f 'k / 1024' k="$(one rss "$work/page.txt")")"
s_rss="$(bench_calc %.1f 'k / 1024' k="$(one rss "$work/static.txt")")"
nodes="$(one nodes "$work/page.txt")"
s_nodes="$(one nodes "$work/static.txt")"
svg_kib="$(bench_calc %.1f 'b / 1024' b="$svg_bytes")"
final="$(values update "$work/page.txt" 4 | sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')"
errors="$(one console-errors "$work/page.txt")"

{
  echo "web page ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $jobs jobs + $jobs resources, $loads loads, $updates updates, $(chromium --version 2>/dev/null))"
  printf '%-40s %-26s %-34s %-8s %s\n' figure page baseline ratio goal
  printf '%-40s %-26s %-34s %-8s %s\n' "navigation -> graph-drawn mark" "$drawn ms ($drawn_lo–$drawn_hi)" \
    "static SVG page, DOMContentLoaded $s_drawn ms" "$(bench_ratio "$drawn" "$s_drawn")" "< 1 s"
  printf '%-40s %-26s %-34s %-8s %s\n' "navigation -> first frame after it" "$painted ms ($painted_lo–$painted_hi)" \
    "static SVG page, frame after load $s_painted ms" "$(bench_ratio "$painted" "$s_painted")" "< 1 s"
  printf '%-40s %-26s\n' "  of which the request of the picture" "$picture ms ($picture_lo–$picture_hi)"
  printf '%-40s %-26s %-34s %-8s %s\n' "JS heap after GC" "$heap MiB" "static SVG page $s_heap MiB" \
    "$(bench_ratio "$heap" "$s_heap")" "—"
  printf '%-40s %-26s %-34s %-8s %s\n' "DOM nodes" "$nodes" "static SVG page $s_nodes" \
    "$(bench_ratio "$nodes" "$s_nodes")" "—"
  printf '%-40s %-26s %-34s %-8s %s\n' "tab (renderer) RSS" "$rss MiB" "static SVG page $s_rss MiB" \
    "$(bench_ratio "$rss" "$s_rss")" "—"
  printf '%-40s %-26s\n' "SVG of the line (GET .../picture)" "$svg_kib KiB"
  printf '%-40s %-26s %-34s %-8s %s\n' "run's end -> node's final colour" "$update ms ($update_lo–$update_hi)" \
    "SSE event in the tab $event ms ($event_lo–$event_hi)" "$(bench_ratio "$update" "$event")" "< 500 ms"
  printf '%-40s %s\n' "  the runs ended" "$final"
  [[ -z $errors ]] || printf '%-40s %s\n' "console errors in the page" "$errors (see stderr)"
} | tee "$table"

bench_rows_init "$rows_file"
bench_row "$rows_file" "web: navigation → graph drawn, $jobs jobs + $jobs resources" "$drawn" "$drawn_lo–$drawn_hi" ms \
  "static page of the same SVG (DOMContentLoaded)" "$s_drawn ms" "$(bench_ratio "$drawn" "$s_drawn")" "issue 19: < 1 s" \
  "$(bench_verdict "$drawn" lt 1000)"
bench_row "$rows_file" "web: navigation → first frame after the graph" "$painted" "$painted_lo–$painted_hi" ms \
  "static page of the same SVG (frame after load)" "$s_painted ms" "$(bench_ratio "$painted" "$s_painted")" "issue 19: < 1 s" \
  "$(bench_verdict "$painted" lt 1000)"
bench_row "$rows_file" "web: JS heap of the line's page (after GC)" "$heap" "—" MiB \
  "static page of the same SVG" "$s_heap MiB" "$(bench_ratio "$heap" "$s_heap")" "—" "—"
bench_row "$rows_file" "web: tab RSS (renderer)" "$rss" "—" MiB \
  "static page of the same SVG" "$s_rss MiB" "$(bench_ratio "$rss" "$s_rss")" "—" "—"
bench_row "$rows_file" "web: SVG of the line" "$svg_kib" "—" KiB "—" "—" "—" "—" "—"
bench_row "$rows_file" "web: run's end → node's colour" "$update" "$update_lo–$update_hi" ms \
  "the SSE event reaching the tab" "$event ms" "$(bench_ratio "$update" "$event")" "issue 19: < 500 ms" \
  "$(bench_verdict "$update" lt 500)"
