package uilayer

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/rescoord/rescoord/analyzers/internal/config"
	"github.com/rescoord/rescoord/analyzers/internal/runtimeapi"
	"github.com/rescoord/rescoord/analyzers/internal/suite"
)

const name = "uilayer"

var settings = suite.NewSettings(name, config.LayerUI).OwnDirectives()

// Analyzer reports resource management in UI-layer packages. See the
// package documentation for the rules, the flags and the fixes.
var Analyzer = &analysis.Analyzer{
	Name:     name,
	Doc:      suite.Doc(doc, name),
	URL:      "https://github.com/rescoord/rescoord/blob/main/docs/reslint.md#uilayer",
	Requires: []*analysis.Analyzer{suite.Analyzer},
	Run:      suite.Guard(analyze),
}

//go:embed doc.go
var doc string

func init() { settings.Register(&Analyzer.Flags) }

func analyze(pass *analysis.Pass) (any, error) {
	u, err := suite.Open(pass, settings)
	if err != nil {
		return nil, err
	}
	u.ReportDirectiveProblems(u.InLayer())
	if !u.InLayer() {
		return nil, nil
	}
	c := &checker{u: u, pass: pass, info: pass.TypesInfo}
	c.imports()
	c.walk()
	c.reportFields()
	// Report in the order of the source, fields included (they are
	// reported last, once every fix is known).
	slices.SortStableFunc(c.diags, func(a, b analysis.Diagnostic) int { return cmp.Compare(a.Pos, b.Pos) })
	for _, d := range c.diags {
		u.Report(d)
	}
	return nil, nil
}

type checker struct {
	u    *suite.Unit
	pass *analysis.Pass
	info *types.Info

	fields []*heldField // fields holding runtime values, reported last (fixes need them all)
	fixes  *fixer       // built on first use
	diags  []analysis.Diagnostic
}

func (c *checker) report(d analysis.Diagnostic) { c.diags = append(c.diags, d) }

func (c *checker) reportf(node ast.Node, format string, args ...any) {
	c.report(analysis.Diagnostic{Pos: node.Pos(), End: node.End(), Message: fmt.Sprintf(format, args...)})
}

func (c *checker) qualifier(p *types.Package) string {
	if p == c.pass.Pkg {
		return ""
	}
	return p.Name()
}

// imports reports the import specs of runtime/resource and runtime/coord.
func (c *checker) imports() {
	for _, f := range c.pass.Files {
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			var msg string
			switch path {
			case runtimeapi.CoordPath:
				msg = "UI package imports runtime/coord; call a controller instead"
			case runtimeapi.ResourcePath:
				msg = "UI package imports runtime/resource; call a controller instead"
			default:
				continue
			}
			d := analysis.Diagnostic{Pos: spec.Pos(), End: spec.End(), Message: msg}
			if spec.Name != nil && spec.Name.Name == "_" {
				if edits := c.fixer().deleteImport(f, spec); edits != nil {
					d.SuggestedFixes = []analysis.SuggestedFix{{
						Message:   "Remove the blank import of " + runtimeapi.Short(path),
						TextEdits: edits,
					}}
				}
			}
			c.report(d)
		}
	}
}

func (c *checker) walk() {
	root := c.u.Inspector().Root()
	for cur := range root.Preorder(
		(*ast.Ident)(nil),
		(*ast.GoStmt)(nil),
		(*ast.StructType)(nil),
		(*ast.ValueSpec)(nil),
		(*ast.AssignStmt)(nil),
		(*ast.RangeStmt)(nil),
	) {
		switch n := cur.Node().(type) {
		case *ast.Ident:
			c.use(cur, n)
		case *ast.GoStmt:
			c.report(analysis.Diagnostic{
				Pos: n.Go, End: n.Go + token.Pos(len("go")),
				Message: "UI code starts a goroutine; move the work into a controller",
			})
		case *ast.StructType:
			c.structType(cur, n)
		case *ast.ValueSpec:
			for _, id := range n.Names {
				c.variable(id)
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, e := range n.Lhs {
					if id, ok := e.(*ast.Ident); ok {
						c.variable(id)
					}
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						c.variable(id)
					}
				}
			}
		}
	}
}

