// Package untracked defines an Analyzer that reports goroutines in
// controller code that bypass the controller's workers.
//
// # Analyzer untracked
//
// untracked: report go statements in controller code that bypass
// Workers.Go
//
// A controller (a type embedding controller.Base) runs its background
// work through its worker coordinator:
//
//	c.Workers().Go("copy", func(ctx context.Context) error { return copyTree(ctx, src, dst) })
//
// which gives the work a context that cleanup cancels, tracks it while it
// runs and waits for it at shutdown. A go statement does none of that: the
// controller's Cleanup can neither cancel the goroutine nor wait for it,
// and leak checks (restest) cannot see it. untracked reports every go
// statement in controller-layer code, except
//
//   - inside a function literal passed to Workers.Go or Operation.Start
//     (the goroutine is started by a tracked worker, whose context it can
//     use; the worker should wait for it, as errgroup does);
//   - in a method of a worker object, a type with the methods of
//     coord.Worker (Cancel() and Done() <-chan struct{}), which is adopted
//     with Workers.TrackWorker and stops its own goroutines when
//     cancelled.
//
// # The controller layer
//
// A package is controller-layer code if
//
//   - one of its files has //reslint:layer controller before the package
//     clause; or
//   - without a //reslint:layer directive, its import path matches a
//     pattern of the flag -untracked.controller, or, without the flag, of
//     layers.controller in the .reslint.yaml at the module root;
//     or
//   - without a //reslint:layer directive, it declares a type that embeds
//     controller.Base, directly, through an alias or through another
//     embedded struct (an application's own base controller).
//
// A package that cannot reach runtime/controller through its imports has
// no controller types, and costs one map lookup.
//
// # Flags
//
//	-untracked.controller PATTERNS  controller-layer patterns, replacing layers.controller
//	-untracked.config FILE          the configuration file to use ("off": none)
//	-untracked.tests                also report in _test.go files
//
// # Suppressing, generated files, tests
//
// //reslint:ignore untracked REASON on the line or on its own line just
// above suppresses a finding. Generated files are never reported; _test.go
// files only with -untracked.tests (tests start goroutines to exercise
// concurrency).
//
// # Fixes
//
// None: rewriting a go statement as Workers().Go changes behaviour (the
// work gets cancelled at cleanup, and a controller created without a
// worker coordinator has no Workers to run it), so it is left to a person.
package untracked
