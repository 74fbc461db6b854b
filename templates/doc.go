// Package templates holds the jennifer code that renders what rescoordgen
// generates, one file per generated piece:
//
//   - file.go: the output file (header, build line, package, the pieces below);
//   - constructor.go: New<Type>(opts ...controller.Option) *<Type>;
//   - operation.go: Start<Op>, Cancel<Op> and <Op>Running for each operation;
//   - guards.go: compile-time guards, so that renaming or changing what the
//     generated code relies on breaks the build at the guard;
//   - types.go: go/types types written as jennifer code.
//
// The generator (cmd/rescoordgen) renders with it and writes; the
// controllers analyzer renders with it to find stale generated files. Both
// feed it the specifications of package spec.
package templates
