package templates

import (
	"bytes"
	"fmt"
	"go/types"
	"strings"

	"github.com/dave/jennifer/jen"

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
	g := &gen{pkg: pkg, ns: newNamespace(f)}
	out := jen.NewFilePathName(pkg.Path(), f.Package)
	out.HeaderComment(spec.Header[len("// "):])
	for _, c := range f.Controllers {
		g.ctrl = c
		g.constructor(out, c)
		for _, op := range c.Operations {
			g.operation(out, c, op)
		}
		g.guards(out, c)
	}
	g.ns.declare(out)
	out.NoFormat = true // gofmt below does it, faster
	var buf bytes.Buffer
	if err := out.Render(&buf); err != nil {
		return nil, fmt.Errorf("render %s: %w", f.Output, err)
	}
	src, err := gofmt(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("render %s: %w in\n%s", f.Output, err, buf.Bytes())
	}
	src = groupImports(src)
	if f.Build != "" {
		// After the header line, in a paragraph of its own.
		header := len(spec.Header) + 1
		src = append(src[:header:header], append([]byte("\n"+f.Build+"\n"), src[header:]...)...)
	}
	return src, nil
}

// groupImports puts the standard library's imports in a group of their own,
// before the others, as goimports does. jennifer writes one sorted block,
// already formatted, so regrouping its lines keeps the file gofmt-clean.
func groupImports(src []byte) []byte {
	const open = "\nimport (\n"
	start := bytes.Index(src, []byte(open))
	if start < 0 {
		return src
	}
	body := start + len(open)
	end := bytes.Index(src[body:], []byte("\n)\n"))
	if end < 0 {
		return src
	}
	var std, other [][]byte
	for _, line := range bytes.Split(src[body:body+end], []byte("\n")) {
		path := line[bytes.IndexByte(line, '"')+1:]
		if first, _, _ := bytes.Cut(path, []byte("/")); bytes.ContainsRune(first, '.') {
			other = append(other, line)
		} else {
			std = append(std, line)
		}
	}
	if len(std) == 0 || len(other) == 0 {
		return src
	}
	var out bytes.Buffer
	out.Write(src[:body])
	out.Write(bytes.Join(std, []byte("\n")))
	out.WriteString("\n\n")
	out.Write(bytes.Join(other, []byte("\n")))
	out.Write(src[body+end:])
	return out.Bytes()
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
	pkg  *types.Package
	ns   *namespace
	ctrl *spec.Controller // the controller being rendered
	refs map[string]bool  // when not nil, collects the package's names typ writes
}
