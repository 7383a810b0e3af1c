#!/usr/bin/env bash
# bench/ci.sh — what shiprun's runCI adds to a CI build of samples/ci-node, in one run:
#
#   shiprun  `shiprun run REPO --parallel 1` of the sample's repository: its two matrix jobs
#            (GREETING=hello, hi) one after the other, each pre_ci on the host, `ci` in a container
#            of the node image (pulled with the `registry` integration), the JUnit report read,
#            then `push` on the host (docker build + docker push of the app's image)
#   by hand  the same work as a shell script would do it, per matrix entry: `git clone` of the
#            repository, pre_ci's command, `podman pull` (the image is there: a manifest check)
#            and `podman run --rm` of the image with the same `ci` commands in the clone, then the
#            same `docker build` and `docker push`
#
# The two alternate, ROUNDS times (default 5; BENCH_QUICK=1: 2), after one warm-up each. Per matrix
# job = a build's time / 2; overhead = (shiprun − by hand) / by hand, on the medians; the goal is
# ≤ 10 %. shiprun's figure includes its JVM start (one `shiprun run` per build), printed apart.
#
# Set-up, all in bench/out/ci/ (what ContainerLab does for the tests): podman's settings (vfs,
# runc, cgroupfs, a short run root under /tmp) and a registries.conf that marks the registry
# insecure; Debian's docker-registry on a free loopback port behind an htpasswd file; an image of
# busybox-static's applets, bash, jq and the host's node with the libraries ldd names, pushed
# with skopeo as HOST/ci/node:20; the sample copied into a git repository of its own. `docker` is
# podman-docker's /usr/bin/docker (put first on the PATH). Needs root, podman, runc, conmon,
# busybox-static, jq, nodejs, docker-registry, apache2-utils, skopeo and podman-docker.
#
# Writes bench/out/ci.table.txt.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$here/bench/out"
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
if bench_quick; then
  rounds="${ROUNDS:-2}"
else
  rounds="${ROUNDS:-5}"
fi
goal=10
work="$out/ci"
table="$out/ci.table.txt"
user=bench-user
password=made-up-bench-password-4711
export PATH="/usr/sbin:/usr/bin:/sbin:/bin:/usr/local/sbin:/usr/local/bin"

for tool in podman runc conmon busybox bash jq node ldd tar git docker-registry htpasswd skopeo \
  /usr/bin/docker; do
  if ! bench_has "$tool"; then
    echo "ci: $tool is missing; apt-get install podman runc conmon busybox-static jq nodejs" \
      "docker-registry apache2-utils skopeo podman-docker" >&2
    exit 2
  fi
done
if [[ $EUID -ne 0 ]]; then
  echo "ci: needs root (rootful podman with the settings of docs/containers.md)" >&2
  exit 2
fi

rm -rf "$work"
mkdir -p "$work"
runroot="$(mktemp -d /tmp/shiprun-bench-ci-XXXXXX)"
registry_pid=
cleanup() {
  podman rm --all --force --time 0 >/dev/null 2>&1 || true
  if [[ -n $registry_pid ]]; then kill "$registry_pid" 2>/dev/null || true; fi
  rm -rf "$runroot"
}
trap cleanup EXIT

# The registry: Debian's docker-registry on a free port of 127.0.0.1, behind htpasswd.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
registry="127.0.0.1:$port"
mkdir -p "$work/registry"
htpasswd -Bbn "$user" "$password" >"$work/registry/htpasswd"
cat >"$work/registry/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: "$work/registry/data"
http:
  addr: "$registry"
  secret: made-up-http-secret-for-the-bench
auth:
  htpasswd:
    realm: shiprun-bench
    path: "$work/registry/htpasswd"
EOF
docker-registry serve "$work/registry/config.yml" >"$work/registry/log.txt" 2>&1 &
registry_pid=$!
for _ in $(seq 100); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://$registry/v2/") == 401 ]] && break
  sleep 0.1
done

# podman's settings and storage, this script's own.
bench_podman_settings "$work" "$runroot"
cat >"$work/registries.conf" <<EOF
[[registry]]
location = "$registry"
insecure = true
EOF
export CONTAINERS_REGISTRIES_CONF="$work/registries.conf"

# The node image: busybox's applets, bash, jq, node and their libraries.
rootfs="$work/rootfs"
bench_rootfs "$rootfs" /bin/bash /usr/bin/jq /usr/bin/node
bench_rootfs_tar "$rootfs"
image="$registry/ci/node:20"
podman import -q "$work/rootfs.tar" localhost/shiprun-bench/node:20 >/dev/null
skopeo copy -q --dest-tls-verify=false --dest-creds "$user:$password" \
  containers-storage:localhost/shiprun-bench/node:20 "docker://$image" >/dev/null

# The sample as a repository of its own, and a home with the `registry` integration.
repo="$work/ci-node"
cp -r "$here/samples/ci-node" "$repo"
git -C "$repo" -c init.defaultBranch=main init -q
git -C "$repo" add -A
git -C "$repo" -c user.name=Bench -c user.email=bench@example.com commit -qm "The sample"
home="$work/home"
printf '%s\n' "$password" >"$work/password.txt"
"$here/shiprun" --version >/dev/null # builds the CLI if needed, outside the timings
"$here/shiprun" integration add registry --home "$home" --type dockerRegistryLogin \
  --url "http://$registry" --username "$user" --password-file "$work/password.txt" >/dev/null
rm "$work/password.txt"

# By hand: the credentials podman and docker read, as shiprun's login writes them for its job.
mkdir -p "$work/auth"
printf '{"auths":{"%s":{"auth":"%s"}}}\n' "$registry" \
  "$(printf '%s:%s' "$user" "$password" | base64 -w0)" >"$work/auth/config.json"
