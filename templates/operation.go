package templates

import (
	"fmt"
	"go/types"

	"github.com/dave/jennifer/jen"
)

// operation writes Start<Op>, Cancel<Op> and <Op>Running.
func (g *gen) operation(out *jen.File, c *Controller, op *Operation) {
	_, use := g.typeParams(c.Type)
	names := g.ns.paramNames(op.Params)
	recv, ctx := g.ns.local("c", names), g.ns.local("ctx", names)
	receiver := func() *jen.Statement {
		return jen.Params(jen.Id(recv).Op("*").Id(c.Name).Types(use...))
	}
	operation := jen.Id(recv).Dot(c.BaseField).Dot("Operation").Call(jen.Lit(op.Name))

	params := make([]jen.Code, len(op.Params))
	args := []jen.Code{jen.Id(ctx)}
	for i := range op.Params {
		params[i] = jen.Id(names[i]).Add(g.paramType(op, i))
		arg := jen.Id(names[i])
		if op.Variadic && i == len(op.Params)-1 {
			arg.Op("...")
		}
		args = append(args, arg)
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

// paramType writes the type of op's parameter i as declared: ...T for a
// variadic []T.
func (g *gen) paramType(op *Operation, i int) jen.Code {
	t := op.Params[i].Type()
	if op.Variadic && i == len(op.Params)-1 {
		return jen.Op("...").Add(g.typ(t.(*types.Slice).Elem()))
	}
	return g.typ(t)
}
