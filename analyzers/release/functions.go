package release

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
)

// eachFunc calls fn for every function with a body in the package's
// non-generated files: declarations and the literals inside them.
func (c *checker) eachFunc(fn func(fi *funcInfo, scope ast.Node, body *ast.BlockStmt, g *cfg.CFG)) {
	for _, f := range c.pass.Files {
		if ast.IsGenerated(f) {
			continue
		}
		for _, d := range f.Decls {
			decl, ok := d.(*ast.FuncDecl)
			if !ok || decl.Body == nil {
				continue
			}
			fi := c.funcs[decl]
			if fi == nil {
				fi = newFuncInfo(decl) // kept: computeFacts's rounds and the checks share it
				c.funcs[decl] = fi
			}
			fn(fi, decl, decl.Body, c.cfgOf(decl.Body))
			ast.Inspect(decl.Body, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					fn(fi, lit, lit.Body, c.cfgOf(lit.Body))
				}
				return true
			})
		}
	}
}

// directBody calls visit for each node of body outside nested function
// literals.
func directBody(body *ast.BlockStmt, visit func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n != nil {
			visit(n)
		}
		return true
	})
}

// computeFacts exports Acquires for functions that return an ID they
// acquired, Consumes for functions that take over ID parameters, and
// Handles for what functions do with the rules' resources, repeating
// until the facts of the package's own functions settle.
func (c *checker) computeFacts() {
	for round := 0; round < 4; round++ {
		changed := false
		c.eachFunc(func(fi *funcInfo, scope ast.Node, body *ast.BlockStmt, g *cfg.CFG) {
			decl, ok := scope.(*ast.FuncDecl)
			if !ok || g == nil {
				return
			}
			fn, _ := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if fn == nil {
				return
			}
			if !c.pass.ImportObjectFact(fn, new(Acquires)) && c.returnsAcquired(fi, decl) {
				c.pass.ExportObjectFact(fn, new(Acquires))
				changed = true
			}
			var old Consumes
			had := c.pass.ImportObjectFact(fn, &old)
			var consumed []int
			sig := fn.Type().(*types.Signature)
			for i := range sig.Params().Len() {
				p := sig.Params().At(i)
				if !isID(p.Type()) || p.Name() == "" || p.Name() == "_" {
					continue
				}
				t := &tracked{v: p, scope: decl, param: true}
				t.uses = c.usesOf(fi, decl.Body, p)
				if c.findLeak(fi, t, g, body) == nil {
					consumed = append(consumed, i)
				}
			}
			if len(consumed) > 0 && (!had || len(old.Params) != len(consumed)) {
				c.pass.ExportObjectFact(fn, &Consumes{Params: consumed})
				changed = true
			}
			if len(c.resources) > 0 {
				var prev Handles
				hadHandles := c.pass.ImportObjectFact(fn, &prev)
				if h := c.handlesOf(fi, decl, fn, g); !h.empty() && (!hadHandles || !h.equal(&prev)) || h.empty() && hadHandles && !prev.empty() {
					c.pass.ExportObjectFact(fn, h)
					changed = true
				}
			}
		})
		if !changed {
			return
		}
	}
}

// returnsAcquired reports whether decl returns, as a resource.ID result, an
// ID it acquired.
func (c *checker) returnsAcquired(fi *funcInfo, decl *ast.FuncDecl) bool {
	sig := c.pass.TypesInfo.Defs[decl.Name].Type().(*types.Signature)
	idResult := -1
	for i := range sig.Results().Len() {
		if isID(sig.Results().At(i).Type()) {
			idResult = i
		}
	}
	if idResult < 0 {
		return false
	}
	acquired := map[*types.Var]bool{}
	found := false
	directBody(decl.Body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if call := assignedCall(n); call != nil {
				if a := c.acquireOf(call); a != nil && a.shape == shapeID && a.result < len(n.Lhs) {
					if v := c.localVar(n.Lhs[a.result]); v != nil {
						acquired[v] = true
					}
				}
			}
		case *ast.ReturnStmt:
			if len(n.Results) != sig.Results().Len() {
				return
			}
			switch r := ast.Unparen(n.Results[idResult]).(type) {
			case *ast.CallExpr:
				if a := c.acquireOf(r); a != nil && a.shape == shapeID {
					found = true
				}
			case *ast.Ident:
				if v, ok := c.pass.TypesInfo.Uses[r].(*types.Var); ok && acquired[v] {
					found = true
				}
			}
		}
	})
	return found
}

