#!/usr/bin/env bash
# Start-up benchmark: converting the small sample tracker is mostly process
# start, so it is timed whole (exec to exit) beside the Python script
# (python-calamine reads the workbook, json.dump writes its rows), and beside
# the floors no conversion can go below: an empty process, a C program that
# only links libxml2 and libzip as wsoa does (the dynamic loader's share of
# those libraries and what they pull in: ICU, libcrypto, libstdc++, liblzma),
# a Swift "hello" linked -static-stdlib, and `wsoa --version` (the whole
# binary started, no work). hyperfine -N when installed (mean and min),
# otherwise a timing loop in the shell.
#
# Usage: scripts/bench/startup.sh [SAMPLE] [OUTDIR] [RUNS] [PYTHON]
# (scripts/bench/tracker.sh runs it; PYTHON is a python with python-calamine,
# default .venv-bench/bin/python when it has it.)
set -euo pipefail
cd "$(dirname "$0")/../.."
SMALL=${1:-samples/staffordshire-priority-2.xlsx}
OUT=${2:-bench-out/startup}
RUNS=${3:-60}
PY=${4-}
if [ -z "$PY" ] && [ -x .venv-bench/bin/python ] && .venv-bench/bin/python -c "import python_calamine" 2>/dev/null; then
  PY=.venv-bench/bin/python
fi
BIN=$(swift build -c release --show-bin-path)
[ -x "$BIN/wsoa" ] || swift build -c release --static-swift-stdlib --product wsoa >&2
mkdir -p "$OUT"

# The floors' programs, built once.
if [ ! -x "$OUT/c-floor" ] && command -v cc >/dev/null 2>&1; then
  cat >"$OUT/c-floor.c" <<'EOF'
/* Links libzip and libxml2 the way wsoa does, then exits. */
#include <zip.h>
#include <libxml/parser.h>
int main(int argc, char **argv) {
  if (argc > 99) { zip_open(argv[1], 0, 0); xmlCreatePushParserCtxt(0, 0, 0, 0, 0); }
  return 0;
}
EOF
  # shellcheck disable=SC2046
  cc -O2 "$OUT/c-floor.c" -o "$OUT/c-floor" $(pkg-config --cflags --libs libzip libxml-2.0) 2>/dev/null || true
fi
if [ ! -x "$OUT/swift-hello" ] && command -v swiftc >/dev/null 2>&1; then
  echo 'print("hello")' >"$OUT/swift-hello.swift"
  swiftc -O -static-stdlib "$OUT/swift-hello.swift" -o "$OUT/swift-hello" 2>/dev/null || true
fi

# measure CMD...: prints "MEAN_MS MIN_MS" ("n/a n/a" if the command fails).
measure() {
  "$@" >/dev/null 2>&1 || { echo "n/a n/a"; return; }
  if command -v hyperfine >/dev/null 2>&1; then
    local csv="$OUT/hyperfine.csv"
    hyperfine -N -w 5 -r "$RUNS" --style none --export-csv "$csv" -- "$*" >/dev/null 2>&1 || { echo "n/a n/a"; return; }
    awk -F, 'NR == 2 { printf "%.2f %.2f\n", $2 * 1000, $7 * 1000 }' "$csv"
  else
    local i t0 t1 sum=0 min="" us
    for ((i = 0; i < RUNS; i++)); do
      t0=$EPOCHREALTIME
      "$@" >/dev/null 2>&1
      t1=$EPOCHREALTIME
      us=$(( (${t1/./} - ${t0/./}) ))
      sum=$((sum + us))
      if [ -z "$min" ] || [ "$us" -lt "$min" ]; then min=$us; fi
    done
    awk -v s="$sum" -v n="$RUNS" -v m="$min" 'BEGIN { printf "%.2f %.2f\n", s / n / 1000, m / 1000 }'
  fi
}

# line LABEL MEAN MIN [REFERENCE_MEAN]: a table row; the ratio is the
# Python script's mean over this row's mean.
line() {
  local ratio=""
  if [ -n "${4-}" ]; then
    ratio=$(awk -v a="$4" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.1fx", a / b }')
  fi
  printf "  %-48s %9s %9s %10s\n" "$1" "$2" "$3" "$ratio"
}

tool="hyperfine -N, $RUNS runs after 5 warm-ups"
command -v hyperfine >/dev/null 2>&1 || tool="shell loop, $RUNS runs (hyperfine not installed)"
size=$(wc -c <"$SMALL" | tr -d ' ')
echo "small sample ($SMALL, $size bytes), whole process, wall clock ($tool):"
printf "  %-48s %9s %9s %10s\n" "" "mean ms" "min ms" "py/this"
py_mean="n/a"
if [ -n "$PY" ]; then
  read -r py_mean py_min < <(measure "$PY" scripts/bench/calamine_to_json.py "$SMALL" "$OUT/calamine.json")
  line "python-calamine + json.dump (the script)" "$py_mean" "$py_min" "$py_mean"
else
  line "python-calamine + json.dump: skipped (no python-calamine)" "n/a" "n/a"
fi
read -r m n < <(measure "$BIN/wsoa" convert "$SMALL" -o "$OUT/out.json" -q)
line "wsoa convert -> JSON" "$m" "$n" "$py_mean"
json_mean=$m
read -r m n < <(measure "$BIN/wsoa" convert "$SMALL" -o "$OUT/out.xlsx" -q)
line "wsoa convert -> cleaned XLSX" "$m" "$n" "$py_mean"
read -r m n < <(measure "$BIN/wsoa" dump "$SMALL" --to json -o "$OUT/dump.json")
line "wsoa dump -> JSON (grid only)" "$m" "$n" "$py_mean"

echo "floors (start-up and exit, no work):"
read -r m n < <(measure "$BIN/wsoa" --version)
line "wsoa --version (the same binary)" "$m" "$n"
version_mean=$m
if [ -x "$OUT/swift-hello" ]; then
  read -r m n < <(measure "$OUT/swift-hello")
  line "Swift hello world, -static-stdlib" "$m" "$n"
fi
c_mean="n/a"
if [ -x "$OUT/c-floor" ]; then
  read -r c_mean n < <(measure "$OUT/c-floor")
  line "C program linking libxml2 + libzip (dynamic)" "$c_mean" "$n"
fi
read -r m n < <(measure /bin/true)
line "/bin/true" "$m" "$n"

if [ "$py_mean" != "n/a" ]; then
  awk -v py="$py_mean" -v json="$json_mean" -v ver="$version_mean" -v c="$c_mean" 'BEGIN {
    printf "aim: 5x the script = %.2f ms; wsoa convert -> JSON is %.1fx (%.2f ms to go).\n", py / 5, py / json, json - py / 5
    printf "  of which start-up (wsoa --version): %.2f ms", ver
    if (c != "n/a") printf "; libxml2 + libzip alone: %.2f ms", c
    printf "\n"
  }'
fi
