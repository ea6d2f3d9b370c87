#!/usr/bin/env bash
# Prepares this machine for the Docker end-to-end tests; safe to run any number of times, unattended, as root:
#   1. installs docker.io, debootstrap, ansible (and curl) when missing (one apt-get update, only if needed);
#   2. starts dockerd (no bridge, no iptables: containers only ever use network mode "none") unless the
#      socket already answers GET /_ping, and waits up to 60 s for it;
#   3. builds platform-base:bookworm when missing (scripts/build-base-image.sh).
# Options: --systemd-ref  also build platform-systemd-ref:bookworm (real systemd, for differential tests)
#          --distro       also build platform-distro:bookworm-pg (systemd 252 + Debian's daemons, for the distro tests)
#          --no-ansible   skip installing ansible
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

fail() { echo "provision-docker: $*" >&2; exit 1; }
say() { echo "provision-docker: $*"; }

here=$(cd "$(dirname "$0")" && pwd)
systemd_ref=0 distro=0 ansible=1
for arg in "$@"; do
  case "$arg" in
    --systemd-ref) systemd_ref=1 ;;
    --distro) distro=1 ;;
    --no-ansible) ansible=0 ;;
    *) fail "unknown option $arg (use --systemd-ref, --distro, --no-ansible)" ;;
  esac
done
[ "$(id -u)" = 0 ] || fail "must run as root"

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }
wanted=(docker.io debootstrap curl)
[ "$ansible" = 1 ] && wanted+=(ansible)
missing=()
for p in "${wanted[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  log=/var/log/platform-provision-apt.log
  apt-get update -q >"$log" 2>&1 || fail "apt-get update failed, see $log: $(tail -n 1 "$log")"
  apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >>"$log" 2>&1 \
    || fail "apt-get install ${missing[*]} failed, see $log: $(tail -n 1 "$log")"
fi

sock=/var/run/docker.sock
ping() { [ "$(curl -s --max-time 2 --unix-socket "$sock" -o /dev/null -w '%{http_code}' http://localhost/_ping 2>/dev/null)" = 200 ]; }
if ! ping; then
  dockerd=$(command -v dockerd || echo /usr/sbin/dockerd)
  [ -x "$dockerd" ] || fail "dockerd not found after installing docker.io"
  say "starting dockerd (log: /var/log/platform-dockerd.log)"
  # Detached from this shell so it outlives the script; no bridge/iptables: tests use network mode none.
  setsid "$dockerd" --bridge=none --iptables=false --ip6tables=false \
    </dev/null >>/var/log/platform-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do ping && break; sleep 1; done
  ping || fail "dockerd did not answer /_ping within 60 s: $(tail -n 1 /var/log/platform-dockerd.log)"
fi

"$here/build-base-image.sh" || fail "base image build failed"
if [ "$systemd_ref" = 1 ]; then "$here/build-base-image.sh" --systemd-ref || fail "systemd reference image build failed"; fi
if [ "$distro" = 1 ]; then "$here/build-base-image.sh" --distro || fail "distro image build failed"; fi
say "ready"
