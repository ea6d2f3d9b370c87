#!/usr/bin/env bash
# Builds the offline Debian base image(s) for the Docker test harness with debootstrap + docker import
# (no image registry is reachable). The root-filesystem tarball is cached under /var/cache/platform so a
# rebuild (for example after `docker image rm`) skips the minutes-long debootstrap.
#
#   build-base-image.sh                 platform-base:bookworm          (python3, procps)
#   build-base-image.sh --systemd-ref   platform-systemd-ref:bookworm   (real systemd, for differential tests)
#   build-base-image.sh --distro        platform-distro:bookworm-pg        (real systemd 252 + Debian's own daemons:
#                                       openssh-server, nginx-light, cron, redis-server, memcached, rsyslog,
#                                       chrony, dbus, postgresql; the distro tests boot it as is under systemd and, with our
#                                       binary installed over /usr/bin/systemctl, under our init: one debootstrap
#                                       serves both sides, which boot the very same Debian unit files)
#   --force                             rebuild the image even when it exists (the cached tarball is reused)
#   --refresh                           also discard the cached tarball and run debootstrap again
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

fail() { echo "build-base-image: $*" >&2; exit 1; }

image=platform-base:bookworm
include=python3,procps
force=0 refresh=0
for arg in "$@"; do
  case "$arg" in
    --systemd-ref) image=platform-systemd-ref:bookworm; include=systemd,systemd-sysv,python3,procps ;;
    --distro|--distro-ref) image=platform-distro:bookworm-pg
      include=systemd,systemd-sysv,python3,procps,openssh-server,nginx-light,cron,redis-server,memcached,rsyslog,chrony,dbus,postgresql ;;
    --force) force=1 ;;
    --refresh) force=1 refresh=1 ;;
    *) fail "unknown option $arg (use --systemd-ref, --distro, --force, --refresh)" ;;
  esac
done

[ "$(id -u)" = 0 ] || fail "must run as root (debootstrap needs it)"
sock=${DOCKER_SOCKET:-/var/run/docker.sock}
api() { curl -s --max-time 10 --unix-socket "$sock" -o /dev/null -w '%{http_code}' "http://localhost$1" 2>/dev/null || true; }
[ "$(api /_ping)" = 200 ] || fail "docker daemon does not answer on $sock (run scripts/provision-docker.sh)"

cache=/var/cache/platform
mkdir -p "$cache"
# One build per image at a time: a second caller waits, then finds the image present.
exec 9>"$cache/.lock-${image%%:*}"
flock 9

if [ "$force" = 0 ] && [ "$(api "/images/$image/json")" = 200 ]; then
  echo "build-base-image: $image already present"
  exit 0
fi

command -v debootstrap >/dev/null || fail "debootstrap is not installed (run scripts/provision-docker.sh)"

# The mirror the machine's own apt uses (deb822 or one-line format), else Debian's default.
mirror=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '$1=="deb" && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}

# The tarball name carries the package list so the two images never share a cache entry.
tarball="$cache/rootfs-bookworm-minbase-${include//,/-}.tar"
[ "$refresh" = 1 ] && rm -f "$tarball"

if [ ! -s "$tarball" ]; then
  echo "build-base-image: debootstrap bookworm ($include) from $mirror, takes a few minutes"
  work=$(mktemp -d "$cache/rootfs.XXXXXX")
  trap 'rm -rf "$work" "$tarball.part"' EXIT
  log="$cache/debootstrap-${image%%:*}.log"
  if ! debootstrap --variant=minbase --include="$include" bookworm "$work" "$mirror" >"$log" 2>&1; then
    fail "debootstrap failed, see $log: $(tail -n 1 "$log")"
  fi
  # Package caches are dead weight in every container; device nodes come from docker itself.
  rm -rf "$work"/var/cache/apt/archives/*.deb "$work"/var/lib/apt/lists/* "$work"/var/log/*.log
  tar --numeric-owner -C "$work" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf "$tarball.part" .
  mv "$tarball.part" "$tarball"
  rm -rf "$work"
  trap - EXIT
fi

repo=${image%%:*} tag=${image##*:}
echo "build-base-image: importing $tarball as $image"
code=$(curl -s --unix-socket "$sock" -o "$cache/import-${image%%:*}.out" -w '%{http_code}' -X POST \
  -H 'Content-Type: application/x-tar' -T "$tarball" \
  "http://localhost/images/create?fromSrc=-&repo=$repo&tag=$tag" || true)
[ "$code" = 200 ] || fail "import of $image failed (HTTP $code): $(tail -c 300 "$cache/import-${image%%:*}.out" 2>/dev/null)"
grep -q '"error' "$cache/import-${image%%:*}.out" && fail "import of $image failed: $(tail -c 300 "$cache/import-${image%%:*}.out")"
[ "$(api "/images/$image/json")" = 200 ] || fail "$image is missing after import"
echo "build-base-image: $image ready"
