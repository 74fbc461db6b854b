package coord_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rescoord/rescoord/runtime/coord"
	"github.com/rescoord/rescoord/runtime/resource"
)

func TestGoLifecycle(t *testing.T) {
	svc, logs := newService(t)
	w := coord.NewWorkers("CopyController_1", coord.WithService(svc))
	release := make(chan struct{})
	id := w.Go("copy", func(ctx context.Context) error {
		<-release
		return nil
	})
	active := w.ActiveWorkers()
	if info, ok := active[id]; !ok || info.Name != "copy" || info.Component != "CopyController_1" || info.Started.IsZero() {
		t.Fatalf("ActiveWorkers = %+v", active)
	}
	if live := w.Live(); len(live) != 1 || live[0].Kind != resource.Worker || !live[0].Running {
		t.Fatalf("Live = %+v", live)
	}
	close(release)
	waitFor(t, "the worker to be released", func() bool { return len(w.Live()) == 0 })
	if len(w.ActiveWorkers()) != 0 {
		t.Error("finished worker still active")
	}
	waitFor(t, "the release record", func() bool {
		return strings.Contains(logs.String(), "released resource "+id.String()+" for CopyController_1")
	})
	out := logs.String()
	for _, sign := range []string{
		"worker tracked with ID " + id.String(),
		"worker copy finished after 0.",
	} {
		if !strings.Contains(out, sign) {
			t.Errorf("log lacks %q:\n%s", sign, out)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	noGoroutinesLeft(t)
}

func TestGoAutoReleaseOff(t *testing.T) {
	w := coord.NewWorkers("c", coord.WithService(resource.NewManager()))
	id := w.Go("job", func(context.Context) error { return nil }, coord.AutoRelease(false))
	waitFor(t, "the worker to finish", func() bool { return len(w.ActiveWorkers()) == 0 })
	live := w.Live()
	if len(live) != 1 || live[0].ID != id || live[0].Running {
		t.Fatalf("finished worker with AutoRelease(false): Live = %+v", live)
	}
	if err := w.Release(id); err != nil {
		t.Fatal(err)
	}
	if err := w.Release(id); !errors.Is(err, resource.ErrNotTracked) {
		t.Errorf("second Release = %v", err)
	}
}

func TestReleaseCancelsWorker(t *testing.T) {
	w := coord.NewWorkers("c", coord.WithService(resource.NewManager()))
	stopped := make(chan error, 1)
	id := w.Go("loop", func(ctx context.Context) error {
		<-ctx.Done()
		stopped <- ctx.Err()
		return ctx.Err()
	})
	if err := w.Release(id); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-stopped:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("worker saw %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Release did not cancel the worker")
	}
	// CleanupAll waits for a released worker that is still returning.
	if err := w.CleanupAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	noGoroutinesLeft(t)
}

func TestCancelOnCleanupFalse(t *testing.T) {
	w := coord.NewWorkers("c", coord.WithService(resource.NewManager()))
	var cancelled atomic.Bool
	finish := make(chan struct{})
	w.Go("save", func(ctx context.Context) error {
		select {
		case <-ctx.Done():
			cancelled.Store(true)
		case <-finish:
		}
		return nil
	}, coord.CancelOnCleanup(false))
	done := make(chan error)
	go func() { done <- w.CleanupAll(context.Background()) }()
	select {
	case <-done:
		t.Fatal("CleanupAll returned before the worker it must wait for")
	case <-time.After(20 * time.Millisecond):
	}
	close(finish)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if cancelled.Load() {
		t.Error("CleanupAll cancelled a CancelOnCleanup(false) worker")
	}
}

func TestWorkerPanicIsReturned(t *testing.T) {
	svc, logs := newService(t)
	w := coord.NewWorkers("c", coord.WithService(svc))
	w.Go("bad", func(context.Context) error { panic("worker broke") })
	w.Go("good", func(ctx context.Context) error { <-ctx.Done(); return nil })
	waitFor(t, "the panic to be logged", func() bool { return strings.Contains(logs.String(), "worker bad panicked") })
	err := w.CancelAll(context.Background())
	var pe *resource.PanicError
	if !errors.As(err, &pe) || pe.Value != "worker broke" || !strings.Contains(err.Error(), `worker "bad"`) {
		t.Fatalf("CancelAll = %v, want the worker's *PanicError", err)
	}
	if err := w.CancelAll(context.Background()); err != nil {
		t.Errorf("the panic was reported twice: %v", err)
	}
	if len(w.ActiveWorkers()) != 0 {
		t.Error("CancelAll left workers running")
	}
}

func TestWorkerErrorIsLogged(t *testing.T) {
	svc, logs := newService(t)
	w := coord.NewWorkers("c", coord.WithService(svc))
	w.Go("fails", func(context.Context) error { return errors.New("disk full") })
	w.Go("cancelled", func(context.Context) error { return context.Canceled })
	waitFor(t, "both to finish", func() bool { return strings.Count(logs.String(), "finished after") == 2 })
	out := logs.String()
	if !strings.Contains(out, "worker fails failed") || !strings.Contains(out, "disk full") {
		t.Errorf("failure not logged:\n%s", out)
	}
	if strings.Contains(out, "worker cancelled failed") {
		t.Errorf("cancellation logged as a failure:\n%s", out)
	}
}

func TestCancelAllWorkers(t *testing.T) {
	w := coord.NewWorkers("c", coord.WithService(resource.NewManager(resource.WithLogger(nil))))
	for range 5 {
		w.Go("cooperative", func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() })
	}
	start := time.Now()
	if !w.CancelAllWorkers(5 * time.Second) {
		t.Fatal("cooperative workers did not stop")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("CancelAllWorkers took %v for cooperative workers", d)
	}
	noGoroutinesLeft(t)
}

