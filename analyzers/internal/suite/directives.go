package suite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"unsafe"

	"golang.org/x/tools/go/analysis"

	"github.com/rescoord/rescoord/analyzers/internal/config"
)

// The directives, as written in comments (no space after "//", like
// //go:build).
const (
	directivePrefix = "//reslint:"
	layerVerb       = "layer"
	ignoreVerb      = "ignore"
)

type layerDirective struct {
	layer string
	pos   token.Pos
}

// splitDirective splits "//reslint:verb args" into verb and args; ok is
// false if text is not a reslint directive.
func splitDirective(text string) (verb, args string, ok bool) {
	rest, ok := strings.CutPrefix(text, directivePrefix)
	if !ok {
		return "", "", false
	}
	verb, args, _ = strings.Cut(rest, " ")
	if i := strings.IndexByte(verb, '\t'); i >= 0 {
		verb, args = verb[:i], verb[i+1:]+" "+args
	}
	return verb, strings.TrimSpace(args), true
}

// headers remembers headerLayer's answer for the packages seen last, so
// that the analyzers of the suite, which all run on each package, read its
// headers once: the syntax tree is cold in the processor's caches, and
// reading it is most of what a package outside every layer costs. The
// table is direct-mapped, and a slot holds the package it is about, so a
// collision costs a second read, never a wrong answer. Nothing is
// allocated: an allocation here would grow the goroutine's stack.
var headers [4096]struct {
	mu    sync.Mutex
	pkg   *types.Package
	layer int8 // index in config.LayerNames, -1 for none
	any   bool
}

// packageHeaders is headerLayer for the package of pass, remembered.
func packageHeaders(pass *analysis.Pass) (layer string, any bool) {
	h := uint64(uintptr(unsafe.Pointer(pass.Pkg))) * 0x9E3779B97F4A7C15 // Fibonacci hashing
	slot := &headers[h>>(64-12)]
	slot.mu.Lock()
	hit := slot.pkg == pass.Pkg && pass.Pkg != nil
	i, any := slot.layer, slot.any
	slot.mu.Unlock()
	if !hit {
		i, any = headerLayer(pass.Files)
		slot.mu.Lock()
		slot.pkg, slot.layer, slot.any = pass.Pkg, i, any
		slot.mu.Unlock()
	}
	if i >= 0 {
		layer = config.LayerNames[i]
	}
	return layer, any
}

func forgetHeaders() {
	for i := range headers {
		headers[i].mu.Lock()
		headers[i].pkg = nil
		headers[i].mu.Unlock()
	}
}

// headerLayer returns the layer named by the first valid //reslint:layer
// directive before a package clause, as an index in config.LayerNames (-1
// for none), and whether there are any //reslint: directives there at
// all. Like every Go directive, these sit at the end of their comment
// block (gofmt moves them there in a doc comment), so each block before
// the package clause is read from its last line up, as long as the lines
// look like directives: a package doc comment hundreds of lines long
// costs one line. It allocates nothing, and keeps its frame small.
func headerLayer(files []*ast.File) (layer int8, any bool) {
	layer = -1
	for _, f := range files {
		for _, cg := range f.Comments {
			// The last comment of a block gives both its end and the
			// first line to read.
			n := len(cg.List)
			if cg.List[n-1].Slash >= f.Package {
				break
			}
			top := int8(-1) // the topmost valid layer directive of the block
			for i := n - 1; i >= 0; i-- {
				t := cg.List[i].Text
				if len(t) < 3 || t[2] == ' ' || t[2] == '\t' || t[1] != '/' {
					break // not a directive: the directives at the end are done
				}
				if len(t) < len(directivePrefix) || t[:len(directivePrefix)] != directivePrefix {
					continue // another directive, such as //go:build
				}
				any = true
				if l := validLayer(t); l >= 0 {
					top = l
				}
			}
			if layer < 0 {
				layer = top // the first in file order, as scanHeaders takes it
			}
		}
	}
	return layer, any
}

// validLayer returns the index in config.LayerNames of the layer a
// //reslint:layer directive names, or -1 if text is another directive or
// an invalid one.
//
//go:noinline
func validLayer(text string) int8 {
	if verb, args, _ := splitDirective(text); verb == layerVerb {
		for i, name := range config.LayerNames {
			if args == name {
				return int8(i)
			}
		}
	}
	return -1
}

// scanHeaders reads the //reslint:layer directives of the package: those
// before the package clause of any of its files. It reads nothing else,
// which keeps packages outside every layer cheap.
func (u *Unit) scanHeaders() {
	for _, f := range u.Pass.Files {
		for _, cg := range f.Comments {
			if cg.Pos() >= f.Package {
				break
			}
			first := trailingDirectives(cg)
			for i, c := range cg.List {
				verb, args, ok := splitDirective(c.Text)
				if !ok {
					continue
				}
				if i < first {
					u.problems = append(u.problems, problem{c.Pos(), c.End(), fmt.Sprintf(
						"%s%s must be at the end of its comment block, with the other directives (gofmt puts them there in a doc comment); here it is ignored",
						directivePrefix, verb), ""})
					continue
				}
				switch verb {
				case layerVerb:
					u.layerDirective(c, args)
				case ignoreVerb:
					// Read with the rest of the file's comments.
				default:
					u.problems = append(u.problems, unknownVerb(c, verb))
				}
			}
		}
	}
}

func unknownVerb(c *ast.Comment, verb string) problem {
	return problem{c.Pos(), c.End(), fmt.Sprintf("unknown directive %s%s (known: %s%s NAME, %s%s ANALYZER reason)",
		directivePrefix, verb, directivePrefix, layerVerb, directivePrefix, ignoreVerb), ""}
}

