package templates

import (
	"bytes"
	"go/ast"
	"go/build/constraint"
	"go/format"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// gofmt returns src as go/format.Source formats it.
//
// Generated files use a small part of Go, and jennifer lays it out the
// same way every time: one statement a line, every list on one line, a
// doc comment on every function. For such a file gofmt's output follows
// from the syntax tree alone, and quickFormat prints it from there in a
// third of the time go/format takes (go/printer, which handles every
// layout and places comments anywhere, costs two thirds of rendering a
// file). Anything else — a struct or interface type, a binary expression,
// a line break inside a list, a comment go/doc would rewrite — goes to
// go/format.Source, so the output never depends on which of the two
// printed it (TestQuickFormatRandom and FuzzQuickFormat check this).
func gofmt(src []byte) ([]byte, error) {
	if out, ok := quickFormat(src); ok {
		return out, nil
	}
	return format.Source(src)
}

// quickFormat returns what go/format.Source returns for src, and true, if
// src is a complete file within what it knows how to print; otherwise
// false.
func quickFormat(src []byte) ([]byte, bool) {
	if bytes.ContainsAny(src, "\r\f") || bytes.HasPrefix(src, []byte("\uFEFF")) {
		return nil, false
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, false
	}
	p := &quickPrinter{file: fset.File(f.Package), ok: true, out: make([]byte, 0, len(src))}
	p.printFile(f)
	if !p.ok {
		return nil, false
	}
	return p.out, true
}

// A quickPrinter prints a syntax tree as go/printer does with gofmt's
// settings, for the files quickFormat accepts. ok turns false at the
// first thing it does not print exactly as gofmt would.
type quickPrinter struct {
	file   *token.File
	out    []byte
	indent int
	span   int    // lines the function literals of the statement being printed span
	glue   string // first bytes of a token that would run into the last one ("1." or "&&")
	ok     bool
}

func (p *quickPrinter) fail() { p.ok = false }

// str writes s, after a blank if it would run into the last token, as
// go/printer does.
func (p *quickPrinter) str(s string) {
	if p.glue != "" && s != "" && strings.IndexByte(p.glue, s[0]) >= 0 {
		p.out = append(p.out, ' ')
	}
	p.glue = ""
	p.out = append(p.out, s...)
}

// newline ends the line and indents the next.
func (p *quickPrinter) newline() {
	p.out = append(p.out, '\n')
	for range p.indent {
		p.out = append(p.out, '\t')
	}
}

// line returns the line of pos in the source, as written (//line
// directives do not count, as for go/printer).
func (p *quickPrinter) line(pos token.Pos) int {
	return p.file.PositionFor(pos, false).Line
}

// printFile prints a file of a header (comments separated from the package
// clause by a blank line), the package clause, at most one import
// declaration first and functions, each with a doc comment.
func (p *quickPrinter) printFile(f *ast.File) {
	if f.Doc != nil {
		p.fail() // a package doc comment: go/doc rewrites it
		return
	}
	docs := make(map[*ast.CommentGroup]bool, len(f.Decls))
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
			docs[fd.Doc] = true
		}
	}
	next := 1 // the line the header, then the package clause, starts on
	for _, g := range f.Comments {
		if g.Pos() > f.Package {
			if !docs[g] {
				p.fail() // a comment go/printer would place itself
				return
			}
			continue
		}
		if p.line(g.Pos()) != next {
			p.fail()
			return
		}
		for _, c := range g.List {
			if !isPlainLineComment(c.Text) {
				p.fail()
				return
			}
			p.str(strings.TrimRight(c.Text, " "))
			p.str("\n")
		}
		p.str("\n")
		next = p.line(g.End()) + 2 // past one blank line
	}
	if p.line(f.Package) != next {
		p.fail()
		return
	}
	p.str("package ")
	p.str(f.Name.Name)
	p.str("\n")
	for i, d := range f.Decls {
		p.str("\n")
		switch d := d.(type) {
		case *ast.GenDecl:
			if i > 0 || d.Tok != token.IMPORT {
				p.fail()
				return
			}
			p.importDecl(d)
		case *ast.FuncDecl:
			p.funcDecl(d)
		default:
			p.fail()
		}
		if !p.ok {
			return
		}
		p.str("\n")
	}
}

