// Package themes holds the patterns that other resource checkers' trackers
// report (false positives, missed leaks), one file per theme, each written
// anew in the shape of the reports it cites: bodyclose (HTTP response
// bodies), sqlclosecheck (database/sql rows), spancheck (tracing spans) and
// gosec's G118 (cancel functions, here a func rule on pool.Lease, since
// lostcancel owns context.With*). It is checked with -release.sets=std and
// rules for pool.Lease#1 and tracer.Tracer.Start#1.
package themes