func (u *Unit) layerDirective(c *ast.Comment, args string) {
	bad := func(format string, a ...any) {
		u.problems = append(u.problems, problem{c.Pos(), c.End(), fmt.Sprintf(format, a...), ""})
	}
	known := strings.Join(config.LayerNames, ", ")
	switch fields := strings.Fields(args); {
	case len(fields) == 0:
		bad("%s%s needs a layer name (known layers: %s)", directivePrefix, layerVerb, known)
	case len(fields) > 1:
		bad("%s%s takes one layer name, found %q", directivePrefix, layerVerb, args)
	case !config.KnownLayer(fields[0]):
		bad("unknown layer %q in %s%s (known layers: %s)", fields[0], directivePrefix, layerVerb, known)
	case u.directive == nil:
		u.directive = &layerDirective{fields[0], c.Pos()}
	case u.directive.layer != fields[0]:
		bad("conflicting %s%s directives: %q here, %q at %s; a package belongs to one layer",
			directivePrefix, layerVerb, fields[0], u.directive.layer, u.Pass.Fset.Position(u.directive.pos))
	}
}

// trailingDirectives returns the index of the first line of the block of
// directive-like lines that ends cg: the lines headerLayer reads.
func trailingDirectives(cg *ast.CommentGroup) int {
	i := len(cg.List)
	for i > 0 {
		t := cg.List[i-1].Text
		if len(t) < 3 || t[2] == ' ' || t[2] == '\t' || t[1] != '/' {
			break
		}
		i--
	}
	return i
}

// fileInfo is what reporting needs to know about one file.
type fileInfo struct {
	generated bool
	test      bool
	ignores   map[int][]string // line → analyzers ignored on it
	problems  []problem        // malformed directives after the package clause
}

func (fi *fileInfo) ignored(line int, analyzer string) bool {
	for _, a := range fi.ignores[line] {
		if a == analyzer {
			return true
		}
	}
	return false
}

// fileInfo returns what is known about tf, reading every file of the
// package on first use; nil if tf is not one of them.
func (u *Unit) fileInfo(tf *token.File) *fileInfo {
	if tf == nil {
		return nil
	}
	if u.files == nil {
		u.files = make(map[*token.File]*fileInfo, len(u.Pass.Files))
		for _, f := range u.Pass.Files {
			if ftf := u.Pass.Fset.File(f.FileStart); ftf != nil {
				u.files[ftf] = u.readFile(f, ftf)
			}
		}
	}
	return u.files[tf]
}

func (u *Unit) readFile(f *ast.File, tf *token.File) *fileInfo {
	fi := &fileInfo{
		generated: ast.IsGenerated(f),
		test:      strings.HasSuffix(tf.Name(), "_test.go"),
	}
	var src []byte // read only if a directive needs it
	srcRead := false
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			verb, args, ok := splitDirective(c.Text)
			if !ok {
				continue
			}
			switch verb {
			case ignoreVerb:
				names, reason, _ := strings.Cut(args, " ")
				reason = strings.TrimSpace(reason)
				if names == "" {
					fi.problems = append(fi.problems, problem{c.Pos(), c.End(),
						fmt.Sprintf("%s%s needs the analyzer to ignore and a reason: %s%s ANALYZER reason", directivePrefix, ignoreVerb, directivePrefix, ignoreVerb), ""})
					continue
				}
				analyzers := strings.Split(names, ",")
				if reason == "" {
					for _, a := range analyzers {
						fi.problems = append(fi.problems, problem{c.Pos(), c.End(),
							fmt.Sprintf("%s%s %s needs a reason after the analyzer name; without one it suppresses nothing", directivePrefix, ignoreVerb, names), a})
					}
					continue
				}
				if !srcRead {
					src, srcRead = u.source(tf), true
				}
				lines := []int{rawLine(tf, c.Pos())}
				if !trailing(src, tf, c.Pos()) {
					lines = append(lines, rawLine(tf, cg.End())+1)
				}
				if fi.ignores == nil {
					fi.ignores = make(map[int][]string)
				}
				for _, l := range lines {
					fi.ignores[l] = append(fi.ignores[l], analyzers...)
				}
			case layerVerb:
				if c.Pos() > f.Package {
					fi.problems = append(fi.problems, problem{c.Pos(), c.End(),
						fmt.Sprintf("%s%s must come before the package clause, where it applies to the whole package; here it is ignored", directivePrefix, layerVerb), ""})
				}
			default:
				if c.Pos() > f.Package { // header ones are reported by scanHeaders
					fi.problems = append(fi.problems, unknownVerb(c, verb))
				}
			}
		}
	}
	return fi
}

// source returns the contents of the file, or nil if it cannot be read.
func (u *Unit) source(tf *token.File) []byte {
	if u.Pass.ReadFile == nil {
		return nil
	}
	src, err := u.Pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil
	}
	return src
}

// trailing reports whether the comment at pos follows code on its line.
// Without the source it says no.
func trailing(src []byte, tf *token.File, pos token.Pos) bool {
	if src == nil {
		return false
	}
	start := tf.Offset(tf.LineStart(rawLine(tf, pos)))
	end := tf.Offset(pos)
	if start < 0 || end > len(src) || start > end {
		return false
	}
	return strings.TrimLeft(string(src[start:end]), " \t") != ""
}

// rawLine is the line of pos in the file itself, //line directives not
// applied: directives and diagnostics are matched on the lines as written.
func rawLine(tf *token.File, pos token.Pos) int {
	return tf.PositionFor(pos, false).Line
}
