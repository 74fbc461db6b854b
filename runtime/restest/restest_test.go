package restest_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
	"github.com/rescoord/rescoord/runtime/restest"
)

// fakeT records what NewService does with a test, so that a leak can be
// checked to fail it.
type fakeT struct {
	testing.TB
	name     string
	mu       sync.Mutex
	errors   []string
	logs     []string
	cleanups []func()
}

func (f *fakeT) Helper() {}
func (f *fakeT) Name() string {
	if f.name == "" {
		return "FakeTest"
	}
	return f.name
}
func (f *fakeT) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}
func (f *fakeT) Log(args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logs = append(f.logs, fmt.Sprint(args...))
}
func (f *fakeT) Cleanup(fn func()) { f.cleanups = append(f.cleanups, fn) }
func (f *fakeT) end() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
	f.cleanups = nil
}

func (f *fakeT) failures() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.errors)
}

func TestLeaksFailTheTest(t *testing.T) {
	ft := &fakeT{TB: t}
	svc := restest.NewService(ft)
	c := coord.New("Leaky_1", coord.WithService(svc))
	c.Track("cat.png", resource.Thumbnail, coord.Name("cat"))
	w := coord.NewWorkers("Leaky_2", coord.WithService(svc))
	w.Go("scan", func(ctx context.Context) error { <-ctx.Done(); return nil })
	tidy := coord.New("Tidy_1", coord.WithService(svc))
	tidy.Release(tidy.Track("x", resource.Memory))

	if got := restest.Leaks(svc); len(got) != 2 {
		t.Fatalf("Leaks = %v", got)
	}
	ft.end()
	if len(ft.errors) != 1 {
		t.Fatalf("errors = %q, want one report", ft.errors)
	}
	report := ft.errors[0]
	for _, want := range []string{
		"2 resource(s) leaked",
		`thumbnail "cat"`, "of Leaky_1", "restest_test.go:", "TestLeaksFailTheTest",
		`worker "scan"`, "of Leaky_2", "running",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	if strings.Contains(report, "Tidy_1") {
		t.Errorf("report names a component with nothing live:\n%s", report)
	}
	// The end of the test shut the service down: the leaked worker stopped.
	if len(w.ActiveWorkers()) != 0 {
		t.Error("leaked worker still running after the test")
	}
	joined := strings.Join(ft.logs, "\n")
	if !strings.Contains(joined, "worker tracked with ID") {
		t.Errorf("the service does not log to the test:\n%s", joined)
	}
	// Records after the end of the test are dropped, not sent to t.Log.
	n := len(ft.logs)
	svc.Logger().Info("late")
	if len(ft.logs) != n {
		t.Error("logged after the test ended")
	}
}

func TestNoLeakPasses(t *testing.T) {
	ft := &fakeT{TB: t}
	svc := restest.NewService(ft)
	w := coord.NewWorkers("Clean_1", coord.WithService(svc))
	w.Go("quick", func(context.Context) error { return nil })
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	ft.end()
	if len(ft.errors) != 0 {
		t.Errorf("errors = %q", ft.errors)
	}
}

func ExampleNewService() {
	// In a test: svc := restest.NewService(t), then inject svc into the code
	// under test. Leaks fail the test when it ends; Leaks checks on the way.
	var t testing.TB = &fakeT{}
	svc := restest.NewService(t)
	c := coord.New("Example_1", coord.WithService(svc))
	id := c.Track("tmp", resource.FileHandle)
	fmt.Println(len(restest.Leaks(svc)))
	c.Release(id)
	fmt.Println(len(restest.Leaks(svc)))
	t.(*fakeT).end() // the test ends
	// Output:
	// 1
	// 0
}

func TestWriter(t *testing.T) {
	ft := &fakeT{TB: t}
	w := restest.Writer(ft)
	var last []string
	ft.Cleanup(func() { // registered after Writer: runs while it still writes
		w.Write([]byte("in a cleanup\n"))
		last = append([]string(nil), ft.logs...)
	})
	if n, err := w.Write([]byte("one record\n")); n != 11 || err != nil {
		t.Errorf("Write = %d, %v; want 11, nil", n, err)
	}
	ft.end()
	if n, err := w.Write([]byte("after the test\n")); n != 15 || err != nil {
		t.Errorf("Write after the end = %d, %v; want 15, nil", n, err)
	}
	if want := []string{"one record", "in a cleanup"}; fmt.Sprint(last) != fmt.Sprint(want) || fmt.Sprint(ft.logs) != fmt.Sprint(want) {
		t.Errorf("logged %q during the test and %q in all; want %q", last, ft.logs, want)
	}
}
