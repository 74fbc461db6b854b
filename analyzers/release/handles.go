package release

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/rescoord/rescoord/analyzers/internal/runtimeapi"
)

// Handles is the fact of what a function does with the resources of rules
// (a file, a response body, a span) among its parameters and results. Each
// entry names one obligation: an *sql.Rows that must be closed and have
// its Err checked can be closed by a helper that leaves Err to its caller.
type Handles struct {
	// Releases lists the parameters the function releases, or keeps, on
	// every path: the caller's obligation ends at the call.
	Releases []Obligation
	// Keeps lists the parameters it releases or keeps on some paths
	// only: as far as a caller can tell, the function took them over.
	Keeps []Obligation
	// Moves lists the parameters it stores in a result, which callers
	// must release instead.
	Moves []Move
	// Returns lists the results that hold a resource it acquired: its
	// callers own them, as if they had acquired them.
	Returns []Obligation
}

// Obligation is one obligation of a parameter or result of a function.
type Obligation struct {
	// Index is the parameter's or result's; -1 for the receiver.
	Index int
	// Release is the call that discharges it, as a rule writes it
	// ("Close", "Body.Close", "Commit|Rollback"), "" for a function that
	// must be called.
	Release string
}

// Move is a parameter the function stores in one of its results.
type Move struct {
	Param   int    // the parameter
	Release string // its obligation, as in Obligation
	Result  int    // the result that holds it
	By      string // the result's method that releases it
}

// AFact marks Handles as an analysis fact.
func (*Handles) AFact() {}

func (h *Handles) String() string {
	var parts []string
	list := func(name string, obs []Obligation) {
		if len(obs) == 0 {
			return
		}
		s := make([]string, len(obs))
		for i, o := range obs {
			s[i] = o.String()
		}
		parts = append(parts, name+"("+strings.Join(s, ", ")+")")
	}
	list("releases", h.Releases)
	list("keeps", h.Keeps)
	if len(h.Moves) > 0 {
		s := make([]string, len(h.Moves))
		for i, m := range h.Moves {
			s[i] = fmt.Sprintf("%s into %d for %s", Obligation{m.Param, m.Release}, m.Result, m.By)
		}
		parts = append(parts, "moves("+strings.Join(s, ", ")+")")
	}
	list("returns", h.Returns)
	return strings.Join(parts, " ")
}

func (o Obligation) String() string {
	if o.Release == "" {
		return fmt.Sprintf("%d call", o.Index)
	}
	return fmt.Sprintf("%d %s", o.Index, o.Release)
}

// keepsAny reports whether the function keeps its interface parameter i
// beyond the call, or in its receiver, whatever resource it is given.
func (h *Handles) keepsAny(i int) bool {
	return slices.Contains(h.Keeps, Obligation{i, anyObligation}) || slices.Contains(h.Keeps, Obligation{i, recvObligation})
}

func (h *Handles) empty() bool {
	return len(h.Releases)+len(h.Keeps)+len(h.Moves)+len(h.Returns) == 0
}

func (h *Handles) equal(o *Handles) bool {
	return slices.Equal(h.Releases, o.Releases) && slices.Equal(h.Keeps, o.Keeps) &&
		slices.Equal(h.Moves, o.Moves) && slices.Equal(h.Returns, o.Returns)
}

// param looks up the parameter i (-1: the receiver) for the obligation
// release: released on every path, kept on some, or moved into a result.
func (h *Handles) param(i int, release string) (released, kept bool, move *Move) {
	o := Obligation{i, release}
	for j := range h.Moves {
		if m := &h.Moves[j]; m.Param == i && m.Release == release {
			return false, false, m
		}
	}
	return slices.Contains(h.Releases, o), slices.Contains(h.Keeps, o), nil
}

// obligationOf is one obligation that resources of some type carry.
type obligationOf struct {
	shape   shape  // shapeMethod or shapeFunc
	release string // the rule's release; "" for shapeFunc
	pkg     string // the package of the rule that gives it
	global  bool   // given by a flag, so in effect in every package
}