func TestStuckWorker(t *testing.T) {
	svc, logs := newService(t)
	w := coord.NewWorkers("Stuck_1", coord.WithService(svc))
	unblock := make(chan struct{})
	defer close(unblock)
	id := w.Go("stubborn", func(context.Context) error { <-unblock; return nil })
	w.Go("polite", func(ctx context.Context) error { <-ctx.Done(); return nil })

	start := time.Now()
	if w.CancelAllWorkers(50 * time.Millisecond) {
		t.Fatal("CancelAllWorkers reported success with a stuck worker")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("CancelAllWorkers took %v with a 50ms timeout", d)
	}
	if out := logs.String(); !strings.Contains(out, "stubborn") || !strings.Contains(out, "did not stop") {
		t.Errorf("the stuck worker is not reported:\n%s", out)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err := w.CancelAll(ctx)
	var stuck *coord.StuckError
	if !errors.As(err, &stuck) || len(stuck.Workers) != 1 || stuck.Workers[0].ID != id || stuck.Component != "Stuck_1" {
		t.Fatalf("CancelAll = %v, want a StuckError naming the stubborn worker", err)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("StuckError does not unwrap to the deadline: %v", err)
	}
}

func TestShutdownPastDeadlineStillReleases(t *testing.T) {
	svc := resource.NewManager(resource.WithLogger(nil))
	unblock := make(chan struct{})
	defer close(unblock)
	a := coord.NewWorkers("a", coord.WithService(svc), coord.WithPriority(20))
	a.Go("stuck", func(context.Context) error { <-unblock; return nil })
	var released []string
	a.Track(nil, resource.Custom, coord.OnRelease(func() error { released = append(released, "a"); return nil }))
	b := coord.New("b", coord.WithService(svc), coord.WithPriority(10))
	for _, name := range []string{"b1", "b2"} {
		b.Track(nil, resource.FileHandle, coord.OnRelease(func() error { released = append(released, name); return nil }))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	err := svc.Shutdown(ctx)
	var stuck *coord.StuckError
	if !errors.As(err, &stuck) {
		t.Errorf("Shutdown = %v, want a StuckError", err)
	}
	if strings.Join(released, ",") != "a,b2,b1" {
		t.Errorf("released %v; every synchronous release must run past the deadline", released)
	}
}

// objWorker is a Worker object with its own goroutine.
type objWorker struct {
	cancel    chan struct{}
	done      chan struct{}
	once      sync.Once
	cancelled atomic.Bool
}

func newObjWorker() *objWorker {
	return &objWorker{cancel: make(chan struct{}), done: make(chan struct{})}
}

func (o *objWorker) start() *objWorker {
	go func() {
		<-o.cancel
		close(o.done)
	}()
	return o
}

func (o *objWorker) Cancel() {
	o.once.Do(func() { o.cancelled.Store(true); close(o.cancel) })
}

func (o *objWorker) Done() <-chan struct{} { return o.done }

func TestTrackWorker(t *testing.T) {
	w := coord.NewWorkers("c", coord.WithService(resource.NewManager()))
	o := newObjWorker().start()
	id := w.TrackWorker(o)
	if live := w.Live(); len(live) != 1 || live[0].Name != "*coord_test.objWorker" || live[0].ID != id {
		t.Fatalf("Live = %+v", live)
	}
	o.Cancel() // it stops by itself: auto release
	waitFor(t, "auto release", func() bool { return len(w.Live()) == 0 })

	named := newObjWorker().start()
	w.TrackWorker(named, coord.Name("scanner"))
	if got := w.Live()[0].Name; got != "scanner" {
		t.Errorf("name = %q", got)
	}
	if err := w.CleanupAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !named.cancelled.Load() {
		t.Error("CleanupAll did not cancel the worker object")
	}

	manual := newObjWorker().start()
	mid := w.TrackWorker(manual, coord.AutoRelease(false))
	manual.Cancel()
	<-manual.Done()
	if len(w.Live()) != 1 || len(w.ActiveWorkers()) != 0 {
		t.Errorf("AutoRelease(false) worker: live %d, active %d", len(w.Live()), len(w.ActiveWorkers()))
	}
	if err := w.Release(mid); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	noGoroutinesLeft(t)
}

func TestGoAfterClose(t *testing.T) {
	w := coord.NewWorkers("c", coord.WithService(resource.NewManager(resource.WithLogger(nil))))
	w.Close()
	ran := false
	if id := w.Go("late", func(context.Context) error { ran = true; return nil }); !id.IsZero() {
		t.Error("Go after Close returned an ID")
	}
	o := newObjWorker()
	if id := w.TrackWorker(o); !id.IsZero() || !o.cancelled.Load() {
		t.Error("TrackWorker after Close did not cancel the worker at once")
	}
	time.Sleep(5 * time.Millisecond)
	if ran {
		t.Error("Go after Close ran the function")
	}
}

func TestCloseCancelsKeptWorkers(t *testing.T) {
	w := coord.NewWorkers("c", coord.WithService(resource.NewManager(resource.WithLogger(nil))),
		coord.WithCloseTimeout(20*time.Millisecond))
	w.Go("kept", func(ctx context.Context) error { <-ctx.Done(); return nil }, coord.CancelOnCleanup(false))
	err := w.Close()
	var stuck *coord.StuckError
	if !errors.As(err, &stuck) {
		t.Errorf("Close = %v, want the kept worker reported", err)
	}
	noGoroutinesLeft(t) // Close cancelled it after its timeout
}

func TestOnDone(t *testing.T) {
	w := coord.NewWorkers("c", coord.WithService(resource.NewManager(resource.WithLogger(nil))))
	type ended struct {
		err  error
		live int
	}
	got := make(chan ended, 3)
	errBoom := errors.New("boom")
	w.Go("ok", func(context.Context) error { return nil }, coord.OnDone(func(err error) { got <- ended{err, len(w.Live())} }))
	e := <-got
	if e.err != nil || e.live != 0 {
		t.Errorf("OnDone after a clean run: %+v; want nil error and the worker already released", e)
	}
	w.Go("fails", func(context.Context) error { return errBoom }, coord.OnDone(func(err error) { got <- ended{err, 0} }))
	if e := <-got; !errors.Is(e.err, errBoom) {
		t.Errorf("OnDone error = %v", e.err)
	}
	w.Go("panics", func(context.Context) error { panic("p") }, coord.OnDone(func(err error) { got <- ended{err, 0} }))
	var pe *resource.PanicError
	if e := <-got; !errors.As(e.err, &pe) {
		t.Errorf("OnDone of a panicking worker = %v", e.err)
	}
	w.CancelAll(context.Background())
	o := newObjWorker().start()
	objDone := make(chan error, 1)
	w.TrackWorker(o, coord.OnDone(func(err error) { objDone <- err }))
	o.Cancel()
	if err := <-objDone; err != nil {
		t.Errorf("OnDone of a worker object = %v", err)
	}
	// A panic in OnDone is logged, not fatal.
	w.Go("bad callback", func(context.Context) error { return nil }, coord.OnDone(func(error) { panic("callback") }))
	w.Close()
	noGoroutinesLeft(t)
}
