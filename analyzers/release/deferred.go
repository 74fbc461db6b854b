package release

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// guard is the condition under which a deferred closure releases a
// resource: the closure's body is if COND { ... } and releases it on every
// path through that branch. Two conditions are understood, the common
// ways of releasing only what the function does not hand on:
//
//	defer func() { if err != nil { tx.Rollback() } }()  // err a named result
//	defer func() { if closeF { f.Close() } }()          // closeF a local bool
type guard struct {
	errResult int        // the index of the named error result tested against nil; -1 for a flag
	flag      *types.Var // the local bool tested
	want      bool       // the flag's value that releases
}

// deferredGuard returns the guard of the deferred closure d that releases
// t under a condition, or nil.
func (c *checker) deferredGuard(fi *funcInfo, t *tracked, d *ast.DeferStmt) *guard {
	lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit)
	if !ok || len(d.Call.Args) != 0 || len(lit.Body.List) != 1 {
		return nil
	}
	ifs, ok := lit.Body.List[0].(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil {
		return nil
	}
	g := c.guardOf(t.scope, ifs.Cond)
	if g == nil {
		return nil
	}
	// The branch must release t on every path through it.
	inner := &tracked{acq: t.acq, v: t.v, scope: lit, param: true, from: t.from, aliases: t.aliases}
	for _, u := range t.uses {
		if u.Pos() >= ifs.Body.Pos() && u.End() <= ifs.Body.End() {
			inner.uses = append(inner.uses, u)
		}
	}
	if len(inner.uses) == 0 {
		return nil
	}
	if cg := c.cfgOf(ifs.Body); cg == nil || c.findLeak(fi, inner, cg, ifs.Body) != nil {
		return nil
	}
	return g
}

// guardOf returns the guard cond expresses in the function scope: a test
// of one of its named error results against nil, or of a local bool.
func (c *checker) guardOf(scope ast.Node, cond ast.Expr) *guard {
	info := c.pass.TypesInfo
	switch e := ast.Unparen(cond).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok && isLocalBool(v, scope) {
			return &guard{errResult: -1, flag: v, want: true}
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			if g := c.guardOf(scope, e.X); g != nil && g.flag != nil {
				g.want = !g.want
				return g
			}
		}
	case *ast.BinaryExpr:
		if e.Op != token.NEQ {
			return nil
		}
		x, y := ast.Unparen(e.X), ast.Unparen(e.Y)
		if isNilIdent(info, x) {
			x, y = y, x
		}
		id, ok := x.(*ast.Ident)
		if !ok || !isNilIdent(info, y) {
			return nil
		}
		if k := namedResultIndex(info, scope, info.Uses[id]); k >= 0 {
			return &guard{errResult: k}
		}
	}
	return nil
}

// releasesAt reports whether the deferred closure of g releases the
// resource when the function returns at ret (nil: at the end of its
// body), with flag holding value (known is false if no assignment of a
// constant to it was seen).
func (g *guard) releasesAt(info *types.Info, ret *ast.ReturnStmt, value, known bool) bool {
	if g.flag != nil {
		return known && value == g.want
	}
	if ret == nil {
		return false
	}
	if len(ret.Results) == 0 {
		return true // a naked return of the named error: as set on the way
	}
	if g.errResult >= len(ret.Results) {
		return false
	}
	return !isNilIdent(info, ast.Unparen(ret.Results[g.errResult]))
}

// guardedDefer returns the one deferred closure that releases t under a
// guard (deferredGuard), with its guard, and for a flag its value where t
// is acquired, if its declaration before that gives it one; d is nil if
// there is none.
func (c *checker) guardedDefer(fi *funcInfo, t *tracked) (d *ast.DeferStmt, g *guard, value, known bool) {
	for _, u := range t.uses {
		for n := fi.parents[u]; n != nil && n != t.scope; n = fi.parents[n] {
			if ds, ok := n.(*ast.DeferStmt); ok {
				if d == nil || d == ds {
					if gd := c.deferredGuard(fi, t, ds); gd != nil {
						d, g = ds, gd
					}
				} else if c.deferredGuard(fi, t, ds) != nil {
					return nil, nil, false, false // two: too much to follow
				}
				break
			}
		}
	}
	if g == nil || g.flag == nil {
		return d, g, false, false
	}
	value, known = c.flagBefore(fi, t, g.flag)
	return d, g, value, known
}

