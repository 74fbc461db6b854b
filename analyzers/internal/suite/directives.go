package suite

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

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

// scanHeaders reads the //reslint:layer directives of the package: those
// before the package clause of any of its files. It reads nothing else,
// which keeps packages outside every layer cheap.
func (p *Package) scanHeaders(pass *analysis.Pass) {
	for _, f := range pass.Files {
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
					p.problems = append(p.problems, problem{c.Pos(), c.End(), fmt.Sprintf(
						"%s%s must be at the end of its comment block, with the other directives (gofmt puts them there in a doc comment); here it is ignored",
						directivePrefix, verb), ""})
					continue
				}
				switch verb {
				case layerVerb:
					p.layerDirective(pass.Fset, c, args)
				case ignoreVerb:
					// Read with the rest of the file's comments.
				default:
					p.problems = append(p.problems, unknownVerb(c, verb))
				}
			}
		}
	}
}

func unknownVerb(c *ast.Comment, verb string) problem {
	return problem{c.Pos(), c.End(), fmt.Sprintf("unknown directive %s%s (known: %s%s NAME, %s%s ANALYZER reason)",
		directivePrefix, verb, directivePrefix, layerVerb, directivePrefix, ignoreVerb), ""}
}

func (p *Package) layerDirective(fset *token.FileSet, c *ast.Comment, args string) {
	bad := func(format string, a ...any) {
		p.problems = append(p.problems, problem{c.Pos(), c.End(), fmt.Sprintf(format, a...), ""})
	}
	known := strings.Join(config.LayerNames, ", ")
	switch fields := strings.Fields(args); {
	case len(fields) == 0:
		bad("%s%s needs a layer name (known layers: %s)", directivePrefix, layerVerb, known)
	case len(fields) > 1:
		bad("%s%s takes one layer name, found %q", directivePrefix, layerVerb, args)
	case !config.KnownLayer(fields[0]):
		bad("unknown layer %q in %s%s (known layers: %s)", fields[0], directivePrefix, layerVerb, known)
	case p.Directive == "":
		p.Directive, p.directivePos = fields[0], c.Pos()
	case p.Directive != fields[0]:
		bad("conflicting %s%s directives: %q here, %q at %s", directivePrefix, layerVerb, fields[0], p.Directive, fset.Position(p.directivePos))
	}
}

// trailingDirectives returns the index of the first line of the block of
// directive-like lines that ends cg: the directives of the block.
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

// readFile reads what reporting needs to know about the file f.
func readFile(pass *analysis.Pass, f *ast.File, tf *token.File) *fileInfo {
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
					src, srcRead = source(pass, tf), true
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
func source(pass *analysis.Pass, tf *token.File) []byte {
	if pass.ReadFile == nil {
		return nil
	}
	src, err := pass.ReadFile(tf.Name())
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
