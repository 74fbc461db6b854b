package release

import (
	"fmt"
	"maps"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"
)

// TestRuleSets checks every rule of every set, the timer rules included,
// against the types of the packages they name, as validate does for a
// user's rule: a misspelt name in a set would fail every run that uses it.
// The standard library's are loaded here; the third-party libraries' from
// testdata/libs, a module that requires the versions the sets were written
// for.
func TestRuleSets(t *testing.T) {
	for _, name := range slices.Sorted(maps.Keys(ruleSets)) {
		t.Run(name, func(t *testing.T) {
			rules, err := setRules([]string{name}, "1.22", "test")
			if err != nil {
				t.Fatal(err)
			}
			paths := map[string]bool{}
			dir := ""
			for _, r := range rules {
				paths[r.pkg] = true
				if first, _, _ := strings.Cut(r.pkg, "/"); strings.Contains(first, ".") {
					dir = libsModule(t)
				}
			}
			pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: dir}, slices.Sorted(maps.Keys(paths))...)
			if err != nil {
				t.Fatal(err)
			}
			byPath := map[string]*packages.Package{}
			for _, p := range pkgs {
				for _, err := range p.Errors {
					t.Errorf("%s: %v", p.PkgPath, err)
				}
				byPath[p.PkgPath] = p
			}
			for _, r := range rules {
				p := byPath[r.pkg]
				if p == nil || p.Types == nil {
					t.Errorf("%s: package %s did not load", r.text, r.pkg)
					continue
				}
				if err := r.validate(p.Types); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// TestLibrarySets checks each set for a third-party library on a package
// of testdata/libs that uses the library, with no rules of its own.
func TestLibrarySets(t *testing.T) {
	dir := libsModule(t)
	for _, name := range []string{"otel", "sqlx", "pgx"} {
		t.Run(name, func(t *testing.T) {
			if err := setsFlag.Set(name); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { setsFlag.Set("") })
			analysistest.Run(t, dir, Analyzer, "./"+name)
		})
	}
}

var libsOnce struct {
	sync.Once
	dir string
	err error
}

// libsModule returns the directory of testdata/libs once the modules it
// requires are in the module cache (go mod download fetches them), and
// skips the test when they cannot be had.
func libsModule(t *testing.T) string {
	t.Helper()
	libsOnce.Do(func() {
		dir, err := filepath.Abs(filepath.Join("testdata", "libs"))
		if err != nil {
			libsOnce.err = err
			return
		}
		cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "mod", "download")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			libsOnce.err = fmt.Errorf("go mod download: %v\n%s", err, out)
			return
		}
		libsOnce.dir = dir
	})
	if libsOnce.err != nil {
		t.Skipf("the libraries of testdata/libs are not available: %v", libsOnce.err)
	}
	return libsOnce.dir
}

func TestSetRules(t *testing.T) {
	has := func(rules []rule, text string) bool {
		for _, r := range rules {
			if r.text == text {
				return true
			}
		}
		return false
	}
	old, err := setRules([]string{"std"}, "1.22", "-release.sets")
	if err != nil || !has(old, "method time.NewTicker Stop") || !has(old, "method os.Open Close") {
		t.Errorf("std for go 1.22: %v, timers and files wanted", err)
	}
	current, err := setRules([]string{"std"}, "1.26", "-release.sets")
	if err != nil || has(current, "method time.NewTicker Stop") || !has(current, "method os.Open Close") {
		t.Errorf("std for go 1.26: %v, files but no timers wanted (the runtime collects them since 1.23)", err)
	}
	if !strings.Contains(current[0].origin, "-release.sets (set std)") {
		t.Errorf("origin = %q", current[0].origin)
	}
	if _, err := setRules([]string{"stdd"}, "", "x"); err == nil || !strings.Contains(err.Error(), `unknown rule set "stdd" (known: default, none, otel, pgx, sqlx, std)`) {
		t.Errorf("unknown set: %v", err)
	}
	var v setsValue
	if err := v.Set("std, nope"); err == nil {
		t.Error("-sets accepted an unknown set")
	}
	if err := v.Set("std"); err != nil || v.String() != "std" {
		t.Errorf("-sets=std: %v, %q", err, v.String())
	}
	if err := v.Set(""); err != nil || v.String() != "" {
		t.Errorf("-sets=: %v, %q", err, v.String())
	}
}
