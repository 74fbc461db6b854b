// Package linecount measures tabs the way the original guide's
// "Quantifiable Improvements" do: the lines of a tab's constructor, and how
// much resource management the tab does itself.
//
// A tab is a struct type of the package that has a constructor, a function
// New... returning it (or a pointer to it). Its code is the type's
// declaration, its constructor and its methods. In that code, Count finds
// what the guide's "What to Remove from Tabs" lists, by syntax alone:
//
//   - resource calls: the resource service's and coordinators' API (getting
//     the service, registering, creating a coordinator, tracking,
//     releasing, starting or cancelling workers, cleaning up, listing what
//     is live): resource.Default, coord.New, coord.NewWorkers,
//     resource.NewManager, and methods named RegisterComponent,
//     RegisterCleanup, UnregisterComponent, Track, TrackWorker, Go,
//     Release, CleanupAll, CancelAll, CancelAllWorkers, ActiveWorkers, Live,
//     Shutdown;
//   - resource fields: fields whose type names something of the runtime's
//     resource or coord packages (a resource.ID, a []resource.ID, a
//     service, a coordinator);
//   - go statements: goroutines started by the tab instead of its
//     controller;
//   - imports of the runtime's resource or coord packages, in the files
//     that declare the tab.
package linecount

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Tab is what Count measures of one tab.
type Tab struct {
	Dir, Name string

	ConstructorLines int // the constructor, from func to its closing brace
	CodeLines        int // lines of code (not blank, not only comment) of the type, constructor and methods
	ResourceCalls    int
	ResourceFields   int
	GoStatements     int
	ResourceImports  int // in the files that declare the tab's code
}

// Resource returns the number of resource-management items in the tab:
// calls, fields, go statements and imports.
func (t Tab) Resource() int {
	return t.ResourceCalls + t.ResourceFields + t.GoStatements + t.ResourceImports
}

var (
	// Package-level functions of resource or coord that get a service or
	// make a coordinator (options such as coord.Name are arguments of
	// those calls, not calls of their own).
	packageCalls = map[string]bool{"Default": true, "New": true, "NewWorkers": true, "NewManager": true}
	// Methods of the service and the coordinators.
	methodCalls = map[string]bool{
		"RegisterComponent": true, "RegisterCleanup": true, "UnregisterComponent": true,
		"Track": true, "TrackWorker": true, "Go": true, "Release": true, "CleanupAll": true,
		"CancelAll": true, "CancelAllWorkers": true, "ActiveWorkers": true, "Live": true, "Shutdown": true,
	}
)

// isRuntimePath reports whether an import path is the runtime's resource or
// coord package.
func isRuntimePath(path string) bool {
	return strings.HasSuffix(path, "/runtime/resource") || strings.HasSuffix(path, "/runtime/coord")
}

// Count measures the tabs of the package in dir (its non-test, non-generated
// Go files), sorted by name.
func Count(dir string) ([]Tab, error) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		if !ast.IsGenerated(f) {
			files = append(files, f)
		}
	}
	p := &pkg{fset: fset, files: files, types: map[string]*ast.TypeSpec{}, decls: map[string][]ast.Node{}, inFile: map[string]map[*ast.File]bool{}}
	p.collect()
	var tabs []Tab
	for name, ctor := range p.ctors {
		tabs = append(tabs, p.measure(dir, name, ctor))
	}
	sort.Slice(tabs, func(i, j int) bool { return tabs[i].Name < tabs[j].Name })
	return tabs, nil
}

type pkg struct {
	fset   *token.FileSet
	files  []*ast.File
	types  map[string]*ast.TypeSpec
	ctors  map[string]*ast.FuncDecl
	decls  map[string][]ast.Node             // by type: its declaration, constructor and methods
	inFile map[string]map[*ast.File]bool     // by type: the files that hold its code
	names  map[*ast.File]map[string]struct{} // by file: the names of its resource and coord imports
}

