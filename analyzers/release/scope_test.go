package release

import (
	"go/types"
	"slices"
	"testing"

	"github.com/rescoord/rescoord/analyzers/internal/runtimeapi"
)

// Sources must list every package whose import makes runtimeapi.Reaches
// true: facts are exported only about packages that reach the runtime.
func TestSources(t *testing.T) {
	for _, path := range Sources() {
		if runtimeapi.Reaches(types.NewPackage(path, "p")) == 0 {
			t.Errorf("Sources lists %s, which does not reach the runtime", path)
		}
	}
	for _, path := range []string{runtimeapi.ResourcePath, runtimeapi.CoordPath, runtimeapi.ControllerPath, runtimeapi.RestestPath} {
		if !slices.Contains(Sources(), path) {
			t.Errorf("Sources lacks %s", path)
		}
	}
}
