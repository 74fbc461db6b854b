package untracked

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/rescoord/rescoord/analyzers/internal/config"
	"github.com/rescoord/rescoord/analyzers/internal/runtimeapi"
	"github.com/rescoord/rescoord/analyzers/internal/suite"
)

const name = "untracked"

var settings = suite.NewSettings(name, config.LayerController)

// Analyzer reports goroutines in controller-layer code that do not go
// through the controller's workers. See the package documentation.
var Analyzer = &analysis.Analyzer{
	Name:     name,
	Doc:      suite.Doc(doc, name),
	URL:      "https://github.com/rescoord/rescoord/blob/main/docs/reslint.md#untracked",
	Requires: []*analysis.Analyzer{suite.Analyzer},
	Run:      suite.Guard(analyze),
}

//go:embed doc.go
var doc string

func init() { settings.Register(&Analyzer.Flags) }

func analyze(pass *analysis.Pass) (any, error) {
	u, err := suite.Open(pass, settings)
	if err != nil {
		return nil, err
	}
	if !u.InLayer() && (u.Package.Directive != "" || u.Package.Reaches&runtimeapi.ReachController == 0 || !hasController(pass.Pkg)) {
		return nil, nil
	}
	u.ReportDirectiveProblems(true)
	for cur := range u.Inspector().Root().Preorder((*ast.GoStmt)(nil)) {
		stmt := cur.Node().(*ast.GoStmt)
		if insideWorker(pass.TypesInfo, cur) {
			continue
		}
		u.Report(analysis.Diagnostic{
			Pos:     stmt.Go,
			End:     stmt.Go + token.Pos(len("go")),
			Message: "goroutine started outside the controller's workers; use Workers().Go",
		})
	}
	return nil, nil
}

// hasController reports whether pkg declares a type that embeds
// controller.Base (directly or through other embedded structs, aliases
// resolved).
func hasController(pkg *types.Package) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if runtimeapi.Embeds(tn.Type(), runtimeapi.ControllerPath, "Base") {
			return true
		}
	}
	return false
}

// insideWorker reports whether the go statement at cur already runs under
// a tracked worker: inside a function literal given to Workers.Go or
// Operation.Start, or in a method of a worker object (a type with the
// coord.Worker methods Cancel() and Done() <-chan struct{}, adopted with
// TrackWorker), which stops its goroutines when cancelled.
func insideWorker(info *types.Info, cur inspector.Cursor) bool {
	for enc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch fn := enc.Node().(type) {
		case *ast.FuncLit:
			call, ok := enc.Parent().Node().(*ast.CallExpr)
			if !ok || call.Fun == fn {
				continue
			}
			if f, ok := runtimeapi.FuncOf(typeutil.Callee(info, call)); ok && runtimeapi.StartsWorker(f) {
				return true
			}
		case *ast.FuncDecl:
			if fn.Recv == nil || len(fn.Recv.List) == 0 {
				return false
			}
			return isWorker(info.TypeOf(fn.Recv.List[0].Type))
		}
	}
	return false
}

// isWorker reports whether values of type t (or pointers to them) have the
// methods of coord.Worker.
func isWorker(t types.Type) bool {
	if t == nil {
		return false
	}
	ptr := t
	if _, isPtr := types.Unalias(t).(*types.Pointer); !isPtr {
		ptr = types.NewPointer(t)
	}
	ms := types.NewMethodSet(ptr)
	cancel, done := ms.Lookup(nil, "Cancel"), ms.Lookup(nil, "Done")
	if cancel == nil || done == nil {
		return false
	}
	cs, ok1 := cancel.Type().(*types.Signature)
	ds, ok2 := done.Type().(*types.Signature)
	if !ok1 || !ok2 || cs.Params().Len() != 0 || cs.Results().Len() != 0 || ds.Params().Len() != 0 || ds.Results().Len() != 1 {
		return false
	}
	ch, ok := types.Unalias(ds.Results().At(0).Type()).(*types.Chan)
	if !ok || ch.Dir() != types.RecvOnly {
		return false
	}
	st, ok := ch.Elem().Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}
