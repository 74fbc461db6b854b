package release

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestRuleSets checks every rule of every set, the timer rules included,
// against the types of the packages they name, as validate does for a
// user's rule: a misspelt name in a set would fail every run that uses it.
func TestRuleSets(t *testing.T) {
	var rules []rule
	for name := range ruleSets {
		rs, err := setRules([]string{name}, "1.22", "test")
		if err != nil {
			t.Fatal(err)
		}
		rules = append(rules, rs...)
	}
	paths := map[string]bool{}
	for _, r := range rules {
		paths[r.pkg] = true
	}
	var patterns []string
	for p := range paths {
		patterns = append(patterns, p)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*packages.Package{}
	for _, p := range pkgs {
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
	if _, err := setRules([]string{"stdd"}, "", "x"); err == nil || !strings.Contains(err.Error(), `unknown rule set "stdd" (known: std)`) {
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
