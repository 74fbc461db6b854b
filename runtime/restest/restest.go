// Package restest checks tests for resource leaks.
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

	"github.com/rescoord/rescoord/runtime/resource"
)

// ShutdownTimeout bounds how long the end of a test waits for leaked
// workers to stop after reporting them.
const ShutdownTimeout = 5 * time.Second

// NewService returns a resource service for t alone. At the end of the test
// (through t.Cleanup, so after the test's own deferred calls) it fails the
// test if any resource is still tracked or any worker still running, listing
// each, and then shuts the service down so that nothing outlives the test.
// opts are added to the service's own (origins on, logging to t.Log).
func NewService(t testing.TB, opts ...resource.Option) *resource.Manager {
	t.Helper()
	base := []resource.Option{
		resource.WithOrigins(true),
		resource.WithLogger(slog.New(slog.NewTextHandler(Writer(t), &slog.HandlerOptions{Level: slog.LevelDebug}))),
	}
	m := resource.NewManager(append(base, opts...)...)
	t.Cleanup(func() { // before Writer's, which was registered first
		if leaks := Leaks(m); len(leaks) > 0 {
			t.Errorf("restest: %d resource(s) leaked:\n%s", len(leaks), formatLeaks(leaks))
		}
		ctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
		defer cancel()
		if err := m.Shutdown(ctx); err != nil {
			t.Errorf("restest: shutting the service down: %v", err)
		}
	})
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