// use reports a use of a runtime function that manages resources: a call,
// or a method value or expression.
func (c *checker) use(cur inspector.Cursor, id *ast.Ident) {
	f, ok := runtimeapi.FuncOf(c.info.Uses[id])
	if !ok {
		return
	}
	action := runtimeapi.ActionOf(f)
	if action == runtimeapi.None {
		return
	}
	// Report the whole call where there is one: x.Track(...), or
	// Track(...) through a dot import.
	var node ast.Node = id
	parent := cur.Parent()
	if sel, ok := parent.Node().(*ast.SelectorExpr); ok && sel.Sel == id {
		node = sel
		parent = parent.Parent()
	}
	if call, ok := parent.Node().(*ast.CallExpr); ok && call.Fun == node {
		node = call
	}
	c.reportf(node, "%s", message(action, f))
}

func message(a runtimeapi.Action, f runtimeapi.Func) string {
	switch a {
	case runtimeapi.Track:
		return fmt.Sprintf("UI code tracks a resource (%s); move it into a controller", f)
	case runtimeapi.Start:
		return fmt.Sprintf("UI code starts a worker (%s); give a controller an operation", f)
	case runtimeapi.Release:
		return fmt.Sprintf("UI code releases resources (%s); call the controller's Cancel or Cleanup", f)
	case runtimeapi.Register:
		return fmt.Sprintf("UI code registers with the resource service (%s); build a controller instead", f)
	case runtimeapi.Create:
		what := "a coordinator"
		if f.Pkg == runtimeapi.ResourcePath {
			what = "a resource service"
		}
		return fmt.Sprintf("UI code creates %s (%s); hold a controller instead", what, f)
	case runtimeapi.Service:
		return fmt.Sprintf("UI code reaches for the resource service (%s); give it to a controller", f)
	}
	return fmt.Sprintf("UI code manages resources (%s): move this into a controller", f)
}

// What a field's or variable's type holds.
type held uint8

const (
	holdsNothing held = iota
	holdsIDs
	holdsService
	holdsCoordinator
)

// holds says what runtime values t holds: directly, through pointers,
// slices, arrays, maps, channels and type arguments, and through the
// definitions of this package's own non-struct types (type ids
// []resource.ID). Struct types are not looked into: their fields are
// reported where they are declared.
func (c *checker) holds(t types.Type) held {
	return c.holdsIn(t, 0)
}

func (c *checker) holdsIn(t types.Type, depth int) held {
	if depth > 16 || t == nil {
		return holdsNothing
	}
	t = types.Unalias(t)
	switch {
	case runtimeapi.IsNamed(t, runtimeapi.ResourcePath, "ID"):
		return holdsIDs
	case runtimeapi.IsNamed(t, runtimeapi.ResourcePath, "Service"),
		runtimeapi.IsNamed(t, runtimeapi.ResourcePath, "Manager"):
		return holdsService
	case runtimeapi.IsNamed(t, runtimeapi.CoordPath, "Coordinator"),
		runtimeapi.IsNamed(t, runtimeapi.CoordPath, "Workers"):
		return holdsCoordinator
	}
	var parts []types.Type
	switch t := t.(type) {
	case *types.Pointer:
		parts = []types.Type{t.Elem()}
	case *types.Slice:
		parts = []types.Type{t.Elem()}
	case *types.Array:
		parts = []types.Type{t.Elem()}
	case *types.Chan:
		parts = []types.Type{t.Elem()}
	case *types.Map:
		parts = []types.Type{t.Key(), t.Elem()}
	case *types.Named:
		for arg := range t.TypeArgs().Types() {
			parts = append(parts, arg)
		}
		if obj := t.Obj(); obj.Pkg() == c.pass.Pkg {
			if _, isStruct := t.Underlying().(*types.Struct); !isStruct {
				parts = append(parts, t.Underlying())
			}
		}
	}
	best := holdsNothing
	for _, p := range parts {
		if h := c.holdsIn(p, depth+1); h != holdsNothing && (best == holdsNothing || h < best) {
			best = h
		}
	}
	return best
}

