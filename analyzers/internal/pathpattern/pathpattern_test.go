package pathpattern

import (
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	const mod = "github.com/acme/app"
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"github.com/acme/app/ui", "github.com/acme/app/ui", true},
		{"github.com/acme/app/ui", "github.com/acme/app/ui/tabs", false},
		{"github.com/acme/app/ui/**", "github.com/acme/app/ui", true},
		{"github.com/acme/app/ui/**", "github.com/acme/app/ui/tabs/copy", true},
		{"github.com/acme/app/ui/**", "github.com/acme/app/uix", false},
		{"github.com/acme/app/*/views", "github.com/acme/app/mail/views", true},
		{"github.com/acme/app/*/views", "github.com/acme/app/a/b/views", false},
		{"github.com/acme/app/*/views", "github.com/acme/app/views", false},
		{"**/views", "github.com/acme/app/mail/views", true},
		{"**/views", "views", true},
		{"**/views", "github.com/acme/app/views/x", false},
		{"**", "anything/at/all", true},
		{"github.com/*/app/**/tab*", "github.com/acme/app/tabs", true},
		{"github.com/*/app/**/tab*", "github.com/acme/app/x/y/tab_copy", true},
		{"github.com/*/app/**/tab*", "github.com/acme/app/x/y/copytab", false},
		{"a/*b*c*/d", "a/xxbyycz/d", true},
		{"a/*b*c*/d", "a/xxcyyb/d", false},
		{"a/**/**/b", "a/b", true},
		{"a/**/**/b", "a/x/y/z/b", true},
		{"./ui/**", "github.com/acme/app/ui/tabs", true},
		{"./ui/**", "github.com/acme/app/uitabs", false},
		{"./ui/**", "github.com/other/ui/tabs", false},
		{"./**", "github.com/acme/app", true},
		{"./**", "github.com/acme/app/x", true},
		{"./**", "github.com/acme/apple", false},
		{".", "github.com/acme/app", true},
		{".", "github.com/acme/app/x", false},
		{"./*", "github.com/acme/app", false},
		{"./*", "github.com/acme/app/x", true},
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
	p := MustCompile("./ui/**")
	if p.Match("github.com/acme/app/ui", "") {
		t.Error("a relative pattern matched without a module")
	}
	if !p.Relative() || MustCompile("a/b").Relative() {
		t.Error("Relative is wrong")
	}
	var zero Pattern
	if zero.Match("a", "a") {
		t.Error("the zero Pattern matched")
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct{ pattern, wantErr string }{
		{"", "empty pattern"},
		{"./", `trailing "/"`},
		{"/abs/path", `leading "/"`},
		{"a//b", "empty path element"},
		{"a/b/", "empty path element"},
		{"a/../b", "not file paths"},
		{"./../b", "not file paths"},
		{"a/./b", "not file paths"},
		{"github.com/acme/...", `write "**"`},
		{"...", `write "**"`},
		{"a/ui**", `"**" must be a whole element`},
		{"a/***", `"**" must be a whole element`},
		{"a/b?", "not a pattern character"},
		{"a/[bc]", "not a pattern character"},
		{"a/{b,c}", "not a pattern character"},
		{`a\b`, "not a pattern character"},
		{"a/b c", "space character"},
		{"a/b\tc", "space character"},
	}
	for _, tt := range tests {
		_, err := Compile(tt.pattern)
		if err == nil {
			t.Errorf("Compile(%q) succeeded, want an error containing %q", tt.pattern, tt.wantErr)
			continue
		}
		if !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("Compile(%q) = %v, want an error containing %q", tt.pattern, err, tt.wantErr)
		}
	}
}

func TestMustCompilePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustCompile of an invalid pattern did not panic")
		}
	}()
	MustCompile("a//b")
}

func FuzzMatch(f *testing.F) {
	f.Add("github.com/*/app/**/tab*", "github.com/acme/app/x/tab")
	f.Add("./**", "m/x")
	f.Add("**/**/a*b*c", "x/y/aXbYc")
	f.Fuzz(func(t *testing.T, pattern, path string) {
		p, err := Compile(pattern)
		if err != nil {
			return
		}
		p.Match(path, "m")
		if p.String() != pattern {
			t.Fatalf("String() = %q, want %q", p.String(), pattern)
		}
	})
}

// TestMatchAgainstReference checks the allocation-free matcher against a
// plain recursive definition on many generated cases.
func TestMatchAgainstReference(t *testing.T) {
	elems := []string{"a", "b", "ab", "*", "a*", "*b", "**"}
	paths := []string{"a", "b", "ab", "a/b", "b/a", "a/a/b", "ab/b/a", "a/b/ab/b", "b/b/b/a"}
	var pats [][]string
	var gen func(prefix []string, n int)
	gen = func(prefix []string, n int) {
		if len(prefix) > 0 {
			pats = append(pats, append([]string(nil), prefix...))
		}
		if n == 0 {
			return
		}
		for _, e := range elems {
			gen(append(prefix, e), n-1)
		}
	}
	gen(nil, 4)
	for _, pe := range pats {
		p := MustCompile(strings.Join(pe, "/"))
		for _, path := range paths {
			want := refMatch(pe, strings.Split(path, "/"))
			if got := p.Match(path, ""); got != want {
				t.Fatalf("%q.Match(%q) = %v, want %v", p, path, got, want)
			}
		}
	}
}

func refMatch(pat, path []string) bool {
	if len(pat) == 0 {
		return len(path) == 0
	}
	if pat[0] == "**" {
		for k := 0; k <= len(path); k++ {
			if refMatch(pat[1:], path[k:]) {
				return true
			}
		}
		return false
	}
	return len(path) > 0 && matchElem(pat[0], path[0]) && refMatch(pat[1:], path[1:])
}

func TestMatchAllocs(t *testing.T) {
	p := MustCompile("./ui/**/views/*tab*")
	if n := testing.AllocsPerRun(100, func() { p.Match("github.com/acme/app/ui/x/y/views/mytabs", "github.com/acme/app") }); n != 0 {
		t.Errorf("Match allocates %v times", n)
	}
}
