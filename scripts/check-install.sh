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
# Every subcommand `wsoa --help` lists has its man page (a new command needs no edit here).
commands=$("$prefix/bin/wsoa" --help | sed -n '/^SUBCOMMANDS:/,/^$/p' | awk 'NR > 1 && /^  [a-z]/ { print $1 }')
[ -n "$commands" ] || { echo "check-install: wsoa --help lists no subcommands"; fail=1; }
pages=""
for c in $commands; do pages="$pages share/man/man1/wsoa.$c.1"; done
for f in bin/wsoa share/man/man1/wsoa.1 $pages share/bash-completion/completions/wsoa \
  share/zsh/site-functions/_wsoa share/fish/vendor_completions.d/wsoa.fish; do
  [ -s "$prefix/$f" ] || { echo "check-install: missing or empty $f"; fail=1; }
done
version=$("$prefix/bin/wsoa" --version)
expected=$(sed -n 's/.*current = "\(.*\)".*/\1/p' Sources/TrackerKit/Version.swift)
[ "$version" = "$expected" ] || { echo "check-install: --version says '$version', Version.swift '$expected'"; fail=1; }
grep -q '^\.Dt WSOA 1' "$prefix/share/man/man1/wsoa.1" || { echo "check-install: wsoa.1 is not a man page"; fail=1; }
grep -q 'Fl -color' "$prefix/share/man/man1/wsoa.validate.1" || { echo "check-install: the man page lacks validate's options"; fail=1; }
grep -q '_wsoa' "$prefix/share/bash-completion/completions/wsoa" || { echo "check-install: bash completion looks wrong"; fail=1; }
# The shared conventions (docs/cli.md) reach every tracker command's page and the completions.
for c in convert validate merge dump; do
  for option in quiet verbose format color from delimiter; do
    grep -q "Fl -$option" "$prefix/share/man/man1/wsoa.$c.1" || { echo "check-install: wsoa.$c.1 lacks --$option"; fail=1; }
  done
  grep -q "$c" "$prefix/share/zsh/site-functions/_wsoa" || { echo "check-install: zsh completion lacks $c"; fail=1; }
  grep -q "$c" "$prefix/share/fish/vendor_completions.d/wsoa.fish" || { echo "check-install: fish completion lacks $c"; fail=1; }
done
[ $fail -eq 0 ] && echo "install: ok ($prefix)"
exit $fail
