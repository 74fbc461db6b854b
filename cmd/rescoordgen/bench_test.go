package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// BenchmarkGenerate200 generates 200 annotated controllers (one per file,
// each with an operation) in one package and, alternating with it in the
// same loop, loads that package with go/packages in the same mode: the
// floor. gen/load is the ratio of the two; the target is at most 1.2.
//
//	go test -run '^$' -bench Generate200 -benchtime 20x -count 3 ./cmd/rescoordgen
//
// Each side starts from a collected heap with the starting heap
// rescoordgen's main sets, as a new process of either would.
//
//   - check is -check, and what a run costs when nothing changed: it
//     renders all 200 and compares them with the files on disk, writing
//     nothing.
//   - write is the first generation: the outputs are removed before each
//     run, so every run renders and writes all 200 new files. It depends
//     on how fast the file system creates a file, which files measures.
//   - files writes the same 200 files as write, already rendered, and
//     nothing else: files/load is the part of write's gen/load that is
//     the file system's.
//   - write-memfs is write in a module on a memory file system, where
//     creating a file costs next to nothing: the generator's own cost. It
//     runs where /dev/shm is one.
func BenchmarkGenerate200(b *testing.B) {
	root, err := filepath.Abs("../..")
	if err != nil {
		b.Fatal(err)
	}
	// In the source tree, where go generate writes (a dot directory, which
	// ./... ignores), not in the temporary directory: on some machines
	// creating files there costs many times more.
	dir, err := os.MkdirTemp(".", ".bench-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if dir, err = filepath.Abs(dir); err != nil {
		b.Fatal(err)
	}
	writeBenchModule(b, root, dir, 200)
	bench := &genBench{dir: dir}
	b.Run("check", func(b *testing.B) {
		bench.removeOutputs()
		bench.generate(b, true, 200) // the files the runs compare with
		bench.measure(b, func() {}, func() { bench.generate(b, false, 0) })
	})
	b.Run("write", func(b *testing.B) {
		bench.measure(b, bench.removeOutputs, func() { bench.generate(b, true, 200) })
	})
	b.Run("files", func(b *testing.B) {
		bench.removeOutputs()
		g := &generator{dir: dir}
		p, errs := g.plan(context.Background(), []string{"./tabs"})
		if len(errs) > 0 || len(p.changes) != 200 {
			b.Fatalf("%d changes, errors %v", len(p.changes), errs)
		}
		bench.measure(b, bench.removeOutputs, func() {
			if err := p.apply(); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("write-memfs", func(b *testing.B) {
		if fi, err := os.Stat("/dev/shm"); err != nil || !fi.IsDir() {
			b.Skip("no /dev/shm")
		}
		dir, err := os.MkdirTemp("/dev/shm", "rescoordgen-bench-")
		if err != nil {
			b.Skip(err)
		}
		defer os.RemoveAll(dir)
		writeBenchModule(b, root, dir, 200)
		bench := &genBench{dir: dir}
		bench.measure(b, bench.removeOutputs, func() { bench.generate(b, true, 200) })
	})
}

// A genBench is a module with controllers in package tabs, to generate and
// load.
type genBench struct {
	dir string
}

// load is the floor: the package loaded with rescoordgen's mode.
func (gb *genBench) load(b *testing.B) {
	cfg := &packages.Config{Mode: loadMode, Dir: gb.dir}
	pkgs, err := packages.Load(cfg, "./tabs")
	if err != nil || len(pkgs) != 1 || pkgs[0].Types == nil {
		b.Fatalf("load: %v", err)
	}
}

// generate runs rescoordgen on the package, writing or not, and checks
// that it finds wantChanges files to change.
func (gb *genBench) generate(b *testing.B, write bool, wantChanges int) {
	g := &generator{dir: gb.dir, write: write}
	p, errs := g.plan(context.Background(), []string{"./tabs"})
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	if len(p.changes) != wantChanges {
		b.Fatalf("%d changes, want %d", len(p.changes), wantChanges)
	}
	if err := p.apply(); err != nil {
		b.Fatal(err)
	}
}

func (gb *genBench) removeOutputs() {
	outs, _ := filepath.Glob(filepath.Join(gb.dir, "tabs", "*_rescoord.go"))
	for _, o := range outs {
		os.Remove(o)
	}
}

// measure alternates the floor and gen, each after before, and reports
// both and their ratio.
func (gb *genBench) measure(b *testing.B, before, gen func()) {
	gb.load(b) // warm the build cache for both
	var tLoad, tGen time.Duration
	for b.Loop() {
		before()
		tLoad += fresh(func() { gb.load(b) })
		before()
		tGen += fresh(gen)
	}
	b.ReportMetric(float64(tLoad.Milliseconds())/float64(b.N), "load-ms/op")
	b.ReportMetric(float64(tGen.Milliseconds())/float64(b.N), "gen-ms/op")
	b.ReportMetric(float64(tGen)/float64(tLoad), "gen/load")
}

// fresh times fn run as in a new process of rescoordgen: from a collected
// heap, with the starting heap main sets.
func fresh(fn func()) time.Duration {
	runtime.GC()
	stop := startHeap(startingHeap)
	defer stop()
	start := time.Now()
	fn()
	return time.Since(start)
}

// writeBenchModule writes a module using root with n controllers in
// package tabs, one per file.
func writeBenchModule(tb testing.TB, root, dir string, n int) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "tabs"), 0o755); err != nil {
		tb.Fatal(err)
	}
	writeModule(tb, root, dir, "example.com/bench")
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
