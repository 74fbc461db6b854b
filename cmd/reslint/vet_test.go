package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// vetFindings returns the sorted findings of go vet, with args, in dir.
func vetFindings(t *testing.T, dir string, args ...string) []string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"vet"}, append(args, "./...")...)...)
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput() // findings make the status non-zero
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "vetmix.go:") {
			lines = append(lines, l)
		}
	}
	slices.Sort(lines)
	return slices.Compact(lines)
}

// TestVetSuite checks that reslint as a vet tool loses none of go vet's
// own checks: on testdata/vetmix, a module with a printf, a copylocks and
// a lostcancel problem, it reports exactly what plain go vet reports.
func TestVetSuite(t *testing.T) {
	bin := reslintBin(t)
	dir := filepath.Join(moduleRoot(t), "testdata", "vetmix")
	plain := vetFindings(t, dir)
	ours := vetFindings(t, dir, "-vettool="+bin)
	if len(plain) != 3 {
		t.Fatalf("plain go vet reports %d problems, want 3:\n%s", len(plain), strings.Join(plain, "\n"))
	}
	if !slices.Equal(plain, ours) {
		t.Errorf("go vet -vettool=reslint reports\n%s\nwant what go vet reports\n%s", strings.Join(ours, "\n"), strings.Join(plain, "\n"))
	}
	// Standalone, reslint runs the same set.
	cmd := exec.Command(bin, "./...")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	for _, want := range []string{"fmt.Sprintf format %d has arg name of wrong type string", "return copies lock value", "the cancel function returned by context.WithCancel should be called"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("reslint ./... lacks %q:\n%s", want, out)
		}
	}
}

// BenchmarkVet compares go vet -vettool=reslint with plain go vet on
// golang.org/x/tools' ./go/... packages (tests included), in a scratch
// module that requires the version this module does. Compiled packages
// are cached by a first run of each; vet's own result cache is defeated
// for all by a fresh -printf.funcs value on every run. The runs alternate,
// each going first in turn. Metric reslint/vet is the ratio of the total
// times (target ≤ 1.30); reslint-std/vet the same with -release.sets=std,
// whose rules reach most packages and compute facts in all of them.
//
//	go test -run '^$' -bench Vet -benchtime 5x ./cmd/reslint
func BenchmarkVet(b *testing.B) {
	if testing.Short() {
		b.Skip("runs go vet over golang.org/x/tools")
	}
	bin := buildReslint(b)
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/vetbench\n\ngo 1.26\n\nrequire golang.org/x/tools "+xtoolsVersion(b)+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte("package vetbench\n\nimport _ \"golang.org/x/tools/go/packages\"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	gocmd := func(args ...string) error {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil && !strings.Contains(string(out), ": ") { // findings are fine, failures are not
			return fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	if err := gocmd("mod", "tidy"); err != nil {
		b.Skip(err)
	}
	const pattern = "golang.org/x/tools/go/..."
	runs := []struct {
		args  []string
		total time.Duration
	}{
		{args: []string{"vet"}},
		{args: []string{"vet", "-vettool=" + bin}},
		{args: []string{"vet", "-vettool=" + bin, "-release.sets=std"}},
	}
	for _, r := range runs { // compile and cache what both need
		if err := gocmd(append(r.args, pattern)...); err != nil {
			b.Fatal(err)
		}
	}
	nonce := time.Now().UnixNano() // vet's cache must miss across benchmark runs too
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range runs {
			r := &runs[(i+k)%len(runs)]
			args := append(slices.Clone(r.args), fmt.Sprintf("-printf.funcs=Bench%d_%d_%d", nonce, i, k), pattern)
			t0 := time.Now()
			if err := gocmd(args...); err != nil {
				b.Fatal(err)
			}
			r.total += time.Since(t0)
		}
	}
	b.ReportMetric(float64(runs[1].total)/float64(runs[0].total), "reslint/vet")
	b.ReportMetric(runs[0].total.Seconds()/float64(b.N), "vet-s")
	b.ReportMetric(runs[1].total.Seconds()/float64(b.N), "reslint-s")
	b.ReportMetric(float64(runs[2].total)/float64(runs[0].total), "reslint-std/vet")
}

// xtoolsVersion returns the version of golang.org/x/tools this module
// requires.
func xtoolsVersion(tb testing.TB) string {
	tb.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", "golang.org/x/tools").Output()
	if err != nil {
		tb.Fatalf("go list -m golang.org/x/tools: %v", err)
	}
	return strings.TrimSpace(string(out))
}