// releaseFlag returns a local bool that a release of t is conditioned on
// outside closures (if opened { f.Close() }), or nil.
func (c *checker) releaseFlag(fi *funcInfo, t *tracked) *types.Var {
	for _, u := range t.uses {
		if c.pass.TypesInfo.Uses[u] != t.v || fi.enclosingFunc(u) != t.scope || c.classifyUse(fi, t, t.scope, u) != release {
			continue
		}
		for n := fi.parents[u]; n != nil && n != t.scope; n = fi.parents[n] {
			if ifs, ok := n.(*ast.IfStmt); ok && u.Pos() >= ifs.Body.Pos() && u.End() <= ifs.Body.End() {
				if g := c.guardOf(t.scope, ifs.Cond); g != nil && g.flag != nil {
					return g.flag
				}
			}
		}
	}
	return nil
}

// flagBranch returns which successor of cond, a test of flag (flag or
// !flag), the path takes with flag holding value; -1 if cond is another.
func (c *checker) flagBranch(scope ast.Node, flag *types.Var, cond ast.Node, value bool) int {
	e, ok := cond.(ast.Expr)
	if !ok {
		return -1
	}
	g := c.guardOf(scope, e)
	if g == nil || g.flag != flag {
		return -1
	}
	if value == g.want {
		return 0
	}
	return 1
}

// flagBefore returns the value a constant assignment or declaration gives
// flag before t is acquired, in the blocks around the acquisition.
func (c *checker) flagBefore(fi *funcInfo, t *tracked, flag *types.Var) (value, known bool) {
	if t.stmt == nil {
		return false, false
	}
	for n := fi.parents[t.stmt]; n != nil && n != t.scope; n = fi.parents[n] {
		block, ok := n.(*ast.BlockStmt)
		if !ok {
			continue
		}
		for _, s := range block.List {
			if s.Pos() >= t.stmt.Pos() {
				break
			}
			if ds, ok := s.(*ast.DeclStmt); ok {
				if gd, ok := ds.Decl.(*ast.GenDecl); ok {
					for _, spec := range gd.Specs {
						if v, ok2 := flagValue(c.pass.TypesInfo, spec, flag); ok2 {
							value, known = v, true
						}
					}
				}
			} else if v, ok := flagValue(c.pass.TypesInfo, s, flag); ok {
				value, known = v, true
			}
		}
	}
	return value, known
}

// flagValue returns the constant n assigns to flag, if it does.
func flagValue(info *types.Info, n ast.Node, flag *types.Var) (value, ok bool) {
	var lhs, rhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		lhs, rhs = n.Lhs, n.Rhs
	case *ast.ValueSpec:
		for _, name := range n.Names {
			lhs = append(lhs, name)
		}
		rhs = n.Values
		if len(rhs) == 0 {
			for _, name := range n.Names {
				if info.Defs[name] == flag {
					return false, true // var flag bool
				}
			}
		}
	default:
		return false, false
	}
	if len(lhs) != len(rhs) {
		return false, false
	}
	for i, l := range lhs {
		id, isID := l.(*ast.Ident)
		if !isID || info.ObjectOf(id) != flag {
			continue
		}
		if tv, ok := info.Types[rhs[i]]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
			return constant.BoolVal(tv.Value), true
		}
		return false, false
	}
	return false, false
}

// isLocalBool reports whether v is a bool variable declared in scope.
func isLocalBool(v *types.Var, scope ast.Node) bool {
	b, ok := v.Type().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool && !v.IsField() && v.Pos() >= scope.Pos() && v.Pos() < scope.End()
}

// namedResultIndex returns the index of obj among the results of the
// function scope, which must be named; -1 if it is not one of them.
func namedResultIndex(info *types.Info, scope ast.Node, obj types.Object) int {
	var ft *ast.FuncType
	switch f := scope.(type) {
	case *ast.FuncDecl:
		ft = f.Type
	case *ast.FuncLit:
		ft = f.Type
	}
	if ft == nil || ft.Results == nil || obj == nil {
		return -1
	}
	i := 0
	for _, field := range ft.Results.List {
		if len(field.Names) == 0 {
			return -1
		}
		for _, name := range field.Names {
			if info.Defs[name] == obj {
				return i
			}
			i++
		}
	}
	return -1
}

func isNilIdent(info *types.Info, e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil" && info.Uses[id] == types.Universe.Lookup("nil")
}
