#!/usr/bin/env bash
# Runs every test. On a fresh machine (as root) it first provisions what the end-to-end tests need
# (Docker daemon, debootstrap base image, Ansible), then publishes the native systemctl to artifacts/publish and
# the managed plugin host add-on to artifacts/plugin-host, and runs every test project against them. Extra arguments
# go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" = 0 ] && [ -x scripts/provision-docker.sh ] && [ "${SKIP_PROVISION:-0}" != 1 ]; then
  scripts/provision-docker.sh --systemd-ref --distro || { [ "${REQUIRE_DOCKER:-0}" = 1 ] && exit 1; echo "provisioning failed: Docker tests will be skipped"; }
fi
export PLATFORM_PUBLISH_DIR="$PWD/artifacts/publish"
# The plugin host is an add-on outside the install folder here, so the Docker images hold the default install only;
# the variable tells the native systemctl where it is (README, "Third-party plugins").
export PLATFORM_PLUGIN_HOST="$PWD/artifacts/plugin-host/systemctl-plugin-host"
rm -rf "$PLATFORM_PUBLISH_DIR" "$(dirname "$PLATFORM_PLUGIN_HOST")"
scripts/native-prereqs.sh
dotnet publish src/Host -c Release -o "$PLATFORM_PUBLISH_DIR" -nologo -v quiet
dotnet publish src/PluginHost -c Release -o "$(dirname "$PLATFORM_PLUGIN_HOST")" -nologo -v quiet
dotnet build Platform.sln -c Release -nologo -v quiet
log=$(mktemp)
status=0
dotnet test Platform.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?
# The plugin kit is built outside Platform.sln, as a plugin author builds it: the template for all four kinds
# and the worked sample. Skipped when a --filter narrows the run to other tests.
if [[ " $* " != *" --filter"* ]]; then
  templates/test.sh 2>&1 | tee -a "$log" || status=1
  samples/TcpReadyNotifier/test.sh 2>&1 | tee -a "$log" || status=1
fi
# One closing line over all test assemblies, in the plain form CI reads.
awk '/^templates: [0-9]+ passed/ { p += $2; f += $4 }
     /(Passed|Failed)! +- +Failed:/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
