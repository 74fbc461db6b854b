package main

import (
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// gcSettings returns the collector's percent and memory limit. It reads
// them without setting them (as debug.SetGCPercent would), which could
// undo what startHeap's finalizer sets at the same time.
func gcSettings() (percent int, limit int64) {
	samples := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(samples)
	// Off (-1) reads as the largest uint64.
	return int(int64(samples[0].Value.Uint64())), int64(samples[1].Value.Uint64())
}

func TestStartHeap(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent, limit := gcSettings()

	stop := startHeap(32 << 20)
	if p, l := gcSettings(); p != -1 || l != 32<<20 {
		t.Errorf("after startHeap: percent %d, limit %d; want -1, %d", p, l, 32<<20)
	}
	stop()
	if p, l := gcSettings(); p != percent || l != limit {
		t.Errorf("after stop: percent %d, limit %d; want %d, %d", p, l, percent, limit)
	}
	stop() // again: nothing
	if p, l := gcSettings(); p != percent || l != limit {
		t.Errorf("after a second stop: percent %d, limit %d; want %d, %d", p, l, percent, limit)
	}
}

func TestStartHeapFirstCollection(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent, limit := gcSettings()
	stop := startHeap(32 << 20)
	defer stop()
	// The settings come back after the first collection, when its
	// finalizer has run (on a goroutine of its own, soon after).
	for range 1000 {
		runtime.GC()
		if p, l := gcSettings(); p == percent && l == limit {
			return
		}
		time.Sleep(time.Millisecond)
	}
	p, l := gcSettings()
	t.Fatalf("after collections: percent %d, limit %d; want %d, %d", p, l, percent, limit)
}

func TestStartHeapLeavesUsersChoice(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv("GOGC", "")
			t.Setenv("GOMEMLIMIT", "")
			t.Setenv(env, "200")
			percent, limit := gcSettings()
			stop := startHeap(32 << 20)
			if p, l := gcSettings(); p != percent || l != limit {
				t.Errorf("with %s set: percent %d, limit %d; want them unchanged (%d, %d)", env, p, l, percent, limit)
			}
			stop()
		})
	}
}
