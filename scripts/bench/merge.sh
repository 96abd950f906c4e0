#!/usr/bin/env bash
# Merge benchmark: a deterministic 10,000-action master and 10 sub-group
# returns (full copies, each updating its own tenth of the actions: a new
# period, notes, evidence, a few history rewrites and out-of-remit edits),
# ~100 MB of CSV in bench-out/merge/. Prints the time to read every input into
# the canonical model beside the time to merge them (best of 3) and the ratio
# (aim: merging adds no more than a fifth), then the end-to-end `wsoa merge`
# run writing JSON.
#
# Usage: scripts/bench/merge.sh [ACTIONS] [RETURNS]   (defaults 10000 10)
# No Python peer: generic table-merge tools do not do a keyed, period-aware
# tracker merge (security.md §4).
set -euo pipefail
cd "$(dirname "$0")/../.."
ACTIONS=${1:-10000}
RETURNS=${2:-10}
BIN=$(swift build -c release --show-bin-path)
if [ ! -x "$BIN/wsoa-bench" ] || [ ! -x "$BIN/wsoa" ]; then
  swift build -c release --static-swift-stdlib --product wsoa-bench >&2
  swift build -c release --static-swift-stdlib --product wsoa >&2
fi
OUT=bench-out/merge
mkdir -p "$OUT"
"$BIN/wsoa-bench" merge "$ACTIONS" "$RETURNS" "$OUT"

start=$(date +%s.%N)
status=0
"$BIN/wsoa" merge "$OUT/master.csv" "$OUT"/return-*.csv -o "$OUT/merged.json" --prefer master --quiet \
  --report "$OUT/report.json" 2>"$OUT/stderr.txt" || status=$?
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v st="$status" \
  'BEGIN { printf "  wsoa merge end to end (read, merge, write JSON): %8.1f ms (exit %d)\n", (e - s) * 1000, st }'
