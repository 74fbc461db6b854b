package main

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/rescoord/rescoord/internal/spec"
)

// loadMode is what rescoordgen needs of a package: its files, parsed, and
// its types. Dependencies come from export data (no NeedDeps).
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo

// generator loads packages and plans what to write.
type generator struct {
	dir  string // working directory
	tags string // build tags
}

// candidate is a package directory that may need work: some file in it
// has a directive, or is named like a generated file.
type candidate struct {
	dir   string
	tests bool // a _test.go file has a directive, or a _test output exists
}

// candidates finds the directories of patterns that need work, before any
// type-checking: a directory pattern is read directly, other patterns are
// listed with go list.
func (g *generator) candidates(ctx context.Context, patterns []string) ([]candidate, error) {
	var dirs []string
	var listed []string
	for _, p := range patterns {
		if d := g.dirPattern(p); d != "" {
			dirs = append(dirs, d)
		} else {
			listed = append(listed, p)
		}
	}
	if len(listed) > 0 {
		cfg := &packages.Config{Context: ctx, Mode: packages.NeedName | packages.NeedFiles, Dir: g.dir, Tests: true, BuildFlags: g.buildFlags()}
		pkgs, err := packages.Load(cfg, listed...)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		var errs []string
		for _, p := range pkgs {
			for _, e := range p.Errors {
				if e.Kind == packages.ListError {
					errs = append(errs, e.Error())
				}
			}
			for _, f := range append(p.GoFiles, p.IgnoredFiles...) {
				if d := filepath.Dir(f); !seen[d] {
					seen[d] = true
					dirs = append(dirs, d)
				}
			}
		}
		if len(errs) > 0 {
			return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
		}
	}
	var out []candidate
	seen := map[string]bool{}
	for _, d := range dirs {
		if seen[d] {
			continue
		}
		seen[d] = true
		c, ok, err := scanDir(d)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, c)
		}
	}
	return out, nil
}

// dirPattern returns the directory a pattern names, if it names one
// (".", "./x", "../x", an absolute path), or "".
func (g *generator) dirPattern(p string) string {
	if strings.Contains(p, "...") {
		return ""
	}
	if !(p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || filepath.IsAbs(p)) {
		return ""
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(g.dir, p)
	}
	return filepath.Clean(p)
}

// scanDir reads the Go files of dir for the directive prefix, until it
// knows whether the directory needs work and whether its tests do: after
// the first hit, only test files that might still say so.
func scanDir(dir string) (candidate, bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return candidate{}, false, err
	}
	c := candidate{dir: dir}
	found := false
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") {
			continue
		}
		test := strings.HasSuffix(name, "_test.go")
		if found && (c.tests || !test) {
			continue // nothing left to learn from this file
		}
		hit := spec.IsOutputName(name)
		if !hit {
			src, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				return c, false, err
			}
			hit = bytes.Contains(src, []byte(spec.Prefix))
		}
		if hit {
			found = true
			c.tests = c.tests || test
		}
	}
	return c, found, nil
}

func (g *generator) buildFlags() []string {
	if g.tags == "" {
		return nil
	}
	return []string{"-tags=" + g.tags}
}

// load type-checks the candidate packages with one go/packages load.
// Files rescoordgen wrote are parsed as empty, so that a stale one never
// gets in the way.
func (g *generator) load(ctx context.Context, cands []candidate) ([]*packages.Package, error) {
	patterns := make([]string, len(cands))
	tests := false
	for i, c := range cands {
		patterns[i] = c.dir
		tests = tests || c.tests
	}
	cfg := &packages.Config{
		Context:    ctx,
		Mode:       loadMode,
		Dir:        g.dir,
		Tests:      tests,
		BuildFlags: g.buildFlags(),
		ParseFile:  parseFile,
	}
	return packages.Load(cfg, patterns...)
}

// parseFile parses a Go file for go/packages. A file rescoordgen wrote
// keeps only its package clause and header. Other files lose their
// function bodies: the directives, the types and the signatures are all
// rescoordgen reads, and type-checking bodies would cost most of the load.
// (Imports only bodies used then look unused: type errors do not matter.)
func parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	if spec.IsOutputName(filename) && spec.IsGeneratedSource(src) {
		return parser.ParseFile(fset, filename, src, parser.PackageClauseOnly|parser.ParseComments)
	}
	f, err := parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	if f != nil {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				fd.Body = nil
			}
		}
	}
	return f, err
}
