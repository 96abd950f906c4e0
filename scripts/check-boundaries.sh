#!/usr/bin/env bash
# Enforces the module layout: the C libraries are imported by one wrapper
# module each, and the tracker domain knows no file format.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
check() { # message, grep pattern, allowed folder
  local hits
  hits=$(grep -rlE "$2" Sources Tests --include='*.swift' | grep -v "^$3" || true)
  if [ -n "$hits" ]; then echo "boundary: $1:"; echo "$hits" | sed 's/^/  /'; fail=1; fi
}
check "import CLibZip outside Sources/ZipArchive" '^\s*(@_\w+\s+)?(public |internal |package )?import CLibZip' 'Sources/ZipArchive/'
check "import CLibXML2 outside Sources/XMLStream" '^\s*(@_\w+\s+)?(public |internal |package )?import CLibXML2' 'Sources/XMLStream/'
hits=$(grep -rlE '^\s*(public |internal |package )?import (Grid|XLSXFormat|DelimitedFormat|ZipArchive|XMLStream|CLibZip|CLibXML2)\b' Sources/TrackerModel || true)
if [ -n "$hits" ]; then echo "boundary: Sources/TrackerModel imports a format module:"; echo "$hits" | sed 's/^/  /'; fail=1; fi
for m in Grid DelimitedFormat XLSXFormat ZipArchive XMLStream; do
  hits=$(grep -rlE '^\s*(public |internal |package )?import (TrackerModel|TrackerKit)\b' "Sources/$m" || true)
  if [ -n "$hits" ]; then echo "boundary: Sources/$m knows trackers:"; echo "$hits" | sed 's/^/  /'; fail=1; fi
done
hits=$(grep -rlE '^\s*(@_\w+\s+)?(public |internal |package )?import ' Sources/ByteScan || true)
if [ -n "$hits" ]; then echo "boundary: Sources/ByteScan must depend on nothing:"; echo "$hits" | sed 's/^/  /'; fail=1; fi
[ $fail -eq 0 ] && echo "module boundaries: ok"
exit $fail
