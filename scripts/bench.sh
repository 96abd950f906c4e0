#!/usr/bin/env bash
# Runs every benchmark (release build) and, where python3 is available, the
# Python peers side by side in a scratch venv. Prints figures and ratios.
# Usage: scripts/bench.sh [area...]   (areas: csv xlsx-read xlsx-write tracker validate merge)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# --static-swift-stdlib as in scripts/demo.sh (the README's build), so the
# scripts share one release build folder.
swift build -c release --static-swift-stdlib --product wsoa-bench --product wsoa >&2 2>/dev/null ||
  swift build -c release --static-swift-stdlib >&2
areas=("$@")
[ ${#areas[@]} -eq 0 ] && areas=(csv xlsx-read xlsx-write tracker validate merge)
for area in "${areas[@]}"; do
  script="scripts/bench/$area.sh"
  if [ -x "$script" ]; then
    echo "== $area"
    "$script"
  fi
done
