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
// each with an operation) in one package, and, alternating with it in the
// same loop, loads that package with go/packages in the same mode: the
// floor. gen/load is the ratio of the two; the target is at most 1.2.
// Outputs are removed before each generation, so every run writes all 200.
//
//	go test -run '^$' -bench Generate200 -count 5 ./cmd/rescoordgen
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
	g := &generator{dir: dir, write: true}
	generate := func() {
		p, errs := g.plan(ctx, []string{"./tabs"})
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		if len(p.changes) != 200 {
			b.Fatalf("%d changes, want 200", len(p.changes))
		}
		if err := p.apply(); err != nil {
			b.Fatal(err)
		}
	}
	load := func() {
		cfg := &packages.Config{Context: ctx, Mode: loadMode, Dir: dir}
		pkgs, err := packages.Load(cfg, "./tabs")
		if err != nil || len(pkgs) != 1 || pkgs[0].Types == nil {
			b.Fatalf("load: %v", err)
		}
	}
	removeOutputs := func() {
		outs, _ := filepath.Glob(filepath.Join(dir, "tabs", "*_rescoord.go"))
		for _, o := range outs {
			os.Remove(o)
		}
	}
	load() // warm the build cache for both
	var tLoad, tGen time.Duration
	for b.Loop() {
		removeOutputs()
		start := time.Now()
		load()
		tLoad += time.Since(start)
		removeOutputs()
		start = time.Now()
		generate()
		tGen += time.Since(start)
	}
	b.ReportMetric(float64(tLoad.Milliseconds())/float64(b.N), "load-ms/op")
	b.ReportMetric(float64(tGen.Milliseconds())/float64(b.N), "gen-ms/op")
	b.ReportMetric(float64(tGen)/float64(tLoad), "gen/load")
}

// writeBenchModule writes a module using root with n controllers in
// package tabs, one per file.
func writeBenchModule(tb testing.TB, root, dir string, n int) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "tabs"), 0o755); err != nil {
		tb.Fatal(err)
	}
	mod := "module example.com/bench\n\ngo 1.24\n\nrequire github.com/rescoord/rescoord v0.0.0\n\nreplace github.com/rescoord/rescoord => " + root + "\n"
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		tb.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644)
	os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
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
