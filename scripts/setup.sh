#!/usr/bin/env bash
# Installs what wsoa needs to build and test on Debian/Ubuntu, only when missing:
#   libzip-dev, libxml2-dev, pkg-config  (build)
#   libxml2-utils (xmllint), unzip        (tests: ../shared/ooxml/check-xlsx)
#   libreoffice-calc-nogui, poppler-utils, fonts-crosextra-carlito
#                                         (tests under CI=true: the print render, docs/printing.md)
# Runs apt-get as root, or through sudo when available; otherwise says what to install.
set -euo pipefail

need=()
pkg-config --exists libzip 2>/dev/null || need+=(libzip-dev)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ "${1:-}" = "--test" ]; then
  command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
  command -v unzip >/dev/null 2>&1 || need+=(unzip)
  # The print test renders the cleaned XLSX with LibreOffice (Carlito has
  # Calibri's metrics, so rows fit as in Excel); required in CI, skipped
  # visibly elsewhere when missing.
  if [ "${CI:-}" = true ]; then
    command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
    command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
    { command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi carlito; } || need+=(fonts-crosextra-carlito)
  fi
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