// usesOf returns the identifiers in body, a node of fi's function, that
// use v. The uses of every variable of the function are indexed once, so
// that a function with many resources costs one walk, not one each.
func (c *checker) usesOf(fi *funcInfo, body ast.Node, v *types.Var) []*ast.Ident {
	if fi.uses == nil {
		fi.uses = map[*types.Var][]*ast.Ident{}
		ast.Inspect(fi.decl, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok {
					fi.uses[v] = append(fi.uses[v], id)
				}
			}
			return true
		})
	}
	var out []*ast.Ident
	for _, id := range fi.uses[v] {
		if id.Pos() >= body.Pos() && id.End() <= body.End() {
			out = append(out, id)
		}
	}
	return out
}

// localVar returns the local variable e names, if it is one.
func (c *checker) localVar(e ast.Expr) *types.Var {
	id, ok := e.(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	obj := c.pass.TypesInfo.Defs[id]
	if obj == nil {
		obj = c.pass.TypesInfo.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return nil
	}
	return v
}

// checkFunctions checks every acquisition in every function.
func (c *checker) checkFunctions() {
	c.eachFunc(func(fi *funcInfo, scope ast.Node, body *ast.BlockStmt, g *cfg.CFG) {
		if g == nil {
			return
		}
		directBody(body, func(n ast.Node) {
			switch n := n.(type) {
			case *ast.ExprStmt:
				if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
					if a := c.acquireOf(call); a != nil {
						c.discarded(fi, a, n) // once, whatever its obligations
					}
				}
			case *ast.AssignStmt:
				call := assignedCall(n)
				if call == nil {
					return
				}
				for _, a := range c.acquiresOf(call) {
					if a.result < len(n.Lhs) {
						c.held(fi, a, n, n.Lhs, scope, body, g)
					}
				}
			case *ast.ValueSpec:
				if len(n.Values) != 1 {
					return
				}
				call, ok := ast.Unparen(n.Values[0]).(*ast.CallExpr)
				if !ok {
					return
				}
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				for _, a := range c.acquiresOf(call) {
					if a.result < len(lhs) {
						c.held(fi, a, n, lhs, scope, body, g)
					}
				}
			}
		})
	})
}

// discarded reports an acquisition whose result is thrown away, when that
// leaks.
func (c *checker) discarded(fi *funcInfo, a *acquire, at ast.Node) {
	switch {
	case a.runtime && a.loopOnly:
		if fi.inLoop(at) {
			c.unit.Reportf(a.call, "%s is discarded inside a loop; keep the ID and release it",
				a.describe())
		}
	case a.runtime:
		c.unit.Reportf(a.call, "%s is discarded, but AutoRelease(false) leaves it to be released",
			a.describe())
	default:
		c.unit.Reportf(a.call, "%s is discarded: it can never be released", a.describe())
	}
}

