package release

import (
	_ "embed"
	"errors"
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/rescoord/rescoord/analyzers/internal/runtimeapi"
	"github.com/rescoord/rescoord/analyzers/internal/suite"
	"github.com/rescoord/rescoord/internal/usage"
)

// Analyzer reports resources that are not released on every path.
var Analyzer = &analysis.Analyzer{
	Name:      "release",
	Doc:       suite.Doc(doc, "release"),
	URL:       "https://github.com/rescoord/rescoord/blob/main/docs/reslint.md#release",
	Requires:  []*analysis.Analyzer{suite.Analyzer}, // not ctrlflow: it would build every CFG of every package
	Run:       suite.Guard(run),
	FactTypes: []analysis.Fact{new(Consumes), new(Acquires), new(Handles)},
}

//go:embed doc.go
var doc string

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

var settings = suite.NewSettings("release", "")

func init() { settings.Register(&Analyzer.Flags) }

// run checks a package that can hold anything to check: one that reaches
// the runtime through its imports, or imports a package a rule names.
func run(pass *analysis.Pass) (any, error) {
	u, err := suite.Open(pass, settings)
	if err != nil {
		return nil, err
	}
	rules, err := activeRules(u)
	if err != nil {
		return nil, usage.Invalid(err)
	}
	if err := validateRules(pass.Pkg, rules); err != nil {
		return nil, usage.Invalid(err)
	}
	if u.Package.Reaches == 0 && !reachesRulePackage(pass.Pkg, rules) {
		return nil, nil
	}
	c := &checker{
		pass:  pass,
		unit:  u,
		rules: rules,
		cfgs:  map[*ast.BlockStmt]*cfg.CFG{},
		nodes: map[*cfg.CFG]map[ast.Node]nodeAt{},

		resources: resourceTypes(pass.Pkg, rules),
		reached:   map[reachKey]bool{},
		acquired:  map[*types.Var]bool{},
		funcs:     map[*ast.FuncDecl]*funcInfo{},
	}
	c.findNoReturn()
	u.ReportDirectiveProblems(true)
	c.computeFacts()
	c.checkFunctions()
	c.checkOwners()
	return nil, nil
}

// validateRules validates every rule whose package is pkg or one of its
// direct imports, where the type checker has seen it; an error names each
// rule that does not fit, and where it was written.
func validateRules(pkg *types.Package, rules []rule) error {
	var errs []error
	for _, r := range rules {
		if p := findImport(pkg, r.pkg); p != nil {
			if err := r.validate(p); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// findImport returns pkg if its path is path, else its direct import of
// that path, or nil.
func findImport(pkg *types.Package, path string) *types.Package {
	if pkg.Path() == path {
		return pkg
	}
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return imp
		}
	}
	return nil
}

// reachesRulePackage reports whether pkg is, or imports directly or not,
// a package a rule names: one that can reach the rule's API (a tracer
// from otel.Tracer without importing the trace package, say).
func reachesRulePackage(pkg *types.Package, rules []rule) bool {
	if len(rules) == 0 {
		return false
	}
	want := map[string]bool{}
	for _, r := range rules {
		want[r.pkg] = true
	}
	found := false
	runtimeapi.EachImport(pkg, func(p *types.Package) bool {
		found = want[p.Path()]
		return !found
	})
	return found
}

// checker is the state of one run.
type checker struct {
	pass     *analysis.Pass
	unit     *suite.Unit // reports, minding generated files, tests and //reslint:ignore
	rules    []rule
	cfgs     map[*ast.BlockStmt]*cfg.CFG
	nodes    map[*cfg.CFG]map[ast.Node]nodeAt // where each node is, by graph (findNode)
	noReturn map[*types.Func]bool             // functions of this package that never return

	resources map[string][]obligationOf   // the rules' resource types and their obligations (resourceTypes)
	reached   map[reachKey]bool           // whether a package reaches a rule's package (factsTrusted)
	acquired  map[*types.Var]bool         // variables holding a resource acquired in their function
	funcs     map[*ast.FuncDecl]*funcInfo // each function's, built once
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
