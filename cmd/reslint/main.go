// Command reslint runs the rescoord analyzer suite (package
// github.com/rescoord/rescoord/analyzers): it reports code that breaks the
// architecture UI → Controller → Coordinator → Service, such as a UI tab
// that tracks resources itself, or a controller that starts goroutines its
// cleanup cannot cancel.
//
// Standalone, on package patterns:
//
//	reslint ./...                 report; exit status 3 if anything was found
//	reslint -json ./...           report as JSON (exit status 0)
//	reslint -fix ./...            apply the suggested fixes
//	reslint -fix -diff ./...      print them as a unified diff instead
//	reslint help                  list the analyzers; reslint help uilayer: one in detail
//
// As a vet tool, with the same flags:
//
//	go vet -vettool=$(go tool -n reslint) ./...
//
// Each analyzer can be turned on alone (-uilayer) or off (-uilayer=false),
// and takes its settings as flags (-uilayer.ui=./ui/**). A .reslint.yaml
// at the module root names the layers for every analyzer at once:
//
//	layers:
//	  ui: ["./ui/**"]
//	  controller: ["./controllers/**"]
//
// and the directives //reslint:layer NAME (before a package clause) and
// //reslint:ignore ANALYZER reason (on or above a line) work in the code.
// The analyzers' package documentation has the details.
//
// Standalone, reslint loads from source only the packages named and the
// dependencies that reach the rescoord runtime, the only ones the release
// analyzer's cross-package facts can be about; every other dependency comes from export data, as for an
// analyzer without facts. Under go vet, the go command does the loading,
// and caches the facts of each package.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/rescoord/rescoord/analyzers"
)

func main() {
	all := analyzers.All()
	if code, ok := report(os.Args[1:], all); ok {
		os.Exit(code)
	}
	multichecker.Main(all...)
}
