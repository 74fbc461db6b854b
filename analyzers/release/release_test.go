package release_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/rescoord/rescoord/analyzers/release"
	"github.com/rescoord/rescoord/internal/fixture"
)

func TestAnalyzer(t *testing.T) {
	if err := release.Analyzer.Flags.Set("rules",
		"func example.com/fixture/pool.Lease#1; method os.Open Close; method net/http.Get Body.Close; method (*database/sql.DB).Begin Commit|Rollback; method (*database/sql.DB).Query Close; method (*database/sql.DB).Query Err; id (*example.com/fixture/pool.Pool).Acquire Release; method (example.com/fixture/tracer.Tracer).Start#1 End"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { release.Analyzer.Flags.Set("rules", "") })
	dir := fixture.Module(t, "testdata/src")
	analysistest.Run(t, dir, release.Analyzer, "./a", "./b", "./rules", "./pool", "./owners", "./tracer", "./otel", "./indirect", "./handles", "./handles/files")
	analysistest.RunWithSuggestedFixes(t, dir, release.Analyzer, "./fix")
}

// TestTypeRule checks a rule that names the resource by type.
func TestTypeRule(t *testing.T) {
	fixture.SetFlag(t, release.Analyzer, "rules", "type *example.com/fixture/pool.Conn Close")
	analysistest.Run(t, fixture.Module(t, "testdata/src"), release.Analyzer, "./bytype")
}

// TestSets checks -release.sets=std on a package with no rules of its own.
func TestSets(t *testing.T) {
	fixture.SetFlag(t, release.Analyzer, "sets", "std")
	analysistest.Run(t, fixture.Module(t, "testdata/src"), release.Analyzer, "./sets")
}
