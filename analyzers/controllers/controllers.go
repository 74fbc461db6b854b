package controllers

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/rescoord/rescoord/analyzers/internal/runtimeapi"
	"github.com/rescoord/rescoord/analyzers/internal/suite"
	"github.com/rescoord/rescoord/internal/spec"
	"github.com/rescoord/rescoord/templates"
)

// Analyzer checks rescoord controllers and their generated code.
var Analyzer = &analysis.Analyzer{
	Name:     "controllers",
	Doc:      suite.Doc(doc, "controllers"),
	URL:      "https://github.com/rescoord/rescoord/blob/main/docs/reslint.md#controllers",
	Requires: []*analysis.Analyzer{suite.Analyzer},
	Run:      suite.Guard(run),
}

//go:embed doc.go
var doc string

var settings = suite.NewSettings("controllers", "")

func init() { settings.Register(&Analyzer.Flags) }

// run checks a package that reaches runtime/controller through its
// imports: any other can neither declare a controller nor build one. (A
// directive in such a package cannot be valid either: rescoordgen reports
// it.)
func run(pass *analysis.Pass) (any, error) {
	u, err := suite.Open(pass, settings)
	if err != nil || u.Package.Reaches&runtimeapi.ReachController == 0 {
		return nil, err
	}
	u.ReportDirectiveProblems(true)
	analyze(pass, u)
	return nil, nil
}

func analyze(pass *analysis.Pass, u *suite.Unit) {
	generated := map[string]bool{} // files written by rescoordgen or another generator
	hasDirectives := false
	for _, f := range pass.Files {
		name := pass.Fset.File(f.Pos()).Name()
		if ast.IsGenerated(f) {
			generated[name] = true
		}
		for _, g := range f.Comments {
			for _, c := range g.List {
				if spec.IsDirective(c.Text) {
					hasDirectives = true
				}
			}
		}
	}
	if hasDirectives {
		checkDirectives(pass, u)
	}
	checkLiterals(pass, u, generated)
}

// checkDirectives reports invalid directives and missing or stale
// generated files.
func checkDirectives(pass *analysis.Pass, u *suite.Unit) {
	files, errs := spec.Read(pass.Fset, pass.Files, pass.Pkg, pass.TypesInfo)
	for _, e := range errs {
		if e.At.IsValid() {
			u.Report(analysis.Diagnostic{Pos: e.At, Message: e.Msg})
		}
	}
	if len(errs) > 0 || len(files) == 0 {
		return // rescoordgen would refuse to generate anything
	}
	byName := map[string]*ast.File{}
	for _, f := range pass.Files {
		byName[pass.Fset.File(f.Pos()).Name()] = f
	}
	// Render with the names rescoordgen sees, which include those of the
	// files build constraints leave out (the pass has them as
	// IgnoredFiles) and, when this pass is not of the package with its
	// tests, those of its test files (see renamedForUnseen).
	if err := spec.Declare(files, pass.IgnoredFiles, pass.ReadFile); err != nil {
		reportAt(u, files[0].Controllers[0].Pos, "cannot read the package's other files: %v", err)
		return
	}
	for _, f := range files {
		want, err := templates.Render(f, pass.Pkg)
		if err != nil {
			reportAt(u, f.Controllers[0].Pos, "cannot render the generated code: %v", err)
			continue
		}
		out, exists := byName[f.Output]
		if !exists {
			reportAt(u, f.Controllers[0].Pos, "generated code for %s is missing (%s); run go generate",
				names(f), filepath.Base(f.Output))
			continue
		}
		have, err := pass.ReadFile(f.Output)
		if err != nil || bytes.Equal(have, want) || renamedForUnseen(pass, f, have) {
			continue
		}
		if !spec.IsGeneratedSource(have) {
			reportAt(u, f.Controllers[0].Pos, "%s is where rescoordgen writes the code of %s, but it was not written by rescoordgen; rename it",
				filepath.Base(f.Output), names(f))
			continue
		}
		tf := pass.Fset.File(out.Pos())
		u.Report(analysis.Diagnostic{
			Pos:     f.Controllers[0].Pos,
			Message: fmt.Sprintf("generated code for %s is stale (%s); run go generate", names(f), filepath.Base(f.Output)),
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   "Regenerate " + filepath.Base(f.Output),
				TextEdits: []analysis.TextEdit{{Pos: out.FileStart, End: tf.Pos(tf.Size()), NewText: want}},
			}},
		})
	}
}

