// Package runtimeapi is what the reslint analyzers know about the rescoord
// runtime: its import paths, the functions and types that manage
// resources, and a cheap test of whether a package can reach the runtime at
// all.
//
// Objects are always identified through go/types (package path, receiver
// type, name, with aliases and generic instantiations resolved), never by
// the text of the source, so that aliases, dot imports, renamed imports and
// methods promoted through embedding are all seen for what they are.
package runtimeapi

import (
	"go/types"
	"strings"
)

// Import paths of the runtime packages.
const (
	Module         = "github.com/rescoord/rescoord"
	ResourcePath   = Module + "/runtime/resource"
	CoordPath      = Module + "/runtime/coord"
	ControllerPath = Module + "/runtime/controller"
	RestestPath    = Module + "/runtime/restest"
)

// Short names of the runtime packages, as messages write them.
func Short(path string) string {
	return strings.TrimPrefix(path, Module+"/")
}

// A Func names a function or method of the runtime.
type Func struct {
	Pkg  string // import path
	Recv string // receiver type name, without "*"; "" for a function
	Name string
}

// String returns the name as Go documentation writes it:
// "coord.New", "coord.(*Coordinator).Track", "resource.Service.Shutdown".
func (f Func) String() string {
	pkg := f.Pkg[strings.LastIndexByte(f.Pkg, '/')+1:]
	if f.Recv == "" {
		return pkg + "." + f.Name
	}
	return pkg + "." + f.Recv + "." + f.Name
}

// FuncOf identifies obj as a function or method declared in a runtime
// package. Methods of generic types are reported by their origin; methods
// reached through embedding are reported as the method they are (a call
// of a promoted Track is coord's Track). ok is false for anything else.
func FuncOf(obj types.Object) (f Func, ok bool) {
	fn, isFunc := obj.(*types.Func)
	if !isFunc || fn.Pkg() == nil {
		return Func{}, false
	}
	fn = fn.Origin()
	path := fn.Pkg().Path()
	if !strings.HasPrefix(path, Module+"/runtime/") {
		return Func{}, false
	}
	f = Func{Pkg: path, Name: fn.Name()}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return Func{}, false
	}
	if recv := sig.Recv(); recv != nil {
		t := types.Unalias(recv.Type())
		if p, isPtr := t.(*types.Pointer); isPtr {
			t = types.Unalias(p.Elem())
		}
		switch t := t.(type) {
		case *types.Named:
			f.Recv = t.Origin().Obj().Name()
		case *types.Interface:
			// An interface method: its receiver is the interface, whose
			// name is found from the method's scope.
			f.Recv = interfaceName(fn)
		}
		if f.Recv == "" {
			return Func{}, false
		}
	}
	return f, true
}

// interfaceName finds the named interface type that declares fn.
func interfaceName(fn *types.Func) string {
	scope := fn.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for i := range iface.NumExplicitMethods() {
			if iface.ExplicitMethod(i) == fn {
				return tn.Name()
			}
		}
	}
	return ""
}

// IsNamed reports whether t, aliases resolved, is the named type pkg.name
// (or an instantiation of it).
func IsNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkg
}

// Deref returns the type a pointer points to, or t.
func Deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// Embeds reports whether the struct type t (or the struct a named type or
// a pointer stands for) embeds the named type pkg.name, directly or
// through other embedded structs, which is what promotes its methods.
func Embeds(t types.Type, pkg, name string) bool {
	return embeds(t, pkg, name, make(map[types.Type]bool))
}

func embeds(t types.Type, pkg, name string, seen map[types.Type]bool) bool {
	t = types.Unalias(Deref(t))
	if n, ok := t.(*types.Named); ok {
		if seen[n.Origin()] {
			return false
		}
		seen[n.Origin()] = true
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		ft := types.Unalias(Deref(f.Type()))
		if IsNamed(ft, pkg, name) || embeds(ft, pkg, name, seen) {
			return true
		}
	}
	return false
}

// Reach is a set of runtime packages that a package imports, directly or
// through other packages.
type Reach uint8

// The runtime packages, as bits of a Reach.
const (
	ReachResource Reach = 1 << iota
	ReachCoord
	ReachController
	ReachRestest
)

func reachOf(path string) Reach {
	switch path {
	case ResourcePath:
		return ReachResource
	case CoordPath:
		return ReachCoord
	case ControllerPath:
		return ReachController
	case RestestPath:
		return ReachRestest
	}
	return 0
}

// Reaches returns the runtime packages that pkg imports, directly or
// transitively, including pkg itself if it is one.
func Reaches(pkg *types.Package) Reach {
	var r Reach
	EachImport(pkg, func(p *types.Package) bool {
		r |= reachOf(p.Path())
		return true
	})
	return r
}

// EachImport calls visit for pkg and every package it imports, directly or
// transitively, once each, until visit returns false. It walks Imports,
// which lists direct imports for packages checked from source and every
// package the export data refers to for imported ones; either way a
// package that can name an object of another reaches it.
func EachImport(pkg *types.Package, visit func(*types.Package) bool) {
	if pkg == nil {
		return
	}
	seen := map[*types.Package]bool{pkg: true}
	stack := []*types.Package{pkg}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !visit(p) {
			return
		}
		for _, imp := range p.Imports() {
			if !seen[imp] {
				seen[imp] = true
				stack = append(stack, imp)
			}
		}
	}
}
