package untracked_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/rescoord/rescoord/analyzers/untracked"
	"github.com/rescoord/rescoord/internal/fixture"
)

// module returns the fixture module made of testdata/src, or of its
// subdirectory sub (a module of its own).
func module(t *testing.T, sub ...string) string {
	return fixture.Module(t, filepath.Join(append([]string{analysistest.TestData(), "src"}, sub...)...))
}

func TestRules(t *testing.T) {
	analysistest.Run(t, module(t), untracked.Analyzer,
		"./ctl/basic", "./ctl/base", "./ctl/deep", "./ctl/generic", "./ctl/alias", "./ctl/dot",
		"./ctl/tests", "./ctl/generated", "./ctl/buildtags",
		"./plain", "./nort", "./uidirective", "./bydirective")
	// A module of its own, whose .reslint.yaml names its controller layer.
	analysistest.Run(t, module(t, "example.com", "app"), untracked.Analyzer, "./...")
}

func TestTestsFlag(t *testing.T) {
	fixture.SetFlag(t, untracked.Analyzer, "tests", "true")
	analysistest.Run(t, module(t), untracked.Analyzer, "./ctl/testsflag")
}

func TestPatternFlag(t *testing.T) {
	fixture.SetFlag(t, untracked.Analyzer, "controller", "./nort")
	var c collect
	results := analysistest.Run(&c, module(t), untracked.Analyzer, "./nort")
	if len(results) != 1 || len(results[0].Diagnostics) != 1 {
		t.Errorf("nort named by -untracked.controller: %d results, want 1 with one diagnostic (%q)", len(results), c.errs)
	}
}

type collect struct{ errs []string }

func (c *collect) Errorf(format string, args ...any) { c.errs = append(c.errs, format) }
