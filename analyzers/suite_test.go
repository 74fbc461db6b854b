package analyzers_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/rescoord/rescoord/analyzers"
	"github.com/rescoord/rescoord/analyzers/internal/suite"
	"github.com/rescoord/rescoord/analyzers/release"
	"github.com/rescoord/rescoord/analyzers/uilayer"
	"github.com/rescoord/rescoord/analyzers/untracked"
	"github.com/rescoord/rescoord/internal/load"
)

// xtoolsVersion is the golang.org/x/tools module the benchmark and the
// sweep load: the version this module requires, so it is in the module
// cache wherever this module builds.
const xtoolsVersion = "v0.52.0"

// xtoolsDir returns the directory of golang.org/x/tools in the module
// cache, or skips.
func xtoolsDir(tb testing.TB) string {
	tb.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		tb.Skipf("go env GOMODCACHE: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "golang.org", "x", "tools@"+xtoolsVersion)
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		tb.Skipf("golang.org/x/tools@%s is not in the module cache (%v); run go mod download golang.org/x/tools", xtoolsVersion, err)
	}
	return dir
}

// config is the go/packages configuration of the benchmarks and the
// sweep: patterns in dir, tests included.
func config(dir string, mode packages.LoadMode) *packages.Config {
	return &packages.Config{
		Mode:  mode,
		Dir:   dir,
		Tests: true,
		Env:   append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
}

// loadAll loads patterns in dir as a multichecker does for analyzers that use
// facts: syntax and types for every package, dependencies included.
func loadAll(tb testing.TB, dir string, patterns ...string) []*packages.Package {
	tb.Helper()
	pkgs, err := packages.Load(config(dir, packages.LoadAllSyntax|packages.NeedModule), patterns...)
	return mustLoad(tb, pkgs, err)
}

// loadSyntax loads patterns as a driver whose analyzers use no facts does:
// syntax for the packages that match, export data for their dependencies.
func loadSyntax(tb testing.TB, dir string, patterns ...string) []*packages.Package {
	tb.Helper()
	pkgs, err := packages.Load(config(dir, packages.LoadSyntax|packages.NeedModule), patterns...)
	return mustLoad(tb, pkgs, err)
}

// loadReslint loads patterns as the reslint command does (package
// internal/load): from source only the packages that match and the
// dependencies release's facts need. It returns the packages to analyze.
func loadReslint(tb testing.TB, dir string, patterns ...string) []*packages.Package {
	tb.Helper()
	res, err := load.Load(config(dir, 0), release.Sources(), patterns...)
	if err != nil {
		mustLoad(tb, nil, err)
	}
	mustLoad(tb, res.Roots, nil)
	return res.Analysis
}

// mustLoad skips the benchmark or test if loading failed.
func mustLoad(tb testing.TB, pkgs []*packages.Package, err error) []*packages.Package {
	tb.Helper()
	if err != nil {
		tb.Skipf("loading: %v", err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		tb.Skipf("loading: %d errors", n)
	}
	return pkgs
}

// noop returns an analyzer that does nothing, the floor of the benchmark.
func noop(name string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: name,
		Doc:  "does nothing",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
}

var (
	benchOnce sync.Once
	benchPkgs []*packages.Package
)

// BenchmarkFastPath measures what the suite costs on packages that do not
// use the rescoord runtime: golang.org/x/tools' ./go/... packages (with
// their tests), loaded once as the reslint command loads them (dependencies
// that cannot hold facts from export data, and out of the graph the
// analyzers with facts walk). Each iteration runs checker.Analyze over the
// same packages three times, in an order that rotates: the suite, one
// analyzer that does nothing, and as many do-nothing analyzers as the
// suite has. In the sub-benchmark "cold" the suite's caches (configuration
// per module and directory, imports per package) are emptied before each
// of its runs, as in a fresh process; in "warm" they are kept.
//
// Metrics (ratios of total times):
//
//	suite/noops  against the same number of do-nothing analyzers: the
//	             analyzers' own cost (target ≤ 1.10 warm)
//	suite/noop   against one do-nothing analyzer: includes the driver's
//	             fixed cost for each analyzer and package
func BenchmarkFastPath(b *testing.B) {
	dir := xtoolsDir(b)
	benchOnce.Do(func() { benchPkgs = loadReslint(b, dir, "./go/...") })
	if benchPkgs == nil {
		b.Skip("x/tools packages did not load")
	}
	for _, cold := range []bool{false, true} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) { fastPath(b, cold) })
	}
}

