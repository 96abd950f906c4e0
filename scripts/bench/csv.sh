#!/usr/bin/env bash
# CSV benchmark: reads and writes a deterministic 100,000-row, 11-column,
# ~121 MB tracker-shaped CSV (quoted newlines, cells of 50-2,000 characters)
# with wsoa, then with Python's csv module and pyarrow.csv on the same file,
# and prints times, MB/s, rows/s, peak RSS and the ratios.
#
# Usage: scripts/bench/csv.sh [RUNS]     (best of RUNS, default 3)
# The Python side runs in a scratch venv (.venv-bench, pip install pyarrow)
# and is skipped cleanly when python3, venv or pip are missing.
# "wsoa read" without a thread count uses the processors other programs leave
# idle (threads runnable now, from /proc/loadavg); "all cores" uses every processor, as
# pyarrow's multi-threaded reader does, and is what the first ratio compares.
# Wall times drift on a shared machine, so compare the ratios, and the CPU
# seconds, which drift less.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
BIN=$(swift build -c release --show-bin-path)
if [ ! -x "$BIN/wsoa-bench" ] || [ ! -x "$BIN/wsoa" ]; then
  swift build -c release --static-swift-stdlib --product wsoa-bench >&2
  swift build -c release --static-swift-stdlib --product wsoa >&2
fi
OUT=bench-out
mkdir -p "$OUT"
CSV="$OUT/tracker-100k.csv"
[ -s "$CSV" ] || "$BIN/wsoa-bench" generate-tracker-csv "$CSV" 100000
BYTES=$(stat -c %s "$CSV")
cat "$CSV" >/dev/null  # warm the page cache so every reader starts equal

# value KEY LINE: the number after KEY= in a "key=value ..." line.
value() { sed -n "s/.*$1=\([0-9.e+-]*\).*/\1/p" <<<"$2" | head -1; }

declare -A SECONDS_OF CPU_OF RSS_OF ROWS_OF
record() { # name, key=value line
  SECONDS_OF[$1]=$(value seconds "$2")
  CPU_OF[$1]=$(value cpu "$2")
  RSS_OF[$1]=$(value peak_rss "$2")
  ROWS_OF[$1]=$(value rows "$2")
}

# Each configuration runs once per round, rounds repeat RUNS times, and each
# keeps its best: wsoa and the peers alternate, so a slow minute on the shared
# machine (its other tenants are invisible from here) hits both sides alike.
# Every run is a separate process starting cold (peak RSS is per process).
declare -A BEST_LINE
once() { # name, grep pattern for the key=value line, command...
  local name=$1 pattern=$2 line best
  shift 2
  line=$("$@" | grep -e "$pattern" | tail -1)
  best=${BEST_LINE[$name]:-}
  if [ -z "$best" ] || awk -v a="$(value seconds "$line")" -v b="$(value seconds "$best")" 'BEGIN{exit !(a<b)}'; then
    BEST_LINE[$name]=$line
  fi
}
ours() { # name, the bench= key to pick, wsoa-bench args...
  local name=$1 key=$2
  shift 2
  once "$name" " bench=$key " "$BIN/wsoa-bench" "$@"
}
peer() { # name, csv_peers.py args...
  local name=$1
  shift
  once "$name" "seconds=" .venv-bench/bin/python scripts/bench/csv_peers.py "$@"
}

PY_OK=0
PYARROW_OK=0
if command -v python3 >/dev/null 2>&1; then
  if [ ! -x .venv-bench/bin/python ]; then
    python3 -m venv .venv-bench >/dev/null 2>&1 || rm -rf .venv-bench
  fi
  if [ -x .venv-bench/bin/python ]; then
    .venv-bench/bin/python -c "import pyarrow" 2>/dev/null \
      || .venv-bench/bin/pip install -q pyarrow >&2 || true
    PY_OK=1
    .venv-bench/bin/python -c "import pyarrow" 2>/dev/null && PYARROW_OK=1
  fi
fi
[ $PY_OK -eq 1 ] || echo "(python3 with venv/pip not found: Python peers skipped)"
[ $PY_OK -eq 1 ] && [ $PYARROW_OK -eq 0 ] && echo "(pyarrow could not be installed: skipped)"

