#!/usr/bin/env bash
# Builds the sample package in Examples/LibraryClient, which depends on the
# TrackerKit product by path as another project would, and runs it on a
# sample tracker: proves the library's public API is enough on its own.
# Its own build folder (.build/library-client) keeps it apart from ours.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
swift build --package-path Examples/LibraryClient --scratch-path "$root/.build/library-client" 2>&1 | tail -5
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$root/.build/library-client/debug/LibraryClient" samples/staffordshire-priority-2.xlsx > "$out"
first=$(head -n 1 "$out")
last=$(tail -n 1 "$out")
echo "$last"
[[ $first == *'"schema":"wsoa/1"'* ]] || { echo "library client: no wsoa/1 JSON on standard output"; exit 1; }
[[ $last =~ ^[1-9][0-9]*\ priorities,\ [0-9]+\ errors$ ]] || { echo "library client: unexpected summary"; exit 1; }
echo "library client: ok"
