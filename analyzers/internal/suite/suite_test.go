package suite

import (
	"errors"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestSplitDirective(t *testing.T) {
	for _, tt := range []struct {
		text, verb, args string
		ok               bool
	}{
		{"//reslint:layer ui", "layer", "ui", true},
		{"//reslint:layer  ui  ", "layer", "ui", true},
		{"//reslint:layer\tui", "layer", "ui", true},
		{"//reslint:ignore uilayer,untracked a reason here", "ignore", "uilayer,untracked a reason here", true},
		{"//reslint:layer", "layer", "", true},
		{"// reslint:layer ui", "", "", false},
		{"//go:build x", "", "", false},
	} {
		verb, args, ok := splitDirective(tt.text)
		if verb != tt.verb || args != tt.args || ok != tt.ok {
			t.Errorf("splitDirective(%q) = %q, %q, %v; want %q, %q, %v", tt.text, verb, args, ok, tt.verb, tt.args, tt.ok)
		}
	}
}

func parse(t *testing.T, src string) (*token.FileSet, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	return fset, f
}

func TestTrailing(t *testing.T) {
	src := "package p\n\nfunc f() {\n\tgo f() //reslint:ignore x why\n\t//reslint:ignore x why\n\tgo f()\n}\n"
	fset, f := parse(t, src)
	tf := fset.File(f.FileStart)
	var got []bool
	for _, cg := range f.Comments {
		got = append(got, trailing([]byte(src), tf, cg.Pos()))
	}
	if len(got) != 2 || !got[0] || got[1] {
		t.Errorf("trailing = %v, want [true false]", got)
	}
	if trailing(nil, tf, f.Comments[0].Pos()) {
		t.Error("trailing without the source said yes")
	}
}

func TestGuard(t *testing.T) {
	a := &analysis.Analyzer{Name: "boom"}
	run := Guard(func(*analysis.Pass) (any, error) { panic("kaboom") })
	_, err := run(&analysis.Pass{Analyzer: a, Pkg: types.NewPackage("example.com/p", "p")})
	if err == nil || !strings.Contains(err.Error(), "internal error (please report): boom panicked on package example.com/p: kaboom") {
		t.Errorf("err = %v", err)
	}
	want := errors.New("plain")
	if _, err := Guard(func(*analysis.Pass) (any, error) { return nil, want })(&analysis.Pass{Analyzer: a}); err != want {
		t.Errorf("err = %v, want %v", err, want)
	}
}

func TestSettingsFlags(t *testing.T) {
	s := NewSettings("demo", "ui")
	var fs flag.FlagSet
	s.Register(&fs)
	for _, name := range []string{"config", "tests", "ui"} {
		if fs.Lookup(name) == nil {
			t.Errorf("no flag -%s", name)
		}
	}
	if err := fs.Parse([]string{"-ui=./ui/..., a/...", "-tests", "-config=off"}); err != nil {
		t.Fatal(err)
	}
	if !s.tests || s.configFile != "off" || !s.patterns.set || len(s.patterns.pats) != 2 {
		t.Errorf("after parsing: %+v", s)
	}
	if err := fs.Set("ui", "a/**"); err == nil {
		t.Error("an invalid pattern was accepted")
	}
	if err := fs.Set("ui", " "); err != nil || s.patterns.set {
		t.Errorf("an empty -ui did not unset the patterns: %v", err)
	}
	s.Reset()
	if s.tests || s.configFile != "" || s.patterns.set {
		t.Errorf("after Reset: %+v", s)
	}
	if NewSettings("plain", "").Analyzer() != "plain" {
		t.Error("Analyzer()")
	}
	var fs2 flag.FlagSet
	NewSettings("plain", "").Register(&fs2)
	if fs2.Lookup("ui") != nil || fs2.Lookup("controller") != nil {
		t.Error("an analyzer without a layer got a layer flag")
	}
}

func TestDoc(t *testing.T) {
	const content = `// Package p defines an Analyzer.
//
// # Analyzer p
//
// p: report things
//
// More about it.
//
// # Flags
//
// Not part of it.
package p
`
	if got, want := Doc(content, "p"), "report things\n\nMore about it."; got != want {
		t.Errorf("Doc = %q, want %q", got, want)
	}
	for _, bad := range []string{"package p\n", "// Package p.\npackage p\n", "// # Analyzer p\n//\n// other: x\npackage p\n"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Doc(%q) did not panic", bad)
				}
			}()
			Doc(bad, "p")
		}()
	}
}
