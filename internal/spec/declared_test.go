package spec

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/rescoord/rescoord/templates"
)

func TestDeclareElsewhere(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"tab.go": "package tabs\n\nvar loaded = 1\n",
		"tab_test.go": `package tabs

import "testing"

var resource, _ = "r", 2

type T struct{}

const (
	a = iota
	b
)

func helper() {}
func (T) method() {}
func init() {}
func _() {}
func TestX(t *testing.T) {}
`,
		"ext_test.go":     "package tabs_test\n\nvar context = 1\n",
		"never.go":        "//go:build never\n\npackage tabs\n\nvar controller = 1\n",
		"gen_rescoord.go": templates.Header + "\n\npackage tabs\n\nfunc NewGenerated() {}\n",
		"own_rescoord.go": "package tabs\n\n// not written by rescoordgen\nfunc Own() {}\n",
		"broken.go":       "package tabs\n\nvar before = 1\n\nfunc (\n",
		"notgo.txt":       "package tabs\n\nvar text = 1\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	declared := map[string]bool{"loaded": true}
	in := []*templates.File{
		{Output: filepath.Join(dir, "tab_rescoord.go"), Package: "tabs", Declared: declared},
		{Output: filepath.Join(dir, "other_rescoord.go"), Package: "tabs", Declared: declared},
	}
	loaded := func(path string) bool { return filepath.Base(path) == "tab.go" }
	if err := DeclareElsewhere(in, loaded); err != nil {
		t.Fatal(err)
	}
	want := []string{"Own", "T", "TestX", "a", "b", "before", "controller", "helper", "loaded", "resource"}
	for _, f := range in {
		if got := slices.Sorted(maps.Keys(f.Declared)); !slices.Equal(got, want) {
			t.Errorf("%s: Declared = %v, want %v", filepath.Base(f.Output), got, want)
		}
	}
	if len(declared) != 1 {
		t.Errorf("the map Read returned was changed: %v", declared)
	}

	// Nothing elsewhere: the map stays the one Read returned.
	only := []*templates.File{{Output: filepath.Join(dir, "tab_rescoord.go"), Package: "tabs", Declared: declared}}
	if err := DeclareElsewhere(only, func(string) bool { return true }); err != nil {
		t.Fatal(err)
	}
	if len(only[0].Declared) != 1 {
		t.Errorf("Declared = %v, want only loaded", only[0].Declared)
	}

	// A directory that does not exist (a //line directive moved the
	// source) has no other files.
	moved := []*templates.File{{Output: filepath.Join(dir, "gone", "x_rescoord.go"), Package: "tabs", Declared: declared}}
	if err := DeclareElsewhere(moved, loaded); err != nil {
		t.Errorf("DeclareElsewhere on a missing directory: %v", err)
	}
}
