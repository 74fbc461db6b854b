package load_test

import (
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/rescoord/rescoord/internal/load"
)

// writeModule writes a module example.com/m with files (path → content)
// into a new directory and returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// byID returns the packages of the import graph of roots by ID.
func byID(roots []*packages.Package) map[string]*packages.Package {
	m := make(map[string]*packages.Package)
	packages.Visit(roots, nil, func(p *packages.Package) { m[p.ID] = p })
	return m
}

func mustLoad(t *testing.T, dir string, sources []string, patterns ...string) *load.Result {
	t.Helper()
	if testing.Short() {
		t.Skip("runs go list")
	}
	res, err := load.Load(&packages.Config{Dir: dir}, sources, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// The module of the first tests: app imports helper, which imports
// source (the package that brings others into scope), and plain, which
// does not.
var scoped = map[string]string{
	"source/source.go": "package source\n\ntype ID int\n\nfunc Track() ID { return 1 }\n",
	"helper/helper.go": "package helper\n\nimport \"example.com/m/source\"\n\nfunc Add() source.ID { return source.Track() }\n",
	"plain/plain.go":   "package plain\n\nimport \"strings\"\n\nfunc Ready(s string) bool { return strings.TrimSpace(s) != \"\" }\n",
	"app/app.go": "package app\n\nimport (\n\t\"example.com/m/helper\"\n\t\"example.com/m/plain\"\n)\n\n" +
		"func Use(s string) int {\n\tif plain.Ready(s) {\n\t\treturn int(helper.Add())\n\t}\n\treturn 0\n}\n",
}

func TestScope(t *testing.T) {
	dir := writeModule(t, scoped)
	res := mustLoad(t, dir, []string{"example.com/m/source"}, "./app")
	pkgs := byID(res.Roots)
	if n := packages.PrintErrors(res.Roots); n > 0 {
		t.Fatalf("%d errors", n)
	}
	for _, id := range []string{"example.com/m/app", "example.com/m/helper", "example.com/m/source"} {
		p := pkgs[id]
		if p == nil || len(p.Syntax) == 0 || p.TypesInfo == nil || !p.Types.Complete() {
			t.Errorf("%s: not loaded from source with syntax and type information", id)
		}
	}
	for _, id := range []string{"example.com/m/plain", "strings"} {
		p := pkgs[id]
		if p == nil || p.Syntax != nil || p.TypesInfo != nil {
			t.Errorf("%s: loaded from source, want export data", id)
		}
	}
	if !pkgs["example.com/m/plain"].Types.Complete() {
		t.Error("plain: imported from source, but its types are incomplete")
	}

	// The same objects, whichever way a package came.
	app := pkgs["example.com/m/app"]
	for _, q := range []struct{ pkg, name string }{{"example.com/m/plain", "Ready"}, {"example.com/m/helper", "Add"}} {
		want := pkgs[q.pkg].Types.Scope().Lookup(q.name)
		found := false
		for id, obj := range app.TypesInfo.Uses {
			if id.Name == q.name {
				found = true
				if obj != want {
					t.Errorf("app uses %s.%s as %p, the package declares %p", q.pkg, q.name, obj, want)
				}
			}
		}
		if !found {
			t.Errorf("app does not use %s.%s", q.pkg, q.name)
		}
	}

	// The analysis graph leads to the packages in scope only.
	if len(res.Analysis) != 1 {
		t.Fatalf("%d analysis roots, want 1", len(res.Analysis))
	}
	var ids []string
	packages.Visit(res.Analysis, nil, func(p *packages.Package) { ids = append(ids, p.ID) })
	if got, want := strings.Join(ids, " "), "example.com/m/source example.com/m/helper example.com/m/app"; got != want {
		t.Errorf("analysis graph %s, want %s", got, want)
	}
	if len(res.Roots[0].Imports) != 2 {
		t.Errorf("Roots: app has %d imports, want both", len(res.Roots[0].Imports))
	}
}

func TestNoSources(t *testing.T) {
	dir := writeModule(t, scoped)
	res := mustLoad(t, dir, nil, "./app")
	pkgs := byID(res.Roots)
	if p := pkgs["example.com/m/app"]; len(p.Syntax) == 0 || p.TypesInfo == nil {
		t.Error("app: the root is not loaded from source")
	}
	if p := pkgs["example.com/m/helper"]; p.Syntax != nil {
		t.Error("helper: loaded from source with no package in scope")
	}
	if n := len(res.Analysis[0].Imports); n != 0 {
		t.Errorf("analysis graph: app has %d imports, want none", n)
	}
}

// A dependency that imports a root comes from source (without bodies) so
// that the root's objects exist once; one that does not compile comes from
// source with its errors.
func TestRootsAndErrors(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"base/base.go":     "package base\n\ntype T struct{ N int }\n",
		"mid/mid.go":       "package mid\n\nimport \"example.com/m/base\"\n\nfunc F() base.T { return base.T{N: 1} }\n",
		"broken/broken.go": "package broken\n\nfunc G() int { return \"no\" }\n",
		"app/app.go": "package app\n\nimport (\n\t\"example.com/m/base\"\n\t\"example.com/m/broken\"\n\t\"example.com/m/mid\"\n)\n\n" +
			"var X base.T = mid.F()\n\nvar Y = broken.G()\n",
	})
	res := mustLoad(t, dir, nil, "./app", "./base")
	pkgs := byID(res.Roots)
	app, base, broken := pkgs["example.com/m/app"], pkgs["example.com/m/base"], pkgs["example.com/m/broken"]
	if len(app.Errors) != 0 {
		t.Errorf("app: %v", app.Errors)
	}
	if !app.IllTyped {
		t.Error("app imports a package with errors, but is not IllTyped")
	}
	if len(broken.Errors) == 0 || !broken.IllTyped {
		t.Errorf("broken: errors %v, IllTyped %v", broken.Errors, broken.IllTyped)
	}
	x := app.Types.Scope().Lookup("X").Type()
	if x != base.Types.Scope().Lookup("T").Type() {
		t.Errorf("app.X is %v from another copy of base", x)
	}
	f := pkgs["example.com/m/mid"].Types.Scope().Lookup("F").Type().(*types.Signature)
	if f.Results().At(0).Type() != base.Types.Scope().Lookup("T").Type() {
		t.Error("mid.F returns another copy of base.T")
	}
}

func TestOverlay(t *testing.T) {
	dir := writeModule(t, map[string]string{"a/a.go": "package a\n"})
	if testing.Short() {
		t.Skip("runs go list")
	}
	if _, err := load.Load(&packages.Config{Dir: dir, Overlay: map[string][]byte{"x.go": nil}}, nil, "./a"); err == nil {
		t.Error("Overlay: no error")
	}
}

// An import cycle is an error in the packages, not a hang.
func TestImportCycle(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"a/a.go": "package a\n\nimport \"example.com/m/b\"\n\nvar A = b.B\n",
		"b/b.go": "package b\n\nimport \"example.com/m/a\"\n\nvar B = a.A\n",
	})
	res := mustLoad(t, dir, []string{"example.com/m/a"}, "./a")
	if n := packages.PrintErrors(res.Roots); n == 0 {
		t.Error("an import cycle, and no error")
	}
}
