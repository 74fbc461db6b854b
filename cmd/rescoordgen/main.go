package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "rescoordgen:", err)
		os.Exit(exitCheck)
	}
	os.Exit(run(ctx, dir, os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK    = 0
	exitDrift = 1 // -check: something would change
	exitError = 1 // without -check: errors, nothing written
	exitCheck = 2 // -check: errors
)

// run runs rescoordgen in dir with the command-line arguments args and
// returns the exit status.
func run(ctx context.Context, dir string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rescoordgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	check := fs.Bool("check", false, "write nothing; print a diff of what would change and exit 1 if anything would")
	tags := fs.String("tags", "", "comma-separated build tags to load the packages with")
	version := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: rescoordgen [-check] [-tags list] [packages]\n\n"+
			"Writes the boilerplate of rescoord controllers from //rescoord: directives.\n"+
			"With no packages, works on the package in the current directory.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitCheck
	}
	if *version {
		fmt.Fprintln(stdout, "rescoordgen", buildVersion())
		return exitOK
	}
	failed := exitError
	if *check {
		failed = exitCheck
	}
	g := &generator{dir: dir, tags: *tags}
	plan, errs := g.plan(ctx, fs.Args())
	if len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintln(stderr, g.relative(e))
		}
		return failed
	}
	if *check {
		if plan.diff(stdout, g.relative) {
			return exitDrift
		}
		return exitOK
	}
	if err := plan.apply(); err != nil {
		fmt.Fprintln(stderr, "rescoordgen:", err)
		return exitError
	}
	return exitOK
}

// buildVersion is the module version the binary was built from.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}
