package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// BenchmarkGenerate200 generates 200 annotated controllers (one per file,
// each with an operation) in one package and, alternating with it in the
// same loop, loads that package with go/packages in the same mode: the
// floor. gen/load is the ratio of the two; the target is at most 1.2.
//
//	go test -run '^$' -bench Generate200 -count 5 ./cmd/rescoordgen
//
// write is the first generation: the outputs are removed before each run,
// so every run renders and writes all 200. check is -check, and what a
// run costs when nothing changed: it renders all 200 and compares them
// with the files on disk, writing nothing. write depends on how fast the
// file system creates files; check does not.
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
	ctx := context.Background()
	load := func() {
		cfg := &packages.Config{Context: ctx, Mode: loadMode, Dir: dir}
		pkgs, err := packages.Load(cfg, "./tabs")
		if err != nil || len(pkgs) != 1 || pkgs[0].Types == nil {
			b.Fatalf("load: %v", err)
		}
	}
	generate := func(write bool, wantChanges int) {
		g := &generator{dir: dir, write: write}
		p, errs := g.plan(ctx, []string{"./tabs"})
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
	removeOutputs := func() {
		outs, _ := filepath.Glob(filepath.Join(dir, "tabs", "*_rescoord.go"))
		for _, o := range outs {
			os.Remove(o)
		}
	}
	measure := func(b *testing.B, before func(), gen func()) {
		load() // warm the build cache for both
		var tLoad, tGen time.Duration
		for b.Loop() {
			before()
			start := time.Now()
			load()
			tLoad += time.Since(start)
			before()
			start = time.Now()
			gen()
			tGen += time.Since(start)
		}
		b.ReportMetric(float64(tLoad.Milliseconds())/float64(b.N), "load-ms/op")
		b.ReportMetric(float64(tGen.Milliseconds())/float64(b.N), "gen-ms/op")
		b.ReportMetric(float64(tGen)/float64(tLoad), "gen/load")
	}
	b.Run("check", func(b *testing.B) {
		removeOutputs()
		generate(true, 200) // the files the runs compare with
		measure(b, func() {}, func() { generate(false, 0) })
	})
	b.Run("write", func(b *testing.B) {
		measure(b, removeOutputs, func() { generate(true, 200) })
	})
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
