#!/usr/bin/env bash
# Runs every wsoa test: installs missing system packages, builds, checks the
# module boundaries, runs the Swift test suite (Swift Testing) and, under
# CI=true, reads the whole layout zoo (docs/zoo.md) and fuzzes each target
# for 60 s (docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh --test
# The report's browser tests (docs/report.md) need headless Chromium: CI installs
# it; elsewhere they say they are skipped.
if [ "${CI:-}" = true ] && ! command -v chromium >/dev/null 2>&1; then
  echo "test: installing chromium for the report's browser tests" >&2
  SUDO=(); [ "$(id -u)" -ne 0 ] && SUDO=(sudo)
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium >&2 ||
    { "${SUDO[@]}" apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium >&2; }
fi
./scripts/check-boundaries.sh
swift build --build-tests
# CI reads the whole layout zoo (all 800 renderings, under a minute in a
# debug build); a local run reads a sample unless ZOO=all (docs/zoo.md).
if [ "${CI:-}" = true ]; then export ZOO="${ZOO:-all}"; fi
swift test --skip-build "$@"
# The sample package that depends on the library by path (its own build).
./scripts/check-library-client.sh
# Installing into a temporary prefix builds a release binary: CI, or on request.
if [ "${CI:-}" = true ] || [ "${WSOA_TEST_INSTALL:-}" = 1 ]; then
  ./scripts/check-install.sh
fi

# CI fuzzes every untrusted-input path for a bounded time (docs/fuzzing.md);
# WSOA_FUZZ_SECONDS=N does the same locally, 0 skips it.
fuzz_seconds=${WSOA_FUZZ_SECONDS:-}
[ -z "$fuzz_seconds" ] && [ "${CI:-}" = true ] && fuzz_seconds=60
if [ -n "$fuzz_seconds" ] && [ "$fuzz_seconds" != 0 ]; then
  ./scripts/fuzz.sh all "$fuzz_seconds"
fi
