package templates

import (
	"go/types"
	"slices"
	"strconv"

	"github.com/dave/jennifer/jen"
)

// Names in a generated file. The file's scope holds the package's own
// declarations, the imports and, in each function, the type parameters,
// the parameters and the generated locals (the receiver c, ctx, opts).
// None may hide another that the generated code refers to, whatever the
// user named things: an import is never named like a declaration of the
// package, a type parameter or a generated local; a local never like a
// parameter, a type parameter, an import or a declaration it refers to.

// A namespace tracks the names of one generated file.
type namespace struct {
	declared map[string]bool   // the package's declarations (shared: read only)
	taken    map[string]bool   // the type parameters, the imports
	locals   map[string]bool   // every generated local, in any function
	imports  map[string]string // import path → the name the file imports it as
	pkgName  map[string]string // import path → the package's own name
}

func newNamespace(f *File) *namespace {
	ns := &namespace{declared: f.Declared, taken: map[string]bool{}, locals: map[string]bool{}, imports: map[string]string{}, pkgName: map[string]string{}}
	for _, c := range f.Controllers {
		tp := c.Type.TypeParams()
		for i := range tp.Len() {
			ns.taken[tp.At(i).Obj().Name()] = true
		}
	}
	// The generated code's own imports first, so that they keep their
	// names when a parameter's package has the same one.
	ns.importName("context", "context")
	ns.importName(controllerPath, "controller")
	ns.importName(resourcePath, "resource")
	return ns
}

// importName returns the name the file imports path as: the package's
// name, numbered if that is taken.
func (ns *namespace) importName(path, pkgName string) string {
	if name, ok := ns.imports[path]; ok {
		return name
	}
	name := pkgName
	for i := 1; ns.declared[name] || ns.taken[name] || ns.locals[name] || predeclared(name); i++ {
		name = pkgName + strconv.Itoa(i)
	}
	ns.taken[name] = true
	ns.imports[path] = name
	ns.pkgName[path] = pkgName
	return name
}

// local returns name, or name with underscores added, so that it hides
// nothing the function refers to: the type parameters, the imports and
// avoid (its parameters, the package's names it refers to). A local may
// hide other package-level names: only the test build may see some of
// them, and the generated code must be the same for both builds.
func (ns *namespace) local(name string, avoid []string) string {
	for ns.taken[name] || predeclared(name) || slices.Contains(avoid, name) {
		name += "_"
	}
	ns.locals[name] = true
	return name
}

// declare tells jennifer the names chosen for the imports.
func (ns *namespace) declare(out *jen.File) {
	for path, name := range ns.imports {
		if name == ns.pkgName[path] {
			out.ImportName(path, name)
		} else {
			out.ImportAlias(path, name)
		}
	}
}

// predeclared reports whether name is a keyword or a predeclared
// identifier, which generated code may refer to (error, append, any).
func predeclared(name string) bool {
	return jen.IsReservedWord(name) || types.Universe.Lookup(name) != nil
}

// paramNames names the parameters of a Start method after the operation
// method's, naming unnamed and blank ones p0, p1... A name that would hide
// what the method's body refers to (error, the context package) gets
// underscores added.
func (ns *namespace) paramNames(params []*types.Var) []string {
	taken := map[string]bool{} // the parameters' names, and those given
	for _, p := range params {
		taken[p.Name()] = true
	}
	hides := func(name string) bool { return name == "error" || name == ns.imports["context"] }
	names := make([]string, len(params))
	for i, p := range params {
		name := p.Name()
		blank := name == "" || name == "_"
		if !blank && !hides(name) {
			names[i] = name
			continue
		}
		if blank {
			name = "p" + strconv.Itoa(i)
		}
		for hides(name) || taken[name] {
			name += "_"
		}
		taken[name] = true
		names[i] = name
	}
	return names
}
