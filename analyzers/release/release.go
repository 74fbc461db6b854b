package release

import (
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer reports resources that are not released on every path.
var Analyzer = &analysis.Analyzer{
	Name:      "release",
	Doc:       "report resources acquired and not released on every path, and owners that skip the release calls of what they own",
	URL:       "https://pkg.go.dev/github.com/rescoord/rescoord/analyzers/release",
	Requires:  []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(Consumes), new(Acquires)},
}

// Import paths of the runtime packages the analyzer knows.
const (
	coordPath      = "github.com/rescoord/rescoord/runtime/coord"
	resourcePath   = "github.com/rescoord/rescoord/runtime/resource"
	controllerPath = "github.com/rescoord/rescoord/runtime/controller"
)

// Consumes is the fact that a function takes over some of its parameters:
// it releases each of them, or hands it off, on every path.
type Consumes struct {
	Params []int
}

// AFact marks Consumes as an analysis fact.
func (*Consumes) AFact() {}

func (c *Consumes) String() string {
	params := make([]string, len(c.Params))
	for i, p := range c.Params {
		params[i] = strconv.Itoa(p)
	}
	return "consumes(" + strings.Join(params, ",") + ")"
}

func (c *Consumes) has(i int) bool {
	for _, p := range c.Params {
		if p == i {
			return true
		}
	}
	return false
}

// Acquires is the fact that a function returns a resource ID it acquired:
// its callers are checked as if they had called Track.
type Acquires struct{}

// AFact marks Acquires as an analysis fact.
func (*Acquires) AFact() {}

func (*Acquires) String() string { return "acquires" }

func run(pass *analysis.Pass) (any, error) {
	rules, err := activeRules()
	if err != nil {
		return nil, err
	}
	if !relevant(pass.Pkg, rules) {
		return nil, nil
	}
	a := &checker{
		pass:  pass,
		cfgs:  pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs),
		insp:  pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		rules: rules,
	}
	a.computeFacts()
	a.checkFunctions()
	a.checkOwners()
	return nil, nil
}

// relevant reports whether pkg can hold anything to check: it imports the
// runtime (directly or through one package), or a package a rule names.
func relevant(pkg *types.Package, rules []rule) bool {
	want := func(path string) bool {
		if strings.HasPrefix(path, "github.com/rescoord/rescoord/runtime/") {
			return true
		}
		for _, r := range rules {
			if r.pkg == path {
				return true
			}
		}
		return false
	}
	if want(pkg.Path()) {
		return true
	}
	for _, imp := range pkg.Imports() {
		if want(imp.Path()) {
			return true
		}
		for _, deeper := range imp.Imports() {
			if want(deeper.Path()) {
				return true
			}
		}
	}
	return false
}

// checker is the state of one run.
type checker struct {
	pass  *analysis.Pass
	cfgs  *ctrlflow.CFGs
	insp  *inspector.Inspector
	rules []rule
}

// isNamed reports whether t (or what it points to) is the named type
// path.name.
func isNamed(t types.Type, path, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

func isID(t types.Type) bool { return isNamed(t, resourcePath, "ID") }
