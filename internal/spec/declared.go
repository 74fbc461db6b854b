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
	byDir := map[string][]*templates.File{}
	for _, f := range files {
		dir := filepath.Dir(f.Output)
		byDir[dir] = append(byDir[dir], f)
	}
	for dir, fs := range byDir {
		others, err := goFiles(dir, loaded)
		if err != nil {
			return err
		}
		if err := Declare(fs, others, os.ReadFile); err != nil {
			return err
		}
	}
	return nil
}

// goFiles lists the Go files of dir that loaded says were not loaded.
func goFiles(dir string, loaded func(path string) bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // a //line directive named a file elsewhere: nothing to add
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") && !loaded(path) {
			out = append(out, path)
		}
	}
	return out, nil
}

// Declare adds to the Declared names of files, all of one package, the
// names that the Go files others declare at package level, read with read:
// DeclareElsewhere's work for a caller that knows the other files, such
// as an analyzer, which has them from its pass (pass.IgnoredFiles,
// pass.ReadFile). Files of another package and files rescoordgen wrote do
// not count; a file that does not parse contributes the declarations
// before its first error.
func Declare(files []*templates.File, others []string, read func(string) ([]byte, error)) error {
	if len(files) == 0 {
		return nil
	}
	names := map[string]bool{}
	fset := token.NewFileSet()
	for _, path := range others {
		if !strings.HasSuffix(path, ".go") {
			continue
		}
		src, err := read(path)
		if err != nil {
			return err
		}
		if IsGeneratedSource(src) {
			continue // rescoordgen wrote it
		}
		f, _ := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
		if f == nil || f.Name == nil || f.Name.Name != files[0].Package {
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
	if len(names) == 0 {
		return nil
	}
	merged := maps.Clone(files[0].Declared)
	maps.Copy(merged, names)
	for _, f := range files {
		f.Declared = merged
	}
	return nil
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
