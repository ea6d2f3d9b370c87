#!/usr/bin/env bash
# Runs every test: publishes the self-contained systemctl (with its built-in plugins) to
# artifacts/publish, then runs every test project against it.
set -euo pipefail
cd "$(dirname "$0")"
export PLATFORM_PUBLISH_DIR="$PWD/artifacts/publish"
dotnet publish src/Host -c Release -o "$PLATFORM_PUBLISH_DIR" -nologo -v quiet
dotnet build Platform.sln -c Release -nologo -v quiet
dotnet test Platform.sln -c Release --no-build -nologo "$@"