// resourceTypes returns, by type (types.TypeString with full package
// paths), the obligations the rules give resources of that type: the
// result types of method and func rules, whose functions are found in pkg
// or its imports, and the types of type rules.
func resourceTypes(pkg *types.Package, rules []rule) map[string][]obligationOf {
	if len(rules) == 0 {
		return nil
	}
	byPath := map[string]*types.Package{}
	runtimeapi.EachImport(pkg, func(p *types.Package) bool {
		byPath[p.Path()] = p
		return true
	})
	out := map[string][]obligationOf{}
	add := func(typ string, o obligationOf) {
		if !slices.Contains(out[typ], o) {
			out[typ] = append(out[typ], o)
		}
	}
	// fields adds the types of the fields on the path to a release
	// method ("Body.Close": an *http.Response's Body, an io.ReadCloser,
	// must be closed), so that a function given resp.Body has facts too.
	fields := func(t types.Type, o obligationOf) {
		for _, alt := range alternatives(o.release) {
			t := t
			elems := strings.Split(alt, ".")
			for i := 0; i < len(elems)-1; i++ {
				obj, _, _ := types.LookupFieldOrMethod(t, true, nil, elems[i])
				field, ok := obj.(*types.Var)
				if !ok {
					break
				}
				t = field.Type()
				fo := o
				fo.release = strings.Join(elems[i+1:], ".")
				add(types.TypeString(t, nil), fo)
			}
		}
	}
	for _, r := range rules {
		o := obligationOf{shape: shapeMethod, release: r.release, pkg: r.pkg, global: strings.HasPrefix(r.origin, "-") || strings.HasPrefix(r.origin, defaultOrigin)}
		switch r.kind {
		case "type":
			add(r.acquire, o)
			if p := byPath[r.pkg]; p != nil && strings.Contains(r.release, ".") {
				if tn, ok := p.Scope().Lookup(strings.TrimPrefix(r.acquire, "*")[len(r.pkg)+1:]).(*types.TypeName); ok {
					fields(tn.Type(), o)
				}
			}
		case "method", "func":
			p := byPath[r.pkg]
			if p == nil {
				continue
			}
			fn, err := r.lookup(p)
			if err != nil {
				continue
			}
			res := fn.Type().(*types.Signature).Results()
			if r.result >= res.Len() {
				continue
			}
			if r.kind == "func" {
				o.shape, o.release = shapeFunc, ""
			}
			add(types.TypeString(res.At(r.result).Type(), nil), o)
			fields(res.At(r.result).Type(), o)
		}
	}
	return out
}

// obligationsOf returns the obligations of resources of type t.
func (c *checker) obligationsOf(t types.Type) []obligationOf {
	if len(c.resources) == 0 {
		return nil
	}
	return c.resources[types.TypeString(t, nil)]
}

// handlesOf computes the Handles fact of decl, a function of this
// package: what it does with each of its parameters (and receiver) of a
// resource type, and which of its results hold a resource it acquired.
func (c *checker) handlesOf(fi *funcInfo, decl *ast.FuncDecl, fn *types.Func, g *cfg.CFG) *Handles {
	h := &Handles{}
	sig := fn.Type().(*types.Signature)
	check := func(i int, p *types.Var) {
		if p.Name() == "" || p.Name() == "_" {
			return
		}
		done := map[string]bool{}
		for _, o := range c.obligationsOf(p.Type()) {
			if done[o.release] {
				continue // the same obligation from another rule
			}
			done[o.release] = true
			a := &acquire{shape: o.shape, release: o.release}
			t := &tracked{acq: a, v: p, scope: decl, param: true}
			t.uses = c.withClosureCalls(fi, decl.Body, c.usesOf(fi, decl.Body, p))
			if len(t.uses) == 0 {
				continue
			}
			if m := c.movedInto(fi, decl, sig, t); m != nil {
				m.Param = i
				h.Moves = append(h.Moves, *m)
				continue
			}
			ob := Obligation{i, o.release}
			if i < 0 && c.handsOff(fi, t) {
				// A receiver given to something else (a wrapper of its
				// own type for the call) is not released by the method.
				continue
			}
			if c.findLeak(fi, t, g, decl.Body) == nil {
				if c.touches(fi, t) {
					h.Releases = append(h.Releases, ob)
				}
			} else if c.touches(fi, t) {
				h.Keeps = append(h.Keeps, ob)
			}
		}
	}
	if r := sig.Recv(); r != nil {
		check(-1, r)
	}
	for i := range sig.Params().Len() {
		check(i, sig.Params().At(i))
		if p := sig.Params().At(i); keepable(p) {
			released, kept := c.assertedRelease(fi, decl, p)
			for _, m := range released {
				h.Releases = append(h.Releases, Obligation{i, m})
			}
			for _, m := range kept {
				h.Keeps = append(h.Keeps, Obligation{i, m})
			}
			switch beyond, intoRecv := c.stores(fi, decl, sig, p); {
			case beyond:
				h.Keeps = append(h.Keeps, Obligation{i, anyObligation})
			case intoRecv:
				h.Keeps = append(h.Keeps, Obligation{i, recvObligation})
			}
		}
	}
	h.Returns = c.returnedResources(fi, decl, sig)
	return h
}