func (p *pkg) collect() {
	p.ctors = map[string]*ast.FuncDecl{}
	p.names = map[*ast.File]map[string]struct{}{}
	add := func(typ string, f *ast.File, n ast.Node) {
		p.decls[typ] = append(p.decls[typ], n)
		if p.inFile[typ] == nil {
			p.inFile[typ] = map[*ast.File]bool{}
		}
		p.inFile[typ][f] = true
	}
	for _, f := range p.files {
		p.names[f] = map[string]struct{}{}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if isRuntimePath(path) {
				name := filepath.Base(path)
				if imp.Name != nil {
					name = imp.Name.Name
				}
				p.names[f][name] = struct{}{}
			}
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok {
						if _, ok := ts.Type.(*ast.StructType); ok {
							p.types[ts.Name.Name] = ts
							add(ts.Name.Name, f, ts)
						}
					}
				}
			case *ast.FuncDecl:
				if d.Recv != nil && len(d.Recv.List) == 1 {
					add(baseType(d.Recv.List[0].Type), f, d)
				} else if strings.HasPrefix(d.Name.Name, "New") && d.Type.Results != nil && len(d.Type.Results.List) == 1 {
					typ := baseType(d.Type.Results.List[0].Type)
					p.ctors[typ] = d
					add(typ, f, d)
				}
			}
		}
	}
	for typ := range p.ctors {
		if p.types[typ] == nil {
			delete(p.ctors, typ) // a constructor of a type declared elsewhere
		}
	}
}

// baseType returns the name of T, *T or T[...].
func baseType(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

func (p *pkg) measure(dir, name string, ctor *ast.FuncDecl) Tab {
	t := Tab{Dir: dir, Name: name}
	t.ConstructorLines = p.fset.Position(ctor.End()).Line - p.fset.Position(ctor.Pos()).Line + 1
	for f := range p.inFile[name] {
		t.ResourceImports += len(p.names[f])
	}
	for _, n := range p.decls[name] {
		f := p.fileOf(n)
		t.CodeLines += p.codeLines(f, n)
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				t.GoStatements++
			case *ast.CallExpr:
				if p.isResourceCall(f, n) {
					t.ResourceCalls++
				}
			case *ast.Field:
				if _, isStruct := p.types[name].Type.(*ast.StructType); isStruct && p.mentionsRuntime(f, n.Type) && p.isStructField(name, n) {
					t.ResourceFields += max(len(n.Names), 1)
				}
			}
			return true
		})
	}
	return t
}

func (p *pkg) isStructField(typ string, field *ast.Field) bool {
	for _, f := range p.types[typ].Type.(*ast.StructType).Fields.List {
		if f == field {
			return true
		}
	}
	return false
}

func (p *pkg) fileOf(n ast.Node) *ast.File {
	for _, f := range p.files {
		if f.Pos() <= n.Pos() && n.End() <= f.End() {
			return f
		}
	}
	return nil
}

// isResourceCall reports whether call is one of the runtime's resource API.
func (p *pkg) isResourceCall(f *ast.File, call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if id, ok := sel.X.(*ast.Ident); ok {
		if _, isPkg := p.names[f][id.Name]; isPkg {
			return packageCalls[sel.Sel.Name]
		}
	}
	return methodCalls[sel.Sel.Name]
}

// mentionsRuntime reports whether a type expression names something of the
// resource or coord packages.
func (p *pkg) mentionsRuntime(f *ast.File, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				if _, isPkg := p.names[f][id.Name]; isPkg {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// codeLines counts the lines of n that hold code: not blank and not only
// a comment.
func (p *pkg) codeLines(f *ast.File, n ast.Node) int {
	first, last := p.fset.Position(n.Pos()).Line, p.fset.Position(n.End()).Line
	code := make(map[int]bool)
	ast.Inspect(n, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		switch n.(type) {
		case *ast.Comment, *ast.CommentGroup:
			return false
		}
		code[p.fset.Position(n.Pos()).Line] = true
		code[p.fset.Position(n.End()).Line] = true
		return true
	})
	count := 0
	for l := first; l <= last; l++ {
		if code[l] {
			count++
		}
	}
	return count
}

// Table formats tabs as a Markdown table.
func Table(tabs []Tab) string {
	var b strings.Builder
	b.WriteString("| tab | constructor lines | code lines (type, constructor, methods) | resource calls | resource fields | go statements | resource imports |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|\n")
	for _, t := range tabs {
		fmt.Fprintf(&b, "| `%s` %s | %d | %d | %d | %d | %d | %d |\n", filepath.ToSlash(t.Dir), t.Name,
			t.ConstructorLines, t.CodeLines, t.ResourceCalls, t.ResourceFields, t.GoStatements, t.ResourceImports)
	}
	return b.String()
}
