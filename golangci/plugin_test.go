package golangci_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/rescoord/rescoord/analyzers/release"
	"github.com/rescoord/rescoord/analyzers/uilayer"
	"github.com/rescoord/rescoord/analyzers/untracked"
	"github.com/rescoord/rescoord/golangci"
)

// settings is what golangci-lint passes: its YAML, decoded into plain maps.
func settings() map[string]any {
	return map[string]any{
		"layers":  map[string]any{"ui": []any{"./ui/...", "example.com/app/.../views"}, "controller": []any{"./ctrl/..."}},
		"release": map[string]any{"rules": []any{"method os.Open Close", "method os.Create Close"}, "sets": []any{"std"}},
		"tests":   true,
		"disable": []any{"controllers"},
	}
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin(golangci.Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings())
	if err != nil {
		t.Fatal(err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range as {
		got = append(got, a.Name)
	}
	if strings.Join(got, ",") != "release,uilayer,untracked" {
		t.Errorf("analyzers %v; controllers is disabled", got)
	}
	for _, c := range []struct{ flag, want string }{
		{uilayer.Analyzer.Flags.Lookup("ui").Value.String(), "./ui/...,example.com/app/.../views"},
		{untracked.Analyzer.Flags.Lookup("controller").Value.String(), "./ctrl/..."},
		{uilayer.Analyzer.Flags.Lookup("tests").Value.String(), "true"},
	} {
		if c.flag != c.want {
			t.Errorf("flag = %q, want %q", c.flag, c.want)
		}
	}
	if rules := release.Analyzer.Flags.Lookup("rules").Value.String(); !strings.Contains(rules, "method os.Open Close") {
		t.Errorf("release rules = %q", rules)
	}
	if sets := release.Analyzer.Flags.Lookup("sets").Value.String(); sets != "std" {
		t.Errorf("release sets = %q, want std", sets)
	}
}

func TestStrictSettings(t *testing.T) {
	for _, c := range []struct {
		raw  map[string]any
		want string
	}{
		{map[string]any{"layer": map[string]any{}}, `unknown field "layer"`},
		{map[string]any{"layers": map[string]any{"views": []any{"x"}}}, `unknown field "views"`},
		{map[string]any{"tests": "yes"}, "cannot unmarshal"},
	} {
		if _, err := golangci.New(c.raw); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("New(%v) = %v, want an error containing %q", c.raw, err, c.want)
		}
	}
	p, err := golangci.New(map[string]any{"disable": []any{"nope"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.BuildAnalyzers(); err == nil || !strings.Contains(err.Error(), `unknown analyzer "nope"`) {
		t.Errorf("disable of an unknown analyzer: %v", err)
	}
	p, _ = golangci.New(map[string]any{"release": map[string]any{"rules": []any{"fun x.Y"}}})
	if _, err := p.BuildAnalyzers(); err == nil || !strings.Contains(err.Error(), "unknown kind") {
		t.Errorf("bad rule: %v", err)
	}
}
