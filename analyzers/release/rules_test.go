package release

import (
	"strings"
	"testing"
)

func TestParseRules(t *testing.T) {
	rules, err := parseRules("func example.com/p.Lease#1; method net/http.Get Body.Close ;id (*example.com/pool.Pool).Acquire Release")
	if err != nil {
		t.Fatal(err)
	}
	want := []rule{
		{kind: "func", acquire: "example.com/p.Lease", pkg: "example.com/p", result: 1},
		{kind: "method", acquire: "net/http.Get", pkg: "net/http", release: "Body.Close"},
		{kind: "id", acquire: "(*example.com/pool.Pool).Acquire", pkg: "example.com/pool", release: "Release"},
	}
	if len(rules) != len(want) {
		t.Fatalf("rules = %+v", rules)
	}
	for i := range want {
		if rules[i] != want[i] {
			t.Errorf("rule %d = %+v, want %+v", i, rules[i], want[i])
		}
	}
	for text, msg := range map[string]string{
		"method os.Open":                          "names the acquiring function and the release method",
		"method os.Open Clo-se":                   "is not a method name or a field path",
		"method os.Open Body..Close":              "is not a method name or a field path",
		"id (*example.com/pool.Pool).Acquire A.B": "not a field path",
		"frob os.Open Close":                      "unknown kind",
		"func context.WithTimeout#1":              "lostcancel already checks",
		"func example.com/p.Lease#x":              "result index",
		"method os Close":                         "want a function",
	} {
		if _, err := parseRules(text); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("parseRules(%q) = %v, want an error containing %q", text, err, msg)
		}
	}
}
