package uilayer_test

import (
	"cmp"
	"fmt"
	"go/format"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/rescoord/rescoord/analyzers/uilayer"
	"github.com/rescoord/rescoord/internal/fixture"
)

// module returns the fixture module made of testdata/src, or of its
// subdirectory sub (a module of its own).
func module(t *testing.T, sub ...string) string {
	return fixture.Module(t, filepath.Join(append([]string{analysistest.TestData(), "src"}, sub...)...))
}

// app returns the module example.com/app, whose .reslint.yaml names its UI
// layer.
func app(t *testing.T) string { return module(t, "example.com", "app") }

func TestLegacyTab(t *testing.T) {
	analysistest.Run(t, module(t), uilayer.Analyzer, "./ui/legacytab")
}

func TestRules(t *testing.T) {
	analysistest.Run(t, module(t), uilayer.Analyzer,
		"./ui/clean", "./ui/aliases", "./ui/dotimport", "./ui/embedding", "./ui/generics",
		"./ui/buildtags", "./ui/tests", "./ui/generated", "./ui/directives",
		"./notui", "./ctl")
	analysistest.Run(t, app(t), uilayer.Analyzer, "./...")
}

func TestTestsFlag(t *testing.T) {
	fixture.SetFlag(t, uilayer.Analyzer, "tests", "true")
	analysistest.Run(t, module(t), uilayer.Analyzer, "./ui/testsflag")
}

func TestPatternFlag(t *testing.T) {
	fixture.SetFlag(t, uilayer.Analyzer, "ui", "./flagged/...")
	analysistest.Run(t, module(t), uilayer.Analyzer, "./flagged/views")
}

// collect is an analysistest.Testing that keeps what analysistest
// reports, for tests that check results themselves.
type collect struct{ errs []string }

func (c *collect) Errorf(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

// diagnostics runs the analyzer on the packages and returns, per package
// path, the messages it reported (want comments are not consulted).
func diagnostics(t *testing.T, dir string, pkgs ...string) map[string][]string {
	t.Helper()
	var c collect
	out := make(map[string][]string)
	for _, r := range analysistest.Run(&c, dir, uilayer.Analyzer, pkgs...) {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Action.Package.PkgPath, r.Err)
		}
		for _, d := range r.Diagnostics {
			out[r.Action.Package.PkgPath] = append(out[r.Action.Package.PkgPath], d.Message)
		}
	}
	return out
}

func TestPatternFlagOverridesFile(t *testing.T) {
	// The flag replaces layers.ui of example.com/app's .reslint.yaml: now
	// the model is in the UI layer and the views are not.
	fixture.SetFlag(t, uilayer.Analyzer, "ui", "./model")
	got := diagnostics(t, app(t), "./...")
	if n := len(got["example.com/app/model"]); n != 3 {
		t.Errorf("model: %d diagnostics, want 3: %q", n, got["example.com/app/model"])
	}
	if n := len(got["example.com/app/views/mail"]); n != 0 {
		t.Errorf("views/mail: %d diagnostics, want 0: %q", n, got["example.com/app/views/mail"])
	}
}

func TestConfigOff(t *testing.T) {
	fixture.SetFlag(t, uilayer.Analyzer, "config", "off")
	got := diagnostics(t, app(t), "./...")
	if len(got) != 0 {
		t.Errorf("with -config=off: %q, want nothing", got)
	}
}