func (c *checker) describe(h held, t types.Type) string {
	ts := types.TypeString(t, c.qualifier)
	if r := types.TypeString(resolve(t), c.qualifier); r != ts {
		ts += ", that is " + r
	}
	switch h {
	case holdsIDs:
		if runtimeapi.IsNamed(t, runtimeapi.ResourcePath, "ID") {
			return "a resource ID (" + ts + ")"
		}
		return "resource IDs (" + ts + ")"
	case holdsService:
		return "the resource service (" + ts + ")"
	case holdsCoordinator:
		return "a coordinator (" + ts + ")"
	}
	return ts
}

func advice(h held) string {
	if h == holdsIDs {
		return "ask the controller instead"
	}
	return "hold a controller instead"
}

// variable reports a variable (package-level or local) declared at id that
// holds runtime values.
func (c *checker) variable(id *ast.Ident) {
	if id.Name == "_" {
		return
	}
	v, ok := c.info.Defs[id].(*types.Var)
	if !ok {
		return
	}
	h := c.holds(v.Type())
	if h == holdsNothing {
		return
	}
	kind := "variable"
	if v.Parent() == c.pass.Pkg.Scope() {
		kind = "package variable"
	}
	c.reportf(id, "UI code keeps %s in %s %s: %s", c.describe(h, v.Type()), kind, id.Name, advice(h))
}

// A heldField is a field declaration that holds runtime values.
type heldField struct {
	field  *ast.Field
	st     *ast.StructType
	parent ast.Node // what declares the struct type: a *ast.TypeSpec for a named type
	held   held
	typ    types.Type
}

func (c *checker) structType(cur inspector.Cursor, st *ast.StructType) {
	for _, field := range st.Fields.List {
		t := c.info.TypeOf(field.Type)
		if t == nil {
			continue
		}
		if h := c.holds(t); h != holdsNothing {
			c.fields = append(c.fields, &heldField{field, st, cur.Parent().Node(), h, t})
		}
	}
}

// reportFields reports the fields found by walk, with a fix that deletes
// those that are never used where that is safe.
func (c *checker) reportFields() {
	var dead []*heldField
	for _, hf := range c.fields {
		if c.fixer().isDead(hf) {
			dead = append(dead, hf)
		}
	}
	fixes := c.fixer().deleteFields(dead)
	for _, hf := range c.fields {
		what := c.describe(hf.held, hf.typ)
		var diags []analysis.Diagnostic
		if len(hf.field.Names) == 0 {
			diags = append(diags, analysis.Diagnostic{
				Pos: hf.field.Type.Pos(), End: hf.field.Type.End(),
				Message: fmt.Sprintf("UI type embeds %s: %s", what, advice(hf.held)),
			})
		}
		for _, id := range hf.field.Names {
			diags = append(diags, analysis.Diagnostic{
				Pos: id.Pos(), End: id.End(),
				Message: fmt.Sprintf("UI type keeps %s in field %s: %s", what, id.Name, advice(hf.held)),
			})
		}
		if edits := fixes[hf]; edits != nil && len(diags) > 0 {
			diags[0].SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "Delete the unused field",
				TextEdits: edits,
			}}
		}
		for _, d := range diags {
			c.report(d)
		}
	}
}

// resolve replaces the aliases in t, down through pointers, slices,
// arrays, maps and channels, by the types they stand for, so that messages
// can say what an alias means.
func resolve(t types.Type) types.Type {
	switch t := t.(type) {
	case *types.Alias:
		return resolve(types.Unalias(t))
	case *types.Pointer:
		return types.NewPointer(resolve(t.Elem()))
	case *types.Slice:
		return types.NewSlice(resolve(t.Elem()))
	case *types.Array:
		return types.NewArray(resolve(t.Elem()), t.Len())
	case *types.Map:
		return types.NewMap(resolve(t.Key()), resolve(t.Elem()))
	case *types.Chan:
		return types.NewChan(t.Dir(), resolve(t.Elem()))
	}
	return t
}
