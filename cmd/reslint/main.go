// Command reslint runs go vet's own analyzers and the rescoord analyzer
// suite (package github.com/rescoord/rescoord/analyzers) in one pass: it
// reports what go vet reports, and code that breaks the architecture
// UI → Controller → Coordinator → Service, such as a UI tab that tracks
// resources itself, or a controller that starts goroutines its cleanup
// cannot cancel.
//
// Standalone, on package patterns:
//
//	reslint ./...                 report; exit status 3 if anything was found
//	reslint -json ./...           report as JSON
//	reslint -fix ./...            apply the suggested fixes (-diff: print them)
//	reslint help                  list the analyzers; reslint help uilayer: one in detail
//
// An invalid rule or configuration file is reported before any finding,
// with exit status 2.
//
// As a vet tool, with the same flags:
//
//	go vet -vettool=$(go tool -n reslint) ./...
//
// Each analyzer can be turned on alone (-uilayer) or off (-uilayer=false),
// and takes its settings as flags (-uilayer.ui=./ui/...); a .reslint.yaml
// at the module root names the layers for every analyzer at once. The
// reference for flags, the configuration file, the directives and the
// rules is docs/reslint.md:
// https://github.com/rescoord/rescoord/blob/main/docs/reslint.md
package main

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/suite/vet"

	"github.com/rescoord/rescoord/analyzers"
	"github.com/rescoord/rescoord/internal/usage"
)

func main() {
	// Standalone, reslint is the driver: an invalid rule or configuration
	// is a usage error (exit status 2), reported once. As a vet tool (one
	// .cfg argument, a package at a time), it is go vet's analysis error.
	if n := len(os.Args); n < 2 || !strings.HasSuffix(os.Args[n-1], ".cfg") {
		usage.ExitOnInvalid()
	}
	multichecker.Main(append(vet.Suite, analyzers.All()...)...)
}
