#!/usr/bin/env bash
# Builds wsoa and converts the bundled sample tracker (an XLSX shaped like the
# council's own file) to the canonical JSON, printing what the recogniser noticed
# and a short summary. The JSON lands in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build -c release --product wsoa >&2
BIN=$(swift build -c release --show-bin-path)/wsoa
mkdir -p out
"$BIN" convert samples/staffordshire-priority-2.xlsx -o out/staffordshire-priority-2.json --summary
