package release_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/rescoord/rescoord/analyzers/release"
)

func TestAnalyzer(t *testing.T) {
	if err := release.Analyzer.Flags.Set("rules",
		"func context.WithCancel#1; method os.Open Close; id (*example.com/fixture/pool.Pool).Acquire Release; method (example.com/fixture/tracer.Tracer).Start#1 End"); err != nil {
		t.Fatal(err)
	}
	dir := fixtureModule(t, "testdata/src")
	analysistest.Run(t, dir, release.Analyzer, "./a", "./b", "./rules", "./pool", "./owners", "./tracer")
	analysistest.RunWithSuggestedFixes(t, dir, release.Analyzer, "./fix")
}

// fixtureModule copies src to a temporary directory and makes it a module
// that requires this one (by a replace directive to the working tree).
func fixtureModule(t *testing.T, src string) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	mod := "module example.com/fixture\n\ngo 1.24\n\nrequire github.com/rescoord/rescoord v0.0.0\n\nreplace github.com/rescoord/rescoord => " + root + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOFLAGS", "-mod=mod")
	return dir
}
