// Package restest checks tests for resource and goroutine leaks.
//
// [NewService] gives each test its own resource service. Inject it into the
// code under test (controller.WithService, coord.WithService); when the test
// ends, every resource still tracked and every worker still running is a
// failure, listed with its kind, name, component and the line that tracked
// it:
//
//	func TestCopy(t *testing.T) {
//		svc := restest.NewService(t)
//		c := NewCopyVerifyController(controller.WithService(svc))
//		// ... exercise c, and c.Cleanup() at the end
//	}
//
// The service records where each resource was tracked, and sends its log to
// the test's log (seen with go test -v).
//
// # Stray goroutines
//
// NewService also catches the goroutines a test leaves behind: a goroutine
// the test started and forgot, or one that a worker started and did not
// wait for. It labels the test's goroutine with the pprof label
// rescoord.test, which every goroutine started from it inherits, and names
// the service after the test, which the service's workers carry in their
// rescoord.service label and hand down to their own goroutines. At the end
// of the test, after shutting the service down, it reads the goroutine
// profile and fails the test for every goroutine that carries either label,
// with its top function, its stack and, for a worker's goroutines, the
// component and worker it belongs to:
//
//	restest: 1 goroutine still running 1s after the test:
//		1 goroutine in example.com/app.(*Scanner).watch, of worker "scan" of component Scanner_1:
//			example.com/app.(*Scanner).watch
//				/src/app/scanner.go:42
//
// Because the labels say whose each goroutine is, parallel tests never
// blame each other, and goroutines that were running before NewService was
// called, or that belong to other tests, are never reported. Goroutines
// that are just finishing get a grace period ([DefaultGoroutineGrace], or
// [SetGoroutineGrace]) before they count; [SkipGoroutineCheck] turns the
// check off for a test that means to leave a goroutine running.
//
// What the check cannot see: a goroutine started through pprof.Do (or
// SetGoroutineLabels) with a context that does not carry the test's labels
// loses them, and goroutines started before NewService, or by cleanups that
// run after its own (those registered before it), are not the test's. Call
// NewService first in the test.
package restest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rescoord/rescoord/runtime/internal/labels"
	"github.com/rescoord/rescoord/runtime/resource"
)

// ShutdownTimeout bounds how long the end of a test waits for leaked
// workers to stop after reporting them.
const ShutdownTimeout = 5 * time.Second

// NewService returns a resource service for t alone. At the end of the test
// (through t.Cleanup, so after the test's own deferred calls and the
// cleanups registered after it) it fails the test if any resource is still
// tracked or any worker still running, listing each, then shuts the service
// down so that nothing outlives the test, and then fails the test for every
// goroutine still running that descends from the test's goroutine or from
// the service's workers (see the package documentation). opts are added to
// the service's own (a name after the test, origins on, logging to t.Log).
//
// Call it from the test's goroutine, before starting anything: it labels
// that goroutine (replacing any pprof labels it had), and only goroutines
// started after the call inherit the label.
func NewService(t testing.TB, opts ...resource.Option) *resource.Manager {
	t.Helper()
	test := testLabel(t)
	base := []resource.Option{
		resource.WithName(test),
		resource.WithOrigins(true),
		resource.WithLogger(slog.New(slog.NewTextHandler(Writer(t), &slog.HandlerOptions{Level: slog.LevelDebug}))),
	}
	m := resource.NewManager(append(base, opts...)...)
	check := goroutineCheck{test: test, service: labels.ServiceName(m)}
	set := settingsOf(t)
	t.Cleanup(func() { // before Writer's and settingsOf's, which were registered first
		t.Helper()
		// What the cleanups start from here on is not the test's.
		unlabel()
		if leaks := Leaks(m); len(leaks) > 0 {
			t.Errorf("restest: %d resource(s) leaked:\n%s", len(leaks), formatLeaks(leaks))
		}
		ctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
		defer cancel()
		if err := m.Shutdown(ctx); err != nil {
			t.Errorf("restest: shutting the service down: %v", err)
		}
		if skip, grace := set.get(); !skip {
			check.run(t, grace)
		}
	})
	labelTest(test)
	return m
}

// Leaks returns every live resource of every component of s: what NewService
// reports at the end of a test. Call it to check for leaks in the middle of a
// test.
func Leaks(s resource.Service) []resource.Info {
	var out []resource.Info
	for _, c := range s.Components() {
		out = append(out, c.Live...)
	}
	return out
}

func formatLeaks(leaks []resource.Info) string {
	var b strings.Builder
	for _, l := range leaks {
		fmt.Fprintf(&b, "\t%s\n", l)
	}
	return b.String()
}

// Writer returns a writer that sends each write to t.Log (a final newline
// dropped) until the test has ended and the cleanups registered after the
// call have run: what a goroutine that outlived the test writes then is
// dropped instead of making testing panic. NewService's log goes there; use it for a logger
// of your own, or to keep a copy of the log as well:
//
//	var buf bytes.Buffer
//	h := slog.NewTextHandler(io.MultiWriter(&buf, restest.Writer(t)), nil)
//	svc := restest.NewService(t, resource.WithLogger(slog.New(h)))
func Writer(t testing.TB) io.Writer {
	w := &testWriter{t: t}
	t.Cleanup(w.stop)
	return w
}

// testWriter is Writer's writer.
type testWriter struct {
	mu   sync.Mutex
	t    testing.TB
	done bool
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		w.t.Helper()
		w.t.Log(strings.TrimSuffix(string(p), "\n"))
	}
	return len(p), nil
}

func (w *testWriter) stop() {
	w.mu.Lock()
	w.done = true
	w.mu.Unlock()
}
