package restest_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/restest"
)

// parkUntil blocks until c is closed: the stray goroutine of these tests.
func parkUntil(c chan struct{}) { <-c }

// parkStarted says it has started, then blocks until c is closed: for a
// check with no grace period, which must not run before the goroutine has.
func parkStarted(started, c chan struct{}) {
	close(started)
	<-c
}

// oneFailure returns the only failure of ft, or fails t.
func oneFailure(t *testing.T, ft *fakeT) string {
	t.Helper()
	errs := ft.failures()
	if len(errs) != 1 {
		t.Fatalf("failures = %q, want one", errs)
	}
	return errs[0]
}

func wantAll(t *testing.T, report string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(report, w) {
			t.Errorf("report lacks %q:\n%s", w, report)
		}
	}
}

func TestStrayGoroutineIsReported(t *testing.T) {
	ft := &fakeT{TB: t}
	restest.NewService(ft)
	restest.SetGoroutineGrace(ft, 20*time.Millisecond)
	block := make(chan struct{})
	defer close(block)
	go parkUntil(block)

	start := time.Now()
	ft.end()
	if waited := time.Since(start); waited < 20*time.Millisecond {
		t.Errorf("the check reported after %v, before its grace period of 20ms", waited)
	}
	wantAll(t, oneFailure(t, ft),
		"restest: 1 goroutine still running",
		"1 goroutine in github.com/rescoord/rescoord/runtime/restest_test.parkUntil, started by the test:",
		"goroutines_test.go:",
	)
}

func TestFinishingGoroutineIsNotReported(t *testing.T) {
	ft := &fakeT{TB: t}
	restest.NewService(ft) // the default grace period
	done := make(chan struct{})
	go func() {
		time.Sleep(50 * time.Millisecond)
		close(done)
	}()
	ft.end()
	if errs := ft.failures(); len(errs) != 0 {
		t.Errorf("a goroutine ending within the grace period was reported: %q", errs)
	}
	select {
	case <-done:
	default:
		t.Error("the check returned before the goroutine it saw had ended")
	}
}

func TestGraceIsConfigurable(t *testing.T) {
	ft := &fakeT{TB: t}
	restest.SetGoroutineGrace(ft, 10*time.Millisecond) // before NewService works too
	restest.NewService(ft)
	block := make(chan struct{})
	defer close(block)
	go func() {
		select {
		case <-time.After(time.Minute):
		case <-block:
		}
	}()
	start := time.Now()
	ft.end()
	if waited := time.Since(start); waited > restest.DefaultGoroutineGrace/2 {
		t.Errorf("the check waited %v; the grace period was 10ms", waited)
	}
	wantAll(t, oneFailure(t, ft), "TestGraceIsConfigurable.func1", "started by the test")
}

func TestWorkerChildIsAttributedToItsComponent(t *testing.T) {
	ft := &fakeT{TB: t}
	svc := restest.NewService(ft)
	restest.SetGoroutineGrace(ft, 20*time.Millisecond)
	block := make(chan struct{})
	defer close(block)
	w := coord.NewWorkers("Scanner_1", coord.WithService(svc))
	finished := make(chan struct{})
	w.Go("scan", func(context.Context) error {
		go func() { go parkUntil(block) }() // a grandchild, forgotten
		return nil
	}, coord.OnDone(func(error) { close(finished) }))
	<-finished
	ft.end()
	wantAll(t, oneFailure(t, ft),
		"1 goroutine in github.com/rescoord/rescoord/runtime/restest_test.parkUntil",
		`of worker "scan" of component Scanner_1`,
	)
}

func TestSkipGoroutineCheck(t *testing.T) {
	for _, before := range []bool{true, false} {
		t.Run(fmt.Sprintf("before=%t", before), func(t *testing.T) {
			ft := &fakeT{TB: t}
			if before {
				restest.SkipGoroutineCheck(ft)
			}
			restest.NewService(ft)
			if !before {
				restest.SkipGoroutineCheck(ft)
			}
			block := make(chan struct{})
			defer close(block)
			go parkUntil(block) // meant to outlive the test
			ft.end()
			if errs := ft.failures(); len(errs) != 0 {
				t.Errorf("goroutine reported with the check off: %q", errs)
			}
		})
	}
}

