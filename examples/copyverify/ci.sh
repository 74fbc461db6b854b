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

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

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

# reslint holds the UI layer (internal/tabs, internal/legacytab) to its
# rules: it must report the legacy tab, written the old way on purpose, with
# exactly the findings of its golden file, nothing else, and exit 3.
step "reslint (UI layers: only internal/legacytab has findings, as in its testdata/reslint.golden)"
golden=internal/legacytab/testdata/reslint.golden
if grep -v '^internal/legacytab/' "$golden"; then
	echo "$golden: findings outside internal/legacytab (above); the other packages must stay clean"
	exit 1
fi
set +e
CGO_ENABLED=0 go tool reslint "${headless[@]}" 2>"$out/reslint.out"
code=$?
set -e
if [[ $code -ne 3 ]]; then
	echo "reslint: exit status $code, want 3 (findings)"
	cat "$out/reslint.out"
	exit 1
fi
if ! sed "s|^$PWD/||" "$out/reslint.out" | diff -u "$golden" -; then
	echo "reslint: findings differ from $golden"
	exit 1
fi
echo "$(wc -l <"$out/reslint.out") findings, all in the legacy tab, as expected"

step "go test -race (cgo): the controllers' goroutines and the UI goroutine"
CGO_ENABLED=1 go test -race ./internal/...

step "go vet and go build the app (cgo)"
CGO_ENABLED=1 go vet .
CGO_ENABLED=1 go build -o "$out/copyverify" .
ls -l "$out/copyverify" | awk '{print $5, "bytes"}'

step "done"
