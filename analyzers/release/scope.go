package release

import (
	"github.com/rescoord/rescoord/analyzers/internal/config"
	"github.com/rescoord/rescoord/analyzers/internal/runtimeapi"
)

// Sources returns the import paths of the packages that bring a package
// into the analyzer's scope when it is one of them or imports one,
// directly or not: the rescoord runtime's packages and the packages its
// rules name, from -release.rules or, without that flag, from the
// .reslint.yaml at the root of each of moduleDirs.
//
// The analyzer looks into no package outside its scope and exports no
// fact about one. A driver may therefore load every dependency outside
// the scope of the packages it analyzes from export data, without syntax,
// and run the analyzer on the dependencies in scope only, as the reslint
// command does. Flags must be set before the call.
func Sources(moduleDirs []string) []string {
	out := []string{runtimeapi.ResourcePath, runtimeapi.CoordPath, runtimeapi.ControllerPath, runtimeapi.RestestPath}
	rules := flaggedRules()
	if len(rules) == 0 {
		for _, dir := range moduleDirs {
			loc, err := config.Locate(dir)
			if err != nil || loc.Config == nil {
				continue // the analyzer reports a bad file where it applies
			}
			r, _ := fileRules(loc.Config)
			rules = append(rules, r...)
		}
	}
	for _, r := range rules {
		out = append(out, r.pkg)
	}
	return out
}