func fastPath(b *testing.B, cold bool) {
	all := analyzers.All()
	var noops []*analysis.Analyzer
	for i := range all {
		noops = append(noops, noop(fmt.Sprintf("noop%d", i)))
	}
	runs := []struct {
		as    []*analysis.Analyzer
		suite bool
		total time.Duration
	}{
		{as: all, suite: true},
		{as: []*analysis.Analyzer{noop("noop")}},
		{as: noops},
	}
	analyze := func(as []*analysis.Analyzer) {
		if _, err := checker.Analyze(as, benchPkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
	for _, r := range runs { // warm up the driver and the allocator
		analyze(r.as)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range runs {
			r := &runs[(i+k)%len(runs)]
			if r.suite && cold {
				suite.Forget()
			}
			t0 := time.Now()
			analyze(r.as)
			r.total += time.Since(t0)
		}
	}
	b.StopTimer()
	s, one, same := runs[0].total, runs[1].total, runs[2].total
	b.ReportMetric(float64(len(benchPkgs)), "packages")
	b.ReportMetric(float64(s)/float64(same), "suite/noops")
	b.ReportMetric(float64(s)/float64(one), "suite/noop")
	b.ReportMetric(float64(s.Microseconds())/float64(b.N), "suite-µs")
	b.ReportMetric(float64(same.Microseconds())/float64(b.N), "noops-µs")
}

// BenchmarkCommand is the end-to-end comparison: each iteration loads
// golang.org/x/tools' ./go/... packages (with their tests) and analyzes
// them twice, alternating which goes first: as the reslint command does
// (its loading, the suite, caches emptied as in a fresh process), and as a
// driver whose one analyzer does nothing and uses no facts does (syntax
// for the packages that match, export data for their dependencies).
// Metric reslint/noop is the ratio of the total times, loading included:
// what a user of "reslint ./go/..." pays over a driver that checks
// nothing (target ≤ 1.10).
//
//	go test -run '^$' -bench Command -benchtime 5x -count 3 ./analyzers
func BenchmarkCommand(b *testing.B) {
	dir := xtoolsDir(b)
	runs := []struct {
		load  func(testing.TB, string, ...string) []*packages.Package
		as    []*analysis.Analyzer
		total time.Duration
	}{
		{load: loadReslint, as: analyzers.All()},
		{load: loadSyntax, as: []*analysis.Analyzer{noop("noop")}},
	}
	for _, r := range runs { // warm the build cache for both
		r.load(b, dir, "./go/...")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range runs {
			r := &runs[(i+k)%len(runs)]
			suite.Forget()
			t0 := time.Now()
			pkgs := r.load(b, dir, "./go/...")
			if _, err := checker.Analyze(r.as, pkgs, nil); err != nil {
				b.Fatal(err)
			}
			r.total += time.Since(t0)
		}
	}
	b.ReportMetric(float64(runs[0].total)/float64(runs[1].total), "reslint/noop")
	b.ReportMetric(float64(runs[0].total.Milliseconds())/float64(b.N), "reslint-ms")
	b.ReportMetric(float64(runs[1].total.Milliseconds())/float64(b.N), "noop-ms")
}

// TestSweep runs the suite over the standard library and golang.org/x/tools
// (tests included), twice:
//
//   - as configured by default: neither uses the rescoord runtime or names a
//     layer, so the suite must report nothing;
//   - with every package forced into both layers (-uilayer.ui=** and
//     -untracked.controller=**) and test files checked too, so that every
//     rule and every suggested fix runs over code nobody wrote for it:
//     findings are expected (go statements, mostly) and counted, and
//     nothing may panic.
//
// A panic is caught by the analyzers' guard and shows as an analysis error
// saying "panicked". It takes minutes, so it runs only when RESLINT_SWEEP=1:
//
//	RESLINT_SWEEP=1 go test -run TestSweep -v -timeout 60m ./analyzers
func TestSweep(t *testing.T) {
	if os.Getenv("RESLINT_SWEEP") != "1" {
		t.Skip("set RESLINT_SWEEP=1 to run the suite over std and golang.org/x/tools")
	}
	for _, target := range []struct{ name, dir, pattern string }{
		{"std", "", "std"},
		{"golang.org/x/tools", xtoolsDir(t), "./..."},
	} {
		t0 := time.Now()
		pkgs := loadAll(t, target.dir, target.pattern)
		t.Logf("%s: %d packages (tests included) loaded in %v", target.name, len(pkgs), time.Since(t0).Round(time.Millisecond))
		sweep(t, target.name+", default settings", pkgs, true)
		for _, a := range analyzers.All() {
			setFlag(t, a, "tests", "true")
		}
		setFlag(t, uilayer.Analyzer, "ui", "**")
		setFlag(t, untracked.Analyzer, "controller", "**")
		sweep(t, target.name+", every package in both layers, tests included", pkgs, false)
		for _, a := range analyzers.All() {
			setFlag(t, a, "tests", "false")
		}
		setFlag(t, uilayer.Analyzer, "ui", "")
		setFlag(t, untracked.Analyzer, "controller", "")
	}
}

func setFlag(t *testing.T, a *analysis.Analyzer, name, value string) {
	t.Helper()
	if err := a.Flags.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Flags.Set(name, "") })
}

func sweep(t *testing.T, what string, pkgs []*packages.Package, wantNone bool) {
	t.Helper()
	suite.Forget()
	t0 := time.Now()
	graph, err := checker.Analyze(analyzers.All(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(t0)
	var panics, errs, findings, fixes int
	perAnalyzer := make(map[string]int)
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			if strings.Contains(act.Err.Error(), "panicked") {
				panics++
				t.Errorf("%s: %v", act, act.Err)
			} else if !strings.Contains(act.Err.Error(), "analysis skipped due to errors") {
				errs++
				t.Errorf("%s: %v", act, act.Err)
			}
		}
		for _, d := range act.Diagnostics {
			findings++
			perAnalyzer[act.Analyzer.Name]++
			fixes += len(d.SuggestedFixes)
			if wantNone {
				t.Errorf("%s: %s: %s", act, act.Package.Fset.Position(d.Pos), d.Message)
			}
		}
	}
	t.Logf("%s: %d analyzer runs in %v; %d panics, %d errors, %d findings %v, %d with a fix",
		what, len(graph.Roots), elapsed.Round(time.Millisecond), panics, errs, findings, perAnalyzer, fixes)
}
