package spec

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rescoord/rescoord/templates"
)

// An Error is a problem with a directive or what it annotates.
type Error struct {
	At  token.Pos      // in the file set given to Read; NoPos if unknown
	Pos token.Position // At, resolved
	Msg string
}

// Error returns "file:line:col: message", or just the message when the
// position is unknown.
func (e Error) Error() string {
	if !e.Pos.IsValid() && e.Pos.Filename == "" {
		return e.Msg
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
}

// SortErrors sorts errors by file, line and column, then message.
func SortErrors(errs []Error) {
	slices.SortFunc(errs, func(a, b Error) int {
		if a.Pos.Filename != b.Pos.Filename {
			return strings.Compare(a.Pos.Filename, b.Pos.Filename)
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column - b.Pos.Column
		}
		return strings.Compare(a.Msg, b.Msg)
	})
}

// Read returns what the package's directives ask to generate, and every
// problem with them, sorted by position. Files written by rescoordgen are
// skipped, and so are their declarations when names are checked for
// clashes. Type errors elsewhere in the package do not matter, as long as
// the annotated types and methods type-check.
func Read(fset *token.FileSet, files []*ast.File, pkg *types.Package, info *types.Info) ([]*templates.File, []Error) {
	r := &reader{fset: fset, pkg: pkg, info: info, generated: map[*token.File]bool{}}
	for _, f := range files {
		if IsGenerated(f) {
			r.generated[fset.File(f.Pos())] = true
		}
	}
	declared := map[string]bool{}
	for _, name := range pkg.Scope().Names() {
		if !r.inGenerated(pkg.Scope().Lookup(name)) {
			declared[name] = true
		}
	}
	var out []*templates.File
	var ops []pendingOp
	byType := map[*types.TypeName]*templates.Controller{}
	fileOf := map[*templates.Controller]*templates.File{}
	for _, f := range files {
		if r.generated[fset.File(f.Pos())] {
			continue
		}
		attached := map[*ast.Comment]bool{}
		var gf *templates.File
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					doc := docOf(decl, spec)
					for _, d := range r.directives(doc, attached) {
						ts, isType := spec.(*ast.TypeSpec)
						if d.dir.Name != ControllerDirective || !isType || decl.Tok != token.TYPE {
							r.misplaced(d, describeGen(decl, spec))
							continue
						}
						c := r.controller(d, ts)
						if c == nil {
							continue
						}
						if gf == nil {
							name := sourceName(fset, f)
							gf = &templates.File{Source: name, Output: OutputName(name), Package: f.Name.Name, Build: buildLine(f), Declared: declared}
							out = append(out, gf)
						}
						gf.Controllers = append(gf.Controllers, c)
						byType[c.Type.Obj()] = c
						fileOf[c] = gf
					}
				}
			case *ast.FuncDecl:
				for _, d := range r.directives(decl.Doc, attached) {
					if d.dir.Name != OperationDirective || decl.Recv == nil {
						r.misplaced(d, describeFunc(decl))
						continue
					}
					ops = append(ops, pendingOp{d, decl, buildLine(f), sourceName(fset, f)})
				}
			}
		}
		// Directives not in a declaration's doc comment.
		for _, g := range f.Comments {
			for _, c := range g.List {
				if IsDirective(c.Text) && !attached[c] {
					r.errorf(c.Pos(), "%s is not in the doc comment of a declaration; put it right above the type or method it annotates",
						directiveName(c.Text))
				}
			}
		}
	}
	for _, p := range ops {
		r.operation(p, byType, fileOf)
	}
	for _, c := range byType {
		r.finish(c)
	}
	SortErrors(r.errs)
	return out, r.errs
}

type reader struct {
	fset      *token.FileSet
	pkg       *types.Package
	info      *types.Info
	generated map[*token.File]bool
	errs      []Error
}

type located struct {
	dir     Directive
	comment *ast.Comment
}

type pendingOp struct {
	d     located
	decl  *ast.FuncDecl
	build string
	file  string
}

func (r *reader) errorf(pos token.Pos, format string, args ...any) {
	r.errs = append(r.errs, Error{pos, r.fset.Position(pos), fmt.Sprintf(format, args...)})
}

// argPos is the position of an argument of a directive.
func (r *reader) argPos(d located, a Arg) token.Pos { return d.comment.Pos() + token.Pos(a.Offset) }

