#!/usr/bin/env bash
# bench/soak.sh — the fuzz, crash and race tests of the test suite at the sizes that found the
# defects they guard against, far larger than `./mvnw verify` runs them (which keeps .ci/run short):
#
#   MutatedLinesTest       SOAK_YAML_CASES mutated samples and scenarios (default 100000; verify 2000)
#   RunMaskingFuzzTest     SOAK_SECRETS random secrets printed every way (default 3000; verify 200)
#   DaemonCrashSoakIT      SOAK_KILLS kill -9 of the daemon mid-run (default 20; verify 3)
#   SharedHomeIT           SOAK_ROUNDS rounds of two `shiprun run` of one line on one home at once
#                          (default 20; verify 4; bench/shared-home.sh does the same without Maven)
#
# SOAK_SEED (default: the time) makes a new corpus each run; a failure prints the seed, and
# SOAK_SEED=N bench/soak.sh runs the same corpus again. Prints one line per test: passed or failed,
# with its time. Exit 0 when all passed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

seed=${SOAK_SEED:-$(date +%s)}
yaml_cases=${SOAK_YAML_CASES:-100000}
secrets=${SOAK_SECRETS:-3000}
kills=${SOAK_KILLS:-20}
rounds=${SOAK_ROUNDS:-20}
out=bench/out/soak
mkdir -p "$out"

echo "soak: seed $seed (SOAK_SEED=$seed to repeat)"
failed=0

# soak NAME MAVEN-ARGS…: runs one test through Maven, its output in bench/out/soak/NAME.log.
soak() {
  local name=$1 start end
  shift
  start=$(date +%s)
  if ./mvnw -B -q "$@" -Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
    -Dshiprun.fuzz.seed="$seed" >"$out/$name.log" 2>&1; then
    end=$(date +%s)
    echo "soak: $name passed ($((end - start)) s)"
  else
    end=$(date +%s)
    echo "soak: $name FAILED ($((end - start)) s; $out/$name.log)"
    failed=1
  fi
}

soak MutatedLinesTest -pl resources-model test -Dtest=MutatedLinesTest \
  -Dshiprun.fuzz.cases="$yaml_cases"
soak RunMaskingFuzzTest -pl runner -am test -Dtest=RunMaskingFuzzTest \
  -Dshiprun.fuzz.secrets="$secrets"
soak DaemonCrashSoakIT -pl runner -am verify -Dtest=none -Dit.test=DaemonCrashSoakIT \
  -Dshiprun.soak.kills="$kills"
soak SharedHomeIT -pl runner -am verify -Dtest=none -Dit.test=SharedHomeIT \
  -Dshiprun.shared-home.rounds="$rounds"

exit "$failed"
