package controllers_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/rescoord/rescoord/analyzers/controllers"
	"github.com/rescoord/rescoord/internal/fixture"
)

// The fixtures under testdata/src are a module that uses this one. The
// generated files in testdata/src/ctrl were written by rescoordgen:
// ctrl_rescoord.go is up to date, stale_rescoord.go was generated before
// Stale gained its save operation, and stale_rescoord.go.golden is the
// current output, which the suggested fix must produce.
func TestAnalyzer(t *testing.T) {
	dir := fixture.Module(t, "testdata/src")
	analysistest.RunWithSuggestedFixes(t, dir, controllers.Analyzer, "./...")
}
