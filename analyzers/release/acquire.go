package release

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// shape is how a resource is released.
type shape uint8

const (
	shapeID     shape = iota // an ID passed back to a release method
	shapeFunc                // a function that must be called
	shapeMethod              // a value whose release method must be called
)

// acquire describes one acquiring call.
type acquire struct {
	call     *ast.CallExpr
	callee   *types.Func
	result   int    // which result is the resource
	shape    shape  // how it is released
	release  string // the release method's name (shapeID, shapeMethod)
	recv     ast.Expr
	sameRecv bool // shapeID: the release must be on the acquiring call's receiver
	runtime  bool // shapeID: any coordinator's Release counts
	loopOnly bool // discarding the result is a leak only inside a loop
	// from is the argument the resource was moved from, for a function
	// that stores it in its result (tls.Client(conn, cfg)): releasing it
	// releases the result too.
	from        ast.Expr
	fromRelease string // the obligation of what from holds
}

// acquireOf returns what call acquires, or nil: the first of its
// obligations (acquiresOf).
func (c *checker) acquireOf(call *ast.CallExpr) *acquire {
	if as := c.acquiresOf(call); len(as) > 0 {
		return as[0]
	}
	return nil
}

// acquiresOf returns what call acquires, one acquire for each obligation
// it carries: the runtime's ID, or every rule for the function (a
// *sql.Rows must be closed, and its Err checked: two rules, two separate
// obligations).
func (c *checker) acquiresOf(call *ast.CallExpr) []*acquire {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	var recv ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		recv = sel.X
	}
	sig := fn.Type().(*types.Signature)
	if r := sig.Recv(); r != nil && (isNamed(r.Type(), coordPath, "Coordinator") || isNamed(r.Type(), coordPath, "Workers")) {
		switch fn.Name() {
		case "Track":
			return []*acquire{{call: call, callee: fn, shape: shapeID, release: "Release", recv: recv, runtime: true, loopOnly: true}}
		case "Go", "TrackWorker":
			if c.autoReleaseOff(call) {
				return []*acquire{{call: call, callee: fn, shape: shapeID, release: "Release", recv: recv, runtime: true}}
			}
		}
		return nil
	}
	if c.pass.ImportObjectFact(fn, new(Acquires)) {
		return []*acquire{{call: call, callee: fn, shape: shapeID, release: "Release", recv: recv, runtime: true, loopOnly: true}}
	}
	var out []*acquire
	for _, r := range c.rules {
		if r.kind == "type" {
			// Every call returning the type acquires one, whoever wrote
			// the function (but the type's own methods, which return
			// their receiver or a part of it, do not).
			for i := range sig.Results().Len() {
				if types.TypeString(sig.Results().At(i).Type(), nil) == r.acquire && !isMethodOf(fn, r.acquire) && !hasAcquire(out, i, r.release) {
					out = append(out, &acquire{call: call, callee: fn, result: i, release: r.release, recv: recv, shape: shapeMethod})
				}
			}
			continue
		}
		if r.acquire != fn.FullName() {
			continue
		}
		if hasAcquire(out, r.result, r.release) {
			continue // a type rule and a method rule for one resource
		}
		a := &acquire{call: call, callee: fn, result: r.result, release: r.release, recv: recv}
		switch r.kind {
		case "func":
			a.shape = shapeFunc
		case "method":
			a.shape = shapeMethod
		case "id":
			a.shape, a.sameRecv = shapeID, recv != nil
		}
		out = append(out, a)
	}
	var h Handles
	if len(c.resources) > 0 && c.pass.ImportObjectFact(fn, &h) {
		// A function that returns a resource it acquired, or that stores
		// a resource given to it in its result.
		add := func(result int, release string) *acquire {
			if hasAcquire(out, result, release) {
				return nil // a rule says so already
			}
			a := &acquire{call: call, callee: fn, result: result, release: release, recv: recv, shape: shapeMethod}
			if release == "" {
				a.shape = shapeFunc
			}
			out = append(out, a)
			return a
		}
		for _, o := range h.Returns {
			add(o.Index, o.Release)
		}
		for _, m := range h.Moves {
			if m.Param >= 0 && m.Param < len(call.Args) && c.holdsAcquired(call.Args[m.Param]) {
				if a := add(m.Result, m.By); a != nil {
					a.from, a.fromRelease = call.Args[m.Param], m.Release
				}
			}
		}
	}
	return out
}

// hasAcquire reports whether as has an acquisition of result with the
// obligation release.
func hasAcquire(as []*acquire, result int, release string) bool {
	for _, a := range as {
		if a.result == result && a.release == release {
			return true
		}
	}
	return false
}

// holdsAcquired reports whether e is a variable that holds a resource its
// function acquired, or an acquiring call.
func (c *checker) holdsAcquired(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := c.pass.TypesInfo.Uses[e].(*types.Var)
		return v != nil && c.acquired[v]
	case *ast.CallExpr:
		return len(c.acquiresOf(e)) > 0
	case *ast.SelectorExpr:
		// resp.Body, of a response acquired here: the field its release
		// goes through.
		return c.holdsAcquired(e.X)
	}
	return false
}

// autoReleaseOff reports whether the call passes coord.AutoRelease(false).
func (c *checker) autoReleaseOff(call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		opt, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok || len(opt.Args) != 1 {
			continue
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, opt).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != coordPath || fn.Name() != "AutoRelease" {
			continue
		}
		if v := c.pass.TypesInfo.Types[opt.Args[0]].Value; v != nil && v.Kind() == constant.Bool && !constant.BoolVal(v) {
			return true
		}
	}
	return false
}

// isMethodOf reports whether fn is a method of the type named typ
// ("*database/sql.Rows"), or of what it points to.
func isMethodOf(fn *types.Func, typ string) bool {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, nil) == strings.TrimPrefix(typ, "*")
}

// source names the acquiring call for messages: "c.Track", "os.Open".
func (a *acquire) source() string {
	name := a.callee.Name()
	if a.recv != nil {
		return types.ExprString(a.recv) + "." + name
	} else if a.callee.Pkg() != nil {
		return a.callee.Pkg().Name() + "." + name
	}
	return name
}

// obligation names what discharges a rule's resource held in v, for
// messages: "Close", "Body.Close", "Commit or Rollback", "end()".
func (a *acquire) obligation(v string) string {
	if a.shape == shapeFunc {
		return v + "()"
	}
	return strings.Join(alternatives(a.release), " or ")
}

// alternatives splits a release into the calls any of which discharges
// it: "Commit|Rollback" is Commit or Rollback.
func alternatives(release string) []string { return strings.Split(release, "|") }

// describe names the resource for messages: "the ID from c.Track", "the
// function returned by pool.Lease", "the result of os.Open".
func (a *acquire) describe() string {
	name := a.source()
	switch a.shape {
	case shapeID:
		return "the ID from " + name
	case shapeFunc:
		return "the function returned by " + name
	}
	return "the result of " + name
}

// releaseText is the statement that releases v, for suggested fixes.
func (a *acquire) releaseText(v string) string {
	switch a.shape {
	case shapeFunc:
		return v + "()"
	case shapeMethod:
		if strings.Contains(a.release, "|") {
			return "" // which alternative is the one to defer is for a person to say
		}
		return v + "." + a.release + "()"
	}
	if a.recv == nil {
		return ""
	}
	return types.ExprString(a.recv) + "." + a.release + "(" + v + ")"
}