// held checks an acquisition whose result is assigned.
func (c *checker) held(fi *funcInfo, a *acquire, stmt ast.Node, lhs []ast.Expr, scope ast.Node, body *ast.BlockStmt, g *cfg.CFG) {
	target := lhs[a.result]
	if isBlank(target) {
		c.discarded(fi, a, stmt)
		return
	}
	v := c.localVar(target)
	if v == nil || v.Pos() < scope.Pos() || v.Pos() >= scope.End() {
		// Stored in a field, an element, a global or a variable of an
		// enclosing function: handed off.
		return
	}
	if isMain(c.pass.Pkg, scope) {
		return // returning from main ends the program
	}
	c.acquired[v] = true
	t := &tracked{acq: a, v: v, stmt: stmt, scope: scope, namedResult: isNamedResult(c.pass.TypesInfo, scope, v), err: c.errorAssigned(lhs, a.result)}
	t.uses = c.withClosureCalls(fi, body, c.usesOf(fi, body, v))
	// Other names of the resource, whose uses count: what it wraps
	// (tc := tls.Client(conn, cfg): releasing conn releases tc), type
	// assertions of it, a timer's channel.
	if a.from != nil {
		if from := c.localVar(ast.Unparen(a.from)); from != nil && from != v && c.acquired[from] {
			t.from = from
		}
	}
	t.aliases = c.aliasesOf(fi, t)
	t.chans = c.timerChans(fi, t)
	others := slices.Concat(t.aliases, t.chans)
	if t.from != nil {
		others = append(others, t.from)
	}
	for _, o := range others {
		t.uses = inOrder(t.uses, c.usesOf(fi, body, o))
	}
	l := c.findLeak(fi, t, g, body)
	if l == nil {
		return
	}
	d := analysis.Diagnostic{Pos: a.call.Pos(), End: a.call.End()}
	what := fmt.Sprintf("%s (%s) is not released on all paths", a.describe(), v.Name())
	without := "without releasing it"
	if !a.runtime {
		// A rule's resource: name the obligation, which there may be more
		// than one of.
		what = fmt.Sprintf("%s from %s: %s is not called on all paths", v.Name(), a.source(), a.obligation(v.Name()))
		without = "without it"
	}
	switch l.kind {
	case "return":
		d.Message = what + "; this return can be reached " + without
		d.Related = []analysis.RelatedInformation{{Pos: l.at.Pos(), End: l.at.End(), Message: "returns without releasing " + v.Name()}}
	case "overwrite":
		d.Message = what + "; it is overwritten before it is released"
		d.Related = []analysis.RelatedInformation{{Pos: l.at.Pos(), End: l.at.End(), Message: v.Name() + " is overwritten here"}}
	default:
		d.Message = what + "; the end of the function can be reached " + without
		d.Related = []analysis.RelatedInformation{{Pos: l.end, Message: "the function ends without releasing " + v.Name()}}
	}
	if fix := c.deferFix(fi, t, stmt); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	c.unit.Report(d)
}

// assignedCall returns the call whose results n assigns (x, err := f()),
// or nil.
func assignedCall(n *ast.AssignStmt) *ast.CallExpr {
	if len(n.Rhs) != 1 {
		return nil
	}
	call, _ := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
	return call
}

// errorAssigned returns the local error variable among lhs, the variables
// an acquiring call assigns, but the resource's (result), or nil.
func (c *checker) errorAssigned(lhs []ast.Expr, result int) *types.Var {
	var err *types.Var
	for i, l := range lhs {
		if ev := c.localVar(l); i != result && ev != nil && types.Identical(ev.Type(), types.Universe.Lookup("error").Type()) {
			err = ev
		}
	}
	return err
}

// isMain reports whether scope is the function main of package main.
func isMain(pkg *types.Package, scope ast.Node) bool {
	fd, ok := scope.(*ast.FuncDecl)
	return ok && pkg.Name() == "main" && fd.Recv == nil && fd.Name.Name == "main"
}

// isNamedResult reports whether v is a named result of the function scope.
func isNamedResult(info *types.Info, scope ast.Node, v *types.Var) bool {
	return namedResultIndex(info, scope, v) >= 0
}