// directives parses the rescoord directives of a doc comment, reporting
// those that do not parse or are unknown.
func (r *reader) directives(doc *ast.CommentGroup, attached map[*ast.Comment]bool) []located {
	if doc == nil {
		return nil
	}
	var out []located
	for _, c := range doc.List {
		if !IsDirective(c.Text) {
			continue
		}
		attached[c] = true
		d, err := ParseDirective(c.Text)
		if err != nil {
			se := err.(*SyntaxError)
			r.errorf(c.Pos()+token.Pos(se.Offset), "%s", se.Msg)
			continue
		}
		if d.Name != ControllerDirective && d.Name != OperationDirective {
			r.errorf(c.Pos(), "unknown directive %s%s; want %scontroller or %soperation", Prefix, d.Name, Prefix, Prefix)
			continue
		}
		out = append(out, located{d, c})
	}
	return out
}

func (r *reader) misplaced(d located, what string) {
	switch d.dir.Name {
	case ControllerDirective:
		r.errorf(d.comment.Pos(), "%scontroller on %s; it belongs on a struct type that embeds controller.Base", Prefix, what)
	default:
		r.errorf(d.comment.Pos(), "%soperation on %s; it belongs on a method m(ctx context.Context, ...) error of a controller", Prefix, what)
	}
}

// args checks a directive's keys against allowed and returns them by key.
func (r *reader) args(d located, allowed ...string) (map[string]Arg, bool) {
	out := map[string]Arg{}
	ok := true
	for _, a := range d.dir.Args {
		if !slices.Contains(allowed, a.Key) {
			r.errorf(r.argPos(d, a), "unknown key %q in %s%s; want one of %s", a.Key, Prefix, d.dir.Name, strings.Join(allowed, ", "))
			ok = false
			continue
		}
		if _, dup := out[a.Key]; dup {
			r.errorf(r.argPos(d, a), "duplicate key %q", a.Key)
			ok = false
			continue
		}
		out[a.Key] = a
	}
	return out, ok
}

func (r *reader) controller(d located, ts *ast.TypeSpec) *templates.Controller {
	args, ok := r.args(d, "coordinator", "component", "priority", "init")
	obj, _ := r.info.Defs[ts.Name].(*types.TypeName)
	if obj == nil {
		r.errorf(ts.Pos(), "type %s did not type-check", ts.Name.Name)
		return nil
	}
	named, _ := types.Unalias(obj.Type()).(*types.Named)
	st, isStruct := ts.Type.(*ast.StructType)
	if named == nil || ts.Assign.IsValid() || !isStruct {
		r.errorf(d.comment.Pos(), "%scontroller on %s, which is not a struct type; it belongs on a struct type that embeds controller.Base", Prefix, ts.Name.Name)
		return nil
	}
	c := &templates.Controller{Name: ts.Name.Name, Type: named, Pos: d.comment.Pos()}
	if a, has := args["coordinator"]; has {
		switch a.Value {
		case templates.BaseCoordinator, templates.WorkerCoordinator:
			c.Coordinator = a.Value
		default:
			r.errorf(r.argPos(d, a), "coordinator=%s: want coordinator=base or coordinator=worker", a.Value)
			ok = false
		}
	}
	if a, has := args["component"]; has {
		if strings.ContainsAny(a.Value, " \t") {
			r.errorf(r.argPos(d, a), "component=%q: a component name has no spaces", a.Value)
			ok = false
		}
		c.Component = a.Value
	}
	if a, has := args["priority"]; has {
		p, err := strconv.Atoi(a.Value)
		if err != nil {
			r.errorf(r.argPos(d, a), "priority=%s: want an integer", a.Value)
			ok = false
		}
		c.Priority, c.HasPriority = p, true
	}
	if a, has := args["init"]; has {
		if !token.IsIdentifier(a.Value) {
			r.errorf(r.argPos(d, a), "init=%s: want the name of a method", a.Value)
			ok = false
		}
		c.Init = a.Value
		if ok {
			r.checkInit(d, a, c)
		}
	}
	if !r.embedsBase(st, c) {
		ok = false
	}
	if !ok {
		return nil
	}
	return c
}

// embedsBase checks that the struct embeds controller.Base by value.
func (r *reader) embedsBase(st *ast.StructType, c *templates.Controller) bool {
	for _, f := range st.Fields.List {
		if len(f.Names) != 0 {
			continue
		}
		t := r.info.TypeOf(f.Type)
		if isBase(t) {
			c.BaseField = embeddedName(f.Type)
			return true
		}
		if p, ok := t.(*types.Pointer); ok && isBase(p.Elem()) {
			r.errorf(f.Pos(), "%s embeds *controller.Base; embed controller.Base by value", c.Name)
			return false
		}
	}
	r.errorf(c.Pos, "%s has %scontroller but does not embed controller.Base; add the field controller.Base (import %q)", c.Name, Prefix, ControllerPath)
	return false
}