// isPlainLineComment reports whether text is a //-style comment that
// go/printer copies as it is, but for trailing blanks: plain text, and not
// a directive (//go:build and //line are rewritten or placed specially).
func isPlainLineComment(text string) bool {
	rest, ok := strings.CutPrefix(text, "//")
	return ok && isPlainText(rest) && !strings.HasPrefix(rest, "go:") &&
		!strings.HasPrefix(rest, "line ") && !constraint.IsPlusBuild(text)
}

// isPlainText reports whether s is valid UTF-8 whose only white space is
// the blank and which has no control characters.
func isPlainText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			return isPlainRunes(s[i:])
		} else if c < ' ' || c == 0x7f {
			return false
		}
	}
	return true
}

func isPlainRunes(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r != ' ' && (unicode.IsSpace(r) || unicode.IsControl(r)) {
			return false
		}
	}
	return true
}

// importDecl prints an import declaration whose specifications are each on
// a line of their own, sorted by path and distinct within each run of
// lines, as ast.SortImports leaves them.
func (p *quickPrinter) importDecl(d *ast.GenDecl) {
	p.str("import")
	if !d.Lparen.IsValid() {
		if len(d.Specs) != 1 {
			p.fail()
			return
		}
		p.str(" ")
		p.importSpec(d.Specs[0].(*ast.ImportSpec))
		return
	}
	if len(d.Specs) == 0 {
		p.fail()
		return
	}
	p.str(" (")
	p.indent++
	prevLine, prevPath := p.line(d.Lparen), ""
	for i, s := range d.Specs {
		s := s.(*ast.ImportSpec)
		path, err := strconv.Unquote(s.Path.Value)
		switch l := p.line(s.Pos()); {
		case err != nil:
			p.fail()
		case l == prevLine+2 && i > 0:
			p.str("\n") // a blank line between runs
		case l != prevLine+1 || i > 0 && path <= prevPath:
			p.fail()
		}
		if !p.ok {
			return
		}
		p.newline()
		p.importSpec(s)
		prevLine, prevPath = p.line(s.End()), path
	}
	p.indent--
	if p.line(d.Rparen) != prevLine+1 {
		p.fail()
	}
	p.newline()
	p.str(")")
}

func (p *quickPrinter) importSpec(s *ast.ImportSpec) {
	if path, err := strconv.Unquote(s.Path.Value); err != nil || strconv.Quote(path) != s.Path.Value ||
		p.line(s.Pos()) != p.line(s.End()) {
		p.fail() // go/printer quotes a path as strconv.Quote does
	}
	if s.Name != nil {
		p.str(s.Name.Name)
		p.str(" ")
	}
	p.str(s.Path.Value)
}

// funcDecl prints a function with its doc comment, its signature on one
// line and a body of several lines.
func (p *quickPrinter) funcDecl(d *ast.FuncDecl) {
	start := p.file.PositionFor(d.Pos(), false)
	if d.Doc == nil || d.Body == nil || start.Column != 1 || p.line(d.Doc.End())+1 != start.Line ||
		p.line(d.Body.Lbrace) != start.Line {
		p.fail()
		return
	}
	p.docComment(d.Doc)
	p.str("func ")
	if d.Recv != nil {
		p.fieldList(d.Recv, "(", ")")
		p.str(" ")
	}
	p.str(d.Name.Name)
	p.signature(d.Type)
	p.str(" ")
	p.block(d.Body)
}

