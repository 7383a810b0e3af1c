# shellcheck shell=bash
# bench/lib.sh — what the bench scripts share; they source it (`. "$here/bench/lib.sh"`).

# bench_tool NAME TOOL [PACKAGE]: succeeds when TOOL (a command, or an absolute path such as
# /usr/bin/time, which `command -v time` cannot tell from bash's keyword) is there, after
# installing the Debian package PACKAGE (default: TOOL's name) with apt-get when it is missing and
# we are root. NAME prefixes the messages.
bench_tool() {
  local name=$1 tool=$2 package=${3:-${2##*/}}
  bench_has "$tool" && return 0
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "$name: installing $package (apt-get install -y $package) ..." >&2
    apt-get install -y -q "$package" >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$package" >/dev/null 2>&1; } \
      || true
  fi
  bench_has "$tool"
}

# bench_has TOOL: whether TOOL is an executable path or a command on the PATH.
bench_has() {
  if [[ $1 == /* ]]; then
    [[ -x $1 ]]
  else
    command -v "$1" >/dev/null
  fi
}

# bench_have_hyperfine NAME: whether hyperfine is there (installed if need be); if not, says that
# the bash loop of bench_loop times the commands instead.
bench_have_hyperfine() {
  bench_tool "$1" hyperfine && return 0
  echo "$1: hyperfine cannot be installed here; timing with a bash loop (date +%s%N)" >&2
  return 1
}

# bench_loop WARMUP RUNS COMMAND…: the fallback timer when hyperfine is missing. Runs COMMAND
# WARMUP times, then times RUNS runs with date +%s%N; prints "median<TAB>min<TAB>max" in seconds.
bench_loop() {
  local warmup=$1 runs=$2 i start end times=()
  shift 2
  for ((i = 0; i < warmup; i++)); do "$@" >/dev/null 2>&1; done
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=("$((end - start))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 / 1e9 }
    END { printf "%.6f\t%.6f\t%.6f", (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), t[1], t[NR] }'
}

# bench_quick: whether BENCH_QUICK=1 asks for a smoke run: fewer repetitions and smaller sizes in
# every script, to check that the harness works end to end in a few minutes. Its figures are too
# rough for docs/benchmarks.md.
bench_quick() {
  [[ ${BENCH_QUICK:-0} == 1 ]]
}

# bench_jmh_jar ROOT NAME: makes ROOT/bench/jmh/target/benchmarks.jar when it is missing or older
# than its sources, the masker's or the model's (the reactor build: masker and resources-model come
# from this checkout, never from ~/.m2, and nothing is installed there). Skipping a fresh jar
# saves ≈ 30 s per script of bench/run; NAME prefixes the messages.
bench_jmh_jar() {
  local root=$1 name=$2 jar="$1/bench/jmh/target/benchmarks.jar" changed=""
  if [[ -f $jar ]]; then
    changed="$(find "$root/pom.xml" "$root/masker/pom.xml" "$root/masker/src/main" \
      "$root/resources-model/pom.xml" "$root/resources-model/src/main" \
      "$root/bench/jmh/pom.xml" "$root/bench/jmh/src/main" -newer "$jar" -print -quit 2>/dev/null || true)"
    [[ -z $changed ]] && return 0
  fi
  echo "$name: building $jar (./mvnw -q -B -Pbench -pl bench/jmh -am package -DskipTests) ..." >&2
  (cd "$root" && ./mvnw -q -B -Pbench -pl bench/jmh -am package -DskipTests) >&2
}

# The rows file: what bench/run puts into its one table. One line per figure, tab-separated:
#   figure, value (the median), min–max, unit, baseline name, baseline value (with its unit),
#   ratio (a number, value ÷ baseline unless the figure says otherwise), goal, verdict
# with "—" for what a figure does not have. The verdict is PASS or MISS when the figure has a goal.

# bench_rows_init FILE: starts FILE with its header line (a comment for the reader).
bench_rows_init() {
  printf '# figure\tvalue\tmin–max\tunit\tbaseline\tbaseline value\tratio\tgoal\tverdict\n' >"$1"
}

# bench_row FILE FIGURE VALUE MINMAX UNIT BASELINE BASELINE_VALUE RATIO GOAL VERDICT
bench_row() {
  local file=$1
  shift
  if [[ $# -ne 9 ]]; then
    echo "bench_row: 9 fields after the file, got $#: $*" >&2
    return 1
  fi
  local IFS=$'\t'
  printf '%s\n' "$*" >>"$file"
}

# bench_calc FORMAT EXPRESSION [NAME=VALUE …]: awk arithmetic printed with FORMAT, e.g.
# bench_calc %.2f 'a / b' a=3 b=4 → 0.75.
bench_calc() {
  local format=$1 expression=$2 assign=() pair
  shift 2
  for pair in "$@"; do assign+=(-v "$pair"); done
  awk "${assign[@]}" -v f="$format" "BEGIN { printf f, $expression }"
}

# bench_ratio A B: A ÷ B with two decimals, or "—" when either is not a number or B is 0.
bench_ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (a !~ /^-?[0-9.]+$/ || b !~ /^-?[0-9.]+$/ || b + 0 == 0) print "—"
    else printf "%.2f\n", a / b
  }'
}

# bench_verdict VALUE OP GOAL: PASS when VALUE OP GOAL holds (OP: le, lt, ge, gt), else MISS;
# "—" when VALUE is not a number (the figure was not measured).
bench_verdict() {
  awk -v v="$1" -v op="$2" -v g="$3" 'BEGIN {
    if (v !~ /^-?[0-9.]+$/) { print "—"; exit }
    ok = (op == "le" ? v + 0 <= g + 0 : op == "lt" ? v + 0 < g + 0 : op == "ge" ? v + 0 >= g + 0 : v + 0 > g + 0)
    print (ok ? "PASS" : "MISS")
  }'
}

# bench_stats [FORMAT]: numbers on stdin, one per line → "median<TAB>min<TAB>max", each printed
# with FORMAT (default %.2f).
bench_stats() {
  sort -g | awk -v f="${1:-%.2f}" '{ v[NR] = $1 } END {
    if (NR == 0) exit 1
    printf f "\t" f "\t" f "\n", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR] }'
}

# Writes podman's settings for a bench of its own into folder $1 (vfs storage in $1/graph, runc,
# cgroupfs; run root $2, which must be short) and exports CONTAINERS_CONF and
# CONTAINERS_STORAGE_CONF. The settings are those the tests' ContainerLab writes.
bench_podman_settings() {
  local work=$1 runroot=$2
  cat >"$work/containers.conf" <<EOC
[containers]
default_ulimits = []
[engine]
cgroup_manager = "cgroupfs"
runtime = "runc"
tmp_dir = "$runroot/libpod"
EOC
  cat >"$work/storage.conf" <<EOC
[storage]
driver = "vfs"
runroot = "$runroot/storage"
graphroot = "$work/graph"
EOC
  export CONTAINERS_CONF="$work/containers.conf" CONTAINERS_STORAGE_CONF="$work/storage.conf"
}

# Writes a root file system in folder $1 of busybox's applets and the host binaries $2… with the
# libraries ldd names for them.
bench_rootfs() {
  local rootfs=$1 binary lib applet
  shift
  mkdir -p "$rootfs"/{bin,usr/bin,etc,tmp,root}
  for binary in /bin/busybox "$@"; do
    cp -L "$binary" "$rootfs$binary"
    for lib in $(ldd "$binary" 2>/dev/null | grep -o '/[^ ]*' || true); do
      mkdir -p "$rootfs$(dirname "$lib")"
      cp -L "$lib" "$rootfs$lib"
    done
  done
  for applet in $("$rootfs/bin/busybox" --list); do
    [[ -e $rootfs/bin/$applet ]] || ln -s busybox "$rootfs/bin/$applet"
  done
}

# Archives the root file system in folder $1 as $1.tar, reproducibly.
bench_rootfs_tar() {
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$1" -cf "$1.tar" .
}

# bench_free_port: a free TCP port on loopback.
bench_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# bench_daemon_warm ROOT: has the launcher of ROOT record the daemon's class-data archive now, if it
# is not current, so that no timed daemon start pays for it (any `daemon` command line records it).
bench_daemon_warm() {
  "$1/shiprun" daemon --help >/dev/null
}

# bench_daemon_start ROOT PORT HOME CONCURRENCY LOG: starts `ROOT/shiprun daemon` in the background
# on 127.0.0.1:PORT with a home HOME and CONCURRENCY workers, its output in LOG, and sets
# bench_daemon_pid. The launcher execs java: the pid is the JVM's. The API token is
# SHIPRUN_API_TOKEN, which the caller exports.
bench_daemon_start() {
  "$1/shiprun" daemon --port "$2" --home "$3" --concurrency "$4" >"$5" 2>&1 &
  bench_daemon_pid=$!
}

# bench_daemon_wait PORT PATH LOG [ok]: waits until the daemon of bench_daemon_start answers PATH
# (with a 2xx when the fourth argument is "ok"); fails, with LOG on stderr, when it died first.
bench_daemon_wait() {
  local fail=()
  [[ ${4:-} == ok ]] && fail=(-f)
  until curl -s "${fail[@]}" -o /dev/null "http://127.0.0.1:$1$2" 2>/dev/null; do
    kill -0 "$bench_daemon_pid" 2>/dev/null || { cat "$3" >&2; return 1; }
    sleep 0.01
  done
}

# bench_cpu_ticks PID: the user+system CPU of a process and that of its children it waited for,
# in clock ticks, as "own children".
bench_cpu_ticks() {
  awk '{ sub(/.*\) /, ""); print $12 + $13, $14 + $15 }' "/proc/$1/stat"
}

# bench_spawns N: seconds that N × `bash -c true`, one after the other, take (3 decimals): the
# baseline of the drains.
bench_spawns() {
  local start i
  start=$(date +%s%N)
  for ((i = 0; i < $1; i++)); do bash -c true; done
  awk -v ns="$(($(date +%s%N) - start))" 'BEGIN { printf "%.3f", ns / 1e9 }'
}
