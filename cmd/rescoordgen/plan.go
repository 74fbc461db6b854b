package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/types"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/sync/errgroup"
	"golang.org/x/tools/go/packages"

	"github.com/rescoord/rescoord/internal/spec"
	"github.com/rescoord/rescoord/internal/textdiff"
	"github.com/rescoord/rescoord/templates"
)

// A change is one file to write (new != nil) or remove (new == nil).
type change struct {
	path string
	old  []byte // nil if the file does not exist
	new  []byte
}

// A plan is every change one run makes.
type plan struct {
	changes []change
}

// plan works out what to write for patterns; it returns the errors
// instead when there are any, sorted, one message each.
func (g *generator) plan(ctx context.Context, patterns []string) (*plan, []string) {
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	cands, err := g.candidates(ctx, patterns)
	if err != nil {
		return nil, []string{err.Error()}
	}
	p := &plan{}
	if len(cands) == 0 {
		return p, nil
	}
	pkgs, err := g.load(ctx, cands)
	if err != nil {
		return nil, []string{err.Error()}
	}
	dirs := map[string]bool{} // where outputs may go
	for _, c := range cands {
		dirs[c.dir] = true
	}

	var errs []spec.Error
	seenErr := map[string]bool{}
	addErr := func(e spec.Error) {
		if key := e.Error(); !seenErr[key] {
			seenErr[key] = true
			errs = append(errs, e)
		}
	}
	loaded := map[string]bool{} // source files that were type-checked
	outputs := map[string]int{} // files this run generates → index in todo
	type pkgFile struct {
		file *templates.File
		pkg  *types.Package
	}
	var todo []pkgFile
	for _, pkg := range pkgs {
		if strings.HasSuffix(pkg.ID, ".test") {
			continue // the generated test main
		}
		for _, e := range loadErrors(pkg) {
			addErr(e)
		}
		for _, f := range append(pkg.GoFiles, pkg.CompiledGoFiles...) { // GoFiles has those cgo rewrites
			loaded[f] = true
		}
		if pkg.Types == nil || pkg.TypesInfo == nil {
			continue
		}
		files, serrs := spec.Read(pkg.Fset, pkg.Syntax, pkg.Types, pkg.TypesInfo)
		for _, e := range serrs {
			addErr(e)
		}
		// Of the package's other files, those no variant loaded so far:
		// the names of the rest are in that variant's Declared, which
		// is merged below for an output seen in both.
		if err := spec.DeclareElsewhere(files, func(path string) bool { return loaded[path] }); err != nil {
			addErr(spec.Error{Msg: err.Error()})
		}
		// Rendering needs only the specifications and the types: let the
		// collector have the syntax trees and the type-checker's maps.
		pkg.Syntax, pkg.TypesInfo = nil, nil
		for _, f := range files {
			if !dirs[filepath.Dir(f.Output)] {
				// Only a //line directive before the package clause can
				// place a source elsewhere; never write there.
				addErr(spec.Error{Msg: fmt.Sprintf("%s: a //line directive before a package clause names this file, outside the package's directory; rescoordgen writes only beside the package's files",
					f.Source)})
				continue
			}
			if i, seen := outputs[f.Output]; seen {
				// Another variant of the package (with its test files, or
				// without): the output is compiled in both, so its imports
				// must avoid what either declares.
				declared := maps.Clone(todo[i].file.Declared)
				maps.Copy(declared, f.Declared)
				todo[i].file.Declared = declared
				continue
			}
			outputs[f.Output] = len(todo)
			todo = append(todo, pkgFile{f, pkg.Types})
		}
	}
	// Refuse before anything is rendered or written: a file in the way
	// that rescoordgen did not write stops the whole run.
	old := make([][]byte, len(todo))
	for i, t := range todo {
		var err error
		if old[i], err = readOurs(t.file.Output); err != nil {
			addErr(spec.Error{Msg: err.Error()})
		}
	}
	if len(errs) == 0 {
		// Each file renders on its own: render them concurrently.
		results := make([]change, len(todo))
		fail := make([]error, len(todo))
		var eg errgroup.Group
		eg.SetLimit(runtime.GOMAXPROCS(0))
		for i, t := range todo {
			eg.Go(func() error {
				src, err := templates.Render(t.file, t.pkg)
				results[i], fail[i] = change{path: t.file.Output, old: old[i], new: src}, err
				return nil // each failure is reported below
			})
		}
		eg.Wait()
		for i, c := range results {
			if fail[i] != nil {
				addErr(spec.Error{Msg: fail[i].Error()})
			} else if !bytes.Equal(c.old, c.new) {
				p.changes = append(p.changes, c)
			}
		}
	}
	if len(errs) > 0 {
		spec.SortErrors(errs)
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Error()
		}
		return nil, msgs
	}
	for _, c := range cands {
		orphans, err := orphans(c.dir, outputs, loaded)
		if err != nil {
			return nil, []string{err.Error()}
		}
		p.changes = append(p.changes, orphans...)
	}
	slices.SortFunc(p.changes, func(a, b change) int { return strings.Compare(a.path, b.path) })
	return p, nil
}

