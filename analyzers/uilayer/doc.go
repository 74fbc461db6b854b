// Package uilayer defines an Analyzer that keeps resource management out
// of UI-layer packages.
//
// # Analyzer uilayer
//
// uilayer: report resource management in UI-layer packages
//
// In the rescoord architecture, UI code (tabs, views, screens) holds a
// controller and calls it; the controller owns a coordinator, which
// reports to the resource service:
//
//	UI → Controller → Coordinator → Service
//
// In a package of the UI layer, uilayer reports everything the original
// guide lists under "What to Remove from Tabs", and the Go forms of it:
//
//	guide                                      reported here
//	from ... import get_service,               import spec of runtime/resource or runtime/coord
//	  IResourceManagementService, ResourceType
//	self._resource_manager = get_service(...)  call of resource.Default (or SetDefault);
//	                                           field or variable holding resource.Service,
//	                                           *resource.Manager, coord.Coordinator or coord.Workers
//	.register_component(...),                  call of RegisterComponent, RegisterCleanup,
//	  .register_cleanup(...)                   UnregisterComponent, Coordinator.Bind
//	.track_resource(...)                       call of Track, TrackWorker, Workers.Go,
//	                                           Operation.Start; creating a coordinator or a
//	                                           service (coord.New, coord.NewWorkers, resource.NewManager)
//	self._worker_resource_id = None            field or variable holding a resource.ID
//	self._thumbnail_resource_ids = []          field or variable holding a collection of them
//	def _cleanup_resources(self),              the calls inside them: Release, CleanupAll, Close,
//	  _release_worker_resource(self),            CancelAll, CancelAllWorkers, Shutdown, Track
//	  _track_internal_resources(self)
//	QThread started by the tab                 go statement
//
// Calls are resolved through the type checker, so they are found through
// aliases (type C = coord.Coordinator), renamed and dot imports, methods
// promoted by embedding (a tab embedding *coord.Workers, or calling
// Resources().Track on a controller it holds) and generic code. Method
// values and method expressions (f := c.Release) count as uses. Reading
// the runtime's state (Live, ActiveWorkers, Running) is not reported, and
// neither is the guide's tab pattern: calling the controller's Start,
// Cancel and Cleanup methods.
//
// "Holding" a resource ID means a type that is resource.ID or contains it
// through pointers, slices, arrays, maps, channels, type arguments
// (set[resource.ID]) and the package's own non-struct types (type ids
// []resource.ID). Function parameters and results are not reported: they
// are fixed by the APIs the code implements or calls.
//
// Packages outside the UI layer are never reported.
//
// # The UI layer
//
// A package is in the UI layer if one of its files has the directive
//
//	//reslint:layer ui
//
// before its package clause (the directive wins over patterns: a package
// marked //reslint:layer controller is not UI, whatever the patterns say),
// or if its import path matches a pattern of the layer, given by the flag
//
//	-uilayer.ui=./ui/...,github.com/acme/app/.../views
//
// or, without the flag, by layers.ui of the .reslint.yaml at the root of
// the package's module (the directory of its go.mod):
//
//	layers:
//	  ui:
//	    - ./ui/...
//
// There is no default pattern: without a directive or a pattern, no
// package is UI.
//
// uilayer also reports malformed //reslint: directives: unknown or
// conflicting layer names, a //reslint:layer after the package clause
// (it would be ignored), and unknown verbs.
//
// # Flags
//
//	-uilayer.ui PATTERNS  the UI layer's patterns, replacing the file's layers.ui
//	-uilayer.config FILE  the configuration file to use instead of the module's
//	                      .reslint.yaml ("off": none)
//	-uilayer.tests        also report in _test.go files
//
// # Suppressing, generated files, tests
//
// A finding is suppressed by a directive on its line, or on its own line
// in the comment just above it, naming the analyzer and giving a reason:
//
//	//reslint:ignore uilayer the close must not block the event loop
//	go w.Close()
//
// Generated files (ast.IsGenerated) are never reported. Nor are _test.go
// files unless -uilayer.tests is set: tests of UI code legitimately set up
// services (restest.NewService), track resources and start goroutines.
//
// # Suggested fixes
//
// Two findings come with a fix, both of which keep the code compiling:
//
//   - a blank import (import _ ".../runtime/coord"): delete it;
//   - a field of resource IDs that nothing uses any more (the leftover of a
//     migration): delete it, with its doc comment, and the imports that
//     only it used. The fix is offered only for unexported fields of
//     named struct types that are never built by position or converted,
//     whose name does not appear in the package's _test.go files, and
//     when no other dead field needs the same import removed.
//
// Everything else needs a decision (where in the controller the code
// goes), so it comes without a fix.
package uilayer
