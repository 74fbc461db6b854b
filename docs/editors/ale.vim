" rescoord's findings in Vim with ALE: .ci/editor.sh tests these settings.
packadd! ale

" Where the tools are (set these before sourcing this file to override):
" reslint, e.g. from `go tool -n reslint` in a module that has it as a tool;
" golangci-lint built with the plugin by golangci/build.sh; and golangci-lint's
" configuration, '' for the .golangci.yml it finds from the file's directory up.
let g:rescoord_reslint = get(g:, 'rescoord_reslint', exepath('reslint'))
let g:rescoord_golangci_lint = get(g:, 'rescoord_golangci_lint', 'golangci-lint-rescoord')
let g:rescoord_golangci_config = get(g:, 'rescoord_golangci_config', '')

" ALE runs both on the file's package, in its directory, when the file is
" opened or saved: `go vet -vettool=RESLINT .` reports go vet's findings and
" rescoord's. golangci-lint runs without a file name (it cannot type-check one
" file of a package alone) and prints absolute paths: ALE reads paths from the
" file's directory, golangci-lint v2 prints them from its configuration file's.
" golangci-lint reports one issue per line (--uniq-by-line=false: all).
let g:ale_go_govet_options = '-vettool=' . shellescape(g:rescoord_reslint)
let g:ale_go_golangci_lint_executable = g:rescoord_golangci_lint
let g:ale_go_golangci_lint_package = 1
let g:ale_go_golangci_lint_options = '--path-mode=abs --output.text.print-issued-lines=false'
      \ . (empty(g:rescoord_golangci_config) ? '' : ' --config=' . shellescape(g:rescoord_golangci_config))
let g:ale_linters = {'go': ['govet', 'golangci-lint']}