// docComment prints a doc comment that go/doc would not change: each line
// is "// " and text starting with a letter, so that there are no blank
// lines, headings, lists, code blocks, link definitions or directives, and
// no doubled backquotes or single quotes, which go/doc turns into
// quotation marks.
// The comment is unindented and abuts its function, the case in which
// go/printer has go/doc reformat it.
func (p *quickPrinter) docComment(g *ast.CommentGroup) {
	if p.file.PositionFor(g.Pos(), false).Column != 1 {
		p.fail()
		return
	}
	for _, c := range g.List {
		text, ok := strings.CutPrefix(c.Text, "// ")
		r, _ := utf8.DecodeRuneInString(text)
		if !ok || !unicode.IsLetter(r) || !isPlainText(text) ||
			strings.Contains(text, "``") || strings.Contains(text, "''") { // go/doc makes them “ and ”
			p.fail()
			return
		}
		p.str("// ")
		p.str(strings.TrimRight(text, " "))
		p.str("\n")
	}
}

// signature prints type parameters, parameters and results.
func (p *quickPrinter) signature(t *ast.FuncType) {
	if t.TypeParams != nil {
		p.fieldList(t.TypeParams, "[", "]")
	}
	p.fieldList(t.Params, "(", ")")
	res := t.Results
	if res == nil || len(res.List) == 0 {
		return
	}
	p.str(" ")
	if len(res.List) == 1 && res.List[0].Names == nil {
		p.expr(stripParens(res.List[0].Type)) // no parentheses
		return
	}
	p.fieldList(res, "(", ")")
}

// stripParens returns x without the parentheses around it.
func stripParens(x ast.Expr) ast.Expr {
	for {
		paren, ok := x.(*ast.ParenExpr)
		if !ok {
			return x
		}
		x = paren.X
	}
}

// fieldList prints parameters (or a receiver, or type parameters), all on
// one line.
func (p *quickPrinter) fieldList(l *ast.FieldList, open, close string) {
	if l == nil {
		p.str(open + close)
		return
	}
	if l.Opening.IsValid() && l.Closing.IsValid() && p.line(l.Opening) != p.line(l.Closing) {
		p.fail()
		return
	}
	p.str(open)
	for i, f := range l.List {
		if i > 0 {
			p.str(", ")
		}
		if f.Tag != nil {
			p.fail()
			return
		}
		p.identList(f.Names)
		if len(f.Names) > 0 {
			p.str(" ")
		}
		p.expr(stripParens(f.Type)) // as go/printer does
	}
	p.str(close)
}

// block prints a block of statements, one per line right after the other,
// with its braces on lines of their own.
func (p *quickPrinter) block(b *ast.BlockStmt) {
	p.str("{")
	prev := p.line(b.Lbrace)
	p.indent++
	for _, s := range b.List {
		if p.line(s.Pos()) != prev+1 {
			p.fail()
			return
		}
		p.newline()
		p.stmt(s)
		prev = p.line(s.End())
	}
	p.indent--
	if p.line(b.Rbrace) != prev+1 {
		p.fail() // a blank line, or a block on one line
		return
	}
	p.newline()
	p.str("}")
}

// stmt prints a statement on one line, but for the bodies of the function
// literals in it.
func (p *quickPrinter) stmt(s ast.Stmt) {
	outer := p.span
	p.span = 0
	switch s := s.(type) {
	case *ast.ReturnStmt:
		p.str("return")
		if len(s.Results) > 0 {
			p.str(" ")
			p.exprList(s.Results)
		}
	case *ast.ExprStmt:
		p.expr(s.X)
	case *ast.AssignStmt:
		if s.Tok != token.DEFINE && s.Tok != token.ASSIGN {
			p.fail()
			return
		}
		p.exprList(s.Lhs)
		p.str(" ")
		p.str(s.Tok.String())
		p.str(" ")
		p.exprList(s.Rhs)
	case *ast.DeclStmt:
		d, ok := s.Decl.(*ast.GenDecl)
		if !ok || d.Tok != token.VAR || d.Lparen.IsValid() || len(d.Specs) != 1 {
			p.fail()
			return
		}
		v := d.Specs[0].(*ast.ValueSpec)
		p.str("var ")
		p.identList(v.Names)
		if v.Type != nil {
			p.str(" ")
			p.expr(v.Type)
		}
		if len(v.Values) > 0 {
			p.str(" = ")
			p.exprList(v.Values)
		}
	default:
		p.fail()
	}
	if p.line(s.End())-p.line(s.Pos()) != p.span {
		p.fail() // a line break outside a function literal's body
	}
	p.span = outer
}

