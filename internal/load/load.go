package load

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// listMode is what Load asks of the go command: one go list run, with the
// same flags as packages.LoadSyntax uses (-deps -export -compiled), and no
// type-checking by go/packages.
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
	packages.NeedTypesSizes | packages.NeedModule

// Result is what Load returns.
type Result struct {
	// Roots are the packages that matched the patterns, with their whole
	// import graph: print their errors with packages.PrintErrors.
	Roots []*packages.Package

	// Analysis holds a shallow copy of each root whose Imports lead only
	// to the dependencies loaded from source because they reach a
	// source of facts (and so on, down the graph): the packages to give
	// checker.Analyze, which then runs the analyzers with facts on those
	// dependencies and on no other.
	Analysis []*packages.Package
}

// Load loads the packages that match patterns with their dependencies, as
// packages.Load does with cfg in mode packages.LoadSyntax|NeedModule, with
// one difference: a dependency that is in scope is parsed and
// type-checked from source, with its syntax and type information, as in
// packages.LoadAllSyntax. A package is in scope when its import path is
// one of sources, or when it imports a package in scope.
//
// Of cfg, Load uses Context, Dir, Env, BuildFlags, Tests, Fset and
// ParseFile; Mode is ignored, and Overlay is not supported.
//
// As with go/packages, an error is returned only when the go command
// cannot list the patterns; errors in packages are in their Errors.
func Load(cfg *packages.Config, sources []string, patterns ...string) (*Result, error) {
	if len(cfg.Overlay) > 0 {
		return nil, errors.New("load: Overlay is not supported")
	}
	list := *cfg
	list.Mode = listMode
	roots, err := packages.Load(&list, patterns...)
	if err != nil {
		return nil, err
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	l := &loader{
		ctx:   cfg.Context,
		fset:  cfg.Fset,
		parse: cfg.ParseFile,
		nodes: make(map[*packages.Package]*node),
		cpu:   make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
	if l.ctx == nil {
		l.ctx = context.Background()
	}
	if l.fset == nil {
		l.fset = token.NewFileSet()
	}
	if l.parse == nil {
		l.parse = parseFile
	}
	for _, r := range roots {
		l.node(r).root = true
	}
	isSource := make(map[string]bool)
	for _, path := range sources {
		isSource[path] = true
	}
	for _, r := range roots {
		l.visit(l.node(r), isSource)
	}
	l.typeCheck()
	if err := l.ctx.Err(); err != nil {
		return nil, err
	}
	return &Result{Roots: roots, Analysis: l.analysisGraph(roots)}, nil
}

// parseFile is go/packages' default.
func parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments)
}

// How a package is loaded.
type mode uint8

const (
	// fromExport: types from export data, read when a package loaded
	// from source imports it.
	fromExport mode = iota
	// declarations: from source without function bodies, syntax or type
	// information; a dependency that imports a root (which comes from
	// source) or has no export data (it does not compile).
	declarations
	// full: from source, with syntax and type information; the roots and
	// the dependencies in scope.
	full
)

// A node is one package of the import graph as the loader sees it.
type node struct {
	pkg        *packages.Package
	root       bool
	inScope    bool // it is, or imports, a source of facts
	mode       mode
	visited    bool
	onStack    bool
	deps       []*node          // imports, without the edges that close a cycle
	importErrs map[string]error // by import path: a cycle
	done       chan struct{}    // closed once type-checked (source packages)
}

type loader struct {
	ctx   context.Context
	fset  *token.FileSet
	parse func(*token.FileSet, string, []byte) (*ast.File, error)
	nodes map[*packages.Package]*node
	order []*node       // dependencies first
	cpu   chan struct{} // bounds the type-checking goroutines that run

	exportMu sync.Mutex // export data is read one package at a time
}

func (l *loader) node(p *packages.Package) *node {
	n := l.nodes[p]
	if n == nil {
		n = &node{pkg: p}
		l.nodes[p] = n
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
		} else {
			// Every package has its types.Package from the start, so that
			// reading export data fills those in and never makes another.
			p.Types = types.NewPackage(p.PkgPath, p.Name)
		}
	}
	return n
}

// visit decides, dependencies first, how each package is loaded.
func (l *loader) visit(n *node, isSource map[string]bool) {
	n.visited, n.onStack = true, true
	fromSource := false
	for path, ip := range n.pkg.Imports {
		d := l.node(ip)
		if d.onStack {
			if n.importErrs == nil {
				n.importErrs = make(map[string]error)
			}
			n.importErrs[path] = fmt.Errorf("import cycle through %s", ip.PkgPath)
			continue
		}
		if !d.visited {
			l.visit(d, isSource)
		}
		n.deps = append(n.deps, d)
		n.inScope = n.inScope || d.inScope
		fromSource = fromSource || d.mode != fromExport
	}
	n.onStack = false
	n.inScope = n.inScope || isSource[n.pkg.PkgPath]
	switch p := n.pkg; {
	case n.root || n.inScope:
		n.mode = full
	case fromSource || p.ExportFile == "" && p.PkgPath != "unsafe":
		// Export data that refers to a package type-checked from source
		// would make a second copy of its objects.
		n.mode = declarations
	}
	n.pkg.Fset = l.fset
	l.order = append(l.order, n)
}

