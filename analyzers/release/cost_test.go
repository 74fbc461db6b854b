package release_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/rescoord/rescoord/analyzers/release"
	"github.com/rescoord/rescoord/internal/fixture"
)

// BenchmarkAcquisitions runs release on one function with n acquisitions
// (files opened under a rule, closed on every path, some by defer, some
// by a call), for n = 200, 1,600 and 6,400, alternating with the same
// package whose function acquires nothing (the floor: the analysis of the
// package's dependencies, for their facts). Metric ns/acquisition is the
// difference of the two, per acquisition: it should stay flat as the
// function grows.
//
//	go test -run '^$' -bench Acquisitions -benchtime 3x ./analyzers/release
func BenchmarkAcquisitions(b *testing.B) {
	fixture.SetFlag(b, release.Analyzer, "rules", "method os.Open Close")
	floor := loadAcquisitions(b, 0)
	for _, n := range []int{200, 1600, 6400} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			pkgs := loadAcquisitions(b, n)
			var tFloor, tN time.Duration
			for b.Loop() {
				runtime.GC()
				t0 := time.Now()
				analyzeClean(b, floor)
				tFloor += time.Since(t0)
				runtime.GC()
				t1 := time.Now()
				analyzeClean(b, pkgs)
				tN += time.Since(t1)
			}
			b.ReportMetric(float64((tN-tFloor).Nanoseconds())/float64(b.N)/float64(n), "ns/acquisition")
			b.ReportMetric(float64(tFloor.Milliseconds())/float64(b.N), "floor-ms")
		})
	}
}

// analyzeClean runs release on pkgs, which must hold no leak.
func analyzeClean(b *testing.B, pkgs []*packages.Package) {
	b.Helper()
	graph, err := checker.Analyze([]*analysis.Analyzer{release.Analyzer}, pkgs, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, act := range graph.Roots {
		if act.Err != nil || len(act.Diagnostics) != 0 {
			b.Fatalf("%v, %d diagnostics", act.Err, len(act.Diagnostics))
		}
	}
}

// loadAcquisitions writes and loads a package whose one function acquires
// n files.
func loadAcquisitions(b *testing.B, n int) []*packages.Package {
	b.Helper()
	var src strings.Builder
	src.WriteString("package big\n\nimport \"os\"\n\nvar _ = os.Open\n\nfunc Open(names []string) error {\n")
	for i := range n {
		fmt.Fprintf(&src, "\tf%d, err := os.Open(names[%d])\n\tif err != nil {\n\t\treturn err\n\t}\n", i, i)
		if i%2 == 0 {
			fmt.Fprintf(&src, "\tdefer f%d.Close()\n", i)
		} else {
			fmt.Fprintf(&src, "\tf%d.Close()\n", i)
		}
	}
	src.WriteString("\treturn nil\n}\n")
	dir := b.TempDir()
	fixture.WriteModule(b, dir, "example.com/big")
	if err := os.WriteFile(filepath.Join(dir, "big.go"), []byte(src.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}, ".")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		b.Fatalf("load: %v", err)
	}
	return pkgs
}
