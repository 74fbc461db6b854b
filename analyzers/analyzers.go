// Package analyzers is the reslint analyzer suite: the analyzers that keep
// an application built on the rescoord runtime to its architecture,
//
//	UI → Controller → Coordinator → Service
//
// Each analyzer is its own package, usable alone with any go/analysis
// driver (go vet -vettool, golangci-lint, Bazel nogo, singlechecker);
// All lists them for drivers that run the whole suite, such as the
// reslint command.
//
// Every analyzer is configured through its Analyzer.Flags, which is all
// that vet, golangci-lint and nogo can pass; a .reslint.yaml file at the
// module root and //reslint: directives in the code come on top. The
// reference for flags, the configuration file, the directives and the
// rules is docs/reslint.md:
// https://github.com/rescoord/rescoord/blob/main/docs/reslint.md
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/rescoord/rescoord/analyzers/controllers"
	"github.com/rescoord/rescoord/analyzers/release"
	"github.com/rescoord/rescoord/analyzers/uilayer"
	"github.com/rescoord/rescoord/analyzers/untracked"
)

// All returns the analyzers of the suite, in the order their names sort.
// The slice is new on every call.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		controllers.Analyzer,
		release.Analyzer,
		uilayer.Analyzer,
		untracked.Analyzer,
	}
}
