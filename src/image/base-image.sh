#!/usr/bin/env bash
# base-image.sh — builds shiprun's base image without a Docker engine: a Debian 12 root file
# system (debootstrap, minbase) with bash and the tools jobs call (coreutils, findutils, mawk, jq,
# git, curl, openssl, envsubst, skopeo, tini), a JRE made with jlink from a JDK 17, the user
# shiprun (uid 1001, group 0), its home /var/lib/shiprun (1001:0, 0770) declared as a volume, and
# a healthcheck on the daemon's /q/health/ready (HTTPS first, the certificate not checked, then
# plain HTTP). The Jib build of the shiprun image inherits the
# volume and the healthcheck from it (Quarkus's Jib extension cannot declare either itself;
# docs/container.md).
#
#   sudo src/image/base-image.sh                      # build (or reuse) it; prints its OCI layout
#   sudo src/image/base-image.sh --push docker://registry.example.com/shiprun/base:17 \
#       [--authfile FILE] [--insecure]                # and copy it to a registry with skopeo
#
# Output: an OCI image layout (oci-layout, index.json, blobs: one config, one gzip tar layer, one
# manifest), tag "base", printed on stdout as oci:DIR:base. Needs root (debootstrap chroots),
# debootstrap, a JDK 17 with jmods (Debian's openjdk-17-jdk-headless), tar, gzip, sha256sum, and
# skopeo for --push. Reads the Debian mirror from DEBIAN_MIRROR (default deb.debian.org).
#
# Cache: the layout is kept under $SHIPRUN_IMAGE_CACHE (default ~/.cache/shiprun/base-image) in a
# folder named after the hash of this script, the JDK's release file and the mirror, and reused
# while they stay the same (--rebuild forces a new one); the .deb files are kept there too. From
# nothing it takes ≈ 3 min on 2 cores (debootstrap and apt ≈ 2 min, jlink, tar and gzip ≈ 1 min).
set -euo pipefail
# debootstrap and chroot live in sbin, which a non-login root shell may not have on its PATH.
export PATH="$PATH:/usr/sbin:/sbin"

suite=bookworm
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
security_mirror="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
# What jobs call: shipctl needs bash, jq, git, openssl, curl, envsubst (gettext-base), awk, find
# and split (minbase brings bash, coreutils, findutils, mawk). skopeo copies images without an
# engine (≈ 20 MB); netavark only satisfies its containers-common dependency. tini reaps the
# orphans of jobs when the JVM is PID 1 (the image's entrypoint uses it when it is there).
packages=(ca-certificates curl git jq openssl gettext-base skopeo netavark tini)
# java.se and the JDK modules a server needs that jdeps cannot see (service providers: TLS
# ciphers, zip file systems, DNS), plus JFR and the management beans for diagnosing.
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.naming.dns
modules+=,jdk.charsets,jdk.net,jdk.management,jdk.management.jfr,jdk.jfr,jdk.security.auth
modules+=,jdk.httpserver
uid=1001
home_dir=/var/lib/shiprun
java_home=/opt/java/openjdk
port=8484

push=""
authfile=""
tls_verify=true
rebuild=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --push) push="${2:?--push needs a destination such as docker://host:port/name:tag}"; shift 2 ;;
    --authfile) authfile="${2:?--authfile needs a file}"; shift 2 ;;
    --insecure) tls_verify=false; shift ;;
    --rebuild) rebuild=true; shift ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "base-image.sh: unknown argument '$1'; see --help" >&2; exit 2 ;;
  esac
done

fail() {
  echo "base-image.sh: $*" >&2
  exit 1
}

[[ $EUID -eq 0 ]] || fail "needs root (debootstrap chroots and sets owners); run it with sudo"
command -v debootstrap >/dev/null || fail "debootstrap is missing; apt-get install debootstrap"
jdk="${SHIPRUN_JLINK_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}"
[[ -x "$jdk/bin/jlink" && -d "$jdk/jmods" ]] ||
  fail "no JDK 17 with jmods at $jdk; apt-get install openjdk-17-jdk-headless or set SHIPRUN_JLINK_JDK"
if [[ -n "$push" ]]; then
  command -v skopeo >/dev/null || fail "skopeo is missing (for --push); apt-get install skopeo"
fi

script="$(readlink -f "${BASH_SOURCE[0]}")"
cache="${SHIPRUN_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/shiprun/base-image}"
key="$(cat "$script" "$jdk/release" <(echo "$mirror $security_mirror") | sha256sum | cut -c1-16)"
layout="$cache/$key/oci"

