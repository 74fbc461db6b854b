package analyzers_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/rescoord/rescoord/analyzers"
	"github.com/rescoord/rescoord/analyzers/release"
	"github.com/rescoord/rescoord/analyzers/uilayer"
	"github.com/rescoord/rescoord/analyzers/untracked"
)

// xtoolsVersion is the golang.org/x/tools module the sweep loads: the version this module requires, so it is in the module
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

// config is the go/packages configuration of the sweep: patterns in dir, tests included.
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
	if err != nil {
		tb.Skipf("loading: %v", err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		tb.Skipf("loading: %d errors", n)
	}
	return pkgs
}

// TestSweep runs the suite over the standard library and golang.org/x/tools
// (tests included), twice:
//
//   - as configured by default: neither uses the rescoord runtime or names a
//     layer, so the suite must report nothing but the leaks of the default
//     rule set their authors keep on purpose (knownLeak);
//   - with every package forced into both layers (-uilayer.ui=... and
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
		setFlag(t, uilayer.Analyzer, "ui", "...")
		setFlag(t, untracked.Analyzer, "controller", "...")
		setFlag(t, release.Analyzer, "rules", sweepRules)
		setFlag(t, release.Analyzer, "sets", "std,otel,sqlx,pgx")
		sweep(t, target.name+", every package in both layers, release rules and every rule set, tests included", pkgs, false)
		setFlag(t, release.Analyzer, "rules", "")
		setFlag(t, release.Analyzer, "sets", "")
		for _, a := range analyzers.All() {
			setFlag(t, a, "tests", "false")
		}
		setFlag(t, uilayer.Analyzer, "ui", "")
		setFlag(t, untracked.Analyzer, "controller", "")
	}
}

// sweepRules are release rules for resources that std and x/tools use
// everywhere, so that the sweep runs release's path search over code
// nobody wrote for it.
const sweepRules = "method os.Open Close; method os.Create Close; method os.OpenFile Close; " +
	"method net/http.Get Body.Close; method (*net/http.Client).Do Body.Close; method net.Listen Close"

// knownLeak reports whether a finding of the default settings in std or
// golang.org/x/tools is a leak their authors chose to keep: goyacc opens
// its grammar and its output for the life of the program, wrapped in a
// bufio.Reader or Writer, and never closes them.
func knownLeak(file, msg string) bool {
	return strings.HasSuffix(filepath.ToSlash(file), "cmd/goyacc/yacc.go") && (strings.HasPrefix(msg, "fi from os.Open:") || strings.HasPrefix(msg, "fo from os.Create:"))
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
			if pos := act.Package.Fset.Position(d.Pos); wantNone && !knownLeak(pos.Filename, d.Message) {
				t.Errorf("%s: %s: %s", act, pos, d.Message)
			}
		}
	}
	t.Logf("%s: %d analyzer runs in %v; %d panics, %d errors, %d findings %v, %d with a fix",
		what, len(graph.Roots), elapsed.Round(time.Millisecond), panics, errs, findings, perAnalyzer, fixes)
}
