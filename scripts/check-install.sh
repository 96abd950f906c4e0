#!/usr/bin/env bash
# Installs wsoa into a temporary prefix with scripts/install.sh and checks
# that the binary, the man pages and the three completion scripts are there
# and that PREFIX/bin/wsoa --version runs. A script rather than a Swift test:
# installing builds, and a build cannot run inside `swift test` (both hold
# .build's lock). scripts/test.sh runs it under CI=true or WSOA_TEST_INSTALL=1.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$(mktemp -d "${TMPDIR:-/tmp}/wsoa-install.XXXXXX")
trap 'rm -rf "$prefix"' EXIT
./scripts/install.sh "$prefix"
fail=0
for f in bin/wsoa share/man/man1/wsoa.1 share/man/man1/wsoa.convert.1 share/man/man1/wsoa.validate.1 \
  share/man/man1/wsoa.merge.1 share/man/man1/wsoa.dump.1 share/man/man1/wsoa.diff.1 share/bash-completion/completions/wsoa \
  share/zsh/site-functions/_wsoa share/fish/vendor_completions.d/wsoa.fish; do
  [ -s "$prefix/$f" ] || { echo "check-install: missing or empty $f"; fail=1; }
done
version=$("$prefix/bin/wsoa" --version)
expected=$(sed -n 's/.*current = "\(.*\)".*/\1/p' Sources/TrackerKit/Version.swift)
[ "$version" = "$expected" ] || { echo "check-install: --version says '$version', Version.swift '$expected'"; fail=1; }
grep -q '^\.Dt WSOA 1' "$prefix/share/man/man1/wsoa.1" || { echo "check-install: wsoa.1 is not a man page"; fail=1; }
grep -q 'Fl -color' "$prefix/share/man/man1/wsoa.validate.1" || { echo "check-install: the man page lacks validate's options"; fail=1; }
grep -q '_wsoa' "$prefix/share/bash-completion/completions/wsoa" || { echo "check-install: bash completion looks wrong"; fail=1; }
[ $fail -eq 0 ] && echo "install: ok ($prefix)"
exit $fail
