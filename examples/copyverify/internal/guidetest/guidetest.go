// Package guidetest holds what the example's tests share to run the
// original guide's checks ("Testing Your Implementation"): a leak-checked
// resource service whose log can be searched for the guide's good and bad
// signs, and a way to wait for something to happen.
package guidetest

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rescoord/rescoord/runtime/controller"
	"github.com/rescoord/rescoord/runtime/resource"
	"github.com/rescoord/rescoord/runtime/restest"
)

// The guide's signs, as the runtime logs them.
const (
	Tracked   = "worker tracked with ID"
	Released  = "released resource"
	Finished  = "finished after"
	Collected = "collected with" // the bad sign: "component X collected with N active resources"
)

// Log is the captured log of a service.
type Log struct {
	mu  sync.Mutex
	buf bytes.Buffer
	out io.Writer // the test's log
}

// Write keeps p and sends it to the test's log (seen with go test -v).
func (l *Log) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	return l.out.Write(p)
}

// String returns everything logged so far.
func (l *Log) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// Count returns how many records contain s.
func (l *Log) Count(s string) int {
	n := 0
	for _, line := range strings.Split(l.String(), "\n") {
		if strings.Contains(line, s) {
			n++
		}
	}
	return n
}

// Service returns a restest service for t (it fails the test if anything
// is still tracked or running when the test ends) that logs everything,
// debug records included, into the returned Log as well as the test's log.
func Service(t testing.TB) (*resource.Manager, *Log) {
	t.Helper()
	l := &Log{out: restest.Writer(t)} // until restest's check has run
	h := slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug})
	return restest.NewService(t, resource.WithLogger(slog.New(h))), l
}

// Controller returns the controller newC builds on a new Service of t,
// with the service and its Log; the controller is cleaned up when the test
// ends, before the service checks for leaks, and a cleanup error fails the
// test.
func Controller[C interface{ Cleanup() error }](t testing.TB, newC func(...controller.Option) C) (C, *resource.Manager, *Log) {
	t.Helper()
	svc, log := Service(t)
	c := newC(controller.WithService(svc))
	t.Cleanup(func() {
		if err := c.Cleanup(); err != nil {
			t.Errorf("Cleanup: %v", err)
		}
	})
	return c, svc, log
}

// Eventually waits up to 10 seconds for cond to hold and fails the test
// with what if it does not.
func Eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// NoLeaks fails the test if svc still holds any resource or runs any
// worker, listing them.
func NoLeaks(t testing.TB, svc resource.Service) {
	t.Helper()
	for _, l := range restest.Leaks(svc) {
		t.Errorf("leaked: %s", l)
	}
}

// WriteTree writes files (slash-separated path → content) under root,
// making the folders they need.
func WriteTree(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