func TestOtherGoroutinesAreNotReported(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	go parkUntil(block) // started before the test's service: not the test's

	// Another test, on its own goroutine, leaks while this one ends.
	other := &fakeT{TB: t, name: "Other"}
	leaked, ended, otherDone := make(chan struct{}), make(chan struct{}), make(chan struct{})
	go func() {
		defer close(otherDone)
		restest.NewService(other)
		restest.SetGoroutineGrace(other, 0)
		started := make(chan struct{})
		go parkStarted(started, block)
		<-started
		close(leaked)
		<-ended
		other.end()
	}()
	<-leaked

	ft := &fakeT{TB: t}
	restest.NewService(ft)
	ft.end()
	if errs := ft.failures(); len(errs) != 0 {
		t.Errorf("goroutines not of this test were reported: %q", errs)
	}
	close(ended)
	<-otherDone
	wantAll(t, oneFailure(t, other), "1 goroutine in github.com/rescoord/rescoord/runtime/restest_test.parkStarted, started by the test")
}

// TestParallelTestsDoNotBlameEachOther runs two parallel tests in a child
// process, one leaking a goroutine and one clean that ends while the leak
// is alive: the first fails, naming its goroutine, the second passes.
func TestParallelTestsDoNotBlameEachOther(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildParallel", "-test.v", "-test.parallel=2", "-test.count=1")
	cmd.Env = append(os.Environ(), "RESTEST_CHILD=parallel")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the child tests passed; the leaky one should fail:\n%s", out)
	}
	got := string(out)
	wantAll(t, got,
		"--- FAIL: TestChildParallelLeaky",
		"--- PASS: TestChildParallelClean",
		"restest_test.leakyChild, started by the test",
	)
	if n := strings.Count(got, "restest: "); n != 1 {
		t.Errorf("%d restest reports, want 1 (the leaky test's):\n%s", n, got)
	}
}

// childLeaked is closed once TestChildParallelLeaky has leaked.
var childLeaked = make(chan struct{})

func leakyChild() { select {} }

func TestChildParallelLeaky(t *testing.T) {
	if os.Getenv("RESTEST_CHILD") != "parallel" {
		t.Skip("run by TestParallelTestsDoNotBlameEachOther")
	}
	t.Parallel()
	restest.NewService(t)
	restest.SetGoroutineGrace(t, 50*time.Millisecond)
	go leakyChild()
	close(childLeaked)
}

func TestChildParallelClean(t *testing.T) {
	if os.Getenv("RESTEST_CHILD") != "parallel" {
		t.Skip("run by TestParallelTestsDoNotBlameEachOther")
	}
	t.Parallel()
	svc := restest.NewService(t)
	w := coord.NewWorkers("Clean_1", coord.WithService(svc))
	w.Go("quick", func(context.Context) error { return nil })
	done := make(chan struct{})
	go func() { close(done) }()
	<-done
	<-childLeaked // the other test's goroutine is running while this one ends
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// The goroutine check costs one read of the goroutine profile for a test
// that leaves nothing behind: compare with BenchmarkNewServiceUnchecked.
func BenchmarkNewServiceChecked(b *testing.B) {
	for b.Loop() {
		ft := &fakeT{TB: b}
		restest.NewService(ft)
		ft.end()
	}
}

// BenchmarkNewServiceUnchecked is BenchmarkNewServiceChecked with the
// goroutine check off.
func BenchmarkNewServiceUnchecked(b *testing.B) {
	for b.Loop() {
		ft := &fakeT{TB: b}
		restest.NewService(ft)
		restest.SkipGoroutineCheck(ft)
		ft.end()
	}
}

func ExampleSkipGoroutineCheck() {
	// In a test: t instead of ft.
	ft := &fakeT{}
	restest.NewService(ft)
	restest.SkipGoroutineCheck(ft) // this test leaves a goroutine running on purpose

	stop := make(chan struct{})
	go parkUntil(stop)
	ft.end() // the test ends
	fmt.Println(len(ft.failures()), "failures")
	close(stop)
	// Output:
	// 0 failures
}

func ExampleSetGoroutineGrace() {
	// In a test: t instead of ft.
	ft := &fakeT{}
	restest.NewService(ft)
	restest.SetGoroutineGrace(ft, 10*time.Millisecond) // instead of a second

	stop := make(chan struct{})
	go parkUntil(stop)
	ft.end() // the test ends
	failures := ft.failures()
	fmt.Println(len(failures), "failure")
	fmt.Println(strings.Split(failures[0], "\n")[1])
	close(stop)
	// Output:
	// 1 failure
	// 	1 goroutine in github.com/rescoord/rescoord/runtime/restest_test.parkUntil, started by the test:
}
