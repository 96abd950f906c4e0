#!/usr/bin/env bash
# Fuzzes wsoa's untrusted-input paths with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]     (default: all 60)
#
# FUZZ_CONFIG=release builds the targets optimised (still with ASan and
# coverage): several times the executions per second of the debug build,
# for long campaigns. CI uses the default, debug. FUZZ_RUNS=N also stops
# each target after N executions (whichever comes first, N or SECONDS), and
# FUZZ_MAX_LEN=BYTES caps the input size (defaults below): shorter inputs run
# faster and still reach every branch a small tracker can.
#
# Targets (Sources/FuzzTargets/FuzzTarget.swift): csv, xlsx, recognise, merge.
# Each runs for SECONDS from a seed corpus built from the committed fixtures
# and samples plus fixtures/fuzz/TARGET/. A crash, sanitizer report, timeout
# or out-of-memory is copied into fixtures/fuzz/TARGET/ (which the replay
# tests run) and the script exits 1. The executions of each target are
# printed as "fuzz: TARGET: N executions in S s".
set -euo pipefail
cd "$(dirname "$0")/.."

which=${1:-all}
seconds=${2:-60}
all=(csv xlsx recognise merge)
if [ "$which" = all ]; then targets=("${all[@]}"); else targets=("$which"); fi
for t in "${targets[@]}"; do
  case " ${all[*]} " in *" $t "*) ;; *) echo "fuzz.sh: unknown target '$t' (one of: ${all[*]}, all)" >&2; exit 64 ;; esac
done

./scripts/setup.sh
# SwiftPM passes -sanitize=fuzzer and -sanitize=address as two flags, and
# swiftc then keeps only the last: AddressSanitizer without the coverage
# libFuzzer steers by ("no interesting inputs"). Ask for coverage explicitly.
config=${FUZZ_CONFIG:-debug}
case $config in debug|release) ;; *) echo "fuzz.sh: FUZZ_CONFIG must be debug or release, not '$config'" >&2; exit 64 ;; esac
build=(swift build -c "$config" --scratch-path ".build/fuzz-$config" --sanitize=fuzzer --sanitize=address
       -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp --product wsoa-fuzz)
"${build[@]}" > .build/fuzz-build.log 2>&1 || { tail -40 .build/fuzz-build.log >&2; exit 1; }
tail -1 .build/fuzz-build.log
bin="$("${build[@]}" --show-bin-path)/wsoa-fuzz"

seed_corpus() {  # $1 target, $2 folder
  local t=$1 dir=$2 f r n=0
  mkdir -p "$dir"
  case $t in
    csv|recognise)
      for f in fixtures/csv/*.csv fixtures/csv/*.tsv fixtures/csv/*.txt fixtures/trackers/*.csv fixtures/trackers/*.txt \
               fixtures/merge/*.tsv fixtures/merge/returns/*.csv fixtures/merge/returns/*.tsv samples/*.tsv; do
        [ -f "$f" ] && cp "$f" "$dir/$(basename "$f")"
      done ;;
    xlsx)
      # Small whole packages, and the worksheet part of every package (the
      # target wraps non-PK input in a stored package), so most executions
      # reach the XML handlers instead of failing in the zip layer.
      for f in fixtures/xlsx/*.xlsx fixtures/trackers/*.xlsx samples/*.xlsx; do
        [ -f "$f" ] || continue
        [ "$(wc -c < "$f")" -le 32768 ] && cp "$f" "$dir/$(basename "$f")"
        unzip -p "$f" xl/worksheets/sheet1.xml 2>/dev/null | head -c 65536 > "$dir/$(basename "$f" .xlsx).sheet.xml" || true
        [ -s "$dir/$(basename "$f" .xlsx).sheet.xml" ] || rm -f "$dir/$(basename "$f" .xlsx).sheet.xml"
      done ;;
    merge)
      for r in fixtures/merge/returns/*.csv fixtures/merge/returns/*.tsv; do
        n=$((n + 1))
        { cat fixtures/merge/master.tsv; printf '\n#--return--#\n'; cat "$r"; } > "$dir/pair-$n"
      done
      cp samples/staffordshire-priority-2.tsv "$dir/self" ;;
  esac
}

status=0
for t in "${targets[@]}"; do
  work=.build/fuzz-run/$t
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts" "fixtures/fuzz/$t"
  seed_corpus "$t" "$work/corpus"
  case $t in xlsx) max_len=65536 ;; csv) max_len=16384 ;; *) max_len=8192 ;; esac
  max_len=${FUZZ_MAX_LEN:-$max_len}
  log="$work/log.txt"
  runs_flag=()
  [ -n "${FUZZ_RUNS:-}" ] && runs_flag=(-runs="$FUZZ_RUNS")
  started=$SECONDS
  set +e
  WSOA_FUZZ_TARGET=$t SWIFT_BACKTRACE=enable=no "$bin" "$work/corpus" "fixtures/fuzz/$t" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=60 -rss_limit_mb=2048 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1 "${runs_flag[@]}" > "$log" 2>&1
  code=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "fuzz: $t: ${runs:-?} executions in $((SECONDS - started)) s ($config build)"
  if [ $code -ne 0 ]; then
    status=1
    echo "fuzz: $t: FAILED (exit $code); the end of its log:" >&2
    tail -40 "$log" >&2
    for a in "$work"/artifacts/*; do
      [ -f "$a" ] || continue
      cp "$a" "fixtures/fuzz/$t/"
      echo "fuzz: $t: input kept as fixtures/fuzz/$t/$(basename "$a")" >&2
    done
  fi
done
exit $status
