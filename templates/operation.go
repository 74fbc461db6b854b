package templates

import (
	"fmt"
	"go/types"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/rescoord/rescoord/internal/spec"
)

// operation writes Start<Op>, Cancel<Op> and <Op>Running.
func (g *gen) operation(out *jen.File, c *spec.Controller, op *spec.Operation) {
	_, use := g.typeParams(c.Type)
	names := paramNames(op.Params)
	recv, ctx := fresh("c", names), fresh("ctx", names)
	receiver := func() *jen.Statement {
		return jen.Params(jen.Id(recv).Op("*").Id(c.Name).Types(use...))
	}
	operation := jen.Id(recv).Dot(c.BaseField).Dot("Operation").Call(jen.Lit(op.Name))

	params := make([]jen.Code, len(op.Params))
	args := []jen.Code{jen.Id(ctx)}
	for i, p := range op.Params {
		if op.Variadic && i == len(op.Params)-1 {
			params[i] = jen.Id(names[i]).Op("...").Add(g.typ(p.Type().(*types.Slice).Elem()))
			args = append(args, jen.Id(names[i]).Op("..."))
			continue
		}
		params[i] = jen.Id(names[i]).Add(g.typ(p.Type()))
		args = append(args, jen.Id(names[i]))
	}

	doc(out, fmt.Sprintf("%s runs %s as a tracked worker named after the operation and the\n"+
		"time (%q) and returns its ID. While a run is in progress it returns an\n"+
		"error wrapping controller.ErrBusy.", op.Start(), op.Method, op.Name+" 15:04:05"))
	out.Func().Add(receiver()).Id(op.Start()).Params(params...).
		Params(jen.Qual(resourcePath, "ID"), jen.Error()).
		Block(jen.Return(operation.Clone().Dot("Start").Call(
			jen.Func().Params(jen.Id(ctx).Qual("context", "Context")).Error().Block(
				jen.Return(jen.Id(recv).Dot(op.Method).Call(args...)),
			),
		)))

	doc(out, fmt.Sprintf("%s cancels the run of %s in progress, if any, and forgets it.", op.Cancel(), op.Name))
	out.Func().Add(receiver()).Id(op.Cancel()).Params().Error().
		Block(jen.Return(operation.Clone().Dot("Cancel").Call()))

	doc(out, fmt.Sprintf("%s reports whether a run of %s is in progress.", op.Running(), op.Name))
	out.Func().Add(receiver()).Id(op.Running()).Params().Bool().
		Block(jen.Return(operation.Clone().Dot("Running").Call()))
}

// paramNames names the parameters of a Start method after the operation
// method's, naming unnamed and blank ones p0, p1...
func paramNames(params []*types.Var) []string {
	names := make([]string, len(params))
	used := map[string]bool{}
	for _, p := range params {
		used[p.Name()] = true
	}
	for i, p := range params {
		name := p.Name()
		if name == "" || name == "_" {
			name = fresh("p"+strconv.Itoa(i), keys(used))
			used[name] = true
		}
		names[i] = name
	}
	return names
}

// fresh returns name, or name with underscores added, so that it is not
// one of taken.
func fresh(name string, taken []string) string {
	for {
		clash := false
		for _, t := range taken {
			if t == name {
				clash = true
				break
			}
		}
		if !clash {
			return name
		}
		name += "_"
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
