#!/usr/bin/env bash
# The NativeAOT publish links with the platform toolchain: clang (or gcc) and zlib's development files. Debian ships
# them as packages; as root they are installed when missing, otherwise the missing piece is named.
set -euo pipefail
missing=()
command -v clang >/dev/null || command -v gcc >/dev/null || missing+=(clang)
[ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
else
  echo "native build needs: ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 1
fi
