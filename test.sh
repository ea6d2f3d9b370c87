#!/usr/bin/env bash
# Runs every test. On a fresh machine (as root) it first provisions what the end-to-end tests need
# (Docker daemon, debootstrap base image, Ansible), then publishes the self-contained systemctl to
# artifacts/publish and runs every test project against it. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" = 0 ] && [ -x scripts/provision-docker.sh ] && [ "${SKIP_PROVISION:-0}" != 1 ]; then
  scripts/provision-docker.sh --systemd-ref || { [ "${REQUIRE_DOCKER:-0}" = 1 ] && exit 1; echo "provisioning failed: Docker tests will be skipped"; }
fi
export PLATFORM_PUBLISH_DIR="$PWD/artifacts/publish"
dotnet publish src/Host -c Release -o "$PLATFORM_PUBLISH_DIR" -nologo -v quiet
dotnet build Platform.sln -c Release -nologo -v quiet
log=$(mktemp)
status=0
dotnet test Platform.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?
# One closing line over all test assemblies, in the plain form CI reads.
awk '/(Passed|Failed)! +- +Failed:/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
