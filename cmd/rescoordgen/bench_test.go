package main

import (
	"context"
	"fmt"
	"github.com/rescoord/rescoord/internal/fixture"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// BenchmarkGenerate200 runs rescoordgen on a package of 200 annotated
// controllers (one per file, each with an operation) and, alternating with
// it in the same loop, loads that package with go/packages in the mode
// rescoordgen uses: the floor. gen/load is the ratio of the two times.
//
//		go test -run '^$' -bench Generate200 -benchtime 20x -count 5 ./cmd/rescoordgen
//
//	  - write is the first generation: the outputs are removed before each
//	    run, which renders and writes all 200 files.
//	  - check is rescoordgen -check when the outputs are up to date, which is
//	    also what a run costs when there is nothing to do: it renders all 200
//	    and compares them with the files on disk.
func BenchmarkGenerate200(b *testing.B) {
	// In the source tree, where go generate writes (a dot directory, which
	// ./... ignores), rather than in the temporary directory, which may be
	// on another kind of file system.
	dir, err := os.MkdirTemp(benchParent(), ".bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	if dir, err = filepath.Abs(dir); err != nil {
		b.Fatal(err)
	}
	const n = 200
	writeBenchModule(b, dir, n)
	bench := &genBench{dir: dir, n: n}
	b.Run("write", func(b *testing.B) {
		bench.measure(b, bench.removeOutputs, func() { bench.generate(b) })
	})
	b.Run("check", func(b *testing.B) {
		bench.removeOutputs()
		bench.generate(b)
		bench.measure(b, func() {}, func() { bench.generate(b, "-check") })
	})
}

// A genBench is a module with n controllers in package tabs.
type genBench struct {
	dir string
	n   int
}

// load is the floor: the package loaded with rescoordgen's mode.
func (gb *genBench) load(b *testing.B) {
	cfg := &packages.Config{Mode: loadMode, Dir: gb.dir}
	pkgs, err := packages.Load(cfg, "./tabs")
	if err != nil || len(pkgs) != 1 || pkgs[0].Types == nil {
		b.Fatalf("load: %v", err)
	}
}

// generate runs rescoordgen on the package with the flags and checks that
// it succeeds and that every output is there.
func (gb *genBench) generate(b *testing.B, flags ...string) {
	var stderr strings.Builder
	if code := run(context.Background(), gb.dir, append(flags, "./tabs"), io.Discard, &stderr); code != exitOK {
		b.Fatalf("rescoordgen %v: exit %d\n%s", flags, code, stderr.String())
	}
	if outs, _ := filepath.Glob(filepath.Join(gb.dir, "tabs", "*_rescoord.go")); len(outs) != gb.n {
		b.Fatalf("%d outputs, want %d", len(outs), gb.n)
	}
}

func (gb *genBench) removeOutputs() {
	outs, _ := filepath.Glob(filepath.Join(gb.dir, "tabs", "*_rescoord.go"))
	for _, o := range outs {
		os.Remove(o)
	}
}

// measure alternates the floor and gen, each after before and a garbage
// collection, and reports both and their ratio.
func (gb *genBench) measure(b *testing.B, before, gen func()) {
	gb.load(b) // warm the build cache for both
	var tLoad, tGen time.Duration
	timed := func(fn func()) time.Duration {
		before()
		runtime.GC()
		start := time.Now()
		fn()
		return time.Since(start)
	}
	for b.Loop() {
		tLoad += timed(func() { gb.load(b) })
		tGen += timed(gen)
	}
	b.ReportMetric(float64(tLoad.Microseconds())/1e3/float64(b.N), "load-ms/op")
	b.ReportMetric(float64(tGen.Microseconds())/1e3/float64(b.N), "gen-ms/op")
	b.ReportMetric(float64(tGen)/float64(tLoad), "gen/load")
}

// writeBenchModule writes a module with n controllers in
// package tabs, one per file.
func writeBenchModule(tb testing.TB, dir string, n int) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "tabs"), 0o755); err != nil {
		tb.Fatal(err)
	}
	fixture.WriteModule(tb, dir, "example.com/bench")
	for i := range n {
		src := fmt.Sprintf(`package tabs

import (
	"context"

	"github.com/rescoord/rescoord/runtime/controller"
)

// Params%[1]d says what to do.
type Params%[1]d struct{ Src, Dst string }

//rescoord:controller component=Tab%[1]d
type Controller%[1]d struct {
	controller.Base
	done int
}

//rescoord:operation name=Copy
func (c *Controller%[1]d) copy(ctx context.Context, p Params%[1]d, n int) error {
	c.done += n
	return ctx.Err()
}
`, i)
		if err := os.WriteFile(filepath.Join(dir, "tabs", fmt.Sprintf("tab%03d.go", i)), []byte(src), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// benchParent is where the benchmark's module goes: $RESCOORDGEN_BENCH_DIR
// if set (a memory file system, say, to leave out what the disk charges
// for creating files), else this directory.
func benchParent() string {
	if d := os.Getenv("RESCOORDGEN_BENCH_DIR"); d != "" {
		return d
	}
	return "."
}
