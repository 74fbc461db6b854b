#!/usr/bin/env bash
# Builds and tests the CopyVerify example, its own Go module: formatting,
# generated code up to date, vet, the headless tests (no cgo, no display),
# reslint, the tests again under the race detector, and the real application
# (cgo, X11 and OpenGL headers, installed here with apt-get when missing).
# Runs from anywhere.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
case "${LANG:-}" in
"" | C | C.* | POSIX) export LANG=en_US.UTF-8 ;; # Fyne warns about these locales
esac

start=$SECONDS
step() { printf '\n== [%ds] %s\n' $((SECONDS - start)) "$*"; }

# What the cgo build of the app needs (the headless tests need none of it).
packages=(gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev)
if command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
	missing=()
	for p in "${packages[@]}"; do
		if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
			missing+=("$p")
		fi
	done
	if ((${#missing[@]})); then
		step "installing ${missing[*]}"
		sudo=()
		if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
		"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
		"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
	fi
fi

step "gofmt"
unformatted="$(gofmt -l .)"
if [[ -n $unformatted ]]; then
	echo "not gofmt'ed:"
	echo "$unformatted"
	exit 1
fi

step "rescoordgen -check"
CGO_ENABLED=0 go run github.com/rescoord/rescoord/cmd/rescoordgen -check ./...

# Everything but package main, the only importer of fyne.io/fyne/v2/app
# (OpenGL through cgo), builds and tests without cgo.
headless=(./internal/... ./cmd/...)

step "go vet (headless packages)"
CGO_ENABLED=0 go vet "${headless[@]}"

step "go test (Fyne's headless test driver, no cgo, no display)"
CGO_ENABLED=0 go test "${headless[@]}"

step "reslint (the tabs are a UI layer: no resource code in them)"
CGO_ENABLED=0 go tool reslint "${headless[@]}"

step "go test -race (cgo): the controllers' goroutines and the UI goroutine"
CGO_ENABLED=1 go test -race ./internal/...

step "go vet and go build the app (cgo)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
CGO_ENABLED=1 go vet .
CGO_ENABLED=1 go build -o "$out/copyverify" .
ls -l "$out/copyverify" | awk '{print $5, "bytes"}'

step "done"
