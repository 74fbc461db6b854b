package templates

import (
	"bytes"
	"fmt"
	"go/format"
	"go/types"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
)

// Import paths the generated code uses.
const (
	controllerPath = "github.com/rescoord/rescoord/runtime/controller"
	resourcePath   = "github.com/rescoord/rescoord/runtime/resource"
)

// Render returns the generated file for f, in the package pkg, formatted
// as gofmt formats it, with the standard library's imports in a group of
// their own as goimports puts them. The output depends only on f and pkg:
// no time, path or version.
func Render(f *File, pkg *types.Package) ([]byte, error) {
	if err := validate(f); err != nil {
		return nil, fmt.Errorf("render %s: %w", f.Output, err)
	}
	g := &gen{pkg: pkg, ns: newNamespace(f)}
	out := jen.NewFilePathName(pkg.Path(), f.Package)
	if f.Build == "" {
		out.HeaderComment(Header)
	} else {
		// The build line after a blank line: jennifer writes a comment
		// that starts with // as it is, and a line break after each.
		out.HeaderComment(Header + "\n")
		out.HeaderComment(f.Build)
	}
	for _, c := range f.Controllers {
		g.ctrl = c
		g.constructor(out, c)
		for _, op := range c.Operations {
			g.operation(out, c, op)
		}
		g.guards(out, c)
	}
	g.ns.declare(out)
	out.NoFormat = true // formatted below, once
	var buf bytes.Buffer
	if err := out.Render(&buf); err != nil {
		return nil, fmt.Errorf("render %s: %w", f.Output, err)
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("render %s: %w in\n%s", f.Output, err, buf.Bytes())
	}
	return groupImports(src), nil
}

// groupImports puts the standard library's imports of src, gofmt's output
// for a file whose one import block jennifer wrote, in a group of their
// own ahead of the others, as goimports does: each group stays sorted by
// path, and gofmt keeps the layout.
func groupImports(src []byte) []byte {
	const open = "\nimport (\n"
	start := bytes.Index(src, []byte(open))
	if start < 0 {
		return src
	}
	start += len(open)
	end := bytes.Index(src[start:], []byte("\n)\n"))
	if end < 0 {
		return src
	}
	end += start + 1
	var std, other [][]byte
	for _, line := range bytes.SplitAfter(src[start:end], []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		_, rest, _ := bytes.Cut(line, []byte(`"`))
		first, _, _ := strings.Cut(string(rest), "/")
		if strings.Contains(strings.TrimSuffix(first, "\"\n"), ".") {
			other = append(other, line)
		} else {
			std = append(std, line)
		}
	}
	if len(std) == 0 || len(other) == 0 {
		return src
	}
	block := slices.Concat(slices.Concat(std...), []byte("\n"), slices.Concat(other...))
	return slices.Concat(src[:start], block, src[end:])
}

// validate reports what Render cannot render.
func validate(f *File) error {
	for _, c := range f.Controllers {
		switch {
		case c.Type == nil:
			return fmt.Errorf("controller %s has no type", c.Name)
		case c.BaseField == "":
			return fmt.Errorf("controller %s has no controller.Base field", c.Name)
		case c.Coordinator != BaseCoordinator && c.Coordinator != WorkerCoordinator:
			return fmt.Errorf("controller %s: coordinator %q, want %q or %q", c.Name, c.Coordinator, BaseCoordinator, WorkerCoordinator)
		case c.Coordinator == BaseCoordinator && len(c.Operations) > 0:
			return fmt.Errorf("controller %s has operations, which need a %s coordinator", c.Name, WorkerCoordinator)
		}
		for _, op := range c.Operations {
			if !op.Variadic {
				continue
			}
			if n := len(op.Params); n == 0 {
				return fmt.Errorf("operation %s.%s is variadic but has no parameters", c.Name, op.Name)
			} else if _, ok := op.Params[n-1].Type().(*types.Slice); !ok {
				return fmt.Errorf("operation %s.%s is variadic, but its last parameter is not a slice", c.Name, op.Name)
			}
		}
	}
	return nil
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
	ctrl *Controller     // the controller being rendered
	refs map[string]bool // when not nil, collects the package's names typ writes
}