for _ in $(seq "$RUNS"); do
  ours "wsoa read (stream, all cores)" csv-read csv-read "$CSV" "$(nproc)"
  [ $PYARROW_OK -eq 1 ] && peer "pyarrow.csv (multi-threaded)" pyarrow "$CSV"
  ours "wsoa read (stream)" csv-read csv-read "$CSV"
  ours "wsoa read (stream, 1 thread)" csv-read csv-read "$CSV" 1
  [ $PYARROW_OK -eq 1 ] && peer "pyarrow.csv (1 thread)" pyarrow-1 "$CSV"
  ours "wsoa read (workbook, all cores)" csv-read-workbook csv-read-workbook "$CSV" "$(nproc)"
  ours "wsoa read (workbook)" csv-read-workbook csv-read-workbook "$CSV"
  ours "wsoa read (workbook, 1 thread)" csv-read-workbook csv-read-workbook "$CSV" 1
  if [ $PY_OK -eq 1 ]; then
    peer "python csv.reader (stream)" csv-read "$CSV"
    peer "python csv.reader (list)" csv-list "$CSV"
  fi
  ours "wsoa write" csv-write csv-write "$CSV" "$OUT/wsoa-write.csv"
  ours "wsoa write (atomic, fsync)" csv-write-atomic csv-write "$CSV" "$OUT/wsoa-write.csv"
  [ $PY_OK -eq 1 ] && peer "python csv.writer" csv-write "$CSV" "$OUT/python-write.csv"
  # The whole CLI: wsoa dump CSV -> CSV file (read, guard, write, atomic rename).
  start=$(date +%s.%N)
  "$BIN/wsoa" dump "$CSV" -o "$OUT/wsoa-dump.csv"
  once "wsoa dump csv -> csv" "seconds=" echo "seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{print e-s}') rows=100001 peak_rss=0"
done
for name in "${!BEST_LINE[@]}"; do record "$name" "${BEST_LINE[$name]}"; done

echo "CSV benchmark: $CSV, $BYTES bytes, $(nproc) processors, best of $RUNS rounds (wsoa and peers alternating), each run a cold process," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-32s %9s %9s %11s %9s %12s\n' "" "seconds" "MB/s" "rows/s" "CPU s" "peak RSS MB"
for name in "wsoa read (stream)" "wsoa read (stream, 1 thread)" "wsoa read (stream, all cores)" "wsoa read (workbook)" \
  "wsoa read (workbook, 1 thread)" "wsoa read (workbook, all cores)" "python csv.reader (stream)" "python csv.reader (list)" \
  "pyarrow.csv (multi-threaded)" "pyarrow.csv (1 thread)" "wsoa write" "wsoa write (atomic, fsync)" \
  "python csv.writer" "wsoa dump csv -> csv"; do
  s=${SECONDS_OF[$name]:-}
  [ -z "$s" ] && continue
  awk -v n="$name" -v s="$s" -v b="$BYTES" -v r="${ROWS_OF[$name]}" -v m="${RSS_OF[$name]}" -v c="${CPU_OF[$name]:-}" \
    'BEGIN{printf "%-32s %9.3f %9.1f %11.0f %9s %12s\n", n, s, b/1e6/s, r/s, (c!="" ? sprintf("%.3f", c) : "-"), (m>0 ? sprintf("%.0f", m/1e6) : "-")}'
done
ratio() { # label, slower, faster
  local a=${SECONDS_OF[$2]:-} b=${SECONDS_OF[$3]:-} ca=${CPU_OF[$2]:-} cb=${CPU_OF[$3]:-}
  [ -n "$a" ] && [ -n "$b" ] && awk -v l="$1" -v a="$a" -v b="$b" -v ca="$ca" -v cb="$cb" \
    'BEGIN{printf "  %-58s %6.2fx %9s\n", l, a/b, (ca!="" && cb!="" ? sprintf("%.2fx", ca/cb) : "-")}'
  return 0
}
printf "%-60s %7s %9s\n" "Ratios (how many times faster wsoa is):" "wall" "CPU"
ratio "read: pyarrow multi-threaded / wsoa stream, all cores" "pyarrow.csv (multi-threaded)" "wsoa read (stream, all cores)"
ratio "read: pyarrow multi-threaded / wsoa stream (default)" "pyarrow.csv (multi-threaded)" "wsoa read (stream)"
ratio "read: pyarrow 1 thread / wsoa stream, 1 thread" "pyarrow.csv (1 thread)" "wsoa read (stream, 1 thread)"
ratio "read: pyarrow multi-threaded / wsoa workbook, all cores" "pyarrow.csv (multi-threaded)" "wsoa read (workbook, all cores)"
ratio "read: python csv stream / wsoa stream" "python csv.reader (stream)" "wsoa read (stream)"
ratio "read: python csv list / wsoa workbook" "python csv.reader (list)" "wsoa read (workbook)"
ratio "write: python csv.writer / wsoa" "python csv.writer" "wsoa write"
awk -v m="${RSS_OF["wsoa read (workbook)"]}" -v s="${RSS_OF["wsoa read (stream)"]}" -v b="$BYTES" \
  'BEGIN{printf "Peak memory / file size: stream %.2fx, workbook %.2fx (aim: <= 2x)\n", s/b, m/b}'
