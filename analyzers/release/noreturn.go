package release

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// noReturnFuncs are functions of the standard library that never return.
// Paths through a call to one of them do not leave the function.
var noReturnFuncs = map[string]bool{
	"os.Exit": true, "syscall.Exit": true, "runtime.Goexit": true,
	"log.Fatal": true, "log.Fatalf": true, "log.Fatalln": true,
	"log.Panic": true, "log.Panicf": true, "log.Panicln": true,
	"(*log.Logger).Fatal": true, "(*log.Logger).Fatalf": true, "(*log.Logger).Fatalln": true,
	"(*log.Logger).Panic": true, "(*log.Logger).Panicf": true, "(*log.Logger).Panicln": true,
	"(*testing.common).FailNow": true, "(*testing.common).Fatal": true, "(*testing.common).Fatalf": true,
	"(*testing.common).SkipNow": true, "(*testing.common).Skip": true, "(*testing.common).Skipf": true,
}

// cfgOf returns the control-flow graph of a function body, built on first
// use. The analyzer builds its own graphs, only in packages it looks into,
// rather than requiring ctrlflow, which builds one for every function of
// every package.
func (c *checker) cfgOf(body *ast.BlockStmt) *cfg.CFG {
	g, ok := c.cfgs[body]
	if !ok {
		g = cfg.New(body, c.mayReturn)
		c.cfgs[body] = g
	}
	return g
}

// mayReturn reports whether a call may return.
func (c *checker) mayReturn(call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(c.pass.TypesInfo, call).(type) {
	case *types.Builtin:
		return fn.Name() != "panic"
	case *types.Func:
		fn = fn.Origin()
		return !noReturnFuncs[fn.FullName()] && !c.noReturn[fn]
	}
	return true
}

// findNoReturn finds the functions of the package that never return:
// their every path ends in panic or another call that never returns. It
// repeats until nothing changes, so that a helper that calls log.Fatal,
// and a helper that calls that helper, are both found.
func (c *checker) findNoReturn() {
	c.noReturn = map[*types.Func]bool{}
	type decl struct {
		fn   *types.Func
		body *ast.BlockStmt
	}
	var decls []decl
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && fn.Type().(*types.Signature).Results().Len() == 0 {
				decls = append(decls, decl{fn, fd.Body})
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			if c.noReturn[d.fn] {
				continue
			}
			g := cfg.New(d.body, c.mayReturn)
			returns := false
			for _, b := range g.Blocks {
				if b.Live && len(b.Succs) == 0 && b.Return() != nil {
					returns = true
					break
				}
			}
			if !returns {
				c.noReturn[d.fn] = true
				changed = true
			}
		}
	}
}
