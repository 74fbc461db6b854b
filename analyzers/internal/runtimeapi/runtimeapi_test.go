package runtimeapi

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/packages"
)

func loadRuntime(t *testing.T) map[string]*types.Package {
	t.Helper()
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps, Dir: "."}
	pkgs, err := packages.Load(cfg, ResourcePath, CoordPath, ControllerPath, "fmt")
	if err != nil {
		t.Skipf("load: %v", err)
	}
	out := make(map[string]*types.Package)
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Skipf("load %s: %v", p.PkgPath, p.Errors)
		}
		out[p.PkgPath] = p.Types
	}
	return out
}

func method(t *testing.T, pkg *types.Package, typ, name string) *types.Func {
	t.Helper()
	obj := pkg.Scope().Lookup(typ)
	if obj == nil {
		t.Fatalf("%s.%s not found", pkg.Path(), typ)
	}
	m, _, _ := types.LookupFieldOrMethod(types.NewPointer(obj.Type()), true, pkg, name)
	if m == nil {
		m, _, _ = types.LookupFieldOrMethod(obj.Type(), true, pkg, name) // an interface
	}
	fn, ok := m.(*types.Func)
	if !ok {
		t.Fatalf("%s.%s.%s is not a method", pkg.Path(), typ, name)
	}
	return fn
}

func TestFuncOf(t *testing.T) {
	pkgs := loadRuntime(t)
	coord, resource, controller := pkgs[CoordPath], pkgs[ResourcePath], pkgs[ControllerPath]
	for _, tt := range []struct {
		obj    types.Object
		want   Func
		action Action
	}{
		{coord.Scope().Lookup("New"), Func{CoordPath, "", "New"}, Create},
		{method(t, coord, "Workers", "Go"), Func{CoordPath, "Workers", "Go"}, Start},
		{method(t, coord, "Workers", "Live"), Func{CoordPath, "Workers", "Live"}, None},
		{method(t, coord, "Coordinator", "Track"), Func{CoordPath, "Coordinator", "Track"}, Track},
		{method(t, resource, "Service", "RegisterCleanup"), Func{ResourcePath, "Service", "RegisterCleanup"}, Register},
		{method(t, resource, "Manager", "Shutdown"), Func{ResourcePath, "Manager", "Shutdown"}, Release},
		{method(t, controller, "Operation", "Start"), Func{ControllerPath, "Operation", "Start"}, Start},
		{resource.Scope().Lookup("Default"), Func{ResourcePath, "", "Default"}, Service},
	} {
		got, ok := FuncOf(tt.obj)
		if !ok || got != tt.want {
			t.Errorf("FuncOf(%v) = %v, %v; want %v", tt.obj, got, ok, tt.want)
		}
		if a := ActionOf(got); a != tt.action {
			t.Errorf("ActionOf(%v) = %v, want %v", got, a, tt.action)
		}
	}
	if _, ok := FuncOf(pkgs["fmt"].Scope().Lookup("Println")); ok {
		t.Error("fmt.Println is a runtime function?")
	}
	if _, ok := FuncOf(resource.Scope().Lookup("ErrClosed")); ok {
		t.Error("a variable is a function?")
	}
	if _, ok := FuncOf(nil); ok {
		t.Error("nil is a function?")
	}
	if s := (Func{CoordPath, "Workers", "Go"}).String(); s != "coord.Workers.Go" {
		t.Errorf("String = %q", s)
	}
	if !StartsWorker(Func{CoordPath, "Workers", "Go"}) || StartsWorker(Func{CoordPath, "Coordinator", "Track"}) {
		t.Error("StartsWorker")
	}
}

func TestNamedAndEmbeds(t *testing.T) {
	pkgs := loadRuntime(t)
	base := pkgs[ControllerPath].Scope().Lookup("Base").Type()
	id := pkgs[ResourcePath].Scope().Lookup("ID").Type()
	if !IsNamed(id, ResourcePath, "ID") || IsNamed(types.NewPointer(id), ResourcePath, "ID") || IsNamed(id, CoordPath, "ID") {
		t.Error("IsNamed")
	}
	alias := types.NewAlias(types.NewTypeName(0, nil, "B", nil), base)
	outer := types.NewStruct([]*types.Var{types.NewField(0, nil, "B", alias, true)}, nil)
	named := types.NewNamed(types.NewTypeName(0, nil, "Ctl", nil), outer, nil)
	deeper := types.NewStruct([]*types.Var{types.NewField(0, nil, "Ctl", types.NewPointer(named), true)}, nil)
	if !Embeds(named, ControllerPath, "Base") || !Embeds(deeper, ControllerPath, "Base") {
		t.Error("Embeds misses an embedded controller.Base")
	}
	plain := types.NewStruct([]*types.Var{types.NewField(0, nil, "b", base, false)}, nil)
	if Embeds(plain, ControllerPath, "Base") || Embeds(id, ControllerPath, "Base") {
		t.Error("Embeds sees a named field or a non-struct as embedding")
	}
}

func TestReaches(t *testing.T) {
	pkgs := loadRuntime(t)
	if r := Reaches(pkgs[ControllerPath]); r&(ReachController|ReachCoord|ReachResource) != ReachController|ReachCoord|ReachResource {
		t.Errorf("Reaches(controller) = %b", r)
	}
	if r := Reaches(pkgs[ResourcePath]); r != ReachResource {
		t.Errorf("Reaches(resource) = %b", r)
	}
	if r := Reaches(pkgs["fmt"]); r != 0 {
		t.Errorf("Reaches(fmt) = %b", r)
	}
	if Reaches(nil) != 0 {
		t.Error("Reaches(nil)")
	}
	if Short(CoordPath) != "runtime/coord" {
		t.Error("Short")
	}
}