chmod 600 "$work/auth/config.json"

by_hand_build=0
by_hand() { # the sample's build as a shell script, both matrix entries one after the other
  local greeting n=0 copy
  by_hand_build=$((by_hand_build + 1))
  for greeting in hello hi; do
    n=$((n + 1))
    copy="$work/hand/$by_hand_build/$n/ci-node"
    mkdir -p "$(dirname "$copy")"
    git clone -q "$repo" "$copy" || return 1
    (cd "$copy" && test -f package.json) || return 1
    podman pull -q --authfile "$work/auth/config.json" "$image" >/dev/null || return 1
    podman run --rm -v "$copy:$copy" -w "$copy" -e APP_NAME=greeter -e "GREETING=$greeting" \
      "$image" bash -ec '
        node --version
        mkdir -p shippable/testresults
        node --test --test-reporter=spec --test-reporter-destination=stdout \
          --test-reporter=./ci/junit-reporter.mjs \
          --test-reporter-destination=shippable/testresults/junit.xml test/' || return 1
    (
      cd "$copy"
      export REGISTRY_AUTH_FILE="$work/auth/config.json"
      docker build -q -t "$registry/greeter:hand.$by_hand_build.$greeting" . &&
        docker push -q "$registry/greeter:hand.$by_hand_build.$greeting"
    ) || return 1
  done >"$work/hand.txt" 2>&1
  rm -rf "$work/hand/$by_hand_build"
}
# shiprun's build of the sample, the matrix jobs one after the other. A job's scripts get the
# variables of --env, not the CLI's environment: the push section's docker is given podman's
# settings so.
with_shiprun() {
  "$here/shiprun" run "$repo" --home "$home" --parallel 1 --ci-image "node_js=$image" \
    --env "PUSH_REGISTRY=$registry" --env "CONTAINERS_CONF=$CONTAINERS_CONF" \
    --env "CONTAINERS_STORAGE_CONF=$CONTAINERS_STORAGE_CONF" \
    --env "CONTAINERS_REGISTRIES_CONF=$CONTAINERS_REGISTRIES_CONF" -o json \
    >"$work/shiprun.json" 2>"$work/shiprun.txt"
}
now() { date +%s%N; }

# Warm-up, and a check that both really build: four tests per matrix job and a pushed image.
with_shiprun || { cat "$work/shiprun.txt" >&2; echo "ci: shiprun's build failed" >&2; exit 1; }
[[ $(jq '.runs[0].report.tests.passed' "$work/shiprun.json") == 8 ]] \
  || { cat "$work/shiprun.json" >&2; echo "ci: not 8 tests passed" >&2; exit 1; }
by_hand || { cat "$work/hand.txt" >&2; echo "ci: the build by hand failed" >&2; exit 1; }
skopeo inspect --tls-verify=false --creds "$user:$password" \
  "docker://$registry/greeter:hand.1.hi" >/dev/null
skopeo inspect --tls-verify=false --creds "$user:$password" \
  "docker://$registry/greeter:main.1.hi" >/dev/null

shiprun_ms=()
job_ms=()
hand_ms=()
for ((r = 0; r < rounds; r++)); do
  start=$(now)
  with_shiprun || { cat "$work/shiprun.txt" >&2; exit 1; }
  shiprun_ms+=("$((($(now) - start) / 1000000))")
  job_ms+=("$(jq '.runs[0].durationMs' "$work/shiprun.json")")
  start=$(now)
  by_hand || { cat "$work/hand.txt" >&2; exit 1; }
  hand_ms+=("$((($(now) - start) / 1000000))")
done
start=$(now)
for ((r = 0; r < 5; r++)); do "$here/shiprun" --version >/dev/null; done
cli_ms=$((($(now) - start) / 5000000))

median() { printf '%s\n' "$@" | sort -n | awk '{ t[NR] = $1 } END { print (NR % 2 ? t[(NR + 1) / 2] : int((t[NR / 2] + t[NR / 2 + 1]) / 2)) }'; }
span() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }'; }
s=$(median "${shiprun_ms[@]}")
j=$(median "${job_ms[@]}")
h=$(median "${hand_ms[@]}")
{
  echo "CI build of samples/ci-node, 2 matrix jobs, --parallel 1; $rounds rounds alternated, ms"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-36s %8s %12s\n' "" "median" "min–max"
  printf '%-36s %8s %12s\n' "shiprun run, the command" "$s" "$(span "${shiprun_ms[@]}")"
  printf '%-36s %8s %12s\n' "shiprun run, the runCI job" "$j" "$(span "${job_ms[@]}")"
  printf '%-36s %8s %12s\n' "by hand" "$h" "$(span "${hand_ms[@]}")"
  printf '%-36s %8s\n' "per matrix job: shiprun's runCI job" "$((j / 2))"
  printf '%-36s %8s\n' "per matrix job: by hand" "$((h / 2))"
  printf '%-36s %8s\n' "per build: the command around the job" "$((s - j))"
  printf '%-36s %8s\n' "  of which shiprun --version (JVM)" "$cli_ms"
  awk -v s="$s" -v j="$j" -v h="$h" -v goal="$goal" 'BEGIN {
    o = (j - h) / h * 100
    printf "overhead per matrix job (runCI job vs by hand): %+.1f %% (goal <= %d %%: %s)\n",
      o, goal, (o <= goal ? "met" : "NOT met")
    printf "the whole command vs by hand: %+.1f %%\n", (s - h) / h * 100 }'
} | tee "$table"
