#!/usr/bin/env bash
# Installs wsoa into PREFIX (default /usr/local):
#   PREFIX/bin/wsoa                                   the release binary
#   PREFIX/share/man/man1/wsoa*.1                     man pages, generated from the
#                                                     command definitions by
#                                                     swift-argument-parser's
#                                                     generate-manual plugin
#   PREFIX/share/bash-completion/completions/wsoa     bash completion
#   PREFIX/share/zsh/site-functions/_wsoa             zsh completion
#   PREFIX/share/fish/vendor_completions.d/wsoa.fish  fish completion
# Usage: scripts/install.sh [PREFIX]
# WSOA_INSTALL_CONFIGURATION=debug installs a debug build (the tests use it
# so as not to build everything twice).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
configuration=${WSOA_INSTALL_CONFIGURATION:-release}
case $prefix in /*) ;; *) prefix="$PWD/$prefix" ;; esac

echo "building wsoa ($configuration)..."
swift build -c "$configuration" --product wsoa 2>&1 | tail -3
bin_dir=$(swift build -c "$configuration" --show-bin-path)

# The man pages come from the same command definitions as --help. The plugin
# builds the package's executables in debug mode (reusing a test build) and
# runs swift-argument-parser's generate-manual tool on wsoa.
echo "generating man pages..."
swift package plugin generate-manual --configuration debug --multi-page --authors "wsoa contributors" 2>&1 | tail -2
man_src=$(find .build/plugins/GenerateManual -type d -path '*/outputs/wsoa' -print -quit 2>/dev/null || true)
if [ -z "$man_src" ] || ! ls "$man_src"/*.1 >/dev/null 2>&1; then
  echo "install: the generate-manual plugin wrote no man page" >&2
  exit 1
fi

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$bin_dir/wsoa" "$prefix/bin/wsoa"
install -m 644 "$man_src"/*.1 "$prefix/share/man/man1/"
"$prefix/bin/wsoa" --generate-completion-script bash > "$prefix/share/bash-completion/completions/wsoa"
"$prefix/bin/wsoa" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_wsoa"
"$prefix/bin/wsoa" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/wsoa.fish"
echo "installed wsoa $("$prefix/bin/wsoa" --version) into $prefix"
