// Package templates renders the code rescoordgen generates for rescoord
// controllers, with jennifer, formatted by go/format, the standard
// library's imports in a group of their own.
//
// Its input is the model in model.go: a [File] of [Controller] values,
// each with its [Operation] values, as the //rescoord: directives of a
// type-checked package describe them. [Render] turns one File into the
// source of one generated file. One file of this package writes each
// generated piece:
//
//   - file.go: the output file (header, build line, package, the pieces below);
//   - constructor.go: New<Type>(opts ...controller.Option) *<Type>;
//   - operation.go: Start<Op>, Cancel<Op> and <Op>Running for each operation;
//   - guards.go: compile-time guards, so that renaming or changing what the
//     generated code relies on breaks the build at the guard;
//   - types.go: go/types types written as jennifer code;
//   - names.go: the names the generated file uses for imports and locals.
//
// Whatever the user's code is named, the generated code compiles: an
// import never takes a name the package declares (File.Declared), or a
// type parameter's, or a generated local's (it is numbered instead:
// context1); a generated local (the receiver c, ctx, opts) never takes the
// name of a parameter, a type parameter, an import or a package-level
// declaration its function refers to (it gets underscores: c_); and a
// parameter of a Start method named error, or like the context import, is
// renamed so that the method's body still sees them.
//
// The generator (cmd/rescoordgen) renders with it and writes; the
// controllers analyzer renders with it to find stale generated files. See
// docs/rescoordgen.md for what the generated code does.
package templates
