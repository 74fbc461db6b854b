// Package controllers defines an Analyzer that checks rescoord controllers
// and the code rescoordgen generates for them.
//
// # Analyzer controllers
//
// controllers: check //rescoord: directives and generated controller code
//
// It reports:
//
//   - invalid //rescoord:controller and //rescoord:operation directives, at
//     their position, with the same messages as rescoordgen (the two share
//     their validation code);
//   - an annotated controller built with a composite literal or new instead
//     of its generated constructor, which leaves its coordinator unset: the
//     controller tracks nothing and its cleanup does nothing;
//   - generated code that is missing or stale: what rescoordgen would write
//     differs from the file on disk. For a stale file the diagnostic carries
//     a suggested fix that rewrites the file to what the templates render, so
//     that an editor can apply "run go generate" directly.
//
// Diagnostics are never reported inside generated files; constructors in
// files rescoordgen wrote are, of course, allowed to build controllers.
//
// A controller of another package is recognised from its type alone (it
// embeds controller.Base and its package declares its constructor), so the
// analyzer needs no facts and costs nothing on packages that do not reach
// runtime/controller.
package controllers
