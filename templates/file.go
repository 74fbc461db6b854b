package templates

import (
	"bytes"
	"fmt"
	"go/types"
	"strings"

	"github.com/dave/jennifer/jen"
	"golang.org/x/tools/imports"

	"github.com/rescoord/rescoord/internal/spec"
)

// Import paths the generated code uses.
const (
	controllerPath = spec.ControllerPath
	resourcePath   = "github.com/rescoord/rescoord/runtime/resource"
)

// Render returns the generated file for f, formatted, for the package pkg.
// The output depends only on f and pkg: no time, path or version.
func Render(f *spec.File, pkg *types.Package) ([]byte, error) {
	g := newGen(pkg, f)
	out := jen.NewFilePathName(pkg.Path(), f.Package)
	out.HeaderComment(spec.Header[len("// "):])
	out.ImportName(controllerPath, "controller")
	out.ImportName(resourcePath, "resource")
	out.ImportName("context", "context")
	for _, c := range f.Controllers {
		g.constructor(out, c)
		for _, op := range c.Operations {
			g.operation(out, c, op)
		}
		g.guards(out, c)
	}
	for path, name := range g.imports {
		out.ImportName(path, name)
	}
	var buf bytes.Buffer
	if err := out.Render(&buf); err != nil {
		return nil, fmt.Errorf("render %s: %w", f.Output, err)
	}
	// Standard library imports apart from the others, as goimports does.
	src, err := imports.Process(f.Output, buf.Bytes(), &imports.Options{FormatOnly: true, Comments: true, TabIndent: true, TabWidth: 8})
	if err != nil {
		return nil, fmt.Errorf("format %s: %w", f.Output, err)
	}
	if f.Build != "" {
		// After the header line, in a paragraph of its own.
		header := len(spec.Header) + 1
		src = append(src[:header:header], append([]byte("\n"+f.Build+"\n"), src[header:]...)...)
	}
	return src, nil
}

// doc writes a comment of one or more lines as consecutive // lines
// (jennifer writes a multi-line Comment as a /* */ block).
func doc(out *jen.File, text string) {
	lines := strings.Split(text, "\n")
	c := jen.Comment(lines[0])
	for _, l := range lines[1:] {
		c.Line().Comment(l)
	}
	out.Add(c)
}

// gen renders the pieces of one file.
type gen struct {
	pkg     *types.Package
	imports map[string]string // path → name, for jennifer
}

func newGen(pkg *types.Package, f *spec.File) *gen {
	return &gen{pkg: pkg, imports: map[string]string{}}
}