// embeddedName is the field name of an embedded field's type expression.
func embeddedName(x ast.Expr) string {
	for {
		switch e := x.(type) {
		case *ast.StarExpr:
			x = e.X
		case *ast.SelectorExpr:
			return e.Sel.Name
		case *ast.IndexExpr:
			x = e.X
		case *ast.IndexListExpr:
			x = e.X
		case *ast.Ident:
			return e.Name
		default:
			return "Base"
		}
	}
}

func isBase(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == "Base" && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == ControllerPath
}

func (r *reader) checkInit(d located, a Arg, c *templates.Controller) {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(c.Type), true, r.pkg, a.Value)
	fn, isFunc := obj.(*types.Func)
	if !isFunc || r.inGenerated(obj) {
		r.errorf(r.argPos(d, a), "init=%s: %s has no method %s; declare func (c *%s) %s()", a.Value, c.Name, a.Value, c.Name, a.Value)
		return
	}
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 0 || sig.Results().Len() != 0 {
		r.errorf(r.argPos(d, a), "init=%s: %s.%s must have the signature func(); it has %s", a.Value, c.Name, a.Value,
			types.TypeString(sig, types.RelativeTo(r.pkg)))
	}
}

func (r *reader) operation(p pendingOp, byType map[*types.TypeName]*templates.Controller, fileOf map[*templates.Controller]*templates.File) {
	d, decl := p.d, p.decl
	args, ok := r.args(d, "name")
	fn, _ := r.info.Defs[decl.Name].(*types.Func)
	if fn == nil {
		return
	}
	sig := fn.Type().(*types.Signature)
	recv := sig.Recv().Type()
	if ptr, isPtr := recv.(*types.Pointer); isPtr {
		recv = ptr.Elem()
	}
	named, _ := types.Unalias(recv).(*types.Named)
	var c *templates.Controller
	if named != nil {
		c = byType[named.Origin().Obj()]
	}
	if c == nil {
		r.errorf(d.comment.Pos(), "%soperation on %s, but %s has no %scontroller directive (or it is invalid)",
			Prefix, describeFunc(decl), types.TypeString(recv, types.RelativeTo(r.pkg)), Prefix)
		return
	}
	op := &templates.Operation{Method: decl.Name.Name, Pos: d.comment.Pos(), Variadic: sig.Variadic()}
	if a, has := args["name"]; has {
		if !token.IsIdentifier(a.Value) {
			r.errorf(r.argPos(d, a), "name=%s: an operation name must be a Go identifier", a.Value)
			ok = false
		}
		op.Name = a.Value
	} else {
		op.Name = exported(decl.Name.Name)
	}
	op.Name = exported(op.Name)

	params := sig.Params()
	if params.Len() == 0 || !isContext(params.At(0).Type()) || sig.Results().Len() != 1 || !isError(sig.Results().At(0).Type()) {
		r.errorf(decl.Name.Pos(), "operation %s.%s must have the signature func(ctx context.Context, ...) error; it has %s",
			c.Name, decl.Name.Name, types.TypeString(sig, types.RelativeTo(r.pkg)))
		ok = false
	} else {
		for i := 1; i < params.Len(); i++ {
			op.Params = append(op.Params, params.At(i))
		}
	}
	if isTest(p.file) != isTest(fileOf[c].Source) {
		r.errorf(d.comment.Pos(), "operation %s and its controller %s must both be in _test.go files or both not; move the method beside the controller",
			decl.Name.Name, c.Name)
		ok = false
	} else if fileOf[c].Build != p.build {
		r.errorf(d.comment.Pos(), "operation %s is in a file with other build constraints (%q) than its controller %s (%q); move it beside the controller",
			decl.Name.Name, p.build, c.Name, fileOf[c].Build)
		ok = false
	}
	for _, other := range c.Operations {
		if other.Name == op.Name {
			r.errorf(d.comment.Pos(), "operation name %s is used twice on %s (also %s)", op.Name, c.Name, r.where(d.comment.Pos(), other.Pos))
			ok = false
		}
	}
	if ok {
		c.Operations = append(c.Operations, op)
	}
}

