#!/usr/bin/env bash
# Builds wsoa and converts the bundled sample tracker (an XLSX shaped like the
# council's own file) to the canonical JSON, printing what the recogniser noticed
# and a short summary. The JSON lands in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# The Swift runtime linked into the binary: a small tracker converts in about
# half the time (no Swift libraries to load at start-up), and the binary runs
# where Swift is not installed. Every release build in scripts/ uses the flag,
# so they share one build folder.
swift build -c release --static-swift-stdlib --product wsoa >&2
BIN=$(swift build -c release --show-bin-path)/wsoa
mkdir -p out
"$BIN" convert samples/staffordshire-priority-2.xlsx -o out/staffordshire-priority-2.json --summary
# The board report of the same tracker: one self-contained HTML file (docs/report.md).
# Deterministic, so rerunning leaves the committed samples/report.html unchanged.
"$BIN" report samples/staffordshire-priority-2.xlsx -o samples/report.html
echo "board report: samples/report.html (open it in a browser; it prints on A4 landscape)" >&2
