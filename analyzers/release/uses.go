package release

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// class is what a statement does with a resource held in a variable.
type class uint8

const (
	plain   class = iota // reads it, or nothing
	kill                 // overwrites the variable before releasing it
	handoff              // gives it to someone else: returned, stored, sent, captured
	release              // releases it
)

// tracked is a resource held in a local variable of one function.
type tracked struct {
	acq   *acquire // nil for a parameter (when computing Consumes)
	v     *types.Var
	err   *types.Var // the error assigned with it, if any
	stmt  ast.Node   // where it is acquired; nil for a parameter
	scope ast.Node   // the *ast.FuncDecl or *ast.FuncLit it belongs to
	uses  []*ast.Ident
	// from is the variable the resource was moved from (conn, for tc :=
	// tls.Client(conn, cfg)), whose release releases it too; its uses are
	// among uses.
	from *types.Var
	// aliases name the resource under another type (aliasesOf); their
	// uses are among uses.
	aliases []*types.Var
	// chans are the variables that hold a timer's C (timeout = timer.C);
	// their uses are among uses: a receive from one means the timer fired.
	chans []*types.Var
	param bool // a parameter of ID type, for the Consumes fact
	// namedResult: it is a named result of its function, which a naked
	// return hands off.
	namedResult bool
}

// shape of the resource: parameters are IDs.
func (t *tracked) shape() shape {
	if t.acq == nil {
		return shapeID
	}
	return t.acq.shape
}

// funcInfo holds what the checks of one top-level function share.
type funcInfo struct {
	decl    *ast.FuncDecl
	parents map[ast.Node]ast.Node
	uses    map[*types.Var][]*ast.Ident // every use of each variable, in source order; built on first use
}

