package templates

import (
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// typeCheck type-checks src, a package that imports only the standard
// library, and returns it with its named type name.
func typeCheck(t *testing.T, src, name string) (*types.Package, *types.Named) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "tab.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("example.com/tabs", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg, pkg.Scope().Lookup(name).Type().(*types.Named)
}

// TestRender checks what Render guarantees of every file, whatever the
// golden tests of cmd/rescoordgen want in it: the header first, the build
// line in a paragraph of its own, gofmt's layout, the standard library's
// imports apart from the others.
func TestRender(t *testing.T) {
	pkg, named := typeCheck(t, `package tabs

import "time"

type Sum[K comparable, V any] struct{ m map[K]V }

func (s *Sum[K, V]) add(ctx interface{ Done() <-chan struct{} }, at time.Time, keys ...K) error { return nil }
`, "Sum")
	method, _, _ := types.LookupFieldOrMethod(types.NewPointer(named), true, pkg, "add")
	sig := method.Type().(*types.Signature)
	f := &File{
		Output:  "tab_rescoord.go",
		Package: "tabs",
		Build:   "//go:build linux && !race",
		Controllers: []*Controller{{
			Name:        "Sum",
			Type:        named,
			BaseField:   "Base",
			Coordinator: WorkerCoordinator,
			Component:   "Summer",
			Priority:    3,
			HasPriority: true,
			Operations: []*Operation{{
				Name:     "Add",
				Method:   "add",
				Params:   []*types.Var{sig.Params().At(1), sig.Params().At(2)},
				Variadic: true,
			}},
		}},
		Declared: map[string]bool{"Sum": true, "resource": true},
	}
	src, err := Render(f, pkg)
	if err != nil {
		t.Fatal(err)
	}
	got := string(src)
	for _, want := range []string{
		Header + "\n\n//go:build linux && !race\n\npackage tabs\n\nimport (\n",
		"\t\"context\"\n\t\"time\"\n\n\t\"github.com/rescoord/rescoord/runtime/controller\"\n",
		"\tresource1 \"github.com/rescoord/rescoord/runtime/resource\"\n", // the package declares resource
		"func NewSum[K comparable, V any](opts ...controller.Option) *Sum[K, V] {\n",
		"controller.WithComponentName(\"Summer\"), controller.WithPriority(3)",
		"func (c *Sum[K, V]) StartAdd(at time.Time, keys ...K) (resource1.ID, error) {\n",
		"\t\treturn c.add(ctx, at, keys...)\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	formatted, err := format.Source(src)
	if err != nil || string(formatted) != got {
		t.Errorf("output is not gofmt-clean (%v):\n%s", err, got)
	}
	if again, err := Render(f, pkg); err != nil || string(again) != got {
		t.Errorf("a second Render differs (%v):\n%s", err, again)
	}
}

func TestRenderRejects(t *testing.T) {
	pkg, named := typeCheck(t, "package tabs\n\ntype Tab struct{}\n", "Tab")
	for _, c := range []struct {
		ctrl Controller
		want string
	}{
		{Controller{Name: "Tab", BaseField: "Base", Coordinator: BaseCoordinator}, "no type"},
		{Controller{Name: "Tab", Type: named, Coordinator: BaseCoordinator}, "no controller.Base field"},
		{Controller{Name: "Tab", Type: named, BaseField: "Base"}, `coordinator ""`},
		{Controller{Name: "Tab", Type: named, BaseField: "Base", Coordinator: BaseCoordinator,
			Operations: []*Operation{{Name: "Op", Method: "op"}}}, "need a worker coordinator"},
		{Controller{Name: "Tab", Type: named, BaseField: "Base", Coordinator: WorkerCoordinator,
			Operations: []*Operation{{Name: "Op", Method: "op", Variadic: true}}}, "variadic but has no parameters"},
		{Controller{Name: "Tab", Type: named, BaseField: "Base", Coordinator: WorkerCoordinator,
			Operations: []*Operation{{Name: "Op", Method: "op", Variadic: true,
				Params: []*types.Var{types.NewParam(token.NoPos, pkg, "n", types.Typ[types.Int])}}}}, "not a slice"},
	} {
		f := &File{Output: "tab_rescoord.go", Package: "tabs", Controllers: []*Controller{&c.ctrl}}
		if _, err := Render(f, pkg); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Render(%+v) = %v, want an error with %q", c.ctrl, err, c.want)
		}
	}
}

func TestNames(t *testing.T) {
	for _, c := range []struct {
		ctrl *Controller
		want string
	}{
		{&Controller{Name: "CopyTab"}, "NewCopyTab"},
		{&Controller{Name: "copyTab"}, "newCopyTab"},
		{&Controller{Name: "émoi"}, "newÉmoi"},
	} {
		if got := c.ctrl.Constructor(); got != c.want {
			t.Errorf("%s: Constructor() = %s, want %s", c.ctrl.Name, got, c.want)
		}
	}
	op := &Operation{Name: "Copy"}
	if got := []string{op.Start(), op.Cancel(), op.Running()}; strings.Join(got, " ") != "StartCopy CancelCopy CopyRunning" {
		t.Errorf("operation methods %v", got)
	}
}

func TestGroupImports(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{
			"package p\n\nimport (\n\t\"context\"\n\tx \"example.com/x\"\n\t\"github.com/a/b\"\n\ttemplate1 \"html/template\"\n)\n\nvar _ = 1\n",
			"package p\n\nimport (\n\t\"context\"\n\ttemplate1 \"html/template\"\n\n\tx \"example.com/x\"\n\t\"github.com/a/b\"\n)\n\nvar _ = 1\n",
		},
		{"package p\n\nimport (\n\t\"context\"\n\t\"io\"\n)\n", "package p\n\nimport (\n\t\"context\"\n\t\"io\"\n)\n"},
		{"package p\n\nimport (\n\t\"example.com/x\"\n)\n", "package p\n\nimport (\n\t\"example.com/x\"\n)\n"},
		{"package p\n\nimport \"context\"\n", "package p\n\nimport \"context\"\n"},
		{"package p\n", "package p\n"},
	} {
		got := string(groupImports([]byte(tt.in)))
		if got != tt.want {
			t.Errorf("groupImports(%q) =\n%s\nwant\n%s", tt.in, got, tt.want)
		}
		if formatted, err := format.Source([]byte(got)); err != nil || string(formatted) != got {
			t.Errorf("groupImports(%q) is not gofmt-clean: %v", tt.in, err)
		}
	}
}
