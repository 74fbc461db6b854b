package release

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// leak is a path out of a function on which a resource is not released.
type leak struct {
	at   ast.Node  // the return, or the statement that overwrites it; nil: the end of the function
	end  token.Pos // where the path leaves the function
	kind string    // "return", "end", "overwrite"
}

// findLeak searches g for a path from the acquisition of t (or from the
// entry, for a parameter) that leaves the function without releasing or
// handing off t. It returns nil if there is none.
func (c *checker) findLeak(fi *funcInfo, t *tracked, g *cfg.CFG, body *ast.BlockStmt) *leak {
	classes := map[ast.Node]class{}
	classOf := func(n ast.Node) class {
		k, ok := classes[n]
		if !ok {
			k = c.classify(fi, t, n)
			classes[n] = k
		}
		return k
	}

	start, index := g.Blocks[0], 0
	if t.stmt != nil {
		start, index = c.findNode(g, t.stmt)
		if start == nil {
			return nil // not in the graph (dead code)
		}
		index++
		if c.releasedByEarlierDefer(fi, g, t, classOf) {
			return nil
		}
	}
	firstCond := t.err != nil
	if exit := c.iterationEnd(g, t); exit != nil {
		// An obligation due after iterating (rows.Err) starts where the
		// loop over the rows ends, not where they were acquired: a path
		// that leaves earlier never iterated to the end.
		start, index, firstCond = exit, 0, false
	}

	// A deferred closure that releases t under a condition (if err !=
	// nil, if closeF) releases it on the paths that return with the
	// condition true: the state of a path says whether it has passed the
	// defer, and the flag's value on it.
	guarded, gd, flagValue0, flagKnown0 := c.guardedDefer(fi, t)
	flag := (*types.Var)(nil)
	if gd != nil {
		flag = gd.flag
	} else if flag = c.releaseFlag(fi, t); flag != nil {
		// Released under a flag set where it is acquired (opened := false;
		// if ... { f, err = os.Open(p); opened = true }; if opened { f.Close() }):
		// the path follows the flag's value through its tests.
		flagValue0, flagKnown0 = c.flagBefore(fi, t, flag)
	}
	type state struct {
		deferred     bool
		value, known bool
	}
	type seenKey struct {
		b  *cfg.Block
		st state
	}
	seen := map[seenKey]bool{}
	var visit func(b *cfg.Block, from int, firstCond bool, st state) *leak
	visit = func(b *cfg.Block, from int, firstCond bool, st state) *leak {
		if cc, ok := b.Stmt.(*ast.CommClause); ok && b.Kind == cfg.KindSelectCaseBody && c.firesTimer(t, cc.Comm) {
			return nil // case <-timer.C: fired
		}
		for _, n := range b.Nodes[from:] {
			if firstCond && assigns(c.pass.TypesInfo, n, t.err) {
				firstCond = false // a later test of err is of another error
			}
			if gd != nil && n == guarded {
				st.deferred = true
			}
			if flag != nil {
				if v, ok := flagValue(c.pass.TypesInfo, n, flag); ok {
					st.value, st.known = v, true
				} else if assigns(c.pass.TypesInfo, n, flag) {
					st.known = false
				}
			}
			if n == t.stmt {
				// Around a loop, back to the acquisition: the resource of
				// the previous iteration is overwritten.
				return &leak{at: n, end: n.Pos(), kind: "overwrite"}
			}
			switch classOf(n) {
			case release, handoff:
				return nil
			case kill:
				return &leak{at: n, end: n.Pos(), kind: "overwrite"}
			}
		}
		if len(b.Succs) == 0 {
			// go/cfg ends every path that leaves the function with a
			// return (a synthesized one at the closing brace); a block
			// without one ends a path that never leaves: panic, os.Exit,
			// log.Fatal, a select that blocks forever.
			ret := b.Return()
			switch {
			case ret == nil:
				return nil
			case st.deferred && gd.releasesAt(c.pass.TypesInfo, ret, st.value, st.known):
				return nil // the guarded deferred closure releases it here
			case ret.Pos() >= body.Rbrace:
				return &leak{end: body.Rbrace, kind: "end"}
			case len(ret.Results) == 0 && t.namedResult:
				return nil // a naked return hands off the named results
			}
			return &leak{at: ret, end: ret.Pos(), kind: "return"}
		}
		succs := b.Succs
		if b.Kind == cfg.KindRangeLoop && len(succs) == 2 && neverEnds(c.pass.TypesInfo, b.Stmt) {
			succs = succs[:1] // no way out of the loop but its body's
		}
		errorTest := false // the condition tests the acquisition's error
		if len(succs) == 2 && len(b.Nodes) > 0 {
			cond := b.Nodes[len(b.Nodes)-1]
			skip := absentBranch(c.pass.TypesInfo, t.v, releaseFields(t), cond)
			if skip < 0 && firstCond {
				skip = errorBranch(c.pass.TypesInfo, t.err, cond)
				if skip < 0 && len(b.Nodes) >= 2 && assertsError(c.pass.TypesInfo, t.err, b.Nodes[len(b.Nodes)-2], cond) {
					skip = 0
				}
				errorTest = skip >= 0
			}
			if skip < 0 && flag != nil && st.known {
				if k := c.flagBranch(t.scope, flag, cond, st.value); k >= 0 {
					skip = 1 - k // the flag's value decides
				}
			}
			if skip >= 0 {
				succs = []*cfg.Block{succs[1-skip]}
			} else if c.closesAtEnd(t, cond) {
				succs = succs[:1] // the loop's end closes it: only its body goes on
			}
		}
		if len(b.Succs) == 2 {
			// The tests of the error right after the acquisition
			// (if os.IsExist(err) { continue }; if err != nil { ... })
			// each have an error branch; after anything else, the
			// error may have been reassigned.
			firstCond = firstCond && errorTest
		}
		for _, s := range succs {
			if seen[seenKey{s, st}] || !s.Live {
				continue
			}
			seen[seenKey{s, st}] = true
			if l := visit(s, 0, firstCond, st); l != nil {
				return l
			}
		}
		return nil
	}
	return visit(start, index, firstCond, state{value: flagValue0, known: flagKnown0})
}