// typeCheck type-checks the packages that come from source, each once its
// imports are done, in parallel.
func (l *loader) typeCheck() {
	for _, n := range l.order {
		if n.mode != fromExport {
			n.done = make(chan struct{})
		}
	}
	var wg sync.WaitGroup
	for _, n := range l.order {
		if n.done == nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(n.done)
			for _, d := range n.deps {
				if d.done != nil {
					<-d.done
				}
			}
			l.cpu <- struct{}{}
			defer func() { <-l.cpu }()
			if l.ctx.Err() == nil {
				l.check(n)
			}
		}()
	}
	wg.Wait()
}

// check parses and type-checks a package that comes from source.
func (l *loader) check(n *node) {
	p := n.pkg
	if p.PkgPath == "unsafe" {
		p.Syntax, p.TypesInfo = []*ast.File{}, newInfo()
		return
	}
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			n.addError(err)
			continue
		}
		f, err := l.parse(l.fset, name, src)
		if err != nil {
			n.addError(err)
		}
		if f != nil {
			files = append(files, f)
		}
	}
	var info *types.Info
	if n.mode == full {
		info = newInfo()
		p.Syntax, p.TypesInfo = files, info
	}
	tc := &types.Config{
		Importer:         importerFunc(func(path string) (*types.Package, error) { return l.importFrom(n, path) }),
		IgnoreFuncBodies: n.mode == declarations,
		Error:            n.addError,
		Sizes:            p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	err := types.NewChecker(tc, l.fset, p.Types, info).Files(files)
	if err != nil && len(p.Errors) == 0 {
		n.addError(err)
	}
	p.IllTyped = len(p.Errors) > 0
	for _, d := range n.deps {
		p.IllTyped = p.IllTyped || d.pkg.IllTyped
	}
}

// importFrom is the importer of the package n: path as n imports it.
func (l *loader) importFrom(n *node, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if err := n.importErrs[path]; err != nil {
		return nil, err
	}
	ip := n.pkg.Imports[path]
	if ip == nil {
		return nil, fmt.Errorf("no metadata for %s", path)
	}
	d := l.nodes[ip]
	if d.mode == fromExport {
		if err := l.readExport(d); err != nil {
			return nil, err
		}
	}
	return ip.Types, nil
}

// readExport fills in the types of a package from its export data, unless
// it is complete already.
func (l *loader) readExport(n *node) error {
	l.exportMu.Lock()
	defer l.exportMu.Unlock()
	p := n.pkg
	if p.Types.Complete() {
		return nil
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		p.IllTyped = true
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		p.IllTyped = true
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	// The packages export data may mention are the package itself and
	// those it imports, directly or not; all of them come from export
	// data too, and reading fills in the types.Package each already has.
	view := map[string]*types.Package{p.PkgPath: p.Types}
	var walk func(*packages.Package)
	walk = func(q *packages.Package) {
		for _, ip := range q.Imports {
			if _, ok := view[ip.PkgPath]; !ok {
				view[ip.PkgPath] = ip.Types
				walk(ip)
			}
		}
	}
	walk(p)
	if _, err := gcexportdata.Read(r, l.fset, view, p.PkgPath); err != nil {
		p.IllTyped = true
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	return nil
}

// addError records an error of the package in the form go/packages gives.
func (n *node) addError(err error) {
	p := n.pkg
	var list scanner.ErrorList
	var terr types.Error
	var perr *os.PathError
	switch {
	case errors.As(err, &terr):
		p.TypeErrors = append(p.TypeErrors, terr)
		p.Errors = append(p.Errors, packages.Error{Pos: terr.Fset.Position(terr.Pos).String(), Msg: terr.Msg, Kind: packages.TypeError})
	case errors.As(err, &list):
		for _, e := range list {
			p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
	case errors.As(err, &perr):
		p.Errors = append(p.Errors, packages.Error{Pos: perr.Path + ":1", Msg: perr.Err.Error(), Kind: packages.ParseError})
	default:
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
	}
}

// analysisGraph returns shallow copies of the roots whose Imports keep only
// the dependencies in scope, and theirs only theirs, and so on.
func (l *loader) analysisGraph(roots []*packages.Package) []*packages.Package {
	copies := make(map[*packages.Package]*packages.Package)
	var copyOf func(*packages.Package) *packages.Package
	copyOf = func(p *packages.Package) *packages.Package {
		if c, ok := copies[p]; ok {
			return c
		}
		c := new(packages.Package)
		*c = *p
		copies[p] = c
		c.Imports = make(map[string]*packages.Package)
		for path, ip := range p.Imports {
			if d := l.nodes[ip]; d.inScope && d.mode == full {
				c.Imports[path] = copyOf(ip)
			}
		}
		return c
	}
	out := make([]*packages.Package, len(roots))
	for i, r := range roots {
		out[i] = copyOf(r)
	}
	return out
}

func newInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
