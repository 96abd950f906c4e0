#!/usr/bin/env bash
# Tracker benchmark: `wsoa convert` of the deterministic 100,000-action tracker
# XLSX (about 24 MB) to JSON and to a cleaned XLSX, and of the small sample
# (samples/staffordshire-priority-2.xlsx), beside `wsoa dump` of the same files
# (the grid alone) and beside a Python script that only reads the file with
# python-calamine and writes its rows as JSON. Whole processes, wall clock:
# the large file best of RUNS (default 3); the small sample with hyperfine
# (mean and min of 20 x RUNS runs; a best-of loop without hyperfine), next to
# the start-up floors it cannot go below. Then the in-process phase split from
# `wsoa-bench tracker` (each phase's best of 3 runs for the large file, since
# writing 329 MB with fsync varies from run to run), including the domain
# layer's share.
#
# wsoa is built as the README and scripts/demo.sh build it
# (`swift build -c release --static-swift-stdlib`).
# Usage: scripts/bench/tracker.sh [RUNS]
# The Python side (python-calamine, and XlsxWriter to make the input) runs in a
# scratch venv (.venv-bench) and is skipped cleanly without python3/venv/pip;
# the input is then written by wsoa itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
BIN=$(swift build -c release --show-bin-path)
# Always ask (a no-op when up to date), so the binary timed is the one the
# README builds even if an older build without the flag is lying around.
swift build -c release --static-swift-stdlib --product wsoa-bench >&2
swift build -c release --static-swift-stdlib --product wsoa >&2
OUT=bench-out/tracker
mkdir -p "$OUT"
SMALL=samples/staffordshire-priority-2.xlsx
CSV="$OUT/tracker-100k.csv"
XLSX="$OUT/tracker-100k.xlsx"
[ -s "$CSV" ] || "$BIN/wsoa-bench" generate-tracker-csv "$CSV" 100000

PY=""
if command -v python3 >/dev/null 2>&1; then
  if [ -x .venv-bench/bin/python ] || python3 -m venv .venv-bench >/dev/null 2>&1; then
    if .venv-bench/bin/pip install -q python-calamine xlsxwriter orjson >/dev/null 2>&1; then PY=.venv-bench/bin/python; fi
  fi
fi
[ -z "$PY" ] && echo "python3/venv/pip or python-calamine unavailable: the Python peer is skipped"

if [ ! -s "$XLSX" ]; then
  if [ -n "$PY" ]; then
    # The same XlsxWriter layout the XLSX reader benchmark uses (shared strings, fills).
    "$PY" - "$CSV" "$XLSX" <<'PYEOF'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("inputs", "scripts/bench/make-xlsx-inputs.py")
inputs = importlib.util.module_from_spec(spec); spec.loader.exec_module(inputs)
inputs.tracker(sys.argv[1], sys.argv[2])
PYEOF
  else
    "$BIN/wsoa" dump "$CSV" --to xlsx -o "$XLSX"
  fi
fi
cat "$XLSX" "$SMALL" >/dev/null  # warm the page cache

# time CMD...: wall seconds of one run in nanoseconds ("n/a" if it fails).
time_ns() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "n/a"; return; }
  t1=$(date +%s%N)
  echo $(( t1 - t0 ))
}
keep_best() { # current best (ns or empty), new (ns or n/a)
  if [ "$2" = "n/a" ] || [ "$1" = "n/a" ]; then echo "n/a"
  elif [ -z "$1" ] || [ "$2" -lt "$1" ]; then echo "$2"
  else echo "$1"; fi
}
seconds() { [ "$1" = "n/a" ] && echo "n/a" || awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.2fx", a / b }'; }

# One round runs each command once, the Python script between wsoa's runs, so a
# slow spell on the shared host falls on both sides; each keeps its best round.
row() { # label file runs
  local label=$1 file=$2 runs=$3 bin=$BIN json="" xlsx="" dump="" py=""
  for _ in $(seq "$runs"); do
    json=$(keep_best "$json" "$(time_ns "$bin/wsoa" convert "$file" -o "$OUT/out.json" -q)")
    [ -n "$PY" ] && py=$(keep_best "$py" "$(time_ns "$PY" scripts/bench/calamine_to_json.py "$file" "$OUT/calamine.json")")
    xlsx=$(keep_best "$xlsx" "$(time_ns "$bin/wsoa" convert "$file" -o "$OUT/out.xlsx" -q)")
    dump=$(keep_best "$dump" "$(time_ns "$bin/wsoa" dump "$file" --to json -o "$OUT/dump.json")")
  done
  json=$(seconds "$json"); xlsx=$(seconds "$xlsx"); dump=$(seconds "$dump")
  py=$([ -n "$PY" ] && seconds "$py" || echo "n/a")
  printf "%-30s %10s %10s %10s %12s %10s\n" "$label" "$json" "$xlsx" "$dump" "$py" "$(ratio "$py" "$json")"
}

echo "wall seconds, best of $RUNS rounds (wsoa and the Python script alternating)"
printf "%-30s %10s %10s %10s %12s %10s\n" "input" "->json" "->xlsx" "dump" "calamine+json" "py/json"
row "tracker-100k.xlsx (100,000)" "$XLSX" "$RUNS"
echo
scripts/bench/startup.sh "$SMALL" "$OUT" "$((RUNS * 20))" "$PY"
echo
echo "in-process phases (wsoa-bench tracker):"
"$BIN/wsoa-bench" tracker "$XLSX" "$OUT" 3
"$BIN/wsoa-bench" tracker "$SMALL" "$OUT" 20
