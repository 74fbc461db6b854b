package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/rescoord/rescoord/analyzers"
	"github.com/rescoord/rescoord/analyzers/release"
	"github.com/rescoord/rescoord/internal/load"
)

// report loads from source only what release's facts need: that is sound
// only while release is the one analyzer of the suite with facts.
func TestOnlyReleaseHasFacts(t *testing.T) {
	seen := map[*analysis.Analyzer]bool{}
	var walk func(a *analysis.Analyzer)
	walk = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		if len(a.FactTypes) > 0 && a != release.Analyzer {
			t.Errorf("%s uses facts: report must learn which packages they need from source", a.Name)
		}
		for _, r := range a.Requires {
			walk(r)
		}
	}
	for _, a := range analyzers.All() {
		walk(a)
	}
}

// findings runs the suite on pkgs and returns every root diagnostic and
// analysis error, one line each, sorted.
func findings(t *testing.T, pkgs []*packages.Package) []string {
	t.Helper()
	graph, err := checker.Analyze(analyzers.All(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for act := range graph.All() {
		if act.Err != nil && act.IsRoot {
			out = append(out, fmt.Sprintf("%s: error: %v", act, act.Err))
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			out = append(out, fmt.Sprintf("%s: %s: %s", act.Package.Fset.Position(d.Pos), act.Analyzer.Name, d.Message))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// The suite finds the same on the packages report loads as on those a
// multichecker loads (all from source), facts across packages included.
func TestReportLoadsWhatFactsNeed(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages")
	}
	// With a rule too, whose pairs have no facts: it changes nothing in
	// what needs loading from source.
	if err := release.Analyzer.Flags.Set("rules", "func context.WithCancel#1"); err != nil {
		t.Fatal(err)
	}
	for _, patterns := range [][]string{
		{"./cmd/reslint/testdata/facts/..."},
		{"./examples/legacy/..."},
		{"./runtime/..."},
	} {
		t.Run(strings.Join(patterns, " "), func(t *testing.T) {
			cfg := &packages.Config{Dir: moduleRoot(t), Tests: true}
			res, err := load.Load(cfg, release.Sources(), patterns...)
			if err != nil {
				t.Fatal(err)
			}
			if n := packages.PrintErrors(res.Roots); n > 0 {
				t.Fatalf("%d errors", n)
			}
			all := *cfg
			all.Mode = packages.LoadAllSyntax | packages.NeedModule
			pkgs, err := packages.Load(&all, patterns...)
			if err != nil {
				t.Fatal(err)
			}
			got, want := findings(t, res.Analysis), findings(t, pkgs)
			if !slices.Equal(got, want) {
				t.Errorf("on the packages load.Load gives:\n\t%s\nwith all syntax:\n\t%s",
					strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
			}
			if patterns[0] == "./cmd/reslint/testdata/facts/..." && len(got) != 2 {
				t.Errorf("%d findings, want the leaks in app.Leak and app.Stop:\n\t%s", len(got), strings.Join(got, "\n\t"))
			}
		})
	}
}

// The command's own path: the facts of helper, flags, and what goes to
// multichecker.
func TestReportFacts(t *testing.T) {
	bin := reslintBin(t)
	_, stderr, code := run(t, bin, "./cmd/reslint/testdata/facts/...")
	if code != 3 {
		t.Fatalf("exit status %d, want 3\n%s", code, stderr)
	}
	if want := "app.go:14:8: the ID from helper.AddThumb (id) is not released on all paths"; !strings.Contains(stderr, want) || strings.Count(stderr, "not released") != 1 {
		t.Errorf("output\n%s\nwant one finding: %s", stderr, want)
	}
	_, stderr, code = run(t, bin, "-release.rules=func context.WithCancel#1", "./cmd/reslint/testdata/facts/...")
	if code != 3 || !strings.Contains(stderr, "app.go:33:17: the function returned by context.WithCancel (cancel) is not released") {
		t.Errorf("-release.rules: exit status %d, want 3 and the leak in app.Stop\n%s", code, stderr)
	}
	for _, args := range [][]string{
		{"-release=false", "./cmd/reslint/testdata/facts/..."},
		{"-uilayer", "./cmd/reslint/testdata/facts/..."},
		{"-test=false", "-c=1", "-release=false", "./cmd/reslint/testdata/facts/..."},
	} {
		if _, stderr, code := run(t, bin, args...); code != 0 {
			t.Errorf("reslint %s: exit status %d, want 0\n%s", strings.Join(args, " "), code, stderr)
		}
	}
	if _, stderr, code := run(t, bin, "-c=x", "./cmd/reslint/testdata/facts/..."); code != 2 || !strings.Contains(stderr, `invalid value "x" for flag -c`) {
		t.Errorf("-c=x: exit status %d, want 2 and the flag error\n%s", code, stderr)
	}
	if _, stderr, code := run(t, bin, "./no/such/package"); code != 1 {
		t.Errorf("a pattern that matches nothing: exit status %d, want 1\n%s", code, stderr)
	}
}

func TestReportOnly(t *testing.T) {
	all := analyzers.All()
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"./..."}, true},
		{[]string{"-json", "-c", "2", "-release.rules", "func context.WithCancel#1", "-uilayer=false", "./..."}, true},
		{[]string{"-fix", "./..."}, false},
		{[]string{"-diff", "./..."}, false},
		{[]string{"-V=full"}, false},
		{[]string{"-flags"}, false},
		{[]string{"help"}, false},
		{[]string{"help", "release"}, false},
		{[]string{}, false},
		{[]string{"/tmp/vet.cfg"}, false},
		{[]string{"-debug=v", "./..."}, false},
		{[]string{"-nosuchflag", "./..."}, false},
	} {
		if got := reportOnly(c.args, all); got != c.want {
			t.Errorf("reportOnly(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
