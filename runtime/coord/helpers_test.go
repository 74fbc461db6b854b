package coord_test

import (
	"bytes"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// logBuffer collects log output safely from many goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor polls cond until it holds or a few seconds pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// newService returns a quiet manager and a buffer with its log.
func newService(t *testing.T) (*resource.Manager, *logBuffer) {
	t.Helper()
	var logs logBuffer
	m := resource.NewManager(resource.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	return m, &logs
}

// noGoroutinesLeft fails t if goroutines of package coord are still running
// once they have had a moment to return.
func noGoroutinesLeft(t *testing.T) {
	t.Helper()
	var stacks string
	deadline := time.Now().Add(5 * time.Second)
	for {
		buf := make([]byte, 1<<20)
		stacks = string(buf[:runtime.Stack(buf, true)])
		if !strings.Contains(stacks, "rescoord/runtime/coord.(*state)") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("goroutines of package coord left behind:\n%s", stacks)
		}
		time.Sleep(time.Millisecond)
	}
}

// checker is a resource whose Close counts calls.
type checker struct {
	mu     sync.Mutex
	closed int
}

func (c *checker) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed++
	return nil
}

func (c *checker) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}

var _ = coord.Name // keep the import when tests are trimmed