// iterationEnd returns, for t's obligation Err on rows (closesAtLastNext), the block
// where its for rows.Next() loop ends (nil if it has none, or t's
// obligation is another): database/sql's rows.Err reports what ended the
// iteration, so it is due after the loop.
func (c *checker) iterationEnd(g *cfg.CFG, t *tracked) *cfg.Block {
	if t.acq == nil || t.shape() != shapeMethod || !slices.Contains(alternatives(t.acq.release), "Err") || !closesAtLastNext(t.v.Type()) {
		return nil
	}
	for _, b := range g.Blocks {
		if !b.Live || len(b.Succs) != 2 || len(b.Nodes) == 0 {
			continue
		}
		if c.isNextCall(t, b.Nodes[len(b.Nodes)-1]) {
			return b.Succs[1]
		}
	}
	return nil
}

// releasedByEarlierDefer reports whether a deferred release of t runs on
// every path to its acquisition (a defer placed before it).
// Only the defer statements that use t, found from its uses, are looked
// at.
func (c *checker) releasedByEarlierDefer(fi *funcInfo, g *cfg.CFG, t *tracked, classOf func(ast.Node) class) bool {
	var defers []ast.Node
	for _, u := range t.uses {
		if u.Pos() >= t.stmt.Pos() {
			break // uses are in source order
		}
		for n := fi.parents[u]; n != nil && n != t.scope; n = fi.parents[n] {
			if d, ok := n.(*ast.DeferStmt); ok {
				if classOf(d) == release && !slices.Contains(defers, ast.Node(d)) {
					defers = append(defers, d)
				}
				break
			}
		}
	}
	if len(defers) == 0 {
		return false
	}
	// Is the acquisition reachable from the entry without passing one?
	seen := map[*cfg.Block]bool{}
	var reach func(b *cfg.Block) bool
	reach = func(b *cfg.Block) bool {
		if seen[b] {
			return false
		}
		seen[b] = true
		for _, n := range b.Nodes {
			for _, d := range defers {
				if n == d {
					return false
				}
			}
			if n == t.stmt {
				return true
			}
		}
		for _, s := range b.Succs {
			if reach(s) {
				return true
			}
		}
		return false
	}
	return !reach(g.Blocks[0])
}

