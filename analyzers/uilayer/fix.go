package uilayer

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/rescoord/rescoord/analyzers/internal/runtimeapi"
)

// fixer builds the suggested fixes: deleting blank imports of the runtime
// and deleting fields of resource IDs that nothing uses any more. A fix is
// offered only when the result still compiles; when that cannot be known,
// the diagnostic comes without one.
type fixer struct {
	c *checker

	used        map[types.Object]bool          // objects used anywhere in the package
	pkgUses     map[*types.PkgName][]token.Pos // where each imported package name is used
	unsafeTypes map[*types.TypeName]bool       // struct types built by position or converted
}

func (c *checker) fixer() *fixer {
	if c.fixes == nil {
		c.fixes = &fixer{c: c}
	}
	return c.fixes
}

func (fx *fixer) index() {
	if fx.used != nil {
		return
	}
	info := fx.c.info
	fx.used = make(map[types.Object]bool)
	fx.pkgUses = make(map[*types.PkgName][]token.Pos)
	for id, obj := range info.Uses {
		fx.used[obj] = true
		if pn, ok := obj.(*types.PkgName); ok {
			fx.pkgUses[pn] = append(fx.pkgUses[pn], id.Pos())
		}
	}
	fx.unsafeTypes = make(map[*types.TypeName]bool)
	mark := func(t types.Type) {
		if t == nil {
			return
		}
		if n, ok := types.Unalias(runtimeapi.Deref(t)).(*types.Named); ok && n.Obj().Pkg() == fx.c.pass.Pkg {
			fx.unsafeTypes[n.Origin().Obj()] = true
		}
	}
	for cur := range fx.c.u.Inspector().Root().Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			if len(n.Elts) > 0 {
				if _, keyed := n.Elts[0].(*ast.KeyValueExpr); !keyed {
					mark(info.TypeOf(n))
				}
			}
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() && len(n.Args) == 1 {
				mark(tv.Type)
				mark(info.TypeOf(n.Args[0]))
			}
		}
	}
}

// isDead reports whether hf is a field of resource IDs that can be deleted
// without breaking the build: unexported, never used, in a named struct
// type that is never built by position or converted, and not named in the
// package's test files.
func (fx *fixer) isDead(hf *heldField) bool {
	if hf.held != holdsIDs || len(hf.field.Names) == 0 {
		return false
	}
	ts, ok := hf.parent.(*ast.TypeSpec)
	if !ok || ts.Type != hf.st {
		return false
	}
	tn, ok := fx.c.info.Defs[ts.Name].(*types.TypeName)
	if !ok {
		return false
	}
	fx.index()
	if fx.unsafeTypes[tn] {
		return false
	}
	for _, id := range hf.field.Names {
		if ast.IsExported(id.Name) || id.Name == "_" || fx.used[fx.c.info.Defs[id]] || !fx.seesTests() {
			return false
		}
	}
	return true
}

// seesTests reports whether the pass has the package's _test.go files,
// whose uses of a field its type information then covers. A pass of the
// package without its tests cannot tell whether a test uses the field,
// so it offers no fix that deletes one; go vet and reslint analyze the
// package with its tests whenever it has any.
func (fx *fixer) seesTests() bool {
	for _, f := range fx.c.pass.Files {
		if strings.HasSuffix(fx.c.pass.Fset.File(f.FileStart).Name(), "_test.go") {
			return true
		}
	}
	return false
}

func isIdentByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

type span struct{ pos, end token.Pos }

func (s span) contains(p token.Pos) bool { return s.pos <= p && p < s.end }

