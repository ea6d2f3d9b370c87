#!/usr/bin/env bash
# Builds the native systemctl (built-in plugins linked in) into artifacts/publish and runs the
# main job on the embedded example root: install-state commands, then a start/status/stop round on a
# copy of examples/demo-root. No Docker and no root needed.
set -euo pipefail
cd "$(dirname "$0")"
out="$PWD/artifacts/publish"
rm -rf "$out"
scripts/native-prereqs.sh
dotnet publish src/Host -c Release -o "$out" -nologo -v quiet
root=$(mktemp -d /tmp/platform-demo.XXXXXX)
# The log pump the demo started holds the root's journal lock: it is ended by that lock's holder pid, then the root goes.
stop_pump() {
  local fd
  for fd in /proc/[0-9]*/fd/*; do
    [ "$(readlink "$fd" 2>/dev/null)" = "$root/run/platform/journal.lock" ] && { fd=${fd#/proc/}; kill "${fd%%/*}" 2>/dev/null; }
  done
  return 0
}
trap '"$out/systemctl" --root="$root" stop hello.service ready.service setup.service >/dev/null 2>&1 || true; stop_pump; rm -rf "$root"' EXIT
cp -a examples/demo-root/. "$root/"
# The demo's notify service calls systemd-notify, which lives in the install folder.
mkdir -p "$root/etc/systemd/system/ready.service.d"
printf '[Service]\nEnvironment=PATH=%s:/usr/bin:/bin\n' "$out" > "$root/etc/systemd/system/ready.service.d/path.conf"
run() { echo; echo "\$ systemctl $*"; "$out/systemctl" --root="$root" "$@" || echo "(exit $?)"; }
run --version
run list-unit-files
run enable hello.service ready.service setup.service
run is-enabled hello.service worker@.service legacy.service
run cat hello.service
run start hello.service ready.service
run status hello.service ready.service setup.service
run show ready.service -p Type,ActiveState,SubState,MainPID,StatusText
run list-units --all --type=service
run stop hello.service ready.service
run is-active hello.service ready.service setup.service
run list-plugins