func TestConfigFile(t *testing.T) {
	// An explicit file: its relative patterns are relative to its module.
	dir := app(t)
	file := filepath.Join(dir, "other.yaml")
	if err := os.WriteFile(file, []byte("layers:\n  ui: [./model]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fixture.SetFlag(t, uilayer.Analyzer, "config", file)
	got := diagnostics(t, dir, "./...")
	if len(got["example.com/app/model"]) != 3 || len(got["example.com/app/views/mail"]) != 0 {
		t.Errorf("with -config=%s: %q, want the model's 3 diagnostics only", file, got)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tt := range []struct{ yaml, want string }{
		{"layers:\n  ui: [./views/...]\n  view: [x]\n", `.reslint.yaml:3: unknown layer "view" (known layers: ui, controller)`},
		{"layers:\n  ui:\n    - './views/**'\n", `.reslint.yaml:3: layers.ui: invalid pattern "./views/**": "**" is not package-pattern syntax: write "..." ("./ui/..." is ui and every package below it)`},
		{"layer:\n  ui: [x]\n", `.reslint.yaml:1: unknown key "layer" (known keys: layers, release)`},
	} {
		dir := app(t)
		file := filepath.Join(dir, ".reslint.yaml")
		if err := os.WriteFile(file, []byte(tt.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		var c collect
		results := analysistest.Run(&c, dir, uilayer.Analyzer, "./...")
		if len(results) == 0 {
			t.Fatalf("no results: %q", c.errs)
		}
		for _, r := range results {
			if r.Err == nil || r.Err.Error() != file+tt.want[len(".reslint.yaml"):] {
				t.Errorf("%s: error %v, want %s%s", r.Action.Package.PkgPath, r.Err, file, tt.want[len(".reslint.yaml"):])
			}
		}
	}
}

func TestRelativePatternWithoutModule(t *testing.T) {
	// A file outside any module cannot hold relative patterns: an error
	// with the file and line, for every package it would apply to.
	dir := module(t)
	file := filepath.Join(t.TempDir(), "loose.yaml")
	if err := os.WriteFile(file, []byte("layers:\n  ui:\n    - ./views/...\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fixture.SetFlag(t, uilayer.Analyzer, "config", file)
	var c collect
	results := analysistest.Run(&c, dir, uilayer.Analyzer, "./notui")
	want := file + `:3: pattern "./views/..." is relative, but the file is in no module (no go.mod at or above it): write the full import path`
	if len(results) == 0 || results[0].Err == nil || results[0].Err.Error() != want {
		t.Errorf("results %v, want the error %s", results, want)
	}
}

func TestPatternFlagErrors(t *testing.T) {
	f := uilayer.Analyzer.Flags.Lookup("ui")
	err := f.Value.Set("./ui/...,a//b")
	if err == nil || err.Error() != `pattern "a//b": empty path element ("//" or a trailing "/")` {
		t.Errorf("Set: %v", err)
	}
	f.Value.Set("")
}

// TestFixes checks the want comments of ui/fixes, and that the fixes
// offered in the pass of the package with its tests, the one that can see
// every use of a field, turn each file into its .golden file. (The pass
// without the tests offers no fix that deletes a field, so
// RunWithSuggestedFixes, which wants the same fixes from every pass of a
// file, does not fit.)
func TestFixes(t *testing.T) {
	results := analysistest.Run(t, module(t), uilayer.Analyzer, "./ui/fixes")
	var checked int
	for _, r := range results {
		if !strings.HasSuffix(r.Action.Package.ID, ".test]") {
			continue
		}
		edits := map[string][]analysis.TextEdit{} // by file
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					name := r.Action.Package.Fset.File(e.Pos).Name()
					edits[name] = append(edits[name], e)
				}
			}
		}
		goldens, _ := filepath.Glob(filepath.Join(filepath.Dir(r.Action.Package.GoFiles[0]), "*.go.golden"))
		for _, golden := range goldens {
			name := strings.TrimSuffix(golden, ".golden")
			checked++
			got := applyEdits(t, r.Action.Package.Fset, name, edits[name])
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s with the fixes applied:\n%s\nwant (%s):\n%s", filepath.Base(name), got, filepath.Base(golden), want)
			}
		}
		for name := range edits {
			if _, err := os.Stat(name + ".golden"); err != nil {
				t.Errorf("fixes for %s, which has no golden file", filepath.Base(name))
			}
		}
	}
	if checked == 0 {
		t.Fatal("no golden file checked: the package's test variant was not analyzed")
	}
}

// applyEdits applies the edits of one file, in order, and formats the
// result as gofmt does.
func applyEdits(t *testing.T, fset *token.FileSet, name string, edits []analysis.TextEdit) string {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return cmp.Compare(a.Pos, b.Pos) })
	var out []byte
	last := 0
	for _, e := range edits {
		tf := fset.File(e.Pos)
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		if start < last {
			t.Fatalf("%s: overlapping edits at offset %d", filepath.Base(name), start)
		}
		out = append(append(out, src[last:start]...), e.NewText...)
		last = end
	}
	out = append(out, src[last:]...)
	formatted, err := format.Source(out)
	if err != nil {
		t.Fatalf("%s does not parse with the fixes applied: %v\n%s", filepath.Base(name), err, out)
	}
	return string(formatted)
}

// TestFixesCompile builds the fixture package with every fix applied (the
// golden files), tests included: the fixes must leave code that compiles.
func TestFixesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir := module(t)
	pkg := filepath.Join(dir, "ui", "fixes")
	goldens, _ := filepath.Glob(filepath.Join(pkg, "*.go.golden"))
	if len(goldens) == 0 {
		t.Fatal("no golden files")
	}
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(strings.TrimSuffix(g, ".golden"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "vet", "./ui/fixes")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("the fixed package does not build: %v\n%s", err, out)
	}
}
