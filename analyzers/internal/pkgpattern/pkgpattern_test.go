package pkgpattern

import (
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	const mod = "example.com/app"
	tests := []struct {
		pattern string
		path    string
		want    bool
	}{
		{"example.com/app/ui", "example.com/app/ui", true},
		{"example.com/app/ui", "example.com/app/ui/tabs", false},
		{"example.com/app/ui/...", "example.com/app/ui", true},
		{"example.com/app/ui/...", "example.com/app/ui/tabs/x", true},
		{"example.com/app/ui/...", "example.com/app/uikit", false},
		{"example.com/app/.../views", "example.com/app/mail/views", true},
		{"example.com/app/.../views", "example.com/app/a/b/views", true},
		{"example.com/app/.../views", "example.com/app/views", false}, // as go list: "/.../" needs an element
		{"example.com/app/view...", "example.com/app/views/old", true},
		{"...", "fmt", true},
		{"./ui/...", "example.com/app/ui", true},
		{"./ui/...", "example.com/app/ui/tabs", true},
		{"./ui/...", "example.com/other/ui", false},
		{"./ui/...", "example.com/appx/ui", false},
		{"./...", "example.com/app", true},
		{"./...", "example.com/app/x/y", true},
		{"./...", "example.com/apples", false},
		{".", "example.com/app", true},
		{".", "example.com/app/x", false},
		{"./x", "example.com/app/x", true},
	}
	for _, tt := range tests {
		p, err := Compile(tt.pattern)
		if err != nil {
			t.Fatalf("Compile(%q): %v", tt.pattern, err)
		}
		if got := p.Match(tt.path, mod); got != tt.want {
			t.Errorf("%q.Match(%q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestRelativeWithoutModule(t *testing.T) {
	p, err := Compile("./ui/...")
	if err != nil {
		t.Fatal(err)
	}
	if !p.Relative() || p.Match("ui", "") {
		t.Errorf("relative pattern without a module: Relative %v, matches %v", p.Relative(), p.Match("ui", ""))
	}
	var zero Pattern
	if zero.Match("x", "y") {
		t.Error("the zero Pattern matches")
	}
}

func TestCompileErrors(t *testing.T) {
	for pattern, want := range map[string]string{
		"":            "empty pattern",
		"./":          `trailing "/"`,
		"/abs":        `leading "/"`,
		"./ui/**":     `"**" is not package-pattern syntax`,
		"a/*/views":   "glob characters",
		"a/b?":        "glob characters",
		`a\b`:         "backslash",
		"a//b":        "empty path element",
		"a/b/":        "empty path element",
		"./../x":      `".." elements`,
		"a/./b":       `"." and ".."`,
		"a b":         "white space",
		"a/[x]/views": "glob characters",
	} {
		_, err := Compile(pattern)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Compile(%q) = %v, want an error containing %q", pattern, err, want)
		}
	}
}