// deleteFields returns, for each dead field that can be deleted, the edits
// that delete it (with its doc comment) and the imports that only it used.
// A field whose deletion would leave an import used only by other dead
// fields gets no fix: applying some of those fixes but not all would not
// compile either way.
func (fx *fixer) deleteFields(dead []*heldField) map[*heldField][]analysis.TextEdit {
	spans := make(map[*heldField]span)
	for _, hf := range dead {
		pos := hf.field.Pos()
		if hf.field.Doc != nil {
			pos = hf.field.Doc.Pos()
		}
		if s, ok := fx.wholeLines(pos, hf.field.End()); ok {
			spans[hf] = s
		}
	}
	out := make(map[*heldField][]analysis.TextEdit)
fields:
	for hf, s := range spans {
		edits := []analysis.TextEdit{{Pos: s.pos, End: s.end}}
		file := fx.fileOf(s.pos)
		if file == nil {
			continue
		}
		for pn, uses := range fx.pkgUses {
			inside, outside, inOtherDead := 0, 0, 0
			for _, p := range uses {
				if p < file.FileStart || p >= file.FileEnd {
					continue
				}
				switch {
				case s.contains(p):
					inside++
				case fx.inAny(spans, hf, p):
					inOtherDead++
				default:
					outside++
				}
			}
			if inside == 0 || outside > 0 {
				continue
			}
			if inOtherDead > 0 {
				continue fields
			}
			spec := importSpecOf(fx.c.info, file, pn)
			if spec == nil {
				continue fields
			}
			del := fx.deleteImport(file, spec)
			if del == nil {
				continue fields
			}
			edits = append(edits, del...)
		}
		slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(a.Pos - b.Pos) })
		out[hf] = edits
	}
	return out
}

func (fx *fixer) inAny(spans map[*heldField]span, except *heldField, p token.Pos) bool {
	for hf, s := range spans {
		if hf != except && s.contains(p) {
			return true
		}
	}
	return false
}

func (fx *fixer) fileOf(p token.Pos) *ast.File {
	for _, f := range fx.c.pass.Files {
		if f.FileStart <= p && p < f.FileEnd {
			return f
		}
	}
	return nil
}

func importSpecOf(info *types.Info, f *ast.File, pn *types.PkgName) *ast.ImportSpec {
	for _, spec := range f.Imports {
		var obj types.Object
		if spec.Name != nil {
			obj = info.Defs[spec.Name]
		} else {
			obj = info.Implicits[spec]
		}
		if obj == pn {
			return spec
		}
	}
	return nil
}

// deleteImport returns the edits that delete spec from f: its lines, or
// the whole import declaration if it is the only spec there. It returns
// nil if the spec shares its lines with other code.
func (fx *fixer) deleteImport(f *ast.File, spec *ast.ImportSpec) []analysis.TextEdit {
	var decl *ast.GenDecl
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && gd.Pos() <= spec.Pos() && spec.End() <= gd.End() {
			decl = gd
			break
		}
	}
	if decl == nil {
		return nil
	}
	pos, end := spec.Pos(), spec.End()
	if spec.Doc != nil {
		pos = spec.Doc.Pos()
	}
	if len(decl.Specs) == 1 {
		pos, end = decl.Pos(), decl.End()
	}
	s, ok := fx.wholeLines(pos, end)
	if !ok {
		return nil
	}
	return []analysis.TextEdit{{Pos: s.pos, End: s.end}}
}

// wholeLines widens [pos, end) to the whole lines it is on, newline
// included, if nothing but blanks comes before it on its first line and
// nothing but blanks or a line comment after it on its last. ok is false
// otherwise, or if the source cannot be read.
func (fx *fixer) wholeLines(pos, end token.Pos) (span, bool) {
	pass := fx.c.pass
	tf := pass.Fset.File(pos)
	if tf == nil || pass.ReadFile == nil {
		return span{}, false
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return span{}, false
	}
	start, stop := tf.Offset(pos), tf.Offset(end)
	if start < 0 || stop > len(src) || start > stop {
		return span{}, false
	}
	ls := bytes.LastIndexByte(src[:start], '\n') + 1
	if len(bytes.TrimLeft(src[ls:start], " \t")) != 0 {
		return span{}, false
	}
	le := len(src)
	if i := bytes.IndexByte(src[stop:], '\n'); i >= 0 {
		le = stop + i + 1
	}
	rest := bytes.TrimSpace(src[stop:le])
	if len(rest) != 0 && !bytes.HasPrefix(rest, []byte("//")) {
		return span{}, false
	}
	return span{tf.Pos(ls), tf.Pos(le)}, true
}
