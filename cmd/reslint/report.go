package main

import (
	"flag"
	"io"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/rescoord/rescoord/analyzers/release"
	"github.com/rescoord/rescoord/internal/load"
)

// report serves the command's main use, reporting on package patterns,
// with the flags multichecker gives it (the analyzers' own, -json, -c and
// -test) and the same output and exit status. It differs in loading: a
// multichecker whose analyzers use facts loads every dependency from
// source and runs them on each, while only release uses facts and only
// about packages that reach the runtime; report loads those from source
// and the other dependencies from export data (package
// github.com/rescoord/rescoord/internal/load).
//
// ok is false, and nothing has been done, when args ask for anything else
// (-fix, -diff, help, a vet configuration file, -V, -flags, profiling and
// debugging flags, or a flag error), which multichecker.Main serves.
func report(args []string, all []*analysis.Analyzer) (code int, ok bool) {
	if !reportOnly(args, all) {
		return 0, false
	}
	fs := flag.NewFlagSet("reslint", flag.ContinueOnError)
	enabled := make(map[*analysis.Analyzer]*enable, len(all))
	for _, a := range all {
		enabled[a] = new(enable)
		fs.Var(enabled[a], a.Name, "enable "+a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	jsonOut := fs.Bool("json", false, "emit JSON output")
	contextLines := fs.Int("c", -1, "display offending line with this many lines of context")
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	if err := fs.Parse(args); err != nil {
		return 2, true // a bad value: flag has said so
	}
	log.SetFlags(0)
	log.SetPrefix("reslint: ")

	selected := selectAnalyzers(all, enabled)
	var sources []string // of facts: only release has any
	if slices.Contains(selected, release.Analyzer) {
		sources = release.Sources()
	}
	res, err := load.Load(&packages.Config{Tests: *tests}, sources, fs.Args()...)
	if err != nil {
		log.Print(err)
		return 1, true
	}
	if packages.PrintErrors(res.Roots) > 0 {
		code = 1
	}
	graph, err := checker.Analyze(selected, res.Analysis, nil)
	if err != nil {
		log.Print(err)
		return 1, true
	}
	return max(code, printResults(graph, *jsonOut, *contextLines)), true
}

// reportOnly reports whether args are flags report serves followed by
// package patterns, without setting anything.
func reportOnly(args []string, all []*analysis.Analyzer) bool {
	probe := flag.NewFlagSet("reslint", flag.ContinueOnError)
	probe.SetOutput(io.Discard)
	for _, a := range all {
		probe.Var(anyValue{isBool: true}, a.Name, "")
		a.Flags.VisitAll(func(f *flag.Flag) {
			b, ok := f.Value.(interface{ IsBoolFlag() bool })
			probe.Var(anyValue{isBool: ok && b.IsBoolFlag()}, a.Name+"."+f.Name, "")
		})
	}
	probe.Var(anyValue{isBool: true}, "json", "")
	probe.Var(anyValue{}, "c", "")
	probe.Var(anyValue{isBool: true}, "test", "")
	if probe.Parse(args) != nil {
		return false
	}
	rest := probe.Args()
	switch {
	case len(rest) == 0, rest[0] == "help":
		return false
	case len(rest) == 1 && strings.HasSuffix(rest[0], ".cfg"):
		return false // go vet -vettool
	}
	return true
}

// anyValue is a flag.Value that takes anything.
type anyValue struct{ isBool bool }

func (anyValue) String() string     { return "" }
func (anyValue) Set(string) error   { return nil }
func (v anyValue) IsBoolFlag() bool { return v.isBool }

// enable is an analyzer's -NAME flag: unset, true or false.
type enable struct{ set, on bool }

func (e *enable) String() string {
	if e == nil || !e.set {
		return "unset"
	}
	return strconv.FormatBool(e.on)
}

func (e *enable) Set(s string) error {
	on, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	e.set, e.on = true, on
	return nil
}

func (*enable) IsBoolFlag() bool { return true }

// selectAnalyzers applies the -NAME flags as multichecker does: if any is
// true, only those analyzers run; otherwise, all but those set false.
func selectAnalyzers(all []*analysis.Analyzer, enabled map[*analysis.Analyzer]*enable) []*analysis.Analyzer {
	anyOn := false
	for _, e := range enabled {
		anyOn = anyOn || e.set && e.on
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		e := enabled[a]
		if anyOn && e.set && e.on || !anyOn && !(e.set && !e.on) {
			out = append(out, a)
		}
	}
	return out
}

// printResults prints the diagnostics of the roots of graph as multichecker does,
// and returns the exit status: with -json, 0 (1 if printing failed);
// otherwise 1 if an analysis failed, 3 if there are diagnostics, else 0.
func printResults(graph *checker.Graph, jsonOut bool, contextLines int) int {
	if jsonOut {
		if err := graph.PrintJSON(os.Stdout); err != nil {
			return 1
		}
		return 0
	}
	if err := graph.PrintText(os.Stderr, contextLines); err != nil {
		return 1
	}
	failed, found := false, false
	for act := range graph.All() {
		if act.Err != nil {
			failed = true
		} else if act.IsRoot {
			found = found || len(act.Diagnostics) > 0
		}
	}
	switch {
	case failed:
		return 1
	case found:
		return 3
	}
	return 0
}