// assertedRelease returns the release methods that decl calls on its
// parameter p, of an interface type, when p has them: the function
// starts, before anything that can return, with
//
//	if c, ok := p.(io.Closer); ok { ... c.Close() ... }
//
// whose body calls the method on every path (a helper that closes
// whatever can be closed: released), or on some (kept: as far as a caller
// can tell, the helper took it over). A resource with that obligation has
// the method, so the assertion holds for it. (One whose method has
// another signature would not satisfy the interface: such a helper would
// not release it.)
func (c *checker) assertedRelease(fi *funcInfo, decl *ast.FuncDecl, p *types.Var) (released, kept []string) {
	for _, s := range decl.Body.List {
		ifs, x, iface := c.assertionIf(s, p)
		if ifs == nil {
			if mayLeave(s) {
				return nil, nil
			}
			continue
		}
		g := c.cfgOf(ifs.Body)
		if x == nil || iface == nil || g == nil {
			return nil, nil
		}
		for m := range iface.Methods() {
			if m.Signature().Params().Len() != 0 {
				continue // a release method takes nothing
			}
			t := &tracked{acq: &acquire{shape: shapeMethod, release: m.Name()}, v: x, scope: decl, param: true, uses: c.usesOf(fi, ifs.Body, x)}
			switch {
			case !c.touches(fi, t):
			case c.findLeak(fi, t, g, ifs.Body) == nil:
				released = append(released, m.Name())
			default:
				kept = append(kept, m.Name())
			}
		}
		return released, kept
	}
	return nil, nil
}

// assertionIf returns s if it is an if statement that asserts p to an
// interface and tests the assertion (if x, ok := p.(I); ok), with x and
// I; x or I is nil when the if asserts p in another way. ifs is nil when s
// is no such if.
func (c *checker) assertionIf(s ast.Stmt, p *types.Var) (ifs *ast.IfStmt, x *types.Var, iface *types.Interface) {
	info := c.pass.TypesInfo
	ifs, ok := s.(*ast.IfStmt)
	if !ok {
		return nil, nil, nil
	}
	as, ok := ifs.Init.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
		return nil, nil, nil
	}
	ta, ok := as.Rhs[0].(*ast.TypeAssertExpr)
	if !ok || ta.Type == nil || info.Uses[identOf(ta.X)] != p {
		return nil, nil, nil
	}
	okVar, _ := info.Defs[identOf(as.Lhs[1])].(*types.Var)
	if okVar == nil || info.Uses[identOf(ifs.Cond)] != okVar {
		return ifs, nil, nil
	}
	x, _ = info.Defs[identOf(as.Lhs[0])].(*types.Var)
	iface, _ = info.TypeOf(ta.Type).Underlying().(*types.Interface)
	return ifs, x, iface
}

