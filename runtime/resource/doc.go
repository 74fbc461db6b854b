// Package resource is the core of rescoord: the service that knows every
// component of an application and the resources each one holds.
//
// It is the bottom layer of
//
//	UI → Controller → Coordinator → Service
//
// Application code rarely calls it directly. Coordinators (package
// [github.com/rescoord/rescoord/runtime/coord]) register themselves as
// components, track resources and report to a [Service]; controllers (package
// [github.com/rescoord/rescoord/runtime/controller]) own a coordinator. What an
// application does with this package is:
//
//   - choose the service: inject one with coord.WithService or
//     controller.WithService, or let everything use [Default];
//   - shut it down when the application exits: [Manager.Shutdown] runs every
//     registered cleanup, higher priority first and last-registered first
//     within one priority, and reports what did not stop in time;
//   - look inside it: [Manager.Components] lists each component with its live
//     resources (kind, name, age, where it was tracked).
//
// Resources are identified by [ID], a UUID. Their kinds ([Kind]) follow the
// original guide: memory, file_handle, thread, widget, thumbnail, map, worker,
// custom.
//
// Errors are values: releasing an unknown ID gives [ErrNotTracked], using a
// closed service or coordinator gives [ErrClosed], and a panic in a cleanup
// or worker is recovered into a [*PanicError] joined into the returned error,
// so errors.Is and errors.As work on everything this module returns.
//
// Logging goes through log/slog. A Manager without [WithLogger] forwards
// warnings and errors (a component collected with active resources, a worker
// that would not stop) to slog.Default and drops the rest; pass
// WithLogger(slog.Default()) to see every record, and WithLogger(nil) to
// discard everything.
package resource
