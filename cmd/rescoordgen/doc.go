// Rescoordgen writes the boilerplate of rescoord controllers from
// //rescoord: directives.
//
// Usage:
//
//	//go:generate go tool rescoordgen
//
//	rescoordgen [-check] [-tags list] [packages]
//
// With no packages it works on the package in the current directory (where
// go generate runs it). For every source file x.go that declares
// controllers it writes x_rescoord.go (x_test.go gives x_rescoord_test.go)
// with, for each controller, New<Type>(opts ...controller.Option) *<Type>,
// Start<Op>, Cancel<Op> and <Op>Running for each operation, and
// compile-time guards:
//
//	//rescoord:controller [coordinator=base|worker] [component=NAME] [priority=N] [init=METHOD]
//	type CopyVerifyController struct {
//		controller.Base
//		...
//	}
//
//	//rescoord:operation [name=Op]
//	func (c *CopyVerifyController) copyVerify(ctx context.Context, p Params) error
//
// Errors are printed as file:line:col: message, sorted, and nothing is
// written (exit status 1). With -check it writes nothing and prints a
// unified diff of what would change: exit status 1 if anything would, 0 if
// nothing, 2 on errors.
//
// The reference, with every directive, key, generated name, flag, error
// and guarantee, is docs/rescoordgen.md in the module's repository:
// https://github.com/rescoord/rescoord/blob/main/docs/rescoordgen.md
package main
