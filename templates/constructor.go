package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

// constructor writes New<Type>.
func (g *gen) constructor(out *jen.File, c *Controller) {
	decl, use := g.typeParams(c.Type)
	kind, what := "Plain", "a plain coordinator"
	if c.Coordinator == WorkerCoordinator {
		kind, what = "Workers", "a worker coordinator"
	}
	var preset []jen.Code
	if c.Component != "" {
		preset = append(preset, jen.Qual(controllerPath, "WithComponentName").Call(jen.Lit(c.Component)))
	}
	if c.HasPriority {
		preset = append(preset, jen.Qual(controllerPath, "WithPriority").Call(jen.Lit(c.Priority)))
	}
	c0, optsName := g.ns.local("c", nil), g.ns.local("opts", nil)
	opts := jen.Id(optsName).Op("...")
	if len(preset) > 0 {
		opts = jen.Append(jen.Index().Qual(controllerPath, "Option").Values(preset...), jen.Id(optsName).Op("...")).Op("...")
	}

	text := fmt.Sprintf("%s returns a new %s with %s, registered with the\n"+
		"resource service (controller.WithService, or resource.Default) and bound to it.", c.Constructor(), c.Name, what)
	if c.Init != "" {
		text += fmt.Sprintf("\nIt calls %s last, to finish the construction of the controller's own fields.", c.Init)
	}
	body := []jen.Code{
		jen.Id(c0).Op(":=").Op("&").Id(c.Name).Types(use...).Values(),
		jen.Id(c0).Dot(c.BaseField).Dot("Init").Call(jen.Id(c0), jen.Qual(controllerPath, kind), opts),
	}
	if c.Init != "" {
		body = append(body, jen.Id(c0).Dot(c.Init).Call())
	}
	body = append(body, jen.Return(jen.Id(c0)))

	doc(out, text)
	out.Func().Id(c.Constructor()).Types(decl...).
		Params(jen.Id(optsName).Op("...").Qual(controllerPath, "Option")).
		Op("*").Id(c.Name).Types(use...).
		Block(body...)
}