// mayLeave reports whether s, a statement, can leave its function: it
// holds a return, or a call that may not return (any call, to be safe
// about panic and os.Exit, but those of function literals).
func mayLeave(s ast.Stmt) bool {
	leavesHere := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.CallExpr:
			leavesHere = true
		}
		return !leavesHere
	})
	return leavesHere
}

// anyObligation is the obligation of a Keeps entry for an interface
// parameter that the function stores beyond the call: whatever resource it
// is given, the function took it over.
const anyObligation = "*"

// recvObligation is the obligation of a Keeps entry for an interface
// parameter that a method stores in its receiver: kept beyond the call as
// long as the receiver is (tracing.subscribe(w) on a package variable),
// wrapped in a value of the caller's when the receiver is new
// (z.init(w) inside gzip.NewWriter).
const recvObligation = "*recv"

// keepable reports whether p, a parameter, is of an interface type that a
// resource can be given as (io.Writer, io.Reader, any); not error or
// context.Context, which goroutines keep all the time and no resource is.
func keepable(p *types.Var) bool {
	return p.Name() != "" && p.Name() != "_" && types.IsInterface(p.Type()) &&
		!types.Identical(p.Type(), types.Universe.Lookup("error").Type()) && !isNamed(p.Type(), "context", "Context")
}

// stores reports whether the function decl keeps its parameter p beyond
// the call, where its caller cannot see it (beyond): given to a goroutine
// (go profileWriter(w), or used in a go func literal), stored in a package
// variable or a field of one, sent on a channel, or given to a function
// that keeps it so; or whether it stores it in its receiver (intoRecv),
// directly or through a method of its receiver that does. Kept in what it
// returns (bufio.NewReader(r), gzip.NewWriter(w)) is neither: the caller
// holds that, and must still release the resource.
func (c *checker) stores(fi *funcInfo, decl *ast.FuncDecl, sig *types.Signature, p *types.Var) (beyond, intoRecv bool) {
	info := c.pass.TypesInfo
	var recv *types.Var
	if sig.Recv() != nil {
		recv = sig.Recv()
	}
	// root returns where a field or element expression is rooted: in a
	// package variable (1), the receiver (2), or elsewhere (0).
	root := func(e ast.Expr) int {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.SelectorExpr:
				if _, ok := info.Uses[x.Sel].(*types.Var); !ok {
					return 0
				}
				e = x.X
				continue
			case *ast.IndexExpr:
				e = x.X
				continue
			case *ast.StarExpr:
				e = x.X
				continue
			case *ast.Ident:
				v, ok := info.Uses[x].(*types.Var)
				switch {
				case !ok:
					return 0
				case v.Parent() == c.pass.Pkg.Scope():
					return 1
				case recv != nil && v == recv:
					return 2
				}
			}
			return 0
		}
	}
	for _, u := range c.usesOf(fi, decl.Body, p) {
		for n := fi.parents[u]; n != nil && n != decl; n = fi.parents[n] {
			if _, ok := n.(*ast.GoStmt); ok {
				return true, false
			}
		}
		switch parent := fi.parents[u].(type) {
		case *ast.SendStmt:
			if parent.Value == u {
				return true, false
			}
		case *ast.CallExpr:
			// Given to a function that keeps it: trace.Start(w) hands w to
			// a method that stores it in its receiver, a package variable.
			fn, _ := typeutil.Callee(info, parent).(*types.Func)
			var h Handles
			if fn == nil || !c.pass.ImportObjectFact(fn.Origin(), &h) {
				continue
			}
			for i, arg := range parent.Args {
				if arg != u {
					continue
				}
				if slices.Contains(h.Keeps, Obligation{i, anyObligation}) {
					return true, false
				}
				if sel, ok := ast.Unparen(parent.Fun).(*ast.SelectorExpr); ok && slices.Contains(h.Keeps, Obligation{i, recvObligation}) {
					switch root(sel.X) {
					case 1:
						return true, false
					case 2:
						intoRecv = true
					}
				}
			}
		case *ast.AssignStmt:
			for i, r := range parent.Rhs {
				if r != u || len(parent.Lhs) != len(parent.Rhs) {
					continue
				}
				switch l := parent.Lhs[i].(type) {
				case *ast.Ident:
					if v, ok := info.Uses[l].(*types.Var); ok && v.Parent() == c.pass.Pkg.Scope() {
						return true, false
					}
				default:
					switch root(l) {
					case 1:
						return true, false
					case 2:
						intoRecv = true
					}
				}
			}
		}
	}
	return false, intoRecv
}

