package release

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	driver "golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// contextRules makes every context.With* function that returns a cancel
// function a release rule, as lostcancel knows them.
const contextRules = "func context.WithCancel#1; func context.WithTimeout#1; func context.WithDeadline#1; " +
	"func context.WithCancelCause#1; func context.WithTimeoutCause#1; func context.WithDeadlineCause#1"

// TestLostcancelTestdata runs release, with rules for the context
// functions, on lostcancel's own test data (from the module cache) and
// checks that it reports exactly the leaks lostcancel's want comments
// expect at an acquisition ("not used on all paths", "should be called,
// not discarded"): all of them, and no others.
func TestLostcancelTestdata(t *testing.T) {
	src := lostcancelTestdata(t)
	// The rules are set as parsed, past the check that refuses them from
	// users (lostcancel itself checks these functions).
	for _, text := range strings.Split(contextRules, ";") {
		r, err := parseRule(strings.TrimSpace(text))
		if err != nil {
			t.Fatal(err)
		}
		rulesFlag.parsed = append(rulesFlag.parsed, r)
	}
	t.Cleanup(func() { rulesFlag.parsed = nil })
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  src,
		Env:  append(os.Environ(), "GOPATH="+filepath.Dir(src), "GO111MODULE=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "a", "b", "typeparams")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := driver.Analyze([]*analysis.Analyzer{Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	ours := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			ours[fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)] = true
			t.Logf("%s: %s", p, d.Message)
		}
	}
	theirs := wantedAcquisitions(t, src)
	if len(theirs) == 0 {
		t.Fatal("found no expectations in lostcancel's test data")
	}
	var missed, extra []string
	for line := range theirs {
		if !ours[line] {
			missed = append(missed, line)
		}
	}
	for line := range ours {
		if !theirs[line] {
			extra = append(extra, line)
		}
	}
	slices.Sort(missed)
	slices.Sort(extra)
	if len(missed) > 0 {
		t.Errorf("release misses leaks lostcancel finds: %v", missed)
	}
	if len(extra) > 0 {
		t.Errorf("release reports leaks lostcancel's test data does not expect: %v", extra)
	}
	t.Logf("lostcancel expects %d leaks at acquisitions; release finds %d of them and %d others", len(theirs), len(theirs)-len(missed), len(extra))
}

var wantAcquire = regexp.MustCompile(`want .*(not used|should be called, not discarded)`)

// wantedAcquisitions returns file:line of every want comment of the test
// data that expects a report at an acquisition.
func wantedAcquisitions(t *testing.T, src string) map[string]bool {
	out := map[string]bool{}
	files, _ := filepath.Glob(filepath.Join(src, "*", "*.go"))
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		s := bufio.NewScanner(f)
		for line := 1; s.Scan(); line++ {
			if wantAcquire.MatchString(s.Text()) {
				out[fmt.Sprintf("%s:%d", filepath.Base(name), line)] = true
			}
		}
		if err := s.Err(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	return out
}

// lostcancelTestdata returns the testdata/src directory of lostcancel in
// the module cache, skipping the test if it is not there.
func lostcancelTestdata(t *testing.T) string {
	t.Helper()
	out, err := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skipf("go env GOMODCACHE: %v", err)
	}
	src := filepath.Join(strings.TrimSpace(string(out)), "golang.org", "x", "tools@v0.52.0", "go", "analysis", "passes", "lostcancel", "testdata", "src")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("lostcancel's test data is not in the module cache: %v", err)
	}
	return src
}
