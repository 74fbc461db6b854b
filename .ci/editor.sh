#!/usr/bin/env bash
# rescoord's findings in a real editor: Vim with ALE opens
# examples/legacy/tab.go with the settings of docs/editors/ale.vim, once with
# ALE's govet linter (go vet -vettool=reslint) and once with its golangci-lint
# linter (golangci-lint built with the plugin), and the location list ALE
# fills must hold the findings of cmd/reslint/testdata/legacy.golden for
# tab.go, at their lines and with their messages.
#
#   .ci/editor.sh [--capture DIR]
#
# RESLINT names a reslint binary (default: built here); GOLANGCI_RESCOORD_BIN
# the golangci-lint with the plugin (default as in .ci/run: built or reused
# by golangci/build.sh). KEEP=1 keeps the temporary directory (the location
# lists, ALE's :ALEInfo); ALE_TIMEOUT is how long one linter may take (180 s).
# ALE needs jobs and timers, so Vim runs in a terminal: a detached tmux of its
# own. Installs vim, vim-ale and tmux with apt-get when they are missing.
# --capture DIR keeps each editor open after linting, with the location list
# shown, and writes the screen with its colours to DIR/govet.ansi and
# DIR/golangci-lint.ansi (docs/editors/picture.sh makes pictures of them).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
capture=
if [[ ${1:-} == --capture ]]; then
  capture=$(mkdir -p "${2:?--capture DIR}" && cd "$2" && pwd)