// touches reports whether some use of t, in its function, releases or
// hands it off.
func (c *checker) touches(fi *funcInfo, t *tracked) bool {
	for _, u := range t.uses {
		if k := c.classifyUse(fi, t, t.scope, u); k == release || k == handoff {
			return true
		}
	}
	return false
}

// handsOff reports whether some use of t, in its function, hands it off.
func (c *checker) handsOff(fi *funcInfo, t *tracked) bool {
	for _, u := range t.uses {
		if c.classifyUse(fi, t, t.scope, u) == handoff {
			return true
		}
	}
	return false
}

// movedInto returns the move of the parameter t into a result of its
// function, if the function stores it in a value it returns (as a field
// of a struct literal, or by assigning the field of a variable it
// returns) whose type has a method that releases it: the obligation's own
// method name, or one of cleanupNames. Param is left for the caller.
func (c *checker) movedInto(fi *funcInfo, decl *ast.FuncDecl, sig *types.Signature, t *tracked) *Move {
	info := c.pass.TypesInfo
	for _, u := range t.uses {
		if fi.enclosingFunc(u) != decl {
			continue
		}
		// The value (a composite literal, maybe behind &) or the variable
		// that u is stored in.
		var holder ast.Node
		var holderVar *types.Var
		e, parent := asserted(fi, u) // &wrapper{ln.(*net.TCPListener)}
		switch p := parent.(type) {
		case *ast.KeyValueExpr:
			if p.Value == e {
				holder = fi.parents[p]
			}
		case *ast.CompositeLit:
			holder = p
		case *ast.AssignStmt:
			for i, r := range p.Rhs {
				if r == e && len(p.Lhs) == len(p.Rhs) {
					if sel, ok := p.Lhs[i].(*ast.SelectorExpr); ok {
						holderVar = c.localVar(ast.Unparen(sel.X))
					}
				}
			}
		}
		if lit, ok := holder.(*ast.CompositeLit); ok {
			var n ast.Node = lit
			if un, ok := fi.parents[lit].(*ast.UnaryExpr); ok {
				n = un
			}
			switch p := fi.parents[n].(type) {
			case *ast.ReturnStmt:
				for j, r := range p.Results {
					if r == n && len(p.Results) == sig.Results().Len() {
						if m := c.moveTo(sig, j, t); m != nil {
							return m
						}
					}
				}
				continue
			case *ast.AssignStmt:
				if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
					holderVar = c.localVar(p.Lhs[0])
				}
			case *ast.ValueSpec:
				if len(p.Names) == 1 && len(p.Values) == 1 {
					holderVar, _ = info.Defs[p.Names[0]].(*types.Var)
				}
			}
		}
		if holderVar == nil {
			continue
		}
		for _, w := range c.usesOf(fi, decl.Body, holderVar) {
			ret, ok := fi.parents[w].(*ast.ReturnStmt)
			if !ok || len(ret.Results) != sig.Results().Len() {
				continue
			}
			for j, r := range ret.Results {
				if r == w {
					if m := c.moveTo(sig, j, t); m != nil {
						return m
					}
				}
			}
		}
	}
	return nil
}

// moveTo returns the move of t into result j, if that result's type has a
// method that can release what it holds.
func (c *checker) moveTo(sig *types.Signature, j int, t *tracked) *Move {
	res := sig.Results().At(j).Type()
	names := slices.Clone(cleanupNames)
	if t.acq.shape == shapeMethod {
		for _, alt := range alternatives(t.acq.release) {
			elems := strings.Split(alt, ".")
			names = append([]string{elems[len(elems)-1]}, names...)
		}
	}
	for _, name := range names {
		if obj, _, _ := types.LookupFieldOrMethod(res, true, c.pass.Pkg, name); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				return &Move{Release: t.acq.release, Result: j, By: name}
			}
		}
	}
	return nil
}

