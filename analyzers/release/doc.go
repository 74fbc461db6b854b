// Package release defines an Analyzer that reports resources that are not
// released on every path.
//
// # Analyzer release
//
// release: report resources acquired and not released on every path
//
// A resource.ID returned by Coordinator.Track (or by Workers.Go and
// Workers.TrackWorker with coord.AutoRelease(false)) and kept in a variable
// must reach Release on every path through the function, or be handed off:
// returned, stored in a field, map, slice or global, sent on a channel,
// or passed to a function that takes it over. Paths
// come from the function's control-flow graph: paths that end in panic,
// os.Exit, log.Fatal or another function that never returns are not paths
// out of the function, and the branch right after an acquire that returned
// an error (if err != nil) is not a leak path. Registering the release to
// run later releases too: t.Cleanup(end), tb.Cleanup(span.End),
// context.AfterFunc(ctx, end). A function literal that captures the
// resource releases it if it does on every path of its own body, hands it
// off if it does, and otherwise leaves it to its function (a release under
// a condition releases nothing, but for two conditions a deferred closure
// may test: a named error result against nil, which releases on the
// returns of a non-nil error, and a local bool flag, on the returns
// reached with the flag set). A deferred Release, or a deferred
// closure that releases, counts from the point the defer
// statement runs.
//
// Discarding the ID of Track is fine: the resource lives as long as the
// component, and CleanupAll frees it. Inside a loop it is reported, since
// every iteration adds a resource that nothing releases until the component
// goes. Discarding the ID of a worker with AutoRelease(false) is reported
// everywhere.
//
// Across packages, facts say which functions take over (release or keep) an
// ID parameter, and which return a resource they acquired: callers of such
// a wrapper are checked as if they had called Track themselves. For the
// resources of rules, facts say, per obligation, which parameters a
// function releases on every path, which it keeps on some, which it moves
// into a result that its callers must release instead, and which results
// hold a resource it acquired. A function without a fact for a parameter,
// in a package whose facts were computed for the obligation, only reads
// it: its caller must still release it.
//
// Owners: a type that holds a controller (a type embedding
// controller.Base) must call the controller's Cleanup from its own cleanup
// method (Close, Cleanup, Dispose, Shutdown or Stop), and a controller that
// defines its own Cleanup must call the embedded controller.Base's.
//
// # User rules
//
// Any other acquire/release pair can be checked by rules, given with the
// -release.rules flag (semicolon-separated) or in .reslint.yaml:
//
//	func example.com/pool.Lease#1
//	    the function returned as result 1 must be called (end())
//	method os.Open Close
//	    the method Close must be called on result 0 (f.Close())
//	method net/http.Get Body.Close
//	    the method Close must be called on the field Body of result 0
//	    (resp.Body.Close())
//	method (*database/sql.DB).Begin Commit|Rollback
//	    one of Commit and Rollback must be called on result 0
//	method (go.opentelemetry.io/otel/trace.Tracer).Start#1 End
//	    the method End must be called on result 1 (span.End())
//	id (*example.com/pool.Pool).Acquire Release
//	    the ID returned must be passed to Release on the same receiver
//	type *database/sql.Rows Close
//	    every call that returns an *sql.Rows (but its own methods)
//	    acquires one, on which Close must be called
//
// Several rules for one function are separate obligations on its result,
// each reported on its own ("rows from db.Query: Err is not called on all
// paths").
//
// Rule sets name rules for well-known APIs, turned on with -release.sets
// or release.sets: std (files, connections, HTTP bodies, database/sql),
// otel (spans), sqlx and pgx. Where none is named, the set default
// applies: std's rules for files, HTTP response bodies and database/sql's
// rows and transactions, which showed at least 90% precision on real code;
// -release.sets=none (or release.sets: []) turns it off.
//
// Functions are named by import path and name, methods by
// (*path.Type).Name or (path.Type).Name. For rule-defined resources, a
// discarded result is reported too. A rule for one of the context.With*
// functions is an error: go vet's lostcancel checks their cancel functions.
// docs/reslint.md is the reference.
//
// Diagnostics name the resource and where it was acquired, and point
// (as related information) to the return that can be reached without
// releasing it. When it is safe (the resource is neither released nor
// handed off anywhere in the function), a suggested fix inserts a deferred
// release after the acquire, or after its error check.
package release
