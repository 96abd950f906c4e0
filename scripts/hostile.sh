#!/usr/bin/env bash
# Runs the hostile-input suite (scripts/fixtures/hostile.py) with the release
# binary: generates the cases into a temporary folder, runs each under
# RLIMIT_AS 1.5 GiB and RLIMIT_CPU 20 s, and prints per case and per class the
# worst wall time, CPU time and peak RSS. Exits 1 if any case is killed, exits
# 70, or passes 1 GiB of RSS or 20 s of CPU.
#
#   scripts/hostile.sh [--binary PATH] [--keep DIR] [CLASS...]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=""
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) break ;;
  esac
done
if [ -z "$binary" ]; then
  swift build -c release --product wsoa >&2
  binary="$(swift build -c release --show-bin-path)/wsoa"
fi
dir="${keep:-$(mktemp -d)}"
[ -n "$keep" ] || trap 'rm -rf "$dir"' EXIT
only=()
[ $# -gt 0 ] && only=(--only "$@")
python3 scripts/fixtures/hostile.py generate "$dir" "${only[@]}" >&2
python3 scripts/fixtures/hostile.py run "$dir" --binary "$binary" "${only[@]}"
