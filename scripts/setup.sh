#!/usr/bin/env bash
# Installs what wsoa needs to build and test on Debian/Ubuntu, only when missing:
#   libzip-dev, libxml2-dev, pkg-config  (build)
#   libxml2-utils (xmllint), unzip        (tests: ../shared/ooxml/check-xlsx)
# Runs apt-get as root, or through sudo when available; otherwise says what to install.
set -euo pipefail

need=()
pkg-config --exists libzip 2>/dev/null || need+=(libzip-dev)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ "${1:-}" = "--test" ]; then
  command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
  command -v unzip >/dev/null 2>&1 || need+=(unzip)
fi
[ ${#need[@]} -eq 0 ] && exit 0

# De-duplicate (pkg-config may be reported twice).
mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
echo "setup: installing ${need[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "setup: please install as root: apt-get install -y ${need[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq >&2
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