elif (($#)); then
  echo "usage: .ci/editor.sh [--capture DIR]" >&2
  exit 2
fi
# docs/reslint.md quotes the settings whole, in its first vim block: the two
# must not drift apart.
quoted=$(awk '/^```vim$/ { f = 1; next } f && /^```$/ { exit } f' "$root/docs/reslint.md")
if [[ $quoted != "$(cat "$root/docs/editors/ale.vim")" ]]; then
  echo "editor.sh: the vim block of docs/reslint.md is not docs/editors/ale.vim (- file, + docs):" >&2
  diff -u --label docs/editors/ale.vim --label docs/reslint.md "$root/docs/editors/ale.vim" <(printf '%s\n' "$quoted") >&2 || true
  exit 1
fi

timeout=${ALE_TIMEOUT:-180} # seconds for one linter's run, cold caches included
start=$SECONDS
say() { printf '[%ds] %s\n' $((SECONDS - start)) "$*"; }

# Vim, ALE and tmux from Debian's packages.
packages=(vim vim-ale tmux)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null; then
    echo "editor.sh: ${missing[*]} not installed, and no apt-get to install them" >&2
    exit 1
  fi
  say "installing ${missing[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
ale_dir=$(dpkg -L vim-ale | sed -n 's|/ale_linters$||p' | sed -n 1p)
for f in ale_linters/go/govet.vim ale_linters/go/golangci_lint.vim; do
  if [[ ! -f $ale_dir/$f ]]; then
    echo "editor.sh: the vim-ale package has no $f (in $ale_dir)" >&2
    exit 1
  fi
done

work=$(mktemp -d)
sock=$work/tmux.sock
cleanup() {
  tmux -S "$sock" kill-server 2>/dev/null || true
  if [[ -n ${KEEP:-} ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

reslint=${RESLINT:-}
if [[ -z $reslint ]]; then
  reslint=$work/reslint
  (cd "$root" && go build -o "$reslint" ./cmd/reslint)
fi
gcl=${GOLANGCI_RESCOORD_BIN:-$HOME/.cache/rescoord/golangci-lint-rescoord}
bash "$root/golangci/build.sh" "$gcl" >/dev/null
for b in "$reslint" "$gcl"; do
  if [[ ! -x $b ]]; then
    echo "editor.sh: $b is not an executable" >&2
    exit 1
  fi
done

# What the editor must show for tab.go: the golden's findings for that file
# (the golden covers all of examples/legacy), as line:column: message.
file=examples/legacy/tab.go
grep "^$file:" "$root/cmd/reslint/testdata/legacy.golden" | sed "s|^$file:||" | sort -t: -k1,1n -k2,2n >"$work/want"
if [[ ! -s $work/want ]]; then
  echo "editor.sh: cmd/reslint/testdata/legacy.golden has no finding for $file" >&2
  exit 1
fi

# The test's own additions to the settings: the tools' paths, one linter per
# run, and, once ALE has finished, the location list written to a file.
cat >"$work/test.vim" <<EOF
set nocompatible
let g:rescoord_reslint = '$reslint'
let g:rescoord_golangci_lint = '$gcl'
let g:rescoord_golangci_config = '$root/golangci/golangci.example.yml'
source $root/docs/editors/ale.vim
let g:ale_linters = {'go': [\$ALE_TEST_LINTER]}
filetype plugin on
syntax on
if !empty(\$ALE_TEST_KEEP)
  " For the picture: the messages beside their lines, plain status lines.
  let g:ale_virtualtext_cursor = 'all'
  highlight StatusLine cterm=bold ctermfg=15 ctermbg=238
  highlight StatusLineNC cterm=NONE ctermfg=16 ctermbg=250
  highlight ALEWarningSign ctermfg=16 ctermbg=220
  highlight QuickFixLine cterm=NONE ctermbg=NONE
endif
function! s:Done(timer) abort
  if !empty(\$ALE_TEST_KEEP)
    lopen 19
    let w:quickfix_title = 'ALE: ' . \$ALE_TEST_LINTER
    wincmd p
    normal! 62Gzt75G
    redraw!
  endif
  let l:items = filter(getloclist(0), 'v:val.bufnr == bufnr("%")')
  call writefile(map(l:items, 'v:val.lnum . ":" . v:val.col . ": " . v:val.text'), \$ALE_TEST_OUT . '.part')
  call writefile(split(execute('ALEInfo'), "\n"), \$ALE_TEST_OUT . '.info')
  call rename(\$ALE_TEST_OUT . '.part', \$ALE_TEST_OUT)
  if empty(\$ALE_TEST_KEEP)
    qa!
  endif
endfunction
autocmd User ALELintPost call timer_start(300, function('s:Done'))
EOF

# run LINTER: opens tab.go in Vim with ALE's LINTER, waits for the location
# list, and leaves it in $work/LINTER.got as line:column: text.
run() {
  local linter=$1 out=$work/$1.got t0=$SECONDS
  say "Vim with ALE's $linter linter on $file"
  # No tmux configuration but this one: the pane stays when Vim exits, so
  # that an early exit is seen and its screen shown.
  tmux -S "$sock" -f /dev/null new -d -x 180 -y 75 -s "$linter" -c "$root" \
    env ALE_TEST_LINTER="$linter" ALE_TEST_OUT="$out" ALE_TEST_KEEP="$capture" \
    vim -N -n -i NONE -u "$work/test.vim" "$file" \; set-option -t "$linter" remain-on-exit on
  while [[ ! -f $out ]]; do
    local why=
    if ((SECONDS - t0 > timeout)); then
      why="ALE's $linter linter did not finish in ${timeout}s (ALE_TIMEOUT)"
    elif [[ $(tmux -S "$sock" display-message -p -t "$linter" '#{pane_dead}') == 1 ]]; then
      why="Vim exited before ALE's $linter linter finished"
    fi
    if [[ -n $why ]]; then
      echo "editor.sh: $why; the screen:" >&2
      tmux -S "$sock" capture-pane -p -t "$linter" | awk 'NF { if (seen) for (; n > 0; n--) print ""; n = 0; seen = 1; print; next } { n++ }' >&2
      exit 1
    fi
    sleep 0.2
  done
  if [[ -n $capture ]]; then
    sleep 1
    tmux -S "$sock" capture-pane -e -N -p -t "$linter" >"$capture/$linter.ansi"
    tmux -S "$sock" send-keys -t "$linter" Escape ':qa!' Enter
  fi
  tmux -S "$sock" kill-server 2>/dev/null || true
  say "ALE's $linter linter: $(wc -l <"$out") entries in the location list"
}

# fail LINTER: the failure's details.
fail() {
  echo "editor.sh: the location list of ALE's $1 linter for $file differs from the golden's findings (- golden, + editor)" >&2
  diff -u --label legacy.golden --label "ALE $1" "$work/want.$1" "$work/$1.norm" >&2 || true
  echo "ALE's run (:ALEInfo, its end):" >&2
  tail -n 25 "$work/$1.got.info" >&2
  exit 1
}

# go vet prints reslint's findings as they are: all of them, exactly.
run govet
cp "$work/want" "$work/want.govet"
sort -t: -k1,1n -k2,2n "$work/govet.got" >"$work/govet.norm"
cmp -s "$work/want.govet" "$work/govet.norm" || fail govet
say "govet: the $(wc -l <"$work/want") findings of the golden, at their lines and columns, with their messages"

# golangci-lint prefixes the analyzer's name and ALE appends the linter's
# ("uilayer: ... (rescoord)"), and it reports one issue per line: where the
# golden has two findings on a line, the editor must show one of them.
run golangci-lint
sed -E 's/^([0-9]+:[0-9]+: )[a-z]+: (.*) \(rescoord\)$/\1\2/' "$work/golangci-lint.got" |
  sort -t: -k1,1n -k2,2n >"$work/golangci-lint.norm"
awk '
  FNR == NR { l = $0; sub(/:.*/, "", l); all[l] = all[l] "\n" $0 "\n"; if (!(l in first)) { first[l] = $0; order[++n] = l }; next }
  { l = $0; sub(/:.*/, "", l); if (index(all[l], "\n" $0 "\n")) got[l] = $0 }
  END { for (i = 1; i <= n; i++) { l = order[i]; print ((l in got) ? got[l] : first[l]) } }
' "$work/want" "$work/golangci-lint.norm" >"$work/want.golangci-lint"
cmp -s "$work/want.golangci-lint" "$work/golangci-lint.norm" || fail golangci-lint
say "golangci-lint: $(wc -l <"$work/golangci-lint.norm") entries, one at each line of the golden's findings, with their messages"
grep -vxF -f "$work/golangci-lint.norm" "$work/want" | sed 's/^/  not shown, golangci-lint reporting one issue per line: /' || true
