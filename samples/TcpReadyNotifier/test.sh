#!/usr/bin/env bash
# Builds and tests the TcpReadyNotifier sample the way a plugin author would, outside Platform.sln:
# packs the contracts and the Docker harness into artifacts/packages (the sample's nuget.config takes
# Platform.Abstractions and Platform.Testing from there, everything else from the NuGet mirror),
# makes sure a published systemctl and plugin host exist ($PLATFORM_PUBLISH_DIR, default artifacts/publish;
# $PLATFORM_PLUGIN_HOST, default artifacts/plugin-host/systemctl-plugin-host), then runs the
# sample's tests, whose end-to-end part publishes the plugin and drops it into that systemctl's plugin path.
# Extra arguments go to `dotnet test`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export PLATFORM_PUBLISH_DIR="${PLATFORM_PUBLISH_DIR:-$repo/artifacts/publish}"
# The native systemctl hands calls to the managed plugin host when a third-party plugin (this sample) is installed.
export PLATFORM_PLUGIN_HOST="${PLATFORM_PLUGIN_HOST:-$repo/artifacts/plugin-host/systemctl-plugin-host}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

for package in Abstractions Testing; do
  dotnet pack "$repo/src/$package" -c Release -o "$repo/artifacts/packages" -nologo -v quiet >/dev/null
  version="$(sed -n "s/.*Include=\"Platform.$package\" Version=\"\([^\"]*\)\".*/\1/p" "$here/Directory.Packages.props")"
  # NuGet keeps the first package of a version in its global cache forever; take this checkout's packages instead.
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/platform.${package,,}/$version"
done
if [ ! -x "$PLATFORM_PUBLISH_DIR/systemctl" ]; then
  dotnet publish "$repo/src/Host" -c Release -o "$PLATFORM_PUBLISH_DIR" -nologo -v quiet
fi
if [ ! -x "$PLATFORM_PLUGIN_HOST" ]; then
  dotnet publish "$repo/src/PluginHost" -c Release -o "$(dirname "$PLATFORM_PLUGIN_HOST")" -nologo -v quiet
fi
dotnet test "$here/TcpReadyNotifier.slnx" -c Release -nologo "$@"
