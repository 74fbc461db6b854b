package release

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
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
		want[i].text = strings.TrimSpace(strings.Split("func example.com/p.Lease#1;method net/http.Get Body.Close ;id (*example.com/pool.Pool).Acquire Release", ";")[i])
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

func TestValidateRules(t *testing.T) {
	const src = `package p

type Resp struct{ Body interface{ Close() error } }

func Get() (*Resp, error) { return nil, nil }

func Lease() (int, func()) { return 0, nil }

type Pool struct{}

func (*Pool) Acquire() int { return 0 }
func (*Pool) Release(int)  {}

type T interface{ Start() (int, interface{ End() }) }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"method example.com/p.Get Body.Close":              "",
		"func example.com/p.Lease#1":                       "",
		"id (*example.com/p.Pool).Acquire Release":         "",
		"method (example.com/p.T).Start#1 End":             "",
		"id (*example.com/p.Pool).Acquire Release|Release": "",
		"method example.com/p.Gett Close":                  "package example.com/p has no function Gett",
		"method example.com/p.Get Close":                   "*example.com/p.Resp has no method Close",
		"method example.com/p.Get Body.Clos":               "has no method Clos",
		"method example.com/p.Get Bdy.Close":               "*example.com/p.Resp has no field Bdy",
		"func example.com/p.Lease#0":                       "result #0 of Lease has type int, not a function type",
		"func example.com/p.Lease#2":                       "Lease has 2 results: #2 does not exist",
		"id (*example.com/p.Pool).Acquire Free":            "*example.com/p.Pool has no method Free",
		"id (*example.com/p.Pool).Acquire Release|Free":    "*example.com/p.Pool has no method Free",
		"method example.com/p.Get Body.Close|Body.Clos":    "has no method Clos",
		"method (*example.com/p.Pol).Acquire Close":        "package example.com/p has no type Pol",
		"method (*example.com/p.Pool).Get Close":           "type Pool has no method Get",
	} {
		rules, err := parseRules(text)
		if err != nil {
			t.Fatalf("parseRules(%q): %v", text, err)
		}
		rules[0].origin = ".reslint.yaml:3"
		err = validateRules(pkg, rules)
		switch {
		case want == "" && err != nil:
			t.Errorf("%q: %v", text, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "(.reslint.yaml:3)")):
			t.Errorf("%q: error %v, want one containing %q and the rule's origin", text, err, want)
		}
	}
}
