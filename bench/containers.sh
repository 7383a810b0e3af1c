#!/usr/bin/env bash
# bench/containers.sh — what shiprun adds to a container engine's own cost, in one run:
#
#   podman-1     `podman run --rm IMAGE true` (the baseline: what the engine costs by itself)
#   host-1       `shiprun run` of a line with one runSh job whose TASK (`true`) runs on the host
#   container-1  the same line with the TASK in a container of IMAGE (pull: false)
#   podman-20    20 × `podman run --rm IMAGE true`, one after the other
#   host-20      `shiprun run` of a chain of 20 such jobs on the host (job i reads job i-1)
#   container-20 the same chain with every TASK in a container
#
# Container overhead = container-1 − host-1 (the JVM start, the store and the YAML cancel out):
# the issue's goal is ≤ 1.2 × podman-1. Per container job in a chain = (container-20 − host-20)
# / 20, next to podman-20 / 20 (no goal).
#
# IMAGE is made here without a network or a registry, like the tests' image: busybox-static's
# applets, bash, jq and the libraries ldd names, `podman import`ed as localhost/shiprun-bench/tools:1
# into a storage of this script's own (bench/out/containers/, vfs, runc, cgroupfs: the settings of
# docs/containers.md, named by CONTAINERS_CONF and CONTAINERS_STORAGE_CONF for podman and for
# shiprun). Needs root, podman, runc, conmon, busybox-static, bash and jq.
#
# A probe run first checks that the TASK really runs in the image (it reads a file only the image
# has). A build of shiprun without the container executor fails that probe: the script then says
# so, measures only the podman baseline and leaves the shiprun rows unmeasured.
#
# RUNS repetitions (default 7; BENCH_QUICK=1: 3), medians and min–max. Uses the packaged CLI
# (./shiprun builds it when needed). Writes bench/out/containers.rows.tsv, the rows of bench/run's
# table, and bench/out/containers.table.txt.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
if bench_quick; then
  runs="${RUNS:-3}"
else
  runs="${RUNS:-7}"
fi
chain_length=20
goal=1.2
table="$out/containers.table.txt"
rows_file="$out/containers.rows.tsv"
work="$out/containers"
image=localhost/shiprun-bench/tools:1
marker=/etc/shiprun-bench-image
mkdir -p "$out"
rm -f "$rows_file" "$table"

for tool in podman runc conmon busybox bash jq ldd tar; do
  if ! bench_has "$tool"; then
    echo "containers: $tool is missing; apt-get install podman runc conmon busybox-static jq" >&2
    exit 2
  fi
done
if [[ $EUID -ne 0 ]]; then
  echo "containers: needs root (rootful podman with the settings of docs/containers.md)" >&2
  exit 2
fi

# podman's settings and storage, this script's own; the run root is short (podman refuses long).
rm -rf "$work"
mkdir -p "$work"
runroot="$(mktemp -d /tmp/shiprun-bench-XXXXXX)"
cleanup() {
  podman rm --all --force --time 0 >/dev/null 2>&1 || true
  rm -rf "$runroot"
}
trap cleanup EXIT
bench_podman_settings "$work" "$runroot"

# The image: a root file system of busybox's applets, bash, jq and their libraries.
rootfs="$work/rootfs"
bench_rootfs "$rootfs" /bin/bash /usr/bin/jq
echo "inside the bench image" >"$rootfs$marker"
bench_rootfs_tar "$rootfs"
podman import "$work/rootfs.tar" "$image" >/dev/null
podman run --rm "$image" true \
  || { echo "containers: podman cannot run $image with the settings in $work" >&2; exit 1; }

line() { # line DIR N WHERE SCRIPT: N runSh jobs in a chain, each one TASK on the host or in IMAGE
  local dir=$1 n=$2 where=$3 script=$4 i
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
      if [[ $where == host ]]; then
        echo "          runtime: {container: false}"
      else
        echo "          runtime:"
        echo "            container: true"
        echo "            options: {imageName: ${image%:*}, imageTag: \"${image##*:}\", pull: false}"
      fi
      echo "          script:"
      echo "            - '$script'"
    done
  } >"$dir/shippable.yml"
}
line "$work/probe" 1 container "cat $marker"
for n in 1 "$chain_length"; do
  line "$work/host-$n" "$n" host true
  line "$work/container-$n" "$n" container true
done

"$here/shiprun" --version >/dev/null # builds the CLI if needed, outside the timings

shiprun_run() { # shiprun_run LINE HOME: one run, its output in $work/last.txt
  "$here/shiprun" run "$1" --home "$2" --parallel 1 >"$work/last.txt" 2>&1
}
podman_runs() { # podman_runs N: N × podman run --rm IMAGE true
  local i
  for ((i = 0; i < $1; i++)); do podman run --rm "$image" true >/dev/null; done
}
now() { date +%s%N; }
ms_since() { echo $((($(now) - $1) / 1000000)); }

