#!/usr/bin/env bash
# Runs every wsoa test: installs missing system packages, builds, checks the
# module boundaries, and runs the Swift test suite (Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh --test
./scripts/check-boundaries.sh
swift build --build-tests
swift test --skip-build "$@"