func (p *quickPrinter) identList(names []*ast.Ident) {
	for i, name := range names {
		if i > 0 {
			p.str(", ")
		}
		p.str(name.Name)
	}
}

// exprList prints a list on one line; only a list of one may span more,
// for the body of a function literal (go/printer may indent the elements
// of a longer one).
func (p *quickPrinter) exprList(list []ast.Expr) {
	before := p.span
	for i, x := range list {
		if i > 0 {
			p.str(", ")
		}
		p.expr(x)
	}
	if len(list) > 1 && p.span != before {
		p.fail()
	}
}

// expr prints an expression or a type.
func (p *quickPrinter) expr(x ast.Expr) {
	if !p.ok {
		return
	}
	switch x := x.(type) {
	case *ast.Ident:
		p.str(x.Name)
	case *ast.BasicLit:
		switch x.Kind {
		case token.INT:
			if strings.Trim(x.Value, "0123456789") != "" || len(x.Value) > 1 && x.Value[0] == '0' {
				p.fail() // go/printer normalizes prefixes, and 0 starts an octal
			}
		case token.STRING:
		default:
			p.fail()
		}
		p.str(x.Value)
		if x.Kind == token.INT {
			p.glue = "." // 1 .x is not 1.x
		}
	case *ast.SelectorExpr:
		p.expr(x.X)
		p.str(".")
		p.str(x.Sel.Name)
	case *ast.StarExpr:
		p.str("*")
		p.expr(x.X)
	case *ast.UnaryExpr:
		if x.Op != token.AND && x.Op != token.TILDE {
			p.fail()
			return
		}
		p.str(x.Op.String())
		if x.Op == token.AND {
			p.glue = "&^"
		}
		p.expr(x.X)
	case *ast.ParenExpr:
		if _, ok := x.X.(*ast.ParenExpr); ok {
			p.fail() // go/printer drops a second pair
			return
		}
		p.str("(")
		p.expr(x.X)
		p.str(")")
	case *ast.CallExpr:
		if _, ok := x.Fun.(*ast.FuncType); ok {
			p.fail()
			return
		}
		p.expr(x.Fun)
		p.str("(")
		p.exprList(x.Args)
		if x.Ellipsis.IsValid() {
			p.str("...")
		}
		p.str(")")
	case *ast.CompositeLit:
		if x.Type != nil {
			p.expr(x.Type)
		}
		for _, e := range x.Elts {
			if _, ok := e.(*ast.KeyValueExpr); ok {
				p.fail() // go/printer aligns keys across lines
				return
			}
		}
		p.str("{")
		p.exprList(x.Elts)
		p.str("}")
	case *ast.FuncLit:
		p.str("func")
		p.signature(x.Type)
		p.str(" ")
		outer := p.span
		p.block(x.Body)
		p.span = outer + p.line(x.Body.Rbrace) - p.line(x.Body.Lbrace)
	case *ast.IndexExpr:
		p.expr(x.X)
		p.str("[")
		p.expr(x.Index)
		p.str("]")
	case *ast.IndexListExpr:
		p.expr(x.X)
		p.str("[")
		p.exprList(x.Indices)
		p.str("]")
	case *ast.Ellipsis:
		if x.Elt == nil {
			p.fail()
			return
		}
		p.str("...")
		p.expr(x.Elt)
	case *ast.ArrayType:
		p.str("[")
		if x.Len != nil {
			p.expr(x.Len)
		}
		p.str("]")
		p.expr(x.Elt)
	case *ast.MapType:
		p.str("map[")
		p.expr(x.Key)
		p.str("]")
		p.expr(x.Value)
	case *ast.ChanType:
		switch x.Dir {
		case ast.SEND | ast.RECV:
			p.str("chan ")
		case ast.RECV:
			p.str("<-chan ")
		default:
			p.str("chan<- ")
		}
		p.expr(x.Value)
	case *ast.FuncType:
		if x.TypeParams != nil {
			p.fail()
			return
		}
		p.str("func")
		p.signature(x)
	default:
		p.fail()
	}
}