executor=yes
if ! shiprun_run "$work/probe" "$work/home-probe"; then
  executor=no
  echo "containers: this shiprun cannot run a TASK in a container yet (its probe job failed:" \
    "$(grep -m1 -iE 'container|error|fail' "$work/last.txt" || tail -n 1 "$work/last.txt"));" \
    "measuring the podman baseline only" >&2
fi

declare -a p1 p20 over1 per_job h1 c1 h20 c20
podman_runs 2 # warm the engine's caches
for ((r = 1; r <= runs; r++)); do
  start=$(now)
  podman_runs 1
  p1+=("$(ms_since "$start")")
  start=$(now)
  podman_runs "$chain_length"
  p20+=("$(ms_since "$start")")
  if [[ $executor == yes ]]; then
    for kind in host-1 container-1 host-$chain_length container-$chain_length; do
      start=$(now)
      shiprun_run "$work/$kind" "$work/home-$kind-$r" \
        || { echo "containers: $kind failed, see $work/last.txt" >&2; exit 1; }
      ms=$(ms_since "$start")
      case $kind in
        host-1) h1+=("$ms") ;;
        container-1) c1+=("$ms") ;;
        host-*) h20+=("$ms") ;;
        *) c20+=("$ms") ;;
      esac
      rm -rf "$work/home-$kind-$r"
    done
    over1+=("$((c1[-1] - h1[-1]))")
    per_job+=("$(bench_calc %.1f '(c - h) / n' c="${c20[-1]}" h="${h20[-1]}" n="$chain_length")")
    echo "containers: repetition $r of $runs: podman run ${p1[-1]} ms, container job − host job" \
      "${over1[-1]} ms; $chain_length podman runs ${p20[-1]} ms, per container job in a chain" \
      "${per_job[-1]} ms" >&2
  else
    echo "containers: repetition $r of $runs: podman run ${p1[-1]} ms, $chain_length podman runs ${p20[-1]} ms" >&2
  fi
done

IFS=$'\t' read -r p1_med p1_lo p1_hi <<<"$(printf '%s\n' "${p1[@]}" | bench_stats %.0f)"
IFS=$'\t' read -r p20_med p20_lo p20_hi <<<"$(printf '%s\n' "${p20[@]}" | bench_stats %.0f)"
per_podman=$(bench_calc %.1f 'p / n' p="$p20_med" n="$chain_length")
if [[ $executor == yes ]]; then
  IFS=$'\t' read -r o_med o_lo o_hi <<<"$(printf '%s\n' "${over1[@]}" | bench_stats %.0f)"
  IFS=$'\t' read -r j_med j_lo j_hi <<<"$(printf '%s\n' "${per_job[@]}" | bench_stats %.1f)"
  IFS=$'\t' read -r h1_med _ _ <<<"$(printf '%s\n' "${h1[@]}" | bench_stats %.0f)"
  IFS=$'\t' read -r c1_med _ _ <<<"$(printf '%s\n' "${c1[@]}" | bench_stats %.0f)"
  ratio1=$(bench_ratio "$o_med" "$p1_med")
  ratio20=$(bench_ratio "$j_med" "$per_podman")
  shown_1="$h1_med / $c1_med ms" shown_o="$o_med ms | $o_lo–$o_hi ms" shown_j="$j_med ms | $j_lo–$j_hi ms"
  o_range="$o_lo–$o_hi" j_range="$j_lo–$j_hi" unit=ms
else
  unit=""
  o_med="not measured" j_med="not measured" o_range="—" j_range="—" ratio1="—" ratio20="—"
  shown_1="not measured" shown_o="not measured | —" shown_j="not measured | —"
fi
{
  echo "| figure | median | min–max | note |"
  echo "| --- | ---: | ---: | --- |"
  echo "| podman run --rm IMAGE true | $p1_med ms | $p1_lo–$p1_hi ms | the engine by itself |"
  echo "| shiprun run, 1 job: host / container | $shown_1 | — | pull: false |"
  echo "| container job − host job | $shown_o | ratio $ratio1 × podman run (goal ≤ $goal) |"
  echo "| $chain_length × podman run | $p20_med ms | $p20_lo–$p20_hi ms | $per_podman ms each |"
  echo "| per container job, chain of $chain_length | $shown_j | (container chain − host chain) / $chain_length; ratio $ratio20 |"
} | tee "$table"
[[ $executor == yes ]] || echo "containers: no container executor in this build: shiprun's figures not measured" | tee -a "$table"

bench_rows_init "$rows_file"
bench_row "$rows_file" "container TASK: container job − host job" "$o_med" "$o_range" "$unit" \
  "podman run --rm IMAGE true" "$p1_med ms" "$ratio1" "issue 17: ≤ $goal × baseline" \
  "$(bench_verdict "$ratio1" le "$goal")"
bench_row "$rows_file" "container TASK: per job, chain of $chain_length" "$j_med" "$j_range" "$unit" \
  "podman run (one of $chain_length)" "$per_podman ms" "$ratio20" "—" "—"
