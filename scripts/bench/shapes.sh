#!/usr/bin/env bash
# Shape benchmark: the main job (convert to JSON, validate) on 100,000-action
# trackers of different shapes (wsoa-bench generate-tracker-csv ... SHAPE; see
# Sources/wsoa-bench/TrackerShapes.swift): the standard one, many small focus
# areas with long dated notes and dense cross-references, a few huge areas,
# 24 monthly period columns, and everything dense at once. Each shape as CSV
# and as XLSX (written by XlsxWriter, shared strings and status fills), in a
# scratch folder (SHAPES_OUT, default bench-out/shapes; not committed).
# Whole processes, wsoa and the peers (fastexcel and python-calamine reading
# the XLSX, pyarrow.csv the CSV, in .venv-bench) alternating in every round;
# median of RUNS rounds; wall, CPU (user + sys), peak RSS, wsoa's phases
# (WSOA_TIMINGS) and the ratios of the aims (docs/benchmarks.md).
#
# Usage: scripts/bench/shapes.sh [RUNS] [SHAPE...]   (RUNS default 3)
# ACTIONS=N changes the size (default 100000).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
shift || true
SHAPES=("$@")
[ ${#SHAPES[@]} -eq 0 ] && SHAPES=(standard small-areas large-areas monthly dense)
ACTIONS=${ACTIONS:-100000}
OUT=${SHAPES_OUT:-bench-out/shapes}
BIN=$(swift build -c release --show-bin-path)
swift build -c release --static-swift-stdlib --product wsoa-bench >&2
swift build -c release --static-swift-stdlib --product wsoa >&2
mkdir -p "$OUT"

PY=""
if command -v python3 >/dev/null 2>&1; then
  if [ -x .venv-bench/bin/python ] || python3 -m venv .venv-bench >/dev/null 2>&1; then
    if .venv-bench/bin/pip install -q xlsxwriter python-calamine fastexcel pyarrow orjson >/dev/null 2>&1; then
      PY=$PWD/.venv-bench/bin/python
    fi
  fi
fi
[ -z "$PY" ] && echo "python3/venv/pip unavailable: the peers are skipped and the XLSX inputs are written by wsoa"

for shape in "${SHAPES[@]}"; do
  csv="$OUT/$shape.csv"
  xlsx="$OUT/$shape.xlsx"
  [ -s "$csv" ] || "$BIN/wsoa-bench" generate-tracker-csv "$csv" "$ACTIONS" "$shape"
  if [ ! -s "$xlsx" ]; then
    if [ -n "$PY" ]; then
      "$PY" scripts/bench/make-xlsx-inputs.py "$csv" "$xlsx"
    else
      "$BIN/wsoa" dump "$csv" --to xlsx -o "$xlsx"
    fi
  fi
  cat "$csv" "$xlsx" >/dev/null  # warm the page cache
done
python3 scripts/bench/shapes_run.py "$BIN/wsoa" "$PY" "$OUT" "$RUNS" "${SHAPES[@]}"