// renamedForUnseen reports whether have, the generated file on disk, is
// what the templates render once the names its imports avoid are taken
// to be declared: rescoordgen numbers an import (context1) when the
// package declares its name, possibly in a file this pass does not have,
// such as a test file when the pass is of the package without its tests.
// Only an import numbered that way is explained so; anything else in the
// file must still be as rendered.
func renamedForUnseen(pass *analysis.Pass, f *templates.File, have []byte) bool {
	af, err := parser.ParseFile(token.NewFileSet(), f.Output, have, parser.ImportsOnly)
	if err != nil {
		return false
	}
	names := map[string]string{} // import path → the package's name
	for _, imp := range pass.Pkg.Imports() {
		names[imp.Path()] = imp.Name()
	}
	unseen := map[string]bool{}
	for _, spec := range af.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if spec.Name == nil || err != nil {
			continue
		}
		base := names[path] // the generated file is in the pass: its imports are the package's
		n, err := strconv.Atoi(strings.TrimPrefix(spec.Name.Name, base))
		if base == "" || !strings.HasPrefix(spec.Name.Name, base) || err != nil || n < 1 {
			continue
		}
		unseen[base] = true
		for i := 1; i < n; i++ {
			unseen[base+strconv.Itoa(i)] = true
		}
	}
	if len(unseen) == 0 {
		return false
	}
	g := *f
	g.Declared = maps.Clone(f.Declared)
	maps.Copy(g.Declared, unseen)
	want, err := templates.Render(&g, pass.Pkg)
	return err == nil && bytes.Equal(have, want)
}

// checkLiterals reports controllers built without their constructor: a
// type that embeds controller.Base and whose package declares its
// constructor (New<Type>, or new<Type> for an unexported type), as
// rescoordgen writes it. Both are read from the types, so that controllers
// of other packages are found without facts (which would make every driver
// load and analyze every dependency from source). The constructor itself
// may build the controller.
func checkLiterals(pass *analysis.Pass, u *suite.Unit, generated map[string]bool) {
	filter := []ast.Node{(*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)}
	u.Inspector().WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push || generated[pass.Fset.File(n.Pos()).Name()] {
			return true
		}
		var t types.Type
		how := "a composite literal"
		switch n := n.(type) {
		case *ast.CompositeLit:
			t = pass.TypesInfo.TypeOf(n)
		case *ast.CallExpr:
			id, ok := ast.Unparen(n.Fun).(*ast.Ident)
			if !ok || len(n.Args) != 1 {
				return true
			}
			if b, ok := pass.TypesInfo.Uses[id].(*types.Builtin); !ok || b.Name() != "new" {
				return true
			}
			t = pass.TypesInfo.TypeOf(n.Args[0])
			how = "new"
		}
		named, ok := types.Unalias(t).(*types.Named)
		if !ok {
			return true
		}
		ctor := constructorOf(named.Origin().Obj())
		if ctor == nil || inFunc(stack, pass.TypesInfo, ctor) {
			return true
		}
		u.Reportf(n, "%s is built with %s, leaving its coordinator unset; call %s",
			named.Obj().Name(), how, qualify(pass.Pkg, named.Obj().Pkg(), ctor.Name()))
		return true
	})
}

// constructorOf returns the constructor of a controller type: the function
// New<Type> (new<Type> if the type is unexported) of its package, returning
// *<Type>, when the type embeds controller.Base; nil otherwise.
func constructorOf(obj *types.TypeName) *types.Func {
	if obj.Pkg() == nil || !runtimeapi.Embeds(obj.Type(), spec.ControllerPath, "Base") {
		return nil
	}
	c := &templates.Controller{Name: obj.Name()}
	fn, ok := obj.Pkg().Scope().Lookup(c.Constructor()).(*types.Func)
	if !ok {
		return nil
	}
	res := fn.Type().(*types.Signature).Results()
	if res.Len() != 1 {
		return nil
	}
	ptr, ok := res.At(0).Type().(*types.Pointer)
	if !ok {
		return nil
	}
	n, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || n.Origin().Obj() != obj {
		return nil
	}
	return fn
}

// inFunc reports whether the node at the top of stack is inside the
// declaration of fn.
func inFunc(stack []ast.Node, info *types.Info, fn *types.Func) bool {
	for _, n := range stack {
		if fd, ok := n.(*ast.FuncDecl); ok && info.Defs[fd.Name] == fn {
			return true
		}
	}
	return false
}

// reportAt reports a diagnostic at pos.
func reportAt(u *suite.Unit, pos token.Pos, format string, args ...any) {
	u.Report(analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf(format, args...)})
}

func qualify(from, pkg *types.Package, name string) string {
	if pkg == nil || pkg == from {
		return name
	}
	return pkg.Name() + "." + name
}

func names(f *templates.File) string {
	if len(f.Controllers) == 1 {
		return f.Controllers[0].Name
	}
	s := ""
	for i, c := range f.Controllers {
		if i > 0 {
			s += ", "
		}
		s += c.Name
	}
	return s
}
