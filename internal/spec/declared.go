package spec

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"

	"github.com/rescoord/rescoord/templates"
)

// DeclareElsewhere adds to the Declared names of files, as Read returns
// them for one package, the names declared at package level by the other
// Go files of the package's directory, those that were not type-checked
// (loaded reports which were): its test files, when only the package was
// loaded, and files its build constraints leave out. Files rescoordgen
// wrote do not count, as in Read.
//
// A generated file's imports avoid these names as well, so that it
// compiles in every build of the package (with its tests, on any
// platform), and so that rescoordgen and the controllers analyzer, which
// load different sets of files, render the same file.
func DeclareElsewhere(files []*templates.File, loaded func(path string) bool) error {
	merged := map[string]map[string]bool{} // by directory
	for _, f := range files {
		dir := filepath.Dir(f.Output)
		m, done := merged[dir]
		if !done {
			elsewhere, err := declaredElsewhere(dir, f.Package, loaded)
			if err != nil {
				return err
			}
			if len(elsewhere) > 0 {
				m = maps.Clone(f.Declared)
				maps.Copy(m, elsewhere)
			}
			merged[dir] = m
		}
		if m != nil {
			f.Declared = m
		}
	}
	return nil
}

// declaredElsewhere returns the names declared at package level by the Go
// files of dir in package pkg that were not loaded. A file that does not
// parse contributes the declarations before its first error.
func declaredElsewhere(dir, pkg string, loaded func(path string) bool) (map[string]bool, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // a //line directive named a file elsewhere: nothing to add
	}
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	fset := token.NewFileSet()
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || loaded(path) {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if IsGeneratedSource(src) {
			continue // rescoordgen wrote it
		}
		f, _ := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
		if f == nil || f.Name == nil || f.Name.Name != pkg {
			continue
		}
		for _, d := range f.Decls {
			for _, name := range packageLevelNames(d) {
				if name.Name != "_" {
					names[name.Name] = true
				}
			}
		}
	}
	return names, nil
}

// packageLevelNames returns the names a top-level declaration declares in
// the package scope (not init, not methods, not imports, which are the
// file's).
func packageLevelNames(d ast.Decl) []*ast.Ident {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil && d.Name.Name != "init" {
			return []*ast.Ident{d.Name}
		}
	case *ast.GenDecl:
		var out []*ast.Ident
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				out = append(out, s.Name)
			case *ast.ValueSpec:
				out = append(out, s.Names...)
			}
		}
		return out
	}
	return nil
}
