#!/usr/bin/env bash
# Makes the pictures of docs/reslint.md's editor section: .ci/editor.sh
# --capture keeps Vim open once ALE has linted examples/legacy/tab.go and
# takes the terminal's screen with its colours; aha turns that into HTML,
# headless Chromium takes a screenshot of it and pngquant makes it smaller.
# Installs aha, chromium and pngquant with apt-get when they are missing.
# Not part of CI.
#
#   docs/editors/picture.sh          (writes docs/editors/vim-ale-*.png)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

need=()
command -v aha >/dev/null || need+=(aha)
command -v chromium >/dev/null || need+=(chromium)
command -v pngquant >/dev/null || need+=(pngquant)
fc-list 2>/dev/null | grep -q DejaVuSansMono || need+=(fonts-dejavu-core)
if ((${#need[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$root/.ci/editor.sh" --capture "$work"

# The terminal is 180 columns by 75 rows (.ci/editor.sh); 13 px DejaVu Sans
# Mono is 7.83 px a column, and the lines are 16 px apart.
cols=180 rows=75
width=$(((cols * 783 + 99) / 100 + 16)) height=$((rows * 16 + 16))
for linter in govet golangci-lint; do
  {
    cat <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8"><style>
html, body { margin: 0; background: #fff; }
pre { margin: 0; padding: 8px; font: 13px/16px "DejaVu Sans Mono", monospace; color: #000; }
</style></head><body><pre>
EOF
    aha --no-header <"$work/$linter.ansi"
    echo '</pre></body></html>'
  } >"$work/$linter.html"
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/chromium" \
    --window-size="$width,$height" --screenshot="$here/vim-ale-$linter.png" "file://$work/$linter.html" 2>"$work/chromium.log" || {
    cat "$work/chromium.log" >&2
    echo "picture.sh: chromium could not take the screenshot" >&2
    exit 1
  }
  pngquant --force --skip-if-larger --quality 60-90 --output "$here/vim-ale-$linter.png" "$here/vim-ale-$linter.png" || true
  echo "wrote docs/editors/vim-ale-$linter.png ($(wc -c <"$here/vim-ale-$linter.png") bytes)"
done