build() {
  local work="$cache/$key.work"
  rm -rf "$work"
  mkdir -p "$work" "$cache/debs"
  local rootfs="$work/rootfs"
  echo "base-image.sh: debootstrap $suite (minbase) ..." >&2
  debootstrap --variant=minbase --cache-dir="$cache/debs" "$suite" "$rootfs" "$mirror" \
    >"$work/debootstrap.log" 2>&1 ||
    fail "debootstrap failed; see $work/debootstrap.log"

  # The tools through apt inside the root file system: unlike debootstrap's own resolver it
  # handles virtual packages, and it takes the security updates.
  cat >"$rootfs/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security_mirror $suite-security main
EOF
  echo "base-image.sh: apt-get install ${packages[*]} ..." >&2
  mkdir -p "$rootfs/var/cache/apt/archives"
  cp -n "$cache/debs/"*.deb "$rootfs/var/cache/apt/archives/" 2>/dev/null || true
  if ! chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive bash -euc "
      apt-get update -q
      apt-get upgrade -y -q
      apt-get install -y -q --no-install-recommends ${packages[*]}
      useradd --uid $uid --gid 0 --home-dir $home_dir --no-create-home --shell /bin/bash shiprun
    " >"$work/apt.log" 2>&1; then
    fail "apt-get in the root file system failed; see $work/apt.log"
  fi
  cp -n "$rootfs/var/cache/apt/archives/"*.deb "$cache/debs/" 2>/dev/null || true

  # Only what a container needs: no package caches and lists, documentation, man pages or
  # translations; /dev, /proc, /sys and /run are the runtime's.
  rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
    "$rootfs"/usr/share/locale/* "$rootfs"/dev/* "$rootfs"/proc/* "$rootfs"/sys/* \
    "$rootfs"/run/* "$rootfs"/tmp/* "$rootfs"/var/tmp/* "$rootfs"/debootstrap \
    "$rootfs"/etc/hostname "$rootfs"/etc/resolv.conf
  : >"$rootfs/etc/machine-id"
  install -d -m 0770 -o "$uid" -g 0 "$rootfs$home_dir"

  echo "base-image.sh: jlink a JRE from $jdk ..." >&2
  mkdir -p "$rootfs$(dirname "$java_home")"
  # A class-data archive of the JDK's own classes: every JVM start maps it instead of parsing.
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive --output "$rootfs$java_home" >"$work/jlink.log" 2>&1 ||
    fail "jlink failed; see $work/jlink.log"
  ln -s "$java_home/bin/java" "$rootfs/usr/bin/java"
  # Started from here, not in a chroot: without /proc its loader cannot find its own libraries.
  "$rootfs$java_home/bin/java" -version >/dev/null 2>&1 || fail "the jlinked JRE does not start"

  echo "base-image.sh: the OCI layout ..." >&2
  write_layout "$rootfs" "$work/oci"
  rm -rf "$cache/$key"
  mkdir -p "$cache/$key"
  mv "$work/oci" "$layout"
  rm -rf "$work"
  # Older builds of other inputs are only in the way.
  find "$cache" -mindepth 1 -maxdepth 1 -type d ! -name "$key" ! -name debs -exec rm -rf {} +
}

# blob FILE MEDIA_TYPE [FIELDS]: moves FILE into the layout's blobs under its digest; prints its
# descriptor (media type, digest, size, and FIELDS: more JSON members).
blob() {
  local digest size
  digest="$(sha256sum "$1" | cut -d' ' -f1)"
  size="$(stat -c %s "$1")"
  mv "$1" "$oci/blobs/sha256/$digest"
  echo "{\"mediaType\": \"$2\", \"digest\": \"sha256:$digest\", \"size\": $size${3:+, $3}}"
}

write_layout() {
  local rootfs="$1"
  oci="$2"
  mkdir -p "$oci/blobs/sha256"
  # Numeric owners (1001 has no name on the build machine), sorted, one fixed date: the same
  # root file system gives the same layer.
  tar --create --file "$oci/layer.tar" --directory "$rootfs" --numeric-owner --sort=name \
    --mtime=@0 --xattrs --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime .
  local diff_id
  diff_id="sha256:$(sha256sum "$oci/layer.tar" | cut -d' ' -f1)"
  gzip -n -6 "$oci/layer.tar"
  local layer
  layer="$(blob "$oci/layer.tar.gz" application/vnd.oci.image.layer.v1.tar+gzip)"
  local second=1000000000
  cat >"$oci/config.json" <<EOF
{
  "architecture": "amd64",
  "os": "linux",
  "created": "1970-01-01T00:00:00Z",
  "config": {
    "User": "$uid",
    "Env": [
      "PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=$java_home",
      "LANG=C.UTF-8"
    ],
    "WorkingDir": "$home_dir",
    "Volumes": {"$home_dir": {}},
    "Healthcheck": {
      "Test": ["CMD-SHELL", "curl -fsSk -o /dev/null https://127.0.0.1:$port/q/health/ready || curl -fsS -o /dev/null http://127.0.0.1:$port/q/health/ready"],
      "Interval": $((30 * second)),
      "Timeout": $((5 * second)),
      "StartPeriod": $((60 * second)),
      "Retries": 3
    },
    "Cmd": ["bash"]
  },
  "rootfs": {"type": "layers", "diff_ids": ["$diff_id"]},
  "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "src/image/base-image.sh"}]
}
EOF
  local config
  config="$(blob "$oci/config.json" application/vnd.oci.image.config.v1+json)"
  cat >"$oci/manifest.json" <<EOF
{
  "schemaVersion": 2,
  "mediaType": "application/vnd.oci.image.manifest.v1+json",
  "config": $config,
  "layers": [$layer]
}
EOF
  local manifest
  manifest="$(blob "$oci/manifest.json" application/vnd.oci.image.manifest.v1+json \
    '"annotations": {"org.opencontainers.image.ref.name": "base"}')"
  echo "{\"schemaVersion\": 2, \"manifests\": [$manifest]}" >"$oci/index.json"
  echo '{"imageLayoutVersion": "1.0.0"}' >"$oci/oci-layout"
}

if $rebuild || [[ ! -f "$layout/index.json" ]]; then
  started=$SECONDS
  build
  echo "base-image.sh: built in $((SECONDS - started)) s: $layout" >&2
else
  echo "base-image.sh: reusing $layout (same inputs; --rebuild makes a new one)" >&2
fi

if [[ -n "$push" ]]; then
  # Docker's format: the healthcheck is part of its image config, not of the OCI one.
  copy=(skopeo --insecure-policy copy --format v2s2 --dest-tls-verify="$tls_verify")
  [[ -n "$authfile" ]] && copy+=(--dest-authfile "$authfile")
  "${copy[@]}" "oci:$layout:base" "$push" >&2 || fail "skopeo could not push to $push"
fi
echo "oci:$layout:base"
