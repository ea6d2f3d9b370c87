#!/usr/bin/env bash
# Checks the platform-plugin template end to end: for every kind, instantiate it (in a private template hive, so the
# user's `dotnet new` list is untouched), run its tests, publish it, check the published folder, and when a published
# systemctl is at hand ($PLATFORM_PUBLISH_DIR or artifacts/publish), check that `systemctl list-plugins` loads it.
# Usage: templates/test.sh [KIND...]   (default: all four)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(service-type status-store notify-transport log-sink)
work="$(mktemp -d /tmp/platform-template-test.XXXXXX)"
trap 'rm -rf "$work"' EXIT
publish="${PLATFORM_PUBLISH_DIR:-$repo/artifacts/publish}"
# The native systemctl loads third-party plugins through the managed plugin host add-on.
export PLATFORM_PLUGIN_HOST="${PLATFORM_PLUGIN_HOST:-$repo/artifacts/plugin-host/systemctl-plugin-host}"
passed=0 failed=0
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

dotnet pack "$repo/src/Abstractions" -c Release -o "$work/contracts" -nologo -v quiet >/dev/null
version="$(basename "$work"/contracts/Platform.Abstractions.*.nupkg .nupkg)"; version="${version#Platform.Abstractions.}"
# The global package cache keeps the first Platform.Abstractions of a version forever; make it take this build's.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/platform.abstractions/$version"
dotnet new install "$here" --debug:custom-hive "$work/hive" >/dev/null

check() { # name, command...
  local name="$1"; shift
  if "$@" >"$work/log" 2>&1; then echo "ok   $name"; passed=$((passed + 1))
  else echo "FAIL $name"; sed 's/^/     /' "$work/log" | tail -40; failed=$((failed + 1)); fi
}

for kind in "${kinds[@]}"; do
  name="Demo.$(echo "$kind" | sed -E 's/(^|-)([a-z])/\U\2/g')"
  dir="$work/$kind"; mkdir -p "$work/root-$kind"
  check "$kind: dotnet new" dotnet new platform-plugin -n "$name" --kind "$kind" --export-name "demo-$kind" \
    --contracts-source "$work/contracts" --contracts-version "$version" -o "$dir" --debug:custom-hive "$work/hive"
  [ -d "$dir" ] || continue
  check "$kind: tests of the generated project" dotnet test "$dir/$name.slnx" -nologo
  out="$dir/out/plugin"
  check "$kind: publish" dotnet publish "$dir/src/$name" -c Release -o "$out" -nologo
  check "$kind: folder holds the plugin and its manifest, not the contracts" \
    bash -c "test -f '$out/$name.dll' && test -f '$out/$name.deps.json' && grep -q '\"$kind\"' '$out/plugin.json' \
             && ! ls '$out' | grep -E '^(Platform\.Abstractions|System\.Composition.*)\.dll$'"
  if [ -x "$publish/systemctl" ] && [ -x "$PLATFORM_PLUGIN_HOST" ]; then
    check "$kind: systemctl list-plugins loads it" bash -c "PLATFORM_PLUGIN_PATH='$out' '$publish/systemctl' --root='$work/root-$kind' list-plugins --no-legend 2>&1 \
      | tee /dev/stderr | grep -E '^$kind +demo-$kind +$name\.dll +0\.1\.0 +loaded '"
  fi
done
echo "templates: $passed passed, $failed failed"
[ "$failed" = 0 ]