// findNode returns the live block of g holding n and n's index in it (nil
// if there is none), from an index of g's nodes built on first use.
func (c *checker) findNode(g *cfg.CFG, n ast.Node) (*cfg.Block, int) {
	index, ok := c.nodes[g]
	if !ok {
		index = map[ast.Node]nodeAt{}
		for _, b := range g.Blocks {
			if !b.Live {
				continue
			}
			for i, m := range b.Nodes {
				if _, dup := index[m]; !dup {
					index[m] = nodeAt{b, i}
				}
			}
		}
		c.nodes[g] = index
	}
	at := index[n]
	return at.block, at.index
}

// nodeAt is where a node is in a control-flow graph.
type nodeAt struct {
	block *cfg.Block
	index int
}

// absentBranch returns which successor of a condition is the branch where
// the resource in v is known not to be there, or -1: 0 for v.IsZero(),
// v == nil, v == T{}, and v.F == nil for a field F of fields, on the path
// to its release; 1 for their negations. Nothing acquired, nothing
// to release.
func absentBranch(info *types.Info, v *types.Var, fields []string, cond ast.Node) int {
	isV := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if sel, ok := e.(*ast.SelectorExpr); ok && slices.Contains(fields, sel.Sel.Name) {
			e = ast.Unparen(sel.X) // resp.Body == nil: no body to close
		}
		id, ok := e.(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	isEmpty := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return e.Name == "nil" && info.Uses[e] == types.Universe.Lookup("nil")
		case *ast.CompositeLit:
			return len(e.Elts) == 0
		}
		return false
	}
	x, ok := cond.(ast.Expr) // a select's communication is a statement
	if !ok {
		return -1
	}
	switch e := ast.Unparen(x).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			if k := absentBranch(info, v, fields, e.X); k >= 0 {
				return 1 - k
			}
		}
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "IsZero" && len(e.Args) == 0 && isV(sel.X) {
			return 0
		}
	case *ast.BinaryExpr:
		if (e.Op == token.EQL || e.Op == token.NEQ) && (isV(e.X) && isEmpty(e.Y) || isEmpty(e.X) && isV(e.Y)) {
			if e.Op == token.EQL {
				return 0
			}
			return 1
		}
	}
	return -1
}

// releaseFields returns the fields that start the paths to t's release
// methods ("Body" for Body.Close).
func releaseFields(t *tracked) []string {
	if t.acq == nil || t.shape() != shapeMethod {
		return nil
	}
	var out []string
	for _, alt := range alternatives(t.acq.release) {
		if first, _, ok := strings.Cut(alt, "."); ok {
			out = append(out, first)
		}
	}
	return out
}

// errorBranch returns which successor of a condition is the error branch
// of err (0: if err != nil, 1: if err == nil), or -1 if the condition is
// not a test of err against nil.
func errorBranch(info *types.Info, err *types.Var, cond ast.Node) int {
	if _, ok := cond.(ast.Expr); !ok {
		return -1
	}
	if err == nil {
		return -1
	}
	isErr := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == err
	}
	if not, ok := ast.Unparen(cond.(ast.Expr)).(*ast.UnaryExpr); ok && not.Op == token.NOT {
		if b := errorBranch(info, err, not.X); b >= 0 {
			return 1 - b
		}
		return -1
	}
	if call, ok := ast.Unparen(cond.(ast.Expr)).(*ast.CallExpr); ok && len(call.Args) > 0 && isErr(call.Args[0]) {
		if fn, _ := typeutil.Callee(info, call).(*types.Func); fn != nil && fn.Pkg() != nil && nilIsFalse[fn.Pkg().Path()+"."+fn.Name()] {
			return 0 // true only for an error: the acquisition failed
		}
		return -1
	}
	bin, ok := ast.Unparen(cond.(ast.Expr)).(*ast.BinaryExpr)
	if ok && bin.Op == token.LAND {
		// err != nil && more: true only for an error.
		if errorBranch(info, err, bin.X) == 0 || errorBranch(info, err, bin.Y) == 0 {
			return 0
		}
		return -1
	}
	if !ok || (bin.Op != token.NEQ && bin.Op != token.EQL) {
		return -1
	}
	isNil := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && id.Name == "nil" && info.Uses[id] == types.Universe.Lookup("nil")
	}
	if !(isErr(bin.X) && isNil(bin.Y) || isNil(bin.X) && isErr(bin.Y)) {
		return -1
	}
	if bin.Op == token.NEQ {
		return 0
	}
	return 1
}

