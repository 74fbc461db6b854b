#!/usr/bin/env bash
# The path a user of rescoord takes, in a new temporary module: rescoordgen
# and reslint added as tools (tool directives), go generate with
# "go tool rescoordgen", go vet with reslint configured by flags alone (no
# .reslint.yaml, -ANALYZER.config=off: what golangci-lint and Bazel's nogo
# can pass), and go fix -fixtool -diff with reslint's fixes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
cd "$work"
export GOFLAGS=-mod=mod

cat >go.mod <<EOF
module example.com/app

go 1.26

require github.com/rescoord/rescoord v0.0.0

replace github.com/rescoord/rescoord => $root

tool (
	github.com/rescoord/rescoord/cmd/rescoordgen
	github.com/rescoord/rescoord/cmd/reslint
)
EOF
cp "$root/go.sum" .
cp -R "$root/testdata/goapp/." . # the app: testdata/goapp, a controller package and a UI package

step() { printf '\n-- %s\n' "$*"; }

step "go mod tidy; go generate ./... (go tool rescoordgen)"
go mod tidy
go generate ./...
test -f ctrl/copy_rescoord.go
go build ./...
go tool rescoordgen -check ./...

step "go vet -vettool=\$(go tool -n reslint), flags only: a finding from each analyzer"
flags=(-uilayer.ui='./ui/...' -release.rules='method os.Open Close'
	-uilayer.config=off -untracked.config=off -release.config=off -controllers.config=off)
set +e
go vet -vettool="$(go tool -n reslint)" "${flags[@]}" ./... 2>vet.out
code=$?
set -e
cat vet.out
if [ "$code" -eq 0 ]; then
	echo "go vet: exit status 0, want findings" >&2
	exit 1
fi
for want in \
	'UI package imports runtime/coord' \
	'UI type keeps a coordinator' \
	'Tab holds the controller c (\*example.com/app/ctrl.Copier) but has no cleanup method' \
	'the cancel function is not used on all paths' \
	'f from os.Open: Close is not called on all paths' \
	'goroutine started outside the controller.s workers' \
	'Copier is built with a composite literal, .*call ctrl.NewCopier'; do
	grep -q "$want" vet.out || {
		echo "go vet output lacks: $want" >&2
		exit 1
	}
done

step "go fix -fixtool=\$(go tool -n reslint) -diff"
set +e
go fix -fixtool="$(go tool -n reslint)" -diff "${flags[@]}" ./ctrl >fix.diff 2>fix.err
set -e
cat fix.diff
grep -q '^+	defer f.Close()' fix.diff || {
	echo "go fix -diff does not insert defer f.Close():" >&2
	cat fix.err >&2
	exit 1
}

step "versions"
go tool reslint -V=full
go tool rescoordgen -version
echo "ok"