// returnedResources returns the results of decl that hold a resource of
// a rule it acquired and did not store anywhere else: returned from the
// acquiring call itself, or from the variable the call assigned.
func (c *checker) returnedResources(fi *funcInfo, decl *ast.FuncDecl, sig *types.Signature) []Obligation {
	if !c.mayHoldResource(sig.Results()) {
		return nil
	}
	var out []Obligation
	add := func(j int, a *acquire) {
		if a.shape == shapeID || j >= sig.Results().Len() {
			return
		}
		o := Obligation{j, a.release}
		if a.shape == shapeFunc {
			o.Release = ""
		}
		if !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	acquired := map[*types.Var][]*acquire{}
	errs := map[*types.Var]*types.Var{} // the error assigned with each
	var named []*types.Var
	if decl.Type.Results != nil {
		for _, f := range decl.Type.Results.List {
			for _, id := range f.Names {
				if v, ok := c.pass.TypesInfo.Defs[id].(*types.Var); ok {
					named = append(named, v)
				}
			}
		}
	}
	directBody(decl.Body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			call := assignedCall(n)
			if call == nil {
				return
			}
			for _, a := range c.acquiresOf(call) {
				if a.result >= len(n.Lhs) {
					continue
				}
				v := c.localVar(n.Lhs[a.result])
				if v == nil {
					continue
				}
				c.acquired[v] = true // what wraps it later acquires it too (tls.Client(conn, cfg))
				t := &tracked{acq: a, v: v, scope: decl, uses: c.usesOf(fi, decl.Body, v)}
				if m := c.movedInto(fi, decl, sig, t); m != nil {
					// Wrapped in what it returns (&wrappedRows{rows}):
					// its callers must release that.
					if !slices.Contains(out, Obligation{m.Result, m.By}) {
						out = append(out, Obligation{m.Result, m.By})
					}
				} else if c.onlyReturned(fi, decl, a, v) {
					acquired[v] = append(acquired[v], a)
					if ev := c.errorAssigned(n.Lhs, a.result); ev != nil {
						errs[v] = ev
					}
				}
			}
		case *ast.ReturnStmt:
			if len(n.Results) == 0 && len(named) == sig.Results().Len() {
				for j, v := range named {
					for _, a := range acquired[v] {
						add(j, a)
					}
				}
				return
			}
			if len(n.Results) == 1 && sig.Results().Len() > 1 {
				if call, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok {
					for _, a := range c.acquiresOf(call) {
						add(a.result, a)
					}
				}
				return
			}
			if len(n.Results) != sig.Results().Len() {
				return
			}
			for j, r := range n.Results {
				switch r := ast.Unparen(r).(type) {
				case *ast.CallExpr:
					for _, a := range c.acquiresOf(r) {
						if a.result == 0 {
							add(j, a)
						}
					}
				case *ast.Ident:
					if v, ok := c.pass.TypesInfo.Uses[r].(*types.Var); ok {
						for _, a := range acquired[v] {
							if !c.releasedBefore(fi, decl, a, v, n) && !inErrorBranch(c.pass.TypesInfo, fi, n, errs[v]) {
								add(j, a)
							}
						}
					}
				}
			}
		}
	})
	return out
}

