package copyverify

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Run, on the calling goroutine, copies and verifies as the operation does,
// and reports the end of the run once.
func TestRun(t *testing.T) {
	src := tree(t, map[string]string{"a": "alpha", "sub/b": "bravo"})
	dst := filepath.Join(t.TempDir(), "out")
	r := newRecorder(false)
	if err := Run(context.Background(), Params{Src: src, Dst: dst}, r.events(), 0); err != nil {
		t.Fatal(err)
	}
	s := r.wait(t)
	if s.OK != 2 || s.Err != nil {
		t.Errorf("summary %+v", s)
	}
	if got := r.byPath()["sub/b"]; got.Status != OK || got.Sum != sum("bravo") {
		t.Errorf("sub/b: %+v", got)
	}
	if data, err := os.ReadFile(filepath.Join(dst, "sub", "b")); err != nil || string(data) != "bravo" {
		t.Errorf("copy of sub/b: %q, %v", data, err)
	}
}

// A cancelled Run copies nothing and says so, in its error and its summary.
func TestRunCancelled(t *testing.T) {
	src := tree(t, map[string]string{"a": "alpha"})
	dst := filepath.Join(t.TempDir(), "out")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := newRecorder(false)
	if err := Run(ctx, Params{Src: src, Dst: dst}, r.events(), 0); !errors.Is(err, context.Canceled) {
		t.Errorf("Run: %v, want context.Canceled", err)
	}
	if s := r.wait(t); !errors.Is(s.Err, context.Canceled) || s.OK != 0 {
		t.Errorf("summary %+v", s)
	}
	if _, err := os.Stat(filepath.Join(dst, "a")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a was copied: %v", err)
	}
}
