package templates

import (
	"maps"
	"slices"

	"github.com/dave/jennifer/jen"
)

// guards writes a function that is never called, whose body fails to
// compile when what the generated code relies on changes: the embedded
// controller.Base, the operation methods' signatures, the init method.
func (g *gen) guards(out *jen.File, c *Controller) {
	decl, use := g.typeParams(c.Type)
	self := func() *jen.Statement { return jen.Op("*").Id(c.Name).Types(use...) }
	// The local c comes first and the rest refers to the package's types
	// after it: write the rest, then name c after none of them.
	g.refs = map[string]bool{c.Name: true}
	var rest []jen.Code
	for _, op := range c.Operations {
		params := []jen.Code{self(), jen.Qual("context", "Context")}
		for i := range op.Params {
			params = append(params, g.paramType(op, i))
		}
		rest = append(rest, jen.Var().Id("_").Func().Params(params...).Error().Op("=").Parens(self()).Dot(op.Method))
	}
	if c.Init != "" {
		rest = append(rest, jen.Var().Id("_").Func().Params(self()).Op("=").Parens(self()).Dot(c.Init))
	}
	v := g.ns.local("c", slices.Collect(maps.Keys(g.refs)))
	g.refs = nil
	body := append([]jen.Code{
		jen.Var().Id(v).Op("*").Id(c.Name).Types(use...),
		jen.Var().Id("_").Op("*").Qual(controllerPath, "Base").Op("=").Op("&").Id(v).Dot(c.BaseField),
	}, rest...)
	doc(out, "Compile-time guards for "+c.Name+": if this does not compile, what the\n"+
		"generated code relies on has changed; run go generate.")
	out.Func().Id("_").Types(decl...).Params().Block(body...)
}