// loadErrors returns the errors of a package that stop rescoordgen: a
// package that could not be found or listed, and syntax errors. Type
// errors do not (spec reports what it cannot read), and neither do the
// compile errors the go command reports while listing a package whose
// generated code is stale or missing: that is what rescoordgen is about to
// fix.
func loadErrors(pkg *packages.Package) []spec.Error {
	var out []spec.Error
	listed := len(pkg.GoFiles) > 0 || len(pkg.CompiledGoFiles) > 0
	for _, e := range pkg.Errors {
		switch {
		case e.Kind == packages.ParseError, e.Kind == packages.ListError && !listed:
			out = append(out, errorAt(e))
		}
	}
	return out
}

// errorAt converts a go/packages error, whose position is "file:line:col",
// "file:line", "-" or "".
func errorAt(e packages.Error) spec.Error {
	out := spec.Error{Msg: e.Msg}
	parts := strings.Split(e.Pos, ":")
	if len(parts) >= 2 {
		out.Pos.Filename = strings.Join(parts[:len(parts)-1], ":")
		if len(parts) >= 3 {
			if col, err := strconv.Atoi(parts[len(parts)-1]); err == nil {
				out.Pos.Filename = strings.Join(parts[:len(parts)-2], ":")
				out.Pos.Column = col
				parts = parts[:len(parts)-1]
			}
		}
		out.Pos.Line, _ = strconv.Atoi(parts[len(parts)-1])
	}
	return out
}

// readOurs returns the content of a file rescoordgen is about to write:
// nil if it does not exist, an error if it exists and rescoordgen did not
// write it.
func readOurs(path string) ([]byte, error) {
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !spec.IsGeneratedSource(old) {
		return nil, fmt.Errorf("%s: refusing to overwrite a file that rescoordgen did not write (it lacks the line %q); rename or remove it, or rename the source file",
			path, templates.Header)
	}
	return old, nil
}

// orphans returns the removal of every file in dir that rescoordgen wrote
// and would not write now. A file whose source still has directives but
// was not loaded (other build tags) is kept.
func orphans(dir string, outputs map[string]int, loaded map[string]bool) ([]change, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []change
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if _, generated := outputs[path]; e.IsDir() || !spec.IsOutputName(e.Name()) || generated {
			continue
		}
		old, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if !spec.IsGeneratedSource(old) {
			continue // not ours: leave it alone
		}
		source := sourceName(path)
		if !loaded[source] {
			if src, err := os.ReadFile(source); err == nil && bytes.Contains(src, []byte(spec.Prefix)) {
				continue // excluded by build constraints; cannot tell
			}
		}
		out = append(out, change{path: path, old: old})
	}
	return out, nil
}

// sourceName inverts spec.OutputName.
func sourceName(output string) string {
	if stem, ok := strings.CutSuffix(output, "_rescoord_test.go"); ok {
		return stem + "_test.go"
	}
	return strings.TrimSuffix(output, "_rescoord.go") + ".go"
}

// diff prints a unified diff of the plan and reports whether there is any.
func (p *plan) diff(w io.Writer, rel func(string) string) bool {
	for _, c := range p.changes {
		name := filepath.ToSlash(rel(c.path))
		oldName, newName := "a/"+name, "b/"+name
		if c.old == nil {
			oldName = "/dev/null"
		}
		if c.new == nil {
			newName = "/dev/null"
		}
		io.WriteString(w, textdiff.Unified(oldName, newName, string(c.old), string(c.new)))
	}
	return len(p.changes) > 0
}

// apply writes and removes the plan's files, concurrently. Each write is
// atomic on its own, so a failure leaves every file either old or new.
func (p *plan) apply() error {
	errs := make([]error, len(p.changes))
	var eg errgroup.Group
	eg.SetLimit(runtime.GOMAXPROCS(0))
	for i, c := range p.changes {
		eg.Go(func() error {
			if c.new == nil {
				errs[i] = os.Remove(c.path)
			} else {
				errs[i] = writeAtomic(c.path, c.new)
			}
			return nil // all are joined below
		})
	}
	eg.Wait()
	return errors.Join(errs...)
}

// writeAtomic replaces the file at path with data: it writes a temporary
// file in the same directory and renames it over path, so that readers
// see the old file or the new one, never part of one. The new file keeps
// the old one's permissions (0644 for a new file).
func writeAtomic(path string, data []byte) error {
	perm := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		perm = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// relative rewrites the absolute paths at the start of a message relative
// to the working directory, as go vet prints them.
func (g *generator) relative(msg string) string {
	if !filepath.IsAbs(msg) {
		return msg
	}
	path, rest, _ := strings.Cut(msg, ":")
	if r, err := filepath.Rel(g.dir, path); err == nil && !strings.HasPrefix(r, "..") {
		if rest == "" {
			return r
		}
		return r + ":" + rest
	}
	return msg
}
