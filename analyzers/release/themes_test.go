package release_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/rescoord/rescoord/analyzers/release"
	"github.com/rescoord/rescoord/internal/fixture"
)

// TestThemes checks the patterns that other resource checkers' trackers
// report, one file per theme in testdata/src/themes, with the std set and
// rules for a cancel-like function and a tracer's spans. Every suggested
// fix is in a golden file, and the fixed package must build.
func TestThemes(t *testing.T) {
	fixture.SetFlag(t, release.Analyzer, "sets", "std")
	fixture.SetFlag(t, release.Analyzer, "rules", "func example.com/fixture/pool.Lease#1; method (example.com/fixture/tracer.Tracer).Start#1 End; method time.NewTimer Stop")
	analysistest.RunWithSuggestedFixes(t, fixture.Module(t, "testdata/src"), release.Analyzer, "./themes", "./themes/helpers")

	// The goldens in place of their files: the fixes applied.
	dir := fixture.Module(t, "testdata/src")
	goldens, err := filepath.Glob(filepath.Join(dir, "themes", "*.go.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(strings.TrimSuffix(g, ".golden"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo, Dir: dir}, "./themes")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 {
		t.Fatalf("loaded %d packages, want 1", len(pkgs))
	}
	for _, e := range pkgs[0].Errors {
		t.Errorf("fixed package: %v", e)
	}
}
