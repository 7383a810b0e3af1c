# shellcheck shell=bash
# bench/lib.sh — what the bench scripts share; they source it (`. "$here/bench/lib.sh"`).

# bench_tool NAME TOOL: succeeds when TOOL is on the PATH, after installing the Debian package of
# the same name with apt-get when it is missing and we are root. NAME prefixes the messages.
bench_tool() {
  local name=$1 tool=$2
  command -v "$tool" >/dev/null && return 0
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "$name: installing $tool (apt-get install -y $tool) ..." >&2
    apt-get install -y -q "$tool" >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$tool" >/dev/null 2>&1; } \
      || true
  fi
  command -v "$tool" >/dev/null
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
