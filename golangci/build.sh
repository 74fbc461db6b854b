#!/usr/bin/env bash
# Builds golangci-lint with the rescoord plugin from module sources alone.
#
# `golangci-lint custom` clones golangci-lint's repository with git, which
# fails without network access to it. This script does what it does from
# the Go module proxy (or the module cache) instead: it downloads the
# golangci-lint module, adds the plugin's import to its main package,
# points it at this checkout and builds.
#
#   golangci/build.sh [OUTPUT]      (default: bin/golangci-lint-rescoord)
#
# GOLANGCI_LINT_VERSION picks the version (one is pinned below). A build
# is reused while the version and the plugin's sources are unchanged.
set -euo pipefail

version=${GOLANGCI_LINT_VERSION:-v2.15.0}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/bin/golangci-lint-rescoord}
mkdir -p "$(dirname "$out")"

# Reuse the binary when nothing it is built from changed.
stamp="$version $(cat "$root/go.sum" "$root"/golangci/*.go "$root"/golangci/go.* \
  $(find "$root/analyzers" "$root/internal" "$root/templates" "$root/runtime" -name '*.go' ! -name '*_test.go' | sort) | sha256sum | cut -c1-16)"
if [[ -x $out && -f $out.stamp && $(cat "$out.stamp") == "$stamp" ]]; then
  echo "$out is up to date"
  exit 0
fi

src=$(go mod download -json "github.com/golangci/golangci-lint/v2@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [[ -z $src ]]; then
  echo "cannot download github.com/golangci/golangci-lint/v2@$version" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src"/. "$work/gcl"
chmod -R u+w "$work/gcl"
printf 'package main\n\nimport _ "github.com/rescoord/rescoord/golangci"\n' >"$work/gcl/cmd/golangci-lint/rescoord_plugin.go"
cd "$work/gcl"
go mod edit \
  -require=github.com/rescoord/rescoord@v0.0.0 -replace=github.com/rescoord/rescoord="$root" \
  -require=github.com/rescoord/rescoord/golangci@v0.0.0 -replace=github.com/rescoord/rescoord/golangci="$root/golangci"
GOFLAGS=-mod=mod go mod tidy
GOFLAGS=-mod=mod go build -trimpath -o "$out" ./cmd/golangci-lint
echo "$stamp" >"$out.stamp"
echo "built $out: golangci-lint $version with the rescoord plugin"
