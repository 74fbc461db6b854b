package untracked_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/rescoord/rescoord/analyzers/internal/fixture"
	"github.com/rescoord/rescoord/analyzers/untracked"
)

func gopath(t *testing.T) string {
	return fixture.GOPATH(t, filepath.Join(analysistest.TestData(), "src"))
}

func TestRules(t *testing.T) {
	analysistest.Run(t, gopath(t), untracked.Analyzer,
		"ctl/basic", "ctl/base", "ctl/deep", "ctl/generic", "ctl/alias", "ctl/dot",
		"ctl/tests", "ctl/generated", "ctl/buildtags",
		"plain", "nort", "uidirective", "bydirective", "example.com/app/...")
}

func TestTestsFlag(t *testing.T) {
	fixture.SetFlag(t, untracked.Analyzer, "tests", "true")
	analysistest.Run(t, gopath(t), untracked.Analyzer, "ctl/testsflag")
}

func TestPatternFlag(t *testing.T) {
	fixture.SetFlag(t, untracked.Analyzer, "controller", "nort")
	var c collect
	results := analysistest.Run(&c, gopath(t), untracked.Analyzer, "nort")
	if len(results) != 1 || len(results[0].Diagnostics) != 1 {
		t.Errorf("nort named by -untracked.controller: %d results, want 1 with one diagnostic (%q)", len(results), c.errs)
	}
}

type collect struct{ errs []string }

func (c *collect) Errorf(format string, args ...any) { c.errs = append(c.errs, format) }
