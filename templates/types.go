package templates

import (
	"go/types"
	"strings"

	"github.com/dave/jennifer/jen"
)

// typ writes t as jennifer code, qualifying names from other packages so
// that jennifer writes their imports.
func (g *gen) typ(t types.Type) jen.Code {
	switch t := t.(type) {
	case *types.Alias:
		return g.named(t.Obj(), t.TypeArgs())
	case *types.Named:
		return g.named(t.Obj(), t.TypeArgs())
	case *types.TypeParam:
		// A method may name its receiver's type parameters otherwise
		// (func (s *Sum[A, B]) ...): write the type's own name for the
		// position, which the generated methods declare.
		if tp := g.ctrl.Type.TypeParams(); t.Index() < tp.Len() {
			return jen.Id(tp.At(t.Index()).Obj().Name())
		}
		return jen.Id(t.Obj().Name())
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			pkg, name, _ := strings.Cut(t.String(), ".") // the one basic type a package qualifies
			return jen.Qual(pkg, name)
		}
		return jen.Id(t.Name())
	case *types.Pointer:
		return jen.Op("*").Add(g.typ(t.Elem()))
	case *types.Slice:
		return jen.Index().Add(g.typ(t.Elem()))
	case *types.Array:
		return jen.Index(jen.Lit(int(t.Len()))).Add(g.typ(t.Elem()))
	case *types.Map:
		return jen.Map(g.typ(t.Key())).Add(g.typ(t.Elem()))
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			return jen.Chan().Op("<-").Add(g.typ(t.Elem()))
		case types.RecvOnly:
			return jen.Op("<-").Chan().Add(g.typ(t.Elem()))
		}
		if e, ok := t.Elem().(*types.Chan); ok && e.Dir() == types.RecvOnly {
			// chan <-chan T would read as chan<- (chan T)
			return jen.Chan().Parens(g.typ(e))
		}
		return jen.Chan().Add(g.typ(t.Elem()))
	case *types.Signature:
		return jen.Func().Add(g.signature(t))
	case *types.Struct:
		fields := make([]jen.Code, t.NumFields())
		for i := range t.NumFields() {
			f := t.Field(i)
			var field *jen.Statement
			if f.Embedded() {
				field = jen.Add(g.typ(f.Type()))
			} else {
				field = jen.Id(f.Name()).Add(g.typ(f.Type()))
			}
			if tag := t.Tag(i); tag != "" {
				field.Add(jen.Lit(tag))
			}
			fields[i] = field
		}
		return jen.Struct(fields...)
	case *types.Interface:
		if t.IsImplicit() && t.NumEmbeddeds() == 1 {
			return g.typ(t.EmbeddedType(0)) // a constraint written as a bare union
		}
		var elems []jen.Code
		for i := range t.NumEmbeddeds() {
			elems = append(elems, g.typ(t.EmbeddedType(i)))
		}
		for i := range t.NumExplicitMethods() {
			m := t.ExplicitMethod(i)
			elems = append(elems, jen.Id(m.Name()).Add(g.signature(m.Type().(*types.Signature))))
		}
		if len(elems) == 0 {
			return jen.Any()
		}
		return jen.Interface(elems...)
	case *types.Union:
		var out jen.Statement
		for i := range t.Len() {
			term := t.Term(i)
			if i > 0 {
				out.Op("|")
			}
			if term.Tilde() {
				out.Op("~")
			}
			out.Add(g.typ(term.Type()))
		}
		return &out
	case *types.Tuple:
		return jen.Params(g.vars(t, false)...)
	}
	return jen.Id(types.TypeString(t, types.RelativeTo(g.pkg)))
}

func (g *gen) named(obj *types.TypeName, args *types.TypeList) jen.Code {
	var s *jen.Statement
	switch {
	case obj.Pkg() == nil || obj.Pkg() == g.pkg || obj.Pkg().Path() == g.pkg.Path():
		if g.refs != nil && obj.Pkg() != nil {
			g.refs[obj.Name()] = true
		}
		s = jen.Id(obj.Name())
	default:
		g.ns.importName(obj.Pkg().Path(), obj.Pkg().Name())
		s = jen.Qual(obj.Pkg().Path(), obj.Name())
	}
	if args.Len() > 0 {
		codes := make([]jen.Code, args.Len())
		for i := range args.Len() {
			codes[i] = g.typ(args.At(i))
		}
		s.Types(codes...)
	}
	return s
}

// signature writes a signature's parameters and results, without names.
func (g *gen) signature(sig *types.Signature) *jen.Statement {
	params := g.vars(sig.Params(), sig.Variadic())
	s := jen.Params(params...)
	switch res := sig.Results(); res.Len() {
	case 0:
	case 1:
		s.Add(g.typ(res.At(0).Type()))
	default:
		s.Params(g.vars(res, false)...)
	}
	return s
}

func (g *gen) vars(t *types.Tuple, variadic bool) []jen.Code {
	out := make([]jen.Code, t.Len())
	for i := range t.Len() {
		if variadic && i == t.Len()-1 {
			out[i] = jen.Op("...").Add(g.typ(t.At(i).Type().(*types.Slice).Elem()))
			continue
		}
		out[i] = g.typ(t.At(i).Type())
	}
	return out
}

// typeParams writes the declaration of a type's parameters ([K comparable,
// V any]) and their use (Cache[K, V]).
func (g *gen) typeParams(named *types.Named) (decl, use []jen.Code) {
	tp := named.TypeParams()
	for i := range tp.Len() {
		p := tp.At(i)
		decl = append(decl, jen.Id(p.Obj().Name()).Add(g.typ(p.Constraint())))
		use = append(use, jen.Id(p.Obj().Name()))
	}
	return decl, use
}
