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
    - ./ui/...
    - "example.com/app/.../views"   # quoted
    - 'it''s/quoted'
  controller: [./controllers/..., x/y]
release:
  rules:
    - func context.WithCancel#1
    - "method os.Open Close"
`
	cfg, err := Parse("cfg.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := patterns(cfg.Layers["ui"]), []string{"./ui/...", "example.com/app/.../views", "it's/quoted"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ui = %q, want %q", got, want)
	}
	if got, want := patterns(cfg.Layers["controller"]), []string{"./controllers/...", "x/y"}; !reflect.DeepEqual(got, want) {
		t.Errorf("controller = %q, want %q", got, want)
	}
	if l := cfg.Layers["ui"]; l.Line != 3 || l.Patterns[0].Line != 4 || l.Patterns[2].Line != 6 {
		t.Errorf("lines: layer %d, patterns %d %d", l.Line, l.Patterns[0].Line, l.Patterns[2].Line)
	}
	want := []Rule{{"func context.WithCancel#1", 10}, {"method os.Open Close", 11}}
	if !reflect.DeepEqual(cfg.ReleaseRules, want) {
		t.Errorf("rules = %+v, want %+v", cfg.ReleaseRules, want)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing\n\n", "layers: {}\n"} {
		cfg, err := Parse("f", []byte(src))
		if err != nil || len(cfg.Layers) != 0 || cfg.ReleaseRules != nil {
			t.Errorf("Parse(%q) = %+v, %v; want an empty configuration", src, cfg, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the whole error text; file name "f"
	}{
		{"unknown key", "layers:\n  ui: [a]\nlayer: x\n", `f:3: unknown key "layer" (known keys: layers, release)`},
		{"unknown release key", "release:\n  rule: [a]\n", `f:2: unknown key "rule" in release (known keys: rules, sets)`},
		{"unknown layer", "layers:\n  views: [a]\n", `f:2: unknown layer "views" (known layers: ui, controller)`},
		{"invalid pattern", "layers:\n  ui:\n    - a/b\n    - a//b\n", `f:4: layers.ui: invalid pattern "a//b": empty path element ("//" or a trailing "/")`},
		{"glob", "layers:\n  ui: ['./ui/**']\n", `f:2: layers.ui: invalid pattern "./ui/**": "**" is not package-pattern syntax: write "..." ("./ui/..." is ui and every package below it)`},
		{"scalar layer", "layers:\n  ui: a/b\n", `f:2: layers.ui: expected a list of patterns, found a single value (write ["a/b"] or a "- " item)`},
		{"null layer", "layers:\n  ui:\n", `f:2: layers.ui: expected a list of patterns, found nothing`},
		{"empty layer", "layers:\n  ui: []\n", `f:2: layers.ui: an empty list names no package (remove the layer, or add patterns)`},
		{"layers not a mapping", "layers: [a]\n", `f:1: layers: expected a mapping from layer name (ui, controller) to a list of patterns, found a list`},
		{"list item mapping", "layers:\n  ui:\n    - a: b\n", `f:3: layers.ui: expected a pattern (a string), found a mapping`},
		{"number pattern", "layers:\n  ui: [42]\n", `f:2: layers.ui: expected a pattern (a string), found a single value`},
		{"top-level list", "- a\n- b\n", `f:1: the file must be a mapping of keys (such as layers:), not a list`},
		{"top-level scalar", "hello\n", `f:1: the file must be a mapping of keys (such as layers:), not a single value`},
		{"two errors", "a: 1\nb: 2\n", "f:1: unknown key \"a\" (known keys: layers, release)\nf:2: unknown key \"b\" (known keys: layers, release)"},
		{"duplicate key", "layers:\n  ui: [a]\n  ui: [b]\n", `f:3: duplicate layer "ui" (first at line 2)`},
		{"release not a mapping", "release: x\n", `f:1: release: expected a mapping (rules:), found a single value`},
		{"rules not a list", "release:\n  rules: x\n", `f:2: release.rules: expected a list of rules, found a single value`},
		{"rule not a string", "release:\n  rules:\n    - [a]\n", `f:3: release.rules: expected a rule (a string), found a list`},
		{"syntax", "layers:\n  ui: [a, b\n", `f:1: did not find expected ',' or ']'`},
		{"tab indent", "layers:\n\tui: [a]\n", `f:2: found character that cannot start any token`},
		{"two documents", "layers: {}\n---\nlayers: {}\n", `f:2: one document per file`},
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

func write(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFindModule(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "mod", "go.mod"), "// comment\nmodule \"example.com/m\" // trailing\n\ngo 1.26\n")
	write(t, filepath.Join(root, "mod", FileName), "layers:\n  ui: [./ui/...]\n")
	write(t, filepath.Join(root, "mod", "sub", FileName), "junk: [\n") // not at a module root: never read
	for _, d := range []string{"mod/a/b", "mod/sub/deeper", "loose/x"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"mod/a/b", "mod/sub/deeper", "mod"} {
		m, ok, err := FindModule(filepath.Join(root, d))
		if err != nil || !ok {
			t.Fatalf("%s: %v, %v", d, ok, err)
		}
		if m.Path != "example.com/m" || m.Root != filepath.Join(root, "mod") || m.GoVersion != "1.26" {
			t.Errorf("%s: module %+v", d, m)
		}
		cfg, err := m.Find()
		if err != nil || cfg == nil || cfg.Layers["ui"] == nil {
			t.Errorf("%s: config = %+v, %v; want the module root's", d, cfg, err)
		}
	}
	// The temporary directory may itself be inside a module; only a
	// directory with no go.mod above it is in none.
	if _, ok, _ := FindModule(filepath.Join(root, "loose", "x")); ok {
		if _, above, _ := FindModule(root); !above {
			t.Errorf("loose/x is in a module")
		}
	}

	write(t, filepath.Join(root, "bad", "go.mod"), "module bad\n")
	write(t, filepath.Join(root, "bad", FileName), "layers:\n  views: [a]\n")
	m, _, err := FindModule(filepath.Join(root, "bad"))
	if err != nil || m.Path != "bad" {
		t.Fatalf("bad: %+v, %v", m, err)
	}
	want := filepath.Join(root, "bad", FileName) + `:2: unknown layer "views" (known layers: ui, controller)`
	if _, err := m.Find(); err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	write(t, filepath.Join(root, "nomod", "go.mod"), "go 1.26\n")
	if m, _, err := FindModule(filepath.Join(root, "nomod")); err != nil || m.Path != "" {
		t.Errorf("go.mod without a module line: %+v, %v", m, err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"layers:\n  ui:\n    - ./ui/...\n    - \"a/...\"\n  controller: [x, 'y', \"z\"]\n",
		"- - - a\n",
		"release:\n  rules: [a, b]\n",
		"layers: [a, b,]\n",
		"x: |\n  y\n",
		"\uFEFF---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("fuzz.yaml", data)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "fuzz.yaml:") {
					t.Fatalf("error line %q does not name the file", line)
				}
			}
			return
		}
		for name, l := range cfg.Layers {
			if !KnownLayer(name) || l.Name != name || len(l.Patterns) == 0 {
				t.Fatalf("layer %q: %+v", name, l)
			}
		}
	})
}
