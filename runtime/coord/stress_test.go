package coord_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// TestStress interleaves Track, Release, CleanupAll, Go and CancelAll from 8
// goroutines on one coordinator (run it with -race). Every release handler
// must run exactly once, and no goroutine may be left behind.
func TestStress(t *testing.T) {
	const goroutines = 8
	iterations := 2000
	if testing.Short() {
		iterations = 200
	}
	w := coord.NewWorkers("stress", coord.WithService(resource.NewManager(resource.WithLogger(nil))))
	var tracked, workers atomic.Int64
	var mu sync.Mutex
	runs := make(map[int64]int) // handler number → times run

	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			for i := range iterations {
				n := tracked.Add(1)
				id := w.Track(n, resource.Memory, coord.OnRelease(func() error {
					mu.Lock()
					runs[n]++
					mu.Unlock()
					return nil
				}))
				switch (g + i) % 7 {
				case 0:
					w.CleanupAll(ctx)
				case 1:
					workers.Add(1)
					w.Go(fmt.Sprint("w", g, i), func(ctx context.Context) error {
						select {
						case <-ctx.Done():
						case <-time.After(time.Millisecond):
						}
						return nil
					})
				case 2:
					w.CancelAll(ctx)
				case 3:
					w.Live()
					w.ActiveWorkers()
				}
				// The release races with CleanupAll: whichever wins runs
				// the handler; the other reports ErrNotTracked.
				if err := w.Release(id); err != nil && !errors.Is(err, resource.ErrNotTracked) {
					t.Errorf("Release: %v", err)
				}
			}
		}()
	}
	wg.Wait()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if int64(len(runs)) != tracked.Load() {
		t.Errorf("%d of %d release handlers ran", len(runs), tracked.Load())
	}
	for n, c := range runs {
		if c != 1 {
			t.Errorf("handler %d ran %d times", n, c)
		}
	}
	t.Logf("%d resources, %d workers", tracked.Load(), workers.Load())
	noGoroutinesLeft(t)
}

// TestStressCoordinators runs coordinators on many goroutines against one
// service, which is also being asked for its components.
func TestStressCoordinators(t *testing.T) {
	svc := resource.NewManager(resource.WithLogger(nil))
	var wg sync.WaitGroup
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
				svc.Components()
			}
		}
	}()
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				w := coord.NewWorkers(fmt.Sprint("c", g, "_", i), coord.WithService(svc))
				w.Go("job", func(ctx context.Context) error { <-ctx.Done(); return nil })
				w.Track(i, resource.Map)
				if err := w.Close(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	if n := len(svc.Components()); n != 0 {
		t.Errorf("%d components still registered after Close", n)
	}
	noGoroutinesLeft(t)
}
