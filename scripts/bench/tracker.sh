#!/usr/bin/env bash
# Tracker benchmark: `wsoa convert` of the deterministic 100,000-action tracker
# XLSX (about 24 MB) to JSON and to a cleaned XLSX, and of the small sample
# (samples/staffordshire-priority-2.xlsx), beside `wsoa dump` of the same files
# (the grid alone) and beside a Python script that only reads the file with
# python-calamine and writes its rows as JSON. Whole processes, wall clock,
# best of RUNS (default 3; the small sample 20 times that), then the in-process
# phase split from `wsoa-bench tracker`, including the domain layer's share.
#
# Usage: scripts/bench/tracker.sh [RUNS]
# The Python side (python-calamine, and XlsxWriter to make the input) runs in a
# scratch venv (.venv-bench) and is skipped cleanly without python3/venv/pip;
# the input is then written by wsoa itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
BIN=$(swift build -c release --show-bin-path)
if [ ! -x "$BIN/wsoa-bench" ] || [ ! -x "$BIN/wsoa" ]; then
  swift build -c release --product wsoa-bench >&2
  swift build -c release --product wsoa >&2
fi
# The same wsoa linked with --static-swift-stdlib (its own scratch path, so
# the dynamic build above is not invalidated): no Swift runtime libraries to
# load and relocate at start-up, which is most of a small conversion.
STATIC_BIN=$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)
if [ ! -x "$STATIC_BIN/wsoa" ]; then
  swift build -c release --static-swift-stdlib --scratch-path .build-static --product wsoa >&2 || STATIC_BIN=""
fi
OUT=bench-out/tracker
mkdir -p "$OUT"
SMALL=samples/staffordshire-priority-2.xlsx
CSV="$OUT/tracker-100k.csv"
XLSX="$OUT/tracker-100k.xlsx"
[ -s "$CSV" ] || "$BIN/wsoa-bench" generate-tracker-csv "$CSV" 100000

PY=""
if command -v python3 >/dev/null 2>&1; then
  if [ -x .venv-bench/bin/python ] || python3 -m venv .venv-bench >/dev/null 2>&1; then
    if .venv-bench/bin/pip install -q python-calamine xlsxwriter >/dev/null 2>&1; then PY=.venv-bench/bin/python; fi
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

# best RUNS CMD...: best wall time in seconds of RUNS runs ("n/a" if it fails).
best() {
  local runs=$1 best="" t0 t1 s
  shift
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "n/a"; return; }
    t1=$(date +%s%N)
    s=$(( t1 - t0 ))
    if [ -z "$best" ] || [ "$s" -lt "$best" ]; then best=$s; fi
  done
  awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.1fx", a / b }'; }

row() { # label file runs [bin-dir]
  local label=$1 file=$2 runs=$3 bin=${4:-$BIN} json xlsx dump py
  json=$(best "$runs" "$bin/wsoa" convert "$file" -o "$OUT/out.json" -q)
  xlsx=$(best "$runs" "$bin/wsoa" convert "$file" -o "$OUT/out.xlsx" -q)
  dump=$(best "$runs" "$bin/wsoa" dump "$file" --to json -o "$OUT/dump.json")
  py="n/a"
  [ -n "$PY" ] && py=$(best "$runs" "$PY" scripts/bench/calamine_to_json.py "$file" "$OUT/calamine.json")
  printf "%-30s %10s %10s %10s %12s %10s\n" "$label" "$json" "$xlsx" "$dump" "$py" "$(ratio "$py" "$json")"
}

echo "wall seconds, best of $RUNS (small sample: best of $((RUNS * 20)))"
printf "%-30s %10s %10s %10s %12s %10s\n" "input" "->json" "->xlsx" "dump" "calamine+json" "py/json"
row "tracker-100k.xlsx (100,000)" "$XLSX" "$RUNS"
row "staffordshire-priority-2.xlsx" "$SMALL" "$((RUNS * 20))"
[ -n "$STATIC_BIN" ] && row "  same, --static-swift-stdlib" "$SMALL" "$((RUNS * 20))" "$STATIC_BIN"
echo
echo "in-process phases (wsoa-bench tracker):"
"$BIN/wsoa-bench" tracker "$XLSX" "$OUT"
"$BIN/wsoa-bench" tracker "$SMALL" "$OUT" 20
