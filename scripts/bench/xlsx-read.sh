#!/usr/bin/env bash
# XLSX reading benchmark: wsoa against python-calamine, fastexcel (calamine +
# Arrow) and openpyxl read-only, on the same two deterministic files:
#   tracker.xlsx  100,000 tracker-shaped actions (about 24 MB; shared strings, long text)
#   numeric.xlsx  1,000,000 rows x 10 mostly-numeric columns (about 76 MB)
# The data come from wsoa-bench's generators (SyntheticTracker,
# SyntheticNumericGrid) as CSV; XlsxWriter, in a scratch venv, turns them into
# XLSX (scripts/bench/make-xlsx-inputs.py). Prints wall time, cells/s, peak
# RSS (VmHWM) and CPU time (user + system, all threads) for each, and each
# peer's wall and CPU time as a multiple of wsoa's streaming read. CPU time
# drifts less than wall time on a shared machine.
#
# Usage: scripts/bench/xlsx-read.sh        (RUNS=n keeps the best of n runs;
#        NO_OPENPYXL=1 skips openpyxl, which takes minutes on the numeric file)
# Without python3 (or pip) the inputs cannot be made and the benchmark is skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench-out
RUNS=${RUNS:-1}
mkdir -p "$OUT"
BIN_DIR=$(swift build -c release --show-bin-path)
[ -x "$BIN_DIR/wsoa-bench" ] || swift build -c release --static-swift-stdlib --product wsoa-bench >&2
BENCH="$BIN_DIR/wsoa-bench"

if ! command -v python3 >/dev/null 2>&1; then
  echo "xlsx-read: python3 not found; cannot generate the XLSX inputs, skipping"; exit 0
fi
VENV=.venv-bench
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" >/dev/null 2>&1 || { echo "xlsx-read: cannot create a venv (python3-venv missing?), skipping"; exit 0; }
fi
PY="$VENV/bin/python"
"$PY" -m pip install -q xlsxwriter python-calamine fastexcel pyarrow openpyxl >/dev/null 2>&1 \
  || echo "xlsx-read: pip could not install every peer; missing ones are skipped" >&2

if [ ! -s "$OUT/tracker.xlsx" ] || [ ! -s "$OUT/numeric.xlsx" ]; then
  echo "generating inputs in $OUT/ ..." >&2
  "$BENCH" generate-tracker-csv "$OUT/tracker.csv" 100000
  "$BENCH" generate-numeric-csv "$OUT/numeric.csv" 1000000
  "$PY" scripts/bench/make-xlsx-inputs.py "$OUT/tracker.csv" "$OUT/tracker.xlsx" "$OUT/numeric.csv" "$OUT/numeric.xlsx"
fi

# best_of CMD...: runs CMD $RUNS times, keeps the line with the smallest time (field 2).
best_of() {
  local best="" line
  for _ in $(seq "$RUNS"); do
    line=$("$@" 2>/dev/null) || return 1
    if [ -z "$best" ] || awk -v a="$(echo "$line" | awk '{print $2}')" -v b="$(echo "$best" | awk '{print $2}')" 'BEGIN{exit !(a<b)}'; then
      best=$line
    fi
  done
  echo "$best"
}

ours() { # mode file -> "wsoa-<mode> seconds cells rss cpu"
  "$BENCH" xlsx-read "$2" "$1" \
    | sed -E 's/^wsoa xlsx-read ([a-z]+): ([0-9]+) cells in ([0-9.]+) s .*cpu ([0-9.]+) s, peak RSS ([0-9]+) MiB.*/wsoa-\1 \3 \2 \5 \4/'
}

printf '%-14s %-16s %9s %12s %10s %8s %8s %8s\n' file tool "wall s" "cells/s" "peak MiB" "cpu s" "wall/x" "cpu/x"
for name in tracker numeric; do
  file="$OUT/$name.xlsx"
  base=$(best_of ours stream "$file")
  base_time=$(echo "$base" | awk '{print $2}')
  base_cpu=$(echo "$base" | awk '{print $5}')
  lines=("$base" "$(best_of ours workbook "$file")")
  for tool in calamine fastexcel openpyxl; do
    [ "$tool" = openpyxl ] && [ -n "${NO_OPENPYXL:-}" ] && continue
    if line=$(best_of "$PY" scripts/bench/xlsx_read_peers.py "$tool" "$file"); then
      lines+=("$line")
    else
      lines+=("$tool skipped - - -")
    fi
  done
  for line in "${lines[@]}"; do
    echo "$line" | awk -v f="$name.xlsx" -v b="$base_time" -v c="$base_cpu" '{
      if ($2 == "skipped") { printf "%-14s %-16s %9s\n", f, $1, "skipped"; next }
      printf "%-14s %-16s %9.3f %12.0f %10d %8.2f %7.2fx %7.2fx\n", f, $1, $2, $3 / $2, $4, $5, $2 / b, $5 / c }'
  done
done
