package coord_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

// The benchmarks come in pairs: a floor, the least the same job can cost
// written by hand, and rescoord doing it, so that the ratio between the two
// (measured in the same run) is what the README reports; README.md
// "Performance" gives the command.

// floor is the least that tracking and releasing can cost: an atomic
// counter for the ID and a mutex-guarded map insert and delete.
type floor struct {
	next atomic.Uint64
	mu   sync.Mutex
	m    map[uint64]any
}

func (f *floor) trackRelease(res any) {
	id := f.next.Add(1)
	f.mu.Lock()
	f.m[id] = res
	f.mu.Unlock()
	f.mu.Lock()
	delete(f.m, id)
	f.mu.Unlock()
}

// BenchmarkFloor is the floor of BenchmarkTrackRelease.
func BenchmarkFloor(b *testing.B) {
	f := &floor{m: make(map[uint64]any)}
	res := new(int)
	b.ReportAllocs()
	for b.Loop() {
		f.trackRelease(res)
	}
}

// BenchmarkTrackRelease tracks a resource and releases it: at most 1.5×
// BenchmarkFloor and no allocation, with UUID IDs.
func BenchmarkTrackRelease(b *testing.B) {
	c := coord.New("bench", coord.WithService(resource.NewManager()))
	defer c.Close()
	res := new(int)
	b.ReportAllocs()
	for b.Loop() {
		id := c.Track(res, resource.Memory)
		if err := c.Release(id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrackReleaseOptions is BenchmarkTrackRelease with a name and a
// release function: options are values, so this allocates nothing either.
func BenchmarkTrackReleaseOptions(b *testing.B) {
	c := coord.New("bench", coord.WithService(resource.NewManager()))
	defer c.Close()
	res := new(int)
	release := func() error { return nil }
	b.ReportAllocs()
	for b.Loop() {
		id := c.Track(res, resource.Memory, coord.Name("buffer"), coord.OnRelease(release))
		if err := c.Release(id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrackReleaseParallel runs BenchmarkTrackRelease on GOMAXPROCS
// goroutines, each with its own coordinator. Coordinators share no lock, so
// ns/op falls with the number of cores instead of rising with contention;
// compare with BenchmarkFloorParallel, where the goroutines share one map.
func BenchmarkTrackReleaseParallel(b *testing.B) {
	svc := resource.NewManager()
	var n atomic.Int64
	res := new(int)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		c := coord.New(fmt.Sprint("bench", n.Add(1)), coord.WithService(svc))
		defer c.Close()
		for pb.Next() {
			if err := c.Release(c.Track(res, resource.Memory)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkFloorParallel is BenchmarkFloor on GOMAXPROCS goroutines sharing
// one lock: what contention costs.
func BenchmarkFloorParallel(b *testing.B) {
	f := &floor{m: make(map[uint64]any)}
	res := new(int)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			f.trackRelease(res)
		}
	})
}

// BenchmarkGoFloor starts and waits for a bare goroutine with its own
// cancellable context and a WaitGroup: the floor of BenchmarkGo.
func BenchmarkGoFloor(b *testing.B) {
	fn := func(ctx context.Context) error { return ctx.Err() }
	parent := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		var wg sync.WaitGroup
		ctx, cancel := context.WithCancel(parent)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer cancel()
			_ = fn(ctx)
		}()
		wg.Wait()
	}
}

// BenchmarkGo starts a tracked worker and waits for it to finish and be
// released: at most 2× BenchmarkGoFloor.
func BenchmarkGo(b *testing.B) {
	w := coord.NewWorkers("bench", coord.WithService(resource.NewManager()))
	defer w.Close()
	var wg sync.WaitGroup
	fn := func(ctx context.Context) error {
		defer wg.Done()
		return ctx.Err()
	}
	b.ReportAllocs()
	for b.Loop() {
		wg.Add(1)
		w.Go("bench", fn)
		wg.Wait()
	}
	b.StopTimer()
	if err := w.CancelAll(context.Background()); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkGoNames is BenchmarkGo with each worker named unlike the one
// before, so that its pprof labels are made anew every time instead of
// reused: what labelling costs at most.
func BenchmarkGoNames(b *testing.B) {
	w := coord.NewWorkers("bench", coord.WithService(resource.NewManager()))
	defer w.Close()
	var wg sync.WaitGroup
	fn := func(ctx context.Context) error {
		defer wg.Done()
		return ctx.Err()
	}
	names := make([]string, 64)
	for i := range names {
		names[i] = fmt.Sprint("bench ", i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		wg.Add(1)
		w.Go(names[i%len(names)], fn)
		wg.Wait()
		i++
	}
	b.StopTimer()
	if err := w.CancelAll(context.Background()); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCleanupAll tracks n resources and releases them with one
// CleanupAll. ns/op covers both; cleanup-ns/resource is CleanupAll alone,
// per resource: linear in n, under 100 ns per resource.
func BenchmarkCleanupAll(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			c := coord.New("bench", coord.WithService(resource.NewManager()))
			defer c.Close()
			res := new(int)
			ctx := context.Background()
			var cleanup time.Duration
			for b.Loop() {
				for range n {
					c.Track(res, resource.Memory)
				}
				start := time.Now()
				if err := c.CleanupAll(ctx); err != nil {
					b.Fatal(err)
				}
				cleanup += time.Since(start)
			}
			b.ReportMetric(float64(cleanup.Nanoseconds())/float64(b.N*n), "cleanup-ns/resource")
		})
	}
}
