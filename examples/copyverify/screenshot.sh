#!/usr/bin/env bash
# Takes the README's screenshots of the running app under a virtual X
# display: screenshot.png (the CopyVerify tab, in the middle of a
# rate-limited copy) and screenshot-browser.png (the Browser tab), and
# prints what the app logged, from start to Ctrl-C.
#
# Needs what ci.sh installs, plus a virtual display and ImageMagick:
#
#	apt-get install -y --no-install-recommends xvfb xauth imagemagick
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
for tool in xvfb-run import convert; do
	command -v "$tool" >/dev/null || {
		echo "screenshot.sh: $tool is missing (apt-get install xvfb xauth imagemagick)" >&2
		exit 1
	}
done
case "${LANG:-}" in
"" | C | C.* | POSIX) export LANG=en_US.UTF-8 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The app runs in $work and is given relative folders, so that the
# screenshots show no temporary path.
# A folder to copy: "photos" (random bytes), notes, and a dangling link
# (skipped by the copy).
mkdir -p "$work/Pictures/2024" "$work/Pictures/2025" "$work/Pictures/notes"
for i in $(seq 1 12); do head -c $((200000 + i * 37000)) /dev/urandom >"$work/Pictures/2024/IMG_$((4100 + i)).jpg"; done
for i in $(seq 1 10); do head -c $((150000 + i * 51000)) /dev/urandom >"$work/Pictures/2025/IMG_$((5200 + i)).jpg"; done
for f in README.md album.txt captions.csv; do seq 1 2000 | sed 's/^/line /' >"$work/Pictures/notes/$f"; done
ln -s ../missing.txt "$work/Pictures/notes/link-to-nowhere"

# A folder to browse: images, text and a file without a preview.
mkdir -p "$work/Wallpapers/albums"
for n in 1 2 3 4 5 6; do convert -size 320x$((160 + n * 20)) plasma:fractal "$work/Wallpapers/plasma-$n.png"; done
convert -size 300x300 radial-gradient:orange-navy "$work/Wallpapers/gradient.jpg"
convert -size 240x320 gradient:teal-gold "$work/Wallpapers/tall.png"
seq 1 30 | sed 's/^/note line /' >"$work/Wallpapers/notes.txt"
cp go.mod "$work/Wallpapers/go.mod"
head -c 5000 /dev/urandom >"$work/Wallpapers/archive.bin"

CGO_ENABLED=1 go build -o "$work/copyverify" .

# shot TAB FILE WAIT: runs the app showing TAB, captures the screen after
# WAIT seconds into FILE, then stops the app with Ctrl-C (SIGINT).
shot() {
	xvfb-run -a -s '-screen 0 960x640x24' bash -c '
		cd "$1"
		./copyverify -src Pictures -dst "Backup-$2/Pictures" -limit 2000000 -start -browse Wallpapers -tab "$2" 2>"log-$2" &
		app=$!
		sleep "$4"
		import -window root "$3"
		kill -INT "$app"
		wait "$app"
	' _ "$work" "$1" "$here/$2" "$3"
}
shot copy screenshot.png 6
shot browse screenshot-browser.png 4
sed "s|$work|…|g" "$work/log-copy"