// finish applies defaults and checks what the generated code would
// declare against what the package declares already.
func (r *reader) finish(c *templates.Controller) {
	if c.Coordinator == "" {
		c.Coordinator = templates.BaseCoordinator
		if len(c.Operations) > 0 {
			c.Coordinator = templates.WorkerCoordinator
		}
	}
	if c.Coordinator == templates.BaseCoordinator && len(c.Operations) > 0 {
		r.errorf(c.Operations[0].Pos, "operation %s needs a worker coordinator, but %s has coordinator=base; use coordinator=worker",
			c.Operations[0].Name, c.Name)
	}
	if obj := r.pkg.Scope().Lookup(c.Constructor()); obj != nil && !r.inGenerated(obj) {
		r.errorf(c.Pos, "%s would generate %s, which is already declared %s; rename one of them",
			c.Name, c.Constructor(), r.where(c.Pos, obj.Pos()))
	}
	ptr := types.NewPointer(c.Type)
	generates := map[string]*templates.Operation{} // method name → the operation that generates it
	for _, op := range c.Operations {
		for _, name := range []string{op.Start(), op.Cancel(), op.Running()} {
			obj, _, _ := types.LookupFieldOrMethod(ptr, true, r.pkg, name)
			if obj != nil && !r.inGenerated(obj) {
				r.errorf(op.Pos, "operation %s would generate %s.%s, which already exists %s; rename one of them",
					op.Name, c.Name, name, r.where(op.Pos, obj.Pos()))
			}
			if other := generates[name]; other != nil {
				r.errorf(op.Pos, "operation %s would generate %s.%s, which operation %s generates too %s; rename one of them",
					op.Name, c.Name, name, other.Name, r.where(op.Pos, other.Pos))
			}
			generates[name] = op
		}
	}
}

// where says where pos is, seen from the error at from: "at line 12" in
// the same file, "at file.go:12" in another, "in package P" outside the
// file set.
func (r *reader) where(from, pos token.Pos) string {
	if !pos.IsValid() {
		return "elsewhere"
	}
	p, f := r.fset.Position(pos), r.fset.Position(from)
	if p.Filename == f.Filename {
		return fmt.Sprintf("at line %d", p.Line)
	}
	return fmt.Sprintf("at %s:%d", filepath.Base(p.Filename), p.Line)
}

func (r *reader) inGenerated(obj types.Object) bool {
	if !obj.Pos().IsValid() {
		return false
	}
	return r.generated[r.fset.File(obj.Pos())]
}

func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// exported upper-cases the first letter of name.
func exported(name string) string {
	r, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[size:]
}

func docOf(decl *ast.GenDecl, spec ast.Spec) *ast.CommentGroup {
	if decl.Lparen.IsValid() {
		switch s := spec.(type) {
		case *ast.TypeSpec:
			return s.Doc
		case *ast.ValueSpec:
			return s.Doc
		case *ast.ImportSpec:
			return s.Doc
		}
		return nil
	}
	return decl.Doc
}

func describeGen(decl *ast.GenDecl, spec ast.Spec) string {
	switch s := spec.(type) {
	case *ast.TypeSpec:
		return "type " + s.Name.Name + ", which is not a struct type"
	case *ast.ValueSpec:
		return decl.Tok.String() + " " + s.Names[0].Name
	}
	return "an import"
}

func describeFunc(decl *ast.FuncDecl) string {
	if decl.Recv == nil {
		return "function " + decl.Name.Name
	}
	return "method " + decl.Name.Name
}

func directiveName(text string) string {
	name, _, _ := strings.Cut(text, " ")
	return name
}

// sourceName returns the name of the file f was parsed from or, when a
// //line directive places its package clause in another .go file, that
// file's: cgo rewrites a file that imports "C" into one in the build
// cache, which the go command compiles instead, and marks it so.
func sourceName(fset *token.FileSet, f *ast.File) string {
	name := fset.File(f.Pos()).Name()
	if adjusted := fset.Position(f.Package).Filename; adjusted != name && strings.HasSuffix(adjusted, ".go") {
		return adjusted
	}
	return name
}

func isTest(filename string) bool { return strings.HasSuffix(filename, "_test.go") }

// buildLine returns the //go:build line of f, or "".
func buildLine(f *ast.File) string {
	for _, g := range f.Comments {
		if g.Pos() > f.Package {
			break
		}
		for _, c := range g.List {
			if strings.HasPrefix(c.Text, "//go:build ") {
				return c.Text
			}
		}
	}
	return ""
}
