package release

import "github.com/rescoord/rescoord/analyzers/internal/runtimeapi"

// Sources returns the import paths of the packages that a package must be,
// or import (directly or not), for the analyzer to export a fact about it:
// the rescoord runtime's packages. Its facts (Consumes, Acquires) are
// about resource IDs, which only such a package can handle; the
// acquire/release pairs of rules have none.
//
// A driver may therefore load every other dependency of the packages it
// analyzes from export data, without syntax, and run the analyzer on the
// dependencies that reach the runtime only, as the reslint command does.
func Sources() []string {
	return []string{runtimeapi.ResourcePath, runtimeapi.CoordPath, runtimeapi.ControllerPath, runtimeapi.RestestPath}
}
