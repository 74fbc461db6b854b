package release

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// cleanupNames are the methods by which a type releases what it holds.
var cleanupNames = []string{"Close", "Cleanup", "Dispose", "Shutdown", "Stop"}

// checkOwners reports types that hold a controller but never call its
// Cleanup, and controllers whose own Cleanup skips the base's.
func (c *checker) checkOwners() {
	methods := map[*types.Named]map[string]*ast.FuncDecl{}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Body == nil {
				continue
			}
			fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if n := recvNamed(fn); n != nil {
				if methods[n] == nil {
					methods[n] = map[string]*ast.FuncDecl{}
				}
				methods[n][fn.Name()] = fd
			}
		}
	}
	for _, f := range c.pass.Files {
		name := c.pass.Fset.File(f.Pos()).Name()
		if ast.IsGenerated(f) || strings.HasSuffix(name, "_test.go") {
			continue
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, s := range gd.Specs {
				ts := s.(*ast.TypeSpec)
				obj, _ := c.pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
				if obj == nil {
					continue
				}
				named, _ := obj.Type().(*types.Named)
				st, _ := obj.Type().Underlying().(*types.Struct)
				if named == nil || st == nil {
					continue
				}
				c.checkOwner(ts, named, st, methods)
			}
		}
	}
}

func (c *checker) checkOwner(ts *ast.TypeSpec, named *types.Named, st *types.Struct, methods map[*types.Named]map[string]*ast.FuncDecl) {
	own := methods[named]
	// A controller that overrides Cleanup must call the base's.
	if embedsBase(st) {
		if fd := own["Cleanup"]; fd != nil && !c.calls(fd, own, isBaseCleanup) {
			c.unit.Reportf(fd.Name, "%s.Cleanup replaces controller.Base.Cleanup without calling it; call %s.Base.Cleanup()",
				named.Obj().Name(), recvName(fd))
		}
	}
	for i := range st.NumFields() {
		field := st.Field(i)
		ctrl := controllerType(field.Type())
		if ctrl == nil || isNamed(field.Type(), controllerPath, "Base") {
			continue
		}
		if field.Embedded() {
			continue // its Cleanup is promoted; whoever holds this type calls it
		}
		isCtrlCleanup := func(fn *types.Func) bool {
			return fn.Name() == "Cleanup" && recvNamed(fn) != nil && controllerType(recvNamed(fn)) != nil
		}
		var cleanups []*ast.FuncDecl
		for _, name := range cleanupNames {
			if fd := own[name]; fd != nil {
				cleanups = append(cleanups, fd)
			}
		}
		if len(cleanups) == 0 {
			c.unit.Reportf(ts.Name, "%s holds the controller %s (%s) but has no cleanup method to call %s.Cleanup()",
				named.Obj().Name(), field.Name(), types.TypeString(field.Type(), types.RelativeTo(c.pass.Pkg)), field.Name())
			continue
		}
		called := false
		for _, fd := range cleanups {
			if c.calls(fd, own, isCtrlCleanup) {
				called = true
			}
		}
		if !called {
			fd := cleanups[0]
			c.unit.Reportf(fd.Name, "%s.%s does not call %s.Cleanup()",
				named.Obj().Name(), fd.Name.Name, field.Name())
		}
	}
}

// calls reports whether fd, or a method of the same type it calls, calls
// a function for which match is true.
func (c *checker) calls(fd *ast.FuncDecl, own map[string]*ast.FuncDecl, match func(*types.Func) bool) bool {
	seen := map[*ast.FuncDecl]bool{}
	var visit func(fd *ast.FuncDecl) bool
	visit = func(fd *ast.FuncDecl) bool {
		if seen[fd] {
			return false
		}
		seen[fd] = true
		found := false
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
			if fn == nil {
				return true
			}
			if match(fn) {
				found = true
			} else if next := own[fn.Name()]; next != nil && c.pass.TypesInfo.Defs[next.Name] == fn {
				found = visit(next)
			}
			return !found
		})
		return found
	}
	return visit(fd)
}

func isBaseCleanup(fn *types.Func) bool {
	r := recvNamed(fn)
	return fn.Name() == "Cleanup" && r != nil && isNamed(r, controllerPath, "Base")
}

// recvNamed returns the named type of a method's receiver.
func recvNamed(fn *types.Func) *types.Named {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return nil
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	if n != nil {
		n = n.Origin()
	}
	return n
}

// controllerType returns the struct type behind t if it is a controller:
// it embeds controller.Base, directly or through embedded structs.
func controllerType(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	if isNamed(n, controllerPath, "Base") {
		return n
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok || !embedsBase(st) {
		return nil
	}
	return n
}

// embedsBase reports whether st embeds controller.Base, directly or
// through embedded structs.
func embedsBase(st *types.Struct) bool {
	seen := map[*types.Struct]bool{}
	var walk func(st *types.Struct) bool
	walk = func(st *types.Struct) bool {
		if seen[st] {
			return false
		}
		seen[st] = true
		for i := range st.NumFields() {
			f := st.Field(i)
			if !f.Embedded() {
				continue
			}
			if isNamed(f.Type(), controllerPath, "Base") {
				return true
			}
			t := f.Type()
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if inner, ok := t.Underlying().(*types.Struct); ok && walk(inner) {
				return true
			}
		}
		return false
	}
	return walk(st)
}

func recvName(fd *ast.FuncDecl) string {
	if len(fd.Recv.List) > 0 && len(fd.Recv.List[0].Names) > 0 {
		return fd.Recv.List[0].Names[0].Name
	}
	return "c"
}