// deferFix inserts "defer <release>" after the acquisition, or after the
// error check that follows it, when that is safe: the resource is neither
// released nor handed off anywhere in the function, not even under a
// condition in a closure (so the defer cannot release it twice or release
// what someone else now owns), nothing uses it
// after the function returns (a goroutine, a callback), and the
// acquisition is not in a loop (where a defer per iteration would pile up).
func (c *checker) deferFix(fi *funcInfo, t *tracked, stmt ast.Node) *analysis.SuggestedFix {
	text := t.acq.releaseText(t.v.Name())
	if text == "" || fi.inLoop(stmt) {
		return nil
	}
	for _, u := range t.uses {
		if k := c.classifyUse(fi, t, t.scope, u); k != plain || outlives(fi, t.scope, u) {
			return nil
		}
		if lit := fi.enclosingFunc(u); lit != t.scope {
			// A closure that releases it on some paths (a deferred
			// func() { if err != nil { f.Close() } }()): a deferred
			// release would release it twice there.
			inner := &tracked{acq: t.acq, v: t.v, scope: lit, param: true, uses: []*ast.Ident{u}}
			if c.classifyUse(fi, inner, lit, u) == release {
				return nil
			}
		}
	}
	if d, ok := stmt.(*ast.ValueSpec); ok {
		stmt = fi.parents[fi.parents[d]] // the DeclStmt
	}
	block, ok := fi.parents[stmt].(*ast.BlockStmt)
	if !ok {
		return nil
	}
	after := stmt
	if t.err != nil {
		// The resource may be nil when the call fails, and a defer
		// evaluates resp.Body at once: the release goes after the error
		// check, which must come right after the call and leave the
		// function (if err != nil { return ... } and no else), or there is
		// no fix.
		after = nil
		for i, s := range block.List {
			if s == stmt && i+1 < len(block.List) {
				if ifs, ok := block.List[i+1].(*ast.IfStmt); ok && ifs.Init == nil && errorBranch(c.pass.TypesInfo, t.err, ifs.Cond) == 0 && ifs.Else == nil && leaves(ifs.Body) {
					after = ifs
				}
			}
		}
		if after == nil {
			return nil
		}
	}
	// At the start of the next line, so that a comment ending the line
	// stays where it is.
	tf := c.pass.Fset.File(after.End())
	line := tf.Line(after.End())
	if line >= tf.LineCount() {
		return nil
	}
	at := tf.LineStart(line + 1)
	return &analysis.SuggestedFix{
		Message: "Release " + t.v.Name() + " with defer",
		TextEdits: []analysis.TextEdit{{
			Pos:     at,
			End:     at,
			NewText: []byte(c.indentOf(stmt.Pos()) + "defer " + text + "\n"),
		}},
	}
}

// leaves reports whether block ends by leaving the function or the loop
// iteration: a return, a branch statement, or a call that never returns
// (panic, log.Fatal, t.Fatal).
func leaves(block *ast.BlockStmt) bool {
	if len(block.List) == 0 {
		return false
	}
	switch last := block.List[len(block.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := last.X.(*ast.CallExpr); ok {
			switch fun := ast.Unparen(call.Fun).(type) {
			case *ast.Ident:
				return fun.Name == "panic"
			case *ast.SelectorExpr:
				return strings.HasPrefix(fun.Sel.Name, "Fatal") || fun.Sel.Name == "Exit" || fun.Sel.Name == "Skip" || fun.Sel.Name == "Skipf" || fun.Sel.Name == "SkipNow" || fun.Sel.Name == "FailNow"
			}
		}
	}
	return false
}

// outlives reports whether the use u may run after its function scope
// returns, where a deferred release would already have run: in a go
// statement, or in a function literal that is neither called where it is
// nor deferred (a callback, a stored function).
func outlives(fi *funcInfo, scope ast.Node, u *ast.Ident) bool {
	for n := ast.Node(u); n != nil && n != scope; n = fi.parents[n] {
		switch n := n.(type) {
		case *ast.GoStmt:
			return true
		case *ast.FuncLit:
			call, ok := fi.parents[n].(*ast.CallExpr)
			if !ok || call.Fun != n {
				return true
			}
		}
	}
	return false
}

// indentOf returns the white space that starts the line of pos.
func (c *checker) indentOf(pos token.Pos) string {
	tf := c.pass.Fset.File(pos)
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil {
		return "\t"
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(bytes.Clone(src[start:end]))
}
