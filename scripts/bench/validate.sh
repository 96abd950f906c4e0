#!/usr/bin/env bash
# Validate benchmark: the synthetic 100,000-action tracker converted (load +
# JSON out) and validated (load + rules), in process (wsoa-bench validate) and
# through the binary (wsoa convert vs wsoa validate). Validating should add no
# more than a fifth to converting. Run from scripts/bench.sh (release build).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$(swift build -c release --show-bin-path)
ACTIONS=${ACTIONS:-100000}
"$BIN/wsoa-bench" validate "$ACTIONS"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$BIN/wsoa-bench" generate-tracker-csv "$out/tracker.csv" "$ACTIONS"
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
convert=$(seconds "$BIN/wsoa" convert "$out/tracker.csv" --to json -o "$out/tracker.json")
validate_json=$(seconds "$BIN/wsoa" validate "$out/tracker.csv" --no-config --as-of 2022-06-01 --format json -o "$out/report.json")
validate_text=$(seconds "$BIN/wsoa" validate "$out/tracker.csv" --no-config --as-of 2022-06-01 -o "$out/report.txt")
printf '  binary: wsoa convert --to json       %6.2f s\n' "$convert"
printf '  binary: wsoa validate --format json  %6.2f s (%.2fx convert)\n' "$validate_json" "$(echo "$validate_json / $convert" | bc -l)"
printf '  binary: wsoa validate (text)         %6.2f s (%.2fx convert)\n' "$validate_text" "$(echo "$validate_text / $convert" | bc -l)"