// assertsError reports whether cond is the ok of n, a type assertion of
// err just before it (if e, ok := err.(*Error); ok { ... }): a nil error
// fails every assertion, so the true branch is one where the acquisition
// failed.
func assertsError(info *types.Info, err *types.Var, n ast.Node, cond ast.Node) bool {
	as, ok := n.(*ast.AssignStmt)
	id, isIdent := cond.(*ast.Ident)
	if !ok || !isIdent || err == nil || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return false
	}
	ta, ok := ast.Unparen(as.Rhs[0]).(*ast.TypeAssertExpr)
	if !ok || ta.Type == nil || info.Uses[identOf(ta.X)] != err {
		return false
	}
	okID := identOf(as.Lhs[1])
	return okID != nil && okID.Name != "_" && info.ObjectOf(okID) == info.Uses[id]
}

// nilIsFalse are the predicates on an error that are false for nil: their
// true branch is one where the acquisition failed (os.IsNotExist(err)).
var nilIsFalse = map[string]bool{
	"os.IsNotExist": true, "os.IsExist": true, "os.IsPermission": true, "os.IsTimeout": true,
	"errors.Is": true, "errors.As": true,
}

// assigns reports whether n is an assignment to v.
func assigns(info *types.Info, n ast.Node, v *types.Var) bool {
	as, ok := n.(*ast.AssignStmt)
	if !ok || v == nil {
		return false
	}
	for _, l := range as.Lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && (info.Uses[id] == v || info.Defs[id] == v) {
			return true
		}
	}
	return false
}

// closesAtEnd reports whether cond is the condition of a for loop over
// rows.Next() for t, an *sql.Rows whose obligation is Close: database/sql
// closes the rows when Next returns false, so leaving the loop that way
// releases them (a break or return inside the loop does not).
func (c *checker) closesAtEnd(t *tracked, cond ast.Node) bool {
	if t.acq == nil || t.shape() != shapeMethod || !slices.Contains(alternatives(t.acq.release), "Close") || !closesAtLastNext(t.v.Type()) {
		return false
	}
	return c.isNextCall(t, cond)
}

// closesAtLastNext reports whether t is a type of rows whose Next closes
// them when it returns false: database/sql's *Rows, a struct that embeds
// it (sqlx's *Rows), and pgx's Rows.
func closesAtLastNext(t types.Type) bool {
	if isNamed(t, "database/sql", "Rows") || isNamed(t, "github.com/jackc/pgx/v5", "Rows") {
		return true
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if f.Embedded() && isNamed(f.Type(), "database/sql", "Rows") {
			return true
		}
	}
	return false
}

// isNextCall reports whether cond is t.Next().
func (c *checker) isNextCall(t *tracked, cond ast.Node) bool {
	call, ok := cond.(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Next" {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && c.pass.TypesInfo.Uses[id] == t.v
}

// neverEnds reports whether stmt is a range over a channel that is never
// closed: a time.Ticker's or time.Timer's C, or time.Tick's result.
func neverEnds(info *types.Info, stmt ast.Stmt) bool {
	rs, ok := stmt.(*ast.RangeStmt)
	if !ok {
		return false
	}
	switch x := ast.Unparen(rs.X).(type) {
	case *ast.SelectorExpr:
		t := info.TypeOf(x.X)
		return x.Sel.Name == "C" && t != nil && (isNamed(t, "time", "Ticker") || isNamed(t, "time", "Timer"))
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "time" && fn.Name() == "Tick"
	}
	return false
}
