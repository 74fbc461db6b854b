package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func patterns(l *Layer) []string {
	var s []string
	for _, p := range l.Patterns {
		s = append(s, p.String())
	}
	return s
}

func TestParse(t *testing.T) {
	const src = `# reslint configuration
layers:
  ui:                          # block list under the key
    - ./ui/**
    - "github.com/acme/app/views/*"   # quoted
    - 'it''s/quoted'
  controller: [./controllers/**, "**/ctl", 'x/y']
`
	cfg, err := Parse("cfg.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := patterns(cfg.Layers["ui"]), []string{"./ui/**", "github.com/acme/app/views/*", "it's/quoted"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ui = %q, want %q", got, want)
	}
	if got, want := patterns(cfg.Layers["controller"]), []string{"./controllers/**", "**/ctl", "x/y"}; !reflect.DeepEqual(got, want) {
		t.Errorf("controller = %q, want %q", got, want)
	}
	if l := cfg.Layers["ui"]; l.Line != 3 || l.Patterns[0].Line != 4 || l.Patterns[2].Line != 6 {
		t.Errorf("lines: layer %d, patterns %d %d", l.Line, l.Patterns[0].Line, l.Patterns[2].Line)
	}
}

func TestParseForms(t *testing.T) {
	tests := []struct {
		name, src string
		ui        []string
	}{
		{"empty", "", nil},
		{"only comments", "# nothing\n\n   # here\n", nil},
		{"list at key indentation", "layers:\n  ui:\n  - a/b\n  - c/d\n", []string{"a/b", "c/d"}},
		{"empty flow list", "layers:\n  ui: []\n", nil},
		{"trailing comma", "layers:\n  ui: [a, b,]\n", []string{"a", "b"}},
		{"crlf", "layers:\r\n  ui:\r\n    - a\r\n", []string{"a"}},
		{"bom", "\uFEFFlayers: {}\n"[:0] + "\uFEFFlayers:\n  ui: [a]\n", []string{"a"}},
		{"escapes", `layers:
  ui: ["a\u0062/\"c\"", 'd']
`, []string{`ab/"c"`, "d"}},
		{"quoted keys", "\"layers\":\n  'ui': [a]\n", []string{"a"}},
		{"indented document", "  layers:\n    ui: [a]\n", []string{"a"}},
		{"deeper list", "layers:\n    ui:\n          - a\n          - b\n", []string{"a", "b"}},
		{"colon inside a value", "layers:\n  ui: [host:8080/x]\n", []string{"host:8080/x"}},
		{"hash inside a value", "layers:\n  ui: [a#b]\n", []string{"a#b"}},
		{"comment tab", "layers:\n  ui: [a] #\tcomment\n", []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("f", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			if l := cfg.Layers["ui"]; l != nil {
				got = patterns(l)
			}
			if !reflect.DeepEqual(got, tt.ui) {
				t.Errorf("ui = %q, want %q", got, tt.ui)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the whole error text; file name "f"
	}{
		{"unknown key", "layers:\n  ui: [a]\nlayer: x\n", `f:3: unknown key "layer" (known keys: layers, release)`},
		{"unknown layer", "layers:\n  views: [a]\n", `f:2: unknown layer "views" (known layers: ui, controller)`},
		{"invalid pattern", "layers:\n  ui:\n    - a/b\n    - a//b\n", `f:4: layers.ui: invalid pattern "a//b": empty path element ("//" or a trailing "/")`},
		{"go wildcard", "layers:\n  ui: [./ui/...]\n", `f:2: layers.ui: invalid pattern "./ui/...": "..." is the go command's wildcard; write "**" for any number of path elements`},
		{"scalar layer", "layers:\n  ui: a/b\n", `f:2: layers.ui: expected a list of patterns, found a single string (write ["a/b"] or a "- " item)`},
		{"null layer", "layers:\n  ui:\n", `f:2: layers.ui: expected a list of patterns, found nothing`},
		{"layers not a mapping", "layers: [a]\n", `f:1: layers: expected a mapping from layer name (ui, controller) to a list of patterns, found a list`},
		{"list item mapping", "layers:\n  ui:\n    - a: b\n", `f:3: layers.ui: expected a pattern (a string), found a mapping`},
		{"top-level list", "- a\n- b\n", `f:1: the file must be a mapping of keys (such as layers:), not a list`},
		{"top-level scalar", "hello\n", `f:1: the file must be a mapping of keys (such as layers:), not a string`},
		{"two errors", "a: 1\nb: 2\n", "f:1: unknown key \"a\" (known keys: layers, release)\nf:2: unknown key \"b\" (known keys: layers, release)"},
		{"duplicate key", "layers:\n  ui: [a]\n  ui: [b]\n", `f:3: duplicate key "ui" (first at line 2)`},
		{"tab indent", "layers:\n\tui: [a]\n", `f:2: tab in indentation (YAML indents with spaces)`},
		{"tab separator", "layers:\n  ui:\t[a]\n", `f:2: tab character (indent and separate with spaces; write \t inside double quotes)`},
		{"alias", "layers:\n  ui: [*x]\n", `f:2: anchors and aliases are not supported (quote the value if "*x" is meant literally)`},
		{"double star plain", "layers:\n  ui:\n    - **/views\n", `f:3: anchors and aliases are not supported (quote the value if "**/views" is meant literally)`},
		{"anchor", "layers: &a\n  ui: [x]\n", `f:1: anchors and aliases are not supported (quote the value if "&a" is meant literally)`},
		{"tag", "layers: !!map\n", `f:1: tags are not supported (quote the value if "!!map" is meant literally)`},
		{"block scalar", "layers: |\n  x\n", `f:1: block scalars are not supported`},
		{"flow mapping", "layers: {ui: [a]}\n", `f:1: flow mappings are not supported`},
		{"nested flow", "layers:\n  ui: [[a]]\n", `f:2: nested flow collections are not supported`},
		{"unterminated flow", "layers:\n  ui: [a, b\n", `f:2: unterminated flow list (flow lists must end on the same line)`},
		{"unterminated quote", "layers:\n  ui: [\"a]\n", `f:2: unterminated quoted string (quoted values must end on the same line)`},
		{"bad escape", "layers:\n  ui: [\"a\\qb\"]\n", `f:2: unsupported escape "\q" in double-quoted string`},
		{"junk after list", "layers:\n  ui: [a] b\n", `f:2: unexpected "b" after the value`},
		{"empty flow item", "layers:\n  ui: [a, , b]\n", `f:2: empty item in flow list`},
		{"multi-line scalar", "layers:\n  ui:\n    - a\n      b\n", `f:4: unexpected indentation (multi-line values are not supported)`},
		{"bad dedent", "layers:\n    ui: [a]\n  controller: [b]\n", `f:3: inconsistent indentation (the keys of one mapping must line up)`},
		{"dedent below document", "  layers:\n    ui: [a]\nx: 1\n", `f:3: unexpected indentation: this line is less indented than the start of the document`},
		{"over-indented key", "layers:\n  ui: [a]\n    controller: [b]\n", `f:3: unexpected indentation (multi-line values are not supported)`},
		{"document marker", "---\nlayers: {}\n", `f:1: document markers ("---") are not supported: one document per file`},
		{"directive", "%YAML 1.2\n", `f:1: YAML directives are not supported`},
		{"complex key", "? layers\n: x\n", `f:1: complex mapping keys ("? ") are not supported`},
		{"mapping on one line", "layers: ui: [a]\n", `f:1: a mapping cannot be a value on the same line (put it on the next line, indented)`},
		{"list item in mapping", "layers:\n  ui: [a]\n  - b\n", `f:3: list item where a mapping key was expected`},
		{"no colon space", "layers:\n  \"ui\":[a]\n", `f:2: expected a space after ':'`},
		{"not a key", "layers:\n  ui: [a]\n  oops\n", `f:3: expected "key: value"`},
		{"control char", "layers:\x01\n", `f:1: control character`},
		{"invalid utf8", "layers: \xff\n", `f:1: not valid UTF-8`},
		{"flow list of mappings", "layers:\n  ui: [a: b]\n", `f:2: flow lists hold strings only, not mappings`},
		{"comment in flow", "layers:\n  ui: [a #x]\n", `f:2: comment inside a flow list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %s\nwant %s", err, tt.want)
			}
			var ce *Error
			if !errors.As(err, &ce) || ce.File != "f" {
				t.Errorf("error %v is not a *config.Error for file f", err)
			}
		})
	}
}

func TestNestingLimit(t *testing.T) {
	src := "layers:\n  ui:\n    " + strings.Repeat("- ", 100) + "a\n"
	_, err := Parse("f", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "nesting deeper than") {
		t.Errorf("err = %v, want a nesting error", err)
	}
}

func TestSizeLimit(t *testing.T) {
	src := "# " + strings.Repeat("x", maxFileSize) + "\n"
	if _, err := Parse("f", []byte(src)); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("err = %v, want a size error", err)
	}
}

func write(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLocate(t *testing.T) {
	Forget()
	t.Cleanup(Forget)
	root := t.TempDir()
	// root/
	//   stray/.reslint.yaml      outside any module: never read
	//   stray/mod/go.mod         module example.com/m
	//   stray/mod/.reslint.yaml  the module's configuration
	//   stray/mod/a/b            uses it
	//   stray/mod/sub/.reslint.yaml  not at a module root: never read
	//   loose/x                  outside any module
	write(t, filepath.Join(root, "stray", FileName), "junk: [\n")
	write(t, filepath.Join(root, "stray", "mod", "go.mod"), "// comment\nmodule \"example.com/m\" // trailing\n\ngo 1.24\n")
	write(t, filepath.Join(root, "stray", "mod", FileName), "layers:\n  ui: [./ui/**]\n")
	write(t, filepath.Join(root, "stray", "mod", "sub", FileName), "junk: [\n")
	for _, d := range []string{"stray/mod/a/b", "stray/mod/sub/deeper", "loose/x"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}

	for _, d := range []string{"stray/mod/a/b", "stray/mod/sub/deeper", "stray/mod"} {
		loc, err := Locate(filepath.Join(root, d))
		if err != nil {
			t.Fatal(err)
		}
		if loc.ModulePath != "example.com/m" || loc.ModuleRoot != filepath.Join(root, "stray", "mod") {
			t.Errorf("%s: module = %q at %q", d, loc.ModulePath, loc.ModuleRoot)
		}
		if loc.Config == nil || loc.Config.Layers["ui"] == nil {
			t.Errorf("%s: config = %+v, want the module root's", d, loc.Config)
		}
	}

	loc, err := Locate(filepath.Join(root, "loose", "x"))
	if err != nil || loc.Config != nil || loc.ModuleRoot != "" {
		t.Errorf("outside a module: %+v, %v; want nothing", loc, err)
	}

	// A broken file is an error for every package of the module, every
	// time, and the module is still known.
	write(t, filepath.Join(root, "bad", "go.mod"), "module bad\n")
	write(t, filepath.Join(root, "bad", FileName), "layers:\n  views: [a]\n")
	for range 2 {
		loc, err = Locate(filepath.Join(root, "bad"))
		want := filepath.Join(root, "bad", FileName) + `:2: unknown layer "views" (known layers: ui, controller)`
		if err == nil || err.Error() != want {
			t.Errorf("err = %v, want %s", err, want)
		}
		if loc == nil || loc.ModulePath != "bad" {
			t.Errorf("loc = %+v, want module bad", loc)
		}
	}
}

func TestModulePath(t *testing.T) {
	dir := t.TempDir()
	for src, want := range map[string]string{
		"module example.com/a\n":             "example.com/a",
		"module\texample.com/b // x\n":       "example.com/b",
		"module `example.com/c`\n":           "example.com/c",
		"// module fake\nmodule real\n":      "real",
		"modulex a\nmodule b\n":              "b",
		"go 1.24\n":                          "",
		"module \"unterminated\n":            "",
		"\n\n   module   spaced/path   \n\n": "spaced/path",
	} {
		name := filepath.Join(dir, "go.mod")
		write(t, name, src)
		if got := modulePath(name); got != want {
			t.Errorf("modulePath(%q) = %q, want %q", src, got, want)
		}
	}
	if got := modulePath(filepath.Join(dir, "missing")); got != "" {
		t.Errorf("missing file: %q", got)
	}
}

func FuzzParse(f *testing.F) {
	seeds := []string{
		"layers:\n  ui:\n    - ./ui/**\n    - \"a/*\"\n  controller: [x, 'y', \"z\"]\n",
		"layers:\n  ui:\n  - a\n",
		"- - - a\n",
		"a:\n  - b: c\n    d: [e]\n  -\n    - f\n",
		"\"k\\u00e9y\": 'it''s' # c\n",
		"layers: [a, b,]\n",
		"x: |\n  y\n",
		"? a\n",
		"layers:\n  ui: [\"a\\",
		"\uFEFF---\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("fuzz.yaml", data)
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T) is not a *config.Error", err, err)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "fuzz.yaml:") {
					t.Fatalf("error line %q does not name the file", line)
				}
			}
			return
		}
		if cfg == nil || cfg.File != "fuzz.yaml" {
			t.Fatalf("Parse returned %+v and no error", cfg)
		}
		for name, l := range cfg.Layers {
			if !KnownLayer(name) || l.Name != name {
				t.Fatalf("layer %q: %+v", name, l)
			}
		}
	})
}

func TestReleaseRules(t *testing.T) {
	cfg, err := Parse("r.yaml", []byte("release:\n  rules:\n    - func context.WithCancel#1\n    - \"method os.Open Close\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.ReleaseRules) != 2 || cfg.ReleaseRules[0].Text != "func context.WithCancel#1" || cfg.ReleaseRules[1].Line != 4 {
		t.Errorf("ReleaseRules = %+v", cfg.ReleaseRules)
	}
	for src, want := range map[string]string{
		"release: x\n":                    "r.yaml:1: release: expected a mapping",
		"release:\n  rule: [a]\n":         `r.yaml:2: unknown key "rule" in release`,
		"release:\n  rules: x\n":          "r.yaml:2: release.rules: expected a list",
		"release:\n  rules:\n    - [a]\n": "r.yaml:3: release.rules: expected a rule",
	} {
		if _, err := Parse("r.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want %q", src, err, want)
		}
	}
}