func newFuncInfo(decl *ast.FuncDecl) *funcInfo {
	fi := &funcInfo{decl: decl, parents: map[ast.Node]ast.Node{}}
	var stack []ast.Node
	ast.Inspect(decl, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			fi.parents[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
	return fi
}

// enclosingFunc returns the innermost FuncLit or FuncDecl around n.
func (fi *funcInfo) enclosingFunc(n ast.Node) ast.Node {
	for p := fi.parents[n]; p != nil; p = fi.parents[p] {
		switch p.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return p
		}
	}
	return nil
}

// outermostLit returns, for f, a function literal inside the function
// scope, the outermost literal around f (f itself, or one that contains
// it) that is directly in scope.
func (fi *funcInfo) outermostLit(f, scope ast.Node) ast.Node {
	lit := f
	for p := fi.enclosingFunc(lit); p != scope && p != nil; p = fi.enclosingFunc(p) {
		lit = p
	}
	return lit
}

// inLoop reports whether n is inside a for or range loop of its own
// function.
func (fi *funcInfo) inLoop(n ast.Node) bool {
	for p := fi.parents[n]; p != nil; p = fi.parents[p] {
		switch p.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// classify returns what the node n does with t.
func (c *checker) classify(fi *funcInfo, t *tracked, n ast.Node) class {
	best := plain
	for _, u := range t.uses {
		if u.Pos() < n.Pos() || u.End() > n.End() {
			continue
		}
		if k := c.classifyUse(fi, t, t.scope, u); k > best {
			best = k
		}
	}
	return best
}

// classifyUse returns what the use u of t does, seen from the function
// scope.
func (c *checker) classifyUse(fi *funcInfo, t *tracked, scope ast.Node, u *ast.Ident) class {
	obj, _ := c.pass.TypesInfo.Uses[u].(*types.Var)
	alias := obj != nil && obj != t.v && slices.Contains(t.aliases, obj)
	if obj != t.v && !alias {
		if t.from != nil && c.pass.TypesInfo.Uses[u] == t.from {
			return c.sourceUse(fi, t, scope, u)
		}
		if v, ok := c.pass.TypesInfo.Uses[u].(*types.Var); ok && slices.Contains(t.chans, v) {
			if isReceive(fi, u) && !inComm(fi, u) {
				return release // the timer fired
			}
			return plain
		}
		return c.closureVarUse(fi, t, scope, u)
	}
	if f := fi.enclosingFunc(u); f != scope {
		lit := fi.outermostLit(f, scope)
		if closureVar(c.pass.TypesInfo, fi, lit.(*ast.FuncLit)) != nil {
			return plain // defined here; it releases where it is called
		}
		if as, ok := fi.parents[lit].(*ast.AssignStmt); ok && len(as.Lhs) == 1 && isBlank(as.Lhs[0]) {
			return plain // _ = func() { ... }: never called
		}
		return c.closureClass(fi, t, lit.(*ast.FuncLit))
	}
	parent := fi.parents[u]
	if as, ok := parent.(*ast.AssignStmt); ok && slices.Contains(as.Lhs, ast.Expr(u)) {
		if alias {
			return plain // the other name given something else
		}
		for _, w := range t.uses {
			if w.Pos() >= as.Rhs[0].Pos() && w.End() <= as.Rhs[len(as.Rhs)-1].End() {
				// conn = tls.Client(conn, cfg), ln = &wrapper{tl}: the
				// old value (or another name of it) goes into the new one.
				return handoff
			}
		}
		return kill
	}
	if escapes(parent, u) {
		return handoff
	}
	if e, p := asserted(fi, u); e != u {
		// The same value under another type (l.(*net.TCPListener)):
		// returned, stored, given to a function or released as it would
		// be itself. (Assigned to a variable, it is an alias: aliasesOf.)
		switch p := p.(type) {
		case *ast.ValueSpec:
		case *ast.AssignStmt:
			for i, r := range p.Rhs {
				if r != e {
					continue
				}
				target := p.Lhs[0] // l, ok := ln.(T)
				if len(p.Lhs) == len(p.Rhs) {
					target = p.Lhs[i]
				}
				if !isBlank(target) && c.localVar(target) == nil {
					return handoff // stored in a field, an element, a global
				}
			}
		case *ast.SelectorExpr:
			if t.shape() == shapeMethod && p.X == e && c.releaseCall(fi, p, t.acq.release) {
				return release
			}
		case *ast.CallExpr:
			for i, arg := range p.Args {
				if arg == e {
					return c.classifyArg(fi, t, p, i)
				}
			}
		default:
			if escapes(p, e) {
				return handoff
			}
		}
		return plain
	}
	switch p := parent.(type) {
	case *ast.SelectorExpr:
		// u.Method() or u.Field.Method(): the release method of a value
		// (or of a field of it), a method that releases its receiver, or
		// a read.
		if p.X == u && isTimerStop(t) && p.Sel.Name == "C" && isReceive(fi, p) && !inComm(fi, p) {
			return release // <-timer.C: the timer fired, there is nothing to stop
		}
		if t.shape() == shapeMethod && p.X == u {
			if c.releaseCall(fi, p, t.acq.release) {
				return release
			}
			if call, ok := fi.parents[p].(*ast.CallExpr); ok && call.Fun == p {
				if fn, ok := c.pass.TypesInfo.Uses[p.Sel].(*types.Func); ok && !isInterfaceMethod(fn) {
					if k, ok := c.handled(t, fn.Origin(), -1, fn.Type().(*types.Signature).Recv().Type()); ok {
						return k
					}
				}
			}
			return c.fieldUse(fi, t, p)
		}
	case *ast.CallExpr:
		if p.Fun == u {
			if t.shape() == shapeFunc {
				return release
			}
			return plain
		}
		for i, arg := range p.Args {
			if arg == u {
				return c.classifyArg(fi, t, p, i)
			}
		}
	}
	return plain
}

// isTimerStop reports whether t is a *time.Timer whose obligation is Stop,
// which a timer that has fired no longer needs.
func isTimerStop(t *tracked) bool {
	return t.acq != nil && t.shape() == shapeMethod && slices.Contains(alternatives(t.acq.release), "Stop") && isNamed(t.v.Type(), "time", "Timer")
}

// isReceive reports whether e is received from: <-e.
func isReceive(fi *funcInfo, e ast.Expr) bool {
	un, ok := fi.parents[e].(*ast.UnaryExpr)
	return ok && un.Op == token.ARROW && un.X == e
}

// inComm reports whether the receive from e is the communication of a
// select's case (case <-timer.C:), which go/cfg evaluates before the
// select chooses: it has happened only in that case's body (firesTimer).
func inComm(fi *funcInfo, e ast.Expr) bool {
	var n ast.Node = fi.parents[e] // the receive
	for p := fi.parents[n]; p != nil; n, p = p, fi.parents[p] {
		switch p := p.(type) {
		case *ast.ExprStmt, *ast.AssignStmt:
		case *ast.CommClause:
			return p.Comm == n
		default:
			return false
		}
	}
	return false
}

// firesTimer reports whether comm, the communication of a select's case,
// receives from t's channel: in that case's body the timer has fired.
func (c *checker) firesTimer(t *tracked, comm ast.Stmt) bool {
	if !isTimerStop(t) {
		return false
	}
	var x ast.Expr
	switch s := comm.(type) {
	case *ast.ExprStmt:
		x = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			x = s.Rhs[0]
		}
	}
	un, ok := ast.Unparen(x).(*ast.UnaryExpr)
	if !ok || un.Op != token.ARROW {
		return false
	}
	info := c.pass.TypesInfo
	switch ch := ast.Unparen(un.X).(type) {
	case *ast.SelectorExpr:
		return ch.Sel.Name == "C" && info.Uses[identOf(ch.X)] == t.v
	case *ast.Ident:
		v, ok := info.Uses[ch].(*types.Var)
		return ok && slices.Contains(t.chans, v)
	}
	return false
}

// timerChans returns the local variables that hold t's C, a timer's
// channel, and nothing else (var timeout <-chan time.Time; ... timeout =
// timer.C): receiving from one means the timer fired.
func (c *checker) timerChans(fi *funcInfo, t *tracked) []*types.Var {
	if !isTimerStop(t) {
		return nil
	}
	info := c.pass.TypesInfo
	var out []*types.Var
	for _, u := range t.uses {
		sel, ok := fi.parents[u].(*ast.SelectorExpr)
		if !ok || sel.X != u || sel.Sel.Name != "C" {
			continue
		}
		as, ok := fi.parents[sel].(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != sel {
			continue
		}
		v := c.localVar(as.Lhs[0])
		if v == nil || slices.Contains(out, v) {
			continue
		}
		only := true // every assignment to v is of t's C
		for _, w := range c.usesOf(fi, fi.decl, v) {
			if a, ok := fi.parents[w].(*ast.AssignStmt); ok && slices.Contains(a.Lhs, ast.Expr(w)) {
				r, ok := a.Rhs[0].(*ast.SelectorExpr)
				if len(a.Rhs) != 1 || !ok || r.Sel.Name != "C" || info.Uses[identOf(r.X)] != t.v {
					only = false
				}
			}
		}
		if only {
			out = append(out, v)
		}
	}
	return out
}

// identOf returns e as an identifier, or nil.
func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// asserted returns the expression that holds the value of u, climbing
// through parentheses and type assertions of it (u.(*net.TCPListener)),
// and that expression's parent node.
func asserted(fi *funcInfo, u ast.Expr) (ast.Expr, ast.Node) {
	e, p := u, fi.parents[u]
	for {
		switch q := p.(type) {
		case *ast.ParenExpr:
		case *ast.TypeAssertExpr:
			if q.X != e || q.Type == nil {
				return e, p // x.(type) of a type switch
			}
		default:
			return e, p
		}
		e, p = p.(ast.Expr), fi.parents[p]
	}
}

// aliasesOf returns the local variables that a type assertion of t.v
// assigns (tl, ok := ln.(*net.TCPListener), or tl := ln.(T)): the
// resource under another name, whose uses are uses of it (returned,
// stored, released), but whose reassignment loses nothing.
func (c *checker) aliasesOf(fi *funcInfo, t *tracked) []*types.Var {
	info := c.pass.TypesInfo
	var out []*types.Var
	for _, w := range t.uses {
		ta, ok := fi.parents[w].(*ast.TypeAssertExpr)
		if !ok || ta.X != w || ta.Type == nil || info.Uses[w] != t.v {
			continue
		}
		var alias *types.Var
		switch p := fi.parents[ta].(type) {
		case *ast.AssignStmt:
			if len(p.Rhs) == 1 && p.Rhs[0] == ta {
				alias = c.localVar(p.Lhs[0])
			}
		case *ast.ValueSpec:
			if len(p.Values) == 1 && p.Values[0] == ta {
				alias, _ = info.Defs[p.Names[0]].(*types.Var)
			}
		}
		if alias != nil && alias != t.v && !slices.Contains(out, alias) && !c.reassigned(fi, alias) {
			out = append(out, alias)
		}
	}
	return out
}

// reassigned reports whether v, a local variable, is assigned anywhere
// but where it is declared (tc = other).
func (c *checker) reassigned(fi *funcInfo, v *types.Var) bool {
	for _, w := range c.usesOf(fi, fi.decl, v) {
		if as, ok := fi.parents[w].(*ast.AssignStmt); ok && slices.Contains(as.Lhs, ast.Expr(w)) {
			return true
		}
	}
	return false
}

// sourceUse returns what the use u of t.from, the resource t was moved
// from, does to t: releasing it (conn.Close(), here or in a closure that
// does on all its paths) releases t; anything else leaves t as it is.
func (c *checker) sourceUse(fi *funcInfo, t *tracked, scope ast.Node, u *ast.Ident) class {
	if f := fi.enclosingFunc(u); f != scope {
		if l, ok := fi.outermostLit(f, scope).(*ast.FuncLit); ok && closureVar(c.pass.TypesInfo, fi, l) == nil && c.closureClass(fi, t, l) == release {
			return release
		}
		return plain
	}
	if sel, ok := fi.parents[u].(*ast.SelectorExpr); ok && sel.X == u && c.releaseCall(fi, sel, t.acq.fromRelease) {
		return release
	}
	return plain
}

// closureVar returns the local variable that lit is assigned to where it
// is defined (done := func() { resp.Body.Close() }), or nil.
func closureVar(info *types.Info, fi *funcInfo, lit *ast.FuncLit) *types.Var {
	switch p := fi.parents[lit].(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			if id, ok := p.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
				v, _ := info.ObjectOf(id).(*types.Var)
				return v
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 {
			v, _ := info.Defs[p.Names[0]].(*types.Var)
			return v
		}
	}
	return nil
}

// withClosureCalls adds to uses, the uses of a resource in body, the uses
// of the variables its closures are assigned to, in source order: calling
// done() releases what done's body releases.
func (c *checker) withClosureCalls(fi *funcInfo, body ast.Node, uses []*ast.Ident) []*ast.Ident {
	var more []*ast.Ident
	seen := map[*types.Var]bool{}
	for _, u := range uses {
		for f := fi.enclosingFunc(u); f != nil; f = fi.enclosingFunc(f) {
			lit, ok := f.(*ast.FuncLit)
			if !ok {
				break
			}
			if v := closureVar(c.pass.TypesInfo, fi, lit); v != nil && !seen[v] {
				seen[v] = true
				more = append(more, c.usesOf(fi, body, v)...)
			}
		}
	}
	return inOrder(uses, more)
}

// inOrder returns the identifiers of uses and more in one slice, in
// source order, leaving uses as it is.
func inOrder(uses, more []*ast.Ident) []*ast.Ident {
	if len(more) == 0 {
		return uses
	}
	all := append(slices.Clip(uses), more...)
	slices.SortFunc(all, func(a, b *ast.Ident) int { return int(a.Pos() - b.Pos()) })
	return all
}

// closureVarUse returns what the use u of a variable holding a closure
// over t does: calling it (done(), defer done(), go done()) does what the
// closure's body does; giving it away hands t off; anything else is a
// read.
func (c *checker) closureVarUse(fi *funcInfo, t *tracked, scope ast.Node, u *ast.Ident) class {
	v, _ := c.pass.TypesInfo.Uses[u].(*types.Var)
	if v == nil || fi.enclosingFunc(u) != scope {
		return plain
	}
	var lit *ast.FuncLit
	for _, id := range t.uses {
		if c.pass.TypesInfo.Uses[id] != t.v {
			continue
		}
		for f := fi.enclosingFunc(id); f != nil; f = fi.enclosingFunc(f) {
			l, ok := f.(*ast.FuncLit)
			if !ok {
				break
			}
			if closureVar(c.pass.TypesInfo, fi, l) == v {
				lit = l
			}
		}
	}
	if lit == nil {
		return plain
	}
	switch p := fi.parents[u].(type) {
	case *ast.CallExpr:
		if p.Fun == u {
			return c.closureClass(fi, t, lit)
		}
		for i, arg := range p.Args {
			if arg == u && c.registersRelease(p, i) {
				return c.closureClass(fi, t, lit)
			}
		}
		return handoff
	}
	if escapes(fi.parents[u], u) {
		return handoff
	}
	return plain
}

// escapes reports whether e, whose parent node is parent, gives its value
// away: returned, put in a composite literal, sent, its address taken, or
// assigned to anything but _.
func escapes(parent ast.Node, e ast.Expr) bool {
	switch p := parent.(type) {
	case *ast.ReturnStmt, *ast.CompositeLit, *ast.KeyValueExpr:
		return true
	case *ast.SendStmt:
		return p.Value == e
	case *ast.UnaryExpr:
		return p.Op == token.AND
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r == e && (len(p.Lhs) != len(p.Rhs) || !isBlank(p.Lhs[i])) {
				return true
			}
		}
	case *ast.ValueSpec:
		return slices.Contains(p.Values, e)
	}
	return false
}

// fieldUse returns what is done with sel, a field of t on the path to its
// release method (resp.Body, for Body.Close), other than calling the
// method: the field is the resource, as far as its release goes. Returned,
// stored or assigned, it is handed off (body := resp.Body, return
// resp.Body); given to a function, it is what that function does with it
// (closeBody(resp.Body) with a func(io.Closer) closes it); read, it is a
// read.
func (c *checker) fieldUse(fi *funcInfo, t *tracked, sel *ast.SelectorExpr) class {
	field, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
	if !ok || !field.IsField() {
		return plain
	}
	var rest []string
	for _, alt := range alternatives(t.acq.release) {
		if first, after, ok := strings.Cut(alt, "."); ok && first == sel.Sel.Name {
			rest = append(rest, after)
		}
	}
	if len(rest) == 0 {
		return plain
	}
	if escapes(fi.parents[sel], sel) {
		return handoff
	}
	if p, ok := fi.parents[sel].(*ast.CallExpr); ok {
		for i, arg := range p.Args {
			if arg == sel {
				inner := &tracked{acq: &acquire{shape: shapeMethod, release: strings.Join(rest, "|")}, v: field, scope: t.scope}
				return c.classifyArg(fi, inner, p, i)
			}
		}
	}
	return plain
}

// releaseCall reports whether sel, a selector on the resource, starts the
// call of its release method, reached through the field path release
// gives ("Close", "Body.Close"), or the method value of it given to a
// function that registers it to run later (t.Cleanup(f.Close)).
func (c *checker) releaseCall(fi *funcInfo, sel *ast.SelectorExpr, release string) bool {
	for _, alt := range alternatives(release) {
		if c.releaseCallOf(fi, sel, alt) {
			return true
		}
	}
	return false
}

// releaseCallOf is releaseCall for one alternative.
func (c *checker) releaseCallOf(fi *funcInfo, sel *ast.SelectorExpr, release string) bool {
	elems := strings.Split(release, ".")
	var n ast.Node = sel
	for i, name := range elems {
		s, ok := n.(*ast.SelectorExpr)
		if !ok || s.Sel.Name != name {
			return false
		}
		if i < len(elems)-1 {
			n = fi.parents[s]
		}
	}
	call, ok := fi.parents[n].(*ast.CallExpr)
	if !ok {
		return false
	}
	if call.Fun == n {
		return true
	}
	for i, arg := range call.Args {
		if arg == n {
			return c.registersRelease(call, i)
		}
	}
	return false
}

// closureClass returns what a function literal that captures t does with
// it, seen from where the literal is: it releases t if it releases (or
// hands off) t on every path through its own body; it hands t off if it
// hands it off or assigns the variable somewhere; otherwise, reading t or
// releasing it only on some paths, it leaves t to its function, which must
// still release it (and is reported if it does not).
func (c *checker) closureClass(fi *funcInfo, t *tracked, lit *ast.FuncLit) class {
	inner := &tracked{acq: t.acq, v: t.v, scope: lit, param: true, from: t.from, aliases: t.aliases}
	for _, w := range t.uses {
		if w.Pos() >= lit.Pos() && w.End() <= lit.End() {
			inner.uses = append(inner.uses, w)
		}
	}
	if g := c.cfgOf(lit.Body); g != nil && c.findLeak(fi, inner, g, lit.Body) == nil {
		return release
	}
	for _, w := range inner.uses {
		if fi.enclosingFunc(w) != lit {
			continue // in a literal inside it: findLeak looked
		}
		if k := c.classifyUse(fi, inner, lit, w); k == handoff || k == kill {
			return handoff
		}
	}
	return plain
}

// registersRelease reports whether argument i of call registers a function
// to run later, when its caller is done: t.Cleanup(f) (on a *testing.T, B,
// F or testing.TB), context.AfterFunc(ctx, f).
func (c *checker) registersRelease(call *ast.CallExpr, i int) bool {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch path := fn.Pkg().Path(); {
	case path == "testing" && fn.Name() == "Cleanup" && fn.Type().(*types.Signature).Recv() != nil:
		return i == 0
	case path == "context" && fn.Name() == "AfterFunc":
		return i == 1
	}
	return false
}

// classifyArg returns what passing t as argument i of call does.
func (c *checker) classifyArg(fi *funcInfo, t *tracked, call *ast.CallExpr, i int) class {
	info := c.pass.TypesInfo
	callee := typeutil.Callee(info, call)
	if b, ok := callee.(*types.Builtin); ok {
		if b.Name() == "append" && i > 0 {
			return handoff
		}
		return plain
	}
	fn, _ := callee.(*types.Func)
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok && t.acq != nil {
		return c.literalArg(fi, t, lit, i)
	}
	if fn == nil {
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			return handoff // a conversion keeps the value
		}
		return handoff // a function value: unknown
	}
	fn = fn.Origin()
	if c.isRelease(t, call, fn, i) || t.shape() == shapeFunc && c.registersRelease(call, i) {
		return release
	}
	var fact Consumes
	if c.pass.ImportObjectFact(fn, &fact) && fact.has(i) {
		return release
	}
	sig := fn.Type().(*types.Signature)
	if isInterfaceMethod(fn) {
		return handoff // implementation unknown
	}
	if elementParam(sig, i) {
		return handoff // put in a generic container: cache.Add(key, conn)
	}
	param := paramType(sig, i)
	if param == nil {
		return handoff
	}
	if t.shape() != shapeID && (!sig.Variadic() || i < sig.Params().Len()-1) {
		if k, ok := c.handled(t, fn, i, param); ok {
			return k
		}
	}
	var h Handles
	if c.pass.ImportObjectFact(fn, &h) && h.keepsAny(i) {
		return handoff // kept beyond the call (pprof.StartCPUProfile(f)), or by the receiver (resp.SetBodyStream(f))
	}
	if iface, ok := param.Underlying().(*types.Interface); ok {
		if t.shape() == shapeMethod {
			// Passed as an interface that can release it (io.Closer): taken
			// over; as one that cannot (io.Reader): only read.
			for _, alt := range alternatives(t.acq.release) {
				if hasMethod(iface, alt) {
					return handoff
				}
			}
			return plain
		}
		if fn.Pkg() != nil && readOnlyPackages[fn.Pkg().Path()] {
			return plain
		}
		return handoff
	}
	// A parameter of the resource's own type. For an ID, the callee was
	// analyzed, and a fact would say if it took a runtime ID over; an ID
	// of a rule is a value that goes back to its release method. A value
	// with a release method (a file, a span) has no such facts: the
	// callee may keep it (bio's NewReader(f) wraps the file it is given),
	// so it is handed off.
	if t.shape() != shapeID {
		return handoff
	}
	return plain
}

// literalArg returns what the function literal lit, called on the spot
// (func(b io.ReadCloser) { ... }(resp.Body)), does with t given as its
// argument i: what its body does with the parameter.
func (c *checker) literalArg(fi *funcInfo, t *tracked, lit *ast.FuncLit, i int) class {
	var param *types.Var
	n := 0
	for _, field := range lit.Type.Params.List {
		for _, name := range field.Names {
			if n == i {
				param, _ = c.pass.TypesInfo.Defs[name].(*types.Var)
			}
			n++
		}
		if len(field.Names) == 0 {
			n++
		}
	}
	if param == nil || param.Name() == "_" {
		return plain // unnamed: unused
	}
	if sig, ok := c.pass.TypesInfo.TypeOf(lit).(*types.Signature); ok && sig.Variadic() && i >= sig.Params().Len()-1 {
		return handoff // in a slice
	}
	inner := &tracked{acq: t.acq, v: param, scope: lit, param: true, uses: c.usesOf(fi, lit.Body, param)}
	g := c.cfgOf(lit.Body)
	if g != nil && c.findLeak(fi, inner, g, lit.Body) == nil && c.touches(fi, inner) {
		return release
	}
	if c.touches(fi, inner) {
		return handoff
	}
	return plain
}

// handled returns what fn does with t given as its parameter i (-1: the
// receiver), of type param, as its Handles fact says: releases it, keeps
// it (on some path, or by storing it in its result, which the caller must
// release instead), or, when fn's facts were computed for t's obligation
// and there is none, only reads it. ok is false when no fact can tell.
func (c *checker) handled(t *tracked, fn *types.Func, i int, param types.Type) (k class, ok bool) {
	want := t.acq.release
	if t.shape() == shapeFunc {
		want = ""
	}
	var h Handles
	if c.pass.ImportObjectFact(fn, &h) {
		released, kept, move := h.param(i, want)
		switch {
		case released:
			return release, true
		case i >= 0 && (kept || move != nil || h.keepsAny(i)):
			// (Kept as any value of its interface type too: a net.Listener
			// given to go m.accept(ln). A method that releases its
			// receiver on some paths only is part of the resource's own
			// API, as Next of an *sql.Rows, which closes the rows at their
			// end: no hand-off.)
			return handoff, true
		}
	}
	if fn.Pkg() == nil || !types.Identical(types.Unalias(param), types.Unalias(t.v.Type())) {
		return plain, false
	}
	for _, o := range c.obligationsOf(param) {
		if o.release == want && c.factsTrusted(fn.Pkg(), o) {
			return plain, true
		}
	}
	return plain, false
}

// isRelease reports whether calling fn with t as argument i releases it.
func (c *checker) isRelease(t *tracked, call *ast.CallExpr, fn *types.Func, i int) bool {
	if t.shape() != shapeID || i != 0 {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return false
	}
	if t.acq == nil || t.acq.runtime {
		return fn.Name() == "Release" && (isNamed(sig.Recv().Type(), coordPath, "Coordinator") || isNamed(sig.Recv().Type(), coordPath, "Workers"))
	}
	if !slices.Contains(alternatives(t.acq.release), fn.Name()) {
		return false
	}
	if !t.acq.sameRecv {
		return true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && types.ExprString(sel.X) == types.ExprString(t.acq.recv)
}

// elementParam reports whether parameter i of sig, a method of a generic
// type, has one of the type's type parameters as its type: the element of
// a container (lru.Cache[K, V].Add(key K, value V)), which such a method
// keeps, however deep it stores it.
func elementParam(sig *types.Signature, i int) bool {
	tp, ok := paramType(sig, i).(*types.TypeParam)
	if !ok || sig.RecvTypeParams() == nil {
		return false
	}
	for j := range sig.RecvTypeParams().Len() {
		if sig.RecvTypeParams().At(j) == tp {
			return true
		}
	}
	return false
}

// readOnlyPackages only read the values given to them as interfaces
// (printing, logging, errors, test output).
var readOnlyPackages = map[string]bool{
	"fmt": true, "log": true, "log/slog": true, "errors": true, "testing": true,
	"strings": true, "strconv": true,
}

func isInterfaceMethod(fn *types.Func) bool {
	recv := fn.Type().(*types.Signature).Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

func hasMethod(iface *types.Interface, name string) bool {
	for i := range iface.NumMethods() {
		if iface.Method(i).Name() == name {
			return true
		}
	}
	return false
}

// paramType returns the type of parameter i, the element type for
// variadic ones.
func paramType(sig *types.Signature, i int) types.Type {
	params := sig.Params()
	if sig.Variadic() && i >= params.Len()-1 {
		return params.At(params.Len() - 1).Type().(*types.Slice).Elem()
	}
	if i >= params.Len() {
		return nil
	}
	return params.At(i).Type()
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}
