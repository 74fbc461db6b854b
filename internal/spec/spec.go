package spec

import (
	"go/ast"
	"path/filepath"
	"strings"

	"github.com/rescoord/rescoord/templates"
)

// ControllerPath is the import path of the package that declares
// controller.Base.
const ControllerPath = "github.com/rescoord/rescoord/runtime/controller"

// OutputName returns the name of the file generated for the source file
// name: x.go → x_rescoord.go, x_test.go → x_rescoord_test.go.
func OutputName(source string) string {
	dir, base := filepath.Split(source)
	if stem, ok := strings.CutSuffix(base, "_test.go"); ok {
		return dir + stem + "_rescoord_test.go"
	}
	return dir + strings.TrimSuffix(base, ".go") + "_rescoord.go"
}

// IsOutputName reports whether name has the form of a generated file's
// name.
func IsOutputName(name string) bool {
	return strings.HasSuffix(name, "_rescoord.go") || strings.HasSuffix(name, "_rescoord_test.go")
}

// IsGenerated reports whether f was written by rescoordgen: its first
// comment is templates.Header.
func IsGenerated(f *ast.File) bool {
	for _, g := range f.Comments {
		if g.Pos() > f.Package {
			return false
		}
		for _, c := range g.List {
			if c.Text == templates.Header {
				return true
			}
		}
	}
	return false
}

// IsGeneratedSource reports whether src starts like a file rescoordgen
// wrote, without parsing it.
func IsGeneratedSource(src []byte) bool {
	return strings.HasPrefix(string(src), templates.Header+"\n")
}
