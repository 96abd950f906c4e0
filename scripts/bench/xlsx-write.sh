#!/usr/bin/env bash
# XLSX writing benchmark: wsoa writes the 100,000-action tracker grid
# (SyntheticTracker, 11 text columns) and the 1,000,000 x 10 numeric grid
# (SyntheticNumericGrid); then XlsxWriter (constant_memory) writes the same
# values in a scratch venv. Prints wall time, rows/s, peak RSS, file size and
# the ratios. Every file is checked with ../shared/ooxml/check-xlsx when it is
# there (the big ones take a while; set XLSX_BENCH_CHECK=0 to skip).
#
# Usage: scripts/bench/xlsx-write.sh [ACTIONS] [NUMERIC_ROWS]
#        (defaults 100000 and 1000000; smaller values for a quick look)
# The Python side is skipped cleanly when python3, venv or pip are missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
ACTIONS=${1:-100000}
NUMERIC=${2:-1000000}
BIN=$(swift build -c release --show-bin-path)
[ -x "$BIN/wsoa-bench" ] || swift build -c release --static-swift-stdlib --product wsoa-bench >&2
OUT=bench-out
mkdir -p "$OUT"

value() { sed -n "s/.* $1=\([0-9.e+-]*\).*/\1/p" <<<"$2" | head -1; }
mb() { awk -v b="$1" 'BEGIN{printf "%.0f", b/1e6}'; }
line() { # label, key=value line
  printf '  %-44s %7.2f s wall %7.2f s CPU %9.0f rows/s  peak RSS %4s MB  file %3s MB\n' "$1" "$(value seconds "$2")" \
    "$(value cpu_seconds "$2")" "$(awk -v r="$(value rows "$2")" -v s="$(value seconds "$2")" 'BEGIN{print r/s}')" \
    "$(mb "$(value peak_rss "$2")")" "$(mb "$(value bytes "$2")")"
}

echo "wsoa (XLSXWriter, streaming; generating the rows included):"
T1=$("$BIN/wsoa-bench" xlsx-write-tracker "$OUT/tracker.xlsx" "$ACTIONS" | grep ' bench=')
line "tracker, level 1 (default), 2 threads" "$T1"
T6=$("$BIN/wsoa-bench" xlsx-write-tracker "$OUT/tracker-6.xlsx" "$ACTIONS" 6 | grep ' bench=')
line "tracker, level 6, 2 threads" "$T6"
TI=$("$BIN/wsoa-bench" xlsx-write-tracker "$OUT/tracker-inline.xlsx" "$ACTIONS" 1 inline | grep ' bench=')
line "tracker, level 1, 1 thread" "$TI"
TL=$("$BIN/wsoa-bench" xlsx-write-tracker "$OUT/tracker-lean.xlsx" "$ACTIONS" 1 lean | grep ' bench=')
line "tracker, level 1, strings > 64 B not shared" "$TL"
N1=$("$BIN/wsoa-bench" xlsx-write-numeric "$OUT/numeric.xlsx" "$NUMERIC" | grep ' bench=')
line "numeric, level 1 (default), 2 threads" "$N1"
N6=$("$BIN/wsoa-bench" xlsx-write-numeric "$OUT/numeric-6.xlsx" "$NUMERIC" 6 | grep ' bench=')
line "numeric, level 6, 2 threads" "$N6"
echo "  (generating the rows alone: tracker $(value generate_cpu_seconds "$T1") s CPU, numeric $(value generate_cpu_seconds "$N1") s CPU)"

if [ "${XLSX_BENCH_CHECK:-1}" = 1 ] && [ -x ../shared/ooxml/check-xlsx ]; then
  echo "check-xlsx: $(bash ../shared/ooxml/check-xlsx -q "$OUT/tracker.xlsx" "$OUT/numeric.xlsx" 2>&1 | tail -1)"
fi

PY=""
if command -v python3 >/dev/null 2>&1; then
  if [ ! -x .venv-bench/bin/python ]; then
    python3 -m venv .venv-bench >/dev/null 2>&1 || rm -rf .venv-bench
  fi
  if [ -x .venv-bench/bin/python ]; then
    .venv-bench/bin/python -c "import xlsxwriter" 2>/dev/null \
      || .venv-bench/bin/pip install -q xlsxwriter >&2 || true
    .venv-bench/bin/python -c "import xlsxwriter" 2>/dev/null && PY=.venv-bench/bin/python
  fi
fi
if [ -z "$PY" ]; then
  echo "XlsxWriter: skipped (python3 with venv and pip not available)"
  exit 0
fi

TCSV="$OUT/tracker-$ACTIONS.csv"
NCSV="$OUT/numeric-$NUMERIC.csv"
[ -s "$TCSV" ] || "$BIN/wsoa-bench" generate-tracker-csv "$TCSV" "$ACTIONS"
[ -s "$NCSV" ] || "$BIN/wsoa-bench" generate-numeric-csv "$NCSV" "$NUMERIC"
echo "XlsxWriter $($PY -c 'import xlsxwriter; print(xlsxwriter.__version__)') (constant_memory, zlib level 6; reading the CSV excluded):"
PT=$($PY scripts/bench/xlsx_write_peers.py tracker "$TCSV" "$OUT/tracker-xlsxwriter.xlsx")
PT="$PT bytes=$(stat -c %s "$OUT/tracker-xlsxwriter.xlsx")"
line "tracker" "$PT"
PN=$($PY scripts/bench/xlsx_write_peers.py numeric "$NCSV" "$OUT/numeric-xlsxwriter.xlsx")
PN="$PN bytes=$(stat -c %s "$OUT/numeric-xlsxwriter.xlsx")"
line "numeric" "$PN"

# XlsxWriter's writing time over wsoa's, in wall time (this machine is
# shared, so it drifts) and in CPU time (user + system, all threads), the
# latter with the CPU time wsoa spends generating the rows subtracted, as
# the CSV read is subtracted on the Python side.
ratio() {
  awk -v a="$(value seconds "$1")" -v b="$(value seconds "$2")" \
    -v ac="$(value cpu_seconds "$1")" -v bc="$(value cpu_seconds "$2")" -v g="$(value generate_cpu_seconds "$2")" \
    'BEGIN{printf "%.1fx wall, %.1fx CPU (writer alone)", a/b, ac/(bc-g)}'
}
echo "ratios (XlsxWriter / wsoa):"
echo "  tracker, wsoa at level 1 (default): $(ratio "$PT" "$T1")"
echo "  tracker, wsoa at level 6 (as XlsxWriter): $(ratio "$PT" "$T6")"
echo "  numeric, wsoa at level 1 (default): $(ratio "$PN" "$N1")"
echo "  numeric, wsoa at level 6 (as XlsxWriter): $(ratio "$PN" "$N6")"
echo "  peak RSS: tracker $(mb "$(value peak_rss "$T1")") MB vs $(mb "$(value peak_rss "$PT")") MB, numeric $(mb "$(value peak_rss "$N1")") MB vs $(mb "$(value peak_rss "$PN")") MB"