// inErrorBranch reports whether n is in the error branch of a test of
// err (if err != nil { return r, err }), where what failed to be acquired
// is returned as it is: nil, or nothing to release.
func inErrorBranch(info *types.Info, fi *funcInfo, n ast.Node, err *types.Var) bool {
	if err == nil {
		return false
	}
	for p := fi.parents[n]; p != nil; n, p = p, fi.parents[p] {
		switch p := p.(type) {
		case *ast.IfStmt:
			if p.Body == n && errorBranch(info, err, p.Cond) == 0 {
				return true
			}
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// releasedBefore reports whether a statement before ret in its block
// releases the resource a held in v: the function returns a resource it
// has released (r.Body.Close(); r.Body = io.NopCloser(buf); return r).
func (c *checker) releasedBefore(fi *funcInfo, decl *ast.FuncDecl, a *acquire, v *types.Var, ret *ast.ReturnStmt) bool {
	block, ok := fi.parents[ret].(*ast.BlockStmt)
	if !ok {
		return false
	}
	t := &tracked{acq: a, v: v, scope: decl, uses: c.usesOf(fi, block, v)}
	for _, s := range block.List {
		if s == ret {
			break
		}
		switch s.(type) {
		case *ast.ExprStmt, *ast.AssignStmt:
			// (Not a release under a condition: if err != nil { f.Close(); return nil, err }.)
			if c.classify(fi, t, s) == release {
				return true
			}
		}
	}
	return false
}

// mayHoldResource reports whether one of results can be, or hold, a
// resource: anything but basic types and error.
func (c *checker) mayHoldResource(results *types.Tuple) bool {
	errType := types.Universe.Lookup("error").Type()
	for v := range results.Variables() {
		t := v.Type()
		if _, basic := t.Underlying().(*types.Basic); !basic && !types.Identical(t, errType) {
			return true
		}
	}
	return false
}

// onlyReturned reports whether the resource a, held in v, is handed off
// only by returning it: a function that also stores it (in a field, a
// map, a cache) keeps it, and its callers do not own what it returns.
func (c *checker) onlyReturned(fi *funcInfo, decl *ast.FuncDecl, a *acquire, v *types.Var) bool {
	t := &tracked{acq: a, v: v, scope: decl, uses: c.usesOf(fi, decl.Body, v)}
	for _, u := range t.uses {
		if _, ok := fi.parents[u].(*ast.ReturnStmt); ok {
			continue
		}
		if c.rewraps(fi, v, u) {
			continue // v = tls.Client(v, cfg): still v's, wrapped
		}
		if c.classifyUse(fi, t, decl, u) == handoff {
			return false
		}
	}
	return true
}

// rewraps reports whether the use u of v is in an assignment that puts v
// into a wrapper and the wrapper back into v (conn = tls.Client(conn,
// cfg)): the resource stays in v.
func (c *checker) rewraps(fi *funcInfo, v *types.Var, u *ast.Ident) bool {
	var as *ast.AssignStmt
	for n := fi.parents[u]; n != nil && as == nil; n = fi.parents[n] {
		switch n := n.(type) {
		case *ast.AssignStmt:
			as = n
		case ast.Stmt, *ast.FuncLit:
			return false
		}
	}
	call := assignedCall(as)
	if call == nil {
		return false
	}
	for _, a := range c.acquiresOf(call) {
		if a.from != nil && a.result < len(as.Lhs) && c.localVar(as.Lhs[a.result]) == v && c.pass.TypesInfo.Uses[identOf(a.from)] == v {
			return true
		}
	}
	return false
}

// factsTrusted reports whether the facts of pkg's functions were computed
// for the obligation o: pkg is this package, or one that can reach the
// rule's package, with the rule in effect there (given by a flag, or by
// this module's configuration to a package of this module). Where they
// were, a function without a fact for a parameter only reads it.
func (c *checker) factsTrusted(pkg *types.Package, o obligationOf) bool {
	if pkg == c.pass.Pkg {
		return true
	}
	if !o.global {
		mod := c.unit.Package.Module.Path
		if mod == "" || pkg.Path() != mod && !strings.HasPrefix(pkg.Path(), mod+"/") {
			return false
		}
	}
	key := reachKey{pkg, o.pkg}
	reached, ok := c.reached[key]
	if !ok {
		runtimeapi.EachImport(pkg, func(p *types.Package) bool {
			reached = p.Path() == o.pkg
			return !reached
		})
		c.reached[key] = reached
	}
	return reached
}

// reachKey is a package and the path of a package it may reach.
type reachKey struct {
	pkg  *types.Package
	path string
}
