#!/usr/bin/env bash
# Builds wsoa and runs it on the bundled sample tracker.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build -c release --product wsoa >&2
BIN=$(swift build -c release --show-bin-path)/wsoa
"$BIN" dump samples/staffordshire-priority-2.tsv --to json | head -40
